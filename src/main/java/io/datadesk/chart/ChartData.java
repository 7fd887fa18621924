package io.datadesk.chart;

import io.datadesk.data.QueryResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The numbers a chart draws, in wide form: distinct x values in order and one y array per series aligned to them
 * (NaN where a series has no value). Long data ({@code series: col}) is split into one series per value here.
 * Scatter keeps every row as a point.
 */
record ChartData(XValues.Kind xKind, List<Object> xs, double[] xPos, List<Series> series) {

    record Series(String name, double[] x, double[] y) {}

    static ChartData of(ChartSpec spec, QueryResult r) {
        XValues.Kind kind = r.rowCount() == 0 ? XValues.Kind.CATEGORY : XValues.of(r, spec.x()).kind();
        if (spec.type().isCategory() || spec.type().isPart() || spec.type() == ChartType.HBAR) {
            // Bars and parts keep dates as categories in row order, but sort like XY when they are dates.
            if (kind == XValues.Kind.NUMBER && spec.type() != ChartType.SCATTER) kind = XValues.Kind.CATEGORY;
        }
        int xi = r.indexOf(spec.x());
        if (spec.type() == ChartType.SCATTER) return scatter(spec, r, kind, xi);

        Map<Object, Integer> index = new LinkedHashMap<>();
        for (List<Object> row : r.rows()) index.putIfAbsent(key(row.get(xi)), index.size());
        List<Object> xs = new ArrayList<>(index.keySet());
        if (kind != XValues.Kind.CATEGORY) {
            XValues.Kind k = kind;
            xs.sort(Comparator.comparingDouble(v -> XValues.position(v, k)));
            for (int i = 0; i < xs.size(); i++) index.put(xs.get(i), i);
        }
        double[] xPos = new double[xs.size()];
        for (int i = 0; i < xs.size(); i++) xPos[i] = kind == XValues.Kind.CATEGORY ? i : XValues.position(xs.get(i), kind);

        Map<String, double[]> series = new LinkedHashMap<>();
        if (spec.series() != null) {
            int si = r.indexOf(spec.series()), yi = r.indexOf(spec.y().get(0));
            for (List<Object> row : r.rows()) {
                String name = String.valueOf(row.get(si));
                double[] ys = series.computeIfAbsent(name, k -> nan(xs.size()));
                ys[index.get(key(row.get(xi)))] = num(row.get(yi));
            }
        } else {
            for (String col : spec.y()) {
                int yi = r.indexOf(col);
                double[] ys = nan(xs.size());
                for (List<Object> row : r.rows()) ys[index.get(key(row.get(xi)))] = num(row.get(yi));
                series.put(r.columns().get(yi).name(), ys);
            }
        }
        List<Series> out = new ArrayList<>();
        series.forEach((n, ys) -> out.add(new Series(n, xPos, ys)));
        return new ChartData(kind, xs, xPos, out);
    }

    private static ChartData scatter(ChartSpec spec, QueryResult r, XValues.Kind kind, int xi) {
        Map<String, List<double[]>> points = new LinkedHashMap<>();
        int si = spec.series() == null ? -1 : r.indexOf(spec.series());
        for (String col : spec.y()) {
            int yi = r.indexOf(col);
            for (List<Object> row : r.rows()) {
                String name = si >= 0 ? String.valueOf(row.get(si)) : r.columns().get(yi).name();
                double x = kind == XValues.Kind.CATEGORY ? Double.NaN : XValues.position(row.get(xi), kind);
                double y = num(row.get(yi));
                if (!Double.isNaN(x) && !Double.isNaN(y)) points.computeIfAbsent(name, k -> new ArrayList<>()).add(new double[] {x, y});
            }
        }
        List<Series> out = new ArrayList<>();
        points.forEach((n, ps) -> out.add(new Series(n, ps.stream().mapToDouble(p -> p[0]).toArray(), ps.stream().mapToDouble(p -> p[1]).toArray())));
        return new ChartData(kind, List.of(), new double[0], out);
    }

    boolean isEmpty() {
        return series.isEmpty() || series.stream().allMatch(s -> java.util.Arrays.stream(s.y).allMatch(Double::isNaN));
    }

    double minY() {
        return series.stream().flatMapToDouble(s -> java.util.Arrays.stream(s.y)).filter(d -> !Double.isNaN(d)).min().orElse(0);
    }

    double maxY() {
        return series.stream().flatMapToDouble(s -> java.util.Arrays.stream(s.y)).filter(d -> !Double.isNaN(d)).max().orElse(1);
    }

    /** Per-x totals over series (for stacked charts' axis range). */
    double[] stackTotals() {
        double[] t = new double[xs.size()];
        for (Series s : series) for (int i = 0; i < t.length; i++) if (!Double.isNaN(s.y[i])) t[i] += s.y[i];
        return t;
    }

    private static Object key(Object v) {
        return v == null ? "" : v;
    }

    private static double num(Object v) {
        return v instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    private static double[] nan(int n) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, Double.NaN);
        return a;
    }
}
