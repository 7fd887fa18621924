package io.datadesk.chart;

import io.datadesk.format.Html;
import java.awt.Color;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;
import java.util.regex.Pattern;

/**
 * Turns JFreeSVG's output into SVG for inlining in a page: a {@code viewBox} and no fixed size (it scales to its
 * container), {@code role="img"} with {@code <title>}/{@code <desc>}, colours as CSS custom properties (chart.css
 * re-colours them for the dark scheme), no background rectangles, and short numbers. String edits rather than a DOM
 * round trip: we know exactly what JFreeSVG writes, and this keeps rendering fast and output byte-stable.
 */
final class SvgPost {

    private static final Pattern ELLIPSE = Pattern.compile("<ellipse cx='([-0-9.]+)' cy='([-0-9.]+)' rx='([0-9.]+)' ry='\\3' ([^>]*)/>");

    private SvgPost() {}

    /** Geometry numbers: one decimal is a tenth of a CSS pixel at the drawn size, enough for crisp lines. */
    static String num(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) return "0";
        long tenths = Math.round(d * 10);
        if (tenths % 10 == 0) return Long.toString(tenths / 10);
        return BigDecimal.valueOf(tenths, 1).setScale(1, RoundingMode.UNNECESSARY).toPlainString();
    }

    /**
     * @param labelledBy the id of another drawing of the same chart whose {@code <title>} and {@code <desc>} name and
     *     describe this one too (the phone drawing points at the desktop one's, rather than repeating a paragraph on
     *     every page view); null for a drawing with its own
     */
    static String finish(String jfree, String id, int width, int height, String title, String description, String labelledBy,
                         Color[] seriesColors, List<String> cssColors, List<Marks.Hit> hits) {
        int open = jfree.indexOf('>');
        int close = jfree.lastIndexOf("</svg>");
        String body = jfree.substring(open + 1, close);
        body = withoutBackground(body);
        List<String> colors = new ArrayList<>(), properties = new ArrayList<>();
        for (int i = 0; i < seriesColors.length && i < cssColors.size(); i++) {
            colors.add(rgb(seriesColors[i]));
            properties.add(cssColors.get(i));
        }
        Collections.addAll(colors, rgb(ChartRenderer.TEXT), rgb(ChartRenderer.MUTED), rgb(ChartRenderer.GRID),
                rgb(ChartRenderer.AXIS), rgb(ChartRenderer.ANNOTATION), rgb(ChartRenderer.BACKGROUND));
        Collections.addAll(properties, "var(--dd-chart-text,#222)", "var(--dd-chart-muted,#5e5e5e)", "var(--dd-chart-grid,#ddd)",
                "var(--dd-chart-axis,#333)", "var(--dd-chart-annotation,#777)",
                "var(--dd-chart-bg,#fff)"); // slice outlines: the page colour
        // Attributes browsers do not need: defaults, and JFreeSVG's own namespace. In the same pass as the colours (one
        // copy of the drawing fewer): no colour and no default begins inside the other, and neither replacement makes
        // or breaks one of the other, so one pass gives what the colours and then the defaults gave (SvgPostTest).
        colors.addAll(DEFAULT_ATTRIBUTES);
        properties.addAll(NOTHING);
        body = replaceEach(body, colors, properties);
        body = body.replace("font-family:" + ChartFonts.FAMILY + ";", "").replace("font-family: " + ChartFonts.FAMILY + ";", "")
                .replace(" font-family='" + ChartFonts.FAMILY + "'", "");
        body = shortDecimals(body);
        body = noPointZero(body);
        body = body.replace(";stroke-miterlimit:10", "");
        body = placedText(body);
        body = textStyles(body);
        body = groupCircles(body);
        body = compactGeometry(body);
        String[] styled = styleClasses(body, id);
        body = styled[1];
        StringBuilder sb = new StringBuilder(body.length() + 512);
        // No font-family attribute: the SVG is inline and inherits the figure's (chart.css), as its text sizes assume.
        String names = labelledBy != null ? labelledBy : id;
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"").append(id).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" class=\"dd-chart-svg\" role=\"img\" aria-labelledby=\"").append(names).append("-title ").append(names).append("-desc\">");
        if (labelledBy == null) {
            sb.append("<title id=\"").append(id).append("-title\">").append(Html.escape(title == null ? "Chart" : title)).append("</title>");
            sb.append("<desc id=\"").append(id).append("-desc\">").append(Html.escape(description)).append("</desc>");
        }
        sb.append(styled[0]).append(body);
        if (!hits.isEmpty()) {
            // Tooltips without JavaScript: a transparent shape over each mark, whose <title> browsers show on hover.
            // Hidden from screen readers, which get the description and the data table instead.
            sb.append("<g fill=\"transparent\" aria-hidden=\"true\">");
            for (Marks.Hit h : hits) {
                if (h.round()) sb.append("<circle cx=\"").append(num(h.x() + h.w() / 2)).append("\" cy=\"").append(num(h.y() + h.h() / 2))
                        .append("\" r=\"").append(num(h.w() / 2)).append("\">");
                // A path is a third shorter than <rect x y width height>, and a chart has hundreds of these.
                else sb.append("<path d=\"M").append(num(h.x())).append(',').append(num(h.y())).append('h').append(num(h.w()))
                        .append('v').append(num(h.h())).append('h').append(num(-h.w())).append("z\">");
                sb.append("<title>").append(Html.escape(h.text())).append("</title>").append(h.round() ? "</circle>" : "</path>");
            }
            sb.append("</g>");
        }
        sb.append("</svg>");
        return sb.toString();
    }

    /**
     * Without the rectangles filled with the background colour (XChart paints the chart's and the plot's background;
     * the page shows through instead): every {@code <rect …/>} whose attributes hold {@code fill:rgb(254,254,254)}.
     */
    static String withoutBackground(String s) {
        String open = "<rect ", fill = "fill:" + rgb(ChartRenderer.BACKGROUND);
        StringBuilder out = null;
        int copied = 0;
        for (int at = s.indexOf(open); at >= 0; at = s.indexOf(open, at + 1)) {
            int gt = s.indexOf('>', at + open.length());
            if (gt < 0) break; // and no later start can match either
            if (s.charAt(gt - 1) != '/') continue;
            int f = s.indexOf(fill, at + open.length());
            if (f < 0 || f + fill.length() > gt - 1) continue;
            if (out == null) out = new StringBuilder(s.length());
            out.append(s, copied, at);
            copied = gt + 1;
            at = gt;
        }
        return out == null ? s : out.append(s, copied, s.length()).toString();
    }

    /** Style declarations JFreeSVG writes that say what the default already is. */
    private static final List<String> DEFAULT_ATTRIBUTES = List.of(";stroke-opacity:1.0", ";fill-opacity:1.0", ";stroke-miterlimit:10.0",
            ";stroke-linecap:square");
    private static final List<String> NOTHING = Collections.nCopies(DEFAULT_ATTRIBUTES.size(), "");

    /**
     * {@code s} with each occurrence of {@code keys[i]} replaced by {@code values[i]}, in one pass: the same as calling
     * {@link String#replace} for each key in order (which copied a chart's SVG once a key, ten times and more) when no
     * value contains a key, no key begins inside an occurrence of another (the colours all begin "rgb(" and end ")";
     * the default attributes all begin with their only ";") and no replacement joins the text around it into a key
     * (JFreeSVG writes no half declarations). Where two keys start at the same place the first wins, as it would in
     * order. SvgPostTest checks this against {@code String.replace}.
     */
    static String replaceEach(String s, List<String> keys, List<String> values) {
        int n = keys.size();
        char[][] key = new char[n][];
        // The keys by first character, in order, and how long a start the keys of each first character share: the
        // colours share "rgb(", which is checked once at each 'r' rather than once a colour (a chart has ten and more).
        int[][] byFirst = new int[128][];
        int[] shared = new int[128];
        for (int k = 0; k < n; k++) {
            key[k] = keys.get(k).toCharArray();
            char c = key[k][0];
            if (c >= 128) { // not one of ours; the plain way
                for (int j = 0; j < n; j++) s = s.replace(keys.get(j), values.get(j));
                return s;
            }
            if (byFirst[c] == null) {
                byFirst[c] = new int[] {k};
                shared[c] = key[k].length;
            } else {
                byFirst[c] = java.util.Arrays.copyOf(byFirst[c], byFirst[c].length + 1);
                byFirst[c][byFirst[c].length - 1] = k;
                shared[c] = sharedStart(key[byFirst[c][0]], key[k], shared[c]);
            }
        }
        // A char array, not charAt: these scans run on every chart, mostly before the JIT's optimising compiler.
        char[] c = s.toCharArray();
        StringBuilder out = null;
        int copied = 0;
        for (int i = 0, end = c.length; i < end; i++) {
            char ch = c[i];
            if (ch >= 128 || byFirst[ch] == null) continue;
            int[] group = byFirst[ch];
            char[] any = key[group[0]];
            int from = shared[ch];
            if (!startsWith(c, i, any, 0, from)) continue;
            for (int k : group) {
                if (!startsWith(c, i, key[k], from, key[k].length)) continue;
                if (out == null) out = new StringBuilder(c.length);
                out.append(c, copied, i - copied).append(values.get(k));
                copied = i + key[k].length;
                i = copied - 1;
                break;
            }
        }
        return out == null ? s : out.append(c, copied, c.length - copied).toString();
    }

    /** How many first characters {@code a} and {@code b} share, at most {@code most}. */
    private static int sharedStart(char[] a, char[] b, int most) {
        int i = 0;
        while (i < most && i < b.length && a[i] == b[i]) i++;
        return i;
    }

    /** Whether {@code c} holds {@code key[from..to)} at {@code at + from}. */
    private static boolean startsWith(char[] c, int at, char[] key, int from, int to) {
        if (at + to > c.length) return false;
        for (int j = from; j < to; j++) if (c[at + j] != key[j]) return false;
        return true;
    }

    /**
     * Numbers cut to two decimals, wherever they are: what {@code (\d\.\d\d)\d+} replaced by {@code $1} did
     * (a digit, a point and three or more digits keep the first two), by hand, as it runs on every chart.
     */
    static String shortDecimals(String s) {
        char[] c = s.toCharArray();
        StringBuilder out = null;
        int copied = 0;
        for (int i = 0, end = c.length; i + 4 < end; i++) {
            if (c[i + 1] != '.' || !digit(c[i]) || !digit(c[i + 2]) || !digit(c[i + 3]) || !digit(c[i + 4])) continue;
            if (out == null) out = new StringBuilder(c.length);
            out.append(c, copied, i + 4 - copied);
            int j = i + 5;
            while (j < end && digit(c[j])) j++;
            copied = j;
            i = j - 1;
        }
        return out == null ? s : out.append(c, copied, c.length - copied).toString();
    }

    /** "12.0" written "12" wherever it is: what {@code (\d)\.0(?![0-9])} replaced by {@code $1} did, by hand. */
    static String noPointZero(String s) {
        char[] c = s.toCharArray();
        StringBuilder out = null;
        int copied = 0;
        for (int i = 0, end = c.length; i + 2 < end; i++) {
            if (c[i + 1] != '.' || c[i + 2] != '0' || !digit(c[i]) || i + 3 < end && digit(c[i + 3])) continue;
            if (out == null) out = new StringBuilder(c.length);
            out.append(c, copied, i + 1 - copied);
            copied = i + 3;
            i = copied - 1;
        }
        return out == null ? s : out.append(c, copied, c.length - copied).toString();
    }

    // The three rewrites below did what a regular expression (SvgPostTest keeps each) did, and do it by hand: they
    // run on every drawing, mostly before the JIT's optimising compiler. Each expression could match in one way only
    // (every repeat ends at a character it cannot take), so finding its fixed start and reading on is the same search.

    /**
     * A label JFreeSVG placed by a translation, {@code <g transform='matrix(1,0,0,1,X,Y)'><text x='0' y='0'
     * style='…'>T</text></g>}, as one {@code <text x='X' y='Y' style='…'>T</text>}.
     */
    static String placedText(String s) {
        String open = "<g transform='matrix(1,0,0,1,", mid = ")'><text x='0' y='0' style='", close = "</text></g>";
        StringBuilder out = null;
        int copied = 0;
        for (int at = s.indexOf(open); at >= 0; at = s.indexOf(open, at + 1)) {
            int x0 = at + open.length(), x1 = numberEnd(s, x0);
            if (x1 == x0 || !s.startsWith(",", x1)) continue;
            int y0 = x1 + 1, y1 = numberEnd(s, y0);
            if (y1 == y0 || !s.startsWith(mid, y1)) continue;
            int style = y1 + mid.length() - "style='".length();
            int quote = s.indexOf('\'', y1 + mid.length());
            if (quote < 0 || !s.startsWith(">", quote + 1)) continue;
            int text = quote + 2, lt = s.indexOf('<', text);
            if (lt < 0 || !s.startsWith(close, lt)) continue;
            if (out == null) out = new StringBuilder(s.length());
            out.append(s, copied, at).append("<text x='").append(s, x0, x1).append("' y='").append(s, y0, y1).append("' ")
                    .append(s, style, quote + 1).append('>').append(s, text, lt).append("</text>");
            copied = lt + close.length();
            at = copied - 1;
        }
        return out == null ? s : out.append(s, copied, s.length()).toString();
    }

    /**
     * A text style as JFreeSVG writes it, {@code style='fill: C; fill-opacity: 1;  font-size: 13px; font-weight: bold;'}
     * (after the font family and the opacity's ".0" are gone), as {@code style='fill:C;font-size:13px;font-weight:bold'}.
     * (The expression's replacement would have read a "$" in a colour as a group; colours here hold none.)
     */
    static String textStyles(String s) {
        String open = "style='fill: ", opacity = "; fill-opacity: 1;", size = "font-size: ", weight = " font-weight: ";
        StringBuilder out = null;
        int copied = 0;
        for (int at = s.indexOf(open); at >= 0; at = s.indexOf(open, at + 1)) {
            int c0 = at + open.length(), c1 = s.indexOf(';', c0);
            if (c1 <= c0 || !s.startsWith(opacity, c1)) continue;
            int i = c1 + opacity.length(), spaces = i;
            while (i < s.length() && s.charAt(i) == ' ') i++;
            if (i == spaces || !s.startsWith(size, i)) continue;
            int z0 = i + size.length(), z1 = z0;
            while (z1 < s.length() && (digit(s.charAt(z1)) || s.charAt(z1) == '.')) z1++;
            if (z1 == z0 || !s.startsWith("px;", z1)) continue;
            int j = z1 + 3, w0 = -1, w1 = -1, end;
            if (s.startsWith("'", j)) {
                end = j + 1;
            } else if (s.startsWith(weight, j)) {
                w0 = j + weight.length();
                w1 = w0;
                while (w1 < s.length() && (digit(s.charAt(w1)) || s.charAt(w1) >= 'a' && s.charAt(w1) <= 'z')) w1++;
                if (w1 == w0 || !s.startsWith(";'", w1)) continue;
                end = w1 + 2;
            } else {
                continue;
            }
            if (out == null) out = new StringBuilder(s.length());
            out.append(s, copied, at).append("style='fill:").append(s, c0, c1).append(";font-size:").append(s, z0, z1).append("px");
            if (w0 >= 0) out.append(";font-weight:").append(s, w0, w1);
            out.append('\'');
            copied = end;
            at = end - 1;
        }
        return out == null ? s : out.append(s, copied, s.length()).toString();
    }

    /** {@code transform='matrix(1,0,0,1,X,Y)'} as {@code transform='translate(X,Y)'}, or nothing when X and Y are 0. */
    static String translations(String s) {
        String open = "transform='matrix(1,0,0,1,";
        StringBuilder out = null;
        int copied = 0;
        for (int at = s.indexOf(open); at >= 0; at = s.indexOf(open, at + 1)) {
            int x0 = at + open.length(), x1 = numberEnd(s, x0);
            if (x1 == x0 || !s.startsWith(",", x1)) continue;
            int y0 = x1 + 1, y1 = numberEnd(s, y0);
            if (y1 == y0 || !s.startsWith(")'", y1)) continue;
            if (out == null) out = new StringBuilder(s.length());
            out.append(s, copied, at);
            boolean none = y1 - y0 == 1 && x1 - x0 == 1 && s.charAt(x0) == '0' && s.charAt(y0) == '0';
            if (!none) out.append("transform='translate(").append(s, x0, x1).append(',').append(s, y0, y1).append(")'");
            copied = y1 + 2;
            at = copied - 1;
        }
        return out == null ? s : out.append(s, copied, s.length()).toString();
    }

    /** Where a run of {@code [-0-9.]} that starts at {@code from} ends. */
    private static int numberEnd(String s, int from) {
        int i = from;
        while (i < s.length() && (digit(s.charAt(i)) || s.charAt(i) == '-' || s.charAt(i) == '.')) i++;
        return i;
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * JFreeSVG writes the full style on every element: the same axis-label style on every tick label, the same grid
     * style on every grid line. A style used more than once becomes a class, defined once in a {@code <style>}
     * scoped to this SVG's id (several charts share one page), which takes a typical chart down by a quarter.
     *
     * @return the {@code <style>} element (or "") and the body using the classes
     */
    static String[] styleClasses(String body, String id) {
        String open = "style='";
        Map<String, Integer> uses = new LinkedHashMap<>();
        for (int at = body.indexOf(open); at >= 0; ) {
            int q = body.indexOf('\'', at + open.length());
            if (q < 0) break;
            uses.merge(body.substring(at + open.length(), q), 1, Integer::sum);
            at = body.indexOf(open, q + 1);
        }
        Map<String, String> classes = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> e : uses.entrySet())
            if (e.getValue() > 1) classes.put(e.getKey(), "s" + classes.size());
        if (classes.isEmpty()) return new String[] {"", body};
        StringBuilder out = new StringBuilder(body.length());
        int copied = 0;
        for (int at = body.indexOf(open); at >= 0; ) {
            int q = body.indexOf('\'', at + open.length());
            if (q < 0) break;
            String c = classes.get(body.substring(at + open.length(), q));
            if (c != null) {
                out.append(body, copied, at).append("class='").append(c).append('\'');
                copied = q + 1;
            }
            at = body.indexOf(open, q + 1);
        }
        String replaced = out.append(body, copied, body.length()).toString();
        StringBuilder css = new StringBuilder("<style>");
        classes.forEach((style, c) -> css.append('#').append(id).append(" .").append(c).append('{').append(style).append('}'));
        return new String[] {css.append("</style>").toString(), replaced};
    }

    /**
     * Scatter marks: JFreeSVG repeats style, transform and clip on every {@code <ellipse>}. Consecutive circles that
     * share them go into one group as bare {@code <circle>}s (about a quarter of the bytes).
     */
    static String groupCircles(String body) {
        // Only scatter plots draw ellipses: the others are returned as they are, not searched and copied.
        if (!body.contains("<ellipse ")) return body;
        java.util.regex.Matcher m = ELLIPSE.matcher(body);
        StringBuilder out = new StringBuilder(body.length());
        int last = 0;
        String attrs = null;
        while (m.find()) {
            boolean same = attrs != null && m.start() == last && m.group(4).equals(attrs);
            if (!same) {
                if (attrs != null) out.append("</g>");
                out.append(body, last, m.start());
                attrs = m.group(4);
                out.append("<g ").append(attrs).append('>');
            }
            out.append("<circle cx='").append(m.group(1)).append("' cy='").append(m.group(2)).append("' r='").append(m.group(3)).append("'/>");
            last = m.end();
        }
        if (attrs != null) out.append("</g>");
        out.append(body, last, body.length());
        return out.toString();
    }

    private static final List<String> TIGHT_TAGS = List.of(" >", "' />"), TIGHTER = List.of(">", "'/>");

    /**
     * Shorter geometry, drawing the same picture. JFreeSVG wraps every bar and grid line in its own group with the same
     * style, transform and clip, writes a pure translation as a matrix, repeats points and spells horizontal and
     * vertical lines with both coordinates: about a third of a bar chart's bytes. Consecutive groups with the same
     * attributes become one (painting order is unchanged), translations are written as such, and straight paths use
     * H and V and drop repeated points.
     */
    static String compactGeometry(String body) {
        body = translations(body);
        body = replaceEach(body, TIGHT_TAGS, TIGHTER);
        body = straightPaths(body);
        body = bareTexts(body);
        return pathGroups(body);
    }

    // The passes below, and withoutBackground and the style attributes of styleClasses, did what a regular expression
    // did (SvgPostTest keeps each, and checks the two agree on random texts), by hand, for the reason given above
    // placedText. Each expression could match in one way only: its repeats run to the first character they cannot
    // take ('>', '<', a quote), so reading on from the fixed start to that character is the same search.

    /** Every {@code <path d='…'>} of M, L, Z, numbers, commas and spaces written by {@link #straightPath}. */
    static String straightPaths(String s) {
        String open = "<path d='";
        StringBuilder out = null;
        int copied = 0;
        for (int at = s.indexOf(open); at >= 0; at = s.indexOf(open, at + 1)) {
            int d0 = at + open.length(), d1 = d0;
            while (d1 < s.length() && pathChar(s.charAt(d1))) d1++;
            if (d1 == s.length() || s.charAt(d1) != '\'') continue;
            if (out == null) out = new StringBuilder(s.length());
            out.append(s, copied, d0).append(straightPath(s.substring(d0, d1))).append('\'');
            copied = d1 + 1;
            at = d1;
        }
        return out == null ? s : out.append(s, copied, s.length()).toString();
    }

    private static boolean pathChar(char c) {
        return c == 'M' || c == 'L' || c == 'Z' || digit(c) || c == '.' || c == ',' || c == '-' || c == ' ';
    }

    /** A text alone in a group without attributes, {@code <g><text …>T</text></g>}, without the group. */
    static String bareTexts(String s) {
        String open = "<g><text ", close = "</text></g>";
        StringBuilder out = null;
        int copied = 0;
        for (int at = s.indexOf(open); at >= 0; at = s.indexOf(open, at + 1)) {
            int gt = s.indexOf('>', at + open.length());
            if (gt < 0) break; // and no later start can match either
            int lt = s.indexOf('<', gt + 1);
            if (lt < 0 || !s.startsWith(close, lt)) continue;
            if (out == null) out = new StringBuilder(s.length());
            out.append(s, copied, at).append(s, at + "<g>".length(), lt + "</text>".length());
            copied = lt + close.length();
            at = copied - 1;
        }
        return out == null ? s : out.append(s, copied, s.length()).toString();
    }

    /**
     * Consecutive groups of paths, {@code <g A><path …/>…</g>}, with the same attributes A as one group (a group that
     * directly follows one with the same attributes gives only its paths).
     */
    static String pathGroups(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int last = 0;
        int openFrom = -1, openTo = -1; // the attributes of the group left open in out, or -1
        for (int at = s.indexOf("<g "); at >= 0; at = s.indexOf("<g ", at + 1)) {
            int a1 = s.indexOf('>', at + 3);
            if (a1 < 0) break; // and no later start can match either
            int p = a1 + 1;
            while (s.startsWith("<path ", p)) {
                int gt = s.indexOf('>', p + "<path ".length());
                if (gt < 0 || s.charAt(gt - 1) != '/') break;
                p = gt + 1;
            }
            if (p == a1 + 1 || !s.startsWith("</g>", p)) continue;
            if (openFrom >= 0 && at == last && s.regionMatches(at + 3, s, openFrom, openTo - openFrom) && a1 - (at + 3) == openTo - openFrom) {
                out.append(s, a1 + 1, p);
            } else {
                if (openFrom >= 0) out.append("</g>");
                out.append(s, last, at).append(s, at, p);
                openFrom = at + 3;
                openTo = a1;
            }
            last = p + "</g>".length();
            at = last - 1;
        }
        if (openFrom >= 0) out.append("</g>");
        return out.append(s, last, s.length()).toString();
    }

    /**
     * An M/L/Z path with repeated points dropped and horizontal and vertical steps as H and V. A subpath that is only
     * a repeated point keeps one zero-length step: with round caps it draws a dot.
     */
    static String straightPath(String d) {
        String path = d.replace(" ", "");
        StringBuilder out = new StringBuilder(path.length());
        String x = null, y = null, sx = null, sy = null;
        boolean drawn = false, skipped = false;
        // The last step written (H, V or L; M or Z for none), where it starts in out, and whether it went up the axis.
        char lastStep = 'M';
        int lastAt = 0;
        boolean rising = false;
        // Steps read by hand, as PATH_STEP ({@code ([MLZ])(?:([-0-9.]+),([-0-9.]+))?}, SvgPostTest) read them from one
        // to the next: a letter, and its point when a number, a comma and a number follow it.
        for (int i = 0, n = path.length(); i < n; ) {
            char c = path.charAt(i);
            if (c != 'M' && c != 'L' && c != 'Z') return d; // not a plain M/L/Z path: leave it as it is
            String nx = null, ny = null;
            int x1 = numberEnd(path, i + 1);
            i++;
            if (x1 > i && x1 < n && path.charAt(x1) == ',') {
                int y1 = numberEnd(path, x1 + 1);
                if (y1 > x1 + 1) {
                    nx = path.substring(i, x1);
                    ny = path.substring(x1 + 1, y1);
                    i = y1;
                }
            }
            if (c != 'L' && skipped && !drawn) out.append('H').append(x);
            if (c != 'L') lastStep = c;
            if (c == 'Z') {
                out.append('Z');
                x = sx;
                y = sy;
                drawn = skipped = false;
                continue;
            }
            if (nx == null) return d;
            if (c == 'M') {
                out.append('M').append(nx).append(',').append(ny);
                sx = nx;
                sy = ny;
                drawn = skipped = false;
            } else if (nx.equals(x) && ny.equals(y)) {
                skipped = true;
                continue;
            } else {
                if (ny.equals(y)) {
                    // A horizontal step that goes on the way the last one went extends it (a grid line's outline
                    // runs 46.1 → 314 → 314.5): the same edge, one number fewer.
                    if (lastStep == 'H' && Double.parseDouble(nx) > Double.parseDouble(x) == rising) out.setLength(lastAt);
                    else {
                        rising = Double.parseDouble(nx) > Double.parseDouble(x);
                        lastStep = 'H';
                    }
                    lastAt = out.length();
                    out.append('H').append(nx);
                } else if (nx.equals(x)) {
                    if (lastStep == 'V' && Double.parseDouble(ny) > Double.parseDouble(y) == rising) out.setLength(lastAt);
                    else {
                        rising = Double.parseDouble(ny) > Double.parseDouble(y);
                        lastStep = 'V';
                    }
                    lastAt = out.length();
                    out.append('V').append(ny);
                } else {
                    out.append('L').append(nx).append(',').append(ny);
                    lastStep = 'L';
                }
                drawn = true;
            }
            x = nx;
            y = ny;
        }
        if (skipped && !drawn) out.append('H').append(x);
        return out.toString();
    }

    static String rgb(Color c) {
        return "rgb(" + c.getRed() + "," + c.getGreen() + "," + c.getBlue() + ")";
    }
}
