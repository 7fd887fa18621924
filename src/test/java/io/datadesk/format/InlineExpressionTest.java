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
    private final Map<String, QueryResult> results = Map.of("totals", totals, "yearly", yearly, "none", none);

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
}
