package io.datadesk.write;

import io.datadesk.chart.ChartPicture;
import io.datadesk.chart.ChartPicture.Clip;
import io.datadesk.chart.ChartPicture.Ellipse;
import io.datadesk.chart.ChartPicture.Geometry;
import io.datadesk.chart.ChartPicture.Group;
import io.datadesk.chart.ChartPicture.Label;
import io.datadesk.chart.ChartPicture.Line;
import io.datadesk.chart.ChartPicture.Mark;
import io.datadesk.chart.ChartPicture.Node;
import io.datadesk.chart.ChartPicture.Rect;
import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Paints a chart's {@link ChartPicture} (the marks the chart stage drew, with their styles resolved) onto a Java2D
 * canvas, for social cards: the card draws from the chart stage's picture and reads no SVG or CSS itself.
 *
 * <p>Written by hand because the stack has no SVG rasteriser (Batik would add megabytes for one picture per page),
 * and a chart is a few kinds of shapes and labels.
 */
final class ChartPainter {

    private final Pen pen;
    /** Each clip's area, made once: many marks share a clip (the plot area). */
    private final Map<Clip, Shape> clips = new IdentityHashMap<>();

    /**
     * How the painter measures and draws a label: the card's pen picks a font per character, so that a Chinese label
     * (or the 万 of a tick label) is drawn in a font that has its glyphs.
     */
    interface Pen {
        double width(String text, boolean bold, float size);

        void draw(Graphics2D g, String text, boolean bold, float size, double x, double y);
    }

    /** A pen that draws everything in one font family: for callers that need no per-character fallback. */
    static Pen pen(BiFunction<Boolean, Float, Font> fonts) {
        return new Pen() {
            @Override
            public double width(String text, boolean bold, float size) {
                Font f = fonts.apply(bold, size);
                return f.getStringBounds(text, new java.awt.font.FontRenderContext(null, true, true)).getWidth();
            }

            @Override
            public void draw(Graphics2D g, String text, boolean bold, float size, double x, double y) {
                g.setFont(fonts.apply(bold, size));
                g.drawString(text, (float) x, (float) y);
            }
        };
    }

    ChartPainter(Pen pen) {
        this.pen = pen;
    }

    /**
     * Paints {@code picture} scaled to fit {@code box}, centred, keeping its aspect ratio, clipped to {@code visible}: a
     * page lets a chart's outermost labels (the last year under the x axis) reach past the drawing's edge, so the card
     * leaves them room too.
     */
    void paint(ChartPicture picture, Graphics2D g, Rectangle2D box, Rectangle2D visible) {
        double[] vb = picture.viewBox();
        double scale = Math.min(box.getWidth() / vb[2], box.getHeight() / vb[3]);
        AffineTransform fit = new AffineTransform();
        fit.translate(box.getX() + (box.getWidth() - vb[2] * scale) / 2, box.getY() + (box.getHeight() - vb[3] * scale) / 2);
        fit.scale(scale, scale);
        fit.translate(-vb[0], -vb[1]);
        Graphics2D g2 = (Graphics2D) g.create();
        try {
            g2.clip(visible);
            g2.transform(fit);
            nodes(picture.nodes(), g2);
        } finally {
            g2.dispose();
        }
    }

    /**
     * Paints {@code nodes}, each on a canvas of its own under its transform and clip: the same operations, in the same
     * order, as painting the SVG's elements one by one, so the same pixels.
     */
    private void nodes(List<Node> nodes, Graphics2D g) {
        for (Node node : nodes) {
            Graphics2D local = (Graphics2D) g.create();
            try {
                if (node instanceof Group group) {
                    place(local, group.transform(), group.clip());
                    nodes(group.children(), local);
                } else if (node instanceof Mark mark) {
                    place(local, mark.transform(), mark.clip());
                    draw(mark, local);
                } else if (node instanceof Label label) {
                    place(local, label.transform(), label.clip());
                    text(label, local);
                }
            } finally {
                local.dispose();
            }
        }
    }

    private void place(Graphics2D g, double[] transform, Clip clip) {
        if (transform != null) g.transform(new AffineTransform(transform));
        if (clip != null) g.clip(clips.computeIfAbsent(clip, ChartPainter::area));
    }

    /** A clip's shapes as one area, each under its transform. */
    private static Shape area(Clip clip) {
        Path2D area = new Path2D.Double();
        for (Clip.Part part : clip.parts()) {
            AffineTransform t = part.transform() == null ? new AffineTransform() : new AffineTransform(part.transform());
            area.append(t.createTransformedShape(shape(part.geometry())), false);
        }
        return area;
    }

    private static void draw(Mark mark, Graphics2D g) {
        Shape s = shape(mark.geometry());
        if (mark.fill() != null) {
            g.setColor(mark.fill());
            g.fill(s);
        }
        if (mark.stroke() != null && mark.strokeWidth() > 0) {
            g.setColor(mark.stroke());
            g.setStroke(new BasicStroke(mark.strokeWidth(), mark.cap(), mark.join(), 10f, mark.dash(), 0f));
            g.draw(s);
        }
    }

    private void text(Label label, Graphics2D g) {
        double x = label.x();
        double width = pen.width(label.text(), label.bold(), label.size());
        if (label.anchor().equals("middle")) x -= width / 2.0;
        else if (label.anchor().equals("end")) x -= width;
        g.setColor(label.fill());
        pen.draw(g, label.text(), label.bold(), label.size(), x, label.y());
    }

    /** The Java2D shape of a geometry: rectangles, lines and ellipses as themselves, which Java2D draws apart from paths. */
    private static Shape shape(Geometry geometry) {
        if (geometry instanceof Rect r) return new Rectangle2D.Double(r.x(), r.y(), r.width(), r.height());
        if (geometry instanceof Line l) return new Line2D.Double(l.x1(), l.y1(), l.x2(), l.y2());
        if (geometry instanceof Ellipse e) return new Ellipse2D.Double(e.x(), e.y(), e.width(), e.height());
        return path((ChartPicture.Path) geometry);
    }

    private static Path2D path(ChartPicture.Path p) {
        Path2D.Double path = new Path2D.Double();
        double[] c = p.coords();
        int at = 0;
        for (byte op : p.ops()) {
            switch (op) {
                case ChartPicture.Path.MOVE -> path.moveTo(c[at++], c[at++]);
                case ChartPicture.Path.LINE -> path.lineTo(c[at++], c[at++]);
                case ChartPicture.Path.QUAD -> path.quadTo(c[at++], c[at++], c[at++], c[at++]);
                case ChartPicture.Path.CUBIC -> path.curveTo(c[at++], c[at++], c[at++], c[at++], c[at++], c[at++]);
                default -> path.closePath();
            }
        }
        return path;
    }
}
