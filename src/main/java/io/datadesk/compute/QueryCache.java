package io.datadesk.compute;

import io.datadesk.data.QueryResult;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Query results remembered between builds, so that editing prose never re-runs an unchanged query.
 *
 * <p>A key names everything a result depends on: the SQL text and the content hash of every table the query can
 * read (see {@link #key}). The cache never decides whether a result is still valid; the key does. Implementations
 * are thread-safe; a missing, unreadable or corrupt entry is a miss, never an error.
 *
 * <pre>{@code
 * String key = QueryCache.key(sql, Map.of("layoffs", datasetHash, "yearly", ContentHashes.of(yearlyResult)));
 * QueryResult r = cache.get(key).orElseGet(() -> { QueryResult run = db.query(...); cache.put(key, run); return run; });
 * }</pre>
 */
public interface QueryCache {

    /** The result stored under {@code key}, if there is a sound one. */
    Optional<QueryResult> get(String key);

    /** Stores {@code result} under {@code key}. Failing to store is not an error: the next build runs the query again. */
    void put(String key, QueryResult result);

    /**
     * Whether this cache keeps anything across builds. A builder given a cache that does not ({@link #none()})
     * remembers no finished pages across processes either: every query runs and every page is made.
     */
    default boolean remembers() {
        return true;
    }

    /**
     * The key of a query: its SQL and the inputs it can read, by table name. For a dataset, the hash should cover the
     * file's content and how it is loaded (declared types, null markers): e.g.
     * {@code ContentHashes.combine(ContentHashes.file(csv), spec.toString())}. For the result of an earlier query on
     * the page, {@link ContentHashes#of(QueryResult)}. Table names are compared as SQL compares them (ignoring case).
     */
    static String key(String sql, Map<String, String> inputHashes) {
        TreeMap<String, String> sorted = new TreeMap<>();
        inputHashes.forEach((name, hash) -> sorted.put(name.toLowerCase(java.util.Locale.ROOT), hash));
        String[] parts = new String[2 + 2 * sorted.size()];
        int i = 0;
        parts[i++] = "query-v1";
        parts[i++] = sql;
        for (var e : sorted.entrySet()) {
            parts[i++] = e.getKey();
            parts[i++] = e.getValue();
        }
        return ContentHashes.combine(parts);
    }

    /** A cache in files under {@code dir} (the project's {@code .datadesk-cache/queries/}): git-ignored, safe to delete. */
    static QueryCache inFolder(Path dir) {
        return new FileQueryCache(dir);
    }

    /** No cache: every query runs. */
    public static QueryCache none() {
        return new QueryCache() {
            @Override
            public Optional<QueryResult> get(String key) {
                return Optional.empty();
            }

            @Override
            public void put(String key, QueryResult result) {}

            @Override
            public boolean remembers() {
                return false;
            }
        };
    }
}
