package io.datadesk.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.datadesk.data.Column;
import io.datadesk.data.ColumnType;
import io.datadesk.data.QueryResult;
import io.datadesk.yaml.YamlNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Input → output snapshots of one chart per type, including missing values, estimates, partial periods and negative
 * values: a change to what a chart draws shows up here, byte for byte.
 *
 * <p>After an intended change, regenerate with {@code mvn -o test -Dtest=ChartGoldenTest -Dgolden.update=true}, look
 * at the page {@code main} writes (the same charts), and commit the new files with the reason in the message.
 */
class ChartGoldenTest {

    static final Path DIR = Path.of("src/test/resources/golden/charts");

    /** Twelve months with two missing values (NULL), an estimate and a partial last month. */
    static QueryResult monthly() {
        List<List<Object>> rows = new ArrayList<>();
        double[] v = {120, 135, Double.NaN, 160, 152, 171, 180, Double.NaN, Double.NaN, 210, 198, 95};
        for (int i = 0; i < v.length; i++)
            rows.add(Arrays.asList(LocalDate.of(2024, i + 1, 1), Double.isNaN(v[i]) ? null : v[i], i == 9, i == 11, (i * 37 % 11) - 3.5));
        return new QueryResult("monthly", List.of(new Column("month", ColumnType.DATE), new Column("jobs_cut", ColumnType.DECIMAL),
                new Column("is_estimate", ColumnType.BOOLEAN), new Column("is_partial", ColumnType.BOOLEAN),
                new Column("change", ColumnType.DECIMAL)), rows);
    }

    static QueryResult regions() {
        List<List<Object>> rows = new ArrayList<>();
        String[] names = {"North America", "Europe", "Asia", "Latin America", "Africa"};
        Object[] change = {12.5, -8.25, 30.0, null, -1234.5};
        for (int i = 0; i < names.length; i++) rows.add(Arrays.asList(names[i], change[i], 0.006 + i * 0.1, 40 + i * 90, i == 2));
        return new QueryResult("regions", List.of(new Column("region", ColumnType.TEXT), new Column("change", ColumnType.DECIMAL),
                new Column("share", ColumnType.DECIMAL), new Column("people", ColumnType.INTEGER), new Column("derived", ColumnType.BOOLEAN)), rows);
    }

    static QueryResult long_() {
        List<List<Object>> rows = new ArrayList<>();
        String[] series = {"Hardware", "Software", "Retail"};
        for (int y = 2020; y <= 2025; y++)
            for (int s = 0; s < series.length; s++)
                rows.add(Arrays.asList(String.valueOf(y), series[s], y == 2022 && s == 1 ? null : (double) (10 + (y - 2020) * (s + 2) + s * 7),
                        y == 2025, Math.pow(10, (y - 2019) * 0.6 + s)));
        return new QueryResult("by_sector", List.of(new Column("year", ColumnType.TEXT), new Column("sector", ColumnType.TEXT),
                new Column("cuts", ColumnType.DECIMAL), new Column("partial_year", ColumnType.BOOLEAN), new Column("revenue", ColumnType.DECIMAL)), rows);
    }

    static Map<String, QueryResult> results() {
        return Map.of("monthly", monthly(), "regions", regions(), "by_sector", long_());
    }

    static final Map<String, String> CASES = new LinkedHashMap<>();

    static {
        CASES.put("line-gaps-estimates", """
                type: line
                data: monthly
                x: month
                y: jobs_cut
                estimated: is_estimate
                partial: is_partial
                title: Jobs cut per month
                y-label: Jobs cut
                """);
        CASES.put("area-gaps", "type: area\ndata: monthly\nx: month\ny: jobs_cut\ntitle: Jobs cut, as an area\n");
        CASES.put("stacked-area-gap", "type: stacked-area\ndata: by_sector\nx: year\ny: cuts\nseries: sector\ntitle: Cuts by sector, stacked\n");
        CASES.put("bar-missing-estimates", """
                type: bar
                data: monthly
                x: month
                y: jobs_cut
                x-format: MMM yyyy
                estimated: is_estimate
                partial: is_partial
                title: Jobs cut per month, as bars
                annotations:
                  - { x: 2024-06-01, label: Mid-year }
                """);
        CASES.put("bar-negative", "type: bar\ndata: monthly\nx: month\ny: change\ntitle: Change per month\ny-format: signed:1\n");
        CASES.put("stacked-bar-partial", """
                type: stacked-bar
                data: by_sector
                x: year
                y: cuts
                series: sector
                partial: partial_year
                title: Cuts per year by sector
                """);
        CASES.put("bar-categories", "type: bar\ndata: regions\nx: region\ny: people\ntitle: People by region\n");
        CASES.put("line-log-end-labels", """
                type: line
                data: by_sector
                x: year
                y: revenue
                series: sector
                y-scale: log
                labels: end
                title: Revenue by sector, log scale
                y-format: compact
                """);
        CASES.put("scatter-bubbles", "type: scatter\ndata: regions\nx: share\ny: people\nsize: people\ntitle: People against share\nx-format: percent:1\n");
        CASES.put("pie-small-share", "type: pie\ndata: regions\nx: region\ny: share\ntitle: Shares by region\n");
        CASES.put("donut", "type: donut\ndata: regions\nx: region\ny: people\ntitle: People by region\n");
        CASES.put("hbar-negative-missing", """
                type: hbar
                data: regions
                x: region
                y: change
                estimated: derived
                title: Change by region
                y-format: signed:1
                """);
    }

    static RenderedChart render(String name) {
        ChartSpec spec = ChartSpec.parse(YamlNode.parse(CASES.get(name), "golden.md", 1));
        return new ChartRenderer().render(spec, spec.check(results()), "g-" + name, Locale.US, "downloads/" + spec.data() + ".csv");
    }

    static List<String> cases() {
        return List.copyOf(CASES.keySet());
    }

    @ParameterizedTest
    @MethodSource("cases")
    void chartMatchesItsGolden(String name) throws IOException {
        String html = render(name).html();
        Path file = DIR.resolve(name + ".html");
        if (Boolean.getBoolean("golden.update") || !Files.exists(file)) {
            Files.createDirectories(DIR);
            Files.writeString(file, html);
        }
        assertThat(html).as("chart %s differs from %s; if intended, regenerate with -Dgolden.update=true", name, file)
                .isEqualTo(Files.readString(file));
    }

    /** Writes every golden chart into one page, for looking at them in a browser (light and dark, phone and desktop). */
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "target/golden-charts");
        Files.createDirectories(out.resolve("assets"));
        for (String css : List.of("chart.css", "site.css", "fonts.css")) Files.copy(Path.of("templates/assets", css), out.resolve("assets/" + css),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        StringBuilder page = new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>Golden charts</title>"
                + "<link rel=\"stylesheet\" href=\"assets/site.css\"><link rel=\"stylesheet\" href=\"assets/chart.css\">"
                + "<style>body{max-width:720px;margin:0 auto;padding:16px}</style></head><body>\n");
        String head = page.toString();
        for (String name : CASES.keySet()) {
            String chart = render(name).html();
            page.append("<h2>").append(name).append("</h2>\n").append(chart);
            Files.writeString(out.resolve(name + ".html"), head + chart + "</body></html>\n");
        }
        page.append("</body></html>\n");
        Files.writeString(out.resolve("index.html"), page.toString());
        System.out.println("wrote " + out.resolve("index.html"));
    }
}
