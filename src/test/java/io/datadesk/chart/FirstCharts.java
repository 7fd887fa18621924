package io.datadesk.chart;

import io.datadesk.data.Column;
import io.datadesk.data.ColumnType;
import io.datadesk.data.QueryResult;
import io.datadesk.yaml.YamlNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * What {@link ChartRenderer#startEarly} saves a page (docs/performance.md, charts, session 7): a cold JVM that starts the
 * chart libraries early or not ({@code warm} or {@code cold}), waits {@code ms} milliseconds as a page parses and loads
 * its data, then draws a page's first two charts and prints their wall time and its thread's CPU time. Run with the
 * launcher's settings: {@code java -Djava.awt.headless=true -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp
 * target/classes:target/test-classes:DEPENDENCIES io.datadesk.chart.FirstCharts warm 1500}.
 */
public final class FirstCharts {
    public static void main(String[] args) throws Exception {
        if (args[0].equals("warm")) ChartRenderer.startEarly();
        Thread.sleep(Long.parseLong(args[1]));
        ChartRenderer renderer = new ChartRenderer();
        ChartSpec line = ChartSpec.parse(YamlNode.parse("type: line\ndata: monthly\nx: month\ny: value\ntitle: Sales per month\n", "p.md", 1));
        ChartSpec bar = ChartSpec.parse(YamlNode.parse("type: bar\ndata: by_region\nx: region\ny: value\ntitle: Sales by region\n", "p.md", 1));
        long t0 = System.nanoTime(), c0 = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        Random r = new Random(3);
        List<List<Object>> months = new ArrayList<>();
        for (int i = 0; i < 30; i++) months.add(Arrays.asList(LocalDate.of(2019, 1, 1).plusMonths(i), (double) (800 + r.nextInt(3000))));
        QueryResult monthly = new QueryResult("monthly", List.of(new Column("month", ColumnType.DATE), new Column("value", ColumnType.DECIMAL)), months);
        List<List<Object>> regions = new ArrayList<>();
        for (String name : List.of("Africa", "Americas", "Asia", "Europe", "Oceania")) regions.add(Arrays.asList(name, (double) (5000 + r.nextInt(60000))));
        QueryResult byRegion = new QueryResult("by_region", List.of(new Column("region", ColumnType.TEXT), new Column("value", ColumnType.DECIMAL)), regions);
        Map<String, QueryResult> results = Map.of("monthly", monthly, "by_region", byRegion);
        long bytes = renderer.render(line, line.check(results), "chart-1", Locale.US, "a.csv").html().length();
        bytes += renderer.render(bar, bar.check(results), "chart-2", Locale.US, "b.csv").html().length();
        System.out.printf(Locale.ROOT, "%s first two charts %.0f ms (thread CPU %.0f ms), %d bytes%n", args[0], (System.nanoTime() - t0) / 1e6,
                (java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - c0) / 1e6, bytes);
    }
}
