package io.datadesk.build;

import io.datadesk.chart.ChartRenderer;
import io.datadesk.chart.ChartSpec;
import io.datadesk.chart.RenderedChart;
import io.datadesk.data.CsvExport;
import io.datadesk.data.DataPaths;
import io.datadesk.data.DatasetSpec;
import io.datadesk.data.PageDatabase;
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
final class PageData {

    /** Where chart data downloads go, relative to the page: {@code downloads/NAME.csv}. */
    static final String DOWNLOADS = "downloads/";

    private final DataPaths paths;
    private final ChartRenderer charts = new ChartRenderer();

    PageData(BuildOptions options) {
        this.paths = new DataPaths(options.projectDir(), options.contentDir());
    }

    ComputedPage compute(ParsedPage page, Locale locale) {
        var md = page.markdown();
        YamlNode data = page.frontMatter().data();
        if (md.directives().isEmpty() && md.inlineValues().isEmpty() && data == null) return ComputedPage.empty();

        String file = page.source().displayPath();
        Diagnostics problems = new Diagnostics();
        List<DatasetSpec> specs = problems.collect(() -> DatasetSpec.parseAll(data));
        Map<String, QueryResult> results = new LinkedHashMap<>();
        // Queries that failed: what uses them is skipped, so the author sees the cause, not a cascade of effects.
        java.util.Set<String> failed = new java.util.HashSet<>();
        String[] html = new String[md.directives().size()];
        Map<String, byte[]> files = new LinkedHashMap<>();
        int queries = 0;
        try (PageDatabase db = PageDatabase.open()) {
            if (specs != null) problems.collect(() -> {
                db.loadAll(specs, page.source().file().getParent(), paths);
                return null;
            });
            if (!problems.isEmpty()) problems.throwIfAny(); // queries over half-loaded data would only add noise
            for (Directive d : md.directives()) {
                if (!d.kind().equals("sql")) continue;
                String name = d.args().get(0);
                QueryResult r = problems.collect(() -> db.query(name, d.body(), file, d.bodyLine()));
                queries++;
                if (r != null) results.put(name, r);
                else failed.add(name.toLowerCase(Locale.ROOT));
                html[d.index()] = d.args().contains("show") ? shownQuery(name, d.body()) : "";
            }
        }
        int chartCount = 0;
        for (Directive d : md.directives()) {
            if (d.kind().equals("table")) html[d.index()] = problems.collect(() -> table(d, file, results, failed, locale));
            if (d.kind().equals("chart")) {
                String id = "chart-" + (++chartCount);
                RenderedChart chart = problems.collect(() -> chart(d, file, id, results, failed, locale, page, files));
                html[d.index()] = chart == null ? "" : chart.html();
            }
        }
        List<String> inline = new ArrayList<>();
        for (InlineValue v : md.inlineValues()) {
            String text = problems.collect(() -> {
                InlineExpression e = InlineExpression.parse(v.expression(), file, v.line(), v.column() + 2);
                return usesFailed(e.result(), failed) ? "" : e.evaluate(results, locale);
            });
            inline.add(text == null ? "" : text);
        }
        problems.throwIfAny();
        return new ComputedPage(List.of(html), inline, results, files, chartCount, queries, 0);
    }

    private static String table(Directive d, String file, Map<String, QueryResult> results, java.util.Set<String> failed,
                                Locale locale) {
        TableSpec spec = TableSpec.parse(YamlNode.parse(d.body(), file, d.bodyLine()));
        return usesFailed(spec.data(), failed) ? "" : TableHtml.render(spec, spec.resultIn(results), locale);
    }

    private static boolean usesFailed(String result, java.util.Set<String> failed) {
        return result != null && failed.contains(result.toLowerCase(Locale.ROOT));
    }

    /**
     * Draws a chart and publishes its data as CSV beside the page, so every chart has a "Download the data" link
     * to exactly the numbers it shows.
     */
    private RenderedChart chart(Directive d, String file, String id, Map<String, QueryResult> results,
                                java.util.Set<String> failed, Locale locale, ParsedPage page, Map<String, byte[]> files) {
        ChartSpec spec = ChartSpec.parse(YamlNode.parse(d.body(), file, d.bodyLine()));
        if (usesFailed(spec.data(), failed)) return null;
        QueryResult result = spec.check(results);
        String csv = DOWNLOADS + result.name() + ".csv";
        files.putIfAbsent(page.source().sitePath() + csv, CsvExport.toBytes(result));
        return charts.render(spec, result, id, locale, csv);
    }

    /** The SQL of a {@code sql NAME show} block, for readers who want to check the method. */
    private static String shownQuery(String name, String sql) {
        return "<details class=\"query\"><summary>Show the SQL for <code>" + TableHtml.escape(name) + "</code></summary>"
                + "<pre><code class=\"language-sql\">" + TableHtml.escape(sql.strip()) + "</code></pre></details>";
    }

}
