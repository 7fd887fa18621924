package io.datadesk.format;

import io.datadesk.data.ColumnType;
import io.datadesk.data.QueryResult;
import io.datadesk.error.Suggest;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The row picked by an inline value such as {@code {{ yearly[year=2023].laid_off }}}: one or more
 * {@code column=value} conditions, separated by commas, that exactly one row must meet. A value is a number, a
 * date ({@code 2023-01-31}), {@code true}/{@code false}, a bare word, or text in single or double quotes.
 *
 * <p>Hand-written rather than SQL because it runs on a result that already exists (no database is open when results
 * come from the query cache), and because its errors must name the condition that matched nothing or too much.
 *
 * @param conditions in the order written
 */
public record RowSelector(List<Condition> conditions) {

    /**
     * One {@code column=value} condition.
     *
     * @param offset where the condition starts in the inline value's inner text, for error columns
     * @param quoted whether the value was written in quotes (then it is only ever text)
     */
    public record Condition(String column, String value, boolean quoted, int offset) {
        @Override
        public String toString() {
            return column + " = " + (quoted || !looksLiteral(value) ? "'" + value + "'" : value);
        }

        private static boolean looksLiteral(String v) {
            return v.matches("[+-]?[0-9.]+|true|false|\\d{4}-\\d{2}-\\d{2}.*");
        }
    }

    public RowSelector {
        conditions = List.copyOf(conditions);
    }

    /** Why a selection failed: the message, the hint, and the condition to point at (or null for the whole value). */
    public record Problem(String message, String hint, Condition at) {}

    /** A problem with the selector text, at {@code offset} of the text it was parsed from. */
    public static final class SyntaxError extends Exception {
        final int offset;

        SyntaxError(String message, int offset) {
            super(message, null, false, false);
            this.offset = offset;
        }
    }

    /**
     * Parses the text between the brackets. {@code base} is where that text starts in the inner text, so that
     * conditions and errors know their position.
     */
    static RowSelector parse(String text, int base) throws SyntaxError {
        List<Condition> out = new ArrayList<>();
        int i = 0, n = text.length();
        while (true) {
            while (i < n && Character.isWhitespace(text.charAt(i))) i++;
            int start = i;
            while (i < n && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) i++;
            if (i == start) throw new SyntaxError("expected a column name", base + start);
            String column = text.substring(start, i);
            while (i < n && Character.isWhitespace(text.charAt(i))) i++;
            if (i >= n || text.charAt(i) != '=') throw new SyntaxError("expected '=' after '" + column + "'", base + i);
            i++;
            if (i < n && text.charAt(i) == '=') i++; // '==' reads naturally to programmers; allow it
            while (i < n && Character.isWhitespace(text.charAt(i))) i++;
            String value;
            boolean quoted = i < n && (text.charAt(i) == '\'' || text.charAt(i) == '"');
            if (quoted) {
                char q = text.charAt(i);
                int end = text.indexOf(q, i + 1);
                if (end < 0) throw new SyntaxError("the quote is not closed", base + i);
                value = text.substring(i + 1, end);
                i = end + 1;
            } else {
                int vs = i;
                while (i < n && text.charAt(i) != ',') i++;
                value = text.substring(vs, i).strip();
                if (value.isEmpty()) throw new SyntaxError("expected a value after '" + column + "='", base + vs);
            }
            out.add(new Condition(column, value, quoted, base + start));
            while (i < n && Character.isWhitespace(text.charAt(i))) i++;
            if (i >= n) break;
            if (text.charAt(i) != ',') throw new SyntaxError("expected ',' between conditions", base + i);
            i++;
        }
        return new RowSelector(out);
    }

    /**
     * The index of the one row of {@code r} that meets every condition.
     *
     * @throws IllegalStateException never; problems are returned through {@code problem[0]} and -1
     */
    int select(QueryResult r, Problem[] problem) {
        List<Integer> rows = new ArrayList<>();
        for (int k = 0; k < r.rowCount(); k++) rows.add(k);
        List<Condition> applied = new ArrayList<>();
        for (Condition c : conditions) {
            int col = r.indexOf(c.column());
            if (col < 0) {
                String dym = Suggest.didYouMean(c.column(), r.columnNames());
                problem[0] = new Problem("result '" + r.name() + "' has no column '" + c.column() + "' to pick a row by",
                        (dym.isEmpty() ? "" : dym + " ") + "Columns of " + r.name() + ": " + String.join(", ", r.columnNames()) + ".", c);
                return -1;
            }
            ColumnType type = r.columns().get(col).type();
            Object wanted = literal(c, type);
            if (wanted == null) {
                problem[0] = new Problem("'" + c.value() + "' cannot be a value of column '" + r.columns().get(col).name()
                        + "', which is " + type.name().toLowerCase(Locale.ROOT), hintFor(type), c);
                return -1;
            }
            List<Integer> kept = new ArrayList<>();
            for (int k : rows) if (matches(r.rows().get(k).get(col), wanted)) kept.add(k);
            applied.add(c);
            if (kept.isEmpty()) {
                problem[0] = new Problem("no row of '" + r.name() + "' has " + describe(applied),
                        "values of " + r.columns().get(col).name() + (applied.size() > 1 ? " in the rows that meet the other conditions" : "")
                                + ": " + sample(r, col, rows) + ".", c);
                return -1;
            }
            rows = kept;
        }
        if (rows.size() > 1) {
            problem[0] = new Problem(rows.size() + " rows of '" + r.name() + "' have " + describe(applied)
                    + ", but an inline value shows one", severalHint(r, rows), null);
            return -1;
        }
        return rows.get(0);
    }

    private static String describe(List<Condition> cs) {
        return String.join(" and ", cs.stream().map(Condition::toString).toList());
    }

    /** Names a column that tells the matching rows apart, so the author can add it as a condition. */
    private String severalHint(QueryResult r, List<Integer> rows) {
        for (int col = 0; col < r.columns().size(); col++) {
            int c = col;
            if (conditions.stream().anyMatch(x -> r.indexOf(x.column()) == c)) continue;
            Set<Object> distinct = new LinkedHashSet<>();
            for (int k : rows) distinct.add(r.rows().get(k).get(col));
            if (distinct.size() == rows.size()) {
                Object first = r.rows().get(rows.get(0)).get(col);
                String example = r.name() + "[" + String.join(", ", conditions.stream().map(x -> x.column() + "=" + x.value()).toList())
                        + ", " + r.columns().get(col).name() + "=" + show(first) + "]";
                return "they differ in " + r.columns().get(col).name() + " (" + sample(r, col, rows) + "): add a condition, e.g. "
                        + example + "; or aggregate in the query";
            }
        }
        return "add a condition on another column, or aggregate (sum, max…) in the query";
    }

    private static String hintFor(ColumnType type) {
        return switch (type) {
            case INTEGER -> "write a whole number, e.g. year=2023";
            case DECIMAL -> "write a number, e.g. share=0.5";
            case BOOLEAN -> "write true or false";
            case DATE -> "write the date as yyyy-MM-dd, e.g. month=2023-01-01";
            case TIMESTAMP -> "write the time as yyyy-MM-ddTHH:mm:ss";
            case TEXT -> "";
        };
    }

    /** The condition's value as a value of a column of {@code type}, or null if it cannot be one. */
    private static Object literal(Condition c, ColumnType type) {
        String v = c.value();
        if (type == ColumnType.TEXT) return v;
        if (c.quoted() && type != ColumnType.DATE && type != ColumnType.TIMESTAMP) return null;
        try {
            return switch (type) {
                case INTEGER -> Long.parseLong(v.startsWith("+") ? v.substring(1) : v);
                case DECIMAL -> Double.parseDouble(v);
                case BOOLEAN -> v.equalsIgnoreCase("true") ? Boolean.TRUE : v.equalsIgnoreCase("false") ? Boolean.FALSE : null;
                case DATE -> LocalDate.parse(v);
                case TIMESTAMP -> LocalDateTime.parse(v.replace(' ', 'T'));
                case TEXT -> v;
            };
        } catch (NumberFormatException | DateTimeParseException e) {
            return null;
        }
    }

    private static boolean matches(Object cell, Object wanted) {
        if (cell == null) return false;
        if (cell instanceof Double d && wanted instanceof Double w) return Double.compare(d, w) == 0;
        return Objects.equals(cell, wanted);
    }

    /** Up to eight distinct values of column {@code col} among {@code rows}, for hints. */
    private static String sample(QueryResult r, int col, List<Integer> rows) {
        Set<String> out = new LinkedHashSet<>();
        int distinct = 0;
        Set<Object> seen = new LinkedHashSet<>();
        for (int k : rows) {
            Object v = r.rows().get(k).get(col);
            if (!seen.add(v)) continue;
            if (++distinct > 8) {
                out.add("…");
                break;
            }
            out.add(show(v));
        }
        return String.join(", ", out);
    }

    private static String show(Object v) {
        if (v == null) return "NULL";
        if (v instanceof String s) return s.matches("[A-Za-z_][A-Za-z0-9_ ]*") && !s.contains(" ") ? s : "'" + s + "'";
        if (v instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)) return String.valueOf(d.longValue());
        return v.toString();
    }
}
