package io.datadesk.format;

import io.datadesk.data.ColumnType;
import io.datadesk.error.ContentException;
import io.datadesk.error.Diagnostic;
import io.datadesk.error.Suggest;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How a value is shown to readers: {@code number}, {@code number:1}, {@code percent}, {@code percent:1},
 * {@code compact}, {@code signed}, {@code signed:1}, {@code date}, {@code date:"MMMM yyyy"}, {@code currency},
 * {@code currency:EUR}. Formatting follows a {@link Locale} (grouping, decimal mark, month names).
 *
 * <p>Instances are immutable and thread-safe; {@link #format} is pure and never throws, so charts can call it for
 * every axis label. A value the format does not fit (text under {@code percent}) gets the {@link #plain} format.
 */
public final class ValueFormat {

    /** The format names, for messages and suggestions. */
    public static final List<String> NAMES = List.of("number", "percent", "compact", "signed", "signed-percent", "date", "currency");

    /** All spellings with their argument, for messages. */
    public static final String SYNTAX = "number, number:DECIMALS, percent, percent:DECIMALS, compact, signed, "
            + "signed:DECIMALS, signed-percent, signed-percent:DECIMALS, date, date:\"PATTERN\" (e.g. date:\"MMMM yyyy\"), currency, currency:CODE (e.g. currency:EUR)";

    private enum Kind { NUMBER, PERCENT, COMPACT, SIGNED, SIGNED_PERCENT, DATE, CURRENCY }

    private static final char MINUS = '\u2212';

    private final String spec;
    private final Kind kind;
    private final int decimals; // -1: automatic
    private final String pattern;
    private final Currency currency;
    // Per-locale caches: building a NumberFormat or DateTimeFormatter costs far more than formatting one value.
    private final Map<Locale, NumberFormat> numberFormats = new ConcurrentHashMap<>();
    private final Map<Locale, DateTimeFormatter> dateFormatters = new ConcurrentHashMap<>();

    private ValueFormat(String spec, Kind kind, int decimals, String pattern, Currency currency) {
        this.spec = spec;
        this.kind = kind;
        this.decimals = decimals;
        this.pattern = pattern;
        this.currency = currency;
    }

    /**
     * Parses a format such as {@code percent:1} or {@code date:"MMMM yyyy"}. Throws {@link ContentException} located
     * at {@code file:line:column}, naming the valid formats and the closest one.
     */
    public static ValueFormat parse(String spec, String file, int line, int column) {
        try {
            return parse(spec);
        } catch (IllegalArgumentException e) {
            int bar = e.getMessage().indexOf('\n');
            throw new ContentException(new Diagnostic(file, line, column, e.getMessage().substring(0, bar), e.getMessage().substring(bar + 1)));
        }
    }

    /** Parses a format; an unknown one throws {@link IllegalArgumentException} whose message is "problem\nhint". */
    public static ValueFormat parse(String spec) {
        String s = spec.strip();
        int colon = s.indexOf(':');
        String name = (colon < 0 ? s : s.substring(0, colon)).strip().toLowerCase(Locale.ROOT);
        String arg = colon < 0 ? null : unquote(s.substring(colon + 1).strip());
        Kind kind = switch (name) {
            case "number" -> Kind.NUMBER;
            case "percent" -> Kind.PERCENT;
            case "compact" -> Kind.COMPACT;
            case "signed" -> Kind.SIGNED;
            case "signed-percent" -> Kind.SIGNED_PERCENT;
            case "date" -> Kind.DATE;
            case "currency" -> Kind.CURRENCY;
            default -> null;
        };
        if (kind == null) {
            String hint = Suggest.didYouMean(name, NAMES);
            throw new IllegalArgumentException("unknown format '" + s + "'\n" + (hint.isEmpty() ? "" : hint + " ") + "Formats: " + SYNTAX + ".");
        }
        return switch (kind) {
            case NUMBER, PERCENT, SIGNED, SIGNED_PERCENT -> new ValueFormat(s, kind, decimals(name, arg), null, null);
            case COMPACT -> {
                if (arg != null) throw new IllegalArgumentException("format 'compact' takes no argument\nwrite just: compact");
                yield new ValueFormat(s, kind, -1, null, null);
            }
            case DATE -> {
                if (arg != null) {
                    try {
                        DateTimeFormatter.ofPattern(arg);
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("invalid date pattern '" + arg + "': " + e.getMessage()
                                + "\nuse letters such as yyyy (year), MMMM (month name), MMM (short month), d (day), e.g. date:\"d MMMM yyyy\"");
                    }
                }
                yield new ValueFormat(s, kind, -1, arg, null);
            }
            case CURRENCY -> {
                String code = arg == null ? "USD" : arg.toUpperCase(Locale.ROOT);
                try {
                    yield new ValueFormat(s, kind, -1, null, Currency.getInstance(code));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("unknown currency '" + arg + "'\nuse an ISO 4217 code such as USD, EUR, GBP or JPY");
                }
            }
        };
    }

    private static int decimals(String name, String arg) {
        if (arg == null) return -1;
        try {
            int d = Integer.parseInt(arg);
            if (d >= 0 && d <= 10) return d;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("'" + name + ":" + arg + "': the number of decimals must be a whole number from 0 to 10\n"
                + "e.g. " + name + ":1");
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && (s.charAt(0) == '"' || s.charAt(0) == '\'') && s.charAt(s.length() - 1) == s.charAt(0))
            return s.substring(1, s.length() - 1);
        return s;
    }

    /** The format as written, e.g. {@code percent:1}. */
    public String spec() {
        return spec;
    }

    /** Whether this format fits values of type {@code type} (numbers for number formats, dates for {@code date}). */
    public boolean accepts(ColumnType type) {
        return kind == Kind.DATE ? type.isTemporal() : type.isNumeric();
    }

    /** Whether this format shows numbers (tables right-align them). */
    public boolean isNumeric() {
        return kind != Kind.DATE;
    }

    /** Formats {@code value} for readers of {@code locale}; {@code null} gives the empty string. */
    public String format(Object value, Locale locale) {
        if (value == null) return "";
        if (kind == Kind.DATE) return formatDate(value, locale);
        if (!(value instanceof Number n)) return plain(value, locale);
        double d = n.doubleValue();
        if (Double.isNaN(d) || Double.isInfinite(d)) return plain(value, locale);
        boolean integral = value instanceof Long || value instanceof Integer || d == Math.rint(d);
        return minus(switch (kind) {
            case NUMBER -> numberFormat(locale, decimals >= 0 ? decimals : integral ? 0 : -2).format(value);
            case PERCENT -> numberFormat(locale, decimals >= 0 ? decimals : 0).format(d);
            case SIGNED_PERCENT -> {
                int shown = decimals >= 0 ? decimals : 0;
                // a change that rounds to zero has no sign, as with 'signed'
                if (Math.abs(d) * 100 < 0.5 / Math.pow(10, shown)) yield numberFormat(locale, shown).format(0.0);
                yield (d > 0 ? "+" : String.valueOf(MINUS)) + numberFormat(locale, shown).format(Math.abs(d));
            }
            case SIGNED -> {
                int shown = decimals >= 0 ? decimals : integral ? 0 : 2;
                // no sign on a value that rounds to zero: "+0" or "−0.0" reads as a change where there is none
                if (Math.abs(d) < 0.5 / Math.pow(10, shown)) yield numberFormat(locale, Math.max(decimals, 0)).format(0);
                String abs = numberFormat(locale, decimals >= 0 ? decimals : integral ? 0 : -2).format(Math.abs(d));
                yield (d > 0 ? "+" : String.valueOf(MINUS)) + abs;
            }
            case COMPACT -> compact(d, locale);
            case CURRENCY -> numberFormat(locale, integral ? 0 : 2).format(d);
            case DATE -> throw new AssertionError();
        });
    }

    /** A true minus sign (U+2212) for the hyphen that Java's number formats write: it reads better and aligns. */
    private static String minus(String s) {
        return s.indexOf('-') < 0 ? s : s.replace('-', MINUS);
    }

    /**
     * The one way a plain number is written, for axis ticks and shares as for values in prose and tables:
     * grouped, rounded half up (12.5 is "13" everywhere), with between {@code minDecimals} and {@code maxDecimals}
     * decimals and a true minus sign.
     */
    public static String decimal(double value, int minDecimals, int maxDecimals, Locale locale) {
        NumberFormat f = (NumberFormat) PLAIN.computeIfAbsent(locale, NumberFormat::getNumberInstance).clone();
        f.setGroupingUsed(true);
        f.setRoundingMode(RoundingMode.HALF_UP);
        f.setMinimumFractionDigits(minDecimals);
        f.setMaximumFractionDigits(maxDecimals);
        String s = minus(f.format(value));
        return s.equals(MINUS + "0") ? "0" : s; // -0.001 rounded to no decimals
    }

    private String formatDate(Object value, Locale locale) {
        DateTimeFormatter f = dateFormatters.computeIfAbsent(locale, l -> pattern == null
                ? DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(l)
                : DateTimeFormatter.ofPattern(localPattern(pattern, l), l));
        try {
            if (value instanceof LocalDate date) return f.format(date);
            if (value instanceof LocalDateTime ts) return f.format(ts);
        } catch (DateTimeException e) {
            // a pattern with hours applied to a date: show the value plainly rather than fail the page
        }
        return plain(value, locale);
    }

    // 264,320 -> 264K, 1,234,567 -> 1.2M: one decimal below 10 units, none above. Rounded here first so that
    // 999,999 becomes 1M rather than "1000K"; the locale's CompactNumberFormat supplies the suffix (K, k, Mio.).
    // Chinese and Japanese count in myriads: 264,320 -> 26万, 1,500,000,000 -> 15亿 (units of 10^4, 10^8, 10^12).
    private String compact(double d, Locale locale) {
        double abs = Math.abs(d);
        boolean myriads = countsInMyriads(locale);
        int base = myriads ? 10_000 : 1000, maxTier = myriads ? 3 : 4;
        int tier = abs < base ? 0 : Math.min(maxTier, (int) Math.floor(Math.log10(abs) / Math.log10(base)));
        double scaled = abs / Math.pow(base, tier);
        int digits = scaled < 10 ? 1 : 0;
        double rounded = round(scaled, digits);
        if (rounded >= base && tier < maxTier) {
            tier++;
            rounded = round(rounded / base, 1);
            digits = 1;
        }
        // below 1,000 there is no suffix, and CompactNumberFormat would drop the decimal of 9.5
        NumberFormat f = (NumberFormat) (tier == 0 ? PLAIN.computeIfAbsent(locale, NumberFormat::getNumberInstance)
                : numberFormats.computeIfAbsent(locale, l -> NumberFormat.getCompactNumberInstance(l, NumberFormat.Style.SHORT))).clone();
        f.setMaximumFractionDigits(digits);
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f.format(Math.copySign(rounded * Math.pow(base, tier), d));
    }

    private static boolean countsInMyriads(Locale locale) {
        return locale.getLanguage().equals("zh") || locale.getLanguage().equals("ja");
    }

    // Only the date fields a pattern may hold to be rewritten for Chinese and Japanese: year, month, day, separators.
    private static final java.util.regex.Pattern YMD_ONLY = java.util.regex.Pattern.compile("[yuMLd\\s,./-]+");

    /**
     * A date pattern as readers of {@code locale} write it. Authors write one pattern for every edition of a page
     * ({@code date:"d MMMM yyyy"}, a chart's {@code x-format: "MMM yyyy"}); in Chinese and Japanese a pattern with a
     * month name becomes the numeric year-month-day order with 年, 月, 日 ({@code 2026年11月29日}, {@code 2023年1月},
     * {@code 5月}), which is how dates are written there; month names ({@code 十一月}) are not. Other patterns and
     * other languages are unchanged.
     */
    public static String localPattern(String pattern, Locale locale) {
        if (!countsInMyriads(locale) || !(pattern.contains("MMM") || pattern.contains("LLL")) || !YMD_ONLY.matcher(pattern).matches())
            return pattern;
        boolean year = pattern.indexOf('y') >= 0 || pattern.indexOf('u') >= 0, day = pattern.indexOf('d') >= 0;
        return (year ? "y年" : "") + "M月" + (day ? "d日" : "");
    }

    private static final Map<String, DateTimeFormatter> PATTERNS = new ConcurrentHashMap<>();

    /**
     * A date written with {@code pattern} for readers of {@code locale} ({@link #localPattern}): the one way chart
     * axes, legends and descriptions name dates, as the {@code date} format does in prose and tables.
     */
    public static String date(java.time.temporal.TemporalAccessor date, String pattern, Locale locale) {
        return PATTERNS.computeIfAbsent(pattern + "\u0000" + locale.toLanguageTag(),
                k -> DateTimeFormatter.ofPattern(localPattern(pattern, locale), locale)).format(date);
    }

    private static double round(double v, int digits) {
        return BigDecimal.valueOf(v).setScale(digits, RoundingMode.HALF_UP).doubleValue();
    }

    /**
     * A number format for this kind: exactly {@code digits} decimals, or with {@code digits} = -1 up to one, -2 up to
     * two (no trailing zeros). Prototypes are cached per locale and cloned, because {@link NumberFormat} is neither
     * cheap to build nor thread-safe.
     */
    private NumberFormat numberFormat(Locale locale, int digits) {
        NumberFormat proto = numberFormats.computeIfAbsent(locale, l -> switch (kind) {
            case PERCENT -> NumberFormat.getPercentInstance(l);
            case CURRENCY -> {
                NumberFormat c = NumberFormat.getCurrencyInstance(l);
                c.setCurrency(currency);
                yield c;
            }
            case SIGNED_PERCENT -> NumberFormat.getPercentInstance(l);
            default -> NumberFormat.getNumberInstance(l);
        });
        NumberFormat f = (NumberFormat) proto.clone();
        f.setGroupingUsed(true);
        f.setRoundingMode(RoundingMode.HALF_UP);
        f.setMinimumFractionDigits(Math.max(digits, 0));
        f.setMaximumFractionDigits(digits >= 0 ? digits : -digits);
        return f;
    }

    // --- default formatting ----------------------------------------------------------------------------------

    private static final Map<Locale, NumberFormat> PLAIN = new ConcurrentHashMap<>();

    /**
     * A value shown with no format given: whole numbers grouped (1,234), other numbers rounded to a sensible
     * precision (1 decimal from 100, 2 from 1, 3 significant digits below), dates ISO ({@code 2024-03-01}),
     * timestamps {@code 2024-03-01 14:30}, text as is, {@code null} as the empty string.
     */
    /**
     * The default formatting of a value in a named column: as {@link #plain(Object, Locale)}, except that whole
     * numbers in a column named like a year ({@code year}, {@code fiscal_year}, {@code year_start}) are written without
     * grouping, so 2023 never shows as "2,023".
     */
    public static String plain(Object value, Locale locale, String column) {
        if (column != null && YEAR_COLUMN.matcher(column).find() && (value instanceof Long || value instanceof Integer)) {
            long y = ((Number) value).longValue();
            if (y >= 1000 && y <= 9999) return Long.toString(y);
        }
        return plain(value, locale);
    }

    private static final java.util.regex.Pattern YEAR_COLUMN = java.util.regex.Pattern.compile("(?i)(^|_)(year|yr)($|_)");

    public static String plain(Object value, Locale locale) {
        if (value == null) return "";
        if (value instanceof LocalDate d) return d.toString();
        if (value instanceof LocalDateTime t) {
            String s = t.toString().replace('T', ' ');
            return t.getSecond() == 0 && t.getNano() == 0 ? s.substring(0, 16) : s;
        }
        if (value instanceof Number n && !(value instanceof java.math.BigInteger)) {
            double d = n.doubleValue();
            if (Double.isNaN(d)) return "NaN";
            if (Double.isInfinite(d)) return d > 0 ? "∞" : "−∞";
            NumberFormat f = (NumberFormat) PLAIN.computeIfAbsent(locale, NumberFormat::getNumberInstance).clone();
            f.setRoundingMode(RoundingMode.HALF_UP);
            if (value instanceof Long || value instanceof Integer) return minus(f.format(n.longValue()));
            double abs = Math.abs(d);
            int max = d == Math.rint(d) ? 0 : abs >= 100 ? 1 : abs >= 1 ? 2 : Math.min(10, 2 - (int) Math.floor(Math.log10(abs)));
            f.setMaximumFractionDigits(max);
            return minus(f.format(d));
        }
        return value.toString();
    }

    @Override
    public String toString() {
        return spec;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ValueFormat f && f.spec.equals(spec);
    }

    @Override
    public int hashCode() {
        return spec.hashCode();
    }
}
