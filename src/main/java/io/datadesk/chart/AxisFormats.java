package io.datadesk.chart;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.function.Function;

/**
 * Number and date formats for axis labels, tooltips-free descriptions and the data table, by the names authors
 * write ({@code number:1}, {@code compact}, {@code percent:1}, {@code month}, {@code year}, or a date pattern).
 *
 * <p>Value formats ({@code number}, {@code percent}, {@code compact}, {@code signed}, {@code currency}) are
 * {@link io.datadesk.format.ValueFormat}'s, the same as inline values and tables use.
 */
public final class AxisFormats {

    private AxisFormats() {}

    /** Resolves a format name to a formatter; throws IllegalArgumentException with a readable message if unknown. */
    @FunctionalInterface
    public interface Lookup {
        Function<Object, String> resolve(String format, Locale locale);
    }

    public static final Lookup BUILT_IN = AxisFormats::resolve;


    static Function<Object, String> resolve(String format, Locale locale) {
        String name = format.trim();
        int colon = name.indexOf(':');
        String base = colon < 0 ? name : name.substring(0, colon);
        Integer digits = null;
        if (colon >= 0) {
            try {
                digits = Integer.parseInt(name.substring(colon + 1).trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + name + "': digits after ':' must be a whole number, e.g. " + base + ":1");
            }
        }
        int d = digits == null ? -1 : digits;
        return switch (base) {
            // The value formats authors also use inline and in tables come from one place, ValueFormat; only the
            // axis-only names (integer, month, quarter, year, bare date patterns) are defined here.
            case "number", "percent", "compact", "signed", "signed-percent", "currency" -> {
                io.datadesk.format.ValueFormat f = io.datadesk.format.ValueFormat.parse(name);
                yield v -> v instanceof Number ? f.format(v, locale) : str(v);
            }
            case "integer" -> v -> number(v, 0, true, locale);
            case "month" -> v -> date(v, x -> io.datadesk.format.ValueFormat.date(x, "MMM yyyy", locale));
            case "year" -> v -> date(v, x -> String.valueOf(x.getYear()));
            case "quarter" -> v -> date(v, x -> "Q" + ((x.getMonthValue() - 1) / 3 + 1) + " " + x.getYear());
            case "date" -> v -> date(v, x -> io.datadesk.format.ValueFormat.date(x, "d MMM yyyy", locale));
            default -> {
                if (name.matches(".*[yMd].*") && !name.contains(" | ")) {
                    try {
                        DateTimeFormatter.ofPattern(name, locale); // checks the pattern now, not at the first value
                        yield v -> date(v, x -> io.datadesk.format.ValueFormat.date(x, name, locale));
                    } catch (IllegalArgumentException e) {
                        // fall through to the message below
                    }
                }
                throw new IllegalArgumentException("unknown format '" + name
                        + "'; use number, number:1, integer, compact, percent, percent:1, month, quarter, year, date, or a date pattern such as 'MMM yyyy'");
            }
        };
    }

    /** The default for values: grouped, up to two decimals, no trailing zeros. */
    static String auto(Object v, Locale locale) {
        if (v instanceof Number n) return number(n, 2, false, locale);
        if (v instanceof LocalDate d) return d.toString();
        return str(v);
    }

    /** A number as ValueFormat writes every number (half up, true minus), so a chart and the prose agree. */
    static String number(Object v, int decimals, boolean fixed, Locale locale) {
        if (!(v instanceof Number n)) return str(v);
        return io.datadesk.format.ValueFormat.decimal(n.doubleValue(), fixed ? decimals : 0, decimals, locale);
    }

    private static String date(Object v, Function<LocalDate, String> f) {
        LocalDate d = XValues.date(v);
        if (d == null && v instanceof Number n) d = LocalDate.ofEpochDay(Math.round(n.doubleValue()));
        return d == null ? str(v) : f.apply(d);
    }

    private static String str(Object v) {
        return v == null ? "" : v.toString();
    }

}
