package io.datadesk.chart;

import io.datadesk.data.Column;
import io.datadesk.data.ColumnType;
import io.datadesk.data.QueryResult;
import io.datadesk.error.ContentException;
import io.datadesk.yaml.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a chart may be asked to draw, checked before drawing: numbers XChart can place on an axis, at most a given
 * number of points, and labels short enough to measure. Each of these once hung or crashed a build: XChart's tick
 * calculation loops for ever on values near 1e19 and above and throws on infinities; a million points took over seven
 * minutes and 4 GB; a 20,000-character category label took four minutes to lay out (its text is measured again and
 * again while the axis is fitted).
 */
public final class ChartGuard {

    /** The largest magnitude a chart draws: far beyond any real quantity (a quadrillion), far below XChart's trouble. */
    public static final double MAX_MAGNITUDE = 1e15;
    /**
     * Labels (categories, series names) longer than this many characters are shortened (to half of it and '…') in the
     * drawing; the data table and the CSV download keep them whole.
     */
    public static final int MAX_LABEL_CHARS = 200;

    private ChartGuard() {}

    /** {@code v}, if a chart can draw it; otherwise a located error at {@code node}. */
    static double inRange(double v, YamlNode node, String what) {
        if (!Double.isFinite(v) || Math.abs(v) > MAX_MAGNITUDE)
            throw node.fail(what + " must be a finite number between -1e15 and 1e15, not " + v,
                    "charts draw real quantities; scale the values (e.g. in millions) if they are this large");
        return v;
    }

    /**
     * The rows a chart will draw, checked: every number it draws finite and within ±{@link #MAX_MAGNITUDE}, at most
     * {@code maxPoints} points, and text labels shortened to {@link #MAX_LABEL_CHARS} characters. Errors are located
     * at the chart block and name the query, the column, the row and the limit.
     */
    public static QueryResult prepare(ChartSpec spec, QueryResult r, int maxPoints) {
        List<String> drawn = new ArrayList<>(spec.y());
        drawn.add(spec.x());
        long points = (long) r.rowCount() * Math.max(1, spec.series() == null ? spec.y().size() : 1);
        if (points > maxPoints)
            throw spec.node().fail(String.format(Locale.ROOT, "the chart would draw %,d points from '%s'; a chart draws at most %,d "
                            + "(the limit is max_chart_points in datadesk.yaml)", points, r.name(), maxPoints),
                    "aggregate in SQL (by week, month or group) so the chart shows what a reader can see, or raise max_chart_points");
        List<Column> columns = r.columns();
        boolean longText = false;
        for (int c = 0; c < columns.size(); c++) {
            boolean numeric = columns.get(c).type() == ColumnType.INTEGER || columns.get(c).type() == ColumnType.DECIMAL;
            if (!drawn.contains(columns.get(c).name()) && !columns.get(c).name().equals(spec.series())) continue;
            for (int i = 0; i < r.rowCount(); i++) {
                Object v = r.rows().get(i).get(c);
                if (numeric && v instanceof Number n) {
                    double d = n.doubleValue();
                    if (!Double.isNaN(d) && (!Double.isFinite(d) || Math.abs(d) > MAX_MAGNITUDE))
                        throw spec.node().fail(String.format(Locale.ROOT, "column '%s' of '%s' has %s in row %,d; a chart draws finite numbers "
                                        + "between -1e15 and 1e15", columns.get(c).name(), r.name(), d, i + 1),
                                "filter or scale the value in SQL (e.g. WHERE isfinite(%s), or divide by a million)".formatted(columns.get(c).name()));
                } else if (v instanceof String s && s.length() > MAX_LABEL_CHARS) longText = true;
            }
        }
        return longText ? shortened(r) : r;
    }

    private static QueryResult shortened(QueryResult r) {
        List<List<Object>> rows = new ArrayList<>(r.rowCount());
        for (List<Object> row : r.rows()) {
            List<Object> copy = new ArrayList<>(row.size());
            for (Object v : row)
                copy.add(v instanceof String s && s.length() > MAX_LABEL_CHARS ? s.substring(0, s.offsetByCodePoints(0, MAX_LABEL_CHARS / 2)) + "…" : v);
            rows.add(copy);
        }
        return new QueryResult(r.name(), r.columns(), rows);
    }
}
