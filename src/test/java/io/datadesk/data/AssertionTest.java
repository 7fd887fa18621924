package io.datadesk.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datadesk.error.ContentException;
import io.datadesk.error.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Assertion blocks and {@code -- expect:} checks: what holds, what fails, and how a failure reads. */
class AssertionTest {

    @TempDir Path dir;
    PageDatabase db;

    @BeforeEach
    void data() throws IOException {
        Path csv = dir.resolve("yearly.csv");
        Files.writeString(csv, "year,laid_off,published_total\n2022,100,100\n2023,250,240\n2024,75,100\n2025,,90\n");
        db = PageDatabase.open();
        db.load(DatasetSpec.of("yearly", "yearly.csv"), csv, "data/yearly.csv");
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Diagnostic run(String args, String body) {
        Assertion a = Assertion.parse(args.isEmpty() ? List.of() : List.of(args.split(" ")), body, "content/p.md", 30);
        return a.failure(db.violations(a.name(), a.sql(), a.file(), a.sqlLine(), Assertion.SHOWN_ROWS));
    }

    @Test
    void anAssertionWhoseQueryReturnsNoRowHolds() {
        assertThat(run("totals_match", "select year from yearly where laid_off > published_total + 1000\n")).isNull();
    }

    @Test
    void offendingRowsFailWithTheNameMessageLineAndATable() {
        Diagnostic d = run("totals_match", """
                message: every year's layoffs add up to the published total
                select year, laid_off, published_total from yearly where laid_off <> published_total
                """);
        assertThat(d.location()).isEqualTo("content/p.md:30");
        assertThat(d.message()).isEqualTo("assertion 'totals_match' failed: every year's layoffs add up to the published total (2 rows break it)");
        assertThat(d.hint()).isEqualTo("the query returns the rows that break the rule; fix the data or the query:");
        assertThat(d.rows()).containsExactly(List.of("year", "laid_off", "published_total"), List.of("2023", "250", "240"),
                List.of("2024", "75", "100"));
        assertThat(d.format()).endsWith("""
                hint: the query returns the rows that break the rule; fix the data or the query:
                  | year | laid_off | published_total |
                  | 2023 | 250      | 240             |
                  | 2024 | 75       | 100             |""");
    }

    @Test
    void theMessageMayBeTheOpeningCommentAndTheNameMayBeLeftOut() {
        Diagnostic d = run("", """
                -- No year may lack its count:
                -- a missing count is a gap in the source.
                select * from yearly where laid_off is null -- trailing comment
                """);
        assertThat(d.message()).isEqualTo("assertion 'line 30' failed: No year may lack its count: a missing count is a gap in the source. (1 row breaks it)");
        assertThat(d.rows().get(1)).containsExactly("2025", "NULL", "90");
    }

    @Test
    void onlyTheFirstTenRowsAreShownWithTheTotalCount() {
        Diagnostic d = run("never", "select range as n from range(25)");
        assertThat(d.message()).isEqualTo("assertion 'never' failed: 25 rows break it");
        assertThat(d.hint()).endsWith("; the first 10 rows:");
        assertThat(d.rows()).hasSize(11);
    }

    @Test
    void aBrokenAssertionQueryIsLocatedInThePage() {
        assertThatThrownBy(() -> run("typo", "message: a\nselect yeer from yearly"))
                .isInstanceOfSatisfying(ContentException.class, e -> {
                    Diagnostic d = e.diagnostics().get(0);
                    assertThat(d.location()).isEqualTo("content/p.md:32:8");
                    assertThat(d.message()).startsWith("assertion 'typo' failed: Binder error: ");
                    assertThat(d.hint()).startsWith("did you mean 'year'?");
                });
        assertThatThrownBy(() -> run("two", "select 1; select 2"))
                .hasMessageContaining("assertion 'two' has more than one SQL statement");
    }

    // --- expect -------------------------------------------------------------------------------------------------

    private QueryResult result;

    private List<Diagnostic> expect(String line) {
        if (result == null) result = db.query("yearly_q", "select * from yearly", "content/p.md", 41);
        QueryResult r = result;
        Expectation e = Expectation.find("yearly_q", "-- the checks\n" + line + "\nselect * from yearly\n", "content/p.md", 41);
        return e.failures(r);
    }

    @Test
    void expectationsThatHoldReportNothing() {
        assertThat(expect("-- expect: { rows: \">= 1\", unique: year, not_null: [year, published_total], range: { year: 2022..2025, laid_off: \">= 0\" } }"))
                .isEmpty();
        assertThat(expect("--expect: {rows: 4}")).isEmpty();
        assertThat(Expectation.find("q", "select 1", "p.md", 1)).isNull();
    }

    @Test
    void eachFailedCheckIsLocatedAtItsKeyWithTheOffendingRows() {
        List<Diagnostic> ds = expect("-- expect: { rows: \"> 10\", unique: [published_total], not_null: laid_off, range: { laid_off: \"< 200\" } }");
        assertThat(ds).extracting(Diagnostic::location).containsExactly("content/p.md:42:14", "content/p.md:42:28",
                "content/p.md:42:55", "content/p.md:42:84");
        assertThat(ds).extracting(Diagnostic::message).containsExactly(
                "expect rows > 10 on query 'yearly_q', but it returned 4 rows",
                "expect unique: 1 value of published_total appears in more than one row of query 'yearly_q'",
                "expect not_null: laid_off of query 'yearly_q' is NULL in 1 row",
                "expect range: laid_off < 200 in query 'yearly_q', but 1 row is outside");
        assertThat(ds.get(1).rows()).containsExactly(List.of("year", "laid_off", "published_total"),
                List.of("2022", "100", "100"), List.of("2024", "75", "100"));
        assertThat(ds.get(3).rows()).containsExactly(List.of("year", "laid_off", "published_total"), List.of("2023", "250", "240"));
    }

    @Test
    void badChecksAreLocatedErrors() {
        assertThatThrownBy(() -> expect("-- expect: { row: 1 }")).isInstanceOfSatisfying(ContentException.class,
                e -> assertThat(e.diagnostics().get(0).format()).startsWith("content/p.md:42:14: error: unknown check 'row'\n  hint: did you mean 'rows'?"));
        assertThat(expect("-- expect: { unique: yeer }")).extracting(Diagnostic::message, Diagnostic::hint).containsExactly(
                org.assertj.core.groups.Tuple.tuple("expect unique: query 'yearly_q' has no column 'yeer'",
                        "did you mean 'year'? Columns of yearly_q: year, laid_off, published_total."));
        assertThat(expect("-- expect: { range: { year: \">= soon\" } }")).extracting(Diagnostic::message)
                .containsExactly("expect range: '>= soon' does not fit column 'year', which is integer");
        assertThatThrownBy(() -> Expectation.find("q", "-- expect: { rows: 1 }\n-- expect: { rows: 2 }\nselect 1", "p.md", 5))
                .hasMessageContaining("p.md:6:1: error: a second '-- expect:' line in query 'q'");
    }
}
