package io.datadesk.data;

/**
 * Infers one column's type from all of its cells. Starts from "could be anything" and drops each type a cell rules
 * out, so one pass over the file decides, and no cell is kept in memory.
 */
final class TypeGuess {

    private boolean integer = true, decimal = true, bool = true, isoDate = true, yearMonth = true, usDate = true,
            timestamp = true, sawTimestamp, sawValue;

    /** Takes one non-empty cell. Spaces around a value do not change its type ({@code " 12"} is a number). */
    void offer(String cell) {
        String s = cell.strip();
        if (s.isEmpty()) return; // blank: NULL unless the column turns out to be text
        sawValue = true;
        if (!(integer || decimal || bool || isoDate || yearMonth || usDate || timestamp)) return; // already text
        if (decimal) {
            boolean numeric = CellSyntax.isDecimal(s) && !CellSyntax.hasLeadingZero(s);
            decimal = numeric;
            integer = integer && numeric && CellSyntax.isInteger(s);
        } else integer = false;
        if (bool) bool = CellSyntax.isBoolean(s);
        boolean iso = false;
        if (isoDate || timestamp) iso = CellSyntax.isoDate(s) != Integer.MIN_VALUE;
        isoDate = isoDate && iso;
        if (yearMonth) yearMonth = CellSyntax.yearMonth(s) != Integer.MIN_VALUE;
        if (usDate) usDate = CellSyntax.usDate(s) != Integer.MIN_VALUE;
        if (timestamp && !iso) {
            timestamp = CellSyntax.isoTimestampMicros(s) != Long.MIN_VALUE;
            sawTimestamp |= timestamp;
        }
    }

    CellReader result() {
        return CellReader.of(kind());
    }

    /** The type the cells seen so far have in common. */
    CellReader.Kind kind() {
        if (!sawValue) return CellReader.Kind.TEXT; // all empty: nothing to go on
        if (integer) return CellReader.Kind.INTEGER;
        if (decimal) return CellReader.Kind.DECIMAL;
        if (bool) return CellReader.Kind.BOOLEAN;
        if (isoDate) return CellReader.Kind.DATE_ISO;
        if (yearMonth) return CellReader.Kind.DATE_YEAR_MONTH;
        if (usDate) return CellReader.Kind.DATE_US;
        if (timestamp && sawTimestamp) return CellReader.Kind.TIMESTAMP_ISO;
        return CellReader.Kind.TEXT;
    }
}
