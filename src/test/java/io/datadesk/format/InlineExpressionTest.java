package io.datadesk.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datadesk.data.Column;
import io.datadesk.data.ColumnType;
import io.datadesk.data.QueryResult;
import io.datadesk.error.ContentException;
import io.datadesk.error.Diagnostic;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InlineExpressionTest {

    private final QueryResult totals = new QueryResult("totals",
            List.of(new Column("laid_off", ColumnType.DECIMAL), new Column("share", ColumnType.DECIMAL),
                    new Column("peak", ColumnType.DATE), new Column("missing", ColumnType.INTEGER)),
            List.of(Arrays.asList(264320.0, 0.0123, LocalDate.of(2023, 1, 1), null)));
    private final QueryResult yearly = new QueryResult("yearly", List.of(new Column("year", ColumnType.INTEGER)),
            List.of(List.of(2023L), List.of(2024L)));
    private final QueryResult none = new QueryResult("none", List.of(new Column("x", ColumnType.INTEGER)), List.of());
    private final QueryResult bySector = new QueryResult("by_sector",
            List.of(new Column("sector", ColumnType.TEXT), new Column("year", ColumnType.INTEGER),
                    new Column("laid_off", ColumnType.INTEGER), new Column("share", ColumnType.DECIMAL),
                    new Column("month", ColumnType.DATE)),
            List.of(Arrays.asList("Tech", 2022L, 1500L, 0.25, LocalDate.of(2022, 1, 1)),
                    Arrays.asList("Tech", 2023L, 2600L, 0.5, LocalDate.of(2023, 1, 1)),
                    Arrays.asList("Retail, online", 2023L, 700L, null, LocalDate.of(2023, 2, 1))));
    private final Map<String, QueryResult> results = Map.of("totals", totals, "yearly", yearly, "none", none, "by_sector", bySector);

    private String eval(String inner, Locale locale) {
        return InlineExpression.parse(inner, "content/page.md", 5, 12).evaluate(results, locale);
    }

    private Diagnostic failure(String inner) {
        try {
            eval(inner, Locale.US);
        } catch (ContentException e) {
            return e.diagnostics().get(0);
        }
        throw new AssertionError("no error for " + inner);
    }

    @Test
    void parsesNameColumnAndFormat() {
        InlineExpression e = InlineExpression.parse(" totals.share | percent:1 ", "content/page.md", 5, 12);
        assertThat(e.result()).isEqualTo("totals");
        assertThat(e.columnName()).isEqualTo("share");
        assertThat(e.format().spec()).isEqualTo("percent:1");
        assertThat(InlineExpression.parse("totals.share", "f", 1, 1).format()).isNull();
    }

    @Test
    void evaluatesWithFormatsAndLocales() {
        assertThat(eval(" totals.laid_off ", Locale.US)).isEqualTo("264,320");
        assertThat(eval("totals.laid_off | number", Locale.US)).isEqualTo("264,320");
        assertThat(eval("totals.laid_off | compact", Locale.US)).isEqualTo("264K");
        assertThat(eval("totals.share | percent:1", Locale.US)).isEqualTo("1.2%");
        assertThat(eval("totals.share | percent:1", Locale.FRANCE)).isEqualTo("1,2\u00a0%");
        assertThat(eval("totals.peak | date:\"MMMM yyyy\"", Locale.US)).isEqualTo("January 2023");
        assertThat(eval("Totals.Laid_Off|signed", Locale.GERMANY)).isEqualTo("+264.320");
    }

    @Test
    void syntaxErrorsAreLocated() {
        Diagnostic d = failure("totals laid_off");
        assertThat(d.location()).isEqualTo("content/page.md:5:12");
        assertThat(d.message()).isEqualTo("cannot read the inline value '{{totals laid_off}}'");
        assertThat(failure("totals.share |").message()).isEqualTo("missing format after '|' in '{{totals.share |}}'");
        Diagnostic f = failure("totals.share | percnt");
        assertThat(f.location()).isEqualTo("content/page.md:5:27");
        assertThat(f.hint()).startsWith("did you mean 'percent'?");
    }

    @Test
    void unknownResultsAndColumnsListWhatExists() {
        Diagnostic r = failure("total.laid_off");
        assertThat(r.message()).isEqualTo("no query result named 'total' in '{{total.laid_off}}'");
        assertThat(r.hint()).startsWith("did you mean 'totals'? Results on this page: ").contains("yearly", "none");
        Diagnostic c = failure("totals.laidoff");
        assertThat(c.message()).isEqualTo("result 'totals' has no column 'laidoff' in '{{totals.laidoff}}'");
        assertThat(c.hint()).isEqualTo("did you mean 'laid_off'? Columns of totals: laid_off, share, peak, missing.");
    }

    @Test
    void needsExactlyOneRowAndAValue() {
        assertThat(failure("yearly.year").message()).isEqualTo("an inline value needs a result with exactly one row, but 'yearly' has 2 rows in '{{yearly.year}}'");
        assertThat(failure("none.x").message()).isEqualTo("an inline value needs a result with exactly one row, but 'none' has 0 rows in '{{none.x}}'");
        assertThat(failure("totals.missing").message()).isEqualTo("'totals.missing' is NULL (no value) in '{{totals.missing}}'");
        assertThat(failure("totals.peak | percent").message()).isEqualTo("format 'percent' does not fit column 'peak', which is date in '{{totals.peak | percent}}'");
    }

    @Test
    void picksOneRowByColumnValues() {
        assertThat(eval("yearly[year=2024].year", Locale.US)).isEqualTo("2024");
        assertThat(eval(" by_sector[year=2022].laid_off | number ", Locale.US)).isEqualTo("1,500");
        assertThat(eval("by_sector[sector='Tech', year=2023].laid_off | compact", Locale.US)).isEqualTo("2.6K");
        assertThat(eval("by_sector[sector=\"Retail, online\"].laid_off", Locale.US)).isEqualTo("700");
        assertThat(eval("by_sector[ sector = Tech , year == 2023 ].share | percent", Locale.US)).isEqualTo("50%");
        assertThat(eval("by_sector[share=0.25].year", Locale.US)).isEqualTo("2022");
        assertThat(eval("by_sector[month=2023-02-01].sector", Locale.US)).isEqualTo("Retail, online");
        InlineExpression.Value v = InlineExpression.parse("by_sector[year=2022].share | percent", "f", 1, 1).resolve(results, Locale.US);
        assertThat(v.row()).isEqualTo(0);
        assertThat(v.exact()).isEqualTo(0.25);
        assertThat(v.column()).isEqualTo("share");
        assertThat(v.result().name()).isEqualTo("by_sector");
    }

    @Test
    void rowSelectionErrorsSayHowManyRowsMatched() {
        Diagnostic none = failure("by_sector[year=2030].laid_off");
        assertThat(none.message()).isEqualTo("no row of 'by_sector' has year = 2030 in '{{by_sector[year=2030].laid_off}}'");
        assertThat(none.hint()).isEqualTo("values of year: 2022, 2023.");
        assertThat(none.location()).isEqualTo("content/page.md:5:22"); // at the condition: column 12 + offset 10

        Diagnostic noneOfTwo = failure("by_sector[sector=Tech, month=2023-02-01].laid_off");
        assertThat(noneOfTwo.message()).startsWith("no row of 'by_sector' has sector = 'Tech' and month = 2023-02-01 in");
        assertThat(noneOfTwo.hint()).isEqualTo("values of month in the rows that meet the other conditions: 2022-01-01, 2023-01-01.");

        Diagnostic several = failure("by_sector[sector=Tech].laid_off");
        assertThat(several.message()).isEqualTo("2 rows of 'by_sector' have sector = 'Tech', but an inline value shows one in '{{by_sector[sector=Tech].laid_off}}'");
        assertThat(several.hint()).isEqualTo("they differ in year (2022, 2023): add a condition, e.g. by_sector[sector=Tech, year=2022]; or aggregate in the query");

        Diagnostic unknown = failure("by_sector[yeer=2023].laid_off");
        assertThat(unknown.message()).isEqualTo("result 'by_sector' has no column 'yeer' to pick a row by in '{{by_sector[yeer=2023].laid_off}}'");
        assertThat(unknown.hint()).isEqualTo("did you mean 'year'? Columns of by_sector: sector, year, laid_off, share, month.");

        Diagnostic wrongType = failure("by_sector[year=last].laid_off");
        assertThat(wrongType.message()).startsWith("'last' cannot be a value of column 'year', which is integer");
        assertThat(wrongType.hint()).isEqualTo("write a whole number, e.g. year=2023");

        Diagnostic syntax = failure("by_sector[year 2023].laid_off");
        assertThat(syntax.message()).isEqualTo("cannot read the row selection in '{{by_sector[year 2023].laid_off}}': expected '=' after 'year'");
        assertThat(syntax.location()).isEqualTo("content/page.md:5:27");

        // Without a selection, a result of several rows suggests one.
        assertThat(failure("by_sector.laid_off").hint()).startsWith("pick one row, e.g. {{ by_sector[sector='Tech'].laid_off }}");
    }
}
