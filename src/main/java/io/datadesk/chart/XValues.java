package io.datadesk.chart;

import io.datadesk.data.ColumnType;
import io.datadesk.data.QueryResult;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * How an x column reads: dates (drawn on a calendar axis), numbers, or categories (text, in row order).
 * Text that is all ISO dates or year-months ("2023-01") counts as dates, because CSVs often keep months as text.
 */
record XValues(Kind kind) {

    enum Kind { DATE, NUMBER, CATEGORY }

    static XValues of(QueryResult r, String column) {
        ColumnType t = r.column(column).orElseThrow().type();
        List<Object> values = r.values(column);
        if (t.isTemporal()) return new XValues(Kind.DATE);
        // Whole numbers that all look like years (DuckDB's year(d) is a BIGINT) are years, not quantities:
        // "2020", not "2,020", and calendar ticks.
        if (t == ColumnType.INTEGER && !values.isEmpty()
                && values.stream().allMatch(v -> v instanceof Number n && n.longValue() >= 1800 && n.longValue() <= 2200)
                && column.toLowerCase(java.util.Locale.ROOT).contains("year"))
            return new XValues(Kind.DATE);
        if (t.isNumeric()) return new XValues(Kind.NUMBER);
        if (t == ColumnType.TEXT && !values.isEmpty() && values.stream().allMatch(v -> v != null && parseDate(v.toString()) != null))
            return new XValues(Kind.DATE);
        return new XValues(Kind.CATEGORY);
    }

    boolean isDate() {
        return kind == Kind.DATE;
    }

    /** A cell as a date, or null. */
    static LocalDate date(Object v) {
        if (v instanceof LocalDate d) return d;
        if (v instanceof Long y && y >= 1800 && y <= 2200) return LocalDate.of(y.intValue(), 1, 1); // see of(): year columns
        if (v instanceof LocalDateTime dt) return dt.toLocalDate();
        return v == null ? null : parseDate(v.toString());
    }

    /** ISO date, year-month as the first of the month, or a year as 1 January; null if none of these. */
    static LocalDate parseDate(String s) {
        if (s == null) return null;
        s = s.trim();
        try {
            if (s.length() == 10) return LocalDate.parse(s);
            if (s.length() == 7) return YearMonth.parse(s).atDay(1);
            if (s.matches("[12][0-9]{3}")) return LocalDate.of(Integer.parseInt(s), 1, 1); // a year written as text
            if (s.length() > 10 && s.charAt(10) == 'T' || s.length() > 10 && s.charAt(10) == ' ')
                return LocalDate.parse(s.substring(0, 10));
        } catch (DateTimeParseException e) {
            return null;
        }
        return null;
    }

    static Double parseNumber(String s) {
        if (s == null) return null;
        try {
            double d = Double.parseDouble(s.trim());
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A cell as an x position: epoch day on a date axis, the number itself on a numeric one. */
    static double position(Object v, Kind kind) {
        if (kind == Kind.DATE) {
            LocalDate d = date(v);
            return d == null ? Double.NaN : d.toEpochDay();
        }
        return v instanceof Number n ? n.doubleValue() : Double.NaN;
    }
}
