package io.datadesk.data;

import io.datadesk.error.ContentException;
import io.datadesk.error.Diagnostic;
import io.datadesk.error.Diagnostics;
import io.datadesk.error.Suggest;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * One page's database: an in-memory DuckDB of its own, so pages cannot see each other's tables and can be built
 * in parallel. Datasets are loaded with {@link #load}; each {@code sql NAME} block runs with {@link #query}, in
 * document order, and its result becomes table {@code NAME} for the queries after it.
 *
 * <p>Files and external access: the author's SQL can never open a file or the network. A page database has two
 * phases. While loading ({@link #loadAll}), only datadesk's own SQL runs. Before the first query of the page,
 * {@link #seal} switches external access off and locks the configuration, so that no SQL can switch it back on.
 * CSV, TSV and JSON files are copied into tables while loading (a big CSV file by DuckDB's own reader, on its
 * checked path, before sealing: {@link CsvFastPath}). A Parquet file stays a file, read by DuckDB
 * through a view ({@link ParquetLoader}): sealing puts exactly the declared Parquet files (the paths that
 * {@link DataPaths} resolved and checked) in DuckDB's {@code allowed_paths}, so queries can read those files and no
 * other; they cannot write them, since a block is one query ({@link SqlGuard}). (A database shared by several pages
 * would allow every page's Parquet files to every page.)
 *
 * <p>Starting a DuckDB costs about 35 ms of CPU (its catalogue of functions, its extensions), more than the rest of a
 * small data page's queries. So a database whose page read no Parquet file is not closed but emptied and kept:
 * {@link #openSealed} hands it to a later page. It is the same as a new one: sealed from the start (external access
 * off, configuration locked, no allowed paths), with the same limits, and with no table, view, sequence, index or
 * schema left ({@link #recycle} drops the page's tables and checks DuckDB's catalogue; a database that fails that
 * check, or whose page ran into an SQL error, is closed instead). Pages cannot create anything else: a block is
 * one SELECT ({@link SqlGuard}), which datadesk itself makes into a table. Only one page uses a database at a time.
 *
 * <p>Not thread-safe: one page, one thread.
 */
public final class PageDatabase implements AutoCloseable {

    private final Connection connection;
    private final QueryLimits limits;
    /** Tables of this page by lower-case name (SQL names ignore case): datasets, then query results. */
    private final Map<String, TableInfo> tables = new LinkedHashMap<>();
    /** Queries that failed, by lower-case name, so that later queries using them are not blamed for it. */
    private final Set<String> failed = new HashSet<>();
    private final Map<String, QueryResult> results = new LinkedHashMap<>();
    /** Whether external access is off for good: from the first query on (see the class comment). */
    private boolean sealed;
    /** The absolute paths of the page's Parquet files, which its views read after sealing. */
    private final List<String> parquetFiles = new ArrayList<>();

    /** False once an SQL statement failed or was stopped here: such a database is closed rather than reused. */
    private boolean clean = true;
    /** DuckDB's parser for {@link SqlGuard}, one prepared statement for all of the page's blocks. */
    private final SqlGuard.Parser parser;

    private record TableInfo(String name, List<Column> columns, boolean dataset) {}

    /** Emptied, sealed databases kept for later pages, by their limits (see the class comment). */
    private static final Map<QueryLimits, ConcurrentLinkedDeque<Idle>> IDLE = new ConcurrentHashMap<>();
    /** The most idle databases kept for one set of limits: one per page worker, and a spare. */
    private static final int MAX_IDLE = Runtime.getRuntime().availableProcessors() + 1;

    /** Sealed databases being started ahead of their page ({@link #startEarly}), by their limits: at most one each. */
    private static final Map<QueryLimits, CompletableFuture<PageDatabase>> EARLY = new ConcurrentHashMap<>();

    /**
     * Starts a sealed database for {@link #openSealed} on a thread of its own, unless one is idle or being started.
     * The first DuckDB of a process loads its native library and builds its catalogue (about a tenth of a one-page
     * report's build), work that can be done while the page that needs it is still parsed.
     */
    public static void startEarly(QueryLimits limits) {
        var idle = IDLE.get(limits);
        if (idle != null && !idle.isEmpty()) return;
        EARLY.computeIfAbsent(limits, l -> CompletableFuture.supplyAsync(() -> {
            PageDatabase db = new PageDatabase(start(l), l, null);
            db.seal();
            return db;
        }, r -> {
            Thread t = new Thread(r, "datadesk-duckdb-start");
            t.setDaemon(true);
            t.start();
        }));
    }

    /** Tables of the page not copied into DuckDB yet, by {@link #key}: see {@link #registerLater}. */
    private final Map<String, QueryResult> deferred = new LinkedHashMap<>();

    private PageDatabase(Connection connection, QueryLimits limits, SqlGuard.Parser parser) {
        this.connection = connection;
        this.limits = limits;
        this.parser = parser != null ? parser : new SqlGuard.Parser(connection);
    }

    /** A database kept for a later page, with its parser's prepared statement (preparing it costs a round trip). */
    private record Idle(Connection connection, SqlGuard.Parser parser) {}

    /** Opens a new, empty in-memory database with this machine's default limits: see {@link #open(QueryLimits)}. */
    public static PageDatabase open() {
        return open(QueryLimits.machineDefaults());
    }

    /**
     * Opens a new, empty in-memory database in its loading phase, within {@code limits}; it is closed to the file
     * system and the network by {@link #loadAll}, or at the latest before the first query ({@link #seal}).
     */
    public static PageDatabase open(QueryLimits limits) {
        return new PageDatabase(start(limits), limits, null);
    }

    /**
     * A database for a page whose datasets datadesk loads itself (CSV, TSV, JSON, database results: no Parquet view),
     * already {@link #seal sealed}: one an earlier page left (see the class comment), or a new one.
     */
    public static PageDatabase openSealed(QueryLimits limits) {
        var idle = IDLE.get(limits);
        Idle kept = idle == null ? null : idle.poll();
        if (kept == null) {
            CompletableFuture<PageDatabase> early = EARLY.remove(limits);
            PageDatabase db = early == null ? null : early.exceptionally(e -> null).join();
            if (db != null) return db;
        }
        PageDatabase db = kept != null ? new PageDatabase(kept.connection, limits, kept.parser) : new PageDatabase(start(limits), limits, null);
        if (kept != null) db.sealed = true; // sealed for good by its first page: the configuration is locked
        else db.seal();
        return db;
    }

    /**
     * Whether a page with these datasets needs a database that may still read files while loading ({@link #open})
     * rather than one sealed from the start ({@link #openSealed}): for a Parquet file, which its view reads, or a
     * CSV or TSV file big enough for DuckDB's own reader ({@link CsvFastPath}). A path that does not resolve counts
     * as no: loading reports it.
     */
    public static boolean readsFilesWhileLoading(List<DatasetSpec> specs, Path pageDir, DataPaths paths) {
        for (DatasetSpec spec : specs) {
            if (spec.format() == DataFormat.PARQUET) return true;
            try {
                if (CsvFastPath.worthTrying(spec, paths.resolve(pageDir, spec), CsvFastPath.MIN_BYTES)) return true;
            } catch (RuntimeException e) {
                // not a readable file of this page: loadAll reports it
            }
        }
        return false;
    }

    private static Connection start(QueryLimits limits) {
        try {
            Connection c = DriverManager.getConnection("jdbc:duckdb:");
            try (Statement s = c.createStatement()) {
                // DuckDB would take 80 % of the RAM and every core for one page; and deep expressions would exhaust
                // the stack (a crash of the whole JVM) before its own default depth check of 1000 is reached.
                s.execute("SET memory_limit = '" + limits.duckMemory() + "'");
                s.execute("SET threads = " + limits.threads());
                s.execute("SET max_expression_depth = " + SqlGuard.MAX_EXPRESSION_DEPTH);
                // No spilling to disk: an in-memory database would write into a '.tmp' folder of the working
                // directory; past the memory limit a query fails with a located error instead.
                s.execute("SET temp_directory = ''");
                // Errors as JSON carry the 0-based character position of the problem, which we turn into a
                // line and column of the Markdown file.
                s.execute("SET errors_as_json = true");
            }
            return c;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot start DuckDB: " + e.getMessage(), e);
        }
    }

    /**
     * Ends the loading phase: no SQL of this database can open a file or the network any more. Without this an
     * author's query could read any file (read_text('/etc/passwd')) or write one (COPY … TO), around the path checks
     * of DataPaths. Locked so that SQL cannot switch it back on. Idempotent.
     */
    public void seal() {
        if (sealed) return;
        try {
            if (!parquetFiles.isEmpty())
                execute("SET allowed_paths = [" + String.join(", ", parquetFiles.stream().map(PageDatabase::stringLiteral).toList()) + "]");
            execute("SET enable_external_access = false");
            execute("SET lock_configuration = true");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot close DuckDB to the file system: " + e.getMessage(), e);
        }
        sealed = true;
    }

    /** {@code text} as an SQL string literal. */
    static String stringLiteral(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /**
     * Loads every dataset of a page, reporting all problems of all files together, then {@link #seal seals} the
     * database. {@code pageDir} is the folder of the page's Markdown file.
     */
    public void loadAll(List<DatasetSpec> specs, Path pageDir, DataPaths paths) {
        loadAll(specs, pageDir, paths, LoadedBefore.NOTHING);
    }

    /**
     * What loaded without a problem before (in this process), by dataset: its columns. A dataset that loaded before
     * from the same file content and settings loads the same again, so a database that is sealed already (one that
     * datadesk loads itself) can copy it in only when a query names it. After a data edit under {@code serve} this
     * loads only the changed file and what the queries that run read, not every file of the page (the flagship's
     * 750 KB layoffs file for an edit of a 1 KB one).
     */
    public interface LoadedBefore {
        /** The columns {@code spec} had when it loaded from the same file and settings; null when not known. */
        List<Column> columns(DatasetSpec spec);

        /** Called after {@code spec} loaded here with {@code columns}. */
        void loaded(DatasetSpec spec, List<Column> columns);

        LoadedBefore NOTHING = new LoadedBefore() {
            @Override
            public List<Column> columns(DatasetSpec spec) {
                return null;
            }

            @Override
            public void loaded(DatasetSpec spec, List<Column> columns) {}
        };
    }

    /**
     * As {@link #loadAll(List, Path, DataPaths)}; on a database that is sealed already, the datasets that
     * {@code before} knows are made tables of the page with the columns it gives, and copied into DuckDB only when a
     * query or assertion names them ({@link SqlTables#mentioned}, as for {@link #registerLater}) or {@link #table}
     * reads them. Every other dataset loads now, and its problems are reported as always.
     */
    public void loadAll(List<DatasetSpec> specs, Path pageDir, DataPaths paths, LoadedBefore before) {
        Diagnostics problems = new Diagnostics();
        boolean canWait = sealed; // a database sealed from the start reads no file itself: any dataset can load later
        try {
            for (DatasetSpec spec : specs) {
                problems.collect(() -> {
                    Path file = paths.resolve(pageDir, spec);
                    List<Column> known = canWait && spec.format() != DataFormat.PARQUET ? before.columns(spec) : null;
                    if (known != null && SqlNames.problem(spec.name()) == null && !tables.containsKey(key(spec.name()))) {
                        tables.put(key(spec.name()), new TableInfo(spec.name(), known, true));
                        datasetsLater.put(key(spec.name()), new LaterDataset(spec, file, paths.display(file)));
                        return null;
                    }
                    CsvSchema schema = load(spec, file, paths.display(file));
                    before.loaded(spec, schema.columns());
                    return schema;
                });
            }
        } finally {
            seal();
        }
        problems.throwIfAny();
    }

    /** A dataset of the page that loaded before and is copied into DuckDB when a query first names it. */
    private record LaterDataset(DatasetSpec spec, Path file, String displayPath) {}

    /** Datasets not copied into DuckDB yet, by {@link #key}: see {@link #loadAll(List, Path, DataPaths, LoadedBefore)}. */
    private final Map<String, LaterDataset> datasetsLater = new LinkedHashMap<>();

    /** Copies a dataset that waited into DuckDB; its table keeps its place among the page's tables. */
    private void loadNow(String key) {
        LaterDataset later = datasetsLater.remove(key);
        if (later == null) return;
        CsvSchema schema = copyIn(later.spec(), later.file(), later.displayPath(), Long.MAX_VALUE);
        tables.put(key, new TableInfo(later.spec().name(), schema.columns(), true));
    }

    /**
     * Loads one file as table {@code spec.name()}, read as {@code spec.format()} says. {@code displayPath} is the file
     * as shown in messages. For Parquet the {@link CsvSchema} only has columns and a row count.
     */
    public CsvSchema load(DatasetSpec spec, Path file, String displayPath) {
        return load(spec, file, displayPath, CsvFastPath.MIN_BYTES);
    }

    /** As {@link #load(DatasetSpec, Path, String)}, reading CSV files of {@code fastMinBytes} or more with DuckDB's reader. */
    CsvSchema load(DatasetSpec spec, Path file, String displayPath, long fastMinBytes) {
        String bad = SqlNames.problem(spec.name());
        if (bad != null) throw new ContentException(spec.error("dataset name: " + bad, ""));
        checkFreeName(spec.name(), spec.error("dataset name '" + spec.name() + "' is already used on this page", "give each dataset its own name"));
        if (spec.format() == DataFormat.PARQUET) {
            if (sealed) throw new IllegalStateException("datasets are loaded before the page's first query");
            String absolute = file.toAbsolutePath().normalize().toString();
            CsvSchema schema = ParquetLoader.load(connection, spec, file, absolute, displayPath);
            parquetFiles.add(absolute);
            tables.put(key(spec.name()), new TableInfo(spec.name(), schema.columns(), true));
            return schema;
        }
        CsvSchema schema = copyIn(spec, file, displayPath, fastMinBytes);
        tables.put(key(spec.name()), new TableInfo(spec.name(), schema.columns(), true));
        return schema;
    }

    /** Copies a CSV, TSV or JSON file into table {@code spec.name()}. */
    private CsvSchema copyIn(DatasetSpec spec, Path file, String displayPath, long fastMinBytes) {
        String table = SqlNames.quote(spec.name());
        // A big CSV file is read by DuckDB itself while the database may still read files (see CsvFastPath); when
        // that path cannot promise the same table, it declines and the file is read below as always.
        if (!sealed && CsvFastPath.worthTrying(spec, file, fastMinBytes)) {
            CsvSchema fast = CsvFastPath.load(connection, spec, file, displayPath, table);
            if (fast != null) return fast;
        }
        CsvLoader.TableSink sink = new CsvLoader.TableSink() {
            @Override
            public DuckDBAppender create(List<Column> columns) throws SQLException {
                StringBuilder ddl = new StringBuilder("CREATE TABLE ").append(table).append(" (");
                for (int i = 0; i < columns.size(); i++) {
                    Column c = columns.get(i);
                    ddl.append(i == 0 ? "" : ", ").append(SqlNames.quote(c.name())).append(' ').append(sqlType(c.type()));
                }
                execute(ddl.append(')').toString());
                return connection.unwrap(DuckDBConnection.class).createAppender(spec.name());
            }

            @Override
            public void drop() throws SQLException {
                execute("DROP TABLE IF EXISTS " + table);
            }
        };
        try {
            return CsvLoader.load(spec, file, displayPath, sink);
        } catch (SQLException e) {
            throw new ContentException(new Diagnostic(displayPath, 0, 0, "cannot load into DuckDB: " + e.getMessage(), ""));
        }
    }

    /**
     * Runs the SQL of block {@code sql NAME}, keeps its result as table {@code name} and returns it.
     *
     * @param file         the page's Markdown file, as shown in messages
     * @param sqlFirstLine the 1-based line of the Markdown file where the SQL text starts (after the fence)
     */
    public QueryResult query(String name, String sql, String file, int sqlFirstLine) {
        return query(name, sql, file, sqlFirstLine, 0);
    }

    /**
     * As {@link #query(String, String, String, int)}, with the 1-based column of the name on the fence line (0 when
     * unknown), where errors about the name point.
     */
    public QueryResult query(String name, String sql, String file, int sqlFirstLine, int nameColumn) {
        int fenceLine = Math.max(1, sqlFirstLine - 1);
        String bad = SqlNames.problem(name);
        if (bad != null) throw new ContentException(new Diagnostic(file, fenceLine, nameColumn, "query name: " + bad, "the fence line is ```sql NAME, e.g. ```sql yearly"));
        TableInfo existing = tables.get(key(name));
        if (existing != null)
            throw new ContentException(new Diagnostic(file, fenceLine, nameColumn, "query name '" + name + "' is already used by "
                    + (existing.dataset ? "a dataset in front matter" : "an earlier query") + " on this page", "give each query its own name"));
        String body = stripTrailingSemicolons(sql);
        materialize(body);
        if (body.isBlank()) throw new ContentException(new Diagnostic(file, fenceLine, 0, "query '" + name + "' is empty", "write a SELECT statement"));
        seal();
        SqlGuard.Problem problem;
        try {
            problem = SqlGuard.check(parser, body);
        } catch (SQLException e) {
            throw new ContentException(sqlError(e, body, 0, "query '" + name + "'", file, sqlFirstLine));
        }
        if (problem != null) {
            failed.add(key(name));
            int[] lc = problem.position() < 0 ? new int[] {sqlFirstLine, 0} : lineColumn(body, problem.position(), sqlFirstLine);
            String text = problem.message().startsWith("syntax error") ? "query '" + name + "' failed: Parser error: " + problem.message()
                    : problem.message().equals(SqlGuard.MORE_THAN_ONE) ? "query '" + name + "' has more than one SQL statement"
                    : "query '" + name + "': " + problem.message();
            throw new ContentException(new Diagnostic(file, lc[0], lc[1], text, problem.hint()));
        }
        // CREATE TABLE … AS keeps the result for later queries as a real table (a view would re-run the query each
        // time it is used). Positions in errors are shifted back by the prefix length.
        String prefix = "CREATE TABLE " + SqlNames.quote(name) + " AS ";
        long rows;
        try (Statement s = connection.createStatement()) {
            s.setQueryTimeout(timeoutSeconds());
            s.execute(prefix + body);
            rows = s.getUpdateCount(); // CREATE TABLE … AS tells how many rows it wrote: no count(*) needed
        } catch (SQLException e) {
            failed.add(key(name));
            clean = false;
            if (interrupted(e))
                throw new ContentException(new Diagnostic(file, fenceLine, 0, "query '" + name + "' was stopped after "
                        + timeoutSeconds() + " s (the limit is query_timeout in datadesk.yaml)",
                        "make the query do less (a recursive query needs a condition that ends it), or raise query_timeout"));
            throw new ContentException(sqlError(e, body, prefix.length(), "query '" + name + "'", file, sqlFirstLine));
        }
        if (rows < 0) rows = rowCount(name);
        if (rows > limits.maxRows()) {
            failed.add(key(name));
            try {
                execute("DROP TABLE " + SqlNames.quote(name));
            } catch (SQLException ignored) {
                // the page fails anyway; the table would only be unused
            }
            throw new ContentException(new Diagnostic(file, fenceLine, 0, String.format(Locale.ROOT,
                    "query '%s' returns %,d rows; a page takes at most %,d (the limit is max_rows in datadesk.yaml)", name, rows, limits.maxRows()),
                    "aggregate in SQL (GROUP BY, LIMIT) so the page gets what it shows, or raise max_rows"));
        }
        // One prepared SELECT: its metadata tells which columns can hold long text before any row is read.
        QueryResult result = null;
        long text;
        try (PreparedStatement all = connection.prepareStatement("SELECT * FROM " + SqlNames.quote(name))) {
            text = rows == 0 ? 0 : textBytes(name, rows, all.getMetaData());
            if (text <= MAX_TEXT_BYTES)
                try (ResultSet rs = all.executeQuery()) {
                    result = read(name, rs);
                }
        } catch (SQLException e) {
            throw new IllegalArgumentException("cannot read table " + name + ": " + e.getMessage(), e);
        }
        if (text > MAX_TEXT_BYTES) {
            failed.add(key(name));
            try {
                execute("DROP TABLE " + SqlNames.quote(name));
            } catch (SQLException ignored) {
                // the page fails anyway
            }
            throw new ContentException(new Diagnostic(file, fenceLine, 0, String.format(Locale.ROOT,
                    "query '%s' returns %,d MB of text; a page takes at most %,d MB", name, text >> 20, MAX_TEXT_BYTES >> 20),
                    "return what the page shows (shorter text, fewer rows), not whole documents"));
        }
        failed.remove(key(name));
        tables.put(key(name), new TableInfo(name, result.columns(), false));
        results.put(name, result);
        return result;
    }

    /** The column {@link #violations} adds to say how many rows broke the rule in all (only 10 are kept). */
    public static final String VIOLATION_COUNT = "__datadesk_rows";

    /**
     * Runs the SQL of an assertion ({@code assert NAME}): a query for the rows that break a rule. Unlike
     * {@link #query} its result is no table of the page. Returns at most {@code limit} of the rows, each with one
     * more column, {@link #VIOLATION_COUNT}, that holds how many rows the query returned in all.
     */
    public QueryResult violations(String name, String sql, String file, int sqlFirstLine, int limit) {
        int fenceLine = Math.max(1, sqlFirstLine - 1);
        String body = stripTrailingSemicolons(sql);
        if (body.isBlank())
            throw new ContentException(new Diagnostic(file, fenceLine, 0, "assertion '" + name + "' has no query",
                    "write a SELECT that returns the rows breaking the rule, e.g. select * from yearly where laid_off < 0"));
        materialize(body);
        seal();
        SqlGuard.Problem problem;
        try {
            problem = SqlGuard.check(parser, body);
        } catch (SQLException e) {
            throw new ContentException(sqlError(e, body, 0, "assertion '" + name + "'", file, sqlFirstLine));
        }
        if (problem != null) {
            int[] lc = problem.position() < 0 ? new int[] {sqlFirstLine, 0} : lineColumn(body, problem.position(), sqlFirstLine);
            String text = problem.message().startsWith("syntax error") ? "assertion '" + name + "' failed: Parser error: " + problem.message()
                    : problem.message().equals(SqlGuard.MORE_THAN_ONE) ? "assertion '" + name + "' has more than one SQL statement"
                    : "assertion '" + name + "': " + problem.message();
            throw new ContentException(new Diagnostic(file, lc[0], lc[1], text,
                    problem.message().equals(SqlGuard.MORE_THAN_ONE) ? "an ```assert block holds one query, which returns the rows that break the rule" : problem.hint()));
        }
        // The line break before ')' ends a '--' comment on the query's last line.
        String prefix = "SELECT *, count(*) OVER () AS " + VIOLATION_COUNT + " FROM (";
        try (Statement s = connection.createStatement()) {
            s.setQueryTimeout(timeoutSeconds());
            try (ResultSet rs = s.executeQuery(prefix + body + "\n) LIMIT " + limit)) {
                return read(name, rs);
            }
        } catch (SQLException e) {
            clean = false;
            if (interrupted(e))
                throw new ContentException(new Diagnostic(file, fenceLine, 0, "assertion '" + name + "' was stopped after "
                        + timeoutSeconds() + " s (the limit is query_timeout in datadesk.yaml)", "make the query do less, or raise query_timeout"));
            throw new ContentException(sqlError(e, body, prefix.length(), "assertion '" + name + "'", file, sqlFirstLine));
        }
    }

    /**
     * Makes {@code result} (a query result taken from the query cache) a table of this page under its name, as if
     * its query had run here, so that later queries can read it.
     */
    public void register(QueryResult result) {
        String name = result.name();
        StringBuilder ddl = new StringBuilder("CREATE TABLE ").append(SqlNames.quote(name)).append(" (");
        for (int i = 0; i < result.columns().size(); i++) {
            Column c = result.columns().get(i);
            ddl.append(i == 0 ? "" : ", ").append(SqlNames.quote(c.name())).append(' ').append(sqlType(c.type()));
        }
        ddl.append(')');
        try {
            execute(ddl.toString());
            try (DuckDBAppender appender = connection.unwrap(DuckDBConnection.class).createAppender(name)) {
                for (List<Object> row : result.rows()) {
                    appender.beginRow();
                    for (Object v : row) {
                        if (v == null) appender.appendNull();
                        else if (v instanceof Long l) appender.append(l);
                        else if (v instanceof Double d) appender.append(d);
                        else if (v instanceof Boolean b) appender.append(b);
                        else if (v instanceof java.time.LocalDate d) appender.appendEpochDays((int) d.toEpochDay());
                        else if (v instanceof java.time.LocalDateTime t) appender.append(t);
                        else appender.append(v.toString());
                    }
                    appender.endRow();
                }
            }
        } catch (SQLException e) {
            clean = false;
            throw new IllegalStateException("cannot restore cached result " + name + ": " + e.getMessage(), e);
        }
        tables.put(key(name), new TableInfo(name, result.columns(), false));
    }

    /** Whether a database with {@code limits} is being started ahead of its page: for tests of {@link #startEarly}. */
    static boolean startedEarly(QueryLimits limits) {
        return EARLY.containsKey(limits);
    }

    /** How many emptied databases with {@code limits} wait for a page: for tests of {@link #recycle}. */
    static int idle(QueryLimits limits) {
        var idle = IDLE.get(limits);
        return idle == null ? 0 : idle.size();
    }

    /**
     * As {@link #register}, but the rows are copied into DuckDB only when a query or assertion that names the table
     * runs (or {@link #table} reads it); until then it is a table of the page all the same, in error messages and
     * {@link #tableNames}. After a data edit most of a page's results come from the query cache, and copying all of
     * them into DuckDB cost more than the few queries that ran again.
     */
    public void registerLater(QueryResult result) {
        tables.put(key(result.name()), new TableInfo(result.name(), result.columns(), false));
        deferred.put(key(result.name()), result);
    }

    /** Copies the deferred tables {@code sql} names into DuckDB (see {@link SqlTables#mentioned}). */
    private void materialize(String sql) {
        if (!datasetsLater.isEmpty()) {
            List<String> names = datasetsLater.values().stream().map(l -> l.spec().name()).toList();
            for (String name : SqlTables.mentioned(sql, names)) loadNow(key(name));
        }
        if (deferred.isEmpty()) return;
        List<String> names = deferred.values().stream().map(QueryResult::name).toList();
        for (String name : SqlTables.mentioned(sql, names)) register(deferred.remove(key(name)));
    }

    /** A DuckDB setting of this database, as DuckDB prints it: for tests of the limits. */
    String setting(String name) {
        try (PreparedStatement p = connection.prepareStatement("SELECT current_setting(?)")) {
            p.setString(1, name);
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private int timeoutSeconds() {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, limits.timeout().toSeconds()));
    }

    /** Whether DuckDB stopped a query because its time ran out (JDBC's query time-out interrupts it). */
    private static boolean interrupted(SQLException e) {
        String m = String.valueOf(e.getMessage());
        return m.contains("Interrupt") || m.contains("INTERRUPT") || e instanceof java.sql.SQLTimeoutException;
    }

    /**
     * The most text one query result may hand to the page, in UTF-8 bytes over all its cells. Rows are capped by
     * {@code max_rows}, but one cell can be a gigabyte ({@code repeat('x', 1e9)}), which ran the JVM out of memory.
     */
    static final long MAX_TEXT_BYTES = 64L << 20;

    /** The most characters a value of these types takes as text (a HUGEINT has 40, a timestamp 26, a BC date 18). */
    private static final int FIXED_WIDTH_TEXT = 64;

    /**
     * The size of a table's values as text, or a bound on it that is at most {@link #MAX_TEXT_BYTES}: numbers, dates
     * and booleans count {@link #FIXED_WIDTH_TEXT} each, and DuckDB sums the text of the other columns, if any (for a
     * result of numbers and dates, no query at all). When the bound is over the limit, the exact size: the same
     * verdict as counting every value, for less.
     */
    private long textBytes(String table, long rows, ResultSetMetaData md) throws SQLException {
        long bound = 0;
        List<String> other = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            ColumnType type = columnType(md.getColumnTypeName(i));
            if (type == ColumnType.TEXT) other.add("sum(strlen(CAST(" + SqlNames.quote(md.getColumnLabel(i)) + " AS VARCHAR)))");
            else bound += FIXED_WIDTH_TEXT * rows;
        }
        if (bound <= MAX_TEXT_BYTES && !other.isEmpty()) {
            try (Statement s = connection.createStatement();
                 ResultSet rs = s.executeQuery("SELECT " + String.join(", ", other) + " FROM " + SqlNames.quote(table))) {
                if (rs.next()) for (int i = 1; i <= other.size(); i++) bound += rs.getLong(i);
            } catch (SQLException e) {
                return textBytes(table); // counted the usual way, which says what it can
            }
        }
        return bound <= MAX_TEXT_BYTES ? bound : textBytes(table);
    }

    /** The size of a table's values as text, counted by DuckDB (COLUMNS(*) sums every column) before Java reads them. */
    private long textBytes(String table) {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT sum(strlen(CAST(COLUMNS(*) AS VARCHAR))) FROM " + SqlNames.quote(table))) {
            long total = 0;
            if (rs.next()) for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) total += rs.getLong(i);
            return total;
        } catch (SQLException e) {
            return 0; // a table with no columns; any real problem shows when it is read
        }
    }

    private long rowCount(String table) {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM " + SqlNames.quote(table))) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count the rows of " + table + ": " + e.getMessage(), e);
        }
    }

    /** All rows of a table of this page (a dataset or a query result), e.g. for a chart drawn straight from a dataset. */
    public QueryResult table(String name) {
        loadNow(key(name));
        QueryResult later = deferred.remove(key(name));
        if (later != null) register(later);
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + SqlNames.quote(name))) {
            return read(name, rs);
        } catch (SQLException e) {
            throw new IllegalArgumentException("no table " + name + " on this page: " + e.getMessage(), e);
        }
    }

    /** The results of this page's queries so far, by name in document order: what tables and inline values use. */
    public Map<String, QueryResult> results() {
        return Collections.unmodifiableMap(results);
    }

    /** The names of the tables on this page so far: datasets, then query results, as written. */
    public List<String> tableNames() {
        return tables.values().stream().map(TableInfo::name).toList();
    }

    /** The columns of a table on this page. */
    public List<Column> columns(String table) {
        TableInfo t = tables.get(key(table));
        if (t == null) throw new IllegalArgumentException("no table " + table);
        return t.columns;
    }

    @Override
    public void close() {
        if (recycle()) return;
        try {
            parser.close();
        } catch (SQLException e) {
            // closed with its connection below
        }
        try {
            connection.close();
        } catch (SQLException e) {
            // Closing an in-memory database cannot lose data; nothing useful to tell the author.
        }
    }

    /**
     * Empties this database and keeps it for a later page, when it can be exactly what {@link #openSealed} promises;
     * false when it must be closed: it was never sealed or may read files, an SQL statement failed here (a stopped
     * query, a broken load), or something other than the page's tables is in its catalogue.
     */
    private boolean recycle() {
        if (!sealed || !clean || !parquetFiles.isEmpty()) return false;
        var idle = IDLE.computeIfAbsent(limits, k -> new ConcurrentLinkedDeque<>());
        if (idle.size() >= MAX_IDLE) return false;
        try (Statement s = connection.createStatement()) {
            List<String> names = new ArrayList<>(tables.values().stream().map(TableInfo::name).toList());
            Collections.reverse(names);
            for (String name : names) s.execute("DROP TABLE IF EXISTS " + SqlNames.quote(name));
            if (catalogueObjects(s) != 0) return false;
        } catch (SQLException e) {
            return false;
        }
        idle.push(new Idle(connection, parser));
        return true;
    }

    /**
     * How many tables, views (not DuckDB's own), sequences, indexes and schemas (not DuckDB's own) a database holds:
     * 0 for one that is as new. Macros and types are not listed: a page cannot make them (a block is one SELECT), and
     * listing DuckDB's functions to find user-made ones costs 120 ms, three times a new database. One count over a
     * UNION ALL of the catalogues: the same number as adding up five scalar subqueries, for a third of the CPU (0.9
     * against 2.7 ms a page, measured).
     */
    static long catalogueObjects(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT count(*) FROM (SELECT 1 FROM duckdb_tables() UNION ALL SELECT 1 FROM duckdb_views() WHERE NOT internal"
                + " UNION ALL SELECT 1 FROM duckdb_sequences() UNION ALL SELECT 1 FROM duckdb_indexes()"
                + " UNION ALL SELECT 1 FROM duckdb_schemas() WHERE NOT internal)")) {
            return rs.next() ? rs.getLong(1) : -1;
        }
    }

    // --- reading results ---------------------------------------------------------------------------------------

    static QueryResult read(String name, ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        List<Column> columns = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) columns.add(new Column(md.getColumnLabel(i), columnType(md.getColumnTypeName(i))));
        List<List<Object>> rows = new ArrayList<>();
        while (rs.next()) {
            List<Object> row = new ArrayList<>(n);
            for (int i = 1; i <= n; i++) row.add(value(rs, i, columns.get(i - 1).type()));
            rows.add(row);
        }
        return new QueryResult(name, columns, rows);
    }

    /** DuckDB type name to our column type; anything exotic (lists, structs, intervals…) is shown as text. */
    static ColumnType columnType(String duckType) {
        String t = duckType.toUpperCase(Locale.ROOT);
        if (t.startsWith("DECIMAL")) return ColumnType.DECIMAL;
        return switch (t) {
            case "BIGINT", "INTEGER", "SMALLINT", "TINYINT", "HUGEINT", "UBIGINT", "UINTEGER", "USMALLINT", "UTINYINT", "UHUGEINT" -> ColumnType.INTEGER;
            case "DOUBLE", "FLOAT", "REAL" -> ColumnType.DECIMAL;
            case "BOOLEAN" -> ColumnType.BOOLEAN;
            case "DATE" -> ColumnType.DATE;
            case "TIMESTAMP", "TIMESTAMP_S", "TIMESTAMP_MS", "TIMESTAMP_NS", "TIMESTAMP WITH TIME ZONE" -> ColumnType.TIMESTAMP;
            default -> ColumnType.TEXT;
        };
    }

    private static Object value(ResultSet rs, int i, ColumnType type) throws SQLException {
        Object o = rs.getObject(i);
        if (o == null) return null;
        return switch (type) {
            case INTEGER -> o instanceof BigInteger b
                    ? (b.bitLength() < 64 ? (Object) b.longValue() : (Object) b.doubleValue()) // sums beyond 2^63: rare, keep magnitude
                    : (Object) ((Number) o).longValue();
            case DECIMAL -> o instanceof BigDecimal b ? b.doubleValue() : ((Number) o).doubleValue();
            case BOOLEAN -> (Boolean) o;
            case DATE -> o instanceof LocalDate d ? d : rs.getObject(i, LocalDate.class);
            case TIMESTAMP -> o instanceof OffsetDateTime odt ? odt.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime()
                    : rs.getObject(i, LocalDateTime.class);
            case TEXT -> o instanceof String s ? s : rs.getString(i);
        };
    }

    // --- errors ------------------------------------------------------------------------------------------------

    /** A DuckDB error as one line for a message: "Kind Error: text", without the JSON wrapping. */
    static String errorText(SQLException e) {
        Map<String, Object> json = errorJson(e.getMessage());
        if (json == null) return String.valueOf(e.getMessage()).lines().findFirst().orElse("").trim();
        String message = String.valueOf(json.getOrDefault("exception_message", e.getMessage()));
        String kind = String.valueOf(json.getOrDefault("exception_type", ""));
        return (kind.isEmpty() ? "" : kind + " Error: ") + message.lines().findFirst().orElse(message).trim();
    }

    private Diagnostic sqlError(SQLException e, String sql, int prefixLength, String what, String file, int sqlFirstLine) {
        Map<String, Object> json = errorJson(e.getMessage());
        String message = json == null ? e.getMessage() : String.valueOf(json.getOrDefault("exception_message", e.getMessage()));
        message = message.lines().findFirst().orElse(message).trim(); // drop DuckDB's own "Did you mean" lines: ours are better
        String kind = json == null ? "" : String.valueOf(json.getOrDefault("exception_type", ""));
        String subtype = json == null ? "" : String.valueOf(json.getOrDefault("error_subtype", ""));
        int position = -1;
        if (json != null && json.get("position") != null) {
            try {
                position = Integer.parseInt(String.valueOf(json.get("position"))) - prefixLength;
            } catch (NumberFormatException ignored) {
                // no usable position: report the query's first line
            }
        }
        int line = sqlFirstLine, column = 0;
        if (position >= 0 && position <= sql.length()) {
            int[] lc = lineColumn(sql, position, sqlFirstLine);
            line = lc[0];
            column = lc[1];
        }
        String hint = kind.equals("Out of Memory")
                ? "the query needs more memory than a page may use (memory_limit in datadesk.yaml); aggregate or filter earlier"
                : kind.equals("Permission")
                ? "SQL cannot read or write files: declare CSV files under 'data:' in front matter and query them by name"
                : hintFor(subtype, json == null ? null : (String) json.get("name"), message);
        String text = what + " failed: " + (kind.isEmpty() ? "" : kind + " error: ") + message;
        return new Diagnostic(file, line, column, text, hint);
    }

    private String hintFor(String subtype, String name, String message) {
        if ("MISSING_ENTRY".equals(subtype) && message.startsWith("Table") && name != null && failed.contains(key(name)))
            return "query '" + name + "' failed above; fix that one first";
        if ("MISSING_ENTRY".equals(subtype) && message.startsWith("Table")) {
            String hint = name == null ? "" : Suggest.didYouMean(name, tableNames());
            return (hint.isEmpty() ? "" : hint + " ") + (tables.isEmpty()
                    ? "This page has no tables yet: declare datasets under 'data:' in front matter, and name queries with ```sql NAME."
                    : "Tables on this page: " + describeTables() + ".");
        }
        if ("COLUMN_NOT_FOUND".equals(subtype)) {
            List<String> all = tables.values().stream().flatMap(t -> t.columns.stream().map(Column::name)).toList();
            String hint = name == null ? "" : Suggest.didYouMean(name, all);
            return (hint.isEmpty() ? "" : hint + " ") + "Columns: " + describeTables() + ".";
        }
        return "";
    }

    private String describeTables() {
        StringBuilder sb = new StringBuilder();
        for (TableInfo t : tables.values()) {
            if (sb.length() > 0) sb.append("; ");
            sb.append(t.name).append(" (").append(String.join(", ", t.columns.stream().map(Column::name).toList())).append(')');
        }
        return sb.toString();
    }

    // DuckDB prefixes some JSON errors with "Parser Error: "; the JSON object starts at the first '{'. JSON is YAML,
    // so snakeyaml-engine (already a dependency) parses it.
    @SuppressWarnings("unchecked")
    private static Map<String, Object> errorJson(String message) {
        if (message == null) return null;
        int start = message.indexOf('{');
        if (start < 0) return null;
        try {
            Object o = new Load(LoadSettings.builder().build()).loadFromString(message.substring(start));
            return o instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
        } catch (RuntimeException ex) {
            return null;
        }
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private void checkFreeName(String name, Diagnostic ifTaken) {
        if (tables.containsKey(key(name))) throw new ContentException(ifTaken);
    }

    private void execute(String sql) throws SQLException {
        try (Statement s = connection.createStatement()) { // a new Statement each time: a failed one is closed
            s.execute(sql);
        }
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    static String sqlType(ColumnType t) {
        return switch (t) {
            case INTEGER -> "BIGINT";
            case DECIMAL -> "DOUBLE";
            case BOOLEAN -> "BOOLEAN";
            case DATE -> "DATE";
            case TIMESTAMP -> "TIMESTAMP";
            case TEXT -> "VARCHAR";
        };
    }

    /** 1-based line (counted from {@code firstLine}) and column of character {@code position} of {@code text}. */
    private static int[] lineColumn(String text, int position, int firstLine) {
        int line = firstLine, column = 1;
        for (int i = 0; i < position; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else column++;
        }
        return new int[] {line, column};
    }

    private static String stripTrailingSemicolons(String sql) {
        String s = sql.stripTrailing();
        while (s.endsWith(";")) s = s.substring(0, s.length() - 1).stripTrailing();
        return s;
    }
}
