package io.datadesk.build;

import io.datadesk.config.SiteConfig;
import io.datadesk.error.ContentException;
import io.datadesk.error.Diagnostic;
import io.datadesk.error.Diagnostics;
import io.datadesk.read.ContentTree;
import io.datadesk.read.Directive;
import io.datadesk.read.FrontMatter;
import io.datadesk.read.InlineValue;
import io.datadesk.read.Markdown;
import io.datadesk.read.ParsedPage;
import io.datadesk.read.SourcePage;
import io.datadesk.render.Links;
import io.datadesk.render.PageView;
import io.datadesk.render.Templates;
import io.datadesk.write.Assets;
import io.datadesk.write.SiteIndexes;
import io.datadesk.write.StagedSite;
import io.datadesk.yaml.YamlNode;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;

/**
 * Runs the pipeline: read the content, compute each page's data, render the pages through the templates and write
 * the site, all or nothing.
 *
 * <p>A builder remembers what its last build read and made. Building again with the same builder (as
 * {@code datadesk serve} does after each save) re-reads every input but redoes only what they changed: a page's data
 * is recomputed only when its directives, inline values, front matter or data files changed; a page is re-rendered
 * only when its content, data, template (or a template it includes) or the site settings changed, and pages that
 * list other pages (the home page) when any page did; only changed files are rewritten. Not thread-safe: one build
 * at a time.
 */
public final class SiteBuilder {

    /** Where the query cache lives, relative to the project: git-ignored, safe to delete. */
    public static final String CACHE_DIR = ".datadesk-cache";

    private final BuildOptions options;
    private final Markdown markdown = new Markdown();
    private final PageData pageData;
    private final Map<Path, PageMemo> memo = new HashMap<>();
    private TemplateSet templateSet;
    private SiteFiles published; // what outDir holds since this builder's last successful write
    private SiteFiles lastSite;
    private String notFoundKey;
    private String notFoundHtml;
    /** Social cards of the last build by what they show: drawing one costs more than rendering a page. */
    private final Map<SiteIndexes.Entry, byte[]> socialCards = new HashMap<>();
    private SiteConfig cardsConfig;

    /** What a page looked like at its last successful step, and what that step produced. */
    private static final class PageMemo {
        String textHash;
        ParsedPage parsed;
        String frontMatterYaml;
        String dataKey;
        ComputedPage computed;
        String viewKey;
        PageView view;
        String renderKey;
        String html;
    }

    public SiteBuilder(BuildOptions options) {
        this(options, QueryCache.inFolder(options.projectDir().resolve(CACHE_DIR).resolve("queries")));
    }

    public SiteBuilder(BuildOptions options, QueryCache queryCache) {
        this.options = options;
        this.pageData = new PageData(options, queryCache);
    }

    /** The files of the last successful build, also when nothing was written ({@code datadesk check}). */
    public SiteFiles lastSite() {
        return lastSite;
    }

    /**
     * Builds the site. Throws {@link ContentException} with every problem found; the previous output is then
     * untouched. The first build of a builder replaces the output folder as a whole; later ones update the files
     * that changed.
     *
     * @return what was done; {@link BuildResult#pages()} lists the pages rendered, which for a rebuild are only the
     *     pages whose output could have changed
     */
    public BuildResult build() {
        long start = System.nanoTime();
        Diagnostics problems = new Diagnostics();
        Path configFile = options.projectDir().resolve(SiteConfig.FILE_NAME);
        String configHash = ContentHashes.file(configFile);
        SiteConfig config = problems.collect(() -> SiteConfig.load(configFile, SiteConfig.FILE_NAME));
        ContentTree tree = problems.collect(() -> ContentTree.scan(options.contentDir(), options.projectDir()));
        problems.throwIfAny();

        TemplateSet tset = templateSet = TemplateSet.load(options.templatesDir(), options.display(options.templatesDir()), templateSet);
        Templates templates = tset.templates();
        memo.keySet().retainAll(tree.pages().stream().map(SourcePage::file).toList());
        List<ParsedPage> pages = new ArrayList<>();
        for (SourcePage source : tree.pages()) {
            ParsedPage p = problems.collect(() -> read(source));
            if (p != null && (options.drafts() || !p.frontMatter().draft())) pages.add(p);
        }
        for (ParsedPage p : pages) problems.addAll(checkTemplate(p, templates));
        problems.throwIfAny();

        Map<ParsedPage, ComputedPage> computed = new HashMap<>();
        int charts = 0, run = 0, cached = 0;
        for (ParsedPage p : pages) {
            PageMemo m = memoOf(p);
            String dataKey = dataKey(p, m, config);
            if (!dataKey.equals(m.dataKey) || m.computed == null) {
                ComputedPage c = problems.collect(() -> pageData.compute(p, locale(p, config)));
                if (c == null) continue;
                m.computed = c;
                m.dataKey = dataKey;
                charts += c.charts();
                run += c.queriesRun();
                cached += c.queriesCached();
            }
            computed.put(p, m.computed);
        }
        problems.throwIfAny();

        Assets assets = Assets.of(tset.assets());
        Map<ParsedPage, PageView> views = new HashMap<>();
        for (ParsedPage p : pages) {
            PageMemo m = memoOf(p);
            String viewKey = ContentHashes.combine(m.textHash, m.dataKey, configHash);
            if (!viewKey.equals(m.viewKey)) {
                m.view = view(p, computed.get(p), config);
                m.viewKey = viewKey;
            }
            views.put(p, m.view);
        }
        List<PageView> articles = pages.stream().map(views::get).filter(v -> !v.isHome())
                .sorted(Comparator.comparing(PageView::date, Comparator.nullsLast(Comparator.reverseOrder()))
                        .thenComparing(PageView::title))
                .toList();
        // Everything a page's rendering can depend on besides its own view and template.
        String siteKey = ContentHashes.combine(configHash, assetsKey(assets), String.valueOf(options.drafts()));
        String listingKey = ContentHashes.combine(pages.stream().map(p -> p.source().sitePath() + "=" + memoOf(p).viewKey)
                .sorted().toArray(String[]::new));

        SiteFiles site = new SiteFiles();
        List<String> rendered = new ArrayList<>();
        for (ParsedPage p : pages) {
            PageMemo m = memoOf(p);
            String template = templateOf(p);
            String renderKey = ContentHashes.combine(m.viewKey, siteKey, tset.key(template),
                    tset.listsArticles(template) ? listingKey : "");
            if (!renderKey.equals(m.renderKey)) {
                Map<String, Object> model = model(config, views.get(p), articles, new Links(p.source().root(), assets));
                String html = problems.collect(() -> templates.render(template, model, locale(p, config), p.source().displayPath()));
                if (html == null) continue;
                m.html = html;
                m.renderKey = renderKey;
                rendered.add(p.source().sitePath());
            }
            site.put(p.source().outputFile(), m.html);
            computed.get(p).files().forEach(site::put);
        }
        if (templates.exists("404")) {
            String renderKey = ContentHashes.combine(siteKey, tset.key("404"), tset.listsArticles("404") ? listingKey : "");
            if (!renderKey.equals(notFoundKey)) {
                PageView notFound = new PageView("Page not found", null, "The page you asked for is not here.", null,
                        null, null, List.of(), config.language(), 0, List.of(), "", "404.html", "", Map.of());
                notFoundHtml = problems.collect(() -> templates.render("404",
                        model(config, notFound, articles, new Links(rootForNotFound(config), assets)), config.locale(), "404.html"));
                notFoundKey = notFoundHtml == null ? null : renderKey;
            }
            if (notFoundHtml != null) site.put("404.html", notFoundHtml);
        }
        problems.throwIfAny();
        assets.contents().forEach(site::put);
        List<SiteIndexes.Entry> entries = pages.stream().map(views::get).map(SiteBuilder::indexEntry).toList();
        if (!config.equals(cardsConfig)) socialCards.clear(); // a card shows the site's title and host too
        cardsConfig = config;
        socialCards.keySet().retainAll(entries);
        List<String> notes = SiteIndexes.write(site::put, config, entries,
                (cfg, entry) -> socialCards.computeIfAbsent(entry, e -> SiteIndexes.card(cfg, e)));
        for (String rel : tree.staticFiles()) site.copy(rel, tree.root().resolve(rel));
        // GitHub Pages would otherwise run Jekyll, which hides files and folders starting with '_'.
        site.put(".nojekyll", new byte[0]);
        if (options.write()) write(site);
        lastSite = site;
        return new BuildResult(rendered, tree.staticFiles().size(), charts, run, cached,
                Duration.ofNanos(System.nanoTime() - start), notes);
    }

    private void write(SiteFiles site) {
        Path out = options.outDir();
        if (published == null || !Files.isDirectory(out)) {
            try (StagedSite staged = StagedSite.begin(out)) {
                site.writeTo(staged);
                staged.commit();
            }
        } else {
            site.syncInto(out, published, site.changedSince(published));
        }
        published = site;
    }

    /** Parses a page again only when its text changed since the last build. */
    private ParsedPage read(SourcePage source) {
        String text;
        try {
            text = Files.readString(source.file(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ContentException(new Diagnostic(source.displayPath(), 0, 0, "cannot read the page: " + e.getMessage(), ""));
        }
        PageMemo m = memo.computeIfAbsent(source.file(), f -> new PageMemo());
        String hash = ContentHashes.combine(source.sitePath(), text);
        if (hash.equals(m.textHash) && m.parsed != null && m.parsed.source().equals(source)) return m.parsed;
        ParsedPage parsed = ParsedPage.read(source, markdown);
        m.textHash = hash;
        m.parsed = parsed;
        m.frontMatterYaml = FrontMatter.split(text, source.displayPath()).yaml();
        return parsed;
    }

    private PageMemo memoOf(ParsedPage p) {
        return memo.get(p.source().file());
    }

    /**
     * Everything a page's data depends on: its front matter, the directives and inline values (not the prose around
     * them, so editing prose never recomputes data), its language and the content of every file its front matter
     * names. Line numbers are left out: they only matter for error messages, and errors are never remembered.
     */
    private String dataKey(ParsedPage p, PageMemo m, SiteConfig config) {
        List<String> parts = new ArrayList<>();
        parts.add("data-v1");
        parts.add(p.source().sitePath());
        parts.add(p.source().displayPath());
        parts.add(locale(p, config).toLanguageTag());
        parts.add(m.frontMatterYaml);
        for (Directive d : p.markdown().directives()) parts.add(d.kind() + " " + d.args() + "\n" + d.body());
        for (InlineValue v : p.markdown().inlineValues()) parts.add("{{" + v.expression() + "}}");
        for (Path f : dataFiles(p)) parts.add(f + "=" + ContentHashes.file(f));
        return ContentHashes.combine(parts.toArray(String[]::new));
    }

    /**
     * The files a page's {@code data:} front matter could name: every string in it, resolved the way datasets are
     * (relative to the page's folder, then to {@code content/}). A superset is harmless; a file that does not exist
     * yet is included so that creating it counts as a change.
     */
    private List<Path> dataFiles(ParsedPage p) {
        YamlNode data = p.frontMatter().data();
        if (data == null) return List.of();
        List<String> strings = new ArrayList<>();
        collectStrings(data, strings);
        Path pageDir = p.source().file().getParent();
        List<Path> files = new ArrayList<>();
        for (String s : strings) {
            if (s.isBlank() || s.length() > 500) continue;
            try {
                for (Path base : List.of(pageDir, options.contentDir())) {
                    Path f = base.resolve(s).normalize();
                    if (f.startsWith(options.projectDir()) && !files.contains(f)) files.add(f);
                }
            } catch (java.nio.file.InvalidPathException ignored) {
                // not a path; the data stage reports it
            }
        }
        return files;
    }

    private static void collectStrings(YamlNode node, List<String> out) {
        if (node.isMap()) node.asMap("data").values().forEach(n -> collectStrings(n, out));
        else if (node.isList()) node.asList("data").forEach(n -> collectStrings(n, out));
        else if (!node.isNull()) out.add(node.asString("data"));
    }

    private static String assetsKey(Assets assets) {
        return ContentHashes.combine(new java.util.TreeMap<>(assets.files()).toString());
    }

    private static Map<String, Object> model(SiteConfig config, PageView page, List<PageView> articles, Links links) {
        Map<String, Object> m = new HashMap<>();
        m.put("site", config);
        m.put("page", page);
        m.put("articles", articles);
        m.put("links", links);
        m.put("results", page.results());
        return m;
    }

    private PageView view(ParsedPage p, ComputedPage c, SiteConfig config) {
        var fm = p.frontMatter();
        String body = markdown.render(p.markdown(), i -> c.directiveHtml().get(i), i -> c.inlineText().get(i));
        body = HtmlLinks.pointDirectoriesAtIndex(body);
        body = io.datadesk.render.ReaderHtml.polish(body);
        String sitePath = p.source().sitePath();
        String canonical = config.baseUrl().isEmpty() ? "" : config.absolute(sitePath);
        return new PageView(fm.title(), fm.subtitle(), fm.description(), fm.author() != null ? fm.author() : config.author(),
                fm.date(), fm.updated(), fm.tags(), fm.lang() != null ? fm.lang() : config.language(),
                readingMinutes(body), p.markdown().toc(), body, sitePath, canonical, c.results(), c.sources(), downloads(c));
    }

    /** The CSV files published beside the page, for its "Download the data" list. */
    private static List<PageView.Download> downloads(ComputedPage c) {
        return c.files().keySet().stream().filter(f -> f.endsWith(".csv")).sorted()
                .map(f -> new PageView.Download(f.substring(f.lastIndexOf('/') + 1), f)).toList();
    }

    private static SiteIndexes.Entry indexEntry(PageView v) {
        return new SiteIndexes.Entry(v.title(), v.subtitle(), v.description(), v.author(), v.date(), v.updated(), v.sitePath(),
                io.datadesk.write.SocialCard.firstChart(v.content()));
    }

    private static int readingMinutes(String html) {
        String text = Jsoup.parse(html).text();
        int words = text.isBlank() ? 0 : text.trim().split("\\s+").length;
        return Math.max(1, Math.round(words / 230f)); // 230 words a minute: a common adult reading speed
    }

    private static Locale locale(ParsedPage p, SiteConfig config) {
        return p.frontMatter().lang() != null ? Locale.forLanguageTag(p.frontMatter().lang()) : config.locale();
    }

    private static String templateOf(ParsedPage p) {
        String t = p.frontMatter().template();
        return t != null ? t : p.source().isHome() ? "home" : "article";
    }

    private static List<Diagnostic> checkTemplate(ParsedPage p, Templates templates) {
        String t = templateOf(p);
        if (templates.exists(t)) return List.of();
        List<String> names = templates.names().stream().filter(n -> !n.equals("404") && !n.equals("layout")).toList();
        return List.of(new Diagnostic(p.source().displayPath(), frontMatterLine(p, "template"), 1,
                "template '" + t + "' does not exist in the theme (" + templates.display(t) + " or the built-in theme)",
                "use one of: " + String.join(", ", names)
                        + io.datadesk.error.Suggest.closest(t, names).map(s -> " (did you mean '" + s + "'?)").orElse("")));
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

    /**
     * GitHub Pages serves 404.html for a missing URL at any depth, where relative links would break; it links from
     * the site's own path instead (from base_url), or relatively when no base URL is known.
     */
    private static String rootForNotFound(SiteConfig config) {
        if (config.baseUrl().isEmpty()) return "";
        String path = URI.create(config.baseUrl()).getPath();
        return path == null || path.isEmpty() ? "/" : path;
    }
}
