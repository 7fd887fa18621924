package io.datadesk.render;

import io.datadesk.compute.ComputedPage;
import io.datadesk.config.SiteConfig;
import io.datadesk.data.Attribution;
import io.datadesk.error.Diagnostic;
import io.datadesk.read.Markdown;
import io.datadesk.read.ParsedPage;
import io.datadesk.read.SourcePage;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The render stage's first half: turns a read page and its computed data into the {@link PageView} templates see
 * (the Markdown body rendered with the directives' output in place, links to folders pointed at their index file,
 * polished for readers, its reading time counted), and says which template renders it with what model.
 * Thread-safe.
 */
public final class PageViews {

    private final Markdown markdown;

    /** @param markdown the read stage's Markdown, which renders the documents it parsed */
    public PageViews(Markdown markdown) {
        this.markdown = markdown;
    }

    /**
     * Views a stand-in article with a chart, a table, an inline value and their "How the numbers were computed"
     * entries, and throws the view away: for a build whose first page has directives, on a thread of its own while
     * that page's data is computed. In the one-page report the view came after the data, on the same worker, and took
     * a tenth of its time, most of it the first use of the code it runs: Flexmark's renderer on directives and inline
     * values, jsoup's parse and the polish, the figure links and the provenance section. Nothing it makes is kept but
     * the polished parts of pages parsed in parts, keyed by their own HTML, which no page shares.
     *
     * @return the stand-in's view
     */
    public PageView warmUp() {
        String text = """
                ---
                title: Stand-in
                ---

                ## A heading

                The total was {{ q.n | number }}, in a paragraph with a [link](https://example.org/) and *emphasis*.

                ```sql q
                select 1 as n
                ```

                ```chart
                type: bar
                data: q
                x: n
                y: n
                ```

                ```table
                data: q
                ```
                """;
        SourcePage source = new SourcePage(java.nio.file.Path.of("warm-up", "index.md"), "warm-up/index.md", "warm-up/");
        ParsedPage page = ParsedPage.parse(source, io.datadesk.read.FrontMatter.split(text, source.displayPath()), markdown);
        String figure = """
                <figure class="dd-chart dd-chart--bar" id="chart-1">
                <header class="dd-chart-header"><h3 class="dd-chart-title">Title</h3></header>
                <div class="dd-chart-plot dd-chart-plot--wide"><svg id="chart-1-w" viewBox="0 0 64 39" class="dd-chart-svg" role="img"><title>Title</title><style>#chart-1-w .s0{fill:var(--dd-chart-muted,#5e5e5e)}</style><text x="6" y="32" class="s0">1</text><g transform="translate(0,6)"><path d="M5.5,3H9.5V8H5.5Z" /></g><line x1="7" y1="3" x2="6" y2="3" /></svg></div>
                <figcaption class="dd-chart-caption"><p class="dd-chart-source">Source: Publisher</p>
                <details class="dd-chart-data"><summary>Show the data</summary>
                <div class="table-scroll" role="region" tabindex="0" aria-label="Title">
                <table class="data-table dd-numeric">
                <caption>Title</caption>
                <thead>
                <tr><th scope="col">N</th></tr>
                </thead>
                <tbody>
                <tr><td>1</td></tr>
                </tbody>
                </table>
                </div>
                </details>
                </figcaption>
                </figure>
                """;
        String table = """
                <div class="table-scroll" role="region" tabindex="0" aria-label="q" id="table-1">
                <table class="data-table dd-numeric">
                <thead>
                <tr><th scope="col">N</th></tr>
                </thead>
                <tbody>
                <tr><td>1</td></tr>
                </tbody>
                </table>
                </div>
                """;
        List<String> directives = new java.util.ArrayList<>();
        for (var d : page.markdown().directives())
            directives.add(d instanceof io.datadesk.read.Directive.Chart ? figure : d instanceof io.datadesk.read.Directive.Table ? table : "");
        io.datadesk.compute.Provenance provenance = new io.datadesk.compute.Provenance(List.of(new io.datadesk.compute.Provenance.Query(
                "q", "select 1 as n", List.of(new io.datadesk.compute.Provenance.Input("t", "t.csv", "Publisher", "https://example.org/")),
                List.of(), List.of(new io.datadesk.compute.Provenance.Number(0, "1", "1", "n", "")), List.of("chart-1", "table-1"))));
        ComputedPage computed = new ComputedPage(directives, List.of("1"), Map.of(), Map.of(), List.of(), null, 1, 1, 0, provenance);
        return view(page, computed, SiteConfig.defaults(), io.datadesk.i18n.MessageCatalog.builtIn().forLocale(Locale.ENGLISH));
    }

    /** What the templates see of one page. */
    public PageView view(ParsedPage p, ComputedPage c, SiteConfig config) {
        return view(p, c, config, io.datadesk.i18n.MessageCatalog.builtIn().forLocale(locale(p, config)));
    }

    /** As above, with the words datadesk writes (provenance, notes, table names) from {@code msg}. */
    public PageView view(ParsedPage p, ComputedPage c, SiteConfig config, io.datadesk.i18n.Messages msg) {
        var fm = p.frontMatter();
        // Provenance: each inline value links to its entry in "How the numbers were computed", unless turned off.
        // Only the article template shows the section; elsewhere (the home page) the numbers stay plain text.
        boolean how = (fm.provenance() != null ? fm.provenance() : config.provenance()) && !c.provenance().isEmpty()
                && templateOf(p).equals("article");
        java.util.Set<Integer> traced = new java.util.HashSet<>();
        if (how) for (var q : c.provenance().queries()) for (var n : q.numbers()) traced.add(n.index());
        // A page of plain prose is polished straight from Flexmark's tree: neither Flexmark's renderer nor the quick
        // polish's reader of its HTML runs (a fifth of a 1,000-page build); the result is the same, byte for byte.
        if (!how && p.markdown().directives().isEmpty() && p.markdown().rawHtml().isEmpty()) {
            io.datadesk.read.PlainHtml.Element tree = markdown.plainTree(p.markdown(), p.source().sitePath(), p.source().key());
            ReaderHtml.Polished plain = tree == null ? null : QuickPolish.polish(tree, msg);
            if (plain != null) return view(p, c, config, plain, plain.html(), "");
        }
        Drawings drawings = new Drawings(); // the charts' SVG, kept out of the parse below (see Drawings)
        List<String> parts = markdown.renderParts(p.markdown(), i -> drawings.stash(c.directiveHtml().get(i)), i -> c.inlineText().get(i),
                i -> traced.contains(i) ? new Markdown.Link(ProvenanceHtml.numberId(i), ProvenanceHtml.PAGE + "#" + ProvenanceHtml.entryId(i)) : null,
                p.source().sitePath(), p.source().key());
        if (parts.size() > 1 && (how || !p.markdown().directives().isEmpty() || !p.markdown().rawHtml().isEmpty())) {
            PageView inParts = viewInParts(p, c, config, msg, how, parts, drawings);
            if (inParts != null) return inParts;
        }
        String body = HtmlLinks.pointDirectoriesAtIndex(String.join("", parts));
        // A body only Flexmark wrote (no raw HTML, no directive output, no provenance links) is polished without
        // jsoup's round trip (QuickPolish), unless it holds something the quick reader does not know.
        ReaderHtml.Polished quick = how || !p.markdown().directives().isEmpty() || !p.markdown().rawHtml().isEmpty() ? null
                : QuickPolish.polish(body, msg);
        if (quick != null) return view(p, c, config, quick, quick.html(), "");
        // One parse of the body for the figure links, the polish and the provenance section: each parsing the HTML
        // the step before wrote was most of a long page's view time (a prose edit in serve re-makes the view).
        org.jsoup.nodes.Document doc = ReaderHtml.parse(body);
        if (how && c.provenance().queries().stream().anyMatch(q -> !q.figures().isEmpty())) ProvenanceHtml.linkFigures(doc, c.provenance(), msg);
        ReaderHtml.Polished polished = ReaderHtml.polishAndCount(doc, msg);
        body = drawings.restore(polished.html());
        String provenance = how ? ProvenanceHtml.section(doc, drawings, c.provenance(), locale(p, config), msg) : "";
        return view(p, c, config, polished, body, provenance);
    }

    /**
     * What one part of a body (a part of the page's Markdown, see {@link Markdown#renderParts}) becomes, from what
     * it depends on: its HTML as Markdown rendered it, the tables before it (a table without a caption is named by its number on the page),
     * the words datadesk writes, the figures that link to the provenance section and the drawings it holds.
     */
    private record PartKey(String html, int tablesBefore, String messages, Locale locale, List<String> figures, List<String> drawings) {}

    /** A part polished as the whole body's polish does it, with what the page adds up or looks up across parts. */
    private record PolishedPart(String html, int words, int characters, Map<String, String> headings, int tables,
                                java.util.Set<String> figures, Map<Integer, String[]> sentences) {}

    /** Polished parts by what they are made from, bounded by the characters they hold. */
    private final Map<PartKey, PolishedPart> polishedParts = new java.util.LinkedHashMap<>(256, 0.75f, true);
    private long polishedChars;
    private static final long POLISHED_MAX_CHARS = 8L << 20;

    /**
     * The view of a page parsed in parts (serve, after an edit), each part polished on its own and its polish reused
     * while its HTML and what it depends on are the same: a prose edit then polishes one part, not a 250 KB body.
     * Null when the page holds what is decided across parts (footnotes, a figure id twice): it is then viewed whole.
     * The result is the whole-body view's, byte for byte: each step of the polish works inside a top-level block,
     * the counts add up, and the few page-wide things (table numbers, the first heading and number of an id) are
     * carried from part to part.
     */
    private PageView viewInParts(ParsedPage p, ComputedPage c, SiteConfig config, io.datadesk.i18n.Messages msg, boolean how,
                                 List<String> parts, Drawings drawings) {
        Locale locale = locale(p, config);
        List<String> figures = new java.util.ArrayList<>();
        if (how) for (var q : c.provenance().queries()) figures.addAll(q.figures());
        int tables = 0, words = 0, characters = 0;
        Map<String, String> headings = new HashMap<>();
        Map<Integer, String[]> sentences = new HashMap<>();
        java.util.Set<String> figuresSeen = new java.util.HashSet<>();
        StringBuilder html = new StringBuilder();
        for (String raw : parts) {
            if (raw.contains("footnotes")) return null;
            // Keyed by the part as Markdown rendered it: its links are pointed at index files on a miss only.
            PartKey key = new PartKey(raw, tables, msg.key(), locale, figures, drawings.within(raw));
            PolishedPart done;
            synchronized (polishedParts) {
                done = polishedParts.get(key);
            }
            if (done == null) {
                done = polish(key, c, msg, how, drawings);
                synchronized (polishedParts) {
                    if (polishedParts.put(key, done) == null) polishedChars += key.html().length() + done.html().length();
                    var it = polishedParts.entrySet().iterator();
                    while (polishedChars > POLISHED_MAX_CHARS && it.hasNext()) {
                        var e = it.next();
                        polishedChars -= e.getKey().html().length() + e.getValue().html().length();
                        it.remove();
                    }
                }
            }
            for (String f : done.figures()) if (!figuresSeen.add(f)) return null; // linked in the first part only
            html.append(done.html());
            words += done.words();
            characters += done.characters();
            tables += done.tables();
            done.headings().forEach(headings::putIfAbsent);
            done.sentences().forEach(sentences::putIfAbsent);
        }
        String body = drawings.restore(html.toString());
        String provenance = how ? ProvenanceHtml.section(sentences::get, c.provenance(), msg) : "";
        return view(p, c, config, new ReaderHtml.Polished(body, words, headings, characters), body, provenance);
    }

    private static PolishedPart polish(PartKey key, ComputedPage c, io.datadesk.i18n.Messages msg, boolean how, Drawings drawings) {
        org.jsoup.nodes.Document doc = ReaderHtml.parse(HtmlLinks.pointDirectoriesAtIndex(key.html()));
        java.util.Set<String> here = new java.util.HashSet<>();
        for (String f : key.figures()) if (doc.getElementById(f) != null) here.add(f);
        if (!here.isEmpty()) ProvenanceHtml.linkFigures(doc, c.provenance(), msg);
        int tables = doc.select("table").size();
        ReaderHtml.Polished polished = ReaderHtml.polishAndCount(doc, msg, key.tablesBefore());
        Map<Integer, String[]> sentences = how ? ProvenanceHtml.sentencesIn(doc, drawings, key.locale()) : Map.of();
        return new PolishedPart(polished.html(), polished.words(), polished.characters(), polished.headings(), tables, here, sentences);
    }

    private static PageView view(ParsedPage p, ComputedPage c, SiteConfig config, ReaderHtml.Polished polished, String body,
                                 String provenance) {
        var fm = p.frontMatter();
        String sitePath = p.source().sitePath();
        String canonical = config.baseUrl().isEmpty() ? "" : config.absolute(sitePath);
        return new PageView(fm.title(), fm.subtitle(), fm.description(), fm.author() != null ? fm.author() : config.author(),
                fm.date(), fm.updated(), fm.tags(), io.datadesk.config.Language.tag(language(p, config)),
                readingMinutes(polished.words(), polished.characters()), toc(p.markdown().toc(), polished), body, sitePath, canonical, c.results(), sources(c.sources()),
                downloads(c), provenance, cardChart(c.firstChartSvg(), io.datadesk.config.Language.tag(language(p, config))), p.source().key());
    }

    /**
     * What the chart a page's social card draws shows, from the drawing's own {@code <title>} and {@code <desc>}
     * (the chart's title and its description, generated from the data or the author's {@code alt}).
     */
    static String cardChart(String svg) {
        return cardChart(svg, null);
    }

    /** As above, joined with the colon of the page's language {@code lang} (full width in Chinese and Japanese). */
    static String cardChart(String svg, String lang) {
        if (svg == null || svg.isEmpty()) return "";
        // Kept for the last few drawings: a page viewed again after a prose edit has the same chart, and parsing its
        // SVG again was a fortieth of the edit's samples (serve). The drawing is the same String then: found by its
        // kept hash code and by identity.
        List<String> key = List.of(svg, lang == null ? "" : lang);
        synchronized (CARD_CHARTS) {
            String done = CARD_CHARTS.get(key);
            if (done != null) return done;
        }
        String done = describeCardChart(svg, lang);
        synchronized (CARD_CHARTS) {
            CARD_CHARTS.put(key, done);
        }
        return done;
    }

    private static final Map<List<String>, String> CARD_CHARTS = new java.util.LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<List<String>, String> eldest) {
            return size() > 16;
        }
    };

    private static String describeCardChart(String svg, String lang) {
        var doc = org.jsoup.Jsoup.parse(svg, "", org.jsoup.parser.Parser.xmlParser());
        var title = doc.selectFirst("svg > title");
        var desc = doc.selectFirst("svg > desc");
        String t = title == null ? "" : title.text().strip();
        String d = desc == null ? "" : desc.text().strip();
        if (t.isEmpty()) return d;
        if (d.isEmpty()) return t;
        if (lang != null && (lang.startsWith("zh") || lang.startsWith("ja")))
            return t + (t.matches(".*[。！？：]$") ? "" : "：") + d;
        return t + (t.matches(".*[.!?:\u2026]$") ? " " : ": ") + d;
    }

    /**
     * The view of an article's "How the numbers were computed" page ({@link ProvenanceHtml#PAGE} in its folder): the
     * article's section as the content, under the article's title, with no contents, sources or downloads of its own.
     */
    public static PageView howComputed(PageView article) {
        return howComputed(article, io.datadesk.i18n.Messages.english());
    }

    /** As above, titled in the article's language ({@code how.title}: 数字是如何计算的). */
    public static PageView howComputed(PageView article, io.datadesk.i18n.Messages msg) {
        return new PageView(msg.get("how.title"), article.title(), article.description(), article.author(), article.date(),
                article.updated(), article.tags(), article.lang(), 0, List.of(), article.provenance(),
                article.sitePath() + ProvenanceHtml.PAGE, article.canonicalUrl().isEmpty() ? "" : article.canonicalUrl() + ProvenanceHtml.PAGE,
                Map.of(), List.of(), List.of(), "", "", article.key());
    }

    /**
     * The 404 page's words in another of the site's languages: hosts serve one {@code 404.html} for every missing
     * address, so a reader of the Chinese edition gets a section in Chinese with the Chinese home and articles.
     *
     * @param home the language's home page, as a site path ({@code zh/index.html})
     */
    public record NotFoundIn(String tag, String title, String homeLink, String joiner, String homeRest, String home,
                             List<PageView> articles) {

        public static NotFoundIn of(String code, io.datadesk.i18n.Messages m, List<PageView> articles) {
            return new NotFoundIn(io.datadesk.config.Language.tag(code), m.get("not_found.title"), m.get("not_found.home_link"),
                    m.get("not_found.home_joiner"), m.get("not_found.home_rest"), code + "/index.html", articles);
        }
    }

    /** The view of the 404 page, which has no source of its own. */
    public static PageView notFound(SiteConfig config, io.datadesk.i18n.Messages messages) {
        return new PageView(messages.get("not_found.title"), null, messages.get("not_found.description"), null,
                null, null, List.of(), config.languageTag(), 0, List.of(), "", "404.html", "", Map.of());
    }

    /**
     * The variables a template gets: {@code site}, {@code page}, {@code articles} (every page but the home page,
     * newest first), {@code links} and {@code results} (the page's query results), {@code dates} (dates in the
     * page's language) and {@code feedPath} (the feed of the page's language: {@code feed.xml}, {@code zh/feed.xml}).
     */
    public static Map<String, Object> model(SiteConfig config, PageView page, List<PageView> articles, Links links,
                                            io.datadesk.i18n.Messages messages, String feedPath) {
        Map<String, Object> m = new HashMap<>();
        m.put("dates", new Dates(messages.get("date.long"), messages.locale()));
        m.put("feedPath", feedPath);
        m.put("site", config);
        m.put("page", page);
        m.put("articles", articles);
        m.put("links", links);
        m.put("results", page.results());
        return m;
    }

    /** The template that renders a page: its front matter's {@code template}, else {@code home} or {@code article}. */
    public static String templateOf(ParsedPage p) {
        String t = p.frontMatter().template();
        return t != null ? t : p.source().isHome() ? "home" : "article";
    }

    /**
     * The code of the language a page is written in: its file name's ({@code index.zh.md}), else its front matter's
     * {@code lang}, else the site's {@code language}.
     */
    public static String language(ParsedPage p, SiteConfig config) {
        if (p.source().lang() != null) return p.source().lang();
        return p.frontMatter().lang() != null ? p.frontMatter().lang() : config.language();
    }

    /** The locale a page is rendered and formatted in: that of {@link #language}. */
    public static Locale locale(ParsedPage p, SiteConfig config) {
        return Locale.forLanguageTag(io.datadesk.config.Language.tag(language(p, config)));
    }

    /** A translation whose front matter's {@code lang} contradicts its file name's, located at the {@code lang} line. */
    public static List<Diagnostic> checkLanguage(ParsedPage p) {
        String suffix = p.source().lang(), lang = p.frontMatter().lang();
        if (suffix == null || lang == null || lang.equalsIgnoreCase(suffix)
                || lang.equalsIgnoreCase(io.datadesk.config.Language.tag(suffix))) return List.of();
        return List.of(new Diagnostic(p.source().displayPath(), frontMatterLine(p, "lang"), 1,
                "the front matter says 'lang: " + lang + "' but the file name says this page is in '" + suffix + "'",
                "remove 'lang:' (the file name gives the language) or rename the file to "
                        + p.source().file().getFileName().toString().replace("." + suffix + ".md", "." + lang + ".md")));
    }

    /** A page that names a template that does not exist, located at its front matter line. */
    public static List<Diagnostic> checkTemplate(ParsedPage p, Templates templates) {
        String t = templateOf(p);
        if (templates.exists(t)) return List.of();
        List<String> names = templates.names().stream().filter(n -> !n.equals("404") && !n.equals("layout")).toList();
        return List.of(new Diagnostic(p.source().displayPath(), frontMatterLine(p, "template"), 1,
                "template '" + t + "' does not exist in the theme (" + templates.display(t) + " or the built-in theme)",
                "use one of: " + String.join(", ", names)
                        + io.datadesk.error.Suggest.closest(t, names).map(s -> " (did you mean '" + s + "'?)").orElse("")));
    }

    /**
     * GitHub Pages serves 404.html for a missing URL at any depth, where relative links would break; it links from
     * the site's own path instead (from base_url), or relatively when no base URL is known.
     */
    public static String rootForNotFound(SiteConfig config) {
        if (config.baseUrl().isEmpty()) return "";
        String path = URI.create(config.baseUrl()).getPath();
        return path == null || path.isEmpty() ? "/" : path;
    }

    /**
     * The "Data sources" list: each publisher once, with its series or files under it when the page credits several
     * (a page that draws five series of one statistics office names the office once, not five times). A credit
     * belongs to the publisher its {@code source:} names, else to the longest publisher or other credit its text
     * starts with as whole words ("Challenger, Gray & Christmas monthly reports" under "Challenger, Gray &
     * Christmas"); otherwise it stands alone. Publishers keep the order of their first credit.
     */
    static List<PageView.Source> sources(List<Attribution> credits) {
        java.util.Set<String> names = new java.util.HashSet<>();
        for (Attribution a : credits) names.add(a.publisher() != null ? a.publisher() : a.text());
        Map<String, List<Attribution>> groups = new java.util.LinkedHashMap<>();
        for (Attribution a : credits) groups.computeIfAbsent(publisherOf(a, names), k -> new java.util.ArrayList<>()).add(a);
        List<PageView.Source> out = new java.util.ArrayList<>();
        groups.forEach((publisher, group) -> {
            String ownUrl = group.stream().filter(a -> a.text().equals(publisher)).map(Attribution::url)
                    .filter(java.util.Objects::nonNull).findFirst().orElse(null);
            List<PageView.Source> items = group.stream().filter(a -> !a.text().equals(publisher))
                    .map(a -> new PageView.Source(item(a.text(), publisher), a.url())).toList();
            if (items.size() == 1 && ownUrl == null) out.add(new PageView.Source(group.get(group.size() - 1).text(), items.get(0).url()));
            else out.add(new PageView.Source(publisher, ownUrl, items));
        });
        return out;
    }

    private static String publisherOf(Attribution a, java.util.Set<String> names) {
        if (a.publisher() != null) return a.publisher();
        String best = a.text();
        for (String n : names)
            if (n.length() < a.text().length() && a.text().startsWith(n) && !Character.isLetterOrDigit(a.text().charAt(n.length()))
                    && (best.equals(a.text()) || n.length() > best.length()))
                best = n;
        return best;
    }

    /** A credit's text under its publisher: "US Bureau of Labor Statistics, CES, via FRED" becomes "CES, via FRED". */
    private static String item(String text, String publisher) {
        if (!text.startsWith(publisher)) return text;
        String rest = text.substring(publisher.length()).replaceFirst("^[\\s,;:\u2013\u2014\uFF0C\uFF1B\uFF1A\u3001-]+", "");
        return rest.isEmpty() ? text : rest;
    }

    /** The CSV files published beside the page, for its "Download the data" list. */
    private static List<PageView.Download> downloads(ComputedPage c) {
        return c.files().keySet().stream().filter(f -> f.endsWith(".csv")).sorted()
                .map(f -> new PageView.Download(f.substring(f.lastIndexOf('/') + 1), f)).toList();
    }

    /**
     * The contents as readers see the headings: the Markdown's heading source would show an inline value's
     * {@code {{ query.column | format }}} and straight quotes, so each entry takes its heading's rendered text.
     */
    private static List<io.datadesk.read.TocEntry> toc(List<io.datadesk.read.TocEntry> entries, ReaderHtml.Polished polished) {
        return entries.stream().map(e -> new io.datadesk.read.TocEntry(e.level(),
                polished.headings().getOrDefault(e.id(), e.text()), e.id())).toList();
    }

    /**
     * Minutes to read the prose: 230 words a minute (a common adult reading speed) for text with spaces between words,
     * 350 characters a minute for Chinese and Japanese (the usual estimate for adult readers of Chinese, 300 to 400).
     */
    static int readingMinutes(int words, int cjkCharacters) {
        return Math.max(1, Math.round(words / 230f + cjkCharacters / 350f));
    }

    private static int frontMatterLine(ParsedPage p, String key) {
        try {
            List<String> lines = java.nio.file.Files.readAllLines(p.source().file());
            for (int i = 1; i < lines.size() && !lines.get(i).strip().equals("---"); i++)
                if (lines.get(i).startsWith(key + ":")) return i + 1;
        } catch (java.io.IOException ignored) {
            // the line is a nicety; the message still names the file
        }
        return 0;
    }
}
