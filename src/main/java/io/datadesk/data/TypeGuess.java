package io.datadesk.data;

import java.util.ArrayList;
import java.util.List;

/**
 * Infers one column's type from all of its cells. Starts from "could be anything" and drops each type a cell rules
 * out, so one pass over the file decides, and no cell is kept in memory.
 *
 * <p>It also notices a column that would be numbers (or dates) but for a few odd cells, such as one {@code n/a}
 * among thousands of counts: such a column is still text, but {@link #nearMiss} says why, so the author hears about
 * the cell in the CSV rather than about SQL that cannot add text up.
 */
final class TypeGuess {

    /** More distinct odd values than this and the column is text by nature (names, notes), not by accident. */
    static final int MAX_ODD_VALUES = 3;

    private boolean integer = true, decimal = true, bool = true, isoDate = true, yearMonth = true, usDate = true,
            timestamp = true, sawTimestamp, sawValue;
    private final Near numbers = new Near("numbers"), dates = new Near("dates");

    /**
     * Cells of one column that are not of a type most of the column has. Dead (no longer tracked) once the odd
     * cells are too varied to be a handful of markers.
     */
    static final class Near {
        final String what;
        boolean alive = true;
        long good, odd;
        final List<String> oddValues = new ArrayList<>(MAX_ODD_VALUES);
        String first;
        int firstLine = -1; // set by the loader just after the first odd cell, see needsLine()

        Near(String what) {
            this.what = what;
        }

        void offer(boolean fits, String cell) {
            if (!alive) return;
            if (fits) {
                good++;
                return;
            }
            odd++;
            if (!oddValues.contains(cell)) {
                if (oddValues.size() == MAX_ODD_VALUES) {
                    alive = false;
                    return;
                }
                oddValues.add(cell);
            }
            if (first == null) first = cell;
        }
    }

    /** Takes one non-empty cell. Spaces around a value do not change its type ({@code " 12"} is a number). */
    void offer(String cell) {
        String s = cell.strip();
        if (s.isEmpty()) return; // blank: NULL unless the column turns out to be text
        sawValue = true;
        boolean stillTyped = integer || decimal || bool || isoDate || yearMonth || usDate || timestamp;
        if (!stillTyped && !numbers.alive && !dates.alive) return; // text, and not by accident
        boolean numeric = (decimal || numbers.alive) && CellSyntax.isDecimal(s) && !CellSyntax.hasLeadingZero(s);
        numbers.offer(numeric, s);
        boolean iso = (isoDate || timestamp || dates.alive) && CellSyntax.isoDate(s) != Integer.MIN_VALUE;
        boolean ym = (yearMonth || dates.alive) && CellSyntax.yearMonth(s) != Integer.MIN_VALUE;
        boolean us = (usDate || dates.alive) && CellSyntax.usDate(s) != Integer.MIN_VALUE;
        boolean ts = !iso && (timestamp || dates.alive) && CellSyntax.isoTimestampMicros(s) != Long.MIN_VALUE;
        dates.offer(iso || ym || us || ts, s);
        if (!stillTyped) return;
        if (decimal) {
            decimal = numeric;
            integer = integer && numeric && CellSyntax.isInteger(s);
        } else integer = false;
        if (bool) bool = CellSyntax.isBoolean(s);
        isoDate = isoDate && iso;
        yearMonth = yearMonth && ym;
        usDate = usDate && us;
        if (timestamp && !iso) {
            timestamp = ts;
            sawTimestamp |= timestamp;
        }
    }

    /** Whether the cell just offered was the first odd one of a near type: the loader then tells where it is. */
    boolean needsLine() {
        return (numbers.first != null && numbers.firstLine < 0) || (dates.first != null && dates.firstLine < 0);
    }

    /** Where the cell just offered is: its 1-based line in the file. */
    void located(int line) {
        if (numbers.first != null && numbers.firstLine < 0) numbers.firstLine = line;
        if (dates.first != null && dates.firstLine < 0) dates.firstLine = line;
    }

    /**
     * For a column inferred as text: the numbers or dates it would be but for a few odd cells (fewer than the cells
     * that fit, and at most {@link #MAX_ODD_VALUES} distinct values), or {@code null}.
     */
    Near nearMiss() {
        if (kind() != CellReader.Kind.TEXT) return null;
        for (Near n : List.of(numbers, dates))
            if (n.alive && n.odd > 0 && n.good > n.odd) return n;
        return null;
    }

    /**
     * Whether the cells seen so far leave room for a {@link #nearMiss} once more cells come: a near type is still
     * tracked (at most {@link #MAX_ODD_VALUES} distinct odd values so far).
     */
    boolean mayBeNearMiss() {
        return numbers.alive || dates.alive;
    }

    /** Whether any cell offered so far had a value (not blank). */
    boolean sawValue() {
        return sawValue;
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
