package io.datadesk.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class CalendarTicksTest {

    static List<CalendarTicks.Tick> ticks(LocalDate from, LocalDate to, int minMonths, double width) {
        return CalendarTicks.ticks(from, to, minMonths, width, s -> 7.5 * s.length(), Locale.US);
    }

    @Test
    void yearTicksFallOnTheFirstOfJanuaryAndNameThatYear() {
        // XChart's own date ticks for this series land on 20 December and label it with the wrong year
        List<CalendarTicks.Tick> t = ticks(LocalDate.of(2019, 1, 1), LocalDate.of(2024, 12, 1), 1, 300);
        assertThat(t).allMatch(k -> k.date().getDayOfYear() == 1);
        assertThat(t).allMatch(k -> k.label().equals(String.valueOf(k.date().getYear())));
        assertThat(t.get(0).date()).isEqualTo(LocalDate.of(2019, 1, 1));
    }

    @Test
    void widerPlotsGetDenserMonthTicksWithTheYearNamedOnce() {
        List<CalendarTicks.Tick> t = ticks(LocalDate.of(2022, 1, 1), LocalDate.of(2023, 12, 1), 1, 900);
        assertThat(t.get(0).label()).isEqualTo("2022");
        assertThat(t).allMatch(k -> k.date().getDayOfMonth() == 1);
        assertThat(t.stream().map(CalendarTicks.Tick::label)).contains("Jul", "2023");
        assertThat(t.size()).isGreaterThan(4);
    }

    @Test
    void yearlyDataGetsNoMonthTicks() {
        List<CalendarTicks.Tick> t = ticks(LocalDate.of(2020, 1, 1), LocalDate.of(2025, 1, 1), 12, 900);
        assertThat(t).extracting(CalendarTicks.Tick::label).containsExactly("2020", "2021", "2022", "2023", "2024", "2025");
    }

    @Test
    void longSpansThinToRoundYearsThatFit() {
        List<CalendarTicks.Tick> t = ticks(LocalDate.of(1948, 1, 1), LocalDate.of(2026, 1, 1), 1, 300);
        assertThat(t).allMatch(k -> k.date().getYear() % 10 == 0 || k.date().getYear() % 20 == 0);
        for (int i = 1; i < t.size(); i++) // labels of 30 px at ~3.85 px per year need at least 12 px between them
            assertThat(t.get(i).date().getYear() - t.get(i - 1).date().getYear()).isGreaterThanOrEqualTo(10);
    }

    @Test
    void shortSpansGetDayTicks() {
        List<CalendarTicks.Tick> t = ticks(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 20), 0, 600);
        assertThat(t.get(0).label()).isEqualTo("1 Mar");
    }
}
