package io.datadesk.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

/**
 * The chart drawings ({@code <svg>}) of one page body, kept out of the body while it is parsed and polished, and put
 * back, exactly as jsoup would have written them, when it is written out.
 *
 * <p>Why: a chart's drawing is most of a data page's HTML (the flagship: 113 KB of SVG in 23 drawings, in a 250 KB
 * page), and none of the view's steps looks inside one, yet jsoup parsed every path and label, walked them on every
 * select, cloned them to count words and wrote them out again. A prose edit under {@code serve} makes the view again
 * while the drawings stay the same, so each drawing's written form is kept (by its text) and the body is parsed with
 * an empty {@code <svg>} in its place. The output is byte-identical (GoldenOutputTest): a drawing is stashed only when
 * parsing it on its own gives one {@code <svg>} element, which HTML's parsing rules then make the same wherever it
 * stands (inside {@code <svg>} only a few HTML tags, which chart drawings never hold, depend on what surrounds them).
 * The few steps that read text around a number ({@link ProvenanceHtml}) get the drawing back through {@link #unstash}.
 * Not thread-safe; one instance per view.
 */
final class Drawings {

    /** What a stash is named by: random per process, so that no page can contain it by chance or on purpose. */
    private static final String ATTRIBUTE = "data-dd-drawing-" + Long.toHexString(new java.security.SecureRandom().nextLong() & Long.MAX_VALUE);
    private static final Pattern PLACEHOLDER = Pattern.compile("<svg " + ATTRIBUTE + "=\"(\\d+)\"\\s*/?>(?:</svg>)?");
    private static final org.jsoup.select.Evaluator STAND_IN = org.jsoup.select.QueryParser.parse("svg[" + ATTRIBUTE + "]");
    /** Drawings as jsoup writes them, by their text; bounded by characters held (a site's drawings, many times over). */
    private static final Map<String, String> WRITTEN = new LinkedHashMap<>(64, 0.75f, true);
    private static final long WRITTEN_MAX_CHARS = 32L << 20;
    private static long writtenChars;

    private final List<String> drawings = new ArrayList<>();

    /**
     * A directive's HTML with each drawing replaced by an empty stand-in. A drawing that is not plain (nested
     * drawings, comments, CDATA, or one jsoup would not parse into one element) stays where it is.
     */
    String stash(String html) {
        if (html == null || !html.contains("<svg")) return html;
        StringBuilder out = new StringBuilder(html.length());
        int copied = 0;
        for (int start = html.indexOf("<svg"); start >= 0; ) {
            int close = html.indexOf("</svg>", start);
            if (close < 0) break;
            int end = close + "</svg>".length();
            // Links in drawings get what links in the rest of the body get (the body is rewritten before parsing).
            String svg = HtmlLinks.pointDirectoriesAtIndex(html.substring(start, end));
            String written = svg.indexOf("<svg", 1) >= 0 || svg.contains("<!--") || svg.contains("<![CDATA[") ? null : written(svg);
            if (written != null) {
                out.append(html, copied, start).append("<svg ").append(ATTRIBUTE).append("=\"").append(drawings.size()).append("\"></svg>");
                drawings.add(written);
                copied = end;
            }
            start = html.indexOf("<svg", end);
        }
        return copied == 0 ? html : out.append(html, copied, html.length()).toString();
    }

    /** A body jsoup wrote, with each stand-in replaced by its drawing as jsoup writes it. */
    String restore(String bodyHtml) {
        if (drawings.isEmpty()) return bodyHtml;
        Matcher m = PLACEHOLDER.matcher(bodyHtml);
        StringBuilder out = new StringBuilder(bodyHtml.length() + drawings.stream().mapToInt(String::length).sum());
        int last = 0;
        while (m.find()) {
            out.append(bodyHtml, last, m.start()).append(drawings.get(Integer.parseInt(m.group(1))));
            last = m.end();
        }
        return out.append(bodyHtml, last, bodyHtml.length()).toString();
    }

    /** The drawings whose stand-ins {@code html} (a part of the body) holds, in order. */
    List<String> within(String html) {
        if (drawings.isEmpty()) return List.of();
        List<String> out = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(html);
        while (m.find()) out.add(drawings.get(Integer.parseInt(m.group(1))));
        return out;
    }

    /** Puts the drawings back into {@code copy} (a detached copy of part of the body), for steps that read its text. */
    void unstash(Element copy) {
        if (drawings.isEmpty()) return;
        for (Element stand : copy.select(STAND_IN)) {
            Element drawing = ReaderHtml.parse(drawings.get(Integer.parseInt(stand.attr(ATTRIBUTE)))).body().child(0);
            stand.replaceWith(drawing);
        }
    }

    /** How jsoup writes {@code svg} where it stands in a page body, or null when it does not parse as one element. */
    private static String written(String svg) {
        String plain = writtenPlain(svg);
        if (plain != null) return plain;
        synchronized (WRITTEN) {
            String w = WRITTEN.get(svg);
            if (w != null) return w.isEmpty() ? null : w;
        }
        Document doc = ReaderHtml.parse(svg);
        List<Node> nodes = doc.body().childNodes();
        String w = nodes.size() == 1 && nodes.get(0) instanceof Element e && e.normalName().equals("svg") ? e.outerHtml() : "";
        synchronized (WRITTEN) {
            if (WRITTEN.put(svg, w) == null) writtenChars += svg.length() + w.length();
            var it = WRITTEN.entrySet().iterator();
            while (writtenChars > WRITTEN_MAX_CHARS && it.hasNext()) {
                var e = it.next();
                writtenChars -= e.getKey().length() + e.getValue().length();
                it.remove();
            }
        }
        return w.isEmpty() ? null : w;
    }

    /** SVG element names a chart drawing uses that HTML's parser keeps as SVG inside {@code <svg>} (no breakout tags). */
    private static final java.util.Set<String> PLAIN_ELEMENTS = java.util.Set.of("svg", "style", "defs", "clipPath", "path",
            "text", "tspan", "g", "line", "rect", "circle", "ellipse", "polyline", "polygon", "title", "desc");
    private static final java.util.Set<String> TEXT_ONLY = java.util.Set.of("title", "desc", "style");

    /**
     * How jsoup writes {@code svg}, worked out without parsing it when it is plain markup of the simplest kind, as the
     * chart stage writes it; null otherwise (jsoup then decides). Parsing each drawing with jsoup only to write it again
     * was a tenth of a data page's view (session 9's profile: 30 of 708 samples of a 100-data-page build, against 32
     * for parsing the rest of the body). Plain means: one {@code <svg>} element ending the text, elements from
     * {@link #PLAIN_ELEMENTS} properly nested (and nothing but text in title, desc and style), attributes separated by single spaces with quoted values, and no
     * character that jsoup would decode or escape: no {@code &}, {@code <}, {@code >}, no quote of the other kind in a
     * value, no control character, no no-break space, no surrogate. Then jsoup's form differs from the text only in
     * writing every value in double quotes, and an element without children as {@code <name ... />} when an element of its
     * name was self-closed in the drawing
     * ({@code DrawingsTest} compares the two on the chart goldens and on random markup).
     */
    static String writtenPlain(String svg) {
        int n = svg.length();
        if (!svg.startsWith("<svg")) return null;
        StringBuilder out = new StringBuilder(n + n / 16);
        java.util.ArrayDeque<String> open = new java.util.ArrayDeque<>();
        java.util.ArrayDeque<Integer> openedAt = new java.util.ArrayDeque<>(); // out's length after each open start tag
        java.util.Set<String> selfClosed = new java.util.HashSet<>();
        for (int end = svg.indexOf("/>"); end >= 0; end = svg.indexOf("/>", end + 2)) {
            // No '<' in a plain value: the last one before "/>" starts its tag (anything else is declined below).
            int start = svg.lastIndexOf('<', end);
            int k = start + 1;
            while (k < end && isNameChar(svg.charAt(k))) k++;
            selfClosed.add(svg.substring(start + 1, k));
        }
        int i = 0;
        while (i < n) {
            char c = svg.charAt(i);
            if (c != '<') {
                if (open.isEmpty()) return null; // text after the drawing
                int start = i;
                while (i < n && svg.charAt(i) != '<') {
                    if (!plainChar(svg.charAt(i))) return null;
                    i++;
                }
                out.append(svg, start, i);
                continue;
            }
            if (i + 1 < n && svg.charAt(i + 1) == '/') { // an end tag: </name>
                int close = svg.indexOf('>', i);
                if (close < 0 || open.isEmpty() || !svg.regionMatches(i + 2, open.peek(), 0, close - i - 2)
                        || open.peek().length() != close - i - 2) return null;
                // An element without children is written self-closed when its kind of element was written
                // self-closed anywhere in the drawing (jsoup then marks the tag so), however this one was written.
                if (out.length() == openedAt.peek() && selfClosed.contains(open.peek())) {
                    out.setLength(out.length() - 1);
                    out.append(" />");
                } else {
                    out.append(svg, i, close + 1);
                }
                open.pop();
                openedAt.pop();
                i = close + 1;
                if (open.isEmpty() && i != n) return null; // the drawing must end the text
                continue;
            }
            if (open.isEmpty() && i != 0) return null;
            // Inside title and desc HTML's parser reads HTML (they are integration points), and style's content is
            // text to it: elements there are left to jsoup.
            if (!open.isEmpty() && TEXT_ONLY.contains(open.peek())) return null;
            int j = i + 1;
            while (j < n && isNameChar(svg.charAt(j))) j++;
            String name = svg.substring(i + 1, j);
            if (!PLAIN_ELEMENTS.contains(name) || name.equals("svg") && i != 0) return null;
            out.append('<').append(name);
            int tagStart = j; // where the attributes start
            while (true) {
                if (j >= n) return null;
                char d = svg.charAt(j);
                if (d == '>') {
                    out.append('>');
                    open.push(name);
                    openedAt.push(out.length());
                    i = j + 1;
                    break;
                }
                if (d == '/') {
                    if (j + 1 >= n || svg.charAt(j + 1) != '>') return null;
                    out.append(" />");
                    i = j + 2;
                    if (open.isEmpty()) return null; // a self-closed <svg/>: not a drawing
                    break;
                }
                if (d != ' ') return null;
                int a = j + 1;
                int e = a;
                while (e < n && isNameChar(svg.charAt(e))) e++;
                if (e == a || e + 1 >= n || svg.charAt(e) != '=') return null;
                char quote = svg.charAt(e + 1);
                if (quote != '"' && quote != '\'') return null;
                int end = svg.indexOf(quote, e + 2);
                if (end < 0) return null;
                for (int k = e + 2; k < end; k++) {
                    char v = svg.charAt(k);
                    if (!plainChar(v) || v == '"' || v == '\'') return null;
                }
                if (repeated(svg, tagStart, a, e - a)) return null; // jsoup drops a repeated attribute
                out.append(' ').append(svg, a, e).append("=\"").append(svg, e + 2, end).append('"');
                j = end + 1;
            }
        }
        return open.isEmpty() ? out.toString() : null;
    }

    /** Whether the attribute named at {@code svg[at, at+length)} was named before in the same tag, from {@code from}, ignoring case. */
    private static boolean repeated(String svg, int from, int at, int length) {
        for (int k = from; k < at - 1; k++) { // at - 1 is the space before this name itself
            // Each earlier name follows a space and precedes '='; a match inside an earlier value only leaves the
            // drawing to jsoup.
            if (svg.charAt(k) == ' ' && svg.regionMatches(true, k + 1, svg, at, length) && svg.charAt(k + 1 + length) == '=') return true;
        }
        return false;
    }

    private static boolean isNameChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_';
    }

    /** A character jsoup reads and writes as itself in text and attribute values. */
    private static boolean plainChar(char c) {
        return c >= ' ' && c != '&' && c != '<' && c != '>' && c != 0x7f && c != 0xa0 && !Character.isSurrogate(c)
                && !(c >= 0x80 && c < 0xa0);
    }
}
