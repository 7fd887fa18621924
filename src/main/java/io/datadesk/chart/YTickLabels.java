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
import org.knowm.xchart.style.AxesChartStyler;

/**
 * Draws the y-axis tick labels of an XChart chart where, and as, XChart's {@code AxisTickLabels} would, without its
 * text layout.
 *
 * <p>Why: XChart lays out every y label with three {@code TextLayout}s and two {@code getOutline}s per drawing (to
 * find the widest label, to place each one, to fill it), and {@link TextRecoveringGraphics} then turns each filled
 * outline back into text by matching it: about a fifth of a chart's CPU in a build of data pages (JFR). XChart has no
 * hook for this, and {@code TextLayout} is final. What XChart needs the labels for is cheap and stays XChart's: it
 * still formats and measures them to reserve the axis's width ({@code Axis_Y.getYAxisWidthHint}), so the plot is laid
 * out exactly as before. Only the painting is ours: when XChart starts painting tick labels (it sets the styler's
 * tick-label font, a {@link Font} instance only this class hands out, on the graphics; it paints the y axis before
 * the x axis), we draw the y labels and switch the y tick labels off for the rest of that paint, so XChart's own loop
 * draws none. Positions are XChart's arithmetic on the same numbers: each label's outline bounds (the outlines
 * {@link TextRecovery} already caches per process), the axis bounds and tick locations XChart computed, and the same
 * {@code HashMap} order. The SVG is byte-identical (ChartGoldenTest, GoldenOutputTest).
 *
 * <p>The axis is read through XChart's package-private {@code AxesChart.getYAxis()} (reflection: XChart exposes
 * the ticks and bounds only on the axis object). Charts are single-axis, y on the left, labels left-aligned, no y-axis
 * title and no TeX labels (see ChartRenderer.newsroom); {@link #supports} checks the styler before the hook is used.
 */
final class YTickLabels {

    private static final Method Y_AXIS = yAxisMethod();

    private static Method yAxisMethod() {
        try {
            Method m = AxesChart.class.getDeclaredMethod("getYAxis");
            m.setAccessible(true);
            return m;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null; // another XChart version: XChart paints its own labels (see supports)
        }
    }

    private final AxesChart<?, ?> chart;
    /** The styler's tick-label font: only XChart's AxisTickLabels sets it on a graphics. */
    private final Font marker;

    private YTickLabels(AxesChart<?, ?> chart, Font marker) {
        this.chart = chart;
        this.marker = marker;
    }

    /**
     * Gives the chart's styler a tick-label font of its own (equal to {@code tick}, so every measurement and the SVG
     * are unchanged) and returns the painter that recognises it, or null when XChart must paint its labels itself.
     */
    static YTickLabels install(AxesChart<?, ?> chart, Font tick) {
        AxesChartStyler s = (AxesChartStyler) chart.getStyler();
        if (!supports(s)) return null;
        Font marker = tick.deriveFont(tick.getSize2D()); // equal, not identical
        s.setAxisTickLabelsFont(marker);
        return new YTickLabels(chart, marker);
    }

    /** The layouts whose label arithmetic {@link #paint} reproduces. */
    private static boolean supports(AxesChartStyler s) {
        return Y_AXIS != null && !s.isYAxisTitleVisible()
                && s.getYAxisLabelAlignment() == AxesChartStyler.TextAlignment.Left
                && s.getYAxisGroupPosistion(0) != org.knowm.xchart.style.Styler.YAxisPosition.Right
                && s.getYAxisGroupMergeMap().isEmpty();
    }

    /** Before each paint of the chart: XChart's layout measures the y labels again. */
    void reset() {
        ((AxesChartStyler) chart.getStyler()).setYAxisTicksVisible(true);
    }

    /**
     * Called when a font is set on the chart's graphics. When it is the tick-label font and the y labels are still on,
     * XChart is about to paint the y labels: they are drawn here on {@code g} (null for a dry run, which draws
     * nothing) and switched off for the rest of this paint.
     */
    void fontSet(Font f, TextRecoveringGraphics g) {
        if (f != marker) return;
        AxesChartStyler s = (AxesChartStyler) chart.getStyler();
        if (!s.isYAxisTicksVisible()) return; // the x labels' turn
        if (g != null) paint(g, s);
        s.setYAxisTicksVisible(false);
    }

    /** AxisTickLabels.paint's y branch (left axis, left-aligned, plain text), with cached outline bounds. */
    private void paint(TextRecoveringGraphics g, AxesChartStyler s) {
        Axis_<?, ?> yAxis;
        try {
            yAxis = (Axis_<?, ?>) Y_AXIS.invoke(chart);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("XChart's y axis could not be read", e);
        }
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
}
