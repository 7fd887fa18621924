package io.datadesk.chart;

import io.datadesk.chart.ChartPicture.Clip;
import io.datadesk.chart.ChartPicture.Ellipse;
import io.datadesk.chart.ChartPicture.Geometry;
import io.datadesk.chart.ChartPicture.Group;
import io.datadesk.chart.ChartPicture.Label;
import io.datadesk.chart.ChartPicture.Line;
import io.datadesk.chart.ChartPicture.Mark;
import io.datadesk.chart.ChartPicture.Node;
import io.datadesk.chart.ChartPicture.Path;
import io.datadesk.chart.ChartPicture.Rect;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.AffineTransform;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a chart's SVG into a {@link ChartPicture}: the simple SVG the chart stage writes (paths, rectangles, lines,
 * ellipses, text, groups with matrix transforms and clip paths, colours as {@code var(--name, #fallback)}, class rules
 * in its {@code <style>}), and SVG figures of the same kind a page's author wrote. Anything outside it (gradients,
 * patterns, filters, markers) is left out, which at worst leaves a part of the chart out of a card.
 *
 * <p>The markup is scanned by hand rather than parsed into jsoup's DOM, which, with the CSS resolved again at every
 * element, was a fifth of painting a card's chart (JFR of {@code bench/cards.sh}). The scanner reads what jsoup's XML
 * parser read for this use (elements, attributes, text with entities decoded, CDATA, comments skipped; names of
 * elements case-sensitive and of attributes not; text with its white space collapsed as jsoup's {@code text()}
 * does), so the cards keep their pixels (ChartPictureTest, SocialCardPngTest, the golden cards).
 */
final class PictureReader {

    static final Pattern NUMBER = Pattern.compile("[-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?");
    private static final Pattern VAR = Pattern.compile("var\\(\\s*--[\\w-]+\\s*,\\s*([^)]+)\\)");
    private static final Pattern RULE = Pattern.compile("([^{}]+)\\{([^}]*)}");
    private static final Pattern CLASS_SELECTOR = Pattern.compile("\\.([\\w-]+)\\s*$");
    private static final Pattern CLIP_URL = Pattern.compile("url\\(#([^)]+)\\)");
    private static final Pattern TRANSFORM = Pattern.compile("(matrix|translate|scale|rotate)\\(([^)]*)\\)");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private final Map<String, Clip> clips = new HashMap<>();
    /** Declarations of the SVG's {@code <style>} by class name: the chart stage styles grid, text and series by class. */
    private final Map<String, String> classRules = new HashMap<>();

    private PictureReader() {}

    static ChartPicture read(String svg) {
        El root = Scanner.scan(svg).first("svg");
        if (root == null) return null;
        double[] vb = numbers(root.attr("viewBox"));
        if (vb.length != 4 || vb[2] <= 0 || vb[3] <= 0) return null;
        PictureReader reader = new PictureReader();
        List<El> clipPaths = new ArrayList<>(), styles = new ArrayList<>();
        root.descendants("clipPath", clipPaths);
        root.descendants("style", styles);
        for (El clip : clipPaths) {
            if (!clip.has("id")) continue;
            List<Clip.Part> parts = new ArrayList<>();
            for (El c : clip.children()) {
                Geometry g = shape(c);
                if (g != null) parts.add(new Clip.Part(g, matrix(c)));
            }
            reader.clips.put(clip.attr("id"), new Clip(List.copyOf(parts)));
        }
        for (El style : styles) {
            String data = style.data();
            reader.readRules(data.isEmpty() ? style.text() : data);
        }
        return new ChartPicture(vb, reader.children(root, Style.ROOT));
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
    private String declarations(El e) {
        String classes = e.attr("class");
        StringBuilder sb = new StringBuilder();
        if (!classes.isEmpty()) {
            Set<String> names = new LinkedHashSet<>(Arrays.asList(SPACES.split(classes.strip())));
            for (String c : names) {
                String rule = classRules.get(c);
                if (rule != null) sb.append(rule).append(';');
            }
        }
        return sb.append(e.attr("style")).toString();
    }

    private List<Node> children(El parent, Style inherited) {
        List<Node> out = new ArrayList<>();
        for (El e : parent.children()) {
            String tag = e.tag;
            if (tag.equals("defs") || tag.equals("title") || tag.equals("desc") || tag.equals("clipPath")) continue;
            Style style = inherited.with(e, declarations(e));
            if (style.hidden) continue;
            double[] transform = matrix(e);
            Matcher url = CLIP_URL.matcher(e.attr("clip-path"));
            Clip clip = url.find() ? clips.get(url.group(1)) : null;
            switch (tag) {
                case "g", "a" -> {
                    List<Node> kids = children(e, style);
                    if (!kids.isEmpty()) out.add(new Group(transform, clip, kids));
                }
                case "text" -> {
                    if (style.fill == null) continue;
                    String text = e.text();
                    if (text.isBlank()) continue;
                    out.add(new Label(text, number(e.attr("x")), number(e.attr("y")), transform, clip, style.fill, style.fontSize,
                            style.bold, style.anchor));
                }
                default -> {
                    Geometry g = shape(e);
                    boolean stroked = style.stroke != null && style.strokeWidth > 0;
                    if (g == null || style.fill == null && !stroked) continue; // paints nothing
                    float[] dash = style.dash == null || style.dash.length == 0 ? null : style.dash;
                    out.add(new Mark(g, transform, clip, style.fill, style.stroke, style.strokeWidth, dash, style.cap, style.join));
                }
            }
        }
        return List.copyOf(out);
    }

    private static Geometry shape(El e) {
        return switch (e.tag) {
            case "path" -> path(e.attr("d"));
            case "rect" -> new Rect(number(e.attr("x")), number(e.attr("y")), number(e.attr("width")), number(e.attr("height")));
            case "line" -> new Line(number(e.attr("x1")), number(e.attr("y1")), number(e.attr("x2")), number(e.attr("y2")));
            case "circle" -> {
                double r = number(e.attr("r"));
                yield new Ellipse(number(e.attr("cx")) - r, number(e.attr("cy")) - r, 2 * r, 2 * r);
            }
            case "ellipse" -> {
                double rx = number(e.attr("rx"));
                double ry = number(e.attr("ry"));
                yield new Ellipse(number(e.attr("cx")) - rx, number(e.attr("cy")) - ry, 2 * rx, 2 * ry);
            }
            case "polyline", "polygon" -> {
                double[] p = numbers(e.attr("points"));
                PathBuilder path = new PathBuilder();
                for (int i = 0; i + 1 < p.length; i += 2) {
                    if (i == 0) path.moveTo(p[i], p[i + 1]);
                    else path.lineTo(p[i], p[i + 1]);
                }
                if (e.tag.equals("polygon")) path.closePath();
                yield path.path();
            }
            default -> null;
        };
    }

    /** Path data with the commands M, L, H, V, C, Q, Z in absolute and relative form. */
    static Path path(String d) {
        PathBuilder p = new PathBuilder();
        double x = 0, y = 0, startX = 0, startY = 0;
        // Each command letter and the text up to the next one, as the expression "([MLHVCQZmlhvcqz])([^MLHVCQZmlhvcqz]*)"
        // finds them; scanned by hand, as every series of a chart is a path.
        for (int at = nextCommand(d, 0), n = d.length(); at < n; ) {
            char c = d.charAt(at);
            int end = nextCommand(d, at + 1);
            double[] a = numbers(d, at + 1, end);
            at = end;
            boolean rel = Character.isLowerCase(c);
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
        return p.path();
    }

    private static int nextCommand(String d, int from) {
        int i = from;
        while (i < d.length() && "MLHVCQZmlhvcqz".indexOf(d.charAt(i)) < 0) i++;
        return i;
    }

    /** Collects a path's operations and points, as {@link java.awt.geom.Path2D} would take them. */
    private static final class PathBuilder {
        private byte[] ops = new byte[16];
        private double[] coords = new double[32];
        private int nOps, nCoords;

        void moveTo(double x, double y) {
            op(Path.MOVE, x, y);
        }

        void lineTo(double x, double y) {
            op(Path.LINE, x, y);
        }

        void quadTo(double x1, double y1, double x2, double y2) {
            op(Path.QUAD, x1, y1, x2, y2);
        }

        void curveTo(double x1, double y1, double x2, double y2, double x3, double y3) {
            op(Path.CUBIC, x1, y1, x2, y2, x3, y3);
        }

        void closePath() {
            op(Path.CLOSE);
        }

        private void op(byte op, double... points) {
            if (nOps == ops.length) ops = Arrays.copyOf(ops, nOps * 2);
            ops[nOps++] = op;
            if (nCoords + points.length > coords.length) coords = Arrays.copyOf(coords, Math.max(coords.length * 2, nCoords + points.length));
            System.arraycopy(points, 0, coords, nCoords, points.length);
            nCoords += points.length;
        }

        Path path() {
            return new Path(Arrays.copyOf(ops, nOps), Arrays.copyOf(coords, nCoords));
        }
    }

    /** The element's {@code transform} as a matrix, or null when it leaves the coordinates as they are. */
    private static double[] matrix(El e) {
        String attr = e.attr("transform");
        if (attr.isEmpty()) return null;
        AffineTransform t = new AffineTransform();
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
        if (t.isIdentity()) return null;
        double[] matrix = new double[6];
        t.getMatrix(matrix);
        return matrix;
    }

    /**
     * The numbers in {@code s}, as {@link #NUMBER} finds them (an optional sign, digits with an optional fraction or a
     * fraction alone, an optional exponent). Scanned by hand: every coordinate of a chart goes through here, and the
     * regular expression's matcher was a twentieth of painting one.
     */
    static double[] numbers(String s) {
        return s == null ? new double[0] : numbers(s, 0, s.length());
    }

    /** The numbers in {@code s} from {@code from} to {@code to}, as {@link #numbers(String)} finds them there. */
    static double[] numbers(String s, int from, int to) {
        double[] out = new double[16];
        int n = 0, len = to, i = from;
        while (i < len) {
            int start = i, j = i;
            char c = s.charAt(j);
            if (c == '-' || c == '+') j++;
            int d = digitsEnd(s, j, len);
            if (d > j) { // digits, then an optional point and digits
                j = d;
                if (j < len && s.charAt(j) == '.') j = digitsEnd(s, j + 1, len);
            } else if (j < len && s.charAt(j) == '.' && digitsEnd(s, j + 1, len) > j + 1) { // a fraction alone
                j = digitsEnd(s, j + 1, len);
            } else {
                i = start + 1; // no number starts here
                continue;
            }
            boolean exponent = false;
            if (j < len && (s.charAt(j) == 'e' || s.charAt(j) == 'E')) {
                int k = j + 1;
                if (k < len && (s.charAt(k) == '-' || s.charAt(k) == '+')) k++;
                int e = digitsEnd(s, k, len);
                if (e > k) { // an exponent only with digits, else the number ends before the e
                    j = e;
                    exponent = true;
                }
            }
            if (n == out.length) out = Arrays.copyOf(out, n * 2);
            out[n++] = exponent ? Double.parseDouble(s.substring(start, j)) : decimal(s, start, j);
            i = j;
        }
        return Arrays.copyOf(out, n);
    }

    private static final double[] POWERS_OF_TEN = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14,
            1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

    /**
     * A decimal without exponent, {@code [-+]digits[.digits]}, as {@link Double#parseDouble} reads it. Most have a
     * digit or two after the point: then the digits as a whole number, exact below 2^53, divided by an exact power of
     * ten is one correctly rounded operation, the double nearest the decimal, which parseDouble also gives (its own
     * fast path). Longer ones go to parseDouble.
     */
    private static double decimal(String s, int from, int to) {
        int i = from;
        boolean negative = s.charAt(i) == '-';
        if (negative || s.charAt(i) == '+') i++;
        long digits = 0;
        int count = 0, fraction = -1;
        for (; i < to; i++) {
            char c = s.charAt(i);
            if (c == '.') {
                fraction = 0;
                continue;
            }
            if (++count > 15) return Double.parseDouble(s.substring(from, to));
            digits = digits * 10 + (c - '0');
            if (fraction >= 0) fraction++;
        }
        double v = fraction > 0 ? digits / POWERS_OF_TEN[fraction] : digits;
        return negative ? -v : v;
    }

    private static int digitsEnd(String s, int from, int to) {
        int i = from;
        while (i < to && s.charAt(i) >= '0' && s.charAt(i) <= '9') i++;
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
        private static final Set<String> PRESENTATION = Set.of("fill", "stroke", "stroke-width", "stroke-dasharray",
                "stroke-linecap", "stroke-linejoin", "font-size", "font-weight", "text-anchor", "display", "visibility", "color",
                "opacity", "fill-opacity", "stroke-opacity");

        Style with(El e, String declarations) {
            Map<String, String> props = new HashMap<>();
            // The presentation attributes, the first of each name (matched without regard to case) as jsoup's attr().
            for (int i = 0; i < e.attrs.size(); i += 2) {
                String name = e.attrs.get(i);
                if (PRESENTATION.contains(name)) props.putIfAbsent(name, e.attrs.get(i + 1));
            }
            for (String decl : declarations.split(";")) {
                int colon = decl.indexOf(':');
                if (colon > 0) props.put(decl.substring(0, colon).strip(), decl.substring(colon + 1).strip());
            }
            Color color = props.containsKey("color") ? PictureReader.color(props.get("color"), this.color) : this.color;
            Color fill = props.containsKey("fill") ? PictureReader.color(props.get("fill"), color) : this.fill;
            Color stroke = props.containsKey("stroke") ? PictureReader.color(props.get("stroke"), color) : this.stroke;
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

    /** An element as the scanner read it: its name, attributes (entities decoded) and content in document order. */
    static final class El {
        final String tag;
        /** Name in lower case, value, name, value, ...: names are matched without regard to case, as jsoup does. */
        private final List<String> attrs = new ArrayList<>(8);
        final List<Object> content = new ArrayList<>(); // El, Text
        private List<El> children;

        El(String tag) {
            this.tag = tag;
        }

        /** The attribute's value, its name matched without regard to case (as jsoup's {@code attr}); "" when absent. */
        String attr(String name) {
            String v = attrOrNull(name.toLowerCase(Locale.ROOT));
            return v == null ? "" : v;
        }

        /** @param name in lower case */
        String attrOrNull(String name) {
            for (int i = 0; i < attrs.size(); i += 2) if (attrs.get(i).equals(name)) return attrs.get(i + 1);
            return null;
        }

        boolean has(String name) {
            return attrOrNull(name.toLowerCase(Locale.ROOT)) != null;
        }

        List<El> children() {
            if (children == null) {
                children = new ArrayList<>();
                for (Object o : content) if (o instanceof El e) children.add(e);
            }
            return children;
        }

        /** The first element named {@code tag} (without regard to case) in document order, this one included. */
        El first(String tag) {
            if (this.tag.equalsIgnoreCase(tag)) return this;
            for (El c : children()) {
                El f = c.first(tag);
                if (f != null) return f;
            }
            return null;
        }

        /** The elements under this one named {@code tag} (without regard to case), in document order. */
        void descendants(String tag, List<El> out) {
            for (El c : children()) {
                if (c.tag.equalsIgnoreCase(tag)) out.add(c);
                c.descendants(tag, out);
            }
        }

        /**
         * The text of this element and those under it, as jsoup's {@code Element.text()}: white space (and no-break
         * spaces) collapsed to one space, none at either end, the text of CDATA sections as it stands, no comments.
         */
        String text() {
            StringBuilder sb = new StringBuilder();
            appendText(sb);
            return sb.toString().trim();
        }

        private void appendText(StringBuilder sb) {
            for (Object o : content) {
                if (o instanceof El e) {
                    if (e.tag.equalsIgnoreCase("br") && !endsInSpace(sb)) sb.append(' ');
                    e.appendText(sb);
                } else if (o instanceof Text t && t.kind != Text.COMMENT) {
                    if (t.kind == Text.CDATA) sb.append(t.text);
                    else normalised(sb, t.text);
                }
            }
        }

        private static boolean endsInSpace(StringBuilder sb) {
            return !sb.isEmpty() && sb.charAt(sb.length() - 1) == ' ';
        }

        private static void normalised(StringBuilder sb, String s) {
            boolean lastWasWhite = false, reachedNonWhite = false, stripLeading = sb.isEmpty() || endsInSpace(sb);
            for (int i = 0; i < s.length(); ) {
                int c = s.codePointAt(i);
                i += Character.charCount(c);
                if (c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == 160) {
                    if ((stripLeading && !reachedNonWhite) || lastWasWhite) continue;
                    sb.append(' ');
                    lastWasWhite = true;
                } else if (c != 8203 && c != 173) { // zero-width space and soft hyphen: invisible
                    sb.appendCodePoint(c);
                    lastWasWhite = false;
                    reachedNonWhite = true;
                }
            }
        }

        /** As jsoup's {@code Element.data()}: the CDATA sections and comments of this element and those under it. */
        String data() {
            StringBuilder sb = new StringBuilder();
            for (Object o : content) {
                if (o instanceof El e) sb.append(e.data());
                else if (o instanceof Text t && t.kind != Text.TEXT) sb.append(t.text);
            }
            return sb.toString();
        }
    }

    /** A run of character data: text (entities decoded), a CDATA section or a comment. */
    record Text(String text, int kind) {
        static final int TEXT = 0, CDATA = 1, COMMENT = 2;
    }

    /**
     * Splits markup into elements, attributes and text. Lenient as jsoup's XML parser is for what a chart holds: an end
     * tag closes the nearest open element of its name and those inside it, and is ignored when none is open; elements
     * left open end with the input; declarations and processing instructions are skipped.
     */
    static final class Scanner {
        private final String s;
        /** The characters of {@code s}: a chart's text makes it a string of two-byte characters, whose charAt is slow in C1 code. */
        private final char[] c;
        private int i;

        private Scanner(String s) {
            this.s = s;
            this.c = s.toCharArray();
        }

        static El scan(String markup) {
            return new Scanner(markup).document();
        }

        private El document() {
            El doc = new El("#document");
            List<El> open = new ArrayList<>();
            open.add(doc);
            int n = s.length();
            while (i < n) {
                El top = open.get(open.size() - 1);
                int lt = s.indexOf('<', i);
                if (lt < 0) lt = n;
                if (lt > i) top.content.add(new Text(decode(s.substring(i, lt), false), Text.TEXT));
                i = lt;
                if (i >= n) break;
                if (s.startsWith("<!--", i)) {
                    int end = s.indexOf("-->", i + 4);
                    top.content.add(new Text(s.substring(i + 4, end < 0 ? n : end), Text.COMMENT));
                    i = end < 0 ? n : end + 3;
                } else if (s.startsWith("<![CDATA[", i)) {
                    int end = s.indexOf("]]>", i + 9);
                    top.content.add(new Text(s.substring(i + 9, end < 0 ? n : end), Text.CDATA));
                    i = end < 0 ? n : end + 3;
                } else if (s.startsWith("<?", i) || s.startsWith("<!", i)) {
                    int end = s.indexOf('>', i);
                    i = end < 0 ? n : end + 1;
                } else if (s.startsWith("</", i)) {
                    int end = s.indexOf('>', i);
                    String name = s.substring(i + 2, end < 0 ? n : end).strip();
                    i = end < 0 ? n : end + 1;
                    for (int k = open.size() - 1; k > 0; k--)
                        if (open.get(k).tag.equals(name)) {
                            while (open.size() > k) open.remove(open.size() - 1);
                            break;
                        }
                } else {
                    int start = i + 1, j = start;
                    while (j < n && !nameEnd(c[j])) j++;
                    if (j == start) { // a lone '<' is text
                        top.content.add(new Text("<", Text.TEXT));
                        i++;
                        continue;
                    }
                    El e = new El(s.substring(start, j));
                    top.content.add(e);
                    i = j;
                    if (!attributes(e)) open.add(e);
                }
            }
            return doc;
        }

        private static boolean nameEnd(char c) {
            return c == '>' || c == '/' || Character.isWhitespace(c);
        }

        /** Reads the attributes up to the end of the start tag; whether the tag closed itself ({@code />}). */
        private boolean attributes(El e) {
            int n = s.length();
            while (i < n) {
                char ch = c[i];
                if (ch == '>') {
                    i++;
                    return false;
                }
                if (ch == '/' && i + 1 < n && c[i + 1] == '>') {
                    i += 2;
                    return true;
                }
                if (Character.isWhitespace(ch) || ch == '/') {
                    i++;
                    continue;
                }
                int start = i;
                while (i < n && c[i] != '=' && c[i] != '>' && !Character.isWhitespace(c[i])
                        && !(c[i] == '/' && i + 1 < n && c[i + 1] == '>')) i++;
                String name = s.substring(start, i);
                while (i < n && Character.isWhitespace(c[i])) i++;
                String value = "";
                if (i < n && c[i] == '=') {
                    i++;
                    while (i < n && Character.isWhitespace(c[i])) i++;
                    if (i < n && (c[i] == '"' || c[i] == '\'')) {
                        char q = c[i];
                        int end = s.indexOf(q, i + 1);
                        value = decode(s.substring(i + 1, end < 0 ? n : end), true);
                        i = end < 0 ? n : end + 1;
                    } else {
                        int vs = i;
                        while (i < n && c[i] != '>' && !Character.isWhitespace(c[i])) i++;
                        value = decode(s.substring(vs, i), true);
                    }
                }
                name = name.toLowerCase(Locale.ROOT);
                if (e.attrOrNull(name) == null) { // the first of two with one name counts, as in jsoup
                    e.attrs.add(name);
                    e.attrs.add(value);
                }
            }
            return true;
        }

        /** Character references decoded as jsoup decodes them; most text of a chart has none. */
        private static String decode(String s, boolean inAttribute) {
            return s.indexOf('&') < 0 ? s : org.jsoup.parser.Parser.unescapeEntities(s, inAttribute);
        }
    }
}
