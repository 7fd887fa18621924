package io.datadesk.render;

import io.datadesk.format.ValueFormat;
import java.time.LocalDate;
import java.util.Locale;

/**
 * Dates as templates write them ({@code dates.format(page.date)}): the page language's long date pattern (message
 * {@code date.long}: {@code 29 November 2026}, {@code 2026年11月29日}) applied by {@link ValueFormat}, the one
 * formatter of values for readers.
 */
public final class Dates {

    private final ValueFormat format;
    private final Locale locale;

    public Dates(String pattern, Locale locale) {
        this.format = ValueFormat.parse("date:\"" + pattern.replace("\"", "") + "\"");
        this.locale = locale;
    }

    /** The date in the page's language; the empty string for none. */
    public String format(LocalDate date) {
        return format.format(date, locale);
    }
}
