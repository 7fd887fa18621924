package io.datadesk.data;

import io.datadesk.error.Diagnostic;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A data assertion, an {@code ```assert NAME} block: a query that returns the rows breaking a rule the author
 * states. No row: the rule holds. Any row: the build fails, naming the rule and showing the first rows.
 *
 * <pre>
 * ```assert totals_match
 * message: every year's layoffs add up to the published total
 * select year, laid_off, published_total from yearly where laid_off &lt;&gt; published_total
 * ```
 * </pre>
 *
 * The author's wording is an optional first line {@code message: …}, or else the {@code --} comment lines that
 * open the block. Readers never see an assertion.
 *
 * @param name    as written after {@code assert}, or {@code line N} for an unnamed block
 * @param message the author's wording of the rule, or empty
 * @param sql     the query, with a {@code message:} line turned into a comment so that line numbers stay those of the
 *                page
 * @param file    the page, and {@code line} the block's opening fence, for messages
 */
public record Assertion(String name, String message, String sql, String file, int line) {

    /** Rows shown in a failure: enough to see the pattern, few enough to read. */
    public static final int SHOWN_ROWS = 10;

    private static final Pattern MESSAGE_LINE = Pattern.compile("\\s*message:\\s*(.*?)\\s*");
    private static final Pattern COMMENT_LINE = Pattern.compile("\\s*--\\s?(.*?)\\s*");

    /**
     * Reads an {@code assert} block: {@code args} are the words after {@code assert} (its name, if any), {@code body}
     * the block's text and {@code fenceLine} the line of its opening fence.
     */
    public static Assertion parse(List<String> args, String body, String file, int fenceLine) {
        String name = args.isEmpty() ? "line " + fenceLine : String.join(" ", args);
        String[] lines = body.split("\n", -1);
        String message = "";
        List<String> comments = new ArrayList<>();
        boolean opening = true; // still in the comment lines that open the block
        for (int i = 0; i < lines.length; i++) {
            Matcher m = MESSAGE_LINE.matcher(lines[i]);
            if (message.isEmpty() && opening && m.matches()) {
                message = m.group(1);
                lines[i] = "-- " + lines[i]; // not SQL: keep the line, so positions in SQL errors stay right
                continue;
            }
            Matcher c = COMMENT_LINE.matcher(lines[i]);
            if (opening && c.matches()) {
                if (!c.group(1).isEmpty()) comments.add(c.group(1));
            } else if (!lines[i].isBlank()) opening = false;
        }
        if (message.isEmpty()) message = String.join(" ", comments);
        return new Assertion(name, message, String.join("\n", lines), file, fenceLine);
    }

    /** The line where the SQL text starts (after the fence). */
    public int sqlLine() {
        return line + 1;
    }

    /**
     * The failure for {@code violations} as {@link PageDatabase#violations} returns them (at most
     * {@link #SHOWN_ROWS} rows and a count of all), or {@code null} when there are none: the rule holds.
     */
    public Diagnostic failure(QueryResult violations) {
        if (violations.rowCount() == 0) return null;
        int countColumn = violations.indexOf(PageDatabase.VIOLATION_COUNT);
        long total = countColumn < 0 ? violations.rowCount() : ((Number) violations.rows().get(0).get(countColumn)).longValue();
        String rows = total + (total == 1 ? " row breaks it" : " rows break it");
        String text = "assertion '" + name + "' failed" + (message.isEmpty() ? ": " + rows : ": " + message + " (" + rows + ")");
        String hint = "the query returns the rows that break the rule; fix the data or the query"
                + (total > violations.rowCount() ? "; the first " + violations.rowCount() + " rows:" : ":");
        return new Diagnostic(file, line, 0, text, hint, table(violations, countColumn));
    }

    /** A header row and the rows as text, without the count column. */
    static List<List<String>> table(QueryResult r, int skip) {
        List<List<String>> out = new ArrayList<>();
        List<String> header = new ArrayList<>();
        for (int i = 0; i < r.columns().size(); i++) if (i != skip) header.add(r.columns().get(i).name());
        out.add(header);
        for (List<Object> row : r.rows()) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < row.size(); i++) if (i != skip) cells.add(text(row.get(i)));
            out.add(cells);
        }
        return out;
    }

    /** A value as the author would write it in SQL or a CSV file: exact, no grouping, no rounding. */
    static String text(Object v) {
        if (v == null) return "NULL";
        if (v instanceof Double d) return d.isNaN() || d.isInfinite() ? d.toString() : BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        return v.toString();
    }
}
