package io.datadesk.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.datadesk.i18n.MessageCatalog;
import io.datadesk.i18n.Messages;
import io.datadesk.read.Markdown;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The quick polish of a body only Flexmark wrote gives exactly what the jsoup path gives (HTML, words, CJK
 * characters, heading texts), or gives up; it must not give up on ordinary prose.
 */
class QuickPolishTest {

    private static final Markdown MARKDOWN = new Markdown();
    private static final Messages EN = Messages.english();
    private static final Messages ZH = MessageCatalog.builtIn().forLocale(Locale.forLanguageTag("zh-CN"));

    /** Renders as the page view does for a page without directives' output; null when it would not take the quick path. */
    private static String body(String markdown) {
        Markdown.MarkdownPage page = MARKDOWN.parse(markdown);
        if (!page.rawHtml().isEmpty()) return null;
        String html = MARKDOWN.render(page, i -> "", i -> "1,234 & <b>\"x\"</b>");
        return HtmlLinks.pointDirectoriesAtIndex(html);
    }

    /** Whether the quick path took the body; asserts that when it did, it gave what jsoup's path gives. */
    private static boolean sameAsJsoup(String markdown, Messages msg) {
        String html = body(markdown);
        if (html == null) return false;
        ReaderHtml.Polished quick = QuickPolish.polish(html, msg);
        if (quick == null) return false;
        ReaderHtml.Polished jsoup = ReaderHtml.polishAndCount(html, msg);
        assertThat(quick.html()).as(markdown).isEqualTo(jsoup.html());
        assertThat(quick.words()).as(markdown).isEqualTo(jsoup.words());
        assertThat(quick.characters()).as(markdown).isEqualTo(jsoup.characters());
        assertThat(quick.headings()).as(markdown).isEqualTo(jsoup.headings());
        return true;
    }

    /**
     * Whether the page took the polish straight from Flexmark's tree ({@link io.datadesk.read.PlainHtml}); asserts
     * that when it did, it gave what both paths of the rendered HTML give (jsoup's, and the quick reader's when it
     * takes the HTML).
     */
    private static boolean sameFromTree(String markdown, Messages msg) {
        Markdown.MarkdownPage page = MARKDOWN.parse(markdown);
        io.datadesk.read.PlainHtml.Element tree = MARKDOWN.plainTree(page, null, null);
        ReaderHtml.Polished fromTree = tree == null ? null : QuickPolish.polish(tree, msg);
        if (fromTree == null) return false;
        String html = HtmlLinks.pointDirectoriesAtIndex(MARKDOWN.render(page, i -> "", i -> ""));
        ReaderHtml.Polished quick = QuickPolish.polish(html, msg);
        for (ReaderHtml.Polished other : quick == null ? List.of(ReaderHtml.polishAndCount(html, msg))
                : List.of(ReaderHtml.polishAndCount(html, msg), quick)) {
            assertThat(fromTree.html()).as(markdown).isEqualTo(other.html());
            assertThat(fromTree.words()).as(markdown).isEqualTo(other.words());
            assertThat(fromTree.characters()).as(markdown).isEqualTo(other.characters());
            assertThat(fromTree.headings()).as(markdown).isEqualTo(other.headings());
        }
        return true;
    }

    @Test
    void pagesPolishedFromTheTreeAreWhatBothPathsOfTheHtmlGive() throws IOException {
        int taken = 0;
        for (String c : io.datadesk.read.PlainHtmlTest.CASES) if (sameFromTree(c, EN) & sameFromTree(c, ZH)) taken++;
        assertThat(taken).as("hand-written cases").isGreaterThanOrEqualTo(io.datadesk.read.PlainHtmlTest.CASES.size() - 3);
        assertThat(sameFromTree(io.datadesk.read.PlainHtmlTest.BENCH_PAGE, EN)).isTrue();
        try (Stream<Path> files = Files.walk(Path.of("content"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".md")).toList()) {
                String text = Files.readString(p);
                String body = text.startsWith("---") ? io.datadesk.read.FrontMatter.split(text, p.toString()).body() : text;
                for (String part : body.split("\n\n")) sameFromTree(part, p.toString().contains(".zh.") ? ZH : EN);
            }
        }
        Random random = new Random(29);
        String[] parts = io.datadesk.read.PlainHtmlTest.PARTS;
        int randomTaken = 0, total = 3000;
        for (int i = 0; i < total; i++) {
            StringBuilder md = new StringBuilder();
            for (int k = random.nextInt(50); k >= 0; k--) md.append(parts[random.nextInt(parts.length)]);
            if (sameFromTree(md.toString(), i % 2 == 0 ? EN : ZH)) randomTaken++;
        }
        assertThat(randomTaken).as("random texts polished from the tree").isGreaterThan(total / 8);
    }

    @Test
    void handWrittenCasesPolishAsJsoupDoes() {
        List<String> cases = List.of(
                "Plain prose, with \"quotes\" and 'apostrophes' -- dashes --- and dots... &copy; &amp; &#169; &#x41; AT&T.",
                "## Heading *one* with `code \"q\" <x>`\n\nText.\n\n### Heading [link](a/)\n\n## Heading *one* with `code \"q\" <x>`\n",
                "| a | b | c | d |\n|:--|:-:|--:|---|\n| 1 | 2 | 3 | 4 |\n| x & y | \"q\" | \\<z\\> | |\n\nAfter.\n\n| t |\n|---|\n| u |\n",
                "| a | b |\n|---|---|\n| 1 | 2 |\n[The caption]\n",
                "```python\ndef f(x):\n    \"\"\"Doc & <more>.\"\"\"\n    return x > 1\n```\n\n    indented code\n    & more\n",
                "- one\n- two\n  - nested *em*\n  - **strong**\n\n1. first\n2. second\n\n3) third\n",
                "- [ ] todo\n- [x] done\n- plain\n",
                "> quote with ~~strike~~ and a  \nhard break and a\\\nbackslash break.\n",
                "Images ![alt \"text\"](pic.png \"title & more\") and links [a](../up/ \"t\") [b](http://x.org/?a=1&b=2) [c](#frag) [d](dir/#x).",
                "Auto https://example.org/a?b=c&d=e and www.example.org and jane@example.org.",
                "中文的段落，没有空格。 又一句话：“引号”。\n\n## 标题\n\n日本語のテキスト。",
                "Non\u00a0breaking\u00a0spaces and zero\u200bwidth and soft\u00adhyphen.",
                "Inline {{ q.x | number }} value and *{{ q.y }}* in emphasis.",
                "Text[^1] with a note.\n\n[^1]: The note.\n",
                "<b>raw</b> html is left to jsoup",
                "***\n\nRule above; tabs\tinside\ttext.\n\n# H1 *x*\n\nSetext\n======\n",
                "* a\n\n  para in item\n\n  ```\n  code in item\n  ```\n* b\n",
                "Emphasis*inside*words and **bold**text, `a`b`c`.",
                "\n\n   \n",
                "");
        int quick = 0;
        for (String c : cases) {
            if (sameAsJsoup(c, EN)) quick++;
            sameAsJsoup(c, ZH);
        }
        assertThat(quick).as("cases the quick path took").isGreaterThanOrEqualTo(cases.size() - 3); // a link in a heading, a footnote, raw HTML
    }

    @Test
    void theFlagshipsProsePolishesAsJsoupDoes() throws IOException {
        List<Path> pages = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("content"))) {
            files.filter(f -> f.toString().endsWith(".md")).forEach(pages::add);
        }
        assertThat(pages).isNotEmpty();
        for (Path p : pages) {
            String text = Files.readString(p);
            String body = text.startsWith("---") ? io.datadesk.read.FrontMatter.split(text, p.toString()).body() : text;
            sameAsJsoup(body, EN);
            // each paragraph on its own, so that one part the quick reader refuses does not hide the others
            for (String part : body.split("\n\n")) sameAsJsoup(part, p.toString().contains(".zh.") ? ZH : EN);
        }
    }

    @Test
    void randomMarkdownPolishesAsJsoupDoes() {
        String[] parts = {"word", " ", "  ", "\t", "\n", "\n\n", "\n\n## ", "\n\n### ", "\n- ", "\n1. ", "\n> ", "\n\n```\n", "\n```\n",
                "\n    ", "*", "**", "_", "`", "~~", "\"", "'", "--", "...", "&", "&amp;", "&lt;", "&copy;", "&#169;", "&#x2014;",
                "<", ">", "[a](b/)", "[c](http://x.org/?a=1&b=2 \"t\")", "![i](p.png)", "https://e.org/x", "x@y.org", "\u00a0",
                "中文", "。", "{{ q.v }}", "\n| a | b |\n|--:|:-:|\n| 1 | 2 |\n", "\\", "  \n", "- [ ] ", "- [x] ", "#", "=", "\n***\n",
                "[^1]", "\n\n[^1]: note", "<br>", "<p>", "\u200b", "\u00ad", "Ünïcödé", "x"};
        Random random = new Random(23);
        int quick = 0, total = 3000;
        for (int i = 0; i < total; i++) {
            StringBuilder md = new StringBuilder();
            for (int k = random.nextInt(40); k >= 0; k--) md.append(parts[random.nextInt(parts.length)]);
            if (sameAsJsoup(md.toString(), i % 2 == 0 ? EN : ZH)) quick++;
        }
        assertThat(quick).as("random texts the quick path took").isGreaterThan(total / 3);
    }

    @Test
    void benchmarkLikePagesTakeTheQuickPath() {
        String page = "Intro *text* with a [link](/posts/p1/).\n\n## Heading 1\n\nProse \"quoted\" -- and more.\n\n"
                + "- item one\n- item two\n\n| region | value |\n|---|--:|\n| et | 75980 |\n\n```python\ndef f(r):\n    \"\"\"Sum.\"\"\"\n    return r > 470\n```\n";
        assertThat(sameAsJsoup(page, EN)).isTrue();
    }
}
