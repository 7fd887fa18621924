package io.datadesk.chart;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.internal.chartpart.AxesChart;
import org.knowm.xchart.internal.chartpart.AxisTickCalculator;
import org.knowm.xchart.internal.chartpart.Axis_;
import org.knowm.xchart.internal.chartpart.ChartPart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;

/**
 * Paints XChart's tick labels where, and as, XChart's {@code AxisTickLabels} would, without its text layout: the y
 * labels as text, and the x axis's placeholders (which only reserve the row our own x labels go in) as the hidden
 * positions {@link TextRecovery} records for them.
 *
 * <p>Why: XChart lays out every tick label with three {@code TextLayout}s and two {@code getOutline}s per drawing (to
 * find the widest, to place each one, to fill it), and {@link TextRecoveringGraphics} then matches each filled outline
 * back to its text: about a fifth of a chart's CPU in a build of data pages (JFR). XChart has no hook for this, and
 * {@code TextLayout} is final. What XChart needs the labels for is cheap and stays XChart's: it still formats and
 * measures them to reserve the axes' room ({@code Axis_Y.getYAxisWidthHint}, {@code Axis_X.getXAxisHeightHint}), so
 * the plot is laid out exactly as before. Only the painting is ours: when XChart starts painting an axis's tick labels
 * (it sets the styler's tick-label font, a {@link Font} instance only this class hands out, on the graphics; the y
 * axis comes before the x axis), we paint them and switch that axis's tick labels off for the rest of the paint, so
 * XChart's own loop paints none. Positions are XChart's arithmetic on the same numbers: each label's outline bounds
 * (the outlines {@link TextRecovery} already caches per process), the axis bounds and tick locations XChart computed,
 * and, for the y labels, the same {@code HashMap} order. The SVG is byte-identical (TickLabelsTest compares it with
 * XChart's own painting; ChartGoldenTest, GoldenOutputTest).
 *
 * <p>The axes are read through XChart's package-private {@code AxesChart.getYAxis()}/{@code getXAxis()} and
 * {@code Axis_.getAxisTitle()} (reflection: XChart exposes ticks and bounds only on the axis objects). What is
 * reproduced is the layout our charts use (see ChartRenderer.newsroom): one y axis, on the left, labels left-aligned,
 * no y-axis title, unrotated x labels, no TeX; {@link #install} checks the styler and otherwise leaves XChart alone.
 */
final class TickLabels {

    private static final Method Y_AXIS = method(AxesChart.class, "getYAxis");
    private static final Method X_AXIS = method(AxesChart.class, "getXAxis");
    private static final Method TITLE = method(Axis_.class, "getAxisTitle");

    private static Method method(Class<?> owner, String name) {
        try {
            Method m = owner.getDeclaredMethod(name);
            m.setAccessible(true);
            return m;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null; // another XChart version: XChart paints its own labels (see install)
        }
    }

    private final AxesChart<?, ?> chart;
    /** The styler's tick-label font: only XChart's AxisTickLabels sets it on a graphics. */
    private final Font marker;
    /** Whether the x labels are placeholders only (calendar and category axes): their painting is ours too. */
    private final boolean xPlaceholders;

    private TickLabels(AxesChart<?, ?> chart, Font marker, boolean xPlaceholders) {
        this.chart = chart;
        this.marker = marker;
        this.xPlaceholders = xPlaceholders;
    }

    /**
     * Gives the chart's styler a tick-label font of its own (equal to {@code tick}, so every measurement and the SVG
     * are unchanged) and returns the painter that recognises it, or null when XChart must paint its labels itself.
     *
     * @param xPlaceholders whether every x label is a hidden placeholder ({@link TextRecovery#registerHidden})
     */
    static TickLabels install(AxesChart<?, ?> chart, Font tick, boolean xPlaceholders) {
        AxesChartStyler s = (AxesChartStyler) chart.getStyler();
        boolean supported = Y_AXIS != null && X_AXIS != null && TITLE != null && !s.isYAxisTitleVisible()
                && s.getYAxisLabelAlignment() == AxesChartStyler.TextAlignment.Left
                && s.getYAxisGroupPosistion(0) != Styler.YAxisPosition.Right
                && s.getYAxisGroupMergeMap().isEmpty() && s.getXAxisLabelRotation() == 0;
        if (!supported) return null;
        Font marker = tick.deriveFont(tick.getSize2D()); // equal, not identical
        s.setAxisTickLabelsFont(marker);
        return new TickLabels(chart, marker, xPlaceholders);
    }

    /** Before each paint of the chart: XChart's layout measures the labels again. */
    void reset() {
        AxesChartStyler s = (AxesChartStyler) chart.getStyler();
        s.setYAxisTicksVisible(true);
        if (xPlaceholders) s.setXAxisTicksVisible(true);
    }

    /**
     * Called when a font is set on the chart's graphics. When it is the tick-label font, XChart is about to paint the
     * labels of the y axis (if they are still on) or else of the x axis: they are painted here on {@code g} (null for
     * a dry run, which paints nothing) and switched off for the rest of this paint.
     */
    void fontSet(Font f, TextRecoveringGraphics g) {
        if (f != marker) return;
        AxesChartStyler s = (AxesChartStyler) chart.getStyler();
        if (s.isYAxisTicksVisible()) {
            if (g != null) paintY(g, s, axis(Y_AXIS));
            s.setYAxisTicksVisible(false);
        } else if (xPlaceholders && s.isXAxisTicksVisible()) {
            if (g != null) placeX(g, s, axis(X_AXIS));
            s.setXAxisTicksVisible(false);
        }
    }

    private Axis_<?, ?> axis(Method getter) {
        try {
            return (Axis_<?, ?>) getter.invoke(chart);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("XChart's axis could not be read", e);
        }
    }

    /** AxisTickLabels.paint's y branch (left axis, left-aligned, plain text), with cached outline bounds. */
    private void paintY(TextRecoveringGraphics g, AxesChartStyler s, Axis_<?, ?> yAxis) {
        g.setColor(s.getYAxisGroupTickLabelsColorMap(yAxis.getYIndex()));
        // The y-axis title is off, so its bounds start at the axis's x and are 0 wide.
        Rectangle2D axis = yAxis.getBounds();
        double xOffset = axis.getX();
        double yOffset = axis.getY();
        double height = axis.getHeight();
        AxisTickCalculator ticks = yAxis.getAxisTickCalculator();
        List<String> labels = ticks.getTickLabels();
        List<Double> locations = ticks.getTickLocations();
        FontRenderContext frc = g.getFontRenderContext();
        // XChart draws the labels in the order of a HashMap keyed by tick location: kept, for the same SVG.
        Map<Double, String> strings = new HashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            String label = labels.get(i);
            double location = locations.get(i);
            double flipped = yOffset + height - location;
            if (label != null && !label.isEmpty() && flipped > yOffset && flipped < yOffset + height) strings.put(location, label);
        }
        for (Map.Entry<Double, String> tick : strings.entrySet()) {
            String label = tick.getValue();
            double flipped = yOffset + height - tick.getKey();
            Rectangle2D bounds = TextRecovery.outlineBounds(label, marker, frc);
            AffineTransform at = new AffineTransform();
            at.translate(xOffset, flipped + bounds.getHeight() / 2.0);
            AffineTransform orig = g.getTransform();
            g.transform(at);
            g.drawRecovered(label, marker);
            g.setTransform(orig);
        }
    }

    /**
     * AxisTickLabels.paint's x branch (unrotated) for placeholders: nothing is painted, only the place of each is
     * recorded, as {@link TextRecoveringGraphics#fill} records a hidden string's (the overlay's x labels sit on it).
     */
    private void placeX(TextRecoveringGraphics g, AxesChartStyler s, Axis_<?, ?> xAxis) {
        g.setColor(s.getXAxisTickLabelsColor());
        Rectangle2D axis = xAxis.getBounds();
        double xOffset = axis.getX();
        double yOffset = title(xAxis).getBounds().getY();
        double width = axis.getWidth();
        AxisTickCalculator ticks = xAxis.getAxisTickCalculator();
        List<String> labels = ticks.getTickLabels();
        List<Double> locations = ticks.getTickLocations();
        FontRenderContext frc = g.getFontRenderContext();
        int maxTickLabelY = 0;
        for (int i = 0; i < labels.size(); i++) {
            String label = labels.get(i);
            double shifted = xOffset + locations.get(i);
            if (label != null && !label.isEmpty() && shifted > xOffset && shifted < xOffset + width)
                maxTickLabelY = Math.max(maxTickLabelY, TextRecovery.outlineBounds(label, marker, frc).getBounds().height);
        }
        for (int i = 0; i < labels.size(); i++) {
            String label = labels.get(i);
            double shifted = xOffset + locations.get(i);
            if (label == null || label.isEmpty() || shifted <= xOffset || shifted >= xOffset + width) continue;
            Rectangle2D bounds = TextRecovery.outlineBounds(label, marker, frc);
            int tickLabelY = bounds.getBounds().height;
            int yAlignmentOffset = switch (s.getXAxisLabelAlignmentVertical()) {
                case Right -> maxTickLabelY - tickLabelY;
                case Centre -> (maxTickLabelY - tickLabelY) / 2;
                default -> 0;
            };
            double xPos = switch (s.getXAxisLabelAlignment()) {
                case Left -> shifted;
                case Right -> shifted - bounds.getWidth();
                default -> shifted - bounds.getWidth() / 2.0;
            };
            double shiftX = -1 * bounds.getX() * Math.sin(Math.toRadians(0)); // XChart's, for an unrotated label
            double shiftY = -1 * (bounds.getY() + bounds.getHeight() + yAlignmentOffset);
            AffineTransform at = new AffineTransform();
            at.translate(xPos + shiftX, yOffset + shiftY);
            if (xPos > 0 && xPos + bounds.getWidth() < chart.getWidth()) {
                AffineTransform orig = g.getTransform();
                g.transform(at);
                g.placeHidden(label);
                g.setTransform(orig);
            }
        }
    }

    private static ChartPart title(Axis_<?, ?> axis) {
        try {
            return (ChartPart) TITLE.invoke(axis);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("XChart's axis title could not be read", e);
        }
    }
}
