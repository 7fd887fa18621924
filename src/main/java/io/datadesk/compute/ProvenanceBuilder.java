package io.datadesk.compute;

import io.datadesk.data.DatasetSpec;
import io.datadesk.data.QueryResult;
import io.datadesk.data.SqlTables;
import io.datadesk.format.InlineExpression;
import io.datadesk.format.RowSelector;
import io.datadesk.read.Directive;
import io.datadesk.read.Markdown;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Puts together a page's {@link Provenance} from what its data stage computed. */
final class ProvenanceBuilder {

    private ProvenanceBuilder() {}

    /**
     * @param directives  the page's blocks in order (a translation's inherited ones first)
     * @param results     every result tables, charts and inline values could use (queries and datasets shown whole)
     * @param figures     result name → ids of the charts and tables that show it
     * @param expressions the page's inline values as parsed, by index (null where parsing failed)
     * @param values      their values, by index (null where none was computed)
     */
    static Provenance of(List<Directive> directives, List<DatasetSpec> specs, Map<String, QueryResult> results,
                         Map<String, List<String>> figures, List<InlineExpression> expressions, List<InlineExpression.Value> values) {
        Map<String, Directive.Query> queries = new LinkedHashMap<>();
        for (Directive d : directives) if (d instanceof Directive.Query q) queries.putIfAbsent(key(q.name()), q);
        Map<String, DatasetSpec> datasets = new LinkedHashMap<>();
        for (DatasetSpec s : specs) datasets.put(key(s.name()), s);

        Map<String, List<Provenance.Number>> numbers = new LinkedHashMap<>();
        for (int i = 0; i < values.size(); i++) {
            InlineExpression.Value v = values.get(i);
            if (v == null) continue;
            InlineExpression e = expressions.get(i);
            String row = e == null || e.selector() == null ? ""
                    : String.join(" and ", e.selector().conditions().stream().map(RowSelector.Condition::toString).toList());
            numbers.computeIfAbsent(v.result().name(), k -> new ArrayList<>())
                    .add(new Provenance.Number(i, v.text(), exact(v.exact()), v.column(), row));
        }
        // Which tables each query reads, worked out once per query: the chains of queries are walked for every query
        // listed, and reading the SQL's words again each time cost more than the rest of this method.
        Map<String, List<String>> reads = new java.util.HashMap<>();
        java.util.function.Function<Directive.Query, List<String>> read = q -> reads.computeIfAbsent(key(q.name()),
                k -> SqlTables.referenced(q.body(), tableNames(queries, datasets, q)));
        Set<String> used = new LinkedHashSet<>(numbers.keySet());
        used.addAll(figures.keySet());
        List<Provenance.Query> out = new ArrayList<>();
        java.util.Deque<String> todo = new java.util.ArrayDeque<>(used);
        Set<String> done = new java.util.HashSet<>();
        while (!todo.isEmpty()) {
            String name = todo.poll();
            if (!done.add(key(name))) continue;
            Directive.Query q = queries.get(key(name));
            List<String> via = new ArrayList<>();
            List<Provenance.Input> inputs = new ArrayList<>();
            if (q != null) {
                for (String t : read.apply(q))
                    if (queries.containsKey(key(t))) via.add(queries.get(key(t)).name());
                todo.addAll(via); // the queries it reads are listed too, so a reader can follow the chain
                for (DatasetSpec s : datasetsRead(q, queries, datasets, read)) inputs.add(input(s));
            } else if (datasets.containsKey(key(name))) {
                inputs.add(input(datasets.get(key(name))));
            } else if (!results.containsKey(name)) {
                continue;
            }
            // '-- expect:' lines are checks for the author; readers see the query without them.
            String sql = q == null ? null : q.body().replaceAll("(?m)^[ \t]*--[ \t]*expect[ \t]*:.*(\r?\n|$)", "");
            out.add(new Provenance.Query(q != null ? q.name() : name, sql, inputs, via,
                    numbers.getOrDefault(name, List.of()), figures.getOrDefault(name, List.of())));
        }
        return new Provenance(out);
    }

    /** The datasets a query reads, directly or through the queries it reads, in declaration order. */
    private static List<DatasetSpec> datasetsRead(Directive.Query q, Map<String, Directive.Query> queries,
                                                  Map<String, DatasetSpec> datasets,
                                                  java.util.function.Function<Directive.Query, List<String>> read) {
        Set<String> names = new LinkedHashSet<>();
        collect(q, queries, datasets, new java.util.HashSet<>(), names, read);
        List<DatasetSpec> out = new ArrayList<>();
        for (Map.Entry<String, DatasetSpec> d : datasets.entrySet()) if (names.contains(d.getKey())) out.add(d.getValue());
        return out;
    }

    private static void collect(Directive.Query q, Map<String, Directive.Query> queries, Map<String, DatasetSpec> datasets,
                                Set<String> seen, Set<String> out, java.util.function.Function<Directive.Query, List<String>> read) {
        if (!seen.add(key(q.name()))) return;
        for (String t : read.apply(q)) {
            if (datasets.containsKey(key(t)) && !queries.containsKey(key(t))) out.add(key(t));
            else if (queries.containsKey(key(t))) collect(queries.get(key(t)), queries, datasets, seen, out, read);
        }
    }

    /** The tables a query could read: the datasets and the queries above it. */
    private static List<String> tableNames(Map<String, Directive.Query> queries, Map<String, DatasetSpec> datasets, Directive.Query q) {
        List<String> out = new ArrayList<>();
        for (DatasetSpec s : datasets.values()) out.add(s.name());
        for (Directive.Query other : queries.values()) {
            if (other.index() >= q.index()) break;
            out.add(other.name());
        }
        return out;
    }

    private static Provenance.Input input(DatasetSpec s) {
        return new Provenance.Input(s.name(), s.path(), s.source() == null ? null : s.source().text(),
                s.source() == null ? null : s.source().url());
    }

    /**
     * A value as computed, without the page's formatting: what a reader checking the number would compare. Floating
     * point values keep 10 significant digits: DuckDB's parallel aggregates (sum, avg, corr over doubles) add in an
     * order that varies between runs, so the last bits of a double differ from build to build, and a site must be
     * byte-identical when rebuilt. Ten digits are far beyond any figure a page prints.
     */
    static String exact(Object v) {
        if (v instanceof Double d && !d.isNaN() && !d.isInfinite()) {
            return BigDecimal.valueOf(d).round(EXACT_DIGITS).stripTrailingZeros().toPlainString();
        }
        return String.valueOf(v);
    }

    private static final MathContext EXACT_DIGITS = new MathContext(10, RoundingMode.HALF_EVEN);

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
