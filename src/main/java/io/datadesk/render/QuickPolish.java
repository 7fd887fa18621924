package io.datadesk.render;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.internal.StringUtil;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Entities;
import org.jsoup.parser.Tag;

/**
 * {@link ReaderHtml#polishAndCount} for a body that only Flexmark wrote (no raw HTML, no directive output): the same
 * HTML, word and character counts and heading texts, without jsoup's HTML5 parser, selectors, clone and writer.
 *
 * <p>Why hand-written: for a plain page the jsoup round trip (parse, select, clone for the prose text, write) was a
 * sixth of a 1,000-page build, and what it does to Flexmark's output is small and known: entities become characters
 * and are written back as jsoup writes them, void elements lose their {@code " /"}, boolean attributes collapse, and
 * {@link ReaderHtml}'s touches are applied. This class reads that output with a small reader that accepts only
 * what Flexmark's renderers write, nested the way HTML's parsing rules leave unchanged; it gives up (returns null)
 * on anything else, and the caller then takes jsoup's path. Entity names, tag kinds (block, inline, whitespace) and
 * whitespace rules are jsoup's own, and the text of an element follows {@code Element.text()} of jsoup 1.22.
 * {@code QuickPolishTest} compares both paths on the flagship, hand-written cases and random Markdown.
 */
final class QuickPolish {

    private QuickPolish() {}

    /** Elements Flexmark's renderers (with datadesk's extensions) write, and the reader accepts. */
    private static final java.util.Set<String> KNOWN = java.util.Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "a",
            "em", "strong", "code", "pre", "ul", "ol", "li", "blockquote", "table", "thead", "tbody", "tr", "th", "td",
            "caption", "hr", "br", "img", "del", "sup", "input");
    private static final java.util.Set<String> VOID = java.util.Set.of("hr", "br", "img", "input");
    /** Elements in which HTML's parser would close or move a block element opened inside them. */
    private static final java.util.Set<String> PHRASING = java.util.Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6",
            "a", "em", "strong", "code", "del", "sup", "th", "td", "caption");
    private static final java.util.Set<String> BLOCKS = java.util.Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6",
            "pre", "ul", "ol", "li", "blockquote", "table", "hr");
    /** The elements {@link ReaderHtml} leaves out of the prose it counts. */
    private static final java.util.Set<String> NOT_PROSE = java.util.Set.of("table", "pre");

    private static final class El {
        final String name;
        final Tag tag;
        final El parent;
        final List<String[]> attrs = new ArrayList<>(2);
        final List<Object> kids = new ArrayList<>(); // El or String (decoded text)

        El(String name, El parent) {
            this.name = name;
            this.tag = Tag.valueOf(name);
            this.parent = parent;
        }

        String attr(String key) {
            for (String[] a : attrs) if (a[0].equals(key)) return a[1];
            return null;
        }

        void attr(String key, String value) {
            for (String[] a : attrs) if (a[0].equals(key)) { a[1] = value; return; }
            attrs.add(new String[] {key, value});
        }
    }

    /** The polished body, or null when it holds anything the reader does not accept. */
    static ReaderHtml.Polished polish(String html, io.datadesk.i18n.Messages msg) {
        El body = read(html);
        if (body == null) return null;
        return polish(body, html.length(), msg);
    }

    /**
     * As {@link #polish(String, io.datadesk.i18n.Messages)} on the HTML Flexmark would write for {@code tree} with
     * its links to folders pointed at their index file ({@link HtmlLinks}), taking the tree as it is rather than
     * reading the written HTML back: the same checks as the reader's, on the same escaped text.
     */
    static ReaderHtml.Polished polish(io.datadesk.read.PlainHtml.Element tree, io.datadesk.i18n.Messages msg) {
        El body = new El("body", null);
        int[] size = {0};
        if (!adopt(tree, body, size)) return null;
        return polish(body, size[0], msg);
    }

    /** The tree's children as children of {@code into}, as {@link #read} would read them from the written HTML. */
    private static boolean adopt(io.datadesk.read.PlainHtml.Element from, El into, int[] size) {
        for (Object k : from.kids()) {
            if (k instanceof String written) {
                String text = decode(written, 0, written.length());
                if (text == null || !textAllowed(into, text)) return false;
                if (into.name.equals("pre") && into.kids.isEmpty() && text.charAt(0) == '\n') return false; // the parser drops it
                into.kids.add(text);
                size[0] += written.length();
            } else {
                io.datadesk.read.PlainHtml.Element x = (io.datadesk.read.PlainHtml.Element) k;
                if (!KNOWN.contains(x.name()) || !startAllowed(into, x.name())) return false;
                El e = new El(x.name(), into);
                for (String[] a : x.attrs()) {
                    String written = a[0].equals("href") ? HtmlLinks.pointDirectoryAtIndex(a[1]) : a[1];
                    String value = decode(written, 0, written.length());
                    if (value == null || e.attr(a[0]) != null) return false;
                    e.attrs.add(new String[] {a[0], value});
                    size[0] += written.length() + a[0].length() + 4;
                }
                into.kids.add(e);
                size[0] += 2 * x.name().length() + 5;
                if (VOID.contains(x.name())) {
                    if (!x.kids().isEmpty()) return false;
                } else if (!adopt(x, e, size)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static ReaderHtml.Polished polish(El body, int size, io.datadesk.i18n.Messages msg) {
        String prose = text(body, true);
        Map<String, String> headings = new HashMap<>();
        int[] tables = {0};
        walk(body, e -> {
            if ((e.name.equals("h2") || e.name.equals("h3")) && e.attr("id") != null)
                headings.putIfAbsent(e.attr("id"), text(e, false).strip());
        });
        walk(body, e -> {
            if (e.name.equals("table")) polishTable(e, ++tables[0], msg);
            else if (e.name.equals("pre") && e.attr("tabindex") == null) e.attr("tabindex", "0");
        });
        StringBuilder out = new StringBuilder(size + 64 * tables[0] + 64);
        for (Object k : body.kids) write(k, out);
        return new ReaderHtml.Polished(out.toString(), ReaderHtml.words(prose), headings, ReaderHtml.cjkCharacters(prose));
    }

    private static void polishTable(El table, int number, io.datadesk.i18n.Messages msg) {
        walk(table, cell -> {
            if (!cell.name.equals("th") && !cell.name.equals("td")) return;
            String align = cell.attr("align");
            if (align == null) return;
            cell.attrs.removeIf(a -> a[0].equals("align"));
            align = align.toLowerCase(java.util.Locale.ROOT);
            if (align.equals("right")) addClass(cell, "num");
            else if (align.equals("center")) addClass(cell, "center");
        });
        El caption = null;
        for (Object k : table.kids) if (k instanceof El e && e.name.equals("caption")) { caption = e; break; }
        String captionText = caption == null ? null : text(caption, false);
        String label = captionText != null && !captionText.isBlank() ? captionText : msg.get("article.table_label", number);
        El box = new El("div", table.parent);
        box.attr("class", "table-scroll");
        box.attr("tabindex", "0");
        box.attr("role", "region");
        box.attr("aria-label", label);
        List<Object> siblings = table.parent.kids;
        siblings.set(siblings.indexOf(table), box);
        box.kids.add(table);
    }

    /** As jsoup's {@code addClass} on an element whose class list (if any) has no duplicates and single spaces. */
    private static void addClass(El e, String name) {
        String c = e.attr("class");
        if (c == null || c.isEmpty()) e.attr("class", name);
        else if (!java.util.Arrays.asList(c.split(" ")).contains(name)) e.attr("class", c + " " + name);
    }

    private static void walk(El e, java.util.function.Consumer<El> f) {
        for (Object k : new ArrayList<>(e.kids)) {
            if (k instanceof El c) {
                f.accept(c);
                walk(c, f);
            }
        }
    }

    // ---- reading --------------------------------------------------------------------------------------------------

    private static El read(String html) {
        El body = new El("body", null);
        El cur = body;
        int n = html.length();
        int i = 0;
        while (i < n) {
            char c = html.charAt(i);
            if (c != '<') {
                int end = html.indexOf('<', i);
                if (end < 0) end = n;
                String text = decode(html, i, end);
                if (text == null || !textAllowed(cur, text)) return null;
                if (cur.name.equals("pre") && cur.kids.isEmpty() && text.charAt(0) == '\n') return null; // the parser drops it
                cur.kids.add(text);
                i = end;
            } else if (i + 1 < n && html.charAt(i + 1) == '/') {
                int end = html.indexOf('>', i);
                if (end < 0 || !html.regionMatches(i + 2, cur.name, 0, cur.name.length()) || end != i + 2 + cur.name.length()
                        || cur.parent == null) return null;
                cur = cur.parent;
                i = end + 1;
            } else {
                int j = i + 1;
                while (j < n && isNameChar(html.charAt(j))) j++;
                String name = html.substring(i + 1, j);
                if (!KNOWN.contains(name) || !startAllowed(cur, name)) return null;
                El e = new El(name, cur);
                // attributes: ( ' ' key '="' value '"' )* then '>' or ' />'
                while (true) {
                    if (j >= n) return null;
                    char d = html.charAt(j);
                    if (d == '>') { j++; break; }
                    if (d == ' ' && html.startsWith("/>", j + 1)) { j += 3; break; }
                    if (d != ' ') return null;
                    int k = j + 1;
                    while (k < n && isKeyChar(html.charAt(k))) k++;
                    if (k == j + 1 || !html.startsWith("=\"", k)) return null;
                    String key = html.substring(j + 1, k);
                    int close = html.indexOf('"', k + 2);
                    if (close < 0 || e.attr(key) != null) return null; // the parser keeps the first of two
                    String value = decode(html, k + 2, close);
                    if (value == null) return null;
                    e.attrs.add(new String[] {key, value});
                    j = close + 1;
                }
                cur.kids.add(e);
                if (!VOID.contains(name)) cur = e;
                i = j;
            }
        }
        return cur == body ? body : null;
    }

    private static boolean isNameChar(char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
    }

    private static boolean isKeyChar(char c) {
        return c >= 'a' && c <= 'z' || c == '-';
    }

    /** Whether HTML's parser would put element {@code name} inside {@code parent} as it stands. */
    private static boolean startAllowed(El parent, String name) {
        switch (parent.name) {
            case "table":
                return name.equals("thead") || name.equals("tbody") || name.equals("caption");
            case "thead", "tbody":
                return name.equals("tr");
            case "tr":
                return name.equals("th") || name.equals("td");
            case "ul", "ol":
                return name.equals("li");
            default:
                if (name.equals("li") || name.equals("tr") || name.equals("th") || name.equals("td") || name.equals("thead")
                        || name.equals("tbody") || name.equals("caption")) return false;
        }
        if (BLOCKS.contains(name) || name.equals("a")) {
            for (El e = parent; e != null; e = e.parent) {
                if (name.equals("a") && e.name.equals("a")) return false;
                if (BLOCKS.contains(name) && PHRASING.contains(e.name)) return false;
            }
        }
        return true;
    }

    /** Text the parser leaves where it stands: in table structure, only whitespace. */
    private static boolean textAllowed(El parent, String text) {
        switch (parent.name) {
            case "table", "thead", "tbody", "tr", "ul", "ol":
                for (int i = 0; i < text.length(); i++) {
                    char c = text.charAt(i);
                    if (c != ' ' && c != '\n' && c != '\t') return false;
                }
                return true;
            default:
                return true;
        }
    }

    /**
     * The text between {@code from} and {@code to} with Flexmark's entities ({@code &name;}, {@code &#n;},
     * {@code &#xh;}) decoded; null for anything the reader does not accept (other uses of {@code &}, control
     * characters, carriage returns, surrogates).
     */
    private static String decode(String s, int from, int to) {
        StringBuilder out = null;
        int copied = from;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < 0x20 && c != '\n' && c != '\t' || Character.isSurrogate(c)) return null;
            if (c != '&') continue;
            int semi = s.indexOf(';', i);
            if (semi < 0 || semi >= to || semi == i + 1) return null;
            String decoded;
            if (s.charAt(i + 1) == '#') {
                int cp;
                try {
                    cp = s.charAt(i + 2) == 'x' || s.charAt(i + 2) == 'X' ? Integer.parseInt(s.substring(i + 3, semi), 16)
                            : Integer.parseInt(s.substring(i + 2, semi));
                } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
                    return null;
                }
                // Outside these the parser substitutes (windows-1252 C1 controls, NUL, surrogates, non-characters).
                if (!(cp >= 0x20 && cp < 0x7f || cp >= 0xa0 && cp < 0xd800 || cp >= 0xe000 && cp < 0xfdd0)) return null;
                decoded = new String(Character.toChars(cp));
            } else {
                String name = s.substring(i + 1, semi);
                if (!entityName(name) || !Entities.isNamedEntity(name)) return null;
                decoded = Entities.getByName(name);
                if (decoded.isEmpty()) return null;
            }
            if (out == null) out = new StringBuilder(to - from);
            out.append(s, copied, i).append(decoded);
            i = semi;
            copied = semi + 1;
        }
        return out == null ? s.substring(from, to) : out.append(s, copied, to).toString();
    }

    /** Letters then digits: what the parser reads as an entity's name before the {@code ;}. */
    private static boolean entityName(String name) {
        int i = 0;
        while (i < name.length() && Character.isLetter(name.charAt(i)) && name.charAt(i) < 0x80) i++;
        if (i == 0) return false;
        while (i < name.length() && name.charAt(i) >= '0' && name.charAt(i) <= '9') i++;
        return i == name.length();
    }

    // ---- text, as jsoup's Element.text() ---------------------------------------------------------------------------

    /** The element's normalised text; for {@code prose}, without the elements that are not prose. */
    private static String text(El root, boolean prose) {
        StringBuilder accum = new StringBuilder();
        textOf(root, prose, accum);
        return accum.toString().trim();
    }

    private static void textOf(El e, boolean prose, StringBuilder accum) {
        List<Object> kids = e.kids;
        if (prose) {
            kids = new ArrayList<>(kids);
            kids.removeIf(k -> k instanceof El c && NOT_PROSE.contains(c.name));
        }
        for (int i = 0; i < kids.size(); i++) {
            Object k = kids.get(i);
            if (k instanceof String t) {
                if (preserveWhitespace(e)) accum.append(t);
                else StringUtil.appendNormalisedWhitespace(accum, t, lastIsSpace(accum));
            } else {
                El c = (El) k;
                if (accum.length() > 0 && (c.tag.isBlock() || c.name.equals("br")) && !lastIsSpace(accum)) accum.append(' ');
                textOf(c, prose, accum);
                Object next = i + 1 < kids.size() ? kids.get(i + 1) : null;
                if (!c.tag.isInline() && (next instanceof String || next instanceof El x && x.tag.isInline()) && !lastIsSpace(accum))
                    accum.append(' ');
            }
        }
    }

    private static boolean lastIsSpace(StringBuilder sb) {
        return sb.length() != 0 && sb.charAt(sb.length() - 1) == ' ';
    }

    /** As jsoup: this element or one of its five nearest ancestors keeps whitespace ({@code pre}). */
    private static boolean preserveWhitespace(El e) {
        for (int i = 0; i < 6 && e != null; i++, e = e.parent) if (e.tag.preserveWhitespace()) return true;
        return false;
    }

    // ---- writing, as jsoup writes without pretty-printing -----------------------------------------------------------

    private static void write(Object node, StringBuilder out) {
        if (node instanceof String t) {
            escape(t, false, out);
            return;
        }
        El e = (El) node;
        out.append('<').append(e.name);
        for (String[] a : e.attrs) {
            out.append(' ').append(a[0]);
            if ((a[1].isEmpty() || a[1].equalsIgnoreCase(a[0])) && Attribute.isBooleanAttribute(a[0])) continue;
            out.append("=\"");
            escape(a[1], true, out);
            out.append('"');
        }
        out.append('>');
        if (e.kids.isEmpty() && e.tag.isEmpty()) return;
        for (Object k : e.kids) write(k, out);
        out.append("</").append(e.name).append('>');
    }

    /** jsoup's escaping in its base mode for UTF-8 output (the reader let no control character or surrogate through). */
    private static void escape(String s, boolean attribute, StringBuilder out) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '\u00a0' -> out.append("&nbsp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                default -> out.append(c);
            }
        }
    }
}
