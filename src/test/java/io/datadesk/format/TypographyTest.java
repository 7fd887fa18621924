package io.datadesk.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.datadesk.read.Markdown;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Chart and table text gets the prose's typographic quotes, dashes and ellipses, and nothing else of Markdown. */
class TypographyTest {

    @Test
    void quotesDashesAndEllipses() {
        assertThat(Typography.smarten("The \"AI\" share of cuts, 2023--2026")).isEqualTo("The \u201cAI\u201d share of cuts, 2023\u20132026");
        assertThat(Typography.smarten("Employers' reasons --- and what they don't say...")).isEqualTo(
                "Employers\u2019 reasons \u2014 and what they don\u2019t say\u2026");
        assertThat(Typography.smarten("'Restructuring' is the top reason")).isEqualTo("\u2018Restructuring\u2019 is the top reason");
    }

    @ParameterizedTest
    @ValueSource(strings = {"The \"AI\" share of cuts, 2023--2026", "Employers' reasons --- and what they don't say...",
            "\"Quoted\" at the start", "It's 'single' and \"double\"", "A -- B, 'C' ... D", "Rock 'n' roll in the '90s"})
    void theSameRulesAsTheProse(String text) {
        String prose = Jsoup.parseBodyFragment(new Markdown().render(new Markdown().parse(text), i -> "", i -> "")).body().text();
        assertThat(Typography.smarten(text)).isEqualTo(prose);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Jobs *cut* by _AI_ [1] <b>x</b> &amp; `code` \\ # 2", "2024. A year", "- not a list", "# not a heading",
            "1) one", "> not a quote", "a  b   c", "https://example.org/a_b", "", "   ", "2023-10", "x < y > z", "<<much less>>"})
    void everythingElseStaysAsWritten(String text) {
        assertThat(Typography.smarten(text)).isEqualTo(text);
        // With an apostrophe the text goes through Flexmark: only the apostrophe changes.
        assertThat(Typography.smarten(text + " it's")).isEqualTo(text + " it\u2019s");
    }

    @Test
    void keepsSurroundingSpaceAndLines() {
        assertThat(Typography.smarten("  it's  ")).isEqualTo("  it\u2019s  ");
        assertThat(Typography.smarten("first \"line\"\nsecond -- line")).isEqualTo("first \u201cline\u201d\nsecond \u2013 line");
        assertThat(Typography.smarten(null)).isNull();
    }
}
