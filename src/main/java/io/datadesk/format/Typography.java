package io.datadesk.format;

import com.vladsch.flexmark.ext.typographic.TypographicExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.DataKey;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * Typographic quotes, dashes and ellipses for the text datadesk sets outside the prose (chart titles, notes, axis
 * labels, legend entries and descriptions, table captions and headers, source credits): {@code "AI"} becomes “AI”,
 * {@code it's} it’s, {@code --} an en dash, {@code ---} an em dash and {@code ...} an ellipsis, exactly as in the
 * prose.
 *
 * <p>The prose gets them from Flexmark's {@link TypographicExtension} (see {@code read.Markdown}); this runs the same
 * extension with the same options rather than a hand-written copy of its rules (which quote opens and which closes
 * depends on the characters around it, as for emphasis). Everything else that Markdown would read in a label is
 * escaped first, so {@code *}, {@code _}, {@code [..]}, {@code <...>}, {@code &amp;} and a leading {@code 1.} or
 * {@code #} stay the text they are. One difference: {@code <<} and {@code >>} are not turned into angle quotes,
 * since in a label they are more likely "much less" or "much more". Thread-safe.
 */
public final class Typography {

    /** The Markdown prose's typographic extension, with every block construct and emphasis turned off. */
    private static final DataHolder OPTIONS = options();
    private static final Parser PARSER = Parser.builder(OPTIONS).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder(OPTIONS).build();

    private Typography() {}

    private static DataHolder options() {
        MutableDataSet o = new MutableDataSet();
        o.set(Parser.EXTENSIONS, List.of(TypographicExtension.create()));
        for (DataKey<Boolean> k : List.of(Parser.BLOCK_QUOTE_PARSER, Parser.FENCED_CODE_BLOCK_PARSER, Parser.HEADING_PARSER,
                Parser.HTML_BLOCK_PARSER, Parser.INDENTED_CODE_BLOCK_PARSER, Parser.THEMATIC_BREAK_PARSER,
                Parser.LIST_BLOCK_PARSER, Parser.REFERENCE_PARAGRAPH_PRE_PROCESSOR))
            o.set(k, false);
        o.set(HtmlRenderer.SOFT_BREAK, "\n");
        return o.toImmutable();
    }

    /** {@code text} with typographic quotes, dashes and ellipses; {@code null} stays {@code null}. */
    public static String smarten(String text) {
        if (text == null || !hasCandidates(text)) return text;
        int start = 0, end = text.length();
        while (start < end && Character.isWhitespace(text.charAt(start))) start++;
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) end--;
        if (start == end) return text;
        String html = RENDERER.render(PARSER.parse(escape(text.substring(start, end))));
        StringBuilder out = new StringBuilder();
        for (Element p : Jsoup.parseBodyFragment(html).body().children()) {
            if (!out.isEmpty()) out.append("\n\n");
            out.append(p.wholeText());
        }
        return text.substring(0, start) + out + text.substring(end);
    }

    private static boolean hasCandidates(String text) {
        return text.indexOf('\'') >= 0 || text.indexOf('"') >= 0 || text.contains("--") || text.contains("..")
                || text.contains(". .");
    }

    /**
     * A backslash before every ASCII punctuation character but the ones the typographic rules read (CommonMark lets
     * any of them be escaped), so that only quotes, dashes and dots keep a meaning; a dot or dash that would start a
     * list is escaped too. Trailing spaces are dropped, since two of them would make a line break.
     */
    private static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        boolean lineStart = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ' ' && (i + 1 == s.length() || s.charAt(i + 1) == '\n')) continue;
            boolean punct = c < 128 && !Character.isLetterOrDigit(c) && c > ' ' && c != 127;
            boolean typographic = c == '\'' || c == '"' || c == '-' || c == '.';
            if (punct && (!typographic || (lineStart && c != '\'' && c != '"') || followsNumberAtLineStart(s, i))) sb.append('\\');
            sb.append(c);
            if (c == '\n') lineStart = true;
            else if (c != ' ') lineStart = false;
        }
        return sb.toString();
    }

    /** Whether a dot ends a number that starts its line ("2024. Then"), which Markdown would read as a list item. */
    private static boolean followsNumberAtLineStart(String s, int i) {
        if (s.charAt(i) != '.' || i == 0 || !Character.isDigit(s.charAt(i - 1))) return false;
        int j = i - 1;
        while (j >= 0 && Character.isDigit(s.charAt(j))) j--;
        while (j >= 0 && s.charAt(j) == ' ') j--;
        return j < 0 || s.charAt(j) == '\n';
    }
}
