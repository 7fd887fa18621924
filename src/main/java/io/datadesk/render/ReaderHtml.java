package io.datadesk.render;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.ParseSettings;
import org.jsoup.parser.Parser;

/**
 * Last touches to a rendered Markdown body so that it is valid HTML5 and accessible, where Flexmark's output is
 * not and has no option to be: column alignment as the obsolete {@code align} attribute becomes a class; tables and
 * code blocks that may scroll sideways become keyboard-focusable regions (a reader who cannot use a mouse must be
 * able to scroll them); footnotes get a "Notes" heading and back-links a name a screen reader can say.
 */
public final class ReaderHtml {

    private ReaderHtml() {}

    /**
     * A polished body, the number of words of prose a reader reads in it, and the text of each heading by its id (as
     * readers see it: inline values expanded, typographic quotes), all from the same parse: parsing a page's HTML is
     * a good part of its cost, so it is parsed once.
     */
    public record Polished(String html, int words, java.util.Map<String, String> headings, int characters) {
        public Polished(String html, int words, java.util.Map<String, String> headings) {
            this(html, words, headings, 0);
        }

        public Polished {
            headings = java.util.Map.copyOf(headings);
        }
    }

    /**
     * What is not prose for the reading time: charts (their labels, legends and captions), tables and their hidden
     * "Show the data" copies, "Show the SQL" blocks and code. Nobody reads them word by word; counting them made the
     * flagship's estimate four times its prose.
     */
    private static final String NOT_PROSE = "figure, table, details, pre, svg, script, style";

    public static String polish(String bodyHtml) {
        return polishAndCount(bodyHtml).html();
    }

    public static Polished polishAndCount(String bodyHtml) {
        return polishAndCount(bodyHtml, io.datadesk.i18n.Messages.english());
    }

    /**
     * Polishes the body for readers, with the words datadesk adds ("Notes", "Table 2", the footnotes' back-links)
     * from {@code msg}, and counts its prose: words, and separately the characters of scripts written without
     * spaces (Chinese, Japanese), which are read by the character.
     */
    public static Polished polishAndCount(String bodyHtml, io.datadesk.i18n.Messages msg) {
        return polishAndCount(parse(bodyHtml), msg);
    }

    /**
     * A rendered body as the steps after Markdown work on it: parsed once, case preserved (so inline SVG keeps
     * {@code viewBox} and friends exactly as the chart stage wrote them), written back without pretty-printing.
     */
    public static Document parse(String bodyHtml) {
        Document doc = Parser.htmlParser().settings(ParseSettings.preserveCase).parseInput("<body>" + bodyHtml + "</body>", "");
        doc.outputSettings().prettyPrint(false);
        return doc;
    }

    /** As {@link #polishAndCount(String, io.datadesk.i18n.Messages)}, on a body {@link #parse parsed} already; changes it. */
    public static Polished polishAndCount(Document doc, io.datadesk.i18n.Messages msg) {
        return polishAndCount(doc, msg, 0);
    }

    /** As above, for a part of a body with {@code tablesBefore} tables before it (a table without a caption is named by its number). */
    static Polished polishAndCount(Document doc, io.datadesk.i18n.Messages msg, int tablesBefore) {
        String prose = proseText(doc.body());
        int characters = cjkCharacters(prose);
        int words = words(prose);
        java.util.Map<String, String> headings = new java.util.HashMap<>();
        for (Element h : doc.select("h2[id], h3[id]")) headings.putIfAbsent(h.id(), h.text().strip());
        int tables = tablesBefore;
        for (Element table : doc.select("table")) {
            tables++;
            for (Element cell : table.select("th[align], td[align]")) {
                String align = cell.attr("align").toLowerCase(java.util.Locale.ROOT);
                cell.removeAttr("align");
                if (align.equals("right")) cell.addClass("num");
                else if (align.equals("center")) cell.addClass("center");
            }
            // Horizontal bar charts (chart.Hbar) fill the column and never scroll: no scroll box, no tab stop, and no
            // copy of their long description as the box's name.
            if (table.hasClass("dd-hbar")) continue;
            Element caption = table.selectFirst("caption");
            String label = caption != null && !caption.text().isBlank() ? caption.text() : msg.get("article.table_label", tables);
            Element box = table.parent();
            // A table that already sits in a scroll box (a chart's data table) gets the box made focusable instead.
            if (box == null || !(box.hasClass("table-scroll") || box.hasClass("dd-table-scroll"))) {
                table.wrap("<div class=\"table-scroll\"></div>");
                box = table.parent();
            }
            if (!box.hasAttr("tabindex")) box.attr("tabindex", "0");
            if (!box.hasAttr("role")) box.attr("role", "region");
            if (!box.hasAttr("aria-label") && !box.hasAttr("aria-labelledby")) box.attr("aria-label", label);
        }
        for (Element pre : doc.select("pre")) if (!pre.hasAttr("tabindex")) pre.attr("tabindex", "0");
        Element notes = doc.selectFirst("div.footnotes");
        if (notes != null) {
            notes.tagName("section").attr("aria-labelledby", "dd-notes-title");
            Element hr = notes.selectFirst("> hr");
            if (hr != null) hr.remove();
            notes.prependElement("h2").attr("id", "dd-notes-title").addClass("footnotes-title").text(msg.get("article.notes"));
            for (Element back : notes.select("a.footnote-backref")) {
                String target = back.attr("href").replaceFirst("^#fnref-", "");
                back.attr("aria-label", msg.get("article.back_to_reference", target));
                back.attr("role", "doc-backlink");
                // U+FE0E asks for the text form of ↩, not an emoji picture on phones.
                back.text("\u21A9\uFE0E");
                // Flexmark puts the back-link after the note's paragraph, on a line of its own; inside it reads better.
                Element lastPara = back.parent().select("> p").last();
                if (lastPara != null) {
                    lastPara.appendText(" ");
                    lastPara.appendChild(back);
                }
            }
        }
        return new Polished(doc.body().html(), words, headings, characters);
    }

    /** The words of the body's prose: its text without the elements in {@link #NOT_PROSE}. */
    static int proseWords(Element body) {
        return words(proseText(body));
    }

    private static String proseText(Element body) {
        Element prose = body.clone();
        prose.select(NOT_PROSE).remove();
        return prose.text();
    }

    /**
     * Space-separated words, not counting CJK characters (a run of Chinese is one "word" to a split on spaces): the
     * text with each CJK character replaced by a space, trimmed, then split on {@code \\s+}, counted without making
     * those strings. Hand-written in one pass: the regular expressions that did this asked four Unicode script
     * tables about every character of every page, 17 % of a 1,000-page build.
     */
    static int words(String text) {
        boolean blank = true; // as String.isBlank
        boolean content = false; // a character above U+0020 seen: inside the trimmed text
        boolean gap = false; // in a run of \s after content
        int runs = 0, pending = 0; // \s runs inside the trimmed text; runs not yet followed by a character above U+0020
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            int c = isCjk(cp) ? ' ' : cp;
            if (blank && !Character.isWhitespace(c)) blank = false;
            if (c > ' ') {
                runs += pending + (gap ? 1 : 0);
                pending = 0;
                gap = false;
                content = true;
            } else if (isRegexSpace(c)) {
                if (content) gap = true;
            } else if (gap) { // a control character: part of a word if the trimmed text goes on past it
                pending++;
                gap = false;
            }
        }
        return blank ? 0 : runs + 1;
    }

    /** {@code \\s} of java.util.regex without UNICODE_CHARACTER_CLASS. */
    private static boolean isRegexSpace(int c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    /** The CJK characters of a text, each read on its own. */
    static int cjkCharacters(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (isCjk(cp)) n++;
        }
        return n;
    }

    /**
     * Han ideographs, kana, hangul and CJK punctuation: text written without spaces between words. The same set as
     * {@code [\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}\\p{IsHangul}\\u3000-\\u303f\\uff00-\\uffef]} (checked over every
     * code point by ReadingCountTest); no code point below the Hangul Jamo (U+1100) is in it.
     */
    static boolean isCjk(int cp) {
        if (cp < 0x1100) return false;
        if (cp >= 0x3000 && cp <= 0x303f || cp >= 0xff00 && cp <= 0xffef) return true;
        Character.UnicodeScript s = Character.UnicodeScript.of(cp);
        return s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA
                || s == Character.UnicodeScript.KATAKANA || s == Character.UnicodeScript.HANGUL;
    }
}
