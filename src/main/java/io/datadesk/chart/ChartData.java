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

    /**
     * One series. {@code estimated}/{@code partial} flag values (aligned to {@code y}) as the chart block's boolean
     * columns say; {@code size} is a scatter bubble's size value (NaN without {@code size:}).
     */
    record Series(String name, double[] x, double[] y, boolean[] estimated, boolean[] partial, double[] size) {
        Series(String name, double[] x, double[] y) {
            this(name, x, y, new boolean[y.length], new boolean[y.length], nan(y.length));
        }

        boolean flagged(int i) {
            return estimated[i] || partial[i];
        }

        boolean anyEstimated() {
            for (boolean b : estimated) if (b) return true;
            return false;
        }

        boolean anyPartial() {
            for (boolean b : partial) if (b) return true;
            return false;
        }

        /** Whether a value is missing at an x where the chart has a category or date (NULL, or no row). */
        boolean missing(int i) {
            return Double.isNaN(y[i]);
        }
    }

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

        Map<String, Series> series = new LinkedHashMap<>();
        int ei = spec.estimated() == null ? -1 : r.indexOf(spec.estimated());
        int pi = spec.partial() == null ? -1 : r.indexOf(spec.partial());
        if (spec.series() != null) {
            int si = r.indexOf(spec.series()), yi = r.indexOf(spec.y().get(0));
            for (List<Object> row : r.rows()) {
                String name = io.datadesk.format.Typography.smarten(String.valueOf(row.get(si)));
                Series s = series.computeIfAbsent(name, k -> new Series(k, xPos, nan(xs.size())));
                put(s, index.get(key(row.get(xi))), row, yi, ei, pi);
            }
        } else {
            for (String col : spec.y()) {
                int yi = r.indexOf(col);
                String name = spec.y().size() == 1 && spec.yLabel() != null ? spec.yLabel() : humanize(r.columns().get(yi).name());
                Series s = new Series(name, xPos, nan(xs.size()));
                for (List<Object> row : r.rows()) put(s, index.get(key(row.get(xi))), row, yi, ei, pi);
                series.put(s.name(), s);
            }
        }
        return new ChartData(kind, xs, xPos, List.copyOf(series.values()));
    }

    private static void put(Series s, int i, List<Object> row, int yi, int ei, int pi) {
        s.y()[i] = num(row.get(yi));
        if (ei >= 0) s.estimated()[i] = truthy(row.get(ei));
        if (pi >= 0) s.partial()[i] = truthy(row.get(pi));
    }

    /**
     * A column name as readers see it when the author gave no label: "laid_off" becomes "Laid off". Names that
     * already have capitals or spaces are the author's choice and stay as they are.
     */
    static String humanize(String column) {
        if (column == null || column.isEmpty() || !column.equals(column.toLowerCase(java.util.Locale.ROOT)) || column.contains(" "))
            return column;
        String t = column.replace('_', ' ').strip();
        return t.isEmpty() ? column : Character.toUpperCase(t.charAt(0)) + t.substring(1);
    }

    /** A label in the middle of a sentence: "Job cuts" becomes "job cuts", but "AI share" stays. */
    static String inSentence(String label) {
        if (label.length() > 1 && Character.isUpperCase(label.charAt(0)) && Character.isLowerCase(label.charAt(1)))
            return Character.toLowerCase(label.charAt(0)) + label.substring(1);
        return label;
    }

    /** A flag column's cell: true, a non-zero number, or the text true/yes/1 (CSV flags often arrive as text). */
    static boolean truthy(Object v) {
        if (v instanceof Boolean b) return b;
        if (v instanceof Number n) return n.doubleValue() != 0;
        if (v == null) return false;
        String t = v.toString().trim().toLowerCase(java.util.Locale.ROOT);
        return t.equals("true") || t.equals("yes") || t.equals("1") || t.equals("y");
    }

    private static ChartData scatter(ChartSpec spec, QueryResult r, XValues.Kind kind, int xi) {
        Map<String, List<double[]>> points = new LinkedHashMap<>();
        int si = spec.series() == null ? -1 : r.indexOf(spec.series());
        int zi = spec.size() == null ? -1 : r.indexOf(spec.size());
        int ei = spec.estimated() == null ? -1 : r.indexOf(spec.estimated());
        for (String col : spec.y()) {
            int yi = r.indexOf(col);
            for (List<Object> row : r.rows()) {
                String name = si >= 0 ? io.datadesk.format.Typography.smarten(String.valueOf(row.get(si)))
                        : spec.y().size() == 1 && spec.yLabel() != null ? spec.yLabel() : humanize(r.columns().get(yi).name());
                double x = kind == XValues.Kind.CATEGORY ? Double.NaN : XValues.position(row.get(xi), kind);
                double y = num(row.get(yi));
                double z = zi < 0 ? Double.NaN : num(row.get(zi));
                if (!Double.isNaN(x) && !Double.isNaN(y) && (zi < 0 || !Double.isNaN(z)))
                    points.computeIfAbsent(name, k -> new ArrayList<>()).add(new double[] {x, y, z, ei >= 0 && truthy(row.get(ei)) ? 1 : 0});
            }
        }
        List<Series> out = new ArrayList<>();
        points.forEach((n, ps) -> {
            boolean[] est = new boolean[ps.size()];
            for (int i = 0; i < est.length; i++) est[i] = ps.get(i)[3] == 1;
            out.add(new Series(n, ps.stream().mapToDouble(p -> p[0]).toArray(), ps.stream().mapToDouble(p -> p[1]).toArray(),
                    est, new boolean[ps.size()], ps.stream().mapToDouble(p -> p[2]).toArray()));
        });
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

    /** Whether any value of any series is missing (NULL or no row) at an x the chart shows. */
    boolean anyMissing() {
        for (Series s : series) for (int i = 0; i < s.y().length; i++) if (s.missing(i)) return true;
        return false;
    }

    boolean anyEstimated() {
        return series.stream().anyMatch(Series::anyEstimated);
    }

    boolean anyPartial() {
        return series.stream().anyMatch(Series::anyPartial);
    }

    static double[] nan(int n) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, Double.NaN);
        return a;
    }
}
