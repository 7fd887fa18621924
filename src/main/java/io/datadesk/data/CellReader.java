package io.datadesk.data;

import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.Locale;
import org.duckdb.DuckDBAppender;

/** How the cells of one CSV column are read: checked in the first pass, appended to DuckDB in the second. */
final class CellReader {

    enum Kind { INTEGER, DECIMAL, BOOLEAN, DATE_ISO, DATE_YEAR_MONTH, DATE_US, DATE_ANY, DATE_PATTERN, TIMESTAMP_ISO, TIMESTAMP_PATTERN, TEXT }

    final Kind kind;
    final ColumnType type;
    private final DateTimeFormatter pattern;
    private final String expected; // for messages: "integer", "date:yyyy-MM"

    private CellReader(Kind kind, ColumnType type, DateTimeFormatter pattern, String expected) {
        this.kind = kind;
        this.type = type;
        this.pattern = pattern;
        this.expected = expected;
    }

    static CellReader of(Kind kind) {
        ColumnType type = switch (kind) {
            case INTEGER -> ColumnType.INTEGER;
            case DECIMAL -> ColumnType.DECIMAL;
            case BOOLEAN -> ColumnType.BOOLEAN;
            case DATE_ISO, DATE_YEAR_MONTH, DATE_US, DATE_ANY, DATE_PATTERN -> ColumnType.DATE;
            case TIMESTAMP_ISO, TIMESTAMP_PATTERN -> ColumnType.TIMESTAMP;
            case TEXT -> ColumnType.TEXT;
        };
        return new CellReader(kind, type, null, type.name().toLowerCase(Locale.ROOT));
    }

    static CellReader declared(DeclaredType d) {
        if (d.pattern() == null) return of(switch (d.type()) {
            case INTEGER -> Kind.INTEGER;
            case DECIMAL -> Kind.DECIMAL;
            case BOOLEAN -> Kind.BOOLEAN;
            case DATE -> Kind.DATE_ANY;
            case TIMESTAMP -> Kind.TIMESTAMP_ISO;
            case TEXT -> Kind.TEXT;
        });
        // A date pattern without a day (yyyy-MM) or month (yyyy) means the first day of that period.
        DateTimeFormatterBuilder b = new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(d.pattern());
        if (d.type() == ColumnType.DATE) b.parseDefaulting(ChronoField.MONTH_OF_YEAR, 1).parseDefaulting(ChronoField.DAY_OF_MONTH, 1);
        // Strict: "Feb 30 2000" is an error, not 2000-02-29 as the default (smart) resolution makes it. Strict
        // resolution needs an era for 'yyyy' (year of era); our dates are all AD, so the era defaults to it.
        b.parseDefaulting(ChronoField.ERA, 1);
        DateTimeFormatter f = b.toFormatter(Locale.ENGLISH).withResolverStyle(ResolverStyle.STRICT);
        boolean date = d.type() == ColumnType.DATE;
        return new CellReader(date ? Kind.DATE_PATTERN : Kind.TIMESTAMP_PATTERN, d.type(), f, d.toString());
    }

    /**
     * Why a cell this column does not accept is wrong, when there is more to say than "not a valid TYPE": a date
     * that matches the pattern but does not exist on the calendar. {@code null} otherwise.
     */
    String whyNot(String cell) {
        if (pattern == null) return null;
        try {
            pattern.withResolverStyle(ResolverStyle.SMART).parse(cell);
            return type == ColumnType.DATE ? "there is no such day" : "there is no such time";
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The expected type as the author would write it, for messages. */
    String expected() {
        return expected;
    }

    /** Whether a non-null cell is valid for this column. Spaces around a value are ignored except in text. */
    boolean accepts(String cell) {
        if (kind == Kind.TEXT) return true;
        String s = cell.strip();
        if (s.isEmpty()) return true; // blank is NULL
        return switch (kind) {
            case INTEGER -> CellSyntax.isInteger(s);
            case DECIMAL -> CellSyntax.isDecimal(s);
            case BOOLEAN -> CellSyntax.isBoolean(s);
            case TIMESTAMP_ISO -> CellSyntax.isoTimestampMicros(s) != Long.MIN_VALUE || CellSyntax.isoDate(s) != Integer.MIN_VALUE;
            case TIMESTAMP_PATTERN -> parseTimestamp(s) != null;
            default -> epochDay(s) != Integer.MIN_VALUE;
        };
    }

    /** Appends a non-null cell already checked by {@link #accepts}. */
    void append(DuckDBAppender a, String cell) throws SQLException {
        if (kind == Kind.TEXT) {
            a.append(cell);
            return;
        }
        String s = cell.strip();
        if (s.isEmpty()) {
            a.appendNull();
            return;
        }
        switch (kind) {
            case INTEGER -> a.append(Long.parseLong(s.charAt(0) == '+' ? s.substring(1) : s));
            case DECIMAL -> a.append(CellSyntax.parseDecimal(s));
            case BOOLEAN -> a.append(CellSyntax.parseBoolean(s));
            case TEXT -> throw new AssertionError("handled above");
            case TIMESTAMP_ISO -> {
                long micros = CellSyntax.isoTimestampMicros(s);
                a.appendEpochMicros(micros != Long.MIN_VALUE ? micros : CellSyntax.isoDate(s) * 86_400_000_000L);
            }
            case TIMESTAMP_PATTERN -> a.append(parseTimestamp(s));
            default -> a.appendEpochDays(epochDay(s));
        }
    }

    private int epochDay(String s) {
        return switch (kind) {
            case DATE_ISO -> CellSyntax.isoDate(s);
            case DATE_YEAR_MONTH -> CellSyntax.yearMonth(s);
            case DATE_US -> CellSyntax.usDate(s);
            case DATE_ANY -> {
                int d = CellSyntax.isoDate(s);
                if (d == Integer.MIN_VALUE) d = CellSyntax.yearMonth(s);
                if (d == Integer.MIN_VALUE) d = CellSyntax.usDate(s);
                yield d;
            }
            case DATE_PATTERN -> {
                try {
                    yield (int) LocalDate.parse(s, pattern).toEpochDay();
                } catch (DateTimeParseException e) {
                    yield Integer.MIN_VALUE;
                }
            }
            default -> Integer.MIN_VALUE;
        };
    }

    private LocalDateTime parseTimestamp(String s) {
        try {
            return LocalDateTime.parse(s, pattern);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
