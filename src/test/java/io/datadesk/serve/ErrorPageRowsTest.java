package io.datadesk.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.datadesk.error.Diagnostic;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** The serve overlay shows the rows that break an assertion as a table, escaped. */
class ErrorPageRowsTest {

    @Test
    void rowsOfAFailedAssertionAreATable() {
        Diagnostic d = new Diagnostic("content/p.md", 13, 0, "assertion 'totals_match' failed: 1 row breaks it", "fix the data",
                List.of(List.of("year", "note"), List.of("2023", "<b>bold</b>")));
        Document doc = Jsoup.parse(ErrorPage.page(List.of(d), Path.of(".")));
        assertThat(doc.select("table.dd-rows th").eachText()).containsExactly("year", "note");
        assertThat(doc.select("table.dd-rows tbody td").eachText()).containsExactly("2023", "<b>bold</b>");
        assertThat(doc.select("table.dd-rows b")).isEmpty();
        assertThat(new Diagnostic("f", 1, 1, "m", "h").rows()).isEmpty();
    }
}
