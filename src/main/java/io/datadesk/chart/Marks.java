package io.datadesk.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.jfree.svg.SVGGraphics2D;
import org.knowm.xchart.internal.chartpart.AxesChart;

/**
 * What we draw over XChart's marks so that a chart says no more than its data: no-data marks where a bar's value is
 * missing, dashed segments and hatching for estimates, lighter bars for partial periods, dots for points that gaps
 * leave alone, bubbles, labels at the ends of lines, and the hit areas that carry each mark's tooltip.
 *
 * <p>XChart has none of these (it draws a missing bar as a zero-height bar, and a lone point between gaps not at
 * all), so they are drawn here in the chart's own coordinates, after XChart has laid out the plot.
 */
final class Marks {

    /** A mark's tooltip: a rectangle or circle (w = h = diameter, round) with the text of its {@code <title>}. */
    record Hit(double x, double y, double w, double h, boolean round, String text) {}

    static final float[] DASH = {5f, 4f};

    private final SVGGraphics2D g;
    private final AxesChart<?, ?> c;
    private final int offset;
    private final List<Hit> hits = new ArrayList<>();

    private io.datadesk.i18n.Messages msg = io.datadesk.i18n.Messages.english();

    /** The words of the tooltips ("no data", "estimate") in the page's language. */
    Marks in(io.datadesk.i18n.Messages msg) {
        this.msg = msg;
        return this;
    }

    private String flag(String key) {
        return msg.get("chart.in_parentheses", msg.get(key));
    }

    Marks(SVGGraphics2D g, AxesChart<?, ?> c, int offset) {
        this.g = g;
        this.c = c;
        this.offset = offset;
    }

    List<Hit> hits() {
        return hits;
    }

    private double sx(double x) {
        return c.getScreenXFromChart(x);
    }

    private double sy(double y) {
        return offset + c.getScreenYFromChart(y);
    }

    /**
     * Bars: a dashed outline at the baseline where a value is missing, hatching over estimates, a lighter fill over
     * partial periods, and a tooltip per bar.
     */
    void bars(ChartData data, boolean stacked, double fill, double yMin, Color[] colors, Function<Integer, String> xText,
              Function<Double, String> yText) {
        int n = data.xs().size(), ns = data.series().size();
        if (n == 0) return;
        double slot = sx(1) - sx(0);
        double barWidth = stacked ? slot * fill : slot * fill / ns;
        double base = yMin > 0 ? yMin : 0;
        double[] pos = new double[n], neg = new double[n];
        for (int si = 0; si < ns; si++) {
            ChartData.Series s = data.series().get(si);
            Color col = colors[si % colors.length];
            for (int i = 0; i < n; i++) {
                double left = sx(i) + slot * (1 - fill) / 2 + (stacked ? 0 : si * barWidth);
                String label = xText.apply(i) + (ns > 1 ? msg.get("chart.describe.comma") + s.name() : "");
                if (s.missing(i)) {
                    if (stacked) continue; // a stack shows the parts it has; the data table and description name the gap
                    g.setPaint(ChartRenderer.MUTED);
                    g.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {2f, 2f}, 0f));
                    double h = 7, inset = Math.min(2, barWidth / 6), y0 = sy(base);
                    g.draw(rect(left + inset, y0 - h, Math.max(2, barWidth - 2 * inset), h));
                    hits.add(new Hit(left, y0 - 24, barWidth, 24, false, msg.get("chart.label_value", label, msg.get("table.no_data"))));
                    continue;
                }
                double v = s.y()[i];
                double from = stacked ? (v >= 0 ? pos[i] : neg[i]) : base;
                double to = from + (stacked ? v : v - base);
                if (stacked) {
                    if (v >= 0) pos[i] = to;
                    else neg[i] = to;
                }
                double top = Math.min(sy(from), sy(to)), bottom = Math.max(sy(from), sy(to));
                if (s.estimated()[i]) hatch(left, top, barWidth, bottom - top);
                if (s.partial()[i]) lighter(left, top, barWidth, bottom - top, col);
                String flag = s.estimated()[i] ? flag("chart.flag_estimate") : s.partial()[i] ? flag("chart.flag_partial") : "";
                hits.add(new Hit(left, top, barWidth, Math.max(bottom - top, 4), false, msg.get("chart.label_value", label, yText.apply(v) + flag)));
            }
        }
    }

    /**
     * Lines and areas: XChart already breaks a line at NaN. Here: dashed segments (and a light fill, for areas)
     * where either end is an estimate or partial, a dot for a point with no neighbour to join, and a tooltip band
     * per x value.
     */
    void lines(ChartData data, boolean area, double yMin, double yMax, Color[] colors, Function<Integer, String> xText,
               Function<Double, String> yText) {
        double base = yMin > 0 ? yMin : 0;
        List<ChartData.Series> ss = data.series();
        for (int si = 0; si < ss.size(); si++) {
            ChartData.Series s = ss.get(si);
            Color col = colors[si % colors.length];
            double[] x = s.x(), y = s.y();
            for (int i = 0; i < y.length; i++) {
                if (Double.isNaN(y[i])) continue;
                boolean prev = i > 0 && !Double.isNaN(y[i - 1]), next = i + 1 < y.length && !Double.isNaN(y[i + 1]);
                if (prev && (s.flagged(i) || s.flagged(i - 1))) {
                    if (area) {
                        Path2D p = new Path2D.Double();
                        p.moveTo(sx(x[i - 1]), sy(base));
                        p.lineTo(sx(x[i - 1]), sy(y[i - 1]));
                        p.lineTo(sx(x[i]), sy(y[i]));
                        p.lineTo(sx(x[i]), sy(base));
                        p.closePath();
                        g.setPaint(new Color(col.getRed(), col.getGreen(), col.getBlue(), 32));
                        g.fill(p);
                    }
                    g.setPaint(col);
                    g.setStroke(new BasicStroke(2.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, DASH, 0f));
                    g.draw(new Line2D.Double(sx(x[i - 1]), sy(y[i - 1]), sx(x[i]), sy(y[i])));
                }
                boolean solidPrev = prev && !s.flagged(i) && !s.flagged(i - 1), solidNext = next && !s.flagged(i) && !s.flagged(i + 1);
                if (!prev && !next) {
                    // Alone between gaps: without a dot it would not be drawn at all. Estimates are hollow.
                    g.setPaint(col);
                    if (s.flagged(i)) {
                        g.setStroke(new BasicStroke(1.5f));
                        g.draw(new Ellipse2D.Double(sx(x[i]) - 3, sy(y[i]) - 3, 6, 6));
                    } else {
                        g.fill(new Ellipse2D.Double(sx(x[i]) - 3, sy(y[i]) - 3, 6, 6));
                    }
                } else if (!solidPrev && !solidNext && !s.flagged(i) && !area) {
                    g.setPaint(col); // a real value whose both segments are dashed keeps a solid dot
                    g.fill(new Ellipse2D.Double(sx(x[i]) - 2.5, sy(y[i]) - 2.5, 5, 5));
                }
            }
        }
        // One tooltip band per x value, naming every series there; a dense line gets tooltips at its notable points
        // only (see notable), since a band per month would weigh more than the drawing, and the data table under the
        // chart is the full record.
        int n = data.xs().size();
        if (n == 0) return;
        if (n > DENSE) {
            notable(data, xText, yText);
            return;
        }
        double y0 = sy(yMax), y1 = sy(yMin);
        for (int i = 0; i < n; i++) {
            double cx = sx(data.xPos()[i]);
            double left = i == 0 ? cx - 4 : (sx(data.xPos()[i - 1]) + cx) / 2;
            double right = i == n - 1 ? cx + 4 : (sx(data.xPos()[i + 1]) + cx) / 2;
            StringBuilder t = new StringBuilder(xText.apply(i)).append(':');
            for (int si = 0; si < ss.size(); si++) {
                ChartData.Series s = ss.get(si);
                t.append(si == 0 ? " " : "; ").append(ss.size() > 1 ? s.name() + " " : "")
                        .append(s.missing(i) ? msg.get("table.no_data") : yText.apply(s.y()[i]))
                        .append(s.missing(i) ? "" : s.estimated()[i] ? flag("chart.flag_estimate") : s.partial()[i] ? flag("chart.flag_partial") : "");
            }
            hits.add(new Hit(left, y0, right - left, y1 - y0, false, t.toString()));
        }
    }

    /** More x values than this make a line dense: its tooltips mark notable points instead of every value. */
    static final int DENSE = 48;

    /**
     * Tooltips at each series' first, highest, lowest and latest values, the points a reader looks for and the
     * description names, as small circles on the line.
     */
    private void notable(ChartData data, Function<Integer, String> xText, Function<Double, String> yText) {
        List<ChartData.Series> ss = data.series();
        for (ChartData.Series s : ss) {
            double[] y = s.y();
            int first = -1, hi = -1, lo = -1, last = -1;
            for (int i = 0; i < y.length; i++) {
                if (Double.isNaN(y[i])) continue;
                if (first < 0) first = i;
                if (hi < 0 || y[i] > y[hi]) hi = i;
                if (lo < 0 || y[i] < y[lo]) lo = i;
                last = i;
            }
            if (first < 0) continue;
            java.util.Set<Integer> done = new java.util.LinkedHashSet<>(List.of(first, hi, lo, last));
            for (int i : done) {
                String t = (ss.size() > 1 ? s.name() + ", " : "") + xText.apply(i) + ": " + yText.apply(y[i])
                        + (s.estimated()[i] ? flag("chart.flag_estimate") : s.partial()[i] ? flag("chart.flag_partial") : "");
                hits.add(new Hit(sx(s.x()[i]) - 6, sy(y[i]) - 6, 12, 12, true, t));
            }
        }
    }

    /** Scatter: a tooltip per point; with {@code size:}, the points are bubbles whose area is proportional to it. */
    void points(ChartData data, Color[] colors, boolean bubbles, double plotWidth, Function<Double, String> xText,
                Function<Double, String> yText, Function<Double, String> sizeText) {
        double maxSize = 0;
        for (ChartData.Series s : data.series()) for (double z : s.size()) if (!Double.isNaN(z)) maxSize = Math.max(maxSize, Math.abs(z));
        double maxR = Math.max(8, plotWidth / 22);
        List<double[]> order = new ArrayList<>();
        for (int si = 0; si < data.series().size(); si++)
            for (int i = 0; i < data.series().get(si).y().length; i++) order.add(new double[] {si, i, data.series().get(si).size()[i]});
        // Big bubbles first, so small ones stay on top and visible.
        if (bubbles) order.sort(Comparator.comparingDouble((double[] o) -> -Math.abs(o[2])));
        for (double[] o : order) {
            ChartData.Series s = data.series().get((int) o[0]);
            int i = (int) o[1];
            Color col = colors[(int) o[0] % colors.length];
            double cx = sx(s.x()[i]), cy = sy(s.y()[i]);
            double r = bubbles ? Math.max(2, maxR * Math.sqrt(Math.abs(s.size()[i]) / (maxSize == 0 ? 1 : maxSize))) : 3.5;
            if (bubbles) {
                g.setPaint(new Color(col.getRed(), col.getGreen(), col.getBlue(), 150));
                g.fill(new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r));
                g.setPaint(col);
                g.setStroke(new BasicStroke(1f));
                g.draw(new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r));
            }
            String comma = msg.get("chart.describe.comma");
            String point = xText.apply(s.x()[i]) + comma + yText.apply(s.y()[i])
                    + (bubbles ? comma + msg.get("chart.size") + " " + sizeText.apply(s.size()[i]) : "") + (s.estimated()[i] ? flag("chart.flag_estimate") : "");
            String t = data.series().size() > 1 ? msg.get("chart.label_value", s.name(), point) : point;
            double hr = Math.max(r, 5);
            hits.add(new Hit(cx - hr, cy - hr, 2 * hr, 2 * hr, true, t));
        }
    }

    /**
     * The name of each line at its last value, in the line's colour, instead of a legend. Labels that would overlap
     * are pushed apart vertically.
     */
    void endLabels(ChartData data, Color[] colors, Font font, double x) {
        List<double[]> at = new ArrayList<>(); // series index, y
        for (int si = 0; si < data.series().size(); si++) {
            double[] y = data.series().get(si).y();
            for (int i = y.length - 1; i >= 0; i--)
                if (!Double.isNaN(y[i])) {
                    at.add(new double[] {si, sy(y[i])});
                    break;
                }
        }
        at.sort(Comparator.comparingDouble(a -> a[1]));
        double line = font.getSize2D() * 1.2;
        for (int k = 1; k < at.size(); k++) at.get(k)[1] = Math.max(at.get(k)[1], at.get(k - 1)[1] + line);
        g.setFont(font);
        for (double[] a : at) {
            g.setPaint(colors[(int) a[0] % colors.length]);
            String name = data.series().get((int) a[0]).name();
            g.drawString(name, (float) x, (float) (a[1] + font.getSize2D() * 0.35));
        }
    }

    /** Estimates: stripes of the page colour across the bar, so it reads lighter and hatched in both schemes. */
    private void hatch(double x, double y, double w, double h) {
        g.setPaint(ChartRenderer.BACKGROUND);
        g.setStroke(new BasicStroke(1.6f));
        Path2D p = new Path2D.Double();
        for (double k = -h; k < w; k += 5) {
            double t0 = Math.max(0, -k), t1 = Math.min(h, w - k);
            if (t1 <= t0) continue;
            p.moveTo(x + k + t0, y + h - t0);
            p.lineTo(x + k + t1, y + h - t1);
        }
        g.draw(p);
    }

    /** Partial periods: the bar washed out towards the page colour, outlined in its own. */
    private void lighter(double x, double y, double w, double h, Color col) {
        Color bg = ChartRenderer.BACKGROUND;
        g.setPaint(new Color(bg.getRed(), bg.getGreen(), bg.getBlue(), 140));
        g.fill(rect(x, y, w, h));
        g.setPaint(col);
        g.setStroke(new BasicStroke(1.5f));
        g.draw(rect(x + 0.75, y + 0.75, Math.max(0, w - 1.5), Math.max(0, h - 1.5)));
    }

    /** A rectangle as a path: JFreeSVG writes {@code <rect>}s in the background colour that SvgPost removes. */
    private static Path2D rect(double x, double y, double w, double h) {
        Path2D p = new Path2D.Double();
        p.moveTo(x, y);
        p.lineTo(x + w, y);
        p.lineTo(x + w, y + h);
        p.lineTo(x, y + h);
        p.closePath();
        return p;
    }
}
