package io.datadesk.read;

import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ext.anchorlink.AnchorLinkExtension;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.ext.typographic.TypographicExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.renderer.HeaderIdGenerator;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Markdown as datadesk reads it: CommonMark with GitHub tables, footnotes, strikethrough, task lists, autolinks,
 * typographic quotes and dashes, heading ids with anchor links, and data directives. Thread-safe: Flexmark's parser
 * and renderer are immutable once built, so one instance serves pages built in parallel.
 */
public final class Markdown {

    private final Parser parser;
    private final HtmlRenderer renderer;
    private final DataHolder options;

    public Markdown() {
        MutableDataSet o = new MutableDataSet();
        o.set(Parser.EXTENSIONS, List.of(SharedTablesExtension.create(), FootnoteExtension.create(),
                StrikethroughExtension.create(), TaskListExtension.create(), QuickAutolinkExtension.create(),
                TypographicExtension.create(), AnchorLinkExtension.create(), new DirectiveExtension(), QuickTextExtension.create()));
        o.set(HtmlRenderer.GENERATE_HEADER_ID, true);
        o.set(HtmlRenderer.RENDER_HEADER_ID, true);
        o.set(HtmlRenderer.FENCED_CODE_LANGUAGE_CLASS_PREFIX, "language-");
        // The heading text itself becomes the link to its anchor: a link with real text is accessible, where an
        // empty "¶" link is not. CSS shows a "#" marker on hover.
        o.set(AnchorLinkExtension.ANCHORLINKS_WRAP_TEXT, true);
        o.set(AnchorLinkExtension.ANCHORLINKS_SET_ID, false);
        o.set(AnchorLinkExtension.ANCHORLINKS_ANCHOR_CLASS, "heading-anchor");
        o.set(TablesExtension.CLASS_NAME, "md-table");
        o.set(FootnoteExtension.FOOTNOTE_BACK_LINK_REF_CLASS, "footnote-backref");
        o.set(HtmlRenderer.SOFT_BREAK, "\n");
        this.options = o.toImmutable();
        this.parser = Parser.builder(options).build();
        this.renderer = HtmlRenderer.builder(options).linkResolverFactory(new TranslationLinks.Factory()).build();
    }

    private static final java.util.regex.Pattern SECOND_WORD = java.util.regex.Pattern.compile("\\S+\\s+(\\S)");

    /** The 1-based column of the second word of a fence's info string (a query's name), or 0 when it has none. */
    private static int secondWordColumn(Lines lines, FencedCodeBlock f) {
        String info = f.getInfo().toString();
        java.util.regex.Matcher m = SECOND_WORD.matcher(info);
        return m.find() ? lines.column(f.getInfo().getStartOffset() + m.start(1)) : 0;
    }

    /** Parses a page body and finds its directives, inline values and headings. */
    public MarkdownPage parse(String body) {
        io.datadesk.error.BuildCancelled.check();
        Document doc = parser.parse(body);
        Map<Node, Integer> directiveIndex = new IdentityHashMap<>();
        Map<Node, Integer> inlineIndex = new IdentityHashMap<>();
        List<Directive> directives = new ArrayList<>();
        List<InlineValue> inlines = new ArrayList<>();
        List<TocEntry> toc = new ArrayList<>();
        HeaderIdGenerator ids = new HeaderIdGenerator(options);
        ids.generateIds(doc);
        Lines lines = new Lines(doc.getChars());
        for (Node n : doc.getDescendants()) {
            if (n instanceof FencedCodeBlock f) {
                List<String> info = Arrays.stream(f.getInfo().toString().trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
                String code = f.getContentChars().toString();
                // Asked first without its place: finding a fence's line and column is for directives, not for every
                // code block of a plain page.
                var directive = Directive.of(directives.size(), info, code, 0, 0);
                if (directive.isPresent()) {
                    directive = Directive.of(directives.size(), info, code, lines.of(f.getStartOffset()) + 1, secondWordColumn(lines, f));
                    directiveIndex.put(f, directives.size());
                    directives.add(directive.get());
                }
            } else if (n instanceof InlineValueNode v) {
                int index = inlines.size();
                inlines.add(new InlineValue(index, v.expression(), lines.of(v.getStartOffset()) + 1,
                        lines.column(v.getStartOffset())));
                inlineIndex.put(v, index);
            } else if (n instanceof Heading h && (h.getLevel() == 2 || h.getLevel() == 3)) {
                toc.add(new TocEntry(h.getLevel(), h.getText().toString().strip(), ids.getId(h)));
            }
        }
        doc.set(DirectiveExtension.DIRECTIVE_INDEX, directiveIndex);
        doc.set(DirectiveExtension.INLINE_INDEX, inlineIndex);
        return new MarkdownPage(doc, directives, inlines, toc, lines);
    }

    /**
     * The 0-based line of an offset, as Flexmark's {@code Document.getLineNumber} counts it (the line terminators
     * {@code \n}, {@code \r\n} and {@code \r} that end at or before the offset), found by binary search: Flexmark
     * counts from the start of the text on every call, which made a long page's parse quadratic (half of parsing the
     * flagship's 1,500 lines went to it).
     */
    static final class Lines {
        private final CharSequence chars;
        private String text; // read as a String: Flexmark's sequences cost an indirection per character
        private int[] ends; // the offset just after each line terminator, ascending
        private int count;

        /**
         * The lines are found on the first question: only pages with directives, inline values or raw HTML ask,
         * and a plain page's text is not scanned for them (it was 4 % of a 1,000-page build's samples).
         */
        Lines(CharSequence chars) {
            this.chars = chars;
        }

        private void index() {
            if (text != null) return;
            String text = this.text = chars.toString();
            int[] found = new int[64];
            int n = 0;
            for (int i = 0, len = text.length(); i < len; i++) {
                char c = text.charAt(i);
                if (c != '\n' && c != '\r') continue;
                if (c == '\r' && i + 1 < len && text.charAt(i + 1) == '\n') i++;
                if (n == found.length) found = Arrays.copyOf(found, n * 2);
                found[n++] = i + 1;
            }
            this.ends = found;
            this.count = n;
        }

        int of(int offset) {
            index();
            int lo = 0, hi = count; // the number of ends <= offset
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (ends[mid] <= offset) lo = mid + 1;
                else hi = mid;
            }
            return lo;
        }

        /** The 1-based column of an offset: counted from the last {@code \n} before it (a lone {@code \r} does not count). */
        int column(int offset) {
            index();
            return offset - (text.lastIndexOf('\n', offset - 1) + 1) + 1;
        }
    }

    /** Renders a parsed page to HTML, putting each directive's HTML and each inline value's text in its place. */
    public String render(MarkdownPage page, IntFunction<String> directiveHtml, IntFunction<String> inlineText) {
        return render(page, directiveHtml, inlineText, i -> null);
    }

    /**
     * A link an inline value becomes: the value's text inside {@code <a id="ID" href="HREF">}, so that a reader
     * can follow a number to where it was computed.
     */
    public record Link(String id, String href) {}

    /**
     * Like {@link #render(MarkdownPage, IntFunction, IntFunction)}, with inline values that are links where
     * {@code inlineLink} gives one (null: plain text).
     */
    public String render(MarkdownPage page, IntFunction<String> directiveHtml, IntFunction<String> inlineText,
                         IntFunction<Link> inlineLink) {
        return render(page, directiveHtml, inlineText, inlineLink, null, null);
    }

    /**
     * As above, for a translation published at {@code sitePath} whose original is at {@code originalPath} (both
     * null for any other page): the author's relative links to files are read from the original's folder, where the
     * files are published ({@link TranslationLinks}).
     */
    public String render(MarkdownPage page, IntFunction<String> directiveHtml, IntFunction<String> inlineText,
                         IntFunction<Link> inlineLink, String sitePath, String originalPath) {
        io.datadesk.error.BuildCancelled.check();
        // The Document is mutable; rendering the same page twice at once would race, which the build never does.
        Document doc = page.document();
        doc.set(DirectiveExtension.OUTPUTS, new DirectiveExtension.Outputs(directiveHtml, inlineText, inlineLink));
        doc.set(TranslationLinks.PATHS, sitePath == null || sitePath.equals(originalPath) ? null
                : new TranslationLinks.Paths(sitePath, originalPath));
        try {
            return renderer.render(doc);
        } finally {
            doc.set(DirectiveExtension.OUTPUTS, null);
            doc.set(TranslationLinks.PATHS, null);
        }
    }


    /** A parsed Markdown body. The Flexmark document stays inside the read stage. */
    public static final class MarkdownPage {
        private final Document document;
        private final List<Directive> directives;
        private final List<InlineValue> inlineValues;
        private final List<TocEntry> toc;
        private final List<int[]> rawHtml;

        MarkdownPage(Document document, List<Directive> directives, List<InlineValue> inlineValues, List<TocEntry> toc, Lines lines) {
            this.document = document;
            this.rawHtml = findRawHtml(document, lines);
            this.directives = List.copyOf(directives);
            this.inlineValues = List.copyOf(inlineValues);
            this.toc = List.copyOf(toc);
        }

        Document document() {
            return document;
        }

        public List<Directive> directives() {
            return directives;
        }

        public List<InlineValue> inlineValues() {
            return inlineValues;
        }

        public List<TocEntry> toc() {
            return toc;
        }

        /**
         * Where the page has raw HTML (an HTML block or inline tag, not a comment): 1-based {line, column} pairs of
         * the page file. Markdown passes raw HTML through, {@code <script>} included; a site that publishes other
         * people's Markdown can refuse it ({@code raw_html: false}).
         */
        public List<int[]> rawHtml() {
            return rawHtml;
        }

        private static List<int[]> findRawHtml(Document doc, Lines lines) {
            List<int[]> found = new ArrayList<>();
            for (Node n : doc.getDescendants()) {
                if (n instanceof com.vladsch.flexmark.ast.HtmlBlock || n instanceof com.vladsch.flexmark.ast.HtmlInline)
                    found.add(new int[] {lines.of(n.getStartOffset()) + 1, lines.column(n.getStartOffset())});
            }
            return List.copyOf(found);
        }
    }
}
