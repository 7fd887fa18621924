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
 * The tree {@link PlainHtml} makes of a page, written out as HTML, is exactly what Flexmark's renderer writes for
 * the page (or the page is left to the renderer): on hand-written cases, the flagship's prose, a benchmark-like page
 * and thousands of random Markdown texts mixing the constructs it writes with the ones it leaves to the renderer.
 */
public class PlainHtmlTest {

    private static final Markdown MARKDOWN = new Markdown();

    /** The tree as Flexmark writes HTML: attributes in order, void elements closed with " /". */
    static String written(PlainHtml.Element e) {
        StringBuilder out = new StringBuilder();
        for (Object k : e.kids()) write(k, out);
        return out.toString();
    }

    private static void write(Object node, StringBuilder out) {
        if (node instanceof String s) {
            out.append(s);
            return;
        }
        PlainHtml.Element e = (PlainHtml.Element) node;
        out.append('<').append(e.name());
        for (String[] a : e.attrs()) out.append(' ').append(a[0]).append("=\"").append(a[1]).append('"');
        if (e.name().equals("hr") || e.name().equals("br")) {
            out.append(" />");
            return;
        }
        out.append('>');
        for (Object k : e.kids()) write(k, out);
        out.append("</").append(e.name()).append('>');
    }

    /** Whether the page took the tree; asserts that when it did, the tree is what the renderer writes. */
    static boolean sameAsRenderer(String markdown) {
        Markdown.MarkdownPage page = MARKDOWN.parse(markdown);
        PlainHtml.Element tree = MARKDOWN.plainTree(page, null, null);
        if (tree == null) return false;
        String rendered = MARKDOWN.render(page, i -> "", i -> "");
        assertThat(written(tree)).as(markdown).isEqualTo(rendered);
        return true;
    }

    public static final List<String> CASES = List.of(
            "Plain prose, with \"quotes\" and 'apostrophes' -- dashes --- and dots... &copy; &amp; &#169; &#x41; AT&T.",
            "## Heading *one* with `code \"q\" <x>`\n\nText.\n\n### Heading two\n\n## Heading *one* with `code \"q\" <x>`\n",
            "| a | b | c | d |\n|:--|:-:|--:|---|\n| 1 | 2 | 3 | 4 |\n| x & y | \"q\" | \\<z\\> | |\n\nAfter.\n\n| t |\n|---|\n| u |\n",
            "| a | b |\n|---|---|\n",
            "```python\ndef f(x):\n    \"\"\"Doc & <more>.\"\"\"\n    return x > 1\n```\n\n```\n```\n\n```a&b c\nx\n```\n",
            "- one\n- two\n  - nested *em*\n  - **strong**\n\n1. first\n2. second\n\n3) third\n\n7. seven\n",
            "- loose\n\n- list\n  with lines\n\n  and a paragraph\n",
            "> quote with a  \nhard break and a\\\nbackslash break.\n> > nested\n",
            "Links [a](../up/) [b](http://x.org/?a=1&b=2) [c](#frag) [d](dir/#x) [e](<a b>) [f](a\\_b) [g](/x/ \"title\").",
            "中文的段落，没有空格。 又一句话：“引号”。\n\n## 标题\n\n日本語のテキスト。",
            "Non\u00a0breaking\u00a0spaces and zero\u200bwidth and soft\u00adhyphen, tabs\tinside\ttext.",
            "***\n\nRule above.\n\n# H1 *x*\n\nSetext\n======\n\nTwo\n---\n",
            "Emphasis*inside*words and **bold**text, `a`b`c`, ``code `with` ticks``, `  spaced  `, `multi\nline`.",
            "## Same\n\n## Same\n\n## Same\n\n### same\n\n## Ünïcödé & <x>\n\n## 1. Numbered\n",
            "\n\n   \n",
            "");

    @Test
    void handWrittenCasesAreWrittenAsTheRendererWritesThem() {
        int taken = 0;
        for (String c : CASES) if (sameAsRenderer(c)) taken++;
        assertThat(taken).as("cases the tree took").isGreaterThanOrEqualTo(CASES.size() - 2); // a link title
    }

    @Test
    void theFlagshipsProseIsWrittenAsTheRendererWritesIt() throws IOException {
        List<Path> pages = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("content"))) {
            files.filter(f -> f.toString().endsWith(".md")).forEach(pages::add);
        }
        assertThat(pages).isNotEmpty();
        int taken = 0, prose = 0;
        for (Path p : pages) {
            String text = Files.readString(p);
            String body = text.startsWith("---") ? FrontMatter.split(text, p.toString()).body() : text;
            sameAsRenderer(body);
            for (String part : body.split("\n\n")) {
                Markdown.MarkdownPage page = MARKDOWN.parse(part);
                if (page.directives().isEmpty() && page.inlineValues().isEmpty() && page.rawHtml().isEmpty()) prose++;
                if (sameAsRenderer(part)) taken++;
            }
        }
        // the paragraphs without directives, inline values or raw HTML, but for a few (footnotes, images)
        assertThat(taken).as("of %d paragraphs of prose", prose).isGreaterThan(100).isGreaterThanOrEqualTo(prose - 5);
    }

    /** What the benchmark's plain pages hold (bench/, ../shared/bench/gen_corpus.py). */
    public static final String BENCH_PAGE = "Magna vitae ut sollicitudin vitae orci tempor et culpa amet sit. Laboris aliquip pretium.\n\n"
            + "## Ac consectetur lectus 1\n\nGravida et sint eiusmod a in data bibendum eros labour pariatur.\n\n"
            + "- Enim excepteur morbi ad orci.\n- Lorem commodo esse laborum dolor labore pariatur quarter.\n\n"
            + "| region | quarter | value | change |\n|---|---|--:|--:|\n| et | Q2 | 75980 | 3.8% |\n| eros | Q1 | 55048 | -11.8% |\n\n"
            + "See also [Page 251 Tristique anim enim](/posts/p00251/) for the previous figures.\n\n## Dolore felis nec 3\n\n"
            + "```python\ndef total_1(rows):\n    \"\"\"Sum the value column.\"\"\"\n    return sum(r['value'] for r in rows if r['value'] > 470)\n```\n";

    @Test
    void benchmarkPagesTakeTheTree() {
        assertThat(sameAsRenderer(BENCH_PAGE)).isTrue();
    }

    /** Pieces of Markdown: what the tree writes, edge cases of each, and what it leaves to the renderer. */
    public static final String[] PARTS = {"word", "Word", " ", "  ", "\t", "\n", "\n\n", "\n\n## ", "\n\n### ", "\n\n# ", "\n- ", "\n  - ",
            "\n    - ", "\n1. ", "\n2) ", "\n   3. ", "\n> ", "\n> > ", "\n\n```\n", "\n```\n", "\n\n```python x\n", "\n~~~\n",
            "\n    ", "*", "**", "_", "__", "`", "``", "~~", "\"", "'", "--", "---", "...", "&", "&amp;", "&lt;", "&copy;", "&#169;",
            "&#x2014;", "&nbsp;", "&bogus;", "<", ">", "<x>", "[a](b/)", "[a](/posts/p1/)", "[l *e*](c/#d)", "[c](http://x.org/?a=1&b=2 \"t\")",
            "[u](a&amp;b)", "[s](<a b/>)", "![i](p.png)", "https://e.org/x", "www.e.org", "x@y.org", "<https://e.org>", "\u00a0", "中文",
            "。", "{{ q.v }}", "\n| a | b |\n|--:|:-:|\n| 1 | 2 |\n", "\n| h |\n|---|\n| `c|d` |\n", "\n|a|b|\n|:-|-|\n|x||\n",
            "\n\n| t | u |\n|---|---|\n| 1 | 2 | 3 |\n[cap]\n", "\\", "\\*", "\\<", "  \n", "\\\n", "- [ ] ", "- [x] ", "#", "=", "\n***\n",
            "\n___\n", "[^1]", "\n\n[^1]: note", "<br>", "<p>", "<!-- c -->", "\u200b", "\u00ad", "Ünïcödé", "x", "\r\n", "\u0001",
            "\n\n## Same\n\n## Same\n"};

    @Test
    void randomMarkdownIsWrittenAsTheRendererWritesIt() {
        Random random = new Random(17);
        int taken = 0, total = 5000;
        for (int i = 0; i < total; i++) {
            StringBuilder md = new StringBuilder();
            for (int k = random.nextInt(50); k >= 0; k--) md.append(PARTS[random.nextInt(PARTS.length)]);
            if (sameAsRenderer(md.toString())) taken++;
        }
        assertThat(taken).as("random texts the tree took").isGreaterThan(total / 8);
    }
}
