package io.datadesk.chart;

import java.awt.Font;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import org.jfree.svg.SVGGraphics2D;

/**
 * A Graphics2D in front of JFreeSVG that turns XChart's text back into text.
 *
 * <p>Why: XChart never calls {@code drawString}; it lays every label out with {@code TextLayout.getOutline} and
 * fills the glyph outlines, so even JFreeSVG would write {@code <path>}s (unselectable, large, not restylable).
 * Every string XChart draws comes from us (formatters, titles), so {@link TextRecovery} knows the candidates; when
 * a filled shape is exactly the outline of a known string, we draw that string instead and JFreeSVG writes a
 * real {@code <text>}. Anything else passes straight through.
 */
final class TextRecoveringGraphics extends Graphics2D {

    private final SVGGraphics2D d;
    private final TextRecovery texts;

    TextRecoveringGraphics(SVGGraphics2D delegate, TextRecovery texts) {
        this(delegate, texts, new Pending());
    }

    private TextRecoveringGraphics(SVGGraphics2D delegate, TextRecovery texts, Pending pending) {
        this.d = delegate;
        this.texts = texts;
        this.pending = pending;
    }

    /** The chart's tick labels are painted by {@code labels}, not XChart (see {@link TickLabels}); null: by XChart. */
    private TickLabels tickLabels;

    TextRecoveringGraphics paintingTickLabels(TickLabels labels) {
        this.tickLabels = labels;
        return this;
    }

    SVGGraphics2D svg() {
        return d;
    }

    /**
     * XChart draws a line series as one Line2D per segment, which JFreeSVG writes as one {@code <line>} each (~200
     * bytes a point, and overlapping round caps). Consecutive joined segments drawn in the same state are collected
     * here and drawn once as a path. Every other call first flushes the pending path, so drawing order is kept.
     */
    private static final class Pending {
        Path2D.Double path;
        SVGGraphics2D owner;
        double endX, endY;
    }

    /** Shared with graphics made by {@link #create()}: they all write to one document, in call order. */
    private final Pending pending;

    @Override
    public void draw(Shape shape) {
        if (shape instanceof Line2D line) {
            if (pending.path != null && pending.owner == d && line.getX1() == pending.endX && line.getY1() == pending.endY) {
                pending.path.lineTo(line.getX2(), line.getY2());
            } else {
                flush();
                pending.path = new Path2D.Double();
                pending.owner = d;
                pending.path.moveTo(line.getX1(), line.getY1());
                pending.path.lineTo(line.getX2(), line.getY2());
            }
            pending.endX = line.getX2();
            pending.endY = line.getY2();
            return;
        }
        flush();
        d.draw(shape);
    }

    void flush() {
        if (pending.path == null) return;
        Path2D.Double p = pending.path;
        pending.path = null;
        pending.owner.draw(p);
    }

    @Override
    public void fill(Shape shape) {
        flush();
        TextRecovery.Match m = texts.match(shape, d.getFontRenderContext());
        if (m == null) {
            d.fill(shape);
            return;
        }
        texts.placed(m, d.getTransform());
        if (m.hidden()) return;
        text(m.text(), m.font());
    }

    /**
     * Draws a string XChart would have filled as its outline at the current transform's origin, as {@link #fill}
     * draws a recovered one (for {@link TickLabels}).
     */
    void drawRecovered(String text, Font font) {
        flush();
        texts.placed(text, d.getTransform(), false);
        text(text, font);
    }

    /** Records a hidden string XChart would have filled at the current transform's origin, as {@link #fill} does. */
    void placeHidden(String text) {
        flush();
        texts.placed(text, d.getTransform(), true);
    }

    private void text(String text, Font font) {
        Font before = d.getFont();
        d.setFont(font);
        d.drawString(text, 0f, 0f);
        d.setFont(before);
    }

    @Override
    public Graphics create() {
        flush();
        return new TextRecoveringGraphics((SVGGraphics2D) d.create(), texts, pending).paintingTickLabels(tickLabels);
    }

    // ---- plain delegation below ----
    @Override public void scale(double a0, double a1) { flush(); d.scale(a0, a1); }
    @Override public void transform(java.awt.geom.AffineTransform a0) { flush(); d.transform(a0); }
    @Override public void rotate(double a0, double a1, double a2) { flush(); d.rotate(a0, a1, a2); }
    @Override public void rotate(double a0) { flush(); d.rotate(a0); }
    @Override public boolean hit(java.awt.Rectangle a0, java.awt.Shape a1, boolean a2) { return d.hit(a0, a1, a2); }
    @Override public java.awt.Paint getPaint() { return d.getPaint(); }
    @Override public void setPaint(java.awt.Paint a0) { flush(); d.setPaint(a0); }
    @Override public boolean drawImage(java.awt.Image a0, java.awt.geom.AffineTransform a1, java.awt.image.ImageObserver a2) { flush(); return d.drawImage(a0, a1, a2); }
    @Override public void drawImage(java.awt.image.BufferedImage a0, java.awt.image.BufferedImageOp a1, int a2, int a3) { flush(); d.drawImage(a0, a1, a2, a3); }
    @Override public void drawRenderedImage(java.awt.image.RenderedImage a0, java.awt.geom.AffineTransform a1) { flush(); d.drawRenderedImage(a0, a1); }
    @Override public void drawRenderableImage(java.awt.image.renderable.RenderableImage a0, java.awt.geom.AffineTransform a1) { flush(); d.drawRenderableImage(a0, a1); }
    @Override public void drawString(java.lang.String a0, float a1, float a2) { flush(); d.drawString(a0, a1, a2); }
    @Override public void drawString(java.lang.String a0, int a1, int a2) { flush(); d.drawString(a0, a1, a2); }
    @Override public void drawString(java.text.AttributedCharacterIterator a0, float a1, float a2) { flush(); d.drawString(a0, a1, a2); }
    @Override public void drawString(java.text.AttributedCharacterIterator a0, int a1, int a2) { flush(); d.drawString(a0, a1, a2); }
    @Override public void drawGlyphVector(java.awt.font.GlyphVector a0, float a1, float a2) { flush(); d.drawGlyphVector(a0, a1, a2); }
    @Override public java.awt.GraphicsConfiguration getDeviceConfiguration() { return d.getDeviceConfiguration(); }
    @Override public void setComposite(java.awt.Composite a0) { flush(); d.setComposite(a0); }
    @Override public void setStroke(java.awt.Stroke a0) { if (!a0.equals(d.getStroke())) flush(); d.setStroke(a0); } // XChart re-sets the same stroke per segment
    @Override public void setRenderingHint(java.awt.RenderingHints.Key a0, java.lang.Object a1) { flush(); d.setRenderingHint(a0, a1); }
    @Override public java.lang.Object getRenderingHint(java.awt.RenderingHints.Key a0) { return d.getRenderingHint(a0); }
    @Override public void setRenderingHints(java.util.Map<?, ?> a0) { flush(); d.setRenderingHints(a0); }
    @Override public void addRenderingHints(java.util.Map<?, ?> a0) { flush(); d.addRenderingHints(a0); }
    @Override public java.awt.RenderingHints getRenderingHints() { return d.getRenderingHints(); }
    @Override public void translate(double a0, double a1) { flush(); d.translate(a0, a1); }
    @Override public void translate(int a0, int a1) { flush(); d.translate(a0, a1); }
    @Override public void shear(double a0, double a1) { flush(); d.shear(a0, a1); }
    @Override public void setTransform(java.awt.geom.AffineTransform a0) { flush(); d.setTransform(a0); }
    @Override public java.awt.geom.AffineTransform getTransform() { return d.getTransform(); }
    @Override public java.awt.Composite getComposite() { return d.getComposite(); }
    @Override public void setBackground(java.awt.Color a0) { flush(); d.setBackground(a0); }
    @Override public java.awt.Color getBackground() { return d.getBackground(); }
    @Override public java.awt.Stroke getStroke() { return d.getStroke(); }
    @Override public void clip(java.awt.Shape a0) { flush(); d.clip(a0); }
    @Override public java.awt.font.FontRenderContext getFontRenderContext() { return d.getFontRenderContext(); }
    @Override public void setColor(java.awt.Color a0) { if (a0 == null || !a0.equals(d.getColor())) flush(); d.setColor(a0); }
    @Override public void dispose() { flush(); d.dispose(); }
    @Override public java.awt.Color getColor() { return d.getColor(); }
    @Override public void fillRect(int a0, int a1, int a2, int a3) { flush(); d.fillRect(a0, a1, a2, a3); }
    @Override public boolean drawImage(java.awt.Image a0, int a1, int a2, int a3, int a4, int a5, int a6, int a7, int a8, java.awt.image.ImageObserver a9) { flush(); return d.drawImage(a0, a1, a2, a3, a4, a5, a6, a7, a8, a9); }
    @Override public boolean drawImage(java.awt.Image a0, int a1, int a2, java.awt.image.ImageObserver a3) { flush(); return d.drawImage(a0, a1, a2, a3); }
    @Override public boolean drawImage(java.awt.Image a0, int a1, int a2, java.awt.Color a3, java.awt.image.ImageObserver a4) { flush(); return d.drawImage(a0, a1, a2, a3, a4); }
    @Override public boolean drawImage(java.awt.Image a0, int a1, int a2, int a3, int a4, java.awt.image.ImageObserver a5) { flush(); return d.drawImage(a0, a1, a2, a3, a4, a5); }
    @Override public boolean drawImage(java.awt.Image a0, int a1, int a2, int a3, int a4, int a5, int a6, int a7, int a8, java.awt.Color a9, java.awt.image.ImageObserver a10) { flush(); return d.drawImage(a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10); }
    @Override public boolean drawImage(java.awt.Image a0, int a1, int a2, int a3, int a4, java.awt.Color a5, java.awt.image.ImageObserver a6) { flush(); return d.drawImage(a0, a1, a2, a3, a4, a5, a6); }
    @Override public void clipRect(int a0, int a1, int a2, int a3) { flush(); d.clipRect(a0, a1, a2, a3); }
    @Override public java.awt.Font getFont() { return d.getFont(); }
    @Override public java.awt.FontMetrics getFontMetrics(java.awt.Font a0) { return d.getFontMetrics(a0); }
    @Override public void drawLine(int a0, int a1, int a2, int a3) { flush(); d.drawLine(a0, a1, a2, a3); }
    @Override public void drawPolygon(int[] a0, int[] a1, int a2) { flush(); d.drawPolygon(a0, a1, a2); }
    @Override public void fillPolygon(int[] a0, int[] a1, int a2) { flush(); d.fillPolygon(a0, a1, a2); }
    @Override public java.awt.Rectangle getClipBounds() { return d.getClipBounds(); }
    @Override public void setPaintMode() { flush(); d.setPaintMode(); }
    @Override public void setXORMode(java.awt.Color a0) { flush(); d.setXORMode(a0); }
    @Override public void setFont(java.awt.Font a0) {
        flush();
        d.setFont(a0);
        if (tickLabels != null) tickLabels.fontSet(a0, this);
    }
    @Override public void setClip(int a0, int a1, int a2, int a3) { flush(); d.setClip(a0, a1, a2, a3); }
    @Override public void setClip(java.awt.Shape a0) { flush(); d.setClip(a0); }
    @Override public java.awt.Shape getClip() { return d.getClip(); }
    @Override public void copyArea(int a0, int a1, int a2, int a3, int a4, int a5) { flush(); d.copyArea(a0, a1, a2, a3, a4, a5); }
    @Override public void clearRect(int a0, int a1, int a2, int a3) { flush(); d.clearRect(a0, a1, a2, a3); }
    @Override public void drawRoundRect(int a0, int a1, int a2, int a3, int a4, int a5) { flush(); d.drawRoundRect(a0, a1, a2, a3, a4, a5); }
    @Override public void fillRoundRect(int a0, int a1, int a2, int a3, int a4, int a5) { flush(); d.fillRoundRect(a0, a1, a2, a3, a4, a5); }
    @Override public void drawOval(int a0, int a1, int a2, int a3) { flush(); d.drawOval(a0, a1, a2, a3); }
    @Override public void fillOval(int a0, int a1, int a2, int a3) { flush(); d.fillOval(a0, a1, a2, a3); }
    @Override public void drawArc(int a0, int a1, int a2, int a3, int a4, int a5) { flush(); d.drawArc(a0, a1, a2, a3, a4, a5); }
    @Override public void fillArc(int a0, int a1, int a2, int a3, int a4, int a5) { flush(); d.fillArc(a0, a1, a2, a3, a4, a5); }
    @Override public void drawPolyline(int[] a0, int[] a1, int a2) { flush(); d.drawPolyline(a0, a1, a2); }
}
