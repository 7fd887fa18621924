package io.datadesk.read;

import static org.assertj.core.api.Assertions.assertThat;

import com.vladsch.flexmark.ext.anchorlink.AnchorLinkExtension;
import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.ext.typographic.TypographicExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.misc.Extension;
import com.vladsch.flexmark.util.sequence.Escaping;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Text nodes written by the quick text renderer give exactly the HTML Flexmark's core renderer gives. */
class QuickTextExtensionTest {

    private record Flexmark(Parser parser, HtmlRenderer renderer) {
        static Flexmark with(List<Extension> more) {
            List<Extension> extensions = new ArrayList<>(List.of(TablesExtension.create(), FootnoteExtension.create(),
                    StrikethroughExtension.create(), TaskListExtension.create(), AutolinkExtension.create(), TypographicExtension.create(),
                    AnchorLinkExtension.create()));
            extensions.addAll(more);
            MutableDataSet o = new MutableDataSet();
            o.set(Parser.EXTENSIONS, extensions);
            o.set(HtmlRenderer.GENERATE_HEADER_ID, true);
            o.set(HtmlRenderer.RENDER_HEADER_ID, true);
            o.set(AnchorLinkExtension.ANCHORLINKS_WRAP_TEXT, true);
            o.set(HtmlRenderer.SOFT_BREAK, "\n");
            return new Flexmark(Parser.builder(o).build(), HtmlRenderer.builder(o).build());
        }

        String html(String markdown) {
            return renderer.render(parser.parse(markdown));
        }
    }

    private static final Flexmark QUICK = Flexmark.with(List.of(QuickTextExtension.create()));
    private static final Flexmark FLEXMARKS = Flexmark.with(List.of());

    private static void assertSameAsFlexmarks(String markdown) {
        assertThat(QUICK.html(markdown)).as(markdown).isEqualTo(FLEXMARKS.html(markdown));
    }

    @Test
    void textRendersAsFlexmarkRendersIt() {
        List<String> cases = List.of(
                "Plain prose, with 'quotes' -- and dashes... and words.",
                "Escapes: \\*stars\\* and a \\\\ backslash, a < b > c & \"d\".",
                "Entities &amp; &copy; &#64; &#x3a; &nbsp; &bogus; and a lone & sign.",
                "Windows\r\nline ends\r\nand a lone\rreturn.\r\n\r\nNext paragraph.",
                "# Heading with <angle> & \"quotes\"\n\n## Plain heading\n\nText.",
                "| a < b | \"c\" |\n|---|:-:|\n| 1 & 2 | \\| pipe |\n",
                "- item *em* **strong** `code <x>`\n- [ ] task & more\n  1. nested \"q\"\n",
                "> quote with 'single' and \"double\"\n",
                "Text[^1] ~~gone~~ and https://example.org/a?b=c&d=e.\n\n[^1]: A note with <b>html</b>.\n",
                "Line one  \nline two\\\nline three",
                "中文的段落，包含“引号”和 <标签> 与 & 符号。",
                "[a link \"title\"](https://example.org/x?a=1&b=2 \"t & t\") and ![img <alt>](a.png)");
        for (String c : cases) assertSameAsFlexmarks(c);
    }

    @Test
    void randomTextRendersTheSame() {
        String[] parts = {"word", " ", "\\", "\\*", "&", "&amp;", "&#64;", "&copy;", "<", ">", "\"", "'", "\r", "\r\n", "\n",
                "\n\n", "*", "_", "`", "--", "...", "[x](y)", "<b>", "中文", "é", "# ", "- ", "| a |", "~~", "1. "};
        Random random = new Random(23);
        for (int i = 0; i < 2000; i++) {
            StringBuilder md = new StringBuilder();
            for (int k = random.nextInt(40); k >= 0; k--) md.append(parts[random.nextInt(parts.length)]);
            assertSameAsFlexmarks(md.toString());
        }
    }

    @Test
    void theFlagshipsPagesRenderTheSame() throws IOException {
        List<Path> pages = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("content"))) {
            files.filter(f -> f.toString().endsWith(".md")).forEach(pages::add);
        }
        assertThat(pages).isNotEmpty();
        for (Path p : pages) assertSameAsFlexmarks(Files.readString(p));
    }

    @Test
    void plainTextIsWhatFlexmarksThreePassesLeaveAsItIs() {
        String[] parts = {"a", " ", "\\", "&", "&amp;", "\r", "\n", "<", ">", "\"", "'", "中", "*"};
        Random random = new Random(5);
        int plain = 0;
        for (int i = 0; i < 20000; i++) {
            StringBuilder s = new StringBuilder();
            for (int k = random.nextInt(8); k >= 0; k--) s.append(parts[random.nextInt(parts.length)]);
            String text = s.toString();
            if (!QuickTextExtension.plain(text)) continue;
            plain++;
            assertThat(Escaping.escapeHtml(Escaping.normalizeEOL(Escaping.unescapeString(text)), false)).isEqualTo(text);
        }
        assertThat(plain).isGreaterThan(1000);
        assertThat(QuickTextExtension.plain("a < b")).isFalse();
        assertThat(QuickTextExtension.plain("a\\*")).isFalse();
        assertThat(QuickTextExtension.plain("line\r")).isFalse();
    }
}
