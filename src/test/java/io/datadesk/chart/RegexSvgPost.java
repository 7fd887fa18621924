package io.datadesk.chart;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SvgPost's passes as they were written with regular expressions (main b83aaa9), kept as the reference the hand-written
 * scans are compared with in SvgPostTest.
 */
final class RegexSvgPost {

    private RegexSvgPost() {}

    static final Pattern BACKGROUND_RECT = Pattern.compile("<rect [^>]*fill:" + Pattern.quote(SvgPost.rgb(ChartRenderer.BACKGROUND)) + "[^>]*/>");
    private static final Pattern STYLE_ATTR = Pattern.compile("style='([^']*)'");
    private static final List<String> TIGHT_TAGS = List.of(" >", "' />"), TIGHTER = List.of(">", "'/>");
    private static final Pattern PATH_D = Pattern.compile("<path d='([MLZ0-9.,\\- ]*)'");
    private static final Pattern PATH_STEP = Pattern.compile("([MLZ])(?:([-0-9.]+),([-0-9.]+))?");
    private static final Pattern BARE_TEXT_GROUP = Pattern.compile("<g>(<text [^>]*>[^<]*</text>)</g>");
    private static final Pattern PATH_GROUP = Pattern.compile("<g ([^>]*)>((?:<path [^>]*/>)+)</g>");

    static String withoutBackground(String body) {
        return BACKGROUND_RECT.matcher(body).replaceAll("");
    }

    static String[] styleClasses(String body, String id) {
        Map<String, Integer> uses = new LinkedHashMap<>();
        Matcher m = STYLE_ATTR.matcher(body);
        while (m.find()) uses.merge(m.group(1), 1, Integer::sum);
        Map<String, String> classes = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> e : uses.entrySet())
            if (e.getValue() > 1) classes.put(e.getKey(), "s" + classes.size());
        if (classes.isEmpty()) return new String[] {"", body};
        String replaced = STYLE_ATTR.matcher(body).replaceAll(r -> {
            String c = classes.get(r.group(1));
            return Matcher.quoteReplacement(c == null ? r.group() : "class='" + c + "'");
        });
        StringBuilder css = new StringBuilder("<style>");
        classes.forEach((style, c) -> css.append('#').append(id).append(" .").append(c).append('{').append(style).append('}'));
        return new String[] {css.append("</style>").toString(), replaced};
    }

    static String compactGeometry(String body) {
        body = SvgPost.translations(body);
        body = SvgPost.replaceEach(body, TIGHT_TAGS, TIGHTER);
        body = PATH_D.matcher(body).replaceAll(m -> Matcher.quoteReplacement("<path d='" + straightPath(m.group(1)) + "'"));
        body = BARE_TEXT_GROUP.matcher(body).replaceAll("$1");
        Matcher m = PATH_GROUP.matcher(body);
        StringBuilder out = new StringBuilder(body.length());
        int last = 0;
        String open = null;
        while (m.find()) {
            if (open != null && m.start() == last && m.group(1).equals(open)) {
                out.append(m.group(2));
            } else {
                if (open != null) out.append("</g>");
                out.append(body, last, m.start()).append("<g ").append(m.group(1)).append('>').append(m.group(2));
                open = m.group(1);
            }
            last = m.end();
        }
        if (open != null) out.append("</g>");
        return out.append(body, last, body.length()).toString();
    }

    static String straightPath(String d) {
        String path = d.replace(" ", "");
        Matcher m = PATH_STEP.matcher(path);
        StringBuilder out = new StringBuilder(path.length());
        String x = null, y = null, sx = null, sy = null;
        boolean drawn = false, skipped = false;
        // The last step written (H, V or L; M or Z for none), where it starts in out, and whether it went up the axis.
        char lastStep = 'M';
        int lastAt = 0;
        boolean rising = false;
        int end = 0;
        while (m.find()) {
            if (m.start() != end) return d; // not a plain M/L/Z path: leave it as it is
            end = m.end();
            String c = m.group(1);
            if (!c.equals("L") && skipped && !drawn) out.append('H').append(x);
            if (!c.equals("L")) lastStep = c.charAt(0);
            if (c.equals("Z")) {
                out.append('Z');
                x = sx;
                y = sy;
                drawn = skipped = false;
                continue;
            }
            if (m.group(2) == null) return d;
            String nx = m.group(2), ny = m.group(3);
            if (c.equals("M")) {
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
        if (end != path.length()) return d;
        if (skipped && !drawn) out.append('H').append(x);
        return out.toString();
    }
}
