package io.datadesk.write;

import io.datadesk.chart.ChartRenderer;
import io.datadesk.chart.ChartSpec;
import io.datadesk.chart.RenderedChart;
import io.datadesk.data.Column;
import io.datadesk.data.ColumnType;
import io.datadesk.data.QueryResult;
import io.datadesk.yaml.YamlNode;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark (not a test): draws social cards as a build draws them when they are not in the card cache, and prints
 * milliseconds per card, wall and CPU, for a card with a chart (the page's first chart) and one without. Target: at
 * most 10 ms a card. Run it with {@code bench/cards.sh [cards]}.
 */
public final class SocialCardBenchmark {

    public static void main(String[] args) {
        int cards = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        System.out.printf(Locale.ROOT, "cores %d, load average %.1f%n", Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        String chart = chartSvg();
        // Warm-up: the first card starts AWT, loads the fonts and compiles the drawing code; a build pays that once.
        long w0 = System.nanoTime();
        SocialCard.png("Warm-up", "First card of the process", "Site", "example.org", chart);
        System.out.printf(Locale.ROOT, "first card (AWT, fonts, PNG writer start): %d ms (not counted)%n", (System.nanoTime() - w0) / 1_000_000);
        for (int i = 0; i < cards; i++) SocialCard.png("Warm-up " + i, "Summary " + i, "Site", "example.org", i % 2 == 0 ? chart : null);
        for (boolean withChart : new boolean[] {true, false}) {
            long t0 = System.nanoTime(), c0 = cpu();
            long bytes = 0;
            for (int i = 0; i < cards; i++)
                bytes += SocialCard.png("What is the real impact of AI on job cuts? Part " + i,
                        "Layoffs attributed to AI are a small share of all job cuts, measured " + i + " ways.", "Bench site",
                        "example.org/reports", withChart ? chart : null).length;
            long t1 = System.nanoTime(), c1 = cpu();
            System.out.printf(Locale.ROOT, "%-13s %d cards: %.1f ms a card (wall), %.1f ms CPU a card; %.0f KB a card (target: at most 10 ms)%n",
                    withChart ? "with chart" : "without chart", cards, (t1 - t0) / 1e6 / cards, (c1 - c0) / 1e6 / cards, bytes / 1024.0 / cards);
        }
    }

    /** A line chart of 60 monthly points, drawn by the chart stage as a page's first chart. */
    private static String chartSvg() {
        List<List<Object>> rows = new ArrayList<>();
        for (int m = 0; m < 60; m++) rows.add(List.of(java.time.LocalDate.of(2020 + m / 12, m % 12 + 1, 1), (long) (1000 + 37 * m % 900)));
        QueryResult result = new QueryResult("monthly", List.of(new Column("month", ColumnType.DATE), new Column("value", ColumnType.INTEGER)), rows);
        ChartSpec spec = ChartSpec.parse(YamlNode.parse("type: line\ndata: monthly\nx: month\ny: value\ntitle: Layoffs per month\n", "bench.md", 1));
        RenderedChart chart = new ChartRenderer().render(spec, result, "chart-1", Locale.ENGLISH, null);
        return chart.svg();
    }

    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
