package io.datadesk.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every inline value links to its entry in "How the numbers were computed", and back; figures link to their query. */
class ProvenanceBuildTest {

    @TempDir Path dir;
    SiteFixture fx;

    static final String PAGE = """
            ---
            title: Cuts
            data:
              cuts:
                path: data/cuts.csv
                source: { text: "Layoffs.fyi", url: "https://layoffs.fyi/" }
            ---
            ```sql yearly
            select year, sum(people) as laid_off from cuts group by year order by year
            ```

            ```sql growth
            select max(laid_off) / min(laid_off) as ratio from yearly
            ```

            ## The count

            Companies cut {{ yearly[year=2023].laid_off | number }} jobs in 2023. A year later the count was
            {{ growth.ratio | number:1 }} times higher, at {{ yearly[year=2024].laid_off | compact }}.

            ```chart
            type: bar
            data: yearly
            x: year
            y: laid_off
            title: Jobs cut per year
            ```

            ```table
            data: cuts
            ```
            """;

    @BeforeEach
    void project() {
        fx = new SiteFixture(dir).write("datadesk.yaml", "title: Desk\n")
                .write("content/index.md", "---\ntitle: Home\n---\n")
                .write("content/cuts/data/cuts.csv", "company,people,year\nAcme,1200,2023\nBeta,300,2023\nGamma,15000,2024\n");
    }

    private Document build(String page) throws Exception {
        fx.write("content/cuts/index.md", page);
        SiteFixture.Run ok = fx.cli("build");
        assertThat(ok.code()).as(ok.err()).isZero();
        return Jsoup.parse(dir.resolve("site/cuts/index.html").toFile());
    }

    /** The article's "How the numbers were computed" page, beside it. */
    private Document how() throws Exception {
        return Jsoup.parse(dir.resolve("site/cuts/how-computed.html").toFile());
    }

    @Test
    void everyInlineNumberLinksToItsEntryAndBack() throws Exception {
        Document doc = build(PAGE);
        Document how = how();
        var numbers = doc.select(".prose a[id^=dd-num-]");
        assertThat(numbers.eachText()).containsExactly("1,500", "10.0", "15K");
        for (Document d : List.of(doc, how)) {
            Set<String> ids = new HashSet<>();
            for (Element e : d.select("[id]")) assertThat(ids.add(e.id())).as("duplicate id " + e.id()).isTrue();
            for (Element a : d.select("a[href^=#]"))
                assertThat(d.getElementById(a.attr("href").substring(1))).as("dangling " + a.outerHtml()).isNotNull();
        }
        // the article links into the page of the numbers, and that page back into the article
        for (Element a : doc.select("a[href^=how-computed.html#]"))
            assertThat(how.getElementById(a.attr("href").replaceFirst(".*#", ""))).as("dangling " + a.outerHtml()).isNotNull();
        for (Element a : how.select("a[href^=index.html#]"))
            assertThat(doc.getElementById(a.attr("href").replaceFirst(".*#", ""))).as("dangling " + a.outerHtml()).isNotNull();
        for (Element n : numbers) {
            assertThat(n.attr("href")).startsWith("how-computed.html#");
            Element entry = how.getElementById(n.attr("href").replaceFirst(".*#", ""));
            assertThat(entry.closest("#dd-how")).isNotNull();
            assertThat(entry.select("a").last().attr("href")).isEqualTo("index.html#" + n.id());
        }
        assertThat(doc.select("#dd-how")).as("the section is not in the article").isEmpty();
        assertThat(how.select("h1").text()).isEqualTo("How the numbers were computed");
        assertThat(how.select(".subtitle").text()).isEqualTo("Cuts");
        Element first = how.getElementById("dd-how-1");
        Element firstSentence = first.parent().closest("li");
        assertThat(firstSentence.selectFirst("blockquote").text()).isEqualTo("Companies cut 1,500 jobs in 2023.");
        assertThat(firstSentence.selectFirst("blockquote strong").text()).isEqualTo("1,500");
        assertThat(first.text()).isEqualTo("1,500: laid_off where year = 2023 in yearly. Back to 1,500");
        assertThat(first.selectFirst("a[href=#dd-how-q-yearly]")).isNotNull();
        // Two numbers of one sentence are listed under it, the sentence quoted once.
        Element ratio = how.getElementById("dd-how-2");
        assertThat(ratio.parent()).isSameAs(how.getElementById("dd-how-3").parent());
        assertThat(ratio.parent().parent().selectFirst("blockquote").text()).isEqualTo("A year later the count was 10.0 times higher, at 15K.");
        assertThat(ratio.parent().parent().select("blockquote strong").eachText()).containsExactly("10.0");
        assertThat(ratio.text()).startsWith("10.0, exactly 10: ratio in growth.");
        assertThat(how.getElementById("dd-how-3").text()).isEqualTo("15K, exactly 15000: laid_off where year = 2024 in yearly. Back to 15K");
        Element growth = how.getElementById("dd-how-q-growth");
        assertThat(growth.selectFirst("details.query summary").text()).isEqualTo("The SQL of growth");
        assertThat(growth.selectFirst("details.query pre code").text()).isEqualTo("select max(laid_off) / min(laid_off) as ratio from yearly");
        assertThat(growth.selectFirst(".how-inputs").text()).isEqualTo("Computed from data/cuts.csv, published by Layoffs.fyi, through the query yearly.");
        assertThat(growth.selectFirst(".how-inputs a[href=https://layoffs.fyi/]")).isNotNull();
        assertThat(how.select("#dd-how-title").text()).isEqualTo("How the numbers were computed");
        assertThat(doc.select("nav a[href=how-computed.html]")).isNotEmpty();
        assertThat(doc.select("script")).isEmpty();
        assertThat(how.select("script")).isEmpty();
    }

    @Test
    void chartsAndTablesLinkToTheEntriesOfTheirQueries() throws Exception {
        Document doc = build(PAGE);
        Document how = how();
        assertThat(doc.selectFirst("#chart-1 figcaption .dd-how-link a").attr("href")).isEqualTo("how-computed.html#dd-how-q-yearly");
        // A table may show a dataset itself.
        Element table = doc.getElementById("table-1");
        assertThat(table.select("tbody tr")).hasSize(3);
        assertThat(table.nextElementSibling().selectFirst("a").attr("href")).isEqualTo("how-computed.html#dd-how-q-cuts");
        assertThat(how.getElementById("dd-how-q-cuts").selectFirst("h4").text()).isEqualTo("The dataset cuts");
        assertThat(how.select("#dd-how-q-yearly .how-figures a").eachAttr("href")).containsExactly("index.html#chart-1");
    }

    @Test
    void theChainOfQueriesIsListedAndTheHomePageKeepsPlainNumbers() throws Exception {
        Document doc = build(PAGE.replace("{{ yearly[year=2023].laid_off | number }}", "many"));
        // yearly has no number of its own here, but growth reads it: it is listed, so the link resolves.
        assertThat(how().getElementById("dd-how-q-yearly")).isNotNull();
        fx.write("content/index.md", "---\ntitle: Home\ndata:\n  cuts: cuts/data/cuts.csv\n---\n```sql n\nselect count(*) as n from cuts\n```\n\n{{ n.n }} events.\n");
        assertThat(fx.cli("build").code()).isZero();
        Document home = Jsoup.parse(dir.resolve("site/index.html").toFile());
        assertThat(home.select("a[id^=dd-num-]")).isEmpty();
        assertThat(home.text()).contains("3 events.");
    }

    @Test
    void aPageOrTheSiteCanTurnItOff() throws Exception {
        Document page = build(PAGE.replace("title: Cuts", "title: Cuts\nprovenance: false"));
        assertThat(page.select("a[id^=dd-num-], #dd-how, .dd-how-link")).isEmpty();
        assertThat(page.select(".prose p").first().text()).startsWith("Companies cut 1,500 jobs in 2023.");
        assertThat(dir.resolve("site/cuts/how-computed.html")).doesNotExist();
        fx.write("datadesk.yaml", "title: Desk\nprovenance: false\n");
        assertThat(build(PAGE).select("a[id^=dd-num-], #dd-how")).isEmpty();
        assertThat(build(PAGE.replace("title: Cuts", "title: Cuts\nprovenance: true")).select("a[id^=dd-num-]")).hasSize(3);
    }
}
