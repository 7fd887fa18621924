package io.datadesk.build;

import io.datadesk.config.SiteConfig;
import io.datadesk.error.ContentException;
import io.datadesk.error.Diagnostic;
import io.datadesk.error.Diagnostics;
import io.datadesk.read.ContentTree;
import io.datadesk.read.Markdown;
import io.datadesk.read.ParsedPage;
import io.datadesk.read.SourcePage;
import io.datadesk.render.Links;
import io.datadesk.render.PageView;
import io.datadesk.render.Templates;
import io.datadesk.write.Assets;
import io.datadesk.write.SiteIndexes;
import io.datadesk.write.StagedSite;
import java.net.URI;
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
 */
public final class SiteBuilder {

    private final BuildOptions options;
    private final Markdown markdown = new Markdown();
    private final PageData pageData;

    public SiteBuilder(BuildOptions options) {
        this.options = options;
        this.pageData = new PageData(options);
    }

    /**
     * Builds the site. Throws {@link ContentException} with every problem found; the previous output is then
     * untouched.
     */
    public BuildResult build() {
        long start = System.nanoTime();
        Diagnostics problems = new Diagnostics();
        SiteConfig config = problems.collect(() -> SiteConfig.load(options.projectDir().resolve(SiteConfig.FILE_NAME), SiteConfig.FILE_NAME));
        ContentTree tree = problems.collect(() -> ContentTree.scan(options.contentDir(), options.projectDir()));
        if (!java.nio.file.Files.isDirectory(options.templatesDir())) {
            problems.add(new Diagnostic(options.display(options.templatesDir()), 0, 0, "the templates folder does not exist",
                    "point --templates at the folder with article.html, home.html and 404.html"));
        }
        problems.throwIfAny();

        Templates templates = new Templates(options.templatesDir(), options.display(options.templatesDir()));
        List<ParsedPage> pages = new ArrayList<>();
        for (SourcePage source : tree.pages()) {
            ParsedPage p = problems.collect(() -> ParsedPage.read(source, markdown));
            if (p != null && (options.drafts() || !p.frontMatter().draft())) pages.add(p);
        }
        for (ParsedPage p : pages) problems.addAll(checkTemplate(p, templates));
        problems.throwIfAny();

        Map<ParsedPage, ComputedPage> computed = new HashMap<>();
        for (ParsedPage p : pages) {
            ComputedPage c = problems.collect(() -> pageData.compute(p, locale(p, config)));
            if (c != null) computed.put(p, c);
        }
        problems.throwIfAny();

        Assets assets = Assets.load(options.templatesDir().resolve("assets"));
        Map<ParsedPage, PageView> views = new HashMap<>();
        for (ParsedPage p : pages) views.put(p, view(p, computed.get(p), config));
        List<PageView> articles = pages.stream().map(views::get).filter(v -> !v.isHome())
                .sorted(Comparator.comparing(PageView::date, Comparator.nullsLast(Comparator.reverseOrder()))
                        .thenComparing(PageView::title))
                .toList();

        try (StagedSite site = StagedSite.begin(options.outDir())) {
            List<String> written = new ArrayList<>();
            int charts = 0, run = 0, cached = 0;
            for (ParsedPage p : pages) {
                PageView view = views.get(p);
                Map<String, Object> model = model(config, view, articles, new Links(p.source().root(), assets));
                String html = problems.collect(() -> templates.render(templateOf(p), model, locale(p, config), p.source().displayPath()));
                if (html == null) continue;
                site.write(p.source().outputFile(), html);
                ComputedPage c = computed.get(p);
                c.files().forEach(site::write);
                charts += c.charts();
                run += c.queriesRun();
                cached += c.queriesCached();
                written.add(p.source().sitePath());
            }
            if (templates.exists("404")) {
                PageView notFound = new PageView("Page not found", null, "The page you asked for is not here.", null,
                        null, null, List.of(), config.language(), 0, List.of(), "", "404.html", "", Map.of());
                String html = problems.collect(() -> templates.render("404",
                        model(config, notFound, articles, new Links(rootForNotFound(config), assets)), config.locale(), "404.html"));
                if (html != null) site.write("404.html", html);
            }
            problems.throwIfAny();
            assets.writeTo(site);
            List<String> notes = SiteIndexes.write(site, config, pages.stream().map(views::get).map(SiteBuilder::indexEntry).toList());
            for (String rel : tree.staticFiles()) site.copy(tree.root().resolve(rel), rel);
            // GitHub Pages would otherwise run Jekyll, which hides files and folders starting with '_'.
            site.write(".nojekyll", new byte[0]);
            if (options.write()) site.commit();
            return new BuildResult(written, tree.staticFiles().size(), charts, run, cached,
                    Duration.ofNanos(System.nanoTime() - start), notes);
        }
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
                readingMinutes(body), p.markdown().toc(), body, sitePath, canonical, c.results(), List.of(), downloads(c));
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
                "template '" + t + "' does not exist in " + templates.file(t).getParent().getFileName() + "/",
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
