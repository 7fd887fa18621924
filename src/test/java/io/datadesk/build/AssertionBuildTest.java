package io.datadesk.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Assertion blocks and {@code -- expect:} checks in real builds: silent when they hold, located failures when not. */
class AssertionBuildTest {

    @TempDir Path dir;
    SiteFixture fx;

    static final String PAGE = """
            ---
            title: Cuts
            data:
              cuts: data/cuts.csv
            ---
            ```sql yearly
            -- expect: { rows: ">= 2", unique: year, not_null: [laid_off], range: { laid_off: ">= 0" } }
            select year, sum(people) as laid_off, max(published) as published from cuts group by year order by year
            ```

            In 2023, {{ yearly[year=2023].laid_off | number }} people lost their jobs.

            ```assert totals_match
            message: each year's layoffs add up to the published total
            select year, laid_off, published from yearly where laid_off <> published
            ```
            """;

    @BeforeEach
    void project() {
        fx = new SiteFixture(dir).write("datadesk.yaml", "title: Desk\n")
                .write("content/index.md", "---\ntitle: Home\n---\n")
                .write("content/cuts/data/cuts.csv", "company,people,year,published\nAcme,1200,2023,1500\nBeta,300,2023,1500\nGamma,15000,2024,15000\n");
    }

    @Test
    void assertionsThatHoldPrintNothingToReaders() throws Exception {
        fx.write("content/cuts/index.md", PAGE);
        SiteFixture.Run ok = fx.cli("build");
        assertThat(ok.code()).as(ok.err()).isZero();
        String html = fx.read("site/cuts/index.html");
        assertThat(html).doesNotContain("totals_match").doesNotContain("published total").doesNotContain("expect");
    }

    @Test
    void aBrokenRuleFailsBuildCheckAndTheCachedRebuildWithItsRows() {
        fx.write("content/cuts/index.md", PAGE);
        assertThat(fx.cli("build").code()).isZero();
        String before = fx.snapshot("site");
        fx.write("content/cuts/data/cuts.csv", "company,people,year,published\nAcme,1200,2023,1500\nBeta,200,2023,1500\nGamma,15000,2024,15000\n");
        for (String command : new String[] {"build", "check", "build"}) { // the second build reads the query cache
            SiteFixture.Run run = fx.cli(command);
            assertThat(run.code()).as(command).isEqualTo(1);
            assertThat(run.err()).as(command).contains("""
                    content/cuts/index.md:13: error: assertion 'totals_match' failed: each year's layoffs add up to the published total (1 row breaks it)
                      hint: the query returns the rows that break the rule; fix the data or the query:
                      | year | laid_off | published |
                      | 2023 | 1400     | 1500      |""");
        }
        assertThat(fx.snapshot("site")).isEqualTo(before);
    }

    @Test
    void expectChecksFailAtTheirKey() {
        fx.write("content/cuts/index.md", PAGE.replace("group by year order by year", "group by year, company order by year"));
        SiteFixture.Run run = fx.cli("build");
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("content/cuts/index.md:7:28: error: expect unique: 1 value of year appears in more than one row of query 'yearly'")
                .contains("| year | laid_off | published |");
    }

    @Test
    void anAssertionWithABrokenQueryIsLocated() {
        fx.write("content/cuts/index.md", PAGE.replace("where laid_off <> published", "where laid_of <> published"));
        SiteFixture.Run run = fx.cli("build");
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("content/cuts/index.md:15:").contains("error: assertion 'totals_match' failed: Binder error:")
                .contains("did you mean 'laid_off'?");
    }
}
