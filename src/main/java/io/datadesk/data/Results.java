package io.datadesk.data;

import io.datadesk.error.Suggest;
import java.util.Map;
import java.util.Optional;

/** Looking up a page's query results by the name an author wrote, for tables, charts and inline values alike. */
public final class Results {

    private Results() {}

    /** The result called {@code name}: the exact name first, then ignoring case, as SQL names do. */
    public static Optional<QueryResult> find(Map<String, QueryResult> results, String name) {
        QueryResult r = results.get(name);
        if (r != null) return Optional.of(r);
        for (Map.Entry<String, QueryResult> e : results.entrySet())
            if (e.getKey().equalsIgnoreCase(name)) return Optional.of(e.getValue());
        return Optional.empty();
    }

    /** The hint for an unknown result name: the closest name, and the names that do exist. */
    public static String unknownNameHint(String name, Map<String, QueryResult> results) {
        String dym = Suggest.didYouMean(name, results.keySet());
        return (dym.isEmpty() ? "" : dym + " ") + (results.isEmpty() ? "This page has no ```sql NAME blocks."
                : "Results on this page: " + String.join(", ", results.keySet().stream().sorted().toList()) + ".");
    }
}
