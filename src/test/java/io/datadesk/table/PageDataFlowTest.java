package io.datadesk.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datadesk.data.CsvExport;
import io.datadesk.data.DataPaths;
import io.datadesk.data.DatasetSpec;
import io.datadesk.data.PageDatabase;
import io.datadesk.error.ContentException;
import io.datadesk.error.Diagnostic;
import io.datadesk.format.InlineExpression;
import io.datadesk.yaml.YamlNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole data path of one page, as the build will drive it: front matter to HTML. */
class PageDataFlowTest {

    @TempDir
    Path project;

    @Test
    void frontMatterToTableAndInlineValues() throws IOException {
        Path content = project.resolve("content");
        Path page = content.resolve("report");
        Files.createDirectories(page.resolve("data"));
        Files.createDirectories(content.resolve("data"));
        Files.writeString(page.resolve("data/cuts.csv"), """
                company,laid_off,month
                Acme,1200,2024-01
                "<script>alert(1)</script>",300,2024-02
                Globex,2500.0,2024-02
                Initech,,2024-03
                """);
        Files.writeString(content.resolve("data/staff.csv"), "company;staff\nAcme;10000\nGlobex;50000\n");

        List<DatasetSpec> specs = DatasetSpec.parseAll(YamlNode.parse("""
                title: Cuts
                data:
                  cuts:
                    path: data/cuts.csv
                    types: { month: "date:yyyy-MM" }
                  staff: { path: data/staff.csv, delimiter: ";" }
                """, "content/report/index.md", 2).asMap("front matter").get("data"));
        try (PageDatabase db = PageDatabase.open()) {
            db.loadAll(specs, page, new DataPaths(project, content));
            db.query("by_company", """
                    select company, coalesce(laid_off, 0) as laid_off, laid_off / staff as share, month
                    from cuts left join staff using (company) order by laid_off desc nulls last""", "content/report/index.md", 12);
            db.query("totals", "select sum(laid_off) as laid_off, max(month) as last from cuts", "content/report/index.md", 18);

            TableSpec spec = TableSpec.parse(YamlNode.parse("""
                    data: by_company
                    columns:
                      company: Company
                      laid_off: { label: Laid off, format: number }
                      share: { label: Share of staff, format: "percent:1" }
                    limit: 3
                    """, "content/report/index.md", 25));
            Document doc = Jsoup.parseBodyFragment(TableHtml.render(spec, spec.resultIn(db.results()), Locale.US));
            assertThat(doc.select("tbody tr")).extracting(tr -> tr.select("td").stream().map(Element::text).toList()).containsExactly(
                    List.of("Globex", "2,500", "5.0%"), List.of("Acme", "1,200", "12.0%"), List.of("<script>alert(1)</script>", "300", "–no data"));
            assertThat(doc.select("script")).isEmpty();
            assertThat(doc.select("table.dd-numeric")).as("numbers after the first column, aligned by one class").hasSize(1);
            assertThat(doc.select("td[class]")).isEmpty();

            assertThat(InlineExpression.parse(" totals.laid_off | number ", "content/report/index.md", 30, 10).evaluate(db.results(), Locale.US))
                    .isEqualTo("4,000");
            assertThat(InlineExpression.parse("totals.laid_off|compact", "content/report/index.md", 30, 10).evaluate(db.results(), Locale.GERMANY))
                    .isEqualTo("4.000");
            assertThat(InlineExpression.parse("totals.last | date:\"MMMM yyyy\"", "content/report/index.md", 30, 10).evaluate(db.results(), Locale.FRANCE))
                    .isEqualTo("mars 2024");
            assertThat(CsvExport.toCsv(db.results().get("totals"))).isEqualTo("laid_off,last\r\n4000,2024-03-01\r\n");

            assertThatThrownBy(() -> InlineExpression.parse("by_company.laid_off", "content/report/index.md", 31, 5).evaluate(db.results(), Locale.US))
                    .isInstanceOfSatisfying(ContentException.class, e -> assertThat(e.diagnostics()).extracting(Diagnostic::format)
                            .containsExactly("content/report/index.md:31:5: error: an inline value needs a result with exactly one row, "
                                    + "but 'by_company' has 4 rows in '{{by_company.laid_off}}'\n  hint: pick one row, e.g. "
                                    + "{{ by_company[company='Globex'].laid_off }}; or aggregate (sum, count, max…) or filter the query so it "
                                    + "returns one row"));
            Element th = doc.selectFirst("th");
            assertThat(th.attr("scope")).isEqualTo("col");
        }
    }
}
