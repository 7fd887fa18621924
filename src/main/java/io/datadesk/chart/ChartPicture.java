package io.datadesk.chart;

import java.awt.Color;
import java.util.List;

/**
 * A chart drawing as the marks to paint, with every style resolved: what a page's social card shows of its first
 * chart. The chart stage makes it from the drawing it wrote ({@link #of}), so that the card paints shapes, colours and
 * labels and knows nothing of SVG, CSS classes or the page's colour variables (the light scheme's colours are taken,
 * the fallbacks of the page's CSS variables).
 *
 * <p>The nodes keep the drawing's nesting: a group's transform and clip apply to its children, in the order the
 * drawing gives, because the painted pixels depend on that order of operations. Arrays in these records are never
 * changed after they are made; their users must not change them either.
 *
 * @param viewBox the drawing's coordinates: x, y, width and height (width and height positive)
 * @param nodes what is painted, in painting order
 */
public record ChartPicture(double[] viewBox, List<Node> nodes) {

    /**
     * The picture of {@code svg}, a drawing the chart stage wrote (or an SVG figure a page's author wrote, of the same
     * simple kind); null when it has no usable {@code viewBox}, so nothing would be painted.
     */
    public static ChartPicture of(String svg) {
        return PictureReader.read(svg);
    }

    /** A painted thing: a group of nodes, a shape or a label. */
    public sealed interface Node permits Group, Mark, Label {}

    /**
     * Nodes painted under one transform and clip.
     *
     * @param transform the transform's matrix (as {@link java.awt.geom.AffineTransform#getMatrix}), or null for none
     * @param clip the clip, in the coordinates after the transform, or null for none
     */
    public record Group(double[] transform, Clip clip, List<Node> children) implements Node {}

    /**
     * A shape filled and/or stroked.
     *
     * @param fill the fill colour, or null for no fill
     * @param stroke the stroke colour, or null for none; a stroke is drawn only with a positive width
     * @param dash the stroke's dash lengths, or null for a solid line
     * @param cap the stroke's cap, a {@link java.awt.BasicStroke} constant
     * @param join the stroke's join, a {@link java.awt.BasicStroke} constant
     */
    public record Mark(Geometry geometry, double[] transform, Clip clip, Color fill, Color stroke, float strokeWidth,
                       float[] dash, int cap, int join) implements Node {}

    /**
     * A label: {@code text} with its anchor point at ({@code x}, {@code y}) on the baseline.
     *
     * @param anchor {@code start}, {@code middle} or {@code end}: which part of the text the point is
     */
    public record Label(String text, double x, double y, double[] transform, Clip clip, Color fill, float size, boolean bold,
                        String anchor) implements Node {}

    /** A clip: the union of shapes, each under its own transform (null for none). */
    public record Clip(List<Part> parts) {
        public record Part(Geometry geometry, double[] transform) {}
    }

    /**
     * A shape's geometry. The kinds stay apart (a rectangle is not a path of four lines) because Java2D fills and
     * strokes rectangles and lines by other means than paths, with other pixels at their edges.
     */
    public sealed interface Geometry permits Rect, Line, Ellipse, Path {}

    public record Rect(double x, double y, double width, double height) implements Geometry {}

    public record Line(double x1, double y1, double x2, double y2) implements Geometry {}

    public record Ellipse(double x, double y, double width, double height) implements Geometry {}

    /**
     * A path: each of {@code ops} takes its points from {@code coords} in turn ({@link #MOVE} and {@link #LINE} one
     * point, {@link #QUAD} two, {@link #CUBIC} three, {@link #CLOSE} none).
     */
    public record Path(byte[] ops, double[] coords) implements Geometry {
        public static final byte MOVE = 0, LINE = 1, QUAD = 2, CUBIC = 3, CLOSE = 4;
    }
}
