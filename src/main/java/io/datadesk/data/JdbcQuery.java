package io.datadesk.data;

import io.datadesk.error.ContentException;
import io.datadesk.error.Diagnostic;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Runs a {@link JdbcSpec} query in its database and reads the result: the heavy work (scans, joins, aggregation)
 * happens there, and only the result comes back. The connection is read-only where the driver supports it, has a
 * connection time-out and a query time-out, and is closed at once. Credentials are read from the environment at
 * this moment only, and are replaced by their variable's name in any message from the driver.
 */
public final class JdbcQuery {

    /** A result this large means the aggregation should happen in the database: datadesk publishes summaries. */
    public static final int MAX_ROWS = 1_000_000;

    /** What went wrong, which decides whether the last cached result may stand in (see the build's cache rule). */
    public enum Problem {
        /** No credentials in the environment, or no driver: this machine cannot ask the database. */
        SETUP,
        /** The database did not answer: unreachable host or port, connection time-out. */
        UNREACHABLE,
        /** The database answered and said no: bad credentials, unknown database. */
        REFUSED,
        /** The query failed: SQL error, time-out, a result datadesk cannot take. */
        QUERY
    }

    /** A located failure, with its {@link Problem}. */
    public static final class Failure extends RuntimeException {
        private final Problem problem;
        private final transient Diagnostic diagnostic;

        Failure(Problem problem, Diagnostic diagnostic) {
            super(diagnostic.format());
            this.problem = problem;
            this.diagnostic = diagnostic;
        }

        public Problem problem() {
            return problem;
        }

        public ContentException toContentException() {
            return new ContentException(diagnostic);
        }
    }

    private final DatasetSpec dataset;
    private final JdbcSpec spec;
    private final Map<String, String> secrets = new HashMap<>(); // value -> "$VARIABLE", to scrub messages

    private JdbcQuery(DatasetSpec dataset) {
        this.dataset = dataset;
        this.spec = dataset.jdbc();
    }

    /** Runs the query of {@code dataset} (which has {@link DatasetSpec#jdbc()}); {@code env} gives the credentials. */
    public static QueryResult run(DatasetSpec dataset, Function<String, String> env, JdbcDrivers drivers) {
        return new JdbcQuery(dataset).run(env, drivers);
    }

    private QueryResult run(Function<String, String> env, JdbcDrivers drivers) {
        Properties props = new Properties();
        credential(spec.user(), "user", env, props);
        credential(spec.password(), "password", env, props);
        Driver driver = drivers.find(spec.url());
        if (driver == null) {
            String scheme = spec.url().split(":").length > 1 ? spec.url().split(":")[1] : spec.url();
            throw new Failure(Problem.SETUP, spec.urlAt().error("no JDBC driver for '" + scheme + "' URLs",
                    "put the driver's jar in the project's " + JdbcDrivers.FOLDER + "/ folder, or name it under jdbc_drivers: in datadesk.yaml"
                            + (drivers.jars().isEmpty() ? "" : " (loaded: " + String.join(", ", drivers.jars()) + ")")));
        }
        Connection c = connect(driver, props);
        try {
            return query(c);
        } finally {
            try {
                c.close(); // also rolls back the read-only transaction
            } catch (SQLException ignored) {
                // the result is read; a failing close changes nothing for the page
            }
        }
    }

    private void credential(JdbcSpec.EnvRef ref, String key, Function<String, String> env, Properties props) {
        if (ref == null) return;
        String value = env.apply(ref.variable());
        if (value == null || value.isEmpty())
            throw new Failure(Problem.SETUP, ref.at().error("environment variable " + ref.variable() + " is not set",
                    "set it before building, e.g. export " + ref.variable() + "=…; the " + key + " of dataset '" + dataset.name()
                            + "' is read from it and never written anywhere"));
        props.setProperty(key, value);
        if (value.length() >= 3) secrets.put(value, "$" + ref.variable());
    }

    private Connection connect(Driver driver, Properties props) {
        long seconds = Math.max(1, spec.connectTimeout().toSeconds());
        // Drivers honour different time-out properties (PostgreSQL: connectTimeout and loginTimeout, in seconds);
        // the wait below bounds every driver.
        props.setProperty("connectTimeout", String.valueOf(seconds));
        props.setProperty("loginTimeout", String.valueOf(seconds));
        Connection c;
        try {
            c = within(spec.connectTimeout(), () -> driver.connect(spec.url(), props));
        } catch (TimeoutException e) {
            throw new Failure(Problem.UNREACHABLE, spec.urlAt().error("no answer from " + spec.url() + " within " + human(spec.connectTimeout()),
                    "check the host and port, the VPN or firewall; or raise connect_timeout:"));
        } catch (SQLException e) {
            throw connectFailure(e);
        }
        if (c == null) throw new Failure(Problem.SETUP, spec.urlAt().error("the JDBC driver does not accept " + spec.url(), ""));
        try {
            c.setAutoCommit(false);
            c.setReadOnly(true); // a read-only transaction where the database has them: a page only reads
        } catch (SQLException | UnsupportedOperationException e) {
            // Trino, Spark and others have no transactions; the query still runs
        }
        return c;
    }

    private Failure connectFailure(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String message = scrub(firstLine(e));
        if (state.startsWith("28"))
            return new Failure(Problem.REFUSED, spec.urlAt().error("the database refused the login: " + message,
                    "check the credentials in " + credentialVariables() + "; they are read from the environment"));
        if (state.startsWith("08") || causedBy(e, ConnectException.class, UnknownHostException.class, NoRouteToHostException.class,
                java.net.SocketTimeoutException.class))
            return new Failure(Problem.UNREACHABLE, spec.urlAt().error("cannot connect to " + spec.url() + ": " + message,
                    "check that the database is running and the host and port are right"));
        return new Failure(Problem.REFUSED, spec.urlAt().error("cannot connect to " + spec.url() + ": " + message, ""));
    }

    private QueryResult query(Connection c) {
        Statement[] statement = new Statement[1];
        try {
            return within(spec.timeout().plusSeconds(5), () -> {
                try (Statement s = c.createStatement()) {
                    statement[0] = s;
                    try {
                        s.setQueryTimeout((int) Math.max(1, spec.timeout().toSeconds()));
                        s.setMaxRows(MAX_ROWS + 1);
                        s.setFetchSize(10_000); // PostgreSQL streams in a transaction instead of holding all rows twice
                    } catch (SQLException | UnsupportedOperationException e) {
                        // optional hints; the wait around bounds the time anyway
                    }
                    try (ResultSet rs = s.executeQuery(spec.query())) {
                        return read(rs);
                    }
                }
            });
        } catch (TimeoutException e) {
            try {
                if (statement[0] != null) statement[0].cancel();
            } catch (SQLException ignored) {
                // closing the connection ends it too
            }
            throw timedOut();
        } catch (SQLException e) {
            if (e instanceof SQLTimeoutException || "57014".equals(e.getSQLState())) throw timedOut();
            throw new Failure(Problem.QUERY, spec.queryAt().error("the query of dataset '" + dataset.name() + "' failed in the database: "
                    + scrub(firstLine(e)) + position(e), "the message is the database's own; the query runs there, in its SQL dialect"));
        }
    }

    private Failure timedOut() {
        return new Failure(Problem.QUERY, spec.queryAt().error("the query of dataset '" + dataset.name() + "' took longer than "
                + human(spec.timeout()), "make the database do less (filter, aggregate), or raise timeout: on this dataset"));
    }

    private QueryResult read(ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        List<Column> columns = new ArrayList<>(n);
        Map<String, String> seen = new HashMap<>();
        for (int i = 1; i <= n; i++) {
            String name = md.getColumnLabel(i);
            String earlier = name == null || name.isBlank() ? null : seen.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
            if (name == null || name.isBlank() || earlier != null)
                throw new Failure(Problem.QUERY, spec.queryAt().error("column " + i + " of dataset '" + dataset.name() + "' has "
                        + (earlier != null ? "the same name as another, '" + name + "'" : "no name"), "name every column with AS, e.g. count(*) AS orders"));
            columns.add(new Column(name, typeOf(md, i)));
        }
        List<List<Object>> rows = new ArrayList<>();
        while (rs.next()) {
            if (rows.size() == MAX_ROWS)
                throw new Failure(Problem.QUERY, spec.queryAt().error("the query of dataset '" + dataset.name() + "' returns more than "
                        + String.format(Locale.ROOT, "%,d", MAX_ROWS) + " rows", "aggregate in the database (GROUP BY) so that the page receives the summary it shows"));
            List<Object> row = new ArrayList<>(n);
            for (int i = 1; i <= n; i++) row.add(value(rs, i, columns.get(i - 1).type(), md.getColumnType(i)));
            rows.add(row);
        }
        return new QueryResult(dataset.name(), columns, rows);
    }

    /** The JDBC type as one of ours; whatever has no equivalent (arrays, JSON, intervals…) is text. */
    static ColumnType typeOf(ResultSetMetaData md, int i) throws SQLException {
        return switch (md.getColumnType(i)) {
            case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT -> ColumnType.INTEGER;
            case Types.NUMERIC, Types.DECIMAL -> md.getScale(i) == 0 && md.getPrecision(i) > 0 && md.getPrecision(i) <= 18
                    ? ColumnType.INTEGER : ColumnType.DECIMAL;
            case Types.REAL, Types.FLOAT, Types.DOUBLE -> ColumnType.DECIMAL;
            case Types.BOOLEAN -> ColumnType.BOOLEAN;
            case Types.BIT -> md.getPrecision(i) <= 1 ? ColumnType.BOOLEAN : ColumnType.TEXT; // PostgreSQL's boolean is BIT
            case Types.DATE -> ColumnType.DATE;
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> ColumnType.TIMESTAMP;
            default -> ColumnType.TEXT;
        };
    }

    private static Object value(ResultSet rs, int i, ColumnType type, int sqlType) throws SQLException {
        Object v = switch (type) {
            case INTEGER -> rs.getLong(i);
            case DECIMAL -> rs.getDouble(i);
            case BOOLEAN -> rs.getBoolean(i);
            case DATE -> {
                java.sql.Date d = rs.getDate(i);
                yield d == null ? null : d.toLocalDate();
            }
            case TIMESTAMP -> sqlType == Types.TIMESTAMP_WITH_TIMEZONE
                    ? utc(rs.getObject(i, OffsetDateTime.class))
                    : timestamp(rs, i);
            case TEXT -> rs.getString(i);
        };
        return rs.wasNull() ? null : v;
    }

    private static LocalDateTime utc(OffsetDateTime t) {
        return t == null ? null : t.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
    }

    private static LocalDateTime timestamp(ResultSet rs, int i) throws SQLException {
        try {
            return rs.getObject(i, LocalDateTime.class);
        } catch (SQLException | RuntimeException e) {
            java.sql.Timestamp t = rs.getTimestamp(i);
            return t == null ? null : t.toLocalDateTime();
        }
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    /** Runs {@code work} on a thread of its own and waits at most {@code limit}: no driver can hang a build. */
    private static <T> T within(Duration limit, Callable<T> work) throws SQLException, TimeoutException {
        FutureTask<T> task = new FutureTask<>(work);
        Thread t = new Thread(task, "jdbc");
        t.setDaemon(true); // a driver stuck in a socket read must not keep the JVM alive
        t.start();
        try {
            return task.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            task.cancel(true);
            throw e;
        } catch (InterruptedException e) {
            task.cancel(true);
            Thread.currentThread().interrupt();
            throw new TimeoutException("interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SQLException s) throw s;
            if (cause instanceof RuntimeException r) throw r;
            if (cause instanceof Error err) throw err;
            throw new SQLException(cause);
        }
    }

    private String scrub(String message) {
        String out = message;
        for (Map.Entry<String, String> s : secrets.entrySet()) out = out.replace(s.getKey(), s.getValue());
        return out;
    }

    private String credentialVariables() {
        List<String> vars = new ArrayList<>();
        if (spec.user() != null) vars.add(spec.user().variable());
        if (spec.password() != null) vars.add(spec.password().variable());
        return vars.isEmpty() ? "the URL" : String.join(" and ", vars);
    }

    private static String firstLine(SQLException e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        return m.lines().findFirst().orElse(m).trim();
    }

    /** PostgreSQL names where in the query the error is: "Position: 8" on a line of its own. */
    private static String position(SQLException e) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        var p = java.util.regex.Pattern.compile("Position: (\\d+)").matcher(m);
        return p.find() ? " (at character " + p.group(1) + " of the query)" : "";
    }

    @SafeVarargs
    private static boolean causedBy(Throwable e, Class<? extends Throwable>... kinds) {
        for (Throwable t = e; t != null; t = t.getCause())
            for (Class<? extends Throwable> k : kinds) if (k.isInstance(t)) return true;
        return false;
    }

    private static String human(Duration d) {
        long s = d.toSeconds();
        if (s % 3600 == 0 && s > 0) return s / 3600 + "h";
        if (s % 60 == 0 && s > 0) return s / 60 + "m";
        return s > 0 ? s + "s" : d.toMillis() + "ms";
    }
}
