package io.datadesk.chart;

import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Date axis ticks on calendar boundaries (first of a month, quarter or year), as dense as the labels allow.
 *
 * <p>Why by hand: XChart 4.0.3 spaces date ticks evenly in milliseconds from the first value, so a yearly label can
 * fall on 20 December and name the wrong year; and it has no API to place ticks. We hide its x labels (they only
 * reserve space) and draw these.
 */
final class CalendarTicks {

    record Tick(LocalDate date, String label) {}

    private static final int[] MONTH_STEPS = {1, 2, 3, 6, 12, 24, 60, 120, 240, 600};

    private CalendarTicks() {}

    /**
     * Ticks between {@code from} and {@code to}. {@code width} measures a label in px; {@code space} is the plot
     * width in px; {@code minMonths} the data's own step (12 for yearly data, 1 for monthly, 0 for daily). Labels
     * must leave a gap of at least 12 px.
     */
    static List<Tick> ticks(LocalDate from, LocalDate to, int minMonths, double space, ToDoubleFunction<String> width, Locale locale) {
        long days = Math.max(1, to.toEpochDay() - from.toEpochDay());
        if (days < 62 && minMonths == 0) return dayTicks(from, to, space, width, locale);
        for (int step : MONTH_STEPS) {
            if (step < minMonths) continue; // no ticks between the data's own steps (no 'Jul' on yearly data)
            List<Tick> t = monthTicks(from, to, step, locale, new Fit(from, days, space, width));
            if (t != null && !t.isEmpty()) return t;
        }
        return List.of(new Tick(from, String.valueOf(from.getYear())));
    }

    /**
     * The ticks every {@code step} months, or null as soon as one does not {@code fit}: the dense steps fail at their
     * second or third tick, and a monthly axis over years named (and measured) every month first.
     */
    private static List<Tick> monthTicks(LocalDate from, LocalDate to, int step, Locale locale, Fit fit) {
        LocalDate d = from.withDayOfMonth(1);
        if (d.isBefore(from)) d = d.plusMonths(1);
        if (step >= 12) {
            d = LocalDate.of(from.getYear(), 1, 1);
            if (d.isBefore(from)) d = d.plusYears(1);
            int years = step / 12;
            while (d.getYear() % years != 0) d = d.plusYears(1);
        } else {
            while ((d.getMonthValue() - 1) % step != 0) d = d.plusMonths(1);
        }
        List<Tick> out = new ArrayList<>();
        int lastYear = Integer.MIN_VALUE;
        for (; !d.isAfter(to); d = d.plusMonths(step)) {
            String label;
            if (step >= 12) label = String.valueOf(d.getYear());
            else {
                // Name the year on the first tick and at each January; other ticks only need the month.
                label = io.datadesk.format.ValueFormat.date(d, d.getYear() != lastYear ? "MMM yyyy" : "MMM", locale);
                if (d.getMonthValue() == 1) label = String.valueOf(d.getYear());
            }
            lastYear = d.getYear();
            Tick t = new Tick(d, label);
            if (!fit.next(t)) return null;
            out.add(t);
        }
        return out;
    }

    private static List<Tick> dayTicks(LocalDate from, LocalDate to, double space, ToDoubleFunction<String> width, Locale locale) {
        long days = Math.max(1, to.toEpochDay() - from.toEpochDay());
        for (int step : new int[] {1, 2, 7, 14}) {
            List<Tick> out = new ArrayList<>();
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(step))
                out.add(new Tick(d, io.datadesk.format.ValueFormat.date(d, "d MMM", locale)));
            if (fits(out, from, days, space, width)) return out;
        }
        return List.of(new Tick(from, from.toString()), new Tick(to, to.toString()));
    }

    private static boolean fits(List<Tick> ticks, LocalDate from, long days, double space, ToDoubleFunction<String> width) {
        Fit fit = new Fit(from, days, space, width);
        for (Tick t : ticks) if (!fit.next(t)) return false;
        return true;
    }

    /** Whether labels taken from left to right each leave a gap of 12 px after the one before. */
    private static final class Fit {
        private final LocalDate from;
        private final long days;
        private final double space;
        private final ToDoubleFunction<String> width;
        private double prevRight = Double.NEGATIVE_INFINITY;

        Fit(LocalDate from, long days, double space, ToDoubleFunction<String> width) {
            this.from = from;
            this.days = days;
            this.space = space;
            this.width = width;
        }

        boolean next(Tick t) {
            double x = space * (t.date.toEpochDay() - from.toEpochDay()) / days;
            double w = width.applyAsDouble(t.label);
            double left = x - w / 2;
            if (left < prevRight + 12) return false;
            prevRight = x + w / 2;
            return true;
        }
    }
}
