package io.datadesk.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Markdown whose autolinks and anchor links are made over one walk of the document ({@link TreePostProcessing})
 * renders exactly what it rendered with Flexmark's node post-processors: on cases around links in headings and
 * next to typographic quotes, on random Markdown, on the flagship's pages and on a benchmark page.
 */
class TreePostProcessingTest {

    private static final Markdown ONE_WALK = new Markdown();
    private static final Markdown FLEXMARKS = new Markdown(false);

    private static String html(Markdown markdown, String text) {
        return markdown.render(markdown.parse(text), i -> "<div>directive " + i + "</div>", i -> "value " + i);
    }

    private static void assertSame(String text) {
        assertThat(html(ONE_WALK, text)).as(text).isEqualTo(html(FLEXMARKS, text));
    }

    @Test
    void linksAndAnchorsAreWhereFlexmarksProcessorsPutThem() {
        List<String> cases = List.of(
                "# Heading https://example.org\n\n## Mail jane@example.org in a heading\n\n### www.example.org, \"quoted\"\n",
                "## Heading *with* `code` and [a link](x/)\n\nText www.example.org.\n",
                "> ## A heading in a quote www.x.org\n>\n> text\n",
                "See \"https://example.org/a\" -- and 'www.example.org'... and x@y.org.",
                "- item www.example.org\n- item two\n  - nested mailto:x@example.org\n",
                "| a | b |\n|---|---|\n| https://example.org | x@y.org |\n",
                "Text[^1].\n\n[^1]: A note with https://example.org/note.\n",
                "```python\ndef f(x):\n    return 'http://example.org'\n```\n\nAfter: `code https://x.org` and https://x.org.",
                "Setext heading www.example.org\n===\n\nAnother one\n---\n",
                "## Same\n\n## Same\n\n#\n\n## \n",
                "An entity http&#58;//example.org and &amp; and &copy;; escaped https\\://example.org.");
        for (String c : cases) assertSame(c);
    }

    @Test
    void randomMarkdownRendersTheSame() {
        String[] links = {"https://e.org/x", "www.e.org", "x@y.org", ":", "@", "&#64;", "ww", "\"", "'", "--", "...", "\n\n## ", "\n# "};
        Random random = new Random(23);
        for (int i = 0; i < 2000; i++) {
            StringBuilder md = new StringBuilder();
            for (int k = random.nextInt(40); k >= 0; k--) {
                md.append(random.nextInt(4) == 0 ? links[random.nextInt(links.length)] : PlainHtmlTest.PARTS[random.nextInt(PlainHtmlTest.PARTS.length)]);
            }
            assertSame(md.toString());
        }
    }

    @Test
    void theFlagshipsPagesAndABenchmarkPageRenderTheSame() throws IOException {
        List<Path> pages = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("content"))) {
            files.filter(f -> f.toString().endsWith(".md")).forEach(pages::add);
        }
        assertThat(pages).isNotEmpty();
        for (Path p : pages) assertSame(Files.readString(p));
        assertSame(PlainHtmlTest.BENCH_PAGE);
    }
}
