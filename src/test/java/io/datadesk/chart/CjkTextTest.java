package io.datadesk.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.datadesk.format.ValueFormat;
import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Chinese text in charts is measured as 1 em a character; Chinese numbers and dates are written the Chinese way. */
class CjkTextTest {

    static final FontRenderContext FRC = new FontRenderContext(null, true, true);
    static final Locale ZH = Locale.forLanguageTag("zh-CN");

    @Test
    void cjkCharactersAdvanceOneEmEach() {
        Font f = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
        assertThat(ChartRenderer.advance("每月裁员人数", f, FRC)).isEqualTo(6 * 13.0);
        assertThat(ChartRenderer.advance("２０２３年，", f, FRC)).isEqualTo(6 * 13.0); // full-width digits and comma
        double latin = ChartRenderer.advance("AI", f, FRC);
        assertThat(ChartRenderer.advance("AI裁员", f, FRC)).isEqualTo(latin + 2 * 13.0);
        assertThat(ChartRenderer.advance("Tech layoffs", f, FRC)).isEqualTo(new java.awt.font.TextLayout("Tech layoffs", f, FRC).getAdvance());
    }

    @Test
    void chineseNumbersAndDates() {
        assertThat(ValueFormat.parse("compact").format(264_320, ZH)).isEqualTo("26万");
        assertThat(ValueFormat.parse("compact").format(1_500_000_000L, ZH)).isEqualTo("15亿");
        assertThat(ValueFormat.parse("compact").format(15_000, ZH)).isEqualTo("1.5万");
        assertThat(ValueFormat.parse("compact").format(264_320, Locale.ENGLISH)).isEqualTo("264K");
        assertThat(ValueFormat.parse("number").format(1_234_567, ZH)).isEqualTo("1,234,567");
        assertThat(ValueFormat.parse("number").format(1_234_567, Locale.FRENCH)).isEqualTo("1\u202f234\u202f567");
        assertThat(ValueFormat.parse("percent:1").format(0.123, ZH)).isEqualTo("12.3%");
        assertThat(ValueFormat.parse("percent").format(0.12, Locale.FRENCH)).isEqualTo("12\u00a0%");
        LocalDate d = LocalDate.of(2026, 11, 29);
        assertThat(ValueFormat.parse("date:\"d MMMM yyyy\"").format(d, ZH)).isEqualTo("2026年11月29日");
        assertThat(ValueFormat.parse("date:\"MMMM yyyy\"").format(d, ZH)).isEqualTo("2026年11月");
        assertThat(ValueFormat.parse("date:\"MMMM\"").format(d, ZH)).isEqualTo("11月");
        assertThat(ValueFormat.parse("date:\"d MMMM\"").format(d, ZH)).isEqualTo("11月29日");
        assertThat(ValueFormat.parse("date:\"yyyy-MM-dd\"").format(d, ZH)).isEqualTo("2026-11-29");
        assertThat(ValueFormat.parse("date:\"d MMMM yyyy\"").format(d, Locale.FRENCH)).isEqualTo("29 novembre 2026");
        assertThat(ValueFormat.parse("date").format(d, ZH)).isEqualTo("2026年11月29日");
        assertThat(Describe.xText(LocalDate.of(2023, 1, 1), java.util.List.of(LocalDate.of(2023, 1, 1), LocalDate.of(2023, 2, 1)),
                XValues.Kind.DATE, ZH, true)).isEqualTo("2023年1月");
    }
}
