package io.datadesk.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.datadesk.error.ContentException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The query cache seen through build statistics: what runs, what comes from the cache, across builds. */
class QueryCacheBuildTest {

    @TempDir Path project;

    @BeforeEach
    void setUp() throws IOException {
        write("data/sales.csv", "year,units\n2024,10\n2025,32\n");
        write("report/index.md", page("select year, sum(units) as units from sales group by year order by year",
                "All the prose."));
    }

    @Test
    void anUnchangedQueryIsNotRunAgainAnEditedOneIs() throws IOException {
        BuildResult first = build();
        assertThat(first.queriesRun()).isEqualTo(2);
        assertThat(first.queriesCached()).isZero();

        BuildResult second = build(); // a new `datadesk build`: nothing changed
        assertThat(second.queriesRun()).isZero();
        assertThat(second.queriesCached()).isEqualTo(2);
        assertThat(read("site/report/index.html")).contains("42");

        // The first query edited; its result is the same, so the second query still comes from the cache.
        write("report/index.md", page("select year, sum(units) as units from sales group by all order by year", "All the prose."));
        BuildResult edited = build();
        assertThat(edited.queriesRun()).isEqualTo(1);
        assertThat(edited.queriesCached()).isEqualTo(1);
    }

    @Test
    void aChangedCsvInvalidatesItsQueries() throws IOException {
        build();
        write("data/sales.csv", "year,units\n2024,10\n2025,33\n");
        BuildResult r = build();
        assertThat(r.queriesRun()).isEqualTo(2);
        assertThat(r.queriesCached()).isZero();
        assertThat(read("site/report/index.html")).contains("43");
    }

    @Test
    void aDataEditInServeReRunsOnlyTheQueriesThatReadTheChangedFile() throws IOException {
        // Issue 17: a data edit re-runs the queries that read the changed file (directly, or through the result of a
        // query that does), and no other. Two datasets; the costs file changes.
        write("data/costs.csv", "year,cost\n2024,5\n2025,7\n");
        write("report/index.md", "---\ntitle: Report\ndata:\n  sales: data/sales.csv\n  costs: data/costs.csv\n---\n\n"
                + "```sql units\nselect sum(units) as units from sales\n```\n\n"
                + "```sql best\nselect max(units) as units from sales\n```\n\n"
                + "```sql spent\nselect sum(cost) as cost from costs\n```\n\n"
                + "```sql margin\nselect units.units - spent.cost as margin from units, spent\n```\n\n"
                + "```sql ratio\nselect units / 2 as half from units\n```\n\n"
                + "Units {{ units.units }}, best {{ best.units }}, spent {{ spent.cost }}, margin {{ margin.margin }}, "
                + "half {{ ratio.half }}.\n");
        SiteBuilder serving = new SiteBuilder(options());
        assumeDataSide(serving);
        assertThat(lastResult.queriesRun()).isEqualTo(5);
        assertThat(text("site/report/index.html")).contains("margin 30");

        write("data/costs.csv", "year,cost\n2024,5\n2025,17\n");
        BuildResult r = serving.build();
        assertThat(r.queriesRun()).as("spent reads costs.csv; margin reads spent").isEqualTo(2);
        assertThat(r.queriesCached()).as("units, best and ratio read only sales.csv").isEqualTo(3);
        assertThat(text("site/report/index.html")).contains("spent 22").contains("margin 20").contains("Units 42");

        write("data/sales.csv", "year,units\n2024,10\n2025,40\n");
        BuildResult s = serving.build();
        assertThat(s.queriesRun()).as("units, best, margin and ratio").isEqualTo(4);
        assertThat(s.queriesCached()).as("spent").isEqualTo(1);
        assertThat(text("site/report/index.html")).contains("Units 50").contains("margin 28");
    }

    @Test
    void editingProseInServeRecomputesNothingAndACorruptCacheIsRebuilt() throws IOException {
        SiteBuilder serving = new SiteBuilder(options());
        assumeDataSide(serving);
        write("report/index.md", page("select year, sum(units) as units from sales group by year order by year", "Prose, edited."));
        BuildResult r = serving.build();
        assertThat(r.queriesRun() + r.queriesCached()).isZero(); // the page's data was not recomputed at all
        assertThat(read("site/report/index.html")).contains("Prose, edited.").contains("42");

        try (Stream<Path> s = Files.walk(project.resolve(SiteBuilder.CACHE_DIR))) {
            for (Path f : s.filter(Files::isRegularFile).toList()) Files.writeString(f, "garbage");
        }
        BuildResult fresh = build();
        assertThat(fresh.queriesRun()).isEqualTo(2);
        assertThat(read("site/report/index.html")).contains("42");
        assertThat(build().queriesCached()).isEqualTo(2);
    }

    private BuildResult build() {
        SiteBuilder b = new SiteBuilder(options());
        assumeDataSide(b);
        return lastResult;
    }

    private BuildResult lastResult;

    private BuildOptions options() {
        return BuildOptions.defaults(project).withTemplates(Path.of("templates").toAbsolutePath());
    }

    /** Builds; skips the test on a datadesk without data directives (the serve branch before the data side is merged). */
    private void assumeDataSide(SiteBuilder b) {
        try {
            lastResult = b.build();
        } catch (ContentException e) {
            assumeFalse(e.getMessage().contains("not supported by this build of datadesk yet"), "data directives not merged yet");
            throw e;
        }
    }

    private static String page(String firstQuery, String prose) {
        return "---\ntitle: Report\ndata:\n  sales: data/sales.csv\n---\n\n" + prose + "\n\n"
                + "```sql yearly\n" + firstQuery + "\n```\n\n"
                + "```sql total\nselect sum(units) as units from yearly\n```\n\n"
                + "In all, {{ total.units }} units.\n";
    }

    private void write(String rel, String text) throws IOException {
        Path p = project.resolve("content").resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    /** A page's text as a reader sees it (inline values are links to how they were computed). */
    private String text(String rel) throws IOException {
        return org.jsoup.Jsoup.parse(read(rel)).text();
    }

    private String read(String rel) throws IOException {
        return Files.readString(project.resolve(rel));
    }
}
