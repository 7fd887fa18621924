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
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The autolink extension that skips text without a possible link renders exactly what Flexmark's own renders. */
class QuickAutolinkExtensionTest {

    private record Flexmark(Parser parser, HtmlRenderer renderer) {
        static Flexmark with(Extension autolink) {
            MutableDataSet o = new MutableDataSet();
            o.set(Parser.EXTENSIONS, List.of(TablesExtension.create(), FootnoteExtension.create(), StrikethroughExtension.create(),
                    TaskListExtension.create(), autolink, TypographicExtension.create(), AnchorLinkExtension.create()));
            o.set(HtmlRenderer.GENERATE_HEADER_ID, true);
            o.set(HtmlRenderer.RENDER_HEADER_ID, true);
            return new Flexmark(Parser.builder(o).build(), HtmlRenderer.builder(o).build());
        }

        String html(String markdown) {
            return renderer.render(parser.parse(markdown));
        }
    }

    private static final Flexmark QUICK = Flexmark.with(QuickAutolinkExtension.create());
    private static final Flexmark FLEXMARKS = Flexmark.with(AutolinkExtension.create());

    private static void assertSameAsFlexmarks(String markdown) {
        assertThat(QUICK.html(markdown)).as(markdown).isEqualTo(FLEXMARKS.html(markdown));
    }

    @Test
    void linksAreFoundWhereFlexmarkFindsThem() {
        List<String> cases = List.of(
                "See https://example.org/a?b=c. And \"quoted\" -- text.",
                "Mail jane@example.org or visit www.example.org today.",
                "WWW.EXAMPLE.ORG in capitals, and Www.example.org.",
                "An entity http&#58;//example.org and &amp; and &copy;.",
                "Escaped: https\\://example.org and \\*stars\\*.",
                "A time 12:30 and a ratio 1:2, no link.",
                "No link here at all, just prose with 'quotes' and \"more\" -- dashes... and words.",
                "Link in a [label](https://example.org) and <https://example.org/auto>.",
                "`code https://example.org` is not linked, but https://example.org is.",
                "| a | b |\n|---|---|\n| https://example.org | x@y.org |\n",
                "- item www.example.org\n- item two\n  - nested mailto:x@example.org\n",
                "> quote with ftp://example.org/file and it's fine\n",
                "Text[^1].\n\n[^1]: A note with https://example.org/note.\n",
                "# Heading https://example.org\n\n## Plain heading\n",
                "Line one  \nline two www.x.org\nline three");
        for (String c : cases) assertSameAsFlexmarks(c);
    }

    @Test
    void randomTextAroundLinkCharactersRendersTheSame() {
        String[] parts = {"word", " ", "w", "ww", "www.", ".", ":", "//", "http", "@", "&", "&#64;", "&#x3a;", "&amp;", "\"", "'",
                "--", "\\", "example", "org", "\n", "\n\n", "*", "_", "`", "[x](y)", "<b>", "1", "mailto:", "W"};
        Random random = new Random(17);
        for (int i = 0; i < 1000; i++) {
            StringBuilder md = new StringBuilder();
            for (int k = random.nextInt(30); k >= 0; k--) md.append(parts[random.nextInt(parts.length)]);
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
    void proseWithoutColonsAtSignsEntitiesOrWwwIsSkipped() {
        assertThat(QuickAutolinkExtension.mayHoldLink(BasedSequence.of("Plain prose, with 'quotes' -- and dashes."))).isFalse();
        assertThat(QuickAutolinkExtension.mayHoldLink(BasedSequence.of("a narrow window"))).isFalse();
        assertThat(QuickAutolinkExtension.mayHoldLink(BasedSequence.of("a:b"))).isTrue();
        assertThat(QuickAutolinkExtension.mayHoldLink(BasedSequence.of("a@b"))).isTrue();
        assertThat(QuickAutolinkExtension.mayHoldLink(BasedSequence.of("&#64;"))).isTrue();
        assertThat(QuickAutolinkExtension.mayHoldLink(BasedSequence.of("wWw"))).isTrue();
    }
}
