package io.datadesk.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datadesk.data.ColumnType;
import io.datadesk.error.ContentException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ValueFormatTest {

    private static final Locale US = Locale.US, FR = Locale.FRANCE, DE = Locale.GERMANY;
    private static final String NBSP = "\u00a0", NNBSP = "\u202f";

    private static String f(String spec, Object value, Locale locale) {
        return ValueFormat.parse(spec).format(value, locale);
    }

    @Test
    void number() {
        assertThat(f("number", 264320L, US)).isEqualTo("264,320");
        assertThat(f("number", 80998.0, US)).isEqualTo("80,998");
        assertThat(f("number", 1234.567, US)).isEqualTo("1,234.57");
        assertThat(f("number:1", 1234.0, US)).isEqualTo("1,234.0");
        assertThat(f("number:1", 0.25, US)).isEqualTo("0.3"); // half up, as readers expect
        assertThat(f("number:0", 2.5, US)).isEqualTo("3");
        assertThat(f("number", 1234567.891, DE)).isEqualTo("1.234.567,89");
        assertThat(f("number", 264320L, FR)).isEqualTo("264" + NNBSP + "320");
    }

    @Test
    void percent() {
        assertThat(f("percent", 0.0123, US)).isEqualTo("1%");
        assertThat(f("percent:1", 0.0123, US)).isEqualTo("1.2%");
        assertThat(f("percent:1", 0.0123, FR)).isEqualTo("1,2" + NBSP + "%");
        assertThat(f("percent:2", 1L, DE)).isEqualTo("100,00" + NBSP + "%");
    }

    @Test
    void compact() {
        assertThat(f("compact", 264320L, US)).isEqualTo("264K");
        assertThat(f("compact", 1_234_567L, US)).isEqualTo("1.2M");
        assertThat(f("compact", 3.4e9, US)).isEqualTo("3.4B");
        assertThat(f("compact", 999_999L, US)).isEqualTo("1M");
        assertThat(f("compact", 1_000_000L, US)).isEqualTo("1M");
        assertThat(f("compact", 950L, US)).isEqualTo("950");
        assertThat(f("compact", 9.46, US)).isEqualTo("9.5");
        assertThat(f("compact", -12_345L, US)).isEqualTo("\u221212K");
        assertThat(f("compact", 1_234_567L, FR)).isEqualTo("1,2" + NBSP + "M");
        assertThat(f("compact", 3.4e9, DE)).isEqualTo("3,4" + NBSP + "Mrd.");
    }

    @Test
    void signedUsesARealMinusSign() {
        assertThat(f("signed", 1234L, US)).isEqualTo("+1,234");
        assertThat(f("signed", -1234L, US)).isEqualTo("\u22121,234");
        assertThat(f("signed", 0L, US)).isEqualTo("0");
        assertThat(f("signed", -0.001, US)).isEqualTo("0");
        assertThat(f("signed:1", 0.04, US)).isEqualTo("0.0");
        assertThat(f("signed:1", -0.25, US)).isEqualTo("\u22120.3");
        assertThat(f("signed", -1234.5, DE)).isEqualTo("\u22121.234,5");
    }

    @Test
    void dates() {
        LocalDate d = LocalDate.of(2024, 3, 1);
        assertThat(f("date:\"MMMM yyyy\"", d, US)).isEqualTo("March 2024");
        assertThat(f("date:MMMM yyyy", d, FR)).isEqualTo("mars 2024");
        assertThat(f("date:'d MMMM yyyy'", d, DE)).isEqualTo("1 März 2024");
        assertThat(f("date", d, US)).isEqualTo("Mar 1, 2024");
        assertThat(f("date:MMM yyyy", LocalDateTime.of(2024, 3, 1, 10, 0), US)).isEqualTo("Mar 2024");
        assertThat(f("date:HH:mm", d, US)).isEqualTo("2024-03-01"); // no hours in a date: shown plainly, no failure
    }

    @Test
    void currency() {
        assertThat(f("currency", 1234L, US)).isEqualTo("$1,234");
        assertThat(f("currency", 1234.5, US)).isEqualTo("$1,234.50");
        assertThat(f("currency:EUR", 1234.5, FR)).isEqualTo("1" + NNBSP + "234,50" + NBSP + "€");
    }

    @Test
    void yearColumnsAreNotGrouped() {
        assertThat(ValueFormat.plain(2023L, US, "year")).isEqualTo("2023");
        assertThat(ValueFormat.plain(2023L, US, "fiscal_year")).isEqualTo("2023");
        assertThat(ValueFormat.plain(2023L, US, "laid_off")).isEqualTo("2,023");
        assertThat(ValueFormat.plain(20230L, US, "year")).isEqualTo("20,230");
        assertThat(ValueFormat.plain(2023L, US, "yearly_total")).isEqualTo("2,023");
    }

    @Test
    void plainDefaults() {
        assertThat(ValueFormat.plain(264320L, US)).isEqualTo("264,320");
        assertThat(ValueFormat.plain(16000.0, US)).isEqualTo("16,000");
        assertThat(ValueFormat.plain(1234.5678, US)).isEqualTo("1,234.6");
        assertThat(ValueFormat.plain(12.3456, US)).isEqualTo("12.35");
        assertThat(ValueFormat.plain(0.012345, US)).isEqualTo("0.0123");
        assertThat(ValueFormat.plain(0.1 + 0.2, US)).isEqualTo("0.3");
        assertThat(ValueFormat.plain(12.3456, DE)).isEqualTo("12,35");
        assertThat(ValueFormat.plain(LocalDate.of(2024, 3, 1), FR)).isEqualTo("2024-03-01");
        assertThat(ValueFormat.plain(LocalDateTime.of(2024, 3, 1, 14, 30), US)).isEqualTo("2024-03-01 14:30");
        assertThat(ValueFormat.plain(null, US)).isEmpty();
        assertThat(ValueFormat.plain("<b>", US)).isEqualTo("<b>"); // escaping is the renderer's job
        assertThat(ValueFormat.plain(Double.NaN, US)).isEqualTo("NaN");
        assertThat(ValueFormat.parse("percent").format("text", US)).isEqualTo("text");
    }

    @Test
    void typesAFormatFits() {
        assertThat(ValueFormat.parse("percent").accepts(ColumnType.DECIMAL)).isTrue();
        assertThat(ValueFormat.parse("percent").accepts(ColumnType.TEXT)).isFalse();
        assertThat(ValueFormat.parse("date").accepts(ColumnType.TIMESTAMP)).isTrue();
        assertThat(ValueFormat.parse("date").accepts(ColumnType.INTEGER)).isFalse();
    }

    @Test
    void unknownFormatsListTheValidOnesAndTheClosest() {
        assertThatThrownBy(() -> ValueFormat.parse("percnt:1", "content/page.md", 7, 24))
                .isInstanceOfSatisfying(ContentException.class, e -> {
                    assertThat(e.diagnostics().get(0).location()).isEqualTo("content/page.md:7:24");
                    assertThat(e.diagnostics().get(0).message()).isEqualTo("unknown format 'percnt:1'");
                    assertThat(e.diagnostics().get(0).hint()).startsWith("did you mean 'percent'? Formats: number, number:DECIMALS, percent");
                });
        assertThatThrownBy(() -> ValueFormat.parse("number:x")).hasMessageStartingWith("'number:x': the number of decimals must be a whole number");
        assertThatThrownBy(() -> ValueFormat.parse("currency:XYZ")).hasMessageStartingWith("unknown currency 'XYZ'");
        assertThatThrownBy(() -> ValueFormat.parse("date:\"yyyy {\"")).hasMessageStartingWith("invalid date pattern 'yyyy {'");
        assertThatThrownBy(() -> ValueFormat.parse("compact:2")).hasMessageStartingWith("format 'compact' takes no argument");
    }

    @Test
    void everyNegativeNumberHasATrueMinusSign() {
        assertThat(f("number", -1234.5, US)).isEqualTo("\u22121,234.5");
        assertThat(f("number:0", -1234.5, US)).isEqualTo("\u22121,235");
        assertThat(f("percent:1", -0.125, US)).isEqualTo("\u221212.5%");
        assertThat(f("compact", -264_320, US)).isEqualTo("\u2212264K");
        assertThat(ValueFormat.plain(-3L, US)).isEqualTo("\u22123");
        assertThat(ValueFormat.plain(-0.25, US)).isEqualTo("\u22120.25");
        assertThat(f("number", -12, US)).doesNotContain("-");
    }

    @Test
    void signedPercentShowsTheSignOfAChange() {
        assertThat(f("signed-percent", 0.125, US)).isEqualTo("+13%");
        assertThat(f("signed-percent:1", -0.0345, US)).isEqualTo("\u22123.5%");
        assertThat(f("signed-percent:1", 0.0004, US)).isEqualTo("0.0%");
        assertThat(f("signed-percent", 0, US)).isEqualTo("0%");
    }

    @Test
    void oneRoundingForChartsTablesAndProse() {
        // 12.5 was "12" in a pie legend (half-even) and "13" inline (half-up); now both round half up
        assertThat(ValueFormat.decimal(12.5, 0, 0, US)).isEqualTo(f("number:0", 12.5, US)).isEqualTo("13");
        assertThat(ValueFormat.decimal(-1234.5, 0, 0, US)).isEqualTo(f("number:0", -1234.5, US)).isEqualTo("\u22121,235");
        assertThat(ValueFormat.decimal(-0.001, 0, 2, US)).isEqualTo("0");
    }
}
