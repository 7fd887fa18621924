package io.datadesk.chart;

import io.datadesk.data.Column;
import io.datadesk.data.ColumnType;
import io.datadesk.data.QueryResult;
import io.datadesk.yaml.YamlNode;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Real-looking query results and one chart block per type, from the flagship report's data.
 * Used by the tests, the screenshot page ({@link #main}) and the benchmark.
 */
final class Samples {

    /** The flagship report's copies of the shared data, committed with the repository (so CI has them too). */
    static final Path DATA = Path.of("content", "ai-job-cuts", "data");

    static QueryResult monthly() {
        // layoffs.fyi: people laid off per month
        Map<LocalDate, Double> byMonth = new TreeMap<>();
        for (CSVRecord r : csv("layoffs_fyi.csv")) {
            String n = r.get("total_laid_off");
            if (n.isBlank()) continue;
            LocalDate d = LocalDate.parse(r.get("date"), DateTimeFormatter.ofPattern("M/d/yyyy")).withDayOfMonth(1);
            byMonth.merge(d, Double.parseDouble(n), Double::sum);
        }
        List<List<Object>> rows = new ArrayList<>();
        byMonth.forEach((d, v) -> rows.add(List.of(d, Math.round(v))));
        return new QueryResult("monthly", List.of(new Column("month", ColumnType.DATE), new Column("laid_off", ColumnType.INTEGER)), rows);
    }

    static QueryResult byIndustryYear() {
        Map<String, Map<Integer, Double>> m = new TreeMap<>();
        Map<String, Double> totals = new TreeMap<>();
        for (CSVRecord r : csv("layoffs_fyi.csv")) {
            String n = r.get("total_laid_off");
            if (n.isBlank()) continue;
            int year = LocalDate.parse(r.get("date"), DateTimeFormatter.ofPattern("M/d/yyyy")).getYear();
            if (year < 2020 || year > 2025) continue;
            m.computeIfAbsent(r.get("industry"), k -> new TreeMap<>()).merge(year, Double.parseDouble(n), Double::sum);
            totals.merge(r.get("industry"), Double.parseDouble(n), Double::sum);
        }
        List<String> top = totals.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(4).map(Map.Entry::getKey).toList();
        List<List<Object>> rows = new ArrayList<>();
        for (int year = 2020; year <= 2025; year++)
            for (String ind : top) rows.add(List.of(String.valueOf(year), ind, Math.round(m.get(ind).getOrDefault(year, 0.0))));
        return new QueryResult("by_industry", List.of(new Column("year", ColumnType.TEXT), new Column("industry", ColumnType.TEXT),
                new Column("laid_off", ColumnType.INTEGER)), rows);
    }

    static QueryResult largest() {
        List<CSVRecord> rs = new ArrayList<>();
        for (CSVRecord r : csv("layoffs_fyi.csv")) if (!r.get("total_laid_off").isBlank()) rs.add(r);
        rs.sort(Comparator.comparingDouble((CSVRecord r) -> Double.parseDouble(r.get("total_laid_off"))).reversed());
        List<List<Object>> rows = new ArrayList<>();
        for (CSVRecord r : rs.subList(0, 10))
            rows.add(List.of(r.get("company") + " (" + r.get("date").substring(r.get("date").lastIndexOf('/') + 1) + ")", Math.round(Double.parseDouble(r.get("total_laid_off")))));
        return new QueryResult("largest", List.of(new Column("company", ColumnType.TEXT), new Column("laid_off", ColumnType.INTEGER)), rows);
    }

    static QueryResult industryShare() {
        Map<String, Double> totals = new TreeMap<>();
        for (CSVRecord r : csv("layoffs_fyi.csv")) if (!r.get("total_laid_off").isBlank()) totals.merge(r.get("industry"), Double.parseDouble(r.get("total_laid_off")), Double::sum);
        List<Map.Entry<String, Double>> es = totals.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).toList();
        List<List<Object>> rows = new ArrayList<>();
        double other = 0;
        for (int i = 0; i < es.size(); i++) {
            if (i < 5) rows.add(List.of(es.get(i).getKey(), Math.round(es.get(i).getValue())));
            else other += es.get(i).getValue();
        }
        rows.add(List.of("Other", Math.round(other)));
        return new QueryResult("shares", List.of(new Column("industry", ColumnType.TEXT), new Column("laid_off", ColumnType.INTEGER)), rows);
    }

    static QueryResult unemployment() {
        List<List<Object>> rows = new ArrayList<>();
        for (CSVRecord r : csv("bls_monthly.csv")) { // UNRATE from FRED, one row per month since 2015
            LocalDate d = LocalDate.parse(r.get("month") + "-01");
            if (d.getYear() >= 2015 && !r.get("unrate").isBlank()) rows.add(List.of(d, Double.parseDouble(r.get("unrate")) / 100));
        }
        return new QueryResult("unrate", List.of(new Column("month", ColumnType.DATE), new Column("rate", ColumnType.DECIMAL)), rows);
    }

    /** n points of a deterministic wiggly series, for the benchmark. */
    static QueryResult synthetic(int n) {
        List<List<Object>> rows = new ArrayList<>();
        LocalDate d = LocalDate.of(2000, 1, 1);
        for (int i = 0; i < n; i++) rows.add(List.of(d.plusDays(7L * i), 1000 + 400 * Math.sin(i / 17.0) + 3 * i, 800 + 300 * Math.cos(i / 23.0)));
        return new QueryResult("synthetic", List.of(new Column("week", ColumnType.DATE), new Column("a", ColumnType.DECIMAL),
                new Column("b", ColumnType.DECIMAL)), rows);
    }

    static Map<String, QueryResult> results() {
        return Map.of("monthly", monthly(), "by_industry", byIndustryYear(), "largest", largest(), "shares", industryShare(),
                "unrate", unemployment());
    }

    /** One block per chart type, as an author would write it. */
    static final Map<String, String> BLOCKS = new java.util.LinkedHashMap<>();

    static {
        BLOCKS.put("line", """
                type: line
                data: monthly
                x: month
                y: laid_off
                title: Tech layoffs per month
                subtitle: Employees laid off, as tracked by layoffs.fyi
                y-label: People
                y-format: compact
                source: { text: layoffs.fyi, url: https://layoffs.fyi }
                annotations:
                  - { x: 2022-11-30, label: ChatGPT released }
                """);
        BLOCKS.put("area", """
                type: area
                data: unrate
                x: month
                y: rate
                title: US unemployment rate
                y-format: percent
                source: FRED, UNRATE
                annotations:
                  - { y: 0.05, label: 5% }
                """);
        BLOCKS.put("stacked-area", """
                type: stacked-area
                data: by_industry
                x: year
                y: laid_off
                series: industry
                title: Layoffs by industry
                y-format: compact
                """);
        BLOCKS.put("bar", """
                type: bar
                data: by_industry
                x: year
                y: laid_off
                series: industry
                title: Layoffs per year, four largest industries
                y-format: compact
                note: 2025 is incomplete.
                """);
        BLOCKS.put("stacked-bar", """
                type: stacked-bar
                data: by_industry
                x: year
                y: laid_off
                series: industry
                title: Layoffs per year, stacked
                y-format: compact
                """);
        BLOCKS.put("scatter", """
                type: scatter
                data: unrate
                x: rate
                y: rate
                title: Scatter of the unemployment rate against itself
                x-format: percent:1
                y-format: percent:1
                """);
        BLOCKS.put("pie", """
                type: pie
                data: shares
                x: industry
                y: laid_off
                title: Share of layoffs by industry
                """);
        BLOCKS.put("donut", """
                type: donut
                data: shares
                x: industry
                y: laid_off
                title: Share of layoffs by industry
                y-format: compact
                """);
        BLOCKS.put("hbar", """
                type: hbar
                data: largest
                x: company
                y: laid_off
                title: The ten largest layoffs
                subtitle: Employees laid off in one announcement
                source: layoffs.fyi
                """);
    }

    static ChartSpec spec(String type) {
        return ChartSpec.parse(YamlNode.parse(BLOCKS.get(type), "report.md", 10));
    }

    private static Iterable<CSVRecord> csv(String name) {
        try {
            Reader in = Files.newBufferedReader(DATA.resolve(name));
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Writes a page with every chart type to the given directory, for looking at in a browser. */
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "target/chart-samples");
        Files.createDirectories(out);
        Map<String, QueryResult> results = results();
        ChartRenderer renderer = new ChartRenderer();
        StringBuilder page = new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>Charts</title>"
                + "<link rel=\"stylesheet\" href=\"assets/fonts.css\"><link rel=\"stylesheet\" href=\"assets/chart.css\">"
                + "<style>body{font-family:Inter,system-ui,sans-serif;max-width:720px;margin:0 auto;padding:16px;background:var(--dd-page-bg,#fff);color:var(--dd-chart-text,#222)}"
                + "@media (prefers-color-scheme: dark){body{background:#121212}} html.dd-dark body{background:#121212}</style></head><body>\n");
        int i = 0;
        for (String type : BLOCKS.keySet()) {
            ChartSpec spec = spec(type);
            QueryResult r = spec.check(results);
            RenderedChart c = renderer.render(spec, r, "chart-" + (++i), Locale.US, "data/" + spec.data() + ".csv");
            page.append(c.html());
            Files.writeString(out.resolve(type + ".svg"), c.svg());
        }
        page.append("</body></html>\n");
        Files.writeString(out.resolve("index.html"), page.toString());
        System.out.println("wrote " + out.resolve("index.html"));
    }
}
