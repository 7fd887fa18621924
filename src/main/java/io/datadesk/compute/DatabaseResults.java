package io.datadesk.compute;

import io.datadesk.data.DatasetSpec;
import io.datadesk.data.JdbcDrivers;
import io.datadesk.data.JdbcQuery;
import io.datadesk.data.JdbcSpec;
import io.datadesk.data.QueryResult;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The results of database datasets ({@code jdbc:}), kept in {@code .datadesk-cache/jdbc/} so that a site rebuilds
 * without the database and {@code serve} does not query it on every save. The rule:
 * <ol>
 *   <li>A cached result younger than the dataset's {@code refresh:} (default 1h; {@code never}: no age limit) is
 *       used as it is, without connecting.</li>
 *   <li>Otherwise, or with {@code --refresh}, the query runs and its result replaces the cached one.</li>
 *   <li>If it cannot run because the database is unreachable or this machine has no credentials or driver for it,
 *       the last cached result is used, with a note naming its age. Never with {@code --refresh}, and never for a
 *       refused login or a failed query: those are errors to fix.</li>
 * </ol>
 * The cache key is the JDBC URL and the query text: never a credential (the cache holds only the result).
 */
public final class DatabaseResults {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final FileQueryCache cache;
    private final boolean forceRefresh;
    private final Clock clock;
    private final List<String> notes = new ArrayList<>();
    private Function<String, String> env = System::getenv;
    private Supplier<JdbcDrivers> drivers;
    private JdbcDrivers loaded;

    /**
     * @param dir          the project's {@code .datadesk-cache/jdbc/}
     * @param forceRefresh {@code --refresh}: query every database dataset again
     */
    public DatabaseResults(Path dir, boolean forceRefresh, Clock clock) {
        this.cache = new FileQueryCache(dir);
        this.forceRefresh = forceRefresh;
        this.clock = clock;
    }

    /** Where credentials are read: the process environment, unless a test or an embedding program says otherwise. */
    public void environment(Function<String, String> env) {
        this.env = env;
    }

    /** How to find the drivers when a query must run; loaded once, on first need. */
    public synchronized void drivers(Supplier<JdbcDrivers> drivers) {
        this.drivers = drivers;
        this.loaded = null;
    }

    static String key(JdbcSpec spec) {
        return ContentHashes.combine("jdbc-v1", spec.url(), spec.query());
    }

    /** The result of database dataset {@code dataset}, by the rule above. Throws a located ContentException. */
    QueryResult get(DatasetSpec dataset) {
        JdbcSpec spec = dataset.jdbc();
        String key = key(spec);
        Optional<QueryResult> cached = cache.get(key).map(r -> new QueryResult(dataset.name(), r.columns(), r.rows()));
        Instant storedAt = cached.isPresent() ? cache.storedAt(key).orElse(Instant.EPOCH) : null;
        if (cached.isPresent() && !forceRefresh
                && (spec.refresh() == null || Duration.between(storedAt, clock.instant()).compareTo(spec.refresh()) < 0))
            return cached.get();
        try {
            QueryResult fresh = JdbcQuery.run(dataset, env, drivers());
            cache.put(key, fresh);
            return fresh;
        } catch (JdbcQuery.Failure f) {
            boolean offline = f.problem() == JdbcQuery.Problem.UNREACHABLE || f.problem() == JdbcQuery.Problem.SETUP;
            if (cached.isPresent() && offline && !forceRefresh) {
                note(dataset.file() + ":" + dataset.line() + ": dataset '" + dataset.name() + "' uses its results of "
                        + WHEN.format(storedAt) + ": " + f.toContentException().diagnostics().get(0).message());
                return cached.get();
            }
            throw f.toContentException();
        }
    }

    private synchronized JdbcDrivers drivers() {
        if (loaded == null) loaded = drivers.get();
        return loaded;
    }

    private synchronized void note(String text) {
        notes.add(text);
    }

    /** The notes since the last call: results used from the cache because the database could not be asked. */
    public synchronized List<String> drainNotes() {
        List<String> out = List.copyOf(notes);
        notes.clear();
        return out;
    }
}
