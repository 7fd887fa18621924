package io.datadesk.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.datadesk.data.Column;
import io.datadesk.data.ColumnType;
import io.datadesk.data.QueryResult;
import io.datadesk.error.ContentException;
import io.datadesk.error.Diagnostic;
import io.datadesk.yaml.YamlNode;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class TableTest {

    private final QueryResult top = new QueryResult("top_companies",
            List.of(new Column("company", ColumnType.TEXT), new Column("laid_off", ColumnType.DECIMAL),
                    new Column("share", ColumnType.DECIMAL), new Column("date", ColumnType.DATE)),
            List.of(Arrays.asList("Amazon", 16000.0, null, LocalDate.of(2026, 1, 28)),
                    Arrays.asList("<script>alert(1)</script>", 700.0, 0.15, LocalDate.of(2026, 1, 27)),
                    Arrays.asList("Tom & \"Jerry's\"", 12.0, 1.0, LocalDate.of(2026, 1, 25))));

    // the block body starts on line 20 of the page, after the ```table fence
    private static TableSpec spec(String yaml) {
        return TableSpec.parse(YamlNode.parse(yaml, "content/page.md", 20));
    }

    @Test
    void aTableWithoutCaptionIsNamedByItsHeadersAndLongTextColumnsKeepAReadableWidth() {
        QueryResult notes = new QueryResult("labour_yearly",
                List.of(new Column("year", ColumnType.INTEGER), new Column("rate", ColumnType.DECIMAL), new Column("coverage", ColumnType.TEXT)),
                List.of(Arrays.asList(2025L, 4.3, "Months with data: unemployment 11, layoffs 12"), Arrays.asList(2026L, 4.3, "")));
        TableSpec spec = spec("""
                data: labour_yearly
                columns:
                  year: Year
                  rate: { label: Rate, format: "number:1" }
                  coverage: Partial year
                """);
        Document doc = Jsoup.parseBodyFragment(TableHtml.render(spec, spec.resultIn(Map.of("labour_yearly", notes)), Locale.US));
        // the reader's words name the region, never the query's name
        assertThat(doc.selectFirst("div.table-scroll").attr("aria-label")).isEqualTo("Year, Rate, Partial year");
        // the note column's header carries "long" (the theme gives it a minimum width); short columns do not
        assertThat(doc.select("thead th")).extracting(Element::className).containsExactly("num", "num", "long");
        assertThat(doc.select("td.long")).isEmpty();
    }

    @Test
    void rendersAnAccessibleTableWithLabelsFormatsAndLimit() {
        TableSpec spec = spec("""
                data: top_companies
                caption: Largest cuts
                columns:
                  company: Company
                  laid_off: { label: People laid off, format: number }
                  share: { label: Share, format: "percent:1" }
                  date: { label: When, format: "date:MMM d", align: right }
                limit: 2
                """);
        Document doc = Jsoup.parseBodyFragment(TableHtml.render(spec, spec.resultIn(Map.of("top_companies", top)), Locale.US));
        Element region = doc.selectFirst("div.table-scroll");
        assertThat(region.attr("role")).isEqualTo("region");
        assertThat(region.attr("tabindex")).isEqualTo("0");
        assertThat(region.attr("aria-label")).isEqualTo("Largest cuts");
        assertThat(doc.select("caption").text()).isEqualTo("Largest cuts");
        assertThat(doc.select("thead th")).extracting(Element::text).containsExactly("Company", "People laid off", "Share", "When");
        assertThat(doc.select("thead th")).allMatch(th -> th.attr("scope").equals("col"));
        assertThat(doc.select("tbody tr")).hasSize(2);
        assertThat(doc.select("tbody tr").get(0).select("td")).extracting(Element::text, Element::className)
                .containsExactly(tuple("Amazon", ""), tuple("16,000", "num"), tuple("–no data", "num"), tuple("Jan 28", "align-right"));
        // a missing value is a dash to the eye and "no data" to a screen reader, never a blank or a 0
        assertThat(doc.select("tbody tr").get(0).select("td").get(2).select("[aria-hidden=true]").text()).isEqualTo("–");
        assertThat(doc.select("tbody tr").get(0).select("td").get(2).select(".dd-visually-hidden").text()).isEqualTo("no data");
        assertThat(doc.select("tbody tr").get(1).select("td").get(2).text()).isEqualTo("15.0%");
    }

    @Test
    void dataIsEscaped() {
        String html = TableHtml.renderAll(top, Locale.US);
        assertThat(html).contains("<td>&lt;script&gt;alert(1)&lt;/script&gt;</td>", "<td>Tom &amp; &quot;Jerry&#39;s&quot;</td>");
        Document doc = Jsoup.parseBodyFragment(html);
        assertThat(doc.select("script")).isEmpty();
        assertThat(doc.select("tbody tr").get(1).select("td").get(0).text()).isEqualTo("<script>alert(1)</script>");
    }

    @Test
    void renderAllShowsEveryColumnWithDefaultFormats() {
        Document doc = Jsoup.parseBodyFragment(TableHtml.renderAll(top, Locale.GERMANY, "Daten"));
        assertThat(doc.selectFirst("div.table-scroll").attr("aria-label")).isEqualTo("Daten");
        assertThat(doc.select("thead th")).extracting(Element::text, Element::className)
                .containsExactly(tuple("company", ""), tuple("laid_off", "num"), tuple("share", "num"), tuple("date", ""));
        assertThat(doc.select("tbody tr").get(0).select("td")).extracting(Element::text).containsExactly("Amazon", "16.000", "–no data", "2026-01-28");
        assertThat(doc.select("caption")).isEmpty();
    }

    @Test
    void listFormAndNoColumnsShowColumnsAsNamed() {
        TableSpec all = spec("data: top_companies");
        assertThat(Jsoup.parseBodyFragment(TableHtml.render(all, top, Locale.US)).select("th")).hasSize(4);
        TableSpec two = spec("data: top_companies\ncolumns: [laid_off, company]");
        assertThat(Jsoup.parseBodyFragment(TableHtml.render(two, top, Locale.US)).select("th")).extracting(Element::text)
                .containsExactly("laid_off", "company");
    }

    @Test
    void specProblemsAreAllReportedLocated() {
        assertThatThrownBy(() -> spec("""
                dta: top_companies
                columns:
                  company: { lable: Company }
                  laid_off: { format: percnt }
                  date: { align: middle }
                limit: 0
                """)).isInstanceOfSatisfying(ContentException.class, e -> assertThat(e.diagnostics())
                .extracting(Diagnostic::location, Diagnostic::message).containsExactly(
                        tuple("content/page.md:20:1", "unknown table option 'dta'"),
                        tuple("content/page.md:20:1", "the table block has no 'data'"),
                        tuple("content/page.md:22:14", "unknown column option 'lable'"),
                        tuple("content/page.md:23:23", "unknown format 'percnt'"),
                        tuple("content/page.md:24:18", "align must be left, center or right, not 'middle'"),
                        tuple("content/page.md:25:8", "limit must be 1 or more, not 0")));
    }

    @Test
    void unknownDataAndColumnsListWhatExists() {
        TableSpec spec = spec("data: top_company\ncolumns:\n  compnay: Company\n  share: { format: date }\n");
        assertThatThrownBy(() -> spec.resultIn(Map.of("top_companies", top)))
                .isInstanceOfSatisfying(ContentException.class, e -> {
                    Diagnostic d = e.diagnostics().get(0);
                    assertThat(d.location()).isEqualTo("content/page.md:20:7");
                    assertThat(d.message()).isEqualTo("table: no query result named 'top_company'");
                    assertThat(d.hint()).isEqualTo("did you mean 'top_companies'? Results on this page: top_companies.");
                });
        assertThatThrownBy(() -> TableHtml.render(spec, top, Locale.US))
                .isInstanceOfSatisfying(ContentException.class, e -> assertThat(e.diagnostics())
                        .extracting(Diagnostic::location, Diagnostic::message, Diagnostic::hint).containsExactly(
                                tuple("content/page.md:22:3", "table: result 'top_companies' has no column 'compnay'",
                                        "did you mean 'company'? Columns of top_companies: company, laid_off, share, date."),
                                tuple("content/page.md:23:3", "table: format 'date' does not fit column 'share', which is decimal",
                                        "use number formats for numbers and date formats for dates, or leave the format out")));
    }
}
