package io.datadesk.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * A page parsed in parts ({@link Blocks}), and again after edits with the parts that did not change reused
 * ({@link Markdown#parse(String, Markdown.MarkdownPage)}), must give exactly what parsing and rendering it whole gives:
 * the same directives, inline values, contents, raw HTML places and HTML.
 */
class MarkdownPartsTest {

    private final Markdown markdown = new Markdown();

    /** Directive HTML with blank lines and spaces at line ends, which Flexmark's writer treats specially. */
    private static final IntFunction<String> DIRECTIVE = i -> i % 3 == 0 ? "<figure id=\"chart-" + i + "\">\n<svg>\n\n<g/>  \n</svg>\n\n</figure>\n"
            : i % 3 == 1 ? "<div class=\"table-scroll\"><table><tr><td>" + i + "</td></tr></table></div>" : "\n\n<details>x" + i + "</details>\n\n\n";
    private static final IntFunction<String> TEXT = i -> "v<" + i + ">&";
    private static final IntFunction<Markdown.Link> LINK = i -> i % 2 == 0 ? new Markdown.Link("dd-num-" + (i + 1), "how.html#dd-how-" + (i + 1)) : null;

    private static String body(Path page) throws Exception {
        String text = Files.readString(page);
        return FrontMatter.split(text, page.toString()).body();
    }

    private static List<Path> flagshipPages() throws Exception {
        try (var files = Files.walk(Path.of("content"))) {
            return files.filter(f -> f.toString().endsWith(".md") && !f.getParent().endsWith("data")).sorted().toList();
        }
    }

    private void assertSame(Markdown.MarkdownPage parts, Markdown.MarkdownPage whole, String what) {
        assertThat(parts.directives()).as("directives of %s", what).hasToString(whole.directives().toString());
        assertThat(parts.inlineValues()).as("inline values of %s", what).isEqualTo(whole.inlineValues());
        assertThat(parts.toc()).as("contents of %s", what).isEqualTo(whole.toc());
        assertThat(parts.rawHtml()).as("raw HTML of %s", what).usingRecursiveFieldByFieldElementComparator()
                .containsExactlyElementsOf(whole.rawHtml());
        assertThat(parts.rawHtml().stream().map(Arrays::toString).toList()).isEqualTo(whole.rawHtml().stream().map(Arrays::toString).toList());
        assertThat(html(parts, null)).as("HTML of %s", what).isEqualTo(html(whole, null));
        assertThat(html(parts, "zh/a/")).as("HTML of %s as a translation", what).isEqualTo(html(whole, "zh/a/"));
    }

    private String html(Markdown.MarkdownPage page, String sitePath) {
        List<Integer> asked = new ArrayList<>();
        String html = markdown.render(page, i -> {
            asked.add(i);
            return DIRECTIVE.apply(i);
        }, TEXT, LINK, sitePath, sitePath == null ? null : "a/");
        // Each directive's output is asked for once, in page order (callers number drawings by it).
        assertThat(asked).isEqualTo(java.util.stream.IntStream.range(0, page.directives().size()).boxed().toList());
        return html;
    }

    @Test
    void theFlagshipPagesAreCutInPartsThatParseAndRenderAsTheWholePage() throws Exception {
        for (Path page : flagshipPages()) {
            String body = body(page);
            Markdown.MarkdownPage parts = markdown.parseInParts(body, null);
            assertSame(parts, markdown.parseWhole(body), page.toString());
            if (body.length() > 20_000) assertThat(parts.parts()).as("parts of %s", page).isGreaterThan(50);
        }
    }

    @Test
    void editsOfTheFlagshipReuseTheUnchangedPartsAndGiveWhatAWholeParseGives() throws Exception {
        Random random = new Random(7);
        for (Path page : flagshipPages()) {
            String body = body(page);
            Markdown.MarkdownPage previous = markdown.parseInParts(body, null);
            html(previous, null);
            for (int round = 0; round < 25; round++) {
                body = edit(body, random);
                Markdown.MarkdownPage next = markdown.parse(body, previous);
                assertSame(next, markdown.parseWhole(body), page + " after edit " + round);
                previous = next;
            }
        }
    }

    @Test
    void randomPagesAndEditSequencesGiveWhatAWholeParseGives() {
        Random random = new Random(17);
        int cut = 0;
        for (int round = 0; round < 400; round++) {
            String body = randomPage(random);
            Markdown.MarkdownPage previous = markdown.parseInParts(body, null);
            if (previous.parts() > 1) cut++;
            assertSame(previous, markdown.parseWhole(body), "page " + round + ":\n" + body);
            for (int e = 0; e < 4; e++) {
                body = random.nextBoolean() ? edit(body, random) : body.replace(pick(random, "Alpha", "beta", "{{ q.a }}", "\n\n"), pick(random, "Alpha {{ q.b }}", "Beta", "x", "\n\n\n", "\n"));
                Markdown.MarkdownPage next = markdown.parse(body, previous);
                assertSame(next, markdown.parseWhole(body), "page " + round + " after edit " + e + ":\n" + body);
                previous = next;
            }
        }
        assertThat(cut).as("random pages cut in parts").isGreaterThan(100);
    }

    @Test
    void whatIsPageWideOrSpansBlankLinesKeepsThePageWhole() {
        assertThat(markdown.parseInParts("A [link][r].\n\nMore.\n\n[r]: https://example.com\n", null).parts()).isEqualTo(1);
        assertThat(markdown.parseInParts("A note[^1].\n\nMore.\n\n[^1]: The note.\n", null).parts()).isEqualTo(1);
        assertThat(markdown.parseInParts("<!--\n\nhidden\n\n-->\n\nMore.\n", null).parts()).isEqualTo(1);
        assertThat(markdown.parseInParts("# Results\n\nA.\n\n# Results\n\nB.\n", null).parts()).isEqualTo(1);
        assertThat(markdown.parseInParts("# Results\n\nA.\n\n# Results 1\n\nB.\n", null).parts()).isEqualTo(1); // results, results-1
        assertThat(markdown.parseInParts("# Results\n\nA.\n\n# Results again\n\nB.\n", null).parts()).isEqualTo(4);
        assertThat(markdown.parseInParts("Line\r\n\r\nLine\r\n", null).parts()).isEqualTo(1);
        // A fence's blank lines stay inside its part; list items separated by blank lines stay one list.
        assertThat(markdown.parseInParts("```sql q\nselect 1\n\nfrom t\n```\n\nText.\n", null).parts()).isEqualTo(2);
        assertThat(markdown.parseInParts("- a\n\n- b\n\nText.\n", null).parts()).isEqualTo(2);
    }

    private static String pick(Random random, String... options) {
        return options[random.nextInt(options.length)];
    }

    /** An edit as an author makes one: a word typed, a line or block added, removed or moved. */
    private static String edit(String body, Random random) {
        List<String> lines = new ArrayList<>(Arrays.asList(body.split("\n", -1)));
        int at = random.nextInt(lines.size());
        switch (random.nextInt(6)) {
            case 0 -> lines.set(at, lines.get(at) + pick(random, " word", " {{ q.c | number }}", "", " \"quoted\"", " *em*", "{{"));
            case 1 -> lines.add(at, pick(random, "", "New paragraph {{ q.d }}.", "## Added heading", "- item", "> quote", "```", "```chart\ndata: q\n```", "| a | b |\n|---|--:|\n| 1 | 2 |"));
            case 2 -> lines.remove(at);
            case 3 -> lines.add(at, "");
            case 4 -> {
                String moved = lines.remove(at);
                lines.add(random.nextInt(lines.size() + 1), moved);
            }
            default -> lines.set(at, lines.get(at).replace(" ", "  "));
        }
        return String.join("\n", lines);
    }

    private static final String[] BLOCKS = {
        "Alpha paragraph with {{ q.a | number }} and \"quotes\" -- dashes.",
        "Two lines\nof one paragraph {{ q.b }}.",
        "## Heading {{ q.a }}", "## Heading", "### Other heading", "Setext\n===", "beta\n---",
        "- one\n- two {{ q.c }}", "- loose\n\n- list", "1. first\n2. second\n\n   continued", "* a\n  * nested\n\n  para",
        "> quoted {{ q.a }}\n> more", "> q\nlazy line", "```sql q\nselect 1 as a\n\n-- blank above\n```", "```chart\ndata: q\nx: a\n```",
        "```table\ndata: q\n```", "```\nplain code {{ q.a }}\n```", "~~~~\n```\nnot closed by backticks\n~~~~", "    indented code\n\n    more",
        "| h | i |\n|:--|--:|\n| 1 | {{ q.a }} |", "***", "---", "Text with <b>inline html</b>.", "A [link](../other/) and https://example.com.",
        "- [ ] task\n- [x] done", "~~struck~~ and `code {{ x }}`", "Tab\tseparated", "  two-space indented paragraph", "\tTab indented",
        "```sql unclosed\nselect 1", "Trailing spaces  \nhard break", "Entity &amp; &copy; &#35;", "99. list at ninety-nine", "+ plus list",
    };

    private static String randomPage(Random random) {
        StringBuilder out = new StringBuilder();
        for (int i = random.nextInt(12); i >= 0; i--) {
            out.append(BLOCKS[random.nextInt(BLOCKS.length)]);
            out.append(pick(random, "\n\n", "\n\n", "\n\n\n", "\n", "\n\n\n\n"));
        }
        if (random.nextInt(4) == 0) out.setLength(out.length() - 1);
        return out.toString();
    }
}
