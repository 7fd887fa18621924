package io.datadesk.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Collections;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a reader sees around an article's body: its reading time and its table of contents. */
class ReaderTextTest {

    @TempDir Path dir;

    private Document build(String page, String csv) throws Exception {
        SiteFixture fx = new SiteFixture(dir).write("datadesk.yaml", "title: Desk\n")
                .write("content/index.md", "---\ntitle: Home\n---\n")
                .write("content/story/data/cuts.csv", csv)
                .write("content/story/index.md", page);
        fx.build();
        return Jsoup.parse(dir.resolve("site/story/index.html").toFile());
    }

    private static String words(int n, String word) {
        return String.join(" ", Collections.nCopies(n, word));
    }

    @Test
    void readingTimeCountsTheProseNotChartsTablesSqlOrCode() throws Exception {
        StringBuilder csv = new StringBuilder("month,people,note\n");
        for (int i = 1; i <= 12; i++) csv.append("2024-").append(i < 10 ? "0" : "").append(i).append(",").append(i * 100)
                .append(",").append(words(40, "label")).append('\n');
        // 690 words of prose: 3 minutes at 230 words a minute. The chart, its hidden data table, the table, the
        // SQL and the code block hold thousands more, which a reader does not read word by word.
        String page = "---\ntitle: Story\ndata:\n  cuts: data/cuts.csv\n---\n"
                + words(345, "prose") + "\n\n"
                + "```sql monthly show\nselect month, people, note from cuts -- " + words(300, "comment") + "\n```\n\n"
                + "```chart\ntype: bar\ndata: monthly\nx: month\ny: people\ntitle: " + words(30, "title")
                + "\nnote: " + words(100, "note") + "\n```\n\n"
                + "```table\ndata: monthly\n```\n\n"
                + "```\n" + words(800, "code") + "\n```\n\n"
                + "| a | b |\n|---|---|\n| " + words(300, "cell") + " | x |\n\n"
                + words(345, "prose") + "\n";
        Document doc = build(page, csv.toString());
        assertThat(doc.select(".byline").text()).contains("3 min read");
    }

    @Test
    void contentsShowHeadingsAsReadersSeeThemWithInlineValuesExpanded() throws Exception {
        String page = """
                ---
                title: Story
                data:
                  cuts: data/cuts.csv
                ---
                ```sql totals
                select sum(people) as people from cuts
                ```

                ## {{ totals.people | compact }} jobs lost in "2024"

                Text.

                ### Where the -- cuts -- fell

                More text.
                """;
        Document doc = build(page, "month,people\n2024-01,120000\n2024-02,3400\n");
        var entries = doc.select("aside.toc-sidebar li a").eachText();
        assertThat(entries).contains("123K jobs lost in \u201c2024\u201d", "Where the \u2013 cuts \u2013 fell");
        assertThat(doc.select("details.toc-inline li a").eachText()).contains("123K jobs lost in \u201c2024\u201d");
        assertThat(doc.select("nav").html()).doesNotContain("{{", "totals");
        // Each entry still leads to its heading.
        String href = doc.select("aside.toc-sidebar li a").first().attr("href");
        assertThat(doc.getElementById(href.substring(1))).isNotNull();
        assertThat(doc.getElementById(href.substring(1)).text()).isEqualTo("123K jobs lost in \u201c2024\u201d");
    }

    @Test
    void dataSourcesNameEachPublisherOnceWithItsSeriesUnderIt() throws Exception {
        String page = """
                ---
                title: Story
                data:
                  cuts:
                    path: data/cuts.csv
                    source: { publisher: US Bureau of Labor Statistics, text: "monthly series via FRED", url: "https://fred.stlouisfed.org/" }
                ---
                ```sql monthly
                select month, people from cuts
                ```

                ```chart
                type: line
                data: monthly
                x: month
                y: people
                source: { text: "US Bureau of Labor Statistics, unemployment rate (UNRATE)", url: "https://fred.stlouisfed.org/series/UNRATE" }
                ```

                ```chart
                type: bar
                data: monthly
                x: month
                y: people
                source: { publisher: US Bureau of Labor Statistics, text: "JOLTS layoffs (JTSLDL)", url: "https://fred.stlouisfed.org/series/JTSLDL" }
                ```
                """;
        Document doc = build(page, "month,people\n2024-01,120\n2024-02,34\n");
        var top = doc.select("#dd-sources > ul > li");
        assertThat(top).hasSize(1);
        assertThat(top.first().ownText()).isEmpty();
        assertThat(top.first().child(0).text()).isEqualTo("US Bureau of Labor Statistics");
        assertThat(top.select("ul li a").eachText())
                .containsExactly("monthly series via FRED", "unemployment rate (UNRATE)", "JOLTS layoffs (JTSLDL)");
        assertThat(top.select("ul li a").eachAttr("href")).containsExactly("https://fred.stlouisfed.org/",
                "https://fred.stlouisfed.org/series/UNRATE", "https://fred.stlouisfed.org/series/JTSLDL");
        // Under its chart the credit stays whole.
        assertThat(doc.select("figure").last().text()).contains("US Bureau of Labor Statistics, JOLTS layoffs (JTSLDL)");
    }

    @Test
    void theSocialCardIsDescribedByItsHeadlineAndWhatItsChartShows() throws Exception {
        new SiteFixture(dir).write("datadesk.yaml", "title: Desk\nbase_url: https://example.org/desk/\n");
        String page = """
                ---
                title: Where did the jobs go?
                data:
                  cuts: data/cuts.csv
                ---
                ```sql monthly
                select month, people from cuts
                ```

                ```chart
                type: line
                data: monthly
                x: month
                y: people
                y-label: People laid off
                title: Layoffs peaked in February
                ```
                """;
        SiteFixture fx = new SiteFixture(dir).write("content/index.md", "---\ntitle: Home\n---\n")
                .write("content/story/data/cuts.csv", "month,people\n2024-01-01,120\n2024-02-01,340\n2024-03-01,200\n")
                .write("content/story/index.md", page);
        fx.build();
        Document doc = Jsoup.parse(dir.resolve("site/story/index.html").toFile());
        String alt = doc.select("meta[property=og:image:alt]").attr("content");
        assertThat(alt).startsWith("Where did the jobs go? Chart: Layoffs peaked in February: Line chart of people laid off")
                .contains("highest 340");
        assertThat(doc.select("meta[name=twitter:image:alt]").attr("content")).isEqualTo(alt);
        // A page whose card has no chart is described by the headline the card shows.
        Document home = Jsoup.parse(dir.resolve("site/index.html").toFile());
        assertThat(home.select("meta[property=og:image:alt]").attr("content")).isEqualTo("Desk");
    }
}
