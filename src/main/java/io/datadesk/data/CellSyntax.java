package io.datadesk.data;

/**
 * Fast checks and conversions of CSV cell text, used to infer column types over a whole column and then convert
 * every cell. Hand-written rather than {@code Long.parseLong}/{@code LocalDate.parse} in a try/catch because
 * inference tries several types on every cell of files with a million rows: these checks allocate nothing and
 * throw nothing.
 */
final class CellSyntax {

    private CellSyntax() {}

    /** Optional sign and 1–18 digits (always fits a long), or a longer run that still parses as one. */
    static boolean isInteger(String s) {
        int n = s.length(), i = 0;
        if (n == 0) return false;
        char c = s.charAt(0);
        if (c == '-' || c == '+') i = 1;
        if (i == n) return false;
        for (int j = i; j < n; j++) {
            char d = s.charAt(j);
            if (d < '0' || d > '9') return false;
        }
        if (n - i <= 18) return true;
        try {
            Long.parseLong(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Decimal notation: optional sign, digits with an optional '.', optional exponent. No grouping, no NaN. */
    static boolean isDecimal(String s) {
        int n = s.length(), i = 0, digits = 0;
        if (n == 0) return false;
        char c = s.charAt(0);
        if (c == '-' || c == '+') i++;
        while (i < n && isDigit(s.charAt(i))) { i++; digits++; }
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(s.charAt(i))) { i++; digits++; }
        }
        if (digits == 0) return false;
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) i++;
            int exp = 0;
            while (i < n && isDigit(s.charAt(i))) { i++; exp++; }
            if (exp == 0) return false;
        }
        return i == n;
    }

    private static final double[] POWERS_OF_TEN = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
            1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

    /**
     * Parses a cell accepted by {@link #isDecimal}. Plain decimals with at most 15 digits, the usual case in data,
     * are computed as digits / 10^scale: both are exact doubles and IEEE division rounds correctly, so the result
     * is the same as {@link Double#parseDouble} (Clinger's fast path) at a fraction of the cost. Anything else
     * goes to {@code parseDouble}.
     */
    static double parseDecimal(String s) {
        int n = s.length(), i = 0, digits = 0, scale = 0;
        boolean negative = false, point = false;
        char c = s.charAt(0);
        if (c == '-' || c == '+') {
            negative = c == '-';
            i = 1;
        }
        long mantissa = 0;
        for (; i < n; i++) {
            c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                if (++digits > 15) return Double.parseDouble(s);
                mantissa = mantissa * 10 + (c - '0');
                if (point) scale++;
            } else if (c == '.' && !point) {
                point = true;
            } else {
                return Double.parseDouble(s); // exponent
            }
        }
        double v = mantissa / POWERS_OF_TEN[scale];
        return negative ? -v : v;
    }

    /**
     * A number written with a leading zero, such as {@code 007} or {@code 02134}: an identifier (ZIP or FIPS code),
     * which must stay text so the zero is not lost.
     */
    static boolean hasLeadingZero(String s) {
        int i = s.isEmpty() ? 0 : (s.charAt(0) == '-' || s.charAt(0) == '+') ? 1 : 0;
        return s.length() > i + 1 && s.charAt(i) == '0' && isDigit(s.charAt(i + 1));
    }

    static boolean isBoolean(String s) {
        return s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false");
    }

    static boolean parseBoolean(String s) {
        return s.equalsIgnoreCase("true");
    }

    /** {@code yyyy-MM-dd} as days since 1970-01-01, or {@link Integer#MIN_VALUE} if not a valid date. */
    static int isoDate(String s) {
        if (s.length() != 10 || s.charAt(4) != '-' || s.charAt(7) != '-') return Integer.MIN_VALUE;
        return epochDay(digits(s, 0, 4), digits(s, 5, 7), digits(s, 8, 10));
    }

    /** {@code yyyy-MM} as the first day of that month, in days since 1970-01-01, or {@link Integer#MIN_VALUE}. */
    static int yearMonth(String s) {
        if (s.length() != 7 || s.charAt(4) != '-') return Integer.MIN_VALUE;
        return epochDay(digits(s, 0, 4), digits(s, 5, 7), 1);
    }

    /** {@code M/d/yyyy} (US style, one- or two-digit month and day), in days since 1970-01-01, or MIN_VALUE. */
    static int usDate(String s) {
        int a = s.indexOf('/');
        if (a < 1 || a > 2) return Integer.MIN_VALUE;
        int b = s.indexOf('/', a + 1);
        if (b < a + 2 || b > a + 3 || s.length() - b - 1 != 4) return Integer.MIN_VALUE;
        return epochDay(digits(s, b + 1, s.length()), digits(s, 0, a), digits(s, a + 1, b));
    }

    /**
     * ISO timestamp {@code yyyy-MM-dd[T| ]HH:mm[:ss[.fffffffff]]} as microseconds since the epoch, or
     * {@link Long#MIN_VALUE}.
     */
    static long isoTimestampMicros(String s) {
        int n = s.length();
        if (n < 16 || (s.charAt(10) != 'T' && s.charAt(10) != ' ') || s.charAt(13) != ':') return Long.MIN_VALUE;
        int day = isoDate(s.substring(0, 10));
        int hh = digits(s, 11, 13), mm = digits(s, 14, 16), ss = 0;
        long micros = 0;
        if (day == Integer.MIN_VALUE || hh < 0 || hh > 23 || mm < 0 || mm > 59) return Long.MIN_VALUE;
        if (n > 16) {
            if (n < 19 || s.charAt(16) != ':') return Long.MIN_VALUE;
            ss = digits(s, 17, 19);
            if (ss < 0 || ss > 59) return Long.MIN_VALUE;
            if (n > 19) {
                if (s.charAt(19) != '.' || n == 20 || n > 29) return Long.MIN_VALUE;
                int frac = digits(s, 20, n);
                if (frac < 0) return Long.MIN_VALUE;
                micros = frac;
                for (int k = n - 20; k < 6; k++) micros *= 10;
                for (int k = n - 20; k > 6; k--) micros /= 10;
            }
        }
        return ((day * 86_400L + hh * 3_600L + mm * 60L + ss) * 1_000_000L) + micros;
    }

    /** The non-negative number written by the digits {@code s[from, to)}, or -1 if any is not a digit. */
    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return -1;
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    // Days from civil date (Howard Hinnant's algorithm): avoids a LocalDate per cell.
    private static int epochDay(int y, int m, int d) {
        if (y < 0 || m < 1 || m > 12 || d < 1 || d > lengthOfMonth(y, m)) return Integer.MIN_VALUE;
        int yy = m <= 2 ? y - 1 : y;
        int era = Math.floorDiv(yy, 400);
        int yoe = yy - era * 400;
        int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
        int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146097 + doe - 719468;
    }

    private static int lengthOfMonth(int y, int m) {
        return switch (m) {
            case 2 -> (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }
}
