package io.datadesk.compute;

import io.datadesk.chart.ChartRenderer;
import io.datadesk.chart.ChartSpec;
import io.datadesk.chart.RenderedChart;
import io.datadesk.data.Assertion;
import io.datadesk.data.Attribution;
import io.datadesk.data.Expectation;
import io.datadesk.data.CsvExport;
import io.datadesk.data.DataPaths;
import io.datadesk.data.DatasetSpec;
import io.datadesk.chart.ChartGuard;
import io.datadesk.config.Limits;
import io.datadesk.data.PageDatabase;
import io.datadesk.data.QueryLimits;
import io.datadesk.data.QueryResult;
import io.datadesk.error.Diagnostics;
import io.datadesk.format.InlineExpression;
import io.datadesk.read.Directive;
import io.datadesk.read.InlineValue;
import io.datadesk.read.ParsedPage;
import io.datadesk.table.TableHtml;
import io.datadesk.table.TableSpec;
import io.datadesk.yaml.YamlNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Computes the data side of a page: loads its datasets into a DuckDB of its own, runs its queries in document order,
 * then renders its tables, charts and inline values from the results. Every problem on the page is reported, not
 * only the first; a directive that depends on a failed query is skipped rather than blamed.
 */
public final class PageData {

    /** Where chart data downloads go, relative to the page: {@code downloads/NAME.csv}. */
    static final String DOWNLOADS = "downloads/";

    private final DataPaths paths;
    private ChartRenderer charts; // made on the first chart: its colours and fonts start AWT, which a site without charts does not need
    private final QueryCache queryCache;
    /** Charts drawn by this builder, by everything they are drawn from; kept across rebuilds of {@code serve}. */
    private final Map<String, RenderedChart> drawn = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, RenderedChart> eldest) {
            return size() > 500;
        }
    };

    private final DatabaseResults databases;

    /**
     * The columns of the datasets that loaded without a problem in this process, by {@link #datasetHash} (file content
     * and settings): a page's database copies those in only when a query that runs names them. Kept across the
     * rebuilds of {@code serve}; a few hundred bytes each, cleared when it grows past a bound.
     */
    private final Map<String, List<io.datadesk.data.Column>> loaded = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * @param projectDir data paths may not leave it
     * @param contentDir data paths may also be given relative to it
     * @param queryCache results remembered between builds
     */
    public PageData(java.nio.file.Path projectDir, java.nio.file.Path contentDir, QueryCache queryCache) {
        this(projectDir, contentDir, queryCache, new DatabaseResults(projectDir.resolve(".datadesk-cache").resolve("jdbc"), false,
                java.time.Clock.systemUTC()));
    }

    /** As above, with the results of database datasets ({@code jdbc:}) kept by {@code databases}. */
    public PageData(java.nio.file.Path projectDir, java.nio.file.Path contentDir, QueryCache queryCache, DatabaseResults databases) {
        this.paths = new DataPaths(projectDir, contentDir);
        this.queryCache = queryCache;
        this.databases = databases;
    }

    private synchronized ChartRenderer charts() {
        if (charts == null) charts = new ChartRenderer();
        return charts;
    }

    /** The results of database datasets, cached between builds. */
    public DatabaseResults databases() {
        return databases;
    }

    /** Computes one page with the default limits; see {@link #compute(ParsedPage, Locale, Limits)}. */
    public ComputedPage compute(ParsedPage page, Locale locale) {
        return compute(page, locale, Limits.defaults());
    }

    /**
     * Computes one page within the site's limits (query time-out, DuckDB's memory and threads, rows per query,
     * points per chart); throws {@link io.datadesk.error.ContentException} with every problem on it. Thread-safe.
     */
    public ComputedPage compute(ParsedPage page, Locale locale, Limits limits) {
        return compute(page, null, locale, limits);
    }

    /**
     * Computes a translation ({@code index.zh.md}) with what it shares with its {@code original} ({@code index.md}):
     * the original's datasets and its {@code sql} and {@code assert} blocks run first, in the same database, so both
     * editions' numbers come from the same SQL; the translation's own blocks follow. {@code original} may be null
     * (a page that is no translation, or one whose original does not exist).
     */
    public ComputedPage compute(ParsedPage page, ParsedPage original, Locale locale, Limits limits) {
        return compute(page, original, locale, limits, io.datadesk.i18n.MessageCatalog.builtIn().forLocale(locale));
    }

    /** As above, with the words datadesk writes on the page ("Show the SQL", chart legends) from {@code msg}. */
    public ComputedPage compute(ParsedPage page, ParsedPage original, Locale locale, Limits limits, io.datadesk.i18n.Messages msg) {
        var md = page.markdown();
        YamlNode data = page.frontMatter().data();
        YamlNode originalData = original == null ? null : original.frontMatter().data();
        List<Directive> inherited = inherited(original);
        if (md.directives().isEmpty() && md.inlineValues().isEmpty() && data == null && originalData == null)
            return ComputedPage.empty();

        String file = page.source().displayPath();
        String originalFile = original == null ? file : original.source().displayPath();
        Diagnostics problems = new Diagnostics();
        List<DatasetSpec> specs = problems.collect(() -> original == null ? DatasetSpec.parseAll(data)
                : DatasetSpec.parseTranslation(data, DatasetSpec.parseAll(originalData)));
        List<Directive> directives = new ArrayList<>(inherited);
        directives.addAll(md.directives());
        // Credits for the end of the page: the datasets' publishers first, then the charts' sources; one entry per
        // link (the first wording wins), or per text for sources without a link.
        Map<String, Attribution> sources = new LinkedHashMap<>();
        if (specs != null)
            for (DatasetSpec spec : specs)
                if (spec.source() != null) credit(sources, spec.source());
        Map<String, QueryResult> results = new LinkedHashMap<>();
        // Queries that failed: what uses them is skipped, so the author sees the cause, not a cascade of effects.
        java.util.Set<String> failed = new java.util.HashSet<>();
        String[] html = new String[md.directives().size()];
        Map<String, byte[]> files = new LinkedHashMap<>();
        int run = 0, cached = 0;
        // What each query can read, by table name: the datasets (file content and how it is loaded), then the results
        // of the queries before it. The query cache is keyed by the SQL and these hashes.
        Map<String, String> inputs = new LinkedHashMap<>();
        java.util.Set<String> names = new java.util.HashSet<>();
        java.util.Set<String> inheritedNames = new java.util.HashSet<>();
        for (Directive d : inherited) if (d instanceof Directive.Query q) inheritedNames.add(q.name().toLowerCase(Locale.ROOT));
        boolean namesOk = true;
        // Database datasets are fetched first (usually from the cache): their results are inputs of the queries.
        List<QueryResult> fromDatabases = new ArrayList<>();
        List<DatasetSpec> fileSpecs = new ArrayList<>();
        if (specs != null) {
            for (DatasetSpec spec : specs) {
                namesOk &= names.add(spec.name().toLowerCase(Locale.ROOT));
                if (spec.jdbc() != null) {
                    QueryResult r = problems.collect(() -> databases.get(spec));
                    if (r != null) fromDatabases.add(r);
                    inputs.put(spec.name(), r == null ? ContentHashes.MISSING : ContentHashes.of(r));
                } else {
                    fileSpecs.add(spec);
                    inputs.put(spec.name(), datasetHash(spec, page));
                }
            }
        }
        Map<String, String> datasetHashes = Map.copyOf(inputs); // the datasets' only, before the queries' are added
        // DuckDB is opened and the datasets loaded only when a query is not in the cache: loading is most of the cost.
        PageDatabase db = null;
        Map<String, QueryResult> datasetRows = new LinkedHashMap<>();
        try {
            for (Directive directive : directives) {
                // An inherited block is located in the original's file; its output is the original's, not shown here.
                String at = directive.index() < 0 ? originalFile : file;
                if (directive instanceof Directive.Assert a) {
                    if (a.index() >= 0) html[a.index()] = ""; // readers never see an assertion
                    Assertion assertion = Assertion.parse(a.args(), a.body(), at, a.line());
                    // Checked once what it reads computes: an assertion over a failed query would only repeat that failure.
                    if (!namesOk || !io.datadesk.data.SqlTables.referenced(a.body(), failed).isEmpty()) continue;
                    String key = QueryCache.key("assert\n" + a.body(), readBy(a.body(), inputs));
                    QueryResult broken = queryCache.get(key).orElse(null);
                    if (broken != null) {
                        cached++;
                    } else {
                        if (db == null) db = openDatabase(page, fileSpecs, datasetHashes, fromDatabases, results, problems, limits);
                        PageDatabase open = db;
                        broken = problems.collect(() -> open.violations(assertion.name(), assertion.sql(), at, assertion.sqlLine(),
                                Assertion.SHOWN_ROWS));
                        run++;
                        if (broken != null) queryCache.put(key, broken);
                    }
                    if (broken != null && assertion.failure(broken) != null) problems.add(assertion.failure(broken));
                    continue;
                }
                if (!(directive instanceof Directive.Query d)) continue;
                String name = d.name();
                namesOk &= names.add(name.toLowerCase(Locale.ROOT)) && io.datadesk.data.SqlNames.problem(name) == null;
                String key = QueryCache.key(d.body(), readBy(d.body(), inputs));
                // A cached result is trusted only for a well-named query; otherwise it runs and reports the problem.
                QueryResult r = namesOk ? queryCache.get(key).map(c -> new QueryResult(name, c.columns(), c.rows())).orElse(null) : null;
                if (r != null) {
                    cached++;
                } else {
                    if (db == null) db = openDatabase(page, fileSpecs, datasetHashes, fromDatabases, results, problems, limits);
                    PageDatabase open = db;
                    r = problems.collect(() -> d.index() >= 0 && inheritedNames.contains(name.toLowerCase(Locale.ROOT))
                            ? redefined(name, file, d.line(), d.nameColumn(), originalFile)
                            : open.query(name, d.body(), at, d.bodyLine(), d.nameColumn()));
                    run++;
                    if (r != null) queryCache.put(key, r);
                }
                if (r != null) {
                    QueryResult checked = r;
                    Expectation expect = problems.collect(() -> Expectation.find(name, d.body(), at, d.bodyLine()));
                    if (expect != null) problems.addAll(expect.failures(checked));
                    results.put(name, r);
                    inputs.put(name, ContentHashes.of(r));
                    if (db != null && !db.tableNames().contains(name)) db.registerLater(r);
                } else {
                    failed.add(name.toLowerCase(Locale.ROOT));
                }
                if (d.index() >= 0) html[d.index()] = d.show() ? shownQuery(name, msg, d.body().replaceAll("(?m)^[ \\t]*--[ \\t]*expect[ \\t]*:.*(\\r?\\n|$)", "")) : "";
            }
            // Tables, charts and inline values may name a dataset itself (data: stocks): all its rows, cached like a query.
            if (specs != null && problems.isEmpty()) {
                for (String name : namedByFigures(md)) {
                    DatasetSpec spec = specs.stream().filter(x -> x.name().equalsIgnoreCase(name)).findFirst().orElse(null);
                    if (spec == null || io.datadesk.data.Results.find(results, name).isPresent() || datasetRows.containsKey(spec.name())) continue;
                    String key = QueryCache.key("dataset " + spec.name(), Map.of(spec.name(), String.valueOf(inputs.get(spec.name()))));
                    QueryResult rows = queryCache.get(key).map(c -> new QueryResult(spec.name(), c.columns(), c.rows())).orElse(null);
                    if (rows == null) {
                        if (db == null) db = openDatabase(page, fileSpecs, datasetHashes, fromDatabases, results, problems, limits);
                        rows = db.table(spec.name());
                        queryCache.put(key, rows);
                    }
                    datasetRows.put(spec.name(), rows);
                }
            }
        } finally {
            if (db != null) db.close();
        }
        Map<String, QueryResult> shown = new LinkedHashMap<>(results);
        datasetRows.forEach(shown::putIfAbsent);
        int chartCount = 0, tableCount = 0;
        String firstChartSvg = null;
        Map<String, List<String>> figures = new LinkedHashMap<>(); // result name -> ids of the figures showing it
        // Tables and the charts' data first, in page order; then the charts are drawn, on every core (drawing is most
        // of a data page's time, and one page may hold most of a site's charts); then problems are taken in page order.
        List<Diagnostics> each = new ArrayList<>();
        List<ChartJob> jobs = new ArrayList<>();
        String[][] figureOf = new String[md.directives().size()][]; // by directive index: result name, figure id
        for (Directive d : md.directives()) {
            Diagnostics here = new Diagnostics();
            each.add(here);
            if (d instanceof Directive.Table t) {
                String id = "table-" + (++tableCount);
                String[] used = new String[1];
                String table = here.collect(() -> table(t, file, shown, failed, locale, used, msg));
                // The table's box gets an id, so that "How the numbers were computed" can link back to it.
                html[d.index()] = table == null || table.isEmpty() ? "" : table.replaceFirst("^<div ", "<div id=\"" + id + "\" ");
                if (used[0] != null && table != null && !table.isEmpty()) figureOf[d.index()] = new String[] {used[0], id};
            }
            if (d instanceof Directive.Chart c) {
                String id = "chart-" + (++chartCount);
                ChartJob job = here.collect(() -> chart(c, file, id, shown, failed, locale, page, files, sources, limits, msg));
                html[d.index()] = "";
                if (job != null) {
                    jobs.add(job);
                    job.problems = here;
                    job.index = d.index();
                    job.id = id;
                }
            }
        }
        draw(jobs);
        for (Diagnostics here : each) problems.addAll(here.list());
        for (ChartJob job : jobs) {
            RenderedChart chart = job.chart;
            if (chart == null) continue;
            html[job.index] = chart.html();
            figureOf[job.index] = new String[] {job.used, job.id};
            if (firstChartSvg == null && !chart.svg().isEmpty()) firstChartSvg = chart.svg();
        }
        for (String[] f : figureOf) if (f != null) figures.computeIfAbsent(f[0], k -> new ArrayList<>()).add(f[1]);
        List<String> inline = new ArrayList<>();
        List<InlineExpression.Value> values = new ArrayList<>();
        List<InlineExpression> expressions = new ArrayList<>();
        for (InlineValue v : md.inlineValues()) {
            InlineExpression[] parsed = new InlineExpression[1];
            InlineExpression.Value value = problems.collect(() -> {
                parsed[0] = InlineExpression.parse(v.expression(), file, v.line(), v.column() + 2);
                return usesFailed(parsed[0].result(), failed) ? null : parsed[0].resolve(shown, locale);
            });
            expressions.add(parsed[0]);
            values.add(value);
            inline.add(value == null ? "" : value.text());
        }
        problems.throwIfAny();
        Provenance provenance = ProvenanceBuilder.of(directives, specs == null ? List.of() : specs, shown, figures, expressions, values);
        return new ComputedPage(List.of(html), inline, results, files, List.copyOf(sources.values()), firstChartSvg, chartCount, run,
                cached, provenance);
    }

    /**
     * The original's {@code sql} and {@code assert} blocks, numbered before the translation's own (negative indexes:
     * they produce no output on the translation, and queries see the ones above them, as on the original).
     */
    private static List<Directive> inherited(ParsedPage original) {
        if (original == null) return List.of();
        List<Directive> all = original.markdown().directives().stream()
                .filter(d -> d instanceof Directive.Query || d instanceof Directive.Assert).toList();
        List<Directive> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            int index = i - all.size();
            Directive d = all.get(i);
            if (d instanceof Directive.Query q) out.add(new Directive.Query(index, q.name(), q.show(), q.body(), q.line(), q.nameColumn()));
            else if (d instanceof Directive.Assert a) out.add(new Directive.Assert(index, a.args(), a.body(), a.line()));
        }
        return out;
    }

    /** A translation's query that repeats a name of its original's: both editions must read the same numbers. */
    private static QueryResult redefined(String name, String file, int line, int column, String originalFile) {
        throw new io.datadesk.error.ContentException(new io.datadesk.error.Diagnostic(file, line, column,
                "query name '" + name + "' is already used by a query of " + originalFile
                        + ", which this translation shares (its numbers must come from the same SQL)",
                "use the original's '" + name + "' as it is, or give this query a new name"));
    }

    private static final java.util.regex.Pattern DATA_KEY = java.util.regex.Pattern.compile("(?m)^data\\s*:\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*(?:#.*)?$");
    private static final java.util.regex.Pattern INLINE_NAME = java.util.regex.Pattern.compile("\\s*([A-Za-z_][A-Za-z0-9_]*)");

    /**
     * The result names that tables, charts and inline values use, read loosely (their blocks are parsed for real
     * later, where mistakes are reported): for finding the datasets they name directly.
     */
    private static java.util.Set<String> namedByFigures(io.datadesk.read.Markdown.MarkdownPage md) {
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        for (Directive d : md.directives()) {
            if (d instanceof Directive.Table || d instanceof Directive.Chart) {
                var m = DATA_KEY.matcher(d.body());
                if (m.find()) out.add(m.group(1));
            }
        }
        for (InlineValue v : md.inlineValues()) {
            var m = INLINE_NAME.matcher(v.expression());
            if (m.lookingAt()) out.add(m.group(1));
        }
        return out;
    }

    /**
     * Opens the page's database for a query or assertion that is not in the cache: loads the datasets and the results
     * computed so far. Throws when a dataset cannot load: queries over half-loaded data would only add noise.
     */
    private PageDatabase openDatabase(ParsedPage page, List<DatasetSpec> fileSpecs, Map<String, String> datasetHashes, List<QueryResult> fromDatabases,
                                      Map<String, QueryResult> results, Diagnostics problems, Limits limits) {
        // Only a Parquet dataset (its view reads the file) or a big CSV (read by DuckDB itself) needs a database that is
        // not sealed yet; the others are loaded by datadesk into a sealed database, which can be one an earlier page
        // left (a new one costs ≈ 35 ms).
        boolean readsFiles = PageDatabase.readsFilesWhileLoading(fileSpecs, page.source().file().getParent(), paths);
        PageDatabase db = readsFiles ? PageDatabase.open(queryLimits(limits)) : PageDatabase.openSealed(queryLimits(limits));
        problems.collect(() -> {
            db.loadAll(fileSpecs, page.source().file().getParent(), paths, loadedBefore(datasetHashes));
            return null;
        });
        if (!problems.isEmpty()) {
            db.close();
            problems.throwIfAny();
        }
        for (QueryResult fetched : fromDatabases) db.register(fetched); // database datasets, fetched above
        // After a data edit most results come from the query cache: copying each into DuckDB cost more than the
        // queries that ran, so they are copied only when a query that runs names them.
        for (QueryResult earlier : results.values()) db.registerLater(earlier);
        return db;
    }

    /**
     * The inputs a query's SQL names, with their hashes: what its cached result is keyed by, so that a changed data
     * file re-runs only the queries that read it (directly, or through an earlier query's result, whose hash then
     * changes). Found by {@link io.datadesk.data.SqlTables#mentioned}: a name too many only costs a query run, a
     * name missed would serve a stale result.
     */
    private static Map<String, String> readBy(String sql, Map<String, String> inputs) {
        Map<String, String> read = new LinkedHashMap<>();
        for (String name : io.datadesk.data.SqlTables.mentioned(sql, inputs.keySet())) read.put(name, inputs.get(name));
        return read;
    }

    private static String table(Directive.Table d, String file, Map<String, QueryResult> results, java.util.Set<String> failed,
                                Locale locale, String[] used, io.datadesk.i18n.Messages msg) {
        TableSpec spec = TableSpec.parse(YamlNode.parse(d.body(), file, d.bodyLine()));
        if (usesFailed(spec.data(), failed)) return "";
        QueryResult r = spec.resultIn(results);
        used[0] = r.name();
        return TableHtml.render(spec, r, locale, msg);
    }

    private static void credit(Map<String, Attribution> sources, Attribution a) {
        String url = a.url() == null || a.url().isBlank() ? null : a.url().strip();
        sources.putIfAbsent(url != null ? url : "text:" + a.text().strip(), new Attribution(a.text().strip(), url, a.publisher()));
    }

    private static boolean usesFailed(String result, java.util.Set<String> failed) {
        return result != null && failed.contains(result.toLowerCase(Locale.ROOT));
    }

    /**
     * Draws a chart and publishes its data as CSV beside the page, so every chart has a "Download the data" link
     * to exactly the numbers it shows.
     */
    private ChartJob chart(Directive.Chart d, String file, String id, Map<String, QueryResult> results,
                           java.util.Set<String> failed, Locale locale, ParsedPage page, Map<String, byte[]> files,
                           Map<String, Attribution> sources, Limits limits, io.datadesk.i18n.Messages msg) {
        String body = expandInlineValues(d.body(), file, d.bodyLine(), results, failed, locale);
        if (body == null) return null;
        ChartSpec spec = ChartSpec.parse(YamlNode.parse(body, file, d.bodyLine()));
        if (usesFailed(spec.data(), failed)) return null;
        if (spec.sourceText() != null && !spec.sourceText().isBlank())
            credit(sources, new Attribution(spec.sourceText(), spec.sourceUrl(), spec.sourcePublisher()));
        QueryResult result = spec.check(results);
        String csv = DOWNLOADS + result.name() + ".csv";
        files.putIfAbsent(page.source().sitePath() + csv, CsvExport.toBytes(result));
        ChartJob job = new ChartJob();
        job.used = result.name();
        job.draw = () -> {
            // Drawing is most of the cost of a data edit; a chart whose block and data did not change is drawn once.
            String key = ContentHashes.combine(body, id, csv, locale.toLanguageTag(), msg.key(), ContentHashes.of(result));
            synchronized (drawn) {
                RenderedChart done = drawn.get(key);
                if (done != null) return done;
            }
            RenderedChart chart = charts().render(spec, ChartGuard.prepare(spec, result, limits.maxChartPoints()), id, locale, csv, msg);
            synchronized (drawn) {
                drawn.put(key, chart);
            }
            return chart;
        };
        return job;
    }

    /** A chart whose data is ready, to be drawn; then its drawing, or its problems. */
    private static final class ChartJob {
        java.util.function.Supplier<RenderedChart> draw;
        String used;
        String id;
        int index;
        Diagnostics problems;
        volatile RenderedChart chart;
        volatile RuntimeException bug;
    }

    /** Helpers that draw a page's charts beside its own thread; daemons, one per core, started on first use. */
    private static final java.util.concurrent.ExecutorService HELPERS = java.util.concurrent.Executors.newFixedThreadPool(
            Math.max(1, Runtime.getRuntime().availableProcessors() - 1), r -> {
                Thread t = new Thread(r, "datadesk-chart");
                t.setDaemon(true);
                return t;
            });

    /**
     * Draws every job: the calling thread takes jobs one by one, and helper threads, when they are free, take the
     * others. The caller never waits for a job nobody started, so pages drawing at once cannot starve each other;
     * on a busy machine the caller simply draws them all.
     */
    private static void draw(List<ChartJob> jobs) {
        if (jobs.isEmpty()) return;
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(jobs.size());
        Runnable worker = () -> {
            for (int i; (i = next.getAndIncrement()) < jobs.size(); ) {
                ChartJob job = jobs.get(i);
                try {
                    job.chart = job.problems.collect(job.draw);
                } catch (RuntimeException e) {
                    job.bug = e;
                } finally {
                    done.countDown();
                }
            }
        };
        int helpers = Math.min(jobs.size() - 1, Math.max(0, Runtime.getRuntime().availableProcessors() - 1));
        for (int h = 0; h < helpers; h++) HELPERS.execute(worker);
        worker.run();
        try {
            done.await();
        } catch (InterruptedException e) {
            throw io.datadesk.error.BuildCancelled.after(e);
        }
        for (ChartJob job : jobs) if (job.bug != null) throw job.bug;
    }

    private static final java.util.regex.Pattern INLINE = java.util.regex.Pattern.compile("\\{\\{(.*?)}}");

    /**
     * A chart block's text with its inline values ({@code {{ NAME.column | format }}}, as in prose) replaced by
     * their values, so that titles, subtitles and notes can state date ranges and other facts that change with the
     * data. Replaced before the YAML is read, so a value is part of the text it sits in. {@code null} when a value
     * reads a query that failed (the chart is skipped; the failure is already reported).
     */
    private static String expandInlineValues(String body, String file, int bodyLine, Map<String, QueryResult> results,
                                             java.util.Set<String> failed, Locale locale) {
        if (!body.contains("{{")) return body;
        java.util.regex.Matcher m = INLINE.matcher(body);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int lineStart = body.lastIndexOf('\n', m.start()) + 1;
            int line = bodyLine + (int) body.substring(0, m.start()).chars().filter(c -> c == '\n').count();
            InlineExpression e = InlineExpression.parse(m.group(1), file, line, m.start() - lineStart + 3);
            if (usesFailed(e.result(), failed)) return null;
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(e.evaluate(results, locale)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The site's limits as DuckDB's settings for one page: 0 in the site settings means the machine's default. */
    /**
     * Starts the DuckDB that a page with datasets will load them into, on a thread of its own, while the page is
     * still parsed: see {@link PageDatabase#startEarly}. Does nothing if one is started or idle.
     */
    public void startDatabaseEarly(Limits limits) {
        PageDatabase.startEarly(queryLimits(limits));
    }

    /**
     * Starts AWT's fonts and the chart libraries on a thread of their own, once per process, while a page with charts
     * is still parsed and loads its data: see {@link ChartRenderer#startEarly}.
     */
    public void startChartsEarly() {
        ChartRenderer.startEarly();
    }

    private static QueryLimits queryLimits(Limits l) {
        return new QueryLimits(l.queryTimeout(), l.memoryBytes() > 0 ? l.memoryBytes() : QueryLimits.defaultMemory(),
                l.threads() > 0 ? l.threads() : QueryLimits.defaultThreads(), l.maxRows());
    }

    /** What {@link PageDatabase#loadAll} may copy in later: the datasets of this page that loaded before. */
    private PageDatabase.LoadedBefore loadedBefore(Map<String, String> datasetHashes) {
        return new PageDatabase.LoadedBefore() {
            @Override
            public List<io.datadesk.data.Column> columns(DatasetSpec spec) {
                String hash = datasetHashes.get(spec.name());
                return hash == null ? null : loaded.get(hash);
            }

            @Override
            public void loaded(DatasetSpec spec, List<io.datadesk.data.Column> columns) {
                String hash = datasetHashes.get(spec.name());
                if (hash == null || hash.equals(ContentHashes.MISSING)) return;
                if (loaded.size() > 2_000) loaded.clear();
                loaded.put(hash, List.copyOf(columns));
            }
        };
    }

    /**
     * A dataset's input hash: its file's content and every setting that changes how it loads. A file that cannot be
     * resolved hashes as missing; loading it (on the first query not in the cache) reports the problem.
     */
    private String datasetHash(DatasetSpec spec, ParsedPage page) {
        String content;
        try {
            content = ContentHashes.file(paths.resolve(page.source().file().getParent(), spec));
        } catch (RuntimeException e) {
            content = ContentHashes.MISSING;
        }
        return ContentHashes.combine(content, spec.path(), spec.format().label(), new java.util.TreeMap<>(spec.types()).toString(),
                spec.nullMarkers().toString(), String.valueOf(spec.delimiter()));
    }

    /** The SQL of a {@code sql NAME show} block, for readers who want to check the method. */
    private static String shownQuery(String name, io.datadesk.i18n.Messages msg, String sql) {
        return "<details class=\"query\"><summary>" + msg.get("article.show_sql", "<code>" + io.datadesk.format.Html.escape(name) + "</code>")
                .replaceAll("\\s+$", "") + "</summary>"
                + "<pre><code class=\"language-sql\">" + io.datadesk.format.Html.escape(sql.strip()) + "</code></pre></details>";
    }

}
