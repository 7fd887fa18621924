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
        this(true);
    }

    /**
     * @param oneWalk whether the autolink and anchor-link post-processors run over one walk of the document
     *     ({@link TreePostProcessing}); false: as Flexmark's node post-processors, what TreePostProcessingTest compares with
     */
    Markdown(boolean oneWalk) {
        MutableDataSet o = new MutableDataSet();
        o.set(Parser.EXTENSIONS, oneWalk
                ? List.of(SharedTablesExtension.create(), FootnoteExtension.create(), StrikethroughExtension.create(),
                        TaskListExtension.create(), TypographicExtension.create(), TreePostProcessing.create(),
                        new DirectiveExtension(), QuickTextExtension.create())
                : List.of(SharedTablesExtension.create(), FootnoteExtension.create(), StrikethroughExtension.create(),
                        TaskListExtension.create(), QuickAutolinkExtension.create(), TypographicExtension.create(),
                        AnchorLinkExtension.create(), new DirectiveExtension(), QuickTextExtension.create()));
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

    /**
     * Parses and renders a short page of the common kinds of blocks and inlines, and throws the result away: the first
     * page a process parses pays for loading and starting Flexmark's block and inline parsers and renderers (in an
     * empty site's profile, most of the Markdown stage's samples on the main thread for a one-line page). A cold build
     * calls this on a thread of its own while the main thread reads the settings and the theme.
     */
    public void warmUp() {
        MarkdownPage page = parse(WARM_UP);
        render(page, i -> "", i -> "");
    }

    private static final String WARM_UP = """
            # A heading

            A paragraph with *emphasis*, **strong** text, `code`, a [link](https://example.org/) and "quotes".

            - a list item
            - another, with ~~struck~~ text

            1. first
            2. second

            > A quotation.

            | a | b |
            |---|--:|
            | 1 | 2 |

            ```text
            a code block
            ```
            """;

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
        return parseWhole(body);
    }

    /**
     * As {@link #parse(String)}, reusing what {@code previous} (an earlier parse of the same page) parsed and rendered
     * of the blocks that did not change: a prose edit in {@code serve} then parses and renders one block of a long
     * page, not all of it. The result is the same as without {@code previous}: the page is cut only where parsing
     * each part on its own gives what parsing the whole gives ({@link Blocks}), and is parsed as a whole otherwise.
     */
    public MarkdownPage parse(String body, MarkdownPage previous) {
        io.datadesk.error.BuildCancelled.check();
        // A page parsed for the first time is parsed whole: in parts it costs more (a Flexmark document per block),
        // which pays only when the parts are reused.
        if (previous == null) return parseWhole(body);
        return parseInParts(body, previous);
    }

    /** The page in parts where it can be cut ({@link Blocks}), taking the parts of {@code previous} (or null) whose text is the same. */
    MarkdownPage parseInParts(String body, MarkdownPage previous) {
        List<String> parts = Blocks.split(body);
        if (parts != null && parts.size() > 1) {
            Map<String, java.util.ArrayDeque<Chunk>> old = new java.util.HashMap<>();
            if (previous != null) for (Chunk c : previous.chunks) old.computeIfAbsent(c.text, k -> new java.util.ArrayDeque<>()).add(c);
            List<Chunk> chunks = new ArrayList<>(parts.size());
            for (String part : parts) {
                java.util.ArrayDeque<Chunk> same = old.get(part);
                Chunk reused = same == null ? null : same.poll();
                chunks.add(reused != null ? reused : chunk(part));
            }
            if (Blocks.idsAsOnePage(chunks)) return new MarkdownPage(chunks, true);
        }
        return new MarkdownPage(List.of(previous != null && previous.chunks.size() == 1 && previous.chunks.get(0).text.equals(body)
                ? previous.chunks.get(0) : chunk(body)), true);
    }

    /** The page parsed as one part, as before parts were reused: what {@link #parse(String, MarkdownPage)} must equal. */
    MarkdownPage parseWhole(String body) {
        return new MarkdownPage(List.of(chunk(body)), false);
    }

    /** Parses one part of a page (or a whole page) on its own: directives, inline values and headings numbered from 0 and 1. */
    private Chunk chunk(String text) {
        Document doc = parser.parse(text);
        Map<Node, Integer> directiveIndex = new IdentityHashMap<>();
        Map<Node, Integer> inlineIndex = new IdentityHashMap<>();
        List<Chunk.Fence> fences = new ArrayList<>();
        List<InlineValue> inlines = new ArrayList<>();
        List<TocEntry> toc = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        HeaderIdGenerator generator = new HeaderIdGenerator(options);
        generator.generateIds(doc);
        Lines lines = new Lines(doc.getChars());
        for (Node n : doc.getDescendants()) {
            if (n instanceof FencedCodeBlock f) {
                List<String> info = Arrays.stream(f.getInfo().toString().trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
                String code = f.getContentChars().toString();
                // Asked first without its place: finding a fence's line and column is for directives, not for every
                // code block of a plain page.
                if (Directive.of(fences.size(), info, code, 0, 0).isPresent()) {
                    directiveIndex.put(f, fences.size());
                    fences.add(new Chunk.Fence(info, code, lines.of(f.getStartOffset()) + 1, secondWordColumn(lines, f)));
                }
            } else if (n instanceof InlineValueNode v) {
                int index = inlines.size();
                inlines.add(new InlineValue(index, v.expression(), lines.of(v.getStartOffset()) + 1,
                        lines.column(v.getStartOffset())));
                inlineIndex.put(v, index);
            } else if (n instanceof Heading h) {
                ids.add(generator.getId(h));
                if (h.getLevel() == 2 || h.getLevel() == 3) toc.add(new TocEntry(h.getLevel(), h.getText().toString().strip(), generator.getId(h)));
            }
        }
        doc.set(DirectiveExtension.DIRECTIVE_INDEX, directiveIndex);
        doc.set(DirectiveExtension.INLINE_INDEX, inlineIndex);
        List<int[]> raw = new ArrayList<>();
        for (Node n : doc.getDescendants()) {
            if (n instanceof com.vladsch.flexmark.ast.HtmlBlock || n instanceof com.vladsch.flexmark.ast.HtmlInline)
                raw.add(new int[] {lines.of(n.getStartOffset()) + 1, lines.column(n.getStartOffset())});
        }
        return new Chunk(text, doc, lines, fences, inlines, toc, ids, raw);
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

        /** The number of line terminators. */
        int count() {
            index();
            return count;
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
        return String.join("", renderParts(page, directiveHtml, inlineText, inlineLink, sitePath, originalPath));
    }

    /**
     * As {@link #render(MarkdownPage, IntFunction, IntFunction, IntFunction, String, String)}, part by part: the HTML
     * of each part the page was parsed in (one for a page parsed whole), which joined are the page's HTML. The parts
     * of a page parsed again keep their HTML, as the same String when nothing that went into it changed, so that
     * the steps after this one can reuse their own work on it.
     */
    public List<String> renderParts(MarkdownPage page, IntFunction<String> directiveHtml, IntFunction<String> inlineText,
                                    IntFunction<Link> inlineLink, String sitePath, String originalPath) {
        io.datadesk.error.BuildCancelled.check();
        TranslationLinks.Paths paths = sitePath == null || sitePath.equals(originalPath) ? null : new TranslationLinks.Paths(sitePath, originalPath);
        List<String> out = new ArrayList<>(page.chunks.size());
        int directives = 0, inlines = 0;
        for (Chunk c : page.chunks) {
            out.add(c.render(renderer, directiveHtml, inlineText, inlineLink, paths, directives, inlines, page.keep));
            directives += c.fences.size();
            inlines += c.inlines.size();
        }
        return out;
    }

    /**
     * The page's body as Flexmark's renderer would write it, as a tree ({@link PlainHtml}), without running the
     * renderer; null when the page holds anything but plain prose (directives, inline values, raw HTML, footnotes,
     * images, autolinks, ...), was parsed in parts, or is a translation (whose links the renderer rewrites): such a
     * page is {@link #render rendered}.
     */
    public PlainHtml.Element plainTree(MarkdownPage page, String sitePath, String originalPath) {
        if (page.chunks.size() != 1 || !(sitePath == null || sitePath.equals(originalPath))) return null;
        Chunk c = page.chunks.get(0);
        if (!c.fences.isEmpty() || !c.inlines.isEmpty() || !c.rawHtml.isEmpty()) return null;
        return PlainHtml.of(c.doc, options, c.headingIds);
    }

    /**
     * A top-level part of a page's Markdown (or the whole page) parsed on its own, with what it holds numbered from
     * its start, and the HTML it last rendered to with the outputs that went into it. A page's chunks are rendered
     * one at a time, as the page is: the Document is mutable while it renders.
     */
    static final class Chunk {
        /** A directive fence as read, before it is numbered among the page's directives. */
        record Fence(List<String> info, String body, int line, int nameColumn) {
            java.util.Optional<Directive> directive(int index, int lineBase) {
                return Directive.of(index, info, body, line + lineBase, nameColumn);
            }
        }

        final String text;
        private final Document doc;
        private final Lines lines; // asked for its count only when a part follows: a page parsed whole is not scanned for lines
        final List<Fence> fences;
        final List<InlineValue> inlines;
        final List<TocEntry> toc;
        final List<String> headingIds; // every heading's id, in order
        final List<int[]> rawHtml;
        private List<Object> renderedFrom; // the outputs and paths the last render used
        private String rendered;

        Chunk(String text, Document doc, Lines lines, List<Fence> fences, List<InlineValue> inlines, List<TocEntry> toc,
              List<String> headingIds, List<int[]> rawHtml) {
            this.text = text;
            this.doc = doc;
            this.lines = lines;
            this.fences = List.copyOf(fences);
            this.inlines = List.copyOf(inlines);
            this.toc = List.copyOf(toc);
            this.headingIds = List.copyOf(headingIds);
            this.rawHtml = List.copyOf(rawHtml);
        }

        /**
         * The chunk's HTML with directive and inline outputs from {@code directiveBase} and {@code inlineBase} on. Each
         * output is asked for once, in page order, as rendering the whole page asks (a directive's output may be
         * stashed by the caller); when they and the paths are what the last render used, its HTML is reused.
         *
         * @param keep whether to keep this render for the next: for a page parsed again after an edit (serve), not for
         *     every page of a one-off build, which would hold a third copy of each page's HTML for nothing
         */
        synchronized String render(HtmlRenderer renderer, IntFunction<String> directiveHtml, IntFunction<String> inlineText,
                                   IntFunction<Link> inlineLink, TranslationLinks.Paths paths, int directiveBase, int inlineBase,
                                   boolean keep) {
            List<Object> from = new ArrayList<>(1 + fences.size() + 2 * inlines.size());
            from.add(paths == null ? "" : paths);
            // Flexmark asks for the outputs in document order, each directive's and inline value's as the walk meets
            // it; asking in that order here keeps a caller's side effects (Drawings' numbering) as they were.
            List<Object> order = outputOrder();
            String[] directives = new String[fences.size()];
            String[] texts = new String[inlines.size()];
            Link[] links = new Link[inlines.size()];
            for (Object o : order) {
                if (o instanceof Integer d) {
                    directives[d] = directiveHtml.apply(directiveBase + d);
                    from.add(directives[d]);
                } else {
                    int i = ((int[]) o)[0];
                    links[i] = inlineLink.apply(inlineBase + i);
                    texts[i] = inlineText.apply(inlineBase + i);
                    from.add(links[i]);
                    from.add(texts[i]);
                }
            }
            if (rendered != null && from.equals(renderedFrom)) return rendered;
            doc.set(DirectiveExtension.OUTPUTS, new DirectiveExtension.Outputs(i -> directives[i], i -> texts[i], i -> links[i]));
            doc.set(TranslationLinks.PATHS, paths);
            try {
                String html = renderer.render(doc);
                rendered = keep ? html : null;
                renderedFrom = keep ? from : null;
                return html;
            } finally {
                doc.set(DirectiveExtension.OUTPUTS, null);
                doc.set(TranslationLinks.PATHS, null);
            }
        }

        private List<Object> order;

        /** The directives (Integer) and inline values (int[1]) of the chunk in document order. */
        private List<Object> outputOrder() {
            if (order != null) return order;
            Map<Node, Integer> directives = DirectiveExtension.DIRECTIVE_INDEX.get(doc);
            Map<Node, Integer> inlineValues = DirectiveExtension.INLINE_INDEX.get(doc);
            List<Object> out = new ArrayList<>();
            if (!directives.isEmpty() || !inlineValues.isEmpty())
                for (Node n : doc.getDescendants()) {
                    Integer d = directives.get(n);
                    if (d != null) out.add(d);
                    Integer i = inlineValues.get(n);
                    if (i != null) out.add(new int[] {i});
                }
            return order = out;
        }
    }

    /** A parsed Markdown body. The Flexmark documents stay inside the read stage. */
    public static final class MarkdownPage {
        /**
         * No earlier parse, for a page to parse in parts all the same ({@link #parse(String, MarkdownPage)}): serve's
         * first build, so that the first edit finds every part parsed, rendered and polished.
         */
        public static final MarkdownPage NONE = new MarkdownPage(List.of(), true);

        private final List<Chunk> chunks;
        private final List<Directive> directives;
        private final List<InlineValue> inlineValues;
        private final List<TocEntry> toc;
        private final List<int[]> rawHtml;
        private final boolean keep; // parsed again (serve): its parts keep their HTML for the next edit

        MarkdownPage(List<Chunk> chunks, boolean keep) {
            this.chunks = List.copyOf(chunks);
            this.keep = keep;
            List<Directive> directives = new ArrayList<>();
            List<InlineValue> inlines = new ArrayList<>();
            List<TocEntry> toc = new ArrayList<>();
            List<int[]> raw = new ArrayList<>();
            int lineBase = 0;
            for (Chunk c : chunks) {
                for (Chunk.Fence f : c.fences) directives.add(f.directive(directives.size(), lineBase).orElseThrow());
                int inlineBase = inlines.size();
                for (InlineValue v : c.inlines)
                    inlines.add(lineBase == 0 && inlineBase == 0 ? v : new InlineValue(inlineBase + v.index(), v.expression(), v.line() + lineBase, v.column()));
                toc.addAll(c.toc);
                for (int[] at : c.rawHtml) raw.add(lineBase == 0 ? at : new int[] {at[0] + lineBase, at[1]});
                if (c != chunks.get(chunks.size() - 1)) lineBase += c.lines.count();
            }
            this.directives = List.copyOf(directives);
            this.inlineValues = List.copyOf(inlines);
            this.toc = List.copyOf(toc);
            this.rawHtml = List.copyOf(raw);
        }

        /** How many parts the page was parsed in (1: as a whole). */
        int parts() {
            return chunks.size();
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
    }
}
