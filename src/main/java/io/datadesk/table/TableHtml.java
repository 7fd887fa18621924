package io.datadesk.table;

import io.datadesk.data.Column;
import io.datadesk.data.QueryResult;
import io.datadesk.error.ContentException;
import io.datadesk.error.Diagnostic;
import io.datadesk.error.Suggest;
import io.datadesk.format.ValueFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders query results as accessible HTML tables: column headers with {@code scope="col"}, numbers right-aligned
 * through {@code class="num"}, and the table wrapped in a focusable, labelled region so a wide table scrolls in
 * its own box (and keyboard users can scroll it). Every value from data is HTML-escaped.
 */
public final class TableHtml {

    private TableHtml() {}

    /**
     * Renders {@code result} as {@code spec} asks. Throws a located {@link ContentException} naming every column of
     * the spec that the result does not have, and every format that does not fit its column.
     */
    public static String render(TableSpec spec, QueryResult result, Locale locale) {
        return render(spec, result, locale, io.datadesk.i18n.MessageCatalog.builtIn().forLocale(locale));
    }

    /** As above, with missing values named in the language of {@code msg}. */
    public static String render(TableSpec spec, QueryResult result, Locale locale, io.datadesk.i18n.Messages msg) {
        List<Diagnostic> problems = new ArrayList<>();
        List<Shown> shown = new ArrayList<>();
        if (spec.columns().isEmpty()) {
            for (int i = 0; i < result.columns().size(); i++) shown.add(defaultColumn(result.columns().get(i), i));
        }
        for (TableSpec.ColumnSpec c : spec.columns()) {
            int i = result.indexOf(c.name());
            if (i < 0) {
                String hint = Suggest.didYouMean(c.name(), result.columnNames());
                problems.add(new Diagnostic(spec.file(), c.line(), c.column(), "table: result '" + result.name() + "' has no column '" + c.name() + "'",
                        (hint.isEmpty() ? "" : hint + " ") + "Columns of " + result.name() + ": " + String.join(", ", result.columnNames()) + "."));
                continue;
            }
            Column col = result.columns().get(i);
            if (c.format() != null && !c.format().accepts(col.type())) {
                problems.add(new Diagnostic(spec.file(), c.line(), c.column(), "table: format '" + c.format().spec() + "' does not fit column '"
                        + col.name() + "', which is " + col.type().name().toLowerCase(Locale.ROOT),
                        "use number formats for numbers and date formats for dates, or leave the format out"));
                continue;
            }
            boolean numeric = c.format() != null ? c.format().isNumeric() && col.type().isNumeric() : col.type().isNumeric();
            shown.add(new Shown(i, c.label(), c.format(), cssClass(c.align(), numeric)));
        }
        if (!problems.isEmpty()) throw new ContentException(problems);
        // The scroll region is named by what the reader sees: the caption, else the column headers (never the query name).
        String label = spec.caption() != null ? spec.caption() : String.join(", ", shown.stream().map(Shown::label).toList());
        return html(result, shown, spec.caption(), label, spec.limit(), locale, false, noData(msg));
    }

    /** Every column of {@code result} with its own name and the default formats, e.g. for a chart's "Show the data". */
    public static String renderAll(QueryResult result, Locale locale) {
        return renderAll(result, locale, result.name());
    }

    /** As {@link #renderAll(QueryResult, Locale)}, with {@code ariaLabel} naming the region for screen readers. */
    public static String renderAll(QueryResult result, Locale locale, String ariaLabel) {
        return html(result, allColumns(result), null, ariaLabel, 0, locale, false, NO_DATA);
    }

    /**
     * Every column, under a caption, with the first column as row headers: the numbers behind a chart, where each
     * row is one category or date (screen readers then announce it with every value of the row).
     */
    public static String renderAllWithRowHeaders(QueryResult result, Locale locale, String caption) {
        return html(result, allColumns(result), caption, caption == null ? result.name() : caption, 0, locale, true, NO_DATA);
    }

    private static List<Shown> allColumns(QueryResult result) {
        List<Shown> shown = new ArrayList<>();
        for (int i = 0; i < result.columns().size(); i++) shown.add(defaultColumn(result.columns().get(i), i));
        return shown;
    }

    private record Shown(int index, String label, ValueFormat format, String cssClass) {}

    private static Shown defaultColumn(Column c, int i) {
        return new Shown(i, c.name(), null, c.type().isNumeric() ? "num" : null);
    }

    private static String cssClass(TableSpec.Align align, boolean numeric) {
        if (align == null) return numeric ? "num" : null;
        return switch (align) {
            case LEFT -> "align-left";
            case CENTER -> "align-center";
            case RIGHT -> numeric ? "num" : "align-right";
        };
    }

    private static String html(QueryResult result, List<Shown> shown, String caption, String ariaLabel, int limit, Locale locale,
                               boolean rowHeaders, String noData) {
        int rows = limit > 0 ? Math.min(limit, result.rowCount()) : result.rowCount();
        List<List<String>> texts = new ArrayList<>(rows);
        for (int r = 0; r < rows; r++) {
            List<Object> row = result.rows().get(r);
            List<String> cells = new ArrayList<>(shown.size());
            for (Shown s : shown) {
                Object v = row.get(s.index);
                cells.add(v == null ? null : s.format == null ? ValueFormat.plain(v, locale, result.columns().get(s.index).name()) : s.format.format(v, locale));
            }
            texts.add(cells);
        }
        java.util.Set<Integer> longText = longTextColumns(shown, texts);
        StringBuilder sb = new StringBuilder(256 + 64 * Math.min(result.rowCount(), 1000) * Math.max(1, shown.size()));
        sb.append("<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"").append(escape(ariaLabel)).append("\">\n");
        // Numbers in every column after the first: one class on the table aligns them (as in renderGrid).
        boolean numbersAfterFirst = shown.size() > 1 && shown.subList(1, shown.size()).stream().allMatch(s -> "num".equals(s.cssClass));
        sb.append(numbersAfterFirst ? "<table class=\"data-table dd-numeric\">\n" : "<table class=\"data-table\">\n");
        if (caption != null) sb.append("<caption>").append(escape(caption)).append("</caption>\n");
        sb.append("<thead>\n<tr>");
        for (int c = 0; c < shown.size(); c++) {
            Shown s = shown.get(c);
            sb.append("<th scope=\"col\"");
            // Only the header carries the class: a column is as wide as its widest minimum, so one cell suffices.
            if (!(numbersAfterFirst && c > 0)) classAttr(sb, !longText.contains(c) ? s.cssClass : s.cssClass == null ? "long" : s.cssClass + " long");
            sb.append('>').append(escape(s.label)).append("</th>");
        }
        sb.append("</tr>\n</thead>\n<tbody>\n");
        for (int r = 0; r < rows; r++) {
            sb.append("<tr>");
            for (int c = 0; c < shown.size(); c++) {
                Shown s = shown.get(c);
                String text = texts.get(r).get(c);
                String tag = rowHeaders && c == 0 ? "th" : "td";
                sb.append('<').append(tag).append(tag.equals("th") ? " scope=\"row\"" : "");
                if (!(numbersAfterFirst && c > 0)) classAttr(sb, s.cssClass);
                sb.append('>').append(text == null ? noData : escape(text)).append("</").append(tag).append('>');
            }
            sb.append("</tr>\n");
        }
        sb.append("</tbody>\n</table>\n</div>\n");
        return sb.toString();
    }

    /**
     * A missing value (NULL): a dash for the eye and the words "no data" for screen readers, never a blank that
     * reads as nothing or a 0.
     */
    public static final String NO_DATA = "<span class=\"dd-nodata\" aria-hidden=\"true\">–</span><span class=\"dd-visually-hidden\">no data</span>";

    /** {@link #NO_DATA} in the page's language. */
    /**
     * A note after a value, {@code " (estimate)"} or {@code "（估计值）"} as the language writes it: a space the message
     * starts with stays outside the span, so the note's style (smaller, muted) does not underline or shade it.
     */
    public static void flagSpan(StringBuilder sb, String note) {
        if (note.startsWith(" ")) sb.append(' ');
        sb.append("<span class=\"dd-flag\">").append(escape(note.strip())).append("</span>");
    }

    public static String noData(io.datadesk.i18n.Messages msg) {
        return "<span class=\"dd-nodata\" aria-hidden=\"true\">–</span><span class=\"dd-visually-hidden\">"
                + escape(msg.get("table.no_data")) + "</span>";
    }

    /**
     * One cell of a {@link #renderGrid grid}: its text ({@code null} when the value is missing) and an optional flag
     * shown after it, such as "estimate".
     */
    public record Cell(String text, String flag) {
        public static Cell of(String text) {
            return new Cell(text, null);
        }
    }

    /**
     * A table of already formatted cells with the first column as row headers: the numbers behind a chart, with the
     * chart's labels as headers and its formats in the cells.
     *
     * @param numeric per column, whether it holds numbers (right-aligned)
     */
    public static String renderGrid(String caption, String ariaLabel, List<String> headers, List<Boolean> numeric, List<List<Cell>> rows) {
        return renderGrid(caption, ariaLabel, headers, numeric, rows, io.datadesk.i18n.Messages.english());
    }

    /** As above, with missing values named in the page's language. */
    public static String renderGrid(String caption, String ariaLabel, List<String> headers, List<Boolean> numeric, List<List<Cell>> rows,
                                    io.datadesk.i18n.Messages msg) {
        String noData = noData(msg);
        StringBuilder sb = new StringBuilder(256 + 48 * rows.size() * Math.max(1, headers.size()));
        sb.append("<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"").append(escape(ariaLabel)).append("\">\n");
        // The usual chart table has numbers in every column after the first: one class on the table then aligns them
        // (site.css), rather than a class on each of hundreds of cells.
        boolean numbersAfterFirst = headers.size() > 1 && !numeric.subList(1, numeric.size()).contains(false);
        sb.append(numbersAfterFirst ? "<table class=\"data-table dd-numeric\">\n" : "<table class=\"data-table\">\n");
        if (caption != null) sb.append("<caption>").append(escape(caption)).append("</caption>\n");
        sb.append("<thead>\n<tr>");
        for (int i = 0; i < headers.size(); i++) {
            sb.append("<th scope=\"col\"");
            classAttr(sb, numeric.get(i) && (i == 0 || !numbersAfterFirst) ? "num" : null);
            sb.append('>').append(escape(headers.get(i))).append("</th>");
        }
        sb.append("</tr>\n</thead>\n<tbody>\n");
        for (List<Cell> row : rows) {
            sb.append("<tr>");
            for (int i = 0; i < row.size(); i++) {
                Cell c = row.get(i);
                String tag = i == 0 ? "th" : "td";
                sb.append('<').append(tag).append(i == 0 ? " scope=\"row\"" : "");
                classAttr(sb, numeric.get(i) && (i == 0 || !numbersAfterFirst) ? "num" : null);
                sb.append('>').append(c.text() == null ? noData : escape(c.text()));
                if (c.flag() != null) flagSpan(sb, msg.get("chart.in_parentheses", c.flag()));
                sb.append("</").append(tag).append('>');
            }
            sb.append("</tr>\n");
        }
        sb.append("</tbody>\n</table>\n</div>\n");
        return sb.toString();
    }

    /** Text longer than this many characters is a note or an explanation, not a label. */
    private static final int LONG_TEXT = 32;

    /**
     * Text columns holding long values (notes, explanations): their header gets the class {@code long}, which the theme gives
     * a readable minimum width: squeezed to its longest word, such a column turns every row into a tall, mostly empty
     * one, and on a scrolled table the note that made it tall is out of sight.
     */
    private static java.util.Set<Integer> longTextColumns(List<Shown> shown, List<List<String>> texts) {
        java.util.Set<Integer> out = new java.util.HashSet<>();
        for (int c = 0; c < shown.size(); c++) {
            if ("num".equals(shown.get(c).cssClass)) continue;
            for (List<String> row : texts) {
                if (row.get(c) != null && row.get(c).length() > LONG_TEXT) {
                    out.add(c);
                    break;
                }
            }
        }
        return out;
    }

    private static void classAttr(StringBuilder sb, String cssClass) {
        if (cssClass != null) sb.append(" class=\"").append(cssClass).append('"');
    }

    private static String escape(String s) {
        return io.datadesk.format.Html.escape(s);
    }
}
