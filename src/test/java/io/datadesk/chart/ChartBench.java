package io.datadesk.chart;

import io.datadesk.data.QueryResult;
import io.datadesk.yaml.YamlNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Benchmark (run by bench/charts.sh, not a test): renders charts of 500 points after a warm-up and prints the time
 * per chart. Each chart is a full {@link ChartRenderer#render}: both SVG drawings, post-processing and the figure.
 */
public final class ChartBench {

    public static void main(String[] args) {
        int charts = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int points = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        QueryResult data = Samples.synthetic(points);
        Map<String, QueryResult> results = Map.of("synthetic", data);
        ChartRenderer renderer = new ChartRenderer();
        List<String> blocks = List.of(
                "type: line\ndata: synthetic\nx: week\ny: a\ntitle: Line\ny-format: compact\nannotations:\n  - { x: 2005-01-01, label: Mark }\n",
                "type: area\ndata: synthetic\nx: week\ny: a\ntitle: Area\n",
                "type: scatter\ndata: synthetic\nx: a\ny: b\ntitle: Scatter\n");
        for (int round = 1; round <= 2; round++) // round 1 warms up every code path; round 2 is the figure to read
        for (String block : blocks) {
            ChartSpec spec = ChartSpec.parse(YamlNode.parse(block, "bench.md", 1));
            QueryResult r = spec.check(results);
            long bytes = 0;
            for (int i = 0; i < 100; i++) bytes = renderer.render(spec, r, "w" + i, Locale.US, null).svg().length(); // warm-up
            long t0 = System.nanoTime();
            for (int i = 0; i < charts; i++) renderer.render(spec, r, "c" + i, Locale.US, "data.csv");
            double ms = (System.nanoTime() - t0) / 1e6;
            if (round == 2) System.out.printf(Locale.ROOT, "%-8s %d charts x %d points: %.1f ms total, %.2f ms per chart (wide SVG %,d bytes)%n",
                    spec.type().key(), charts, points, ms, ms / charts, bytes);
        }
    }
}
