package io.datadesk.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inline values that pick a row of a longer result, through Markdown and the real command line. */
class RowSelectionBuildTest {

    @TempDir Path dir;
    SiteFixture fx;

    static final String PAGE = """
            ---
            title: Cuts
            data:
              cuts: data/cuts.csv
            ---
            ```sql yearly
            select year, sum(people) as laid_off from cuts group by year order by year
            ```

            In 2023, {{ yearly[year=2023].laid_off | number }} people lost their jobs; in 2024, {{ yearly[year=2024].laid_off }}.
            """;

    @BeforeEach
    void project() {
        fx = new SiteFixture(dir).write("datadesk.yaml", "title: Desk\n")
                .write("content/index.md", "---\ntitle: Home\n---\n")
                .write("content/cuts/data/cuts.csv", "company,people,year\nAcme,1200,2023\nBeta,300,2023\nGamma,15000,2024\n");
    }

    @Test
    void oneQueryServesSeveralNumbers() throws Exception {
        fx.write("content/cuts/index.md", PAGE);
        SiteFixture.Run ok = fx.cli("build");
        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(Jsoup.parse(dir.resolve("site/cuts/index.html").toFile()).select(".prose p").first().text())
                .startsWith("In 2023, 1,500 people lost their jobs; in 2024, 15,000.");
    }

    @Test
    void aSelectionThatMatchesNoRowIsALocatedError() {
        fx.write("content/cuts/index.md", PAGE.replace("year=2024", "year=2025"));
        SiteFixture.Run run = fx.cli("build");
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("content/cuts/index.md:10:")
                .contains("error: no row of 'yearly' has year = 2025 in '{{yearly[year=2025].laid_off}}'")
                .contains("hint: values of year: 2023, 2024.");
    }

    @Test
    void aSelectionThatMatchesSeveralRowsSaysHowMany() {
        fx.write("content/cuts/index.md", PAGE.replace("group by year order by year", "group by year, company order by year"));
        SiteFixture.Run run = fx.cli("build");
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("error: 2 rows of 'yearly' have year = 2023, but an inline value shows one");
    }
}
