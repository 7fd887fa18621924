package io.datadesk.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Data directives end to end: a page's tables and inline values in the HTML, and bad data through the real CLI. */
class DataBuildTest {

    @TempDir Path dir;
    SiteFixture fx;
    String before;

    static final String PAGE = """
            ---
            title: Cuts
            data:
              cuts: data/cuts.csv
            ---
            Intro paragraph.

            ```sql totals
            select sum(people) as people, count(*) as events, max(day) as last_day from cuts
            ```

            ```sql by_company show
            select company, people from cuts order by people desc
            ```

            In all {{ totals.people | number }} people in {{ totals.events }} events, the last on
            {{ totals.last_day | date:"d MMMM yyyy" }}; literally `{{ totals.people }}`.

            ```table
            data: by_company
            columns:
              company: Company
              people: { label: People laid off, format: number }
            limit: 2
            ```
            """;

    @BeforeEach
    void goodBuild() {
        fx = new SiteFixture(dir).write("datadesk.yaml", "title: Desk\n")
                .write("content/index.md", "---\ntitle: Home\n---\n")
                .write("content/cuts/data/cuts.csv", "company,people,day\nAcme,1200,2024-01-05\n<script>alert(1)</script>,300,2024-02-01\nBeta Corp,15000,2024-03-10\n")
                .write("content/cuts/index.md", PAGE);
        SiteFixture.Run ok = fx.cli("build");
        assertThat(ok.code()).as(ok.err()).isZero();
        before = fx.snapshot("site");
    }

    @Test
    void tablesAndInlineValuesAreComputedAndEscaped() throws Exception {
        Document doc = Jsoup.parse(dir.resolve("site/cuts/index.html").toFile());
        assertThat(doc.select(".prose p").get(1).text())
                .isEqualTo("In all 16,500 people in 3 events, the last on 10 March 2024; literally {{ totals.people }}.");
        assertThat(doc.select("table tbody tr")).hasSize(2);
        assertThat(doc.select("table thead th").eachText()).containsExactly("Company", "People laid off");
        assertThat(doc.select("table tbody tr").first().select("td, th").eachText()).containsExactly("Beta Corp", "15,000");
        assertThat(doc.select("details.query code.language-sql").text()).contains("order by people desc");
        assertThat(doc.select("script")).isEmpty();
        // the XSS row is shown as text in the full result
        fx.write("content/cuts/index.md", PAGE.replace("limit: 2", "limit: 3"));
        assertThat(fx.cli("build").code()).isZero();
        doc = Jsoup.parse(dir.resolve("site/cuts/index.html").toFile());
        assertThat(doc.select("script")).isEmpty();
        assertThat(doc.select("table").text()).contains("<script>alert(1)</script>");
    }

    @Test
    void chartDownloadIsExactlyTheQueryResult() throws Exception {
        fx.write("content/cuts/index.md", PAGE + """

                ```chart
                type: hbar
                data: by_company
                x: company
                y: people
                title: Who cut most
                source: { text: "Company filings", url: "https://example.org/filings" }
                ```
                """);
        SiteFixture.Run run = fx.cli("build");
        assertThat(run.code()).as(run.err()).isZero();
        Document doc = Jsoup.parse(dir.resolve("site/cuts/index.html").toFile());
        String href = doc.select("figure a:contains(Download the data (CSV))").attr("href");
        assertThat(href).isEqualTo("downloads/by_company.csv");
        assertThat(dir.resolve("site/cuts").resolve(href)).hasContent(
                "company,people\r\nBeta Corp,15000\r\nAcme,1200\r\n<script>alert(1)</script>,300\r\n");
        assertThat(doc.select("#dd-sources a").attr("href")).isEqualTo("https://example.org/filings");
        assertThat(doc.select("script")).isEmpty();
    }

    private String failing() {
        SiteFixture.Run run = fx.cli("build");
        assertThat(run.code()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(fx.snapshot("site")).isEqualTo(before);
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
        return run.err();
    }

    static final String CHART_WITH_VALUES = """

            ```chart
            type: hbar
            data: by_company
            x: company
            y: people
            title: "{{ totals.events }} layoffs"
            subtitle: People laid off, to {{ totals.last_day | date:"d MMMM yyyy" }}
            ```
            """;

    @Test
    void chartTextCanHoldInlineValues() throws Exception {
        fx.write("content/cuts/index.md", PAGE + CHART_WITH_VALUES);
        SiteFixture.Run run = fx.cli("build");
        assertThat(run.code()).as(run.err()).isZero();
        Document doc = Jsoup.parse(dir.resolve("site/cuts/index.html").toFile());
        assertThat(doc.select("figure.dd-chart").text()).contains("3 layoffs").contains("People laid off, to 10 March 2024")
                .doesNotContain("{{");
        before = fx.snapshot("site");
        // a bad value in a chart is located at its line and column in the Markdown file
        fx.write("content/cuts/index.md", PAGE + CHART_WITH_VALUES.replace("totals.last_day", "totals.last_dy"));
        String md = PAGE + CHART_WITH_VALUES;
        int line = md.substring(0, md.indexOf("subtitle:")).split("\n", -1).length;
        // the column is where the value's inner text starts, as for values in prose
        assertThat(failing()).contains("content/cuts/index.md:" + line + ":33:").contains("last_dy").contains("last_day");
    }

    @Test
    void failingSqlNamesTheMarkdownLine() {
        fx.write("content/cuts/index.md", PAGE.replace("order by people desc", "order by peeple desc"));
        // the failing line is line 13 of the Markdown file; the table using the failed result is not blamed
        assertThat(failing()).contains("content/cuts/index.md:13:43: error: query 'by_company' failed")
                .contains("peeple").contains("did you mean 'people'?").contains("1 error.");
    }

    @Test
    void missingCsvFile() {
        fx.write("content/cuts/index.md", PAGE.replace("data/cuts.csv", "data/nope.csv"));
        assertThat(failing()).contains("content/cuts/index.md:4:3:").contains("content/cuts/data/nope.csv");
    }

    @Test
    void raggedCsvRow() {
        fx.write("content/cuts/data/cuts.csv", "company,people,day\nAcme,1200\n");
        assertThat(failing()).contains("content/cuts/data/cuts.csv:2").contains("2").contains("3");
    }

    @Test
    void inlineValueOnSeveralRows() {
        fx.write("content/cuts/index.md", PAGE.replace("{{ totals.events }}", "{{ by_company.people }}"));
        assertThat(failing()).contains("content/cuts/index.md:16:").contains("by_company").contains("3 rows");
    }

    @Test
    void unknownColumnAndUnknownFormat() {
        fx.write("content/cuts/index.md", PAGE.replace("{{ totals.events }}", "{{ totals.evnts }}")
                .replace("| number }}", "| nmber }}"));
        String err = failing();
        assertThat(err).contains("evnts").contains("events");
        assertThat(err).contains("nmber").contains("number");
    }

    @Test
    void dataPathLeavingTheProjectIsRefused() {
        fx.write("content/cuts/index.md", PAGE.replace("data/cuts.csv", "../../../../etc/passwd"));
        assertThat(failing()).contains("leaves the project");
    }
}
