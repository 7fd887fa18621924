package io.datadesk.write;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * Paints the simple SVG the chart stage writes (paths, rectangles, lines, ellipses, text, groups with matrix
 * transforms and clip paths, colours as {@code var(--name, #fallback)}, class rules in its {@code <style>}) onto a
 * Java2D canvas, for social cards. Colours are the light scheme's, the fallbacks of the page's CSS variables.
 *
 * <p>Written by hand because the stack has no SVG rasteriser (Batik would add megabytes for one picture per page),
 * and the chart SVG uses a small, known subset. Anything outside it (gradients, patterns, filters, markers) is
 * skipped, which at worst leaves a part of the chart out of the preview; the page itself is unaffected.
 */
final class SvgPainter {

    static final Pattern NUMBER = Pattern.compile("[-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?");
    private static final Pattern VAR = Pattern.compile("var\\(\\s*--[\\w-]+\\s*,\\s*([^)]+)\\)");

    private static final Pattern RULE = Pattern.compile("([^{}]+)\\{([^}]*)}");
    // Compiled once: compiling them again for every element was a tenth of painting a chart (JFR of bench/cards.sh).
    private static final Pattern CLASS_SELECTOR = Pattern.compile("\\.([\\w-]+)\\s*$");
    private static final Pattern CLIP_URL = Pattern.compile("url\\(#([^)]+)\\)");
    private static final Pattern PATH_COMMAND = Pattern.compile("([MLHVCQZmlhvcqz])([^MLHVCQZmlhvcqz]*)");
    private static final Pattern TRANSFORM = Pattern.compile("(matrix|translate|scale|rotate)\\(([^)]*)\\)");
    private static final Pattern DIGITS = Pattern.compile("\\d+");

    private final Pen pen;
    private final Map<String, Shape> clips = new HashMap<>();
    /** Declarations of the SVG's {@code <style>} by class name: the chart stage styles grid, text and series by class. */
    private final Map<String, String> classRules = new HashMap<>();

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

    SvgPainter(Pen pen) {
        this.pen = pen;
    }

    /**
     * Paints {@code svg} scaled to fit {@code box}, centred, keeping its aspect ratio.
     *
     * @return false if the SVG has no usable viewBox (nothing is painted)
     */
    boolean paint(String svg, Graphics2D g, Rectangle2D box) {
        return paint(svg, g, box, box);
    }

    /**
     * Paints {@code svg} scaled to fit {@code box}, clipped to {@code visible}: a page lets a chart's outermost labels
     * (the last year under the x axis) reach past the drawing's edge, so the card leaves them room too.
     */
    boolean paint(String svg, Graphics2D g, Rectangle2D box, Rectangle2D visible) {
        Drawing drawing = read(svg);
        if (drawing == null) return false;
        paint(drawing, g, box, visible);
        return true;
    }

    /** An SVG read, with its viewBox. */
    record Drawing(Element root, double[] viewBox) {}

    /** {@code svg} read, or null if it has no usable viewBox (nothing would be painted). */
    static Drawing read(String svg) {
        Document doc = Jsoup.parse(svg, "", Parser.xmlParser());
        Element root = doc.getElementsByTag("svg").first();
        if (root == null) return null;
        double[] vb = numbers(root.attr("viewBox"));
        if (vb.length != 4 || vb[2] <= 0 || vb[3] <= 0) return null;
        return new Drawing(root, vb);
    }

    /** Paints {@code drawing} as {@link #paint(String, Graphics2D, Rectangle2D, Rectangle2D)} does. */
    void paint(Drawing drawing, Graphics2D g, Rectangle2D box, Rectangle2D visible) {
        Element root = drawing.root();
        double[] vb = drawing.viewBox();
        double scale = Math.min(box.getWidth() / vb[2], box.getHeight() / vb[3]);
        AffineTransform fit = new AffineTransform();
        fit.translate(box.getX() + (box.getWidth() - vb[2] * scale) / 2, box.getY() + (box.getHeight() - vb[3] * scale) / 2);
        fit.scale(scale, scale);
        fit.translate(-vb[0], -vb[1]);
        for (Element clip : root.getElementsByTag("clipPath")) {
            if (!clip.hasAttr("id")) continue;
            Path2D area = new Path2D.Double();
            for (Element c : clip.children()) {
                Shape s = shape(c);
                if (s != null) area.append(transform(c).createTransformedShape(s), false);
            }
            clips.put(clip.id(), area);
        }
        for (Element style : root.getElementsByTag("style")) readRules(style.data().isEmpty() ? style.text() : style.data());
        Graphics2D g2 = (Graphics2D) g.create();
        try {
            g2.clip(visible);
            g2.transform(fit);
            children(root, g2, Style.ROOT);
        } finally {
            g2.dispose();
        }
    }

    /**
     * Reads rules whose selector ends in a class ({@code #chart-1-w .s0{fill:...}}, {@code .grid{...}}), the only
     * kind the chart stage writes; other selectors are ignored.
     */
    private void readRules(String css) {
        Matcher m = RULE.matcher(css);
        while (m.find())
            for (String selector : m.group(1).split(",")) {
                Matcher cls = CLASS_SELECTOR.matcher(selector.strip());
                if (cls.find()) classRules.merge(cls.group(1), m.group(2), (a, b) -> a + ";" + b);
            }
    }

    /** The declarations an element gets from its classes, then from its own style attribute (which wins). */
    private String declarations(Element e) {
        StringBuilder sb = new StringBuilder();
        for (String c : e.classNames()) {
            String rule = classRules.get(c);
            if (rule != null) sb.append(rule).append(';');
        }
        return sb.append(e.attr("style")).toString();
    }

    private void children(Element parent, Graphics2D g, Style inherited) {
        for (Element e : parent.children()) {
            String tag = e.tagName();
            if (tag.equals("defs") || tag.equals("title") || tag.equals("desc") || tag.equals("clipPath")) continue;
            Style style = inherited.with(e, declarations(e));
            if (style.hidden) continue;
            Graphics2D local = (Graphics2D) g.create();
            try {
                local.transform(transform(e));
                Matcher clip = CLIP_URL.matcher(e.attr("clip-path"));
                if (clip.find() && clips.containsKey(clip.group(1))) local.clip(clips.get(clip.group(1)));
                switch (tag) {
                    case "g", "a" -> children(e, local, style);
                    case "text" -> text(e, local, style);
                    default -> {
                        Shape s = shape(e);
                        if (s != null) draw(s, local, style);
                    }
                }
            } finally {
                local.dispose();
            }
        }
    }

    private static void draw(Shape s, Graphics2D g, Style style) {
        if (style.fill != null) {
            g.setColor(style.fill);
            g.fill(s);
        }
        if (style.stroke != null && style.strokeWidth > 0) {
            g.setColor(style.stroke);
            float[] dash = style.dash == null || style.dash.length == 0 ? null : style.dash;
            g.setStroke(new BasicStroke(style.strokeWidth, style.cap, style.join, 10f, dash, 0f));
            g.draw(s);
        }
    }

    private void text(Element e, Graphics2D g, Style style) {
        if (style.fill == null) return;
        String text = e.text();
        if (text.isBlank()) return;
        double x = number(e.attr("x"));
        double y = number(e.attr("y"));
        double width = pen.width(text, style.bold, style.fontSize);
        if (style.anchor.equals("middle")) x -= width / 2.0;
        else if (style.anchor.equals("end")) x -= width;
        g.setColor(style.fill);
        pen.draw(g, text, style.bold, style.fontSize, x, y);
    }

    private static Shape shape(Element e) {
        return switch (e.tagName()) {
            case "path" -> path(e.attr("d"));
            case "rect" -> new Rectangle2D.Double(number(e.attr("x")), number(e.attr("y")), number(e.attr("width")), number(e.attr("height")));
            case "line" -> new Line2D.Double(number(e.attr("x1")), number(e.attr("y1")), number(e.attr("x2")), number(e.attr("y2")));
            case "circle" -> {
                double r = number(e.attr("r"));
                yield new Ellipse2D.Double(number(e.attr("cx")) - r, number(e.attr("cy")) - r, 2 * r, 2 * r);
            }
            case "ellipse" -> {
                double rx = number(e.attr("rx"));
                double ry = number(e.attr("ry"));
                yield new Ellipse2D.Double(number(e.attr("cx")) - rx, number(e.attr("cy")) - ry, 2 * rx, 2 * ry);
            }
            case "polyline", "polygon" -> {
                double[] p = numbers(e.attr("points"));
                Path2D.Double path = new Path2D.Double();
                for (int i = 0; i + 1 < p.length; i += 2) {
                    if (i == 0) path.moveTo(p[i], p[i + 1]);
                    else path.lineTo(p[i], p[i + 1]);
                }
                if (e.tagName().equals("polygon")) path.closePath();
                yield path;
            }
            default -> null;
        };
    }

    /** Path data with the commands M, L, H, V, C, Q, Z in absolute and relative form. */
    static Path2D path(String d) {
        Path2D.Double p = new Path2D.Double();
        Matcher m = PATH_COMMAND.matcher(d);
        double x = 0, y = 0, startX = 0, startY = 0;
        while (m.find()) {
            char c = m.group(1).charAt(0);
            boolean rel = Character.isLowerCase(c);
            double[] a = numbers(m.group(2));
            switch (Character.toUpperCase(c)) {
                case 'M' -> {
                    for (int i = 0; i + 1 < a.length; i += 2) {
                        x = rel ? x + a[i] : a[i];
                        y = rel ? y + a[i + 1] : a[i + 1];
                        if (i == 0) {
                            p.moveTo(x, y);
                            startX = x;
                            startY = y;
                        } else {
                            p.lineTo(x, y);
                        }
                    }
                }
                case 'L' -> {
                    for (int i = 0; i + 1 < a.length; i += 2) {
                        x = rel ? x + a[i] : a[i];
                        y = rel ? y + a[i + 1] : a[i + 1];
                        p.lineTo(x, y);
                    }
                }
                case 'H' -> {
                    for (double v : a) p.lineTo(x = rel ? x + v : v, y);
                }
                case 'V' -> {
                    for (double v : a) p.lineTo(x, y = rel ? y + v : v);
                }
                case 'C' -> {
                    for (int i = 0; i + 5 < a.length; i += 6) {
                        double ox = rel ? x : 0, oy = rel ? y : 0;
                        p.curveTo(ox + a[i], oy + a[i + 1], ox + a[i + 2], oy + a[i + 3], x = ox + a[i + 4], y = oy + a[i + 5]);
                    }
                }
                case 'Q' -> {
                    for (int i = 0; i + 3 < a.length; i += 4) {
                        double ox = rel ? x : 0, oy = rel ? y : 0;
                        p.quadTo(ox + a[i], oy + a[i + 1], x = ox + a[i + 2], y = oy + a[i + 3]);
                    }
                }
                default -> {
                    p.closePath();
                    x = startX;
                    y = startY;
                }
            }
        }
        return p;
    }

    private static AffineTransform transform(Element e) {
        AffineTransform t = new AffineTransform();
        String attr = e.attr("transform");
        if (attr.isEmpty()) return t;
        Matcher m = TRANSFORM.matcher(attr);
        while (m.find()) {
            double[] a = numbers(m.group(2));
            switch (m.group(1)) {
                case "matrix" -> {
                    if (a.length == 6) t.concatenate(new AffineTransform(a));
                }
                case "translate" -> t.translate(a.length > 0 ? a[0] : 0, a.length > 1 ? a[1] : 0);
                case "scale" -> t.scale(a.length > 0 ? a[0] : 1, a.length > 1 ? a[1] : a.length > 0 ? a[0] : 1);
                default -> {
                    if (a.length == 3) t.rotate(Math.toRadians(a[0]), a[1], a[2]);
                    else if (a.length > 0) t.rotate(Math.toRadians(a[0]));
                }
            }
        }
        return t;
    }

    /**
     * The numbers in {@code s}, as {@link #NUMBER} finds them (an optional sign, digits with an optional fraction or a
     * fraction alone, an optional exponent). Scanned by hand: every coordinate of a chart goes through here, and the
     * regular expression's matcher was a twentieth of painting one.
     */
    static double[] numbers(String s) {
        if (s == null) return new double[0];
        double[] out = new double[16];
        int n = 0, len = s.length(), i = 0;
        while (i < len) {
            int start = i, j = i;
            char c = s.charAt(j);
            if (c == '-' || c == '+') j++;
            int d = digitsEnd(s, j);
            if (d > j) { // digits, then an optional point and digits
                j = d;
                if (j < len && s.charAt(j) == '.') j = digitsEnd(s, j + 1);
            } else if (j < len && s.charAt(j) == '.' && digitsEnd(s, j + 1) > j + 1) { // a fraction alone
                j = digitsEnd(s, j + 1);
            } else {
                i = start + 1; // no number starts here
                continue;
            }
            if (j < len && (s.charAt(j) == 'e' || s.charAt(j) == 'E')) {
                int k = j + 1;
                if (k < len && (s.charAt(k) == '-' || s.charAt(k) == '+')) k++;
                int e = digitsEnd(s, k);
                if (e > k) j = e; // an exponent only with digits, else the number ends before the e
            }
            if (n == out.length) out = java.util.Arrays.copyOf(out, n * 2);
            out[n++] = Double.parseDouble(s.substring(start, j));
            i = j;
        }
        return java.util.Arrays.copyOf(out, n);
    }

    private static int digitsEnd(String s, int from) {
        int i = from;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') i++;
        return i;
    }

    private static double number(String s) {
        double[] n = numbers(s);
        return n.length == 0 ? 0 : n[0];
    }

    /** Colour from CSS: {@code #rgb}, {@code #rrggbb}, {@code rgb()}, a few names, {@code var(--x, fallback)}. */
    static Color color(String css, Color current) {
        String v = css.strip();
        Matcher var = VAR.matcher(v);
        if (var.find()) v = var.group(1).strip();
        if (v.startsWith("url(")) {
            // A pattern (the hatching of estimates) is not painted; its fallback colour is, when the SVG gives one.
            String fallback = v.substring(v.indexOf(')') + 1).strip();
            return fallback.isEmpty() ? null : color(fallback, current);
        }
        if (v.equals("none") || v.equals("transparent")) return null;
        if (v.equals("currentColor")) return current;
        if (v.startsWith("#")) {
            String h = v.substring(1);
            if (h.length() == 3) h = "" + h.charAt(0) + h.charAt(0) + h.charAt(1) + h.charAt(1) + h.charAt(2) + h.charAt(2);
            try {
                return new Color(Integer.parseInt(h.substring(0, 6), 16));
            } catch (RuntimeException e) {
                return current;
            }
        }
        if (v.startsWith("rgb")) {
            double[] n = numbers(v);
            if (n.length >= 3) return new Color((int) n[0], (int) n[1], (int) n[2]);
        }
        return switch (v) {
            case "white" -> Color.WHITE;
            case "black" -> Color.BLACK;
            default -> current;
        };
    }

    private static Color alpha(Color c, double a) {
        if (c == null || a >= 1) return c;
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), (int) Math.round(c.getAlpha() * Math.max(0, a)));
    }

    /** The painting properties an element has, from its parent, presentation attributes and style attribute. */
    private record Style(Color fill, Color stroke, float strokeWidth, float[] dash, int cap, int join, float fontSize,
                         boolean bold, String anchor, Color color, boolean hidden) {

        static final Style ROOT = new Style(Color.BLACK, null, 1f, null, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
                16f, false, "start", new Color(0x222222), false);

        Style with(Element e, String declarations) {
            Map<String, String> props = new HashMap<>();
            for (String a : new String[] {"fill", "stroke", "stroke-width", "stroke-dasharray", "stroke-linecap",
                    "stroke-linejoin", "font-size", "font-weight", "text-anchor", "display", "visibility", "color", "opacity",
                    "fill-opacity", "stroke-opacity"}) {
                if (e.hasAttr(a)) props.put(a, e.attr(a));
            }
            for (String decl : declarations.split(";")) {
                int colon = decl.indexOf(':');
                if (colon > 0) props.put(decl.substring(0, colon).strip(), decl.substring(colon + 1).strip());
            }
            Color color = props.containsKey("color") ? SvgPainter.color(props.get("color"), this.color) : this.color;
            Color fill = props.containsKey("fill") ? SvgPainter.color(props.get("fill"), color) : this.fill;
            Color stroke = props.containsKey("stroke") ? SvgPainter.color(props.get("stroke"), color) : this.stroke;
            // Lighter marks (partial periods) are drawn with opacity; group opacity is applied to each child's colour.
            double opacity = props.containsKey("opacity") ? number(props.get("opacity")) : 1;
            fill = alpha(fill, opacity * (props.containsKey("fill-opacity") ? number(props.get("fill-opacity")) : 1));
            stroke = alpha(stroke, opacity * (props.containsKey("stroke-opacity") ? number(props.get("stroke-opacity")) : 1));
            float width = props.containsKey("stroke-width") ? (float) number(props.get("stroke-width")) : strokeWidth;
            float[] dash = this.dash;
            if (props.containsKey("stroke-dasharray")) {
                double[] d = numbers(props.get("stroke-dasharray"));
                dash = new float[d.length];
                for (int i = 0; i < d.length; i++) dash[i] = (float) Math.max(d[i], 0.01);
            }
            int cap = switch (props.getOrDefault("stroke-linecap", "")) {
                case "round" -> BasicStroke.CAP_ROUND;
                case "square" -> BasicStroke.CAP_SQUARE;
                case "butt" -> BasicStroke.CAP_BUTT;
                default -> this.cap;
            };
            int join = switch (props.getOrDefault("stroke-linejoin", "")) {
                case "round" -> BasicStroke.JOIN_ROUND;
                case "bevel" -> BasicStroke.JOIN_BEVEL;
                case "miter" -> BasicStroke.JOIN_MITER;
                default -> this.join;
            };
            float size = props.containsKey("font-size") ? (float) number(props.get("font-size")) : fontSize;
            String weight = props.getOrDefault("font-weight", bold ? "bold" : "normal");
            boolean isBold = weight.equals("bold") || (DIGITS.matcher(weight).matches() && Integer.parseInt(weight) >= 600);
            String anchor = props.getOrDefault("text-anchor", this.anchor);
            boolean hide = hidden || "none".equals(props.get("display")) || "hidden".equals(props.get("visibility"));
            return new Style(fill, stroke, width, dash, cap, join, size, isBold, anchor, color, hide);
        }
    }
}
