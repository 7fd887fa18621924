package io.datadesk.chart;

import org.jfree.svg.SVGGraphics2D;

/**
 * A Graphics2D that keeps all the state of a JFreeSVG canvas (fonts, transforms, clips, rendering hints, hence the
 * same text measurements) but draws nothing.
 *
 * <p>Why: to learn the y ticks XChart chooses, a chart is painted once before the real drawing (see
 * ChartRenderer.coverData). Painting it into a real SVG canvas wrote a whole throwaway SVG, number by number: a
 * quarter of the build time of a site of data pages. The ticks depend only on the measurements, which are the
 * canvas's, so they come out exactly as before.
 */
final class MeasuringGraphics extends java.awt.Graphics2D {

    private final SVGGraphics2D d;

    MeasuringGraphics(SVGGraphics2D canvas) {
        this(canvas, null);
    }

    /** @param labels the chart's tick-label painter, or null: a dry run needs XChart's ticks, not its labels painted */
    MeasuringGraphics(SVGGraphics2D canvas, TickLabels labels) {
        this.d = canvas;
        this.labels = labels;
    }

    private final TickLabels labels;

    @Override
    public boolean drawImage(java.awt.Image a0, int a1, int a2, int a3, int a4, int a5, int a6, int a7, int a8, java.awt.Color a9, java.awt.image.ImageObserver a10) {
        return true;
    }

    @Override
    public boolean drawImage(java.awt.Image a0, int a1, int a2, int a3, int a4, int a5, int a6, int a7, int a8, java.awt.image.ImageObserver a9) {
        return true;
    }

    @Override
    public boolean drawImage(java.awt.Image a0, int a1, int a2, int a3, int a4, java.awt.Color a5, java.awt.image.ImageObserver a6) {
        return true;
    }

    @Override
    public boolean drawImage(java.awt.Image a0, int a1, int a2, int a3, int a4, java.awt.image.ImageObserver a5) {
        return true;
    }

    @Override
    public boolean drawImage(java.awt.Image a0, int a1, int a2, java.awt.Color a3, java.awt.image.ImageObserver a4) {
        return true;
    }

    @Override
    public boolean drawImage(java.awt.Image a0, int a1, int a2, java.awt.image.ImageObserver a3) {
        return true;
    }

    @Override
    public boolean drawImage(java.awt.Image a0, java.awt.geom.AffineTransform a1, java.awt.image.ImageObserver a2) {
        return true;
    }

    @Override
    public boolean hit(java.awt.Rectangle a0, java.awt.Shape a1, boolean a2) {
        return d.hit(a0, a1, a2);
    }

    @Override
    public java.awt.Color getBackground() {
        return d.getBackground();
    }

    @Override
    public java.awt.Color getColor() {
        return d.getColor();
    }

    @Override
    public java.awt.Composite getComposite() {
        return d.getComposite();
    }

    @Override
    public java.awt.Font getFont() {
        return d.getFont();
    }

    @Override
    public java.awt.FontMetrics getFontMetrics(java.awt.Font a0) {
        return d.getFontMetrics(a0);
    }

    @Override
    public java.awt.Graphics create() {
        return new MeasuringGraphics((SVGGraphics2D) d.create(), labels);
    }

    @Override
    public java.awt.GraphicsConfiguration getDeviceConfiguration() {
        return d.getDeviceConfiguration();
    }

    @Override
    public java.awt.Paint getPaint() {
        return d.getPaint();
    }

    @Override
    public java.awt.Rectangle getClipBounds() {
        return d.getClipBounds();
    }

    @Override
    public java.awt.RenderingHints getRenderingHints() {
        return d.getRenderingHints();
    }

    @Override
    public java.awt.Shape getClip() {
        return d.getClip();
    }

    @Override
    public java.awt.Stroke getStroke() {
        return d.getStroke();
    }

    @Override
    public java.awt.font.FontRenderContext getFontRenderContext() {
        return d.getFontRenderContext();
    }

    @Override
    public java.awt.geom.AffineTransform getTransform() {
        return d.getTransform();
    }

    @Override
    public java.lang.Object getRenderingHint(java.awt.RenderingHints.Key a0) {
        return d.getRenderingHint(a0);
    }

    @Override
    public void addRenderingHints(java.util.Map<?, ?> a0) {
        d.addRenderingHints(a0);
    }

    @Override
    public void clearRect(int a0, int a1, int a2, int a3) {
        // measured, not drawn
    }

    @Override
    public void clip(java.awt.Shape a0) {
        d.clip(a0);
    }

    @Override
    public void clipRect(int a0, int a1, int a2, int a3) {
        d.clipRect(a0, a1, a2, a3);
    }

    @Override
    public void copyArea(int a0, int a1, int a2, int a3, int a4, int a5) {
        // measured, not drawn
    }

    @Override
    public void dispose() {
        d.dispose();
    }

    @Override
    public void draw(java.awt.Shape a0) {
        // measured, not drawn
    }

    @Override
    public void drawArc(int a0, int a1, int a2, int a3, int a4, int a5) {
        // measured, not drawn
    }

    @Override
    public void drawGlyphVector(java.awt.font.GlyphVector a0, float a1, float a2) {
        // measured, not drawn
    }

    @Override
    public void drawImage(java.awt.image.BufferedImage a0, java.awt.image.BufferedImageOp a1, int a2, int a3) {
        // measured, not drawn
    }

    @Override
    public void drawLine(int a0, int a1, int a2, int a3) {
        // measured, not drawn
    }

    @Override
    public void drawOval(int a0, int a1, int a2, int a3) {
        // measured, not drawn
    }

    @Override
    public void drawPolygon(int[] a0, int[] a1, int a2) {
        // measured, not drawn
    }

    @Override
    public void drawPolyline(int[] a0, int[] a1, int a2) {
        // measured, not drawn
    }

    @Override
    public void drawRenderableImage(java.awt.image.renderable.RenderableImage a0, java.awt.geom.AffineTransform a1) {
        // measured, not drawn
    }

    @Override
    public void drawRenderedImage(java.awt.image.RenderedImage a0, java.awt.geom.AffineTransform a1) {
        // measured, not drawn
    }

    @Override
    public void drawRoundRect(int a0, int a1, int a2, int a3, int a4, int a5) {
        // measured, not drawn
    }

    @Override
    public void drawString(java.lang.String a0, float a1, float a2) {
        // measured, not drawn
    }

    @Override
    public void drawString(java.lang.String a0, int a1, int a2) {
        // measured, not drawn
    }

    @Override
    public void drawString(java.text.AttributedCharacterIterator a0, float a1, float a2) {
        // measured, not drawn
    }

    @Override
    public void drawString(java.text.AttributedCharacterIterator a0, int a1, int a2) {
        // measured, not drawn
    }

    @Override
    public void fill(java.awt.Shape a0) {
        // measured, not drawn
    }

    @Override
    public void fillArc(int a0, int a1, int a2, int a3, int a4, int a5) {
        // measured, not drawn
    }

    @Override
    public void fillOval(int a0, int a1, int a2, int a3) {
        // measured, not drawn
    }

    @Override
    public void fillPolygon(int[] a0, int[] a1, int a2) {
        // measured, not drawn
    }

    @Override
    public void fillRect(int a0, int a1, int a2, int a3) {
        // measured, not drawn
    }

    @Override
    public void fillRoundRect(int a0, int a1, int a2, int a3, int a4, int a5) {
        // measured, not drawn
    }

    @Override
    public void rotate(double a0) {
        d.rotate(a0);
    }

    @Override
    public void rotate(double a0, double a1, double a2) {
        d.rotate(a0, a1, a2);
    }

    @Override
    public void scale(double a0, double a1) {
        d.scale(a0, a1);
    }

    @Override
    public void setBackground(java.awt.Color a0) {
        d.setBackground(a0);
    }

    @Override
    public void setClip(int a0, int a1, int a2, int a3) {
        d.setClip(a0, a1, a2, a3);
    }

    @Override
    public void setClip(java.awt.Shape a0) {
        d.setClip(a0);
    }

    @Override
    public void setColor(java.awt.Color a0) {
        d.setColor(a0);
    }

    @Override
    public void setComposite(java.awt.Composite a0) {
        d.setComposite(a0);
    }

    @Override
    public void setFont(java.awt.Font a0) {
        d.setFont(a0);
        if (labels != null) labels.fontSet(a0, null); // nothing is drawn: XChart's label loop is skipped
    }

    @Override
    public void setPaint(java.awt.Paint a0) {
        d.setPaint(a0);
    }

    @Override
    public void setPaintMode() {
        d.setPaintMode();
    }

    @Override
    public void setRenderingHint(java.awt.RenderingHints.Key a0, java.lang.Object a1) {
        d.setRenderingHint(a0, a1);
    }

    @Override
    public void setRenderingHints(java.util.Map<?, ?> a0) {
        d.setRenderingHints(a0);
    }

    @Override
    public void setStroke(java.awt.Stroke a0) {
        d.setStroke(a0);
    }

    @Override
    public void setTransform(java.awt.geom.AffineTransform a0) {
        d.setTransform(a0);
    }

    @Override
    public void setXORMode(java.awt.Color a0) {
        d.setXORMode(a0);
    }

    @Override
    public void shear(double a0, double a1) {
        d.shear(a0, a1);
    }

    @Override
    public void transform(java.awt.geom.AffineTransform a0) {
        d.transform(a0);
    }

    @Override
    public void translate(double a0, double a1) {
        d.translate(a0, a1);
    }

    @Override
    public void translate(int a0, int a1) {
        d.translate(a0, a1);
    }
}
