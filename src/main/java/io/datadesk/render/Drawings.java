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
}
