package io.datadesk.format;

import io.datadesk.data.QueryResult;
import io.datadesk.error.ContentException;
import io.datadesk.error.Diagnostic;
import io.datadesk.error.Suggest;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An inline value in prose, the text between {@code {{} and {@code }}}: {@code NAME.column} with an optional
 * {@code | format}, e.g. {@code {{ totals.laid_off | compact }}}. It names a query result with exactly one row, or
 * picks one row of a longer result: {@code {{ yearly[year=2023].laid_off | number }}} (see {@link RowSelector}).
 *
 * @param result     the query result's name; {@code columnName} the column in it
 * @param selector   the row to pick, or {@code null} when the result must have exactly one row
 * @param text       the inner text as written
 * @param file       the Markdown file, and {@code line}/{@code column} of the inner text there, for errors
 * @param format {@code null} for the default formatting
 */
public record InlineExpression(String result, RowSelector selector, String columnName, ValueFormat format, String text,
                               String file, int line, int column) {

    private static final Pattern SYNTAX = Pattern.compile(
            "\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*(?:\\[((?:[^\\]'\"]|'[^']*'|\"[^\"]*\")*)\\]\\s*)?\\.\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*(?:\\|\\s*(.*?))?\\s*");

    /**
     * What an inline value shows and where it comes from: the text for readers, the exact value, and the row and
     * column of the result it was read from (for the provenance of the number).
     */
    public record Value(String text, Object exact, QueryResult result, int row, String column) {}

    /**
     * Parses the inner text of {@code {{ … }}}. {@code line} and {@code column} are where that text starts in
     * {@code file} (1-based); a syntax error or an unknown format throws a located {@link ContentException}.
     */
    public static InlineExpression parse(String inner, String file, int line, int column) {
        Matcher m = SYNTAX.matcher(inner);
        if (!m.matches())
            throw new ContentException(new Diagnostic(file, line, column, "cannot read the inline value '{{" + inner + "}}'",
                    "write {{ NAME.column }} or {{ NAME.column | format }}, where NAME is a ```sql NAME block above, "
                            + "e.g. {{ totals.laid_off | number }}; to pick one row of several: {{ yearly[year=2023].laid_off }}"));
        RowSelector selector = null;
        if (m.group(2) != null) {
            try {
                selector = RowSelector.parse(m.group(2), m.start(2));
            } catch (RowSelector.SyntaxError e) {
                throw new ContentException(new Diagnostic(file, line, column + e.offset, "cannot read the row selection in '{{" + inner
                        + "}}': " + e.getMessage(), "write [column=value], e.g. yearly[year=2023].laid_off or by_sector[sector='Tech', year=2023].laid_off"));
            }
        }
        ValueFormat format = null;
        if (m.group(4) != null) {
            if (m.group(4).isEmpty())
                throw new ContentException(new Diagnostic(file, line, column + m.start(4), "missing format after '|' in '{{" + inner + "}}'",
                        "Formats: " + ValueFormat.SYNTAX + "; or remove the '|'."));
            format = ValueFormat.parse(m.group(4), file, line, column + m.start(4));
        }
        return new InlineExpression(m.group(1), selector, m.group(3), format, inner, file, line, column);
    }

    /**
     * The value, formatted for {@code locale}. Throws a located {@link ContentException} for an unknown result or
     * column (listing those that exist), a result without exactly one row, a NULL value, or a format that does not
     * fit the column's type.
     */
    public String evaluate(Map<String, QueryResult> results, Locale locale) {
        return resolve(results, locale).text();
    }

    /** Like {@link #evaluate}, with where the value comes from. */
    public Value resolve(Map<String, QueryResult> results, Locale locale) {
        QueryResult r = findResult(results);
        int c = r.indexOf(columnName);
        if (c < 0) {
            String hint = Suggest.didYouMean(columnName, r.columnNames());
            throw fail("result '" + r.name() + "' has no column '" + columnName + "'",
                    (hint.isEmpty() ? "" : hint + " ") + "Columns of " + r.name() + ": " + String.join(", ", r.columnNames()) + ".");
        }
        int row = 0;
        if (selector != null) {
            RowSelector.Problem[] problem = new RowSelector.Problem[1];
            row = selector.select(r, problem);
            if (row < 0) throw fail(problem[0].message(), problem[0].hint(), problem[0].at() == null ? 0 : problem[0].at().offset());
        } else if (r.rowCount() != 1)
            throw fail("an inline value needs a result with exactly one row, but '" + r.name() + "' has " + r.rowCount()
                            + (r.rowCount() == 1 ? " row" : " rows"),
                    r.rowCount() == 0 ? "check the query's WHERE clause" : "pick one row, e.g. {{ " + r.name() + "[" + exampleCondition(r) + "]." + columnName
                            + " }}; or aggregate (sum, count, max…) or filter the query so it returns one row");
        var type = r.columns().get(c).type();
        if (format != null && !format.accepts(type))
            throw fail("format '" + format.spec() + "' does not fit column '" + r.columns().get(c).name() + "', which is "
                    + type.name().toLowerCase(Locale.ROOT), type.isTemporal() ? "use date or date:\"PATTERN\"" : "use a date format only for dates, "
                    + "number formats only for numbers; or leave the format out");
        Object value = r.rows().get(row).get(c);
        if (value == null)
            throw fail("'" + r.name() + "." + columnName + "' is NULL (no value)", "an empty number in prose is usually a mistake; "
                    + "use coalesce(" + columnName + ", 0) in the query if none means zero");
        String text = format == null ? ValueFormat.plain(value, locale, r.columns().get(c).name()) : format.format(value, locale);
        return new Value(text, value, r, row, r.columns().get(c).name());
    }

    /** A condition an author could use to pick the first row: its first column and value. */
    private static String exampleCondition(QueryResult r) {
        if (r.columns().isEmpty() || r.rowCount() == 0) return "column=value";
        Object v = r.rows().get(0).get(0);
        String shown = v instanceof String s ? "'" + s + "'" : String.valueOf(v);
        return r.columns().get(0).name() + "=" + shown;
    }

    private QueryResult findResult(Map<String, QueryResult> results) {
        return io.datadesk.data.Results.find(results, result).orElseThrow(() -> fail("no query result named '" + result + "'",
                io.datadesk.data.Results.unknownNameHint(result, results)));
    }

    private ContentException fail(String message, String hint) {
        return fail(message, hint, 0);
    }

    private ContentException fail(String message, String hint, int offset) {
        return new ContentException(new Diagnostic(file, line, column + offset, message + " in '{{" + text + "}}'", hint));
    }
}
