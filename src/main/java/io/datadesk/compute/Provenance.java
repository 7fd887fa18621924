package io.datadesk.compute;

import java.util.List;

/**
 * Where a page's numbers come from, for the reader's "How the numbers were computed" section: per query, its SQL and
 * the datasets it reads (with their publishers), the inline values read from its result, and the figures (charts,
 * tables) that show it. Queries are listed in the order their first number or figure appears.
 *
 * @param queries only the queries some number or figure uses
 */
public record Provenance(List<Query> queries) {

    public Provenance {
        queries = List.copyOf(queries);
    }

    public static final Provenance NONE = new Provenance(List.of());

    public boolean isEmpty() {
        return queries.isEmpty();
    }

    /**
     * One query result, or a dataset that a figure shows directly ({@code sql} is then null).
     *
     * @param inputs the datasets it reads, directly or through earlier queries
     * @param via the earlier queries it reads, by name
     * @param numbers the inline values read from it, in page order
     * @param figures the ids of the charts and tables that show it
     */
    public record Query(String name, String sql, List<Input> inputs, List<String> via, List<Number> numbers,
                        List<String> figures) {
        public Query {
            inputs = List.copyOf(inputs);
            via = List.copyOf(via);
            numbers = List.copyOf(numbers);
            figures = List.copyOf(figures);
        }
    }

    /**
     * A dataset a query reads: its table name, its file (as the page declares it) and who published it.
     *
     * @param publisher the {@code source:} credit's text, or null; {@code url} its link, or null
     */
    public record Input(String name, String file, String publisher, String url) {}

    /**
     * One inline value.
     *
     * @param index the inline value's index on the page (its link and entry ids derive from it)
     * @param shown the text readers see, formatted
     * @param exact the value as computed, unformatted and unrounded
     * @param column the result column it is read from
     * @param row which row: the selection as written ({@code year = 2023}), or empty for a one-row result
     */
    public record Number(int index, String shown, String exact, String column, String row) {}
}
