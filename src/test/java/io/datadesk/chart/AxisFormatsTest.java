package io.datadesk.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class AxisFormatsTest {

    static String f(String format, Object v, Locale l) {
        return AxisFormats.BUILT_IN.resolve(format, l).apply(v);
    }

    @Test
    void formatsByName() {
        assertThat(f("compact", 89709.0, Locale.US)).isEqualTo("90K"); // ValueFormat: two significant digits
        assertThat(f("compact", 1_500_000L, Locale.US)).isEqualTo("1.5M");
        assertThat(f("compact", 999.0, Locale.US)).isEqualTo("999");
        assertThat(f("percent", 0.05, Locale.US)).isEqualTo("5%");
        assertThat(f("percent:1", 0.0512, Locale.US)).isEqualTo("5.1%");
        assertThat(f("number", 1234567.891, Locale.US)).isEqualTo("1,234,567.89");
        assertThat(f("number:1", 2.0, Locale.US)).isEqualTo("2.0");
        assertThat(f("number", -3.0, Locale.US)).isEqualTo("\u22123");
        assertThat(f("number", 1234.5, Locale.GERMANY)).isEqualTo("1.234,5");
        assertThat(f("month", LocalDate.of(2023, 1, 1), Locale.US)).isEqualTo("Jan 2023");
        assertThat(f("year", LocalDate.of(2023, 1, 1), Locale.US)).isEqualTo("2023");
        assertThat(f("MMM yy", LocalDate.of(2023, 1, 1), Locale.US)).isEqualTo("Jan 23");
    }

    @Test
    void unknownFormatsAreRefusedWithTheList() {
        assertThatThrownBy(() -> AxisFormats.BUILT_IN.resolve("compactt", Locale.US)).hasMessageContaining("unknown format 'compactt'")
                .hasMessageContaining("compact, percent");
        assertThatThrownBy(() -> AxisFormats.BUILT_IN.resolve("percent:x", Locale.US)).hasMessageContaining("whole number");
    }
}
