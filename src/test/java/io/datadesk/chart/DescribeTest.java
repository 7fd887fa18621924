package io.datadesk.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** How x values are named in descriptions, data tables, tooltips and labels. */
class DescribeTest {

    @Test
    void datesAreNamedAtThePrecisionOfTheWholeAxis() {
        List<Object> years = List.of(LocalDate.of(2021, 1, 1), LocalDate.of(2022, 1, 1), LocalDate.of(2023, 1, 1));
        List<Object> months = List.of(LocalDate.of(2023, 1, 1), LocalDate.of(2023, 2, 1), LocalDate.of(2023, 3, 1));
        List<Object> days = List.of(LocalDate.of(2023, 1, 1), LocalDate.of(2023, 2, 1), LocalDate.of(2023, 2, 15));
        Function<Object, String> y = Describe.xNames(years, XValues.Kind.DATE, Locale.ENGLISH, false);
        Function<Object, String> m = Describe.xNames(months, XValues.Kind.DATE, Locale.ENGLISH, false);
        Function<Object, String> mShort = Describe.xNames(months, XValues.Kind.DATE, Locale.ENGLISH, true);
        Function<Object, String> d = Describe.xNames(days, XValues.Kind.DATE, Locale.ENGLISH, false);
        // the same first of January, named as its axis names every value
        LocalDate first = LocalDate.of(2023, 1, 1);
        assertThat(y.apply(first)).isEqualTo("2023");
        assertThat(m.apply(first)).isEqualTo("January 2023");
        assertThat(mShort.apply(first)).isEqualTo("Jan 2023");
        assertThat(d.apply(first)).isEqualTo("1 January 2023");
        assertThat(d.apply(LocalDate.of(2023, 2, 15))).isEqualTo("15 February 2023");
        // numbers as the axis formats them
        assertThat(Describe.xNames(List.of(1.5, 2.0), XValues.Kind.NUMBER, Locale.ENGLISH, false).apply(1.5)).isEqualTo(AxisFormats.auto(1.5, Locale.ENGLISH));
    }

    @Test
    void anAxisWithOneMidMonthDateNamesEveryDay() {
        List<Object> axis = new ArrayList<>();
        for (int i = 1; i <= 24; i++) axis.add(LocalDate.of(2020 + (i - 1) / 12, (i - 1) % 12 + 1, 1));
        assertThat(Describe.xNames(axis, XValues.Kind.DATE, Locale.ENGLISH, false).apply(axis.get(5))).isEqualTo("June 2020");
        axis.add(LocalDate.of(2022, 1, 2));
        assertThat(Describe.xNames(axis, XValues.Kind.DATE, Locale.ENGLISH, false).apply(axis.get(5))).isEqualTo("1 June 2020");
    }
}
