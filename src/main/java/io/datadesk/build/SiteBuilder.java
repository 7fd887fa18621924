package io.datadesk.build;

import io.datadesk.compute.ComputedPage;
import io.datadesk.compute.ContentHashes;
import io.datadesk.compute.PageData;
import io.datadesk.compute.QueryCache;
import io.datadesk.config.SiteConfig;
import io.datadesk.compute.DatabaseResults;
import io.datadesk.data.JdbcDrivers;
import io.datadesk.error.ContentException;
import io.datadesk.error.Diagnostic;
import io.datadesk.error.Diagnostics;
import io.datadesk.read.ContentTree;
import io.datadesk.read.Directive;
import io.datadesk.read.FrontMatter;
import io.datadesk.read.InlineValue;
import io.datadesk.read.Markdown;
import io.datadesk.read.ParsedPage;
import io.datadesk.read.Partials;
import io.datadesk.read.SourcePage;
import io.datadesk.render.Links;
import io.datadesk.render.PageView;
import io.datadesk.render.PageViews;
import io.datadesk.render.ProvenanceHtml;
import io.datadesk.render.Templates;
import io.datadesk.render.Translation;
import io.datadesk.write.Assets;
import io.datadesk.write.SiteIndexes;
import io.datadesk.write.StagedSite;
import io.datadesk.yaml.YamlNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
    private Markdown markdown; // started on first use: a build whose pages all come from the page store needs none
    private PageViews pageViews;
    private final PageData pageData;
    private final Map<Path, PageMemo> memo = new HashMap<>();
    private final Map<Path, TextDigest> textDigests = new java.util.concurrent.ConcurrentHashMap<>(); // see textDigest
    private final Map<String, String> bodyDigests = new java.util.concurrent.ConcurrentHashMap<>(); // see bodyDigest
    private final PageWorkers workers;
    private final PageStore store;
    private java.util.Set<String> storedNames; // the pages the store was last pruned to
    private final Path hashesFile; // the files' hashes remembered across processes (ContentHashes.load), or null
    private TemplateSet templateSet;
    private java.util.concurrent.CompletableFuture<TemplateSet> earlyTemplates; // see TemplateSet.startEarly
    private SiteFiles published; // what outDir holds since this builder's last successful write
    private SiteFiles lastSite;
    private Rendering lastRendering; // what the last successful build rendered pages with, for warmUp
    private int builds; // builds started by this builder
    private Map<String, byte[]> assetsFrom; // the theme's assets lastAssets was made from (assetsOf)
    private Assets lastAssets;
    private String notFoundKey;
    private String notFoundHtml;
    /** Social cards of the last build by what they show: drawing one costs more than rendering a page. */
    private final Map<SiteIndexes.Entry, byte[]> socialCards = new HashMap<>();
    private SiteConfig cardsConfig;
    private final io.datadesk.write.CardCache cardCache;
    private final SiteSnapshot snapshot;
    private boolean storeLater; // see storeLater()
    private Runnable pendingStore; // what the last successful build keeps for the next process, until stored
    private Thread storing; // storing it beside the end of the build (storeBeside), until awaited
    private PageStore.Entry notFoundToStore;

    /**
     * What a page looked like at its last successful step, and what that step produced. A page comes either from
     * its source ({@code parsed} set: it is computed and viewed as needed) or, when nothing it is made from changed
     * since a build of an earlier process, from the page store ({@code parsed} null: view and HTML as stored).
     */
    private static final class PageMemo {
        SourcePage source;
        String textHash;
        ParsedPage parsed;
        String frontMatterYaml;
        String dataKey;
        Map<String, String> deps = Map.of(); // data files read, with their hashes when the data was computed
        ComputedPage computed;
        String viewKey;
        PageView view;
        String renderKey;
        String html;
        // What the steps after the view need, from the computed page or from the store
        String template;
        java.util.Locale locale;
        Map<String, byte[]> files = Map.of();
        String cardChart;
        int charts;
        int queries;
        boolean fromStore;
        String inputKey; // what the page is stored under: its text, its original's, partials, settings, code
        boolean loadedNow; // taken from the store by this build: its charts and queries count as cached
        boolean changed; // view or HTML made by this build: to be stored
        String reportedKey; // the render key last reported in BuildResult.pages
        OwnDataKey ownDataKey; // for its translation's data key (originalDataKey)
        // The "how the numbers were computed" page as this process last rendered it, and from what
        PageView howView;
        String howKey;
        byte[] howHtml;
    }

    public SiteBuilder(BuildOptions options) {
        this(options, QueryCache.inFolder(options.projectDir().resolve(CACHE_DIR).resolve("queries")));
    }

    public SiteBuilder(BuildOptions options, QueryCache queryCache) {
        this(options, queryCache, PageWorkers.defaultThreads());
    }

    /**
     * @param threads how many pages are worked on at once (1: all in the calling thread)
     * @param queryCache also decides the page store: a builder with a cache that {@link QueryCache#remembers() remembers nothing}
     *     remembers no pages across processes either
     */
    public SiteBuilder(BuildOptions options, QueryCache queryCache, int threads) {
        this.options = options;
        this.workers = new PageWorkers(threads);
        this.cardCache = new io.datadesk.write.CardCache(options.projectDir().resolve(CACHE_DIR).resolve("cards"));
        this.store = new PageStore(!queryCache.remembers() ? null : options.projectDir().resolve(CACHE_DIR).resolve("pages"));
        this.hashesFile = !queryCache.remembers() ? null : options.projectDir().resolve(CACHE_DIR).resolve("file-hashes");
        this.snapshot = new SiteSnapshot(options.projectDir().resolve(CACHE_DIR).resolve("site"));
        this.pageData = new PageData(options.projectDir(), options.contentDir(), queryCache,
                new DatabaseResults(options.projectDir().resolve(CACHE_DIR).resolve("jdbc"), options.refresh(), java.time.Clock.systemUTC()));
    }

    /**
     * Where database datasets read their credentials ({@code user: { env: NAME }}): the process environment by
     * default; tests and programs that embed datadesk can pass their own.
     */
    public SiteBuilder environment(java.util.function.Function<String, String> env) {
        pageData.databases().environment(env);
        return this;
    }

    /** The files of the last successful build, also when nothing was written ({@code datadesk check}). */
    public SiteFiles lastSite() {
        return lastSite;
    }

    private synchronized Markdown markdown() {
        if (markdown == null) markdown = new Markdown();
        return markdown;
    }

    /**
     * Makes the Markdown parser and parses a short page with it on a thread of its own (see {@link Markdown#warmUp}):
     * in a cold build of a small site the first page's parse was a tenth of the main thread's samples.
     */
    private void startMarkdownEarly() {
        Thread t = new Thread(() -> {
            try {
                markdown().warmUp();
            } catch (RuntimeException | Error e) {
                // nothing the build needs: its own parse of each page reports what goes wrong there
            }
        }, "datadesk-markdown");
        t.setDaemon(true);
        t.start();
    }

    private final java.util.concurrent.atomic.AtomicBoolean viewStarted = new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * Views a stand-in page with directives and renders the page templates with a stand-in ({@link PageViews#warmUp},
     * {@link TemplateSet#warmUp}) on a thread of its own, once per builder: called when a page with directives is
     * parsed, whose data is then computed (a database started, files loaded, charts drawn) before its view and render
     * are made. In the one-page report the view and the render came after the data on the same worker, running their
     * code for the first time. A site without directives is not warmed up: its pages are viewed and rendered at once,
     * and an empty site's two cores are busy all along, so that a warm-up only added its work (measured: 1.08-1.27x
     * the CPU, no wall time gained).
     */
    private void startViewEarly(TemplateSet tset) {
        if (!viewStarted.compareAndSet(false, true)) return;
        Thread t = new Thread(() -> {
            try {
                pageViews().warmUp();
            } catch (RuntimeException | Error e) {
                // nothing the build needs: its own view of each page reports what goes wrong there
            }
            try {
                tset.warmUp();
            } catch (RuntimeException | Error e) {
                // a broken template or message file: the build's own render fails the same way and reports it
            }
        }, "datadesk-view");
        t.setDaemon(true);
        t.start();
    }

    private synchronized PageViews pageViews() {
        if (pageViews == null) pageViews = new PageViews(markdown());
        return pageViews;
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
        awaitStore(); // the last build's, if it failed after starting it
        long start = System.nanoTime();
        builds++;
        if (hashesFile != null) ContentHashes.load(hashesFile);
        // A new or cleaned project parses and renders every page: the template engine's process-wide tables and the
        // Markdown parser start now, beside the kept site's fingerprint, the settings, the content's scan and the theme,
        // rather than when the first page is read. (A project whose page store holds nothing has no kept site either.)
        if (memo.isEmpty() && store.holdsNothing()) {
            io.datadesk.render.Templates.prestart();
            startMarkdownEarly();
            if (templateSet == null) earlyTemplates = TemplateSet.startEarly(options.templatesDir(), options.display(options.templatesDir()));
        }
        // Taken before anything is read: a file edited during this build makes the next build a full one.
        String inputs = keepsSnapshot() ? SiteSnapshot.inputs(options, options.projectDir().resolve(CACHE_DIR)) : null;
        if (inputs != null && memo.isEmpty() && published == null && !options.refresh() && !recordsClassArchive()) {
            SiteSnapshot.Restored kept = snapshot.restore(inputs);
            if (kept != null) return restored(kept, start);
        }
        Diagnostics problems = new Diagnostics();
        Path configFile = options.projectDir().resolve(SiteConfig.FILE_NAME);
        String configHash = ContentHashes.file(configFile);
        SiteConfig config = problems.collect(() -> SiteConfig.load(configFile, SiteConfig.FILE_NAME));
        if (config != null) pageData.databases().drivers(() -> JdbcDrivers.load(options.projectDir(), config.jdbcDrivers(), SiteConfig.FILE_NAME));
        ContentTree tree = problems.collect(() -> config == null ? ContentTree.scan(options.contentDir(), options.projectDir())
                : ContentTree.scan(options.contentDir(), options.projectDir(), config.language(), config.languages().keySet()));
        problems.throwIfAny();

        Partials partials = problems.collect(() -> Partials.load(options.projectDir().resolve(Partials.FOLDER), Partials.FOLDER));
        problems.throwIfAny();
        TemplateSet early = templateSet == null && earlyTemplates != null ? earlyTemplates.join() : null;
        earlyTemplates = null;
        TemplateSet tset = templateSet = TemplateSet.load(options.templatesDir(), options.display(options.templatesDir()),
                templateSet != null ? templateSet : early);
        memo.keySet().retainAll(tree.pages().stream().map(SourcePage::file).toList());
        textDigests.keySet().retainAll(memo.keySet());
        // Memos are made here, in one thread; each worker then touches only its own page's memo.
        for (SourcePage source : tree.pages()) memo.computeIfAbsent(source.file(), f -> new PageMemo());
        // Everything a stored page depends on besides its text and data files.
        String storeKey = ContentHashes.combine("pages-v1", PageStore.codeKey(), configHash, String.valueOf(options.drafts()),
                options.display(options.contentDir()), tset.messagesKey()); // messages: chart and table text too
        List<PageMemo> pages = new ArrayList<>();
        // A translation (index.zh.md) shares the data and queries of its original (index.md): the page of the same key
        // without a language in its file name.
        Map<String, SourcePage> originals = new HashMap<>();
        for (SourcePage s : tree.pages()) if (!s.isTranslation()) originals.putIfAbsent(s.key(), s);
        for (PageMemo m : workers.each(tree.pages(), source -> read(source, partials, storeKey, tset,
                source.isTranslation() ? originals.get(source.key()) : null, config.limits()), problems))
            if (m != null && (m.fromStore || options.drafts() || !m.parsed.frontMatter().draft())) pages.add(m);
        List<PageMemo> parsed = pages.stream().filter(m -> !m.fromStore).toList();
        if (!parsed.isEmpty()) for (PageMemo m : parsed) problems.addAll(PageViews.checkTemplate(m.parsed, tset.templates()));
        for (PageMemo m : parsed) problems.addAll(PageViews.checkLanguage(m.parsed));
        if (config != null && !config.rawHtml()) for (PageMemo m : parsed) problems.addAll(refusedHtml(m.parsed));
        problems.throwIfAny();

        int charts = 0, run = 0, cached = 0;
        // Originals first, then their translations: a translation runs its original's queries, which then come from
        // the query cache (same SQL, same data) instead of running at the same time in a second database. Problems
        // are reported in page order all the same.
        List<ComputedPage> fresh = new ArrayList<>(java.util.Collections.nCopies(parsed.size(), null));
        List<Diagnostics> found = parsed.stream().map(m -> new Diagnostics()).toList();
        for (boolean translations : new boolean[] {false, true}) {
            List<Integer> these = java.util.stream.IntStream.range(0, parsed.size())
                    .filter(i -> parsed.get(i).source.isTranslation() == translations).boxed().toList();
            List<ComputedPage> done = workers.each(these, i -> found.get(i).collect(() ->
                    compute(parsed.get(i), originalOf(parsed.get(i), originals, partials), config)), problems);
            for (int k = 0; k < these.size(); k++) fresh.set(these.get(k), done.get(k));
        }
        for (Diagnostics d : found) problems.addAll(d.list());
        problems.throwIfAny();
        for (ComputedPage c : fresh) {
            if (c == null) continue;
            charts += c.charts();
            run += c.queriesRun();
            cached += c.queriesCached();
        }
        for (PageMemo m : pages) {
            if (!m.loadedNow) continue;
            charts += m.charts; // the page's charts are in the site, drawn by an earlier build
            cached += m.queries;
            m.loadedNow = false;
        }

        Assets assets = assetsOf(tset.assets());
        workers.each(parsed, m -> {
            String viewKey = ContentHashes.combine(m.textHash, m.dataKey, configHash);
            if (!viewKey.equals(m.viewKey)) {
                ParsedPage p = m.parsed;
                m.view = pageViews().view(p, m.computed, config.in(PageViews.language(p, config)),
                        tset.messages().forLocale(PageViews.locale(p, config)));
                m.viewKey = viewKey;
                m.template = PageViews.templateOf(p);
                m.locale = PageViews.locale(p, config);
                m.files = m.computed.files();
                m.cardChart = cardChart(m.computed, m.view);
                m.charts = m.computed.charts();
                m.queries = m.computed.queriesRun() + m.computed.queriesCached();
                m.changed = true;
            }
            return m.view;
        }, problems);
        problems.throwIfAny();
        Map<PageView, String> editions = new java.util.IdentityHashMap<>();
        for (PageMemo m : pages) editions.put(m.view, Translation.edition(m.source, config));
        List<PageView> all = pages.stream().map(m -> m.view).filter(v -> !v.isHome())
                .sorted(Comparator.comparing(PageView::date, Comparator.nullsLast(Comparator.reverseOrder()))
                        .thenComparing(PageView::title))
                .toList();
        // Everything a page's rendering can depend on besides its own view and template.
        String siteKey = ContentHashes.combine(configHash, assetsKey(assets), String.valueOf(options.drafts()), tset.messagesKey());
        // What a page that lists articles shows of them, by edition: a page lists its own language's articles only, so
        // editing an English article does not render the Chinese home page again. The 404 page lists every edition's.
        Map<String, String> listingKeys = new java.util.TreeMap<>();
        boolean bodies = tset.readsArticleBodies();
        // What each page shows in a listing, hashed on all cores: on this thread alone, a page's listing text and its
        // hash were a serial stretch between viewing and rendering the pages of a large site.
        List<String> listed = workers.each(pages, m -> m.view.isHome() ? null : listedAs(m, bodies), problems);
        Map<PageMemo, String> listedBy = new java.util.IdentityHashMap<>();
        for (int i = 0; i < pages.size(); i++) listedBy.put(pages.get(i), listed.get(i));
        for (String edition : new java.util.TreeSet<>(editions.values()))
            listingKeys.put(edition, ContentHashes.combine(pages.stream()
                    .filter(m -> !m.view.isHome() && editions.get(m.view).equals(edition))
                    .map(m -> m.source.sitePath() + "=" + listedBy.get(m)).sorted().toArray(String[]::new)));
        String listingKey = ContentHashes.combine(listingKeys.toString());

        SiteFiles site = new SiteFiles();
        List<String> rendered = new ArrayList<>();
        // TemplateSet computes its keys lazily and is not thread-safe: the keys are taken here, in one thread.
        Map<PageMemo, String> renderKeys = new HashMap<>();
        Map<SourcePage, PageView> viewsBySource = new java.util.LinkedHashMap<>();
        for (PageMemo m : pages) viewsBySource.put(m.source, m.view);
        Map<SourcePage, List<Translation>> translations = Translation.of(viewsBySource, config);
        // "How the numbers were computed" is a page of its own beside the article, rendered from the article's section
        // (and title, date, language): it is rendered again only when that view or what every page depends on
        // changed, not for every edit of the article's prose. Its key holds the rest of what its rendering reads.
        Map<PageMemo, PageView> howViews = new HashMap<>();
        Map<PageMemo, String> howKeys = new HashMap<>();
        List<RenderJob> jobs = new ArrayList<>();
        for (PageMemo m : pages) {
            String edition = editions.get(m.view);
            String listing = tset.listsArticles(m.template) ? listingKeys.get(edition) : "";
            String renderKey = ContentHashes.combine(m.viewKey, siteKey, tset.key(m.template), listing, translations.get(m.source).toString());
            renderKeys.put(m, renderKey);
            if (renderKey.equals(m.renderKey)) continue;
            jobs.add(new RenderJob(m, false));
            if (!m.view.hasProvenance()) continue;
            PageView how = PageViews.howComputed(m.view, tset.messages().forLocale(m.locale));
            String howKey = ContentHashes.combine(siteKey, tset.key(m.template), listing, translations.get(m.source).toString());
            howViews.put(m, how);
            howKeys.put(m, howKey);
            if (m.howHtml == null || !howKey.equals(m.howKey) || !how.equals(m.howView)) jobs.add(new RenderJob(m, true));
        }
        // Each language's pages list the articles in their language only: one list per language, made once (made for
        // each page, the lists cost time in the square of the number of pages).
        Map<String, List<PageView>> articlesIn = new HashMap<>();
        for (String edition : new java.util.HashSet<>(editions.values()))
            articlesIn.put(edition, all.stream().filter(a -> editions.get(a).equals(edition)).toList());
        // The article and its "how computed" page are rendered as jobs of their own, so that both cores work on an edit.
        List<Diagnostics> renderProblems = jobs.stream().map(j -> new Diagnostics()).toList();
        Rendering rendering = new Rendering(config, tset, partials, assets, editions, articlesIn, translations);
        List<String> html = workers.each(java.util.stream.IntStream.range(0, jobs.size()).boxed().toList(), i -> renderProblems.get(i).collect(() -> {
            RenderJob j = jobs.get(i);
            return render(j.page(), j.how() ? howViews.get(j.page()) : j.page().view, rendering);
        }), problems);
        Map<PageMemo, String> articleHtml = new HashMap<>();
        Map<PageMemo, String> howHtml = new HashMap<>();
        java.util.Set<PageMemo> failed = new java.util.HashSet<>();
        for (int i = 0; i < jobs.size(); i++) {
            RenderJob j = jobs.get(i);
            // Both pages use the article's template: its problems are reported once, as rendering one page did.
            if (!j.how() || !failed.contains(j.page())) problems.addAll(renderProblems.get(i).list());
            if (html.get(i) == null) failed.add(j.page());
            else (j.how() ? howHtml : articleHtml).put(j.page(), html.get(i));
        }
        for (RenderJob j : jobs) {
            PageMemo m = j.page();
            if (j.how() || failed.contains(m)) continue;
            m.html = articleHtml.get(m);
            if (m.view.hasProvenance()) {
                // Kept with the page's other files (its data downloads) so that a page taken from the store brings it along.
                if (howHtml.containsKey(m)) {
                    m.howHtml = howHtml.get(m).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    m.howKey = howKeys.get(m);
                    m.howView = howViews.get(m);
                }
                Map<String, byte[]> files = new java.util.LinkedHashMap<>(m.files);
                files.put(m.source.sitePath() + ProvenanceHtml.PAGE, m.howHtml);
                m.files = java.util.Collections.unmodifiableMap(files);
            }
            m.renderKey = renderKeys.get(m);
            m.changed = true;
        }
        for (PageMemo m : pages) {
            if (m.html == null || !m.renderKey.equals(renderKeys.get(m))) continue; // its rendering failed
            if (!m.renderKey.equals(m.reportedKey)) rendered.add(m.source.sitePath());
            m.reportedKey = m.renderKey;
            site.put(m.source.outputFile(), m.html);
            m.files.forEach(site::put);
        }
        if (tset.exists("404")) {
            String renderKey = ContentHashes.combine(siteKey, tset.key("404"), tset.listsArticles("404") ? listingKey : "");
            if (notFoundKey == null) { // a new builder: the 404 page of an earlier process, if it still fits
                PageStore.Entry e = store.load(NOT_FOUND);
                if (e != null && renderKey.equals(e.renderKey()) && e.html() != null) {
                    notFoundKey = renderKey;
                    notFoundHtml = e.html();
                }
            }
            if (!renderKey.equals(notFoundKey)) {
                List<PageView> articles = all.stream().filter(a -> editions.get(a).equals(config.language())).toList();
                io.datadesk.i18n.Messages messages = tset.messages().forLocale(config.locale());
                Map<String, Object> model = PageViews.model(config, PageViews.notFound(config, messages), articles,
                        new Links(PageViews.rootForNotFound(config), assets.files()), messages, SiteIndexes.FEED);
                List<PageViews.NotFoundIn> others = new ArrayList<>();
                for (String edition : new java.util.TreeSet<>(editions.values())) {
                    if (edition.equals(config.language())) continue;
                    others.add(PageViews.NotFoundIn.of(edition, tset.messages().forLocale(config.languageOf(edition).locale()),
                            all.stream().filter(a -> editions.get(a).equals(edition)).toList()));
                }
                model.put("otherLanguages", others);
                notFoundHtml = problems.collect(() -> tset.templates().render("404", model, config.locale(), "404.html"));
                notFoundKey = notFoundHtml == null ? null : renderKey;
                notFoundToStore = notFoundHtml == null ? null : new PageStore.Entry("", Map.of(), "", null, "404", "",
                        Map.of(), null, 0, 0, renderKey, notFoundHtml);
            }
            if (notFoundHtml != null) site.put("404.html", notFoundHtml);
        }
        problems.throwIfAny();
        java.util.Set<String> names = new java.util.TreeSet<>(tree.pages().stream().map(SourcePage::sitePath).toList());
        names.add(NOT_FOUND);
        pendingStore = () -> storeForNextProcess(pages, names);
        if (!storeLater) storeBeside();
        assets.contents().forEach(site::put);
        List<SiteIndexes.Entry> entries = pages.stream().map(m -> SiteIndexes.Entry.of(m.view, m.cardChart)).toList();
        // A card shows the site's title and host too. (A first build has no cards: the record's first equals, whose
        // bootstrap spins classes the class-data archive cannot keep, is left to a rebuild.)
        if (cardsConfig != null && !config.equals(cardsConfig)) socialCards.clear();
        cardsConfig = config;
        socialCards.keySet().retainAll(entries);
        if (!config.baseUrl().isEmpty()) { // cards are published only with a base URL; drawn on all cores
            List<SiteIndexes.Entry> missing = entries.stream().filter(e -> !socialCards.containsKey(e)).distinct().toList();
            List<byte[]> drawn = workers.each(missing, e -> cardCache.card(SiteIndexes.cardConfig(config, e), e), problems);
            for (int i = 0; i < missing.size(); i++) socialCards.put(missing.get(i), drawn.get(i));
        }
        List<String> notes = new ArrayList<>(pageData.databases().drainNotes());
        if (tset.messagesRead()) notes.addAll(tset.messages().drainNotes());
        boolean onlyFromFiles = notes.isEmpty() // notes of these stages are not made again by a kept site
                && pages.stream().allMatch(m -> m.frontMatterYaml == null || !m.frontMatterYaml.contains("jdbc"));
        notes.addAll(SiteIndexes.write(site::put, config, entries,
                (cfg, entry) -> socialCards.computeIfAbsent(entry, e -> SiteIndexes.card(cfg, e))));
        for (String rel : tree.staticFiles()) site.copy(rel, tree.root().resolve(rel));
        // GitHub Pages would otherwise run Jekyll, which hides files and folders starting with '_'.
        site.put(".nojekyll", new byte[0]);
        if (options.write()) write(site);
        lastSite = site;
        lastRendering = rendering;
        if (inputs != null) {
            if (onlyFromFiles) snapshot.save(inputs, depsOf(pages), summaryOf(pages, tree.staticFiles().size(), notes), site);
            else snapshot.delete();
        }
        awaitStore();
        if (!storeLater && hashesFile != null) ContentHashes.save(hashesFile, this::remembersHashOf);
        return new BuildResult(rendered, tree.staticFiles().size(), charts, run, cached,
                Duration.ofNanos(System.nanoTime() - start), notes);
    }

    /**
     * Set by the launcher ({@code bin/datadesk}) and by {@code java -jar}'s relaunch on the JVM whose exit records the
     * class-data archive every later command maps. That JVM builds in full even when the kept site would do: an
     * archive recorded from a build that only wrote the kept site holds a sixth of the classes a real build loads,
     * and every later build of the distribution would then load the rest the slow way (measured: the one-page report
     * 0.75x slower).
     */
    public static final String RECORDS_CLASS_ARCHIVE = "datadesk.recordsClassArchive";

    private static boolean recordsClassArchive() {
        return System.getProperty(RECORDS_CLASS_ARCHIVE) != null;
    }

    /** Whether builds keep their site for the next process's build ({@link SiteSnapshot}): {@code datadesk build}. */
    private boolean keepsSnapshot() {
        return hashesFile != null && !storeLater && options.write();
    }

    /** A build whose inputs are as when the kept site was made: that site, written as a full build writes it. */
    private BuildResult restored(SiteSnapshot.Restored kept, long start) {
        write(kept.site());
        lastSite = kept.site();
        ContentHashes.save(hashesFile, this::remembersHashOf);
        SiteSnapshot.Summary s = kept.summary();
        return new BuildResult(s.pages(), s.staticFiles(), s.charts(), 0, s.queries(),
                Duration.ofNanos(System.nanoTime() - start), s.notes());
    }

    /** The data files the pages read, with the hashes they were read with. */
    private static Map<String, String> depsOf(List<PageMemo> pages) {
        Map<String, String> deps = new HashMap<>();
        for (PageMemo m : pages) deps.putAll(m.deps);
        return deps;
    }

    /**
     * What a new process reports when it builds these pages again with nothing changed: every page (none was
     * reported by it yet), their charts, and their queries as cached.
     */
    private static SiteSnapshot.Summary summaryOf(List<PageMemo> pages, int staticFiles, List<String> notes) {
        int charts = 0, queries = 0;
        for (PageMemo m : pages) {
            charts += m.charts;
            queries += m.queries;
        }
        return new SiteSnapshot.Summary(pages.stream().map(m -> m.source.sitePath()).toList(), staticFiles, charts, queries, notes);
    }

    /**
     * Makes {@link #build()} leave what it keeps for the next process (the page store, the files' hashes) to
     * {@link #storeNow()}: {@code serve} publishes a rebuild and tells the browser to reload first, and stores after.
     * Storing a long page took a tenth of a prose edit's rebuild, and nothing the reader sees waits on it.
     */
    public SiteBuilder storeLater() {
        storeLater = true;
        return this;
    }

    /**
     * Stores what the last successful build made for the next process, if not done yet. A build that failed or was
     * cancelled stores nothing; its pages are stored with the next successful build's.
     */
    public void storeNow() {
        Runnable r = pendingStore;
        pendingStore = null;
        if (r != null) r.run();
    }

    /**
     * Stores now, on a thread of its own, while this thread writes the feed, the sitemap, the site and the kept
     * snapshot: the two were one after the other at the end of a cold build, the store (encoding and writing an
     * entry per page) with this thread waiting. The build awaits it before it returns ({@link #awaitStore}). Each
     * entry is written whole through a temporary file, so a process that ends during it leaves no half entry.
     */
    private void storeBeside() {
        Runnable r = pendingStore;
        pendingStore = null;
        if (r == null) return;
        Thread t = new Thread(r, "datadesk-store");
        t.setDaemon(true);
        storing = t;
        t.start();
    }

    /** Waits for {@link #storeBeside}'s thread, if one runs. */
    private void awaitStore() {
        Thread t = storing;
        if (t == null) return;
        boolean interrupted = false;
        while (true) {
            try {
                t.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true; // the store is short and bounded: finish it, then pass the interruption on
            }
        }
        storing = null;
        if (interrupted) Thread.currentThread().interrupt();
    }

    /** Saves the pages a build made (and its 404 page) and deletes the entries of pages that are gone. */
    private void storeForNextProcess(List<PageMemo> pages, java.util.Set<String> names) {
        if (notFoundToStore != null) store.save(NOT_FOUND, notFoundToStore);
        notFoundToStore = null;
        workers.each(pages.stream().filter(m -> m.changed).toList(), m -> {
            save(m);
            return null;
        }, new Diagnostics());
        // Entries of pages that are gone are deleted: by a builder's first build, and when the set of pages changes
        // (serve's rebuilds do not list the store after every save).
        if (!names.equals(storedNames)) {
            store.retainOnly(names);
            storedNames = names;
        }
        if (storeLater && hashesFile != null) ContentHashes.save(hashesFile, this::remembersHashOf);
    }

    /** The project's files, its content and templates folders and the code (jars): what the next process need not hash again. */
    private boolean remembersHashOf(Path file) {
        // The content and templates folders may lie outside the project (--content, --templates: a shared theme); the
        // kept site's fingerprint hashes their files at every build
        return file.startsWith(options.projectDir().toAbsolutePath().normalize()) || file.startsWith(options.contentDir())
                || file.startsWith(options.templatesDir()) || file.toString().endsWith(".jar");
    }

    /**
     * What a page that lists articles can show of page {@code m}: its view but for the body and the provenance
     * section ({@link PageView#listing}), and its data (the results). A prose edit that keeps the title, the reading
     * time and the contents then does not render the home page again (it did for every edit). The whole view's key
     * when a template may show bodies, or when the page came from the page store (it has no data key in this process).
     */
    private static String listedAs(PageMemo m, boolean bodies) {
        if (bodies || m.dataKey == null) return m.viewKey;
        return ContentHashes.combine(m.dataKey, m.view.listing());
    }

    /** What rendering a page through its template reads besides the page: the site, its templates and pages. */
    private record Rendering(SiteConfig config, TemplateSet tset, Partials partials, Assets assets, Map<PageView, String> editions,
                             Map<String, List<PageView>> articlesIn, Map<SourcePage, List<Translation>> translations) {}

    /** The HTML of page {@code m} showing {@code view} (its own, or its "how the numbers were computed" page's). */
    private static String render(PageMemo m, PageView view, Rendering r) {
        String edition = r.editions().get(m.view);
        Map<String, Object> model = PageViews.model(r.config().in(edition), view, r.articlesIn().get(edition),
                new Links(m.source.root(), r.assets().files()), r.tset().messages().forLocale(m.locale),
                SiteIndexes.feedPath(edition, r.config().language()));
        model.put("translations", r.translations().get(m.source));
        return r.tset().templates().render(m.template, model, m.locale, m.source.displayPath());
    }

    /**
     * Runs a prose edit's steps on a copy of the longest page in memory, a word added to one of its paragraphs, and
     * throws the result away: {@code serve} calls it after its first build so that the author's first edit runs
     * compiled code. That edit took twice the CPU of later ones (JFR: two fifths of its samples were SHA-256 and
     * HTML escaping, still in their interpreted or first-tier forms). It parses the copy against the page's last parse,
     * hashes and keys it, views and renders it, and compares and writes the site's files as a rebuild does, into a
     * scratch folder. The page's memo, the site, the output folder and the stores are left as they were; what it
     * adds to the caches of parts (Markdown, polish) is keyed by content and is what an edit would have added.
     * Stops with {@link io.datadesk.error.BuildCancelled} when the thread is interrupted (a save). Not thread-safe:
     * call it between builds, on the thread that builds.
     *
     * @param rounds how many edits to run: each compiles more of the path
     * @return how many it ran: none when no page was parsed in parts (all came from the page store) or has prose
     */
    public int warmUp(int rounds) {
        Rendering r = lastRendering;
        SiteFiles site = lastSite;
        if (r == null || site == null) return 0;
        PageMemo m = memo.values().stream()
                .filter(p -> p.parsed != null && p.computed != null && p.view != null && p.html != null && textDigests.containsKey(p.source.file()))
                .max(Comparator.comparingInt(p -> textDigests.get(p.source.file()).text().length())).orElse(null);
        if (m == null) return 0;
        String text = textDigests.get(m.source.file()).text();
        if (withWords(text, "") == null) return 0;
        Path scratch = null;
        int round = 0;
        try {
            scratch = Files.createTempDirectory("datadesk-warm-up-");
            while (round < rounds) {
                String edited = withWords(text, " Warm-up " + ++round + ".");
                io.datadesk.error.BuildCancelled.check();
                String digest = ContentHashes.of(edited);
                ContentHashes.combine(m.source.sitePath(), digest, r.partials().hash());
                FrontMatter.Split split = FrontMatter.split(edited, m.source.displayPath());
                ParsedPage parsed = ParsedPage.parse(m.source, split, markdown(), r.partials(), m.parsed.markdown());
                dataKey(parsed, split.yaml(), r.config(), new java.util.TreeMap<>());
                PageView view = pageViews().view(parsed, m.computed, r.config().in(PageViews.language(parsed, r.config())),
                        r.tset().messages().forLocale(PageViews.locale(parsed, r.config())));
                io.datadesk.error.BuildCancelled.check();
                String html = render(m, view, r);
                io.datadesk.error.BuildCancelled.check();
                SiteFiles changed = site.with(m.source.outputFile(), html);
                changed.syncInto(scratch, site, changed.changedSince(site));
            }
        } catch (IOException e) {
            // no scratch folder: the steps before the write ran all the same
        } finally {
            if (scratch != null) deleteTree(scratch);
        }
        return round;
    }

    /**
     * {@code text} with {@code words} added to the end of its first line of prose (after the front matter, outside
     * fenced blocks, starting with a letter, without an inline value), or null when it has none.
     */
    static String withWords(String text, String words) {
        String[] lines = text.split("\n", -1);
        boolean inFence = false;
        int dashes = 0;
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i];
            if (dashes < 2) {
                if (l.strip().equals("---")) dashes++;
                continue;
            }
            if (l.startsWith("```") || l.startsWith("~~~")) inFence = !inFence;
            else if (!inFence && l.length() > 40 && Character.isLetter(l.charAt(0)) && !l.contains("{{")) {
                lines[i] = l.stripTrailing() + words;
                return String.join("\n", lines);
            }
        }
        return null;
    }

    private static void deleteTree(Path dir) {
        try (var files = Files.walk(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(f);
        } catch (IOException | java.io.UncheckedIOException e) {
            // a scratch folder in the temporary folder: left to the system
        }
    }

    /** Rendering a page's article ({@code how} false) or its "how the numbers were computed" page. */
    private record RenderJob(PageMemo page, boolean how) {}

    /** A translation's original as its data needs it: parsed, with its front matter's text. */
    private record Original(ParsedPage parsed, String frontMatterYaml, PageMemo memo) {}

    /**
     * The original of a translation that is computed: its memo's parse when this build has one, else parsed here (an
     * original taken from the page store was not parsed). Null for a page that is no translation or has no original.
     */
    private Original originalOf(PageMemo m, Map<String, SourcePage> originals, Partials partials) {
        SourcePage source = m.source.isTranslation() ? originals.get(m.source.key()) : null;
        if (source == null) return null;
        PageMemo om = memo.get(source.file());
        if (om != null && om.parsed != null && source.equals(om.source)) return new Original(om.parsed, om.frontMatterYaml, om);
        String text = io.datadesk.error.Utf8Text.read(source.file(), source.displayPath(), "the page");
        FrontMatter.Split split = FrontMatter.split(text, source.displayPath());
        return new Original(ParsedPage.parse(source, split, markdown(), partials), split.yaml(), null);
    }

    /** The store's name for the 404 page: not a site path any page can have. */
    private static final String NOT_FOUND = "\u0000404";

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

    /** Computes a page's data again only when what it depends on changed; returns null when it did not. */
    private ComputedPage compute(PageMemo m, Original original, SiteConfig config) {
        ParsedPage p = m.parsed;
        Map<String, String> deps = new java.util.TreeMap<>();
        io.datadesk.i18n.Messages msg = templateSet.messages().forLocale(PageViews.locale(p, config));
        // A translation's data depends on its original's blocks and data files too (and its deps: what the store checks).
        Map<String, String> ownDeps = new java.util.TreeMap<>();
        String own = dataKey(p, m.frontMatterYaml, config, ownDeps);
        m.ownDataKey = new OwnDataKey(p, builds, own, ownDeps);
        deps.putAll(ownDeps);
        String dataKey = ContentHashes.combine(own, msg.key(), original == null ? "" : originalDataKey(original, config, deps));
        if (dataKey.equals(m.dataKey) && m.computed != null) return null;
        ComputedPage c;
        try {
            c = pageData.compute(p, original == null ? null : original.parsed(), PageViews.locale(p, config), config.limits(), msg);
        } catch (ContentException e) {
            throw p.locate(e); // a problem inside an included partial is reported in the partial
        }
        m.computed = c;
        m.dataKey = dataKey;
        m.deps = deps;
        return c;
    }

    /**
     * A translation's original's own data key, with the data files it read added to {@code deps}: as its original
     * computed it in this build (originals are computed first), else computed here. Each page's key hashes all its
     * directives' text; a prose edit of the original then hashes them twice, not three times.
     */
    private String originalDataKey(Original original, SiteConfig config, Map<String, String> deps) {
        OwnDataKey known = original.memo() == null ? null : original.memo().ownDataKey;
        if (known != null && known.build() == builds && known.parsed() == original.parsed()) {
            deps.putAll(known.deps());
            return known.key();
        }
        return dataKey(original.parsed(), original.frontMatterYaml(), config, deps);
    }

    /** A page's own data key ({@link #dataKey}) as computed by build number {@code build}, from {@code parsed}. */
    private record OwnDataKey(ParsedPage parsed, int build, String key, Map<String, String> deps) {}

    /**
     * Reads a page's text; parses it again only when it changed since the last build. A page whose text, data
     * files, partials, settings and code are all as when an earlier process stored it is taken from the page store
     * without parsing.
     */
    private PageMemo read(SourcePage source, Partials partials, String storeKey, TemplateSet tset, SourcePage original,
                          io.datadesk.config.Limits limits) {
        String text, digest;
        try {
            // The hash of the file's bytes is the hash of its text (see ContentHashes.read), mostly known already.
            ContentHashes.Read file = ContentHashes.read(source.file());
            text = io.datadesk.error.Utf8Text.decode(file.bytes(), source.displayPath());
            digest = file.hash();
            textDigests.put(source.file(), new TextDigest(text, digest)); // for its translations' keys
        } catch (IOException e) { // reported as Utf8Text.read reports it
            text = io.datadesk.error.Utf8Text.read(source.file(), source.displayPath(), "the page");
            digest = textDigest(source.file(), text);
        }
        PageMemo m = memo.get(source.file());
        // A translation is made from its original's text too: its sql blocks and datasets.
        String originalText = original == null ? "" : io.datadesk.error.Utf8Text.read(original.file(), original.displayPath(), "the page");
        // What the page is parsed and viewed from: its own text. What it is stored under adds its original's text, whose
        // data parts it shares; in this process those are followed by the data key instead, so that editing the
        // original's prose does not make the translation again.
        String hash = ContentHashes.combine(source.sitePath(), digest, partials.hash());
        String inputKey = ContentHashes.combine(source.sitePath(), digest, partials.hash(),
                original == null ? "" : textDigest(original.file(), originalText), storeKey);
        if (hash.equals(m.textHash) && source.equals(m.source)) {
            if (m.parsed != null) {
                if (!inputKey.equals(m.inputKey)) m.changed = true; // to be stored under its new key
                m.inputKey = inputKey;
                return m;
            }
            // A page taken from the store is kept only while everything else it was stored under is the same: an
            // edited message file or datadesk.yaml changes its charts' and tables' text (issue 15), not only its template.
            if (m.fromStore && inputKey.equals(m.inputKey) && depsUnchanged(m.deps) && tset.exists(m.template)) return m;
        }
        m.source = source;
        PageStore.Entry stored = options.refresh() ? null : store.load(source.sitePath(), inputKey);
        if (stored != null && stored.view() != null && depsUnchanged(stored.deps()) && tset.exists(stored.template())) {
            m.textHash = hash;
            m.inputKey = inputKey;
            m.parsed = null;
            m.frontMatterYaml = null;
            m.dataKey = null;
            m.computed = null;
            m.deps = stored.deps();
            m.viewKey = stored.viewKey();
            m.view = stored.view();
            m.template = stored.template();
            m.locale = java.util.Locale.forLanguageTag(stored.locale());
            m.files = stored.files();
            m.cardChart = stored.cardChart();
            m.charts = stored.charts();
            m.queries = stored.queries();
            m.renderKey = stored.renderKey();
            m.html = stored.html();
            m.fromStore = true;
            m.loadedNow = true;
            m.changed = false;
            return m;
        }
        // A page to parse is a page to render: the template engine starts beside the parsing and computing; and a page
        // with datasets will load them into a DuckDB, which starts beside them too (see startEarly).
        tset.startEarly();
        FrontMatter.Split split = FrontMatter.split(text, source.displayPath());
        // The page's last parse lends the blocks an edit did not touch (serve: a prose edit parses one block). Under
        // serve (storeLater) a page is parsed in parts from the first build on, so that the first edit reuses them too.
        ParsedPage parsed = ParsedPage.parse(source, split, markdown(), partials,
                m.parsed != null ? m.parsed.markdown() : storeLater ? Markdown.MarkdownPage.NONE : null);
        if (parsed.frontMatter().data() != null) pageData.startDatabaseEarly(limits);
        if (!parsed.markdown().directives().isEmpty()) startViewEarly(tset);
        for (Directive d : parsed.markdown().directives()) {
            if (d instanceof Directive.Chart) {
                pageData.startChartsEarly(); // and the chart libraries, once per process
                break;
            }
        }
        if (m.fromStore) { // its stored view and data no longer apply
            m.viewKey = null;
            m.view = null;
            m.fromStore = false;
        }
        m.textHash = hash;
        m.inputKey = inputKey;
        m.parsed = parsed;
        m.frontMatterYaml = split.yaml();
        return m;
    }

    /**
     * The hash of a page's text, hashed once per version of the text: the page's keys and its translation's (which
     * is stored under its original's text too) are made from it. Hashing the flagship's texts three times over was a
     * sixth of a first prose edit's samples under {@code serve}; comparing a text with the last one read costs a
     * hundredth of hashing it. Safe from several workers: a race hashes the same text twice, to the same hash.
     */
    private String textDigest(Path file, String text) {
        TextDigest known = textDigests.get(file);
        if (known != null && known.text().equals(text)) return known.digest();
        String digest = ContentHashes.of(text);
        textDigests.put(file, new TextDigest(text, digest));
        return digest;
    }

    /** A page's text as last read, and its hash. */
    private record TextDigest(String text, String digest) {}

    /** Stores a page made by this build for the next process, unless it reads a database (see below). */
    private void save(PageMemo m) {
        m.changed = false;
        // Database datasets change without any file changing, and are refreshed by age (DatabaseResults): such a
        // page's data is computed by every build. Recognised from its front matter; a false positive costs time only.
        if (m.frontMatterYaml != null && m.frontMatterYaml.contains("jdbc")) return;
        store.save(m.source.sitePath(), new PageStore.Entry(m.inputKey, m.deps, m.viewKey,
                m.view, m.template, m.locale.toLanguageTag(), m.files, m.cardChart, m.charts, m.queries, m.renderKey, m.html));
    }

    private static boolean depsUnchanged(Map<String, String> deps) {
        for (var d : deps.entrySet()) if (!d.getValue().equals(ContentHashes.file(Path.of(d.getKey())))) return false;
        return true;
    }

    /** Raw HTML on a site that refuses it ({@code raw_html: false}): one error per place. */
    private static List<Diagnostic> refusedHtml(ParsedPage p) {
        List<Diagnostic> out = new ArrayList<>();
        for (int[] at : p.markdown().rawHtml())
            out.add(new Diagnostic(p.source().displayPath(), at[0], at[1], "raw HTML is not allowed on this site (raw_html: false in "
                    + SiteConfig.FILE_NAME + ")", "write it in Markdown; an HTML comment <!-- … --> is allowed"));
        return out.isEmpty() ? out : p.locate(new ContentException(out)).diagnostics(); // raw HTML in a partial: at the partial
    }

    /**
     * Everything a page's data depends on: its front matter, the directives and inline values (not the prose around
     * them, so editing prose never recomputes data), its language and the content of every file its front matter
     * names. Line numbers are left out: they only matter for error messages, and errors are never remembered.
     */
    private String dataKey(ParsedPage p, String frontMatterYaml, SiteConfig config, Map<String, String> deps) {
        List<String> parts = new ArrayList<>();
        parts.add("data-v1");
        parts.add(p.source().sitePath());
        parts.add(p.source().displayPath());
        parts.add(PageViews.locale(p, config).toLanguageTag());
        parts.add(frontMatterYaml);
        for (Directive d : p.markdown().directives()) parts.add(d.info() + "\n" + bodyDigest(d.body()));
        for (InlineValue v : p.markdown().inlineValues()) parts.add("{{" + v.expression() + "}}");
        for (Path f : dataFiles(p)) {
            String hash = ContentHashes.file(f);
            deps.put(f.toAbsolutePath().normalize().toString(), hash);
            parts.add(f + "=" + hash);
        }
        return ContentHashes.combine(parts.toArray(String[]::new));
    }

    /**
     * The theme's assets with their hashed names ({@link Assets#of}), made again only when their bytes changed:
     * hashing and rewriting the stylesheet on every rebuild was a twentieth of a prose edit's samples under serve.
     */
    private Assets assetsOf(Map<String, byte[]> files) {
        if (assetsFrom != null && assetsFrom.keySet().equals(files.keySet())
                && files.entrySet().stream().allMatch(e -> java.util.Arrays.equals(e.getValue(), assetsFrom.get(e.getKey()))))
            return lastAssets;
        lastAssets = Assets.of(files);
        assetsFrom = files;
        return lastAssets;
    }

    /**
     * The hash of a directive's body, hashed once per text: a page parsed again keeps the bodies of the blocks an edit
     * did not touch as the same strings, found here by their kept hash code. Hashing every directive of the page (and
     * of its original, for a translation) again was a tenth of a prose edit's samples under {@code serve}.
     */
    private String bodyDigest(String body) {
        if (bodyDigests.size() > 10_000) bodyDigests.clear(); // bounded: edits of a query make new bodies
        return bodyDigests.computeIfAbsent(body, ContentHashes::of);
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

    /**
     * The chart a page's social card shows: its first chart as the chart stage drew it; only a page without chart
     * blocks has its body searched, for an SVG figure its author wrote by hand.
     */
    private static String cardChart(ComputedPage c, PageView v) {
        return c.firstChartSvg() != null ? c.firstChartSvg() : io.datadesk.write.SocialCard.firstChart(v.content());
    }

    private static String assetsKey(Assets assets) {
        return ContentHashes.combine(new java.util.TreeMap<>(assets.files()).toString());
    }
}
