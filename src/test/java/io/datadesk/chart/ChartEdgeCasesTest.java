package io.datadesk.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.datadesk.data.Column;
import io.datadesk.data.ColumnType;
import io.datadesk.data.QueryResult;
import io.datadesk.error.ContentException;
import io.datadesk.yaml.YamlNode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Data that is awkward but legal: one row, gaps, negatives, integer years, timestamps. */
class ChartEdgeCasesTest {

    final ChartRenderer renderer = new ChartRenderer();

    RenderedChart render(String yaml, QueryResult r) {
        ChartSpec spec = ChartSpec.parse(YamlNode.parse(yaml, "p.md", 1));
        return renderer.render(spec, spec.check(Map.of(r.name(), r)), "e", Locale.US, null);
    }

    static QueryResult result(String name, List<Column> cols, Object[]... rows) {
        List<List<Object>> rs = new ArrayList<>();
        for (Object[] r : rows) rs.add(Arrays.asList(r));
        return new QueryResult(name, cols, rs);
    }

    @Test
    void integerYearsAreACalendarAxisNotNumbers() throws Exception {
        QueryResult r = result("y", List.of(new Column("year", ColumnType.INTEGER), new Column("n", ColumnType.INTEGER)),
                new Object[] {2019L, 5L}, new Object[] {2020L, 7L}, new Object[] {2021L, 6L}, new Object[] {2022L, 9L});
        for (String type : List.of("line", "bar")) {
            RenderedChart c = render("type: " + type + "\ndata: y\nx: year\ny: n\n", r);
            List<String> labels = ChartRendererTest.texts(ChartRendererTest.parseXml(c.svg()));
            assertThat(labels).as(type).contains("2019", "2020", "2021", "2022").doesNotContain("2,020");
        }
    }

    @Test
    void oneRowGapsAndNegativesDraw() throws Exception {
        List<Column> cols = List.of(new Column("d", ColumnType.TIMESTAMP), new Column("v", ColumnType.DECIMAL));
        QueryResult one = result("one", cols, new Object[] {LocalDateTime.of(2024, 5, 1, 12, 0), 3.5});
        QueryResult gaps = result("gaps", cols, new Object[] {LocalDateTime.of(2024, 1, 1, 0, 0), -2.0},
                new Object[] {LocalDateTime.of(2024, 2, 1, 0, 0), null}, new Object[] {LocalDateTime.of(2024, 3, 1, 0, 0), 4.0},
                new Object[] {LocalDateTime.of(2024, 4, 1, 0, 0), 1.0});
        for (String type : ChartType.keys()) {
            for (QueryResult r : List.of(one, gaps)) {
                RenderedChart c = render("type: " + type + "\ndata: " + r.name() + "\nx: d\ny: v\n", r);
                if (!c.svg().isEmpty()) ChartRendererTest.parseXml(c.svg());
                assertThat(c.html()).as(type + " " + r.name()).contains("<figure");
            }
        }
        RenderedChart line = render("type: line\ndata: gaps\nx: d\ny: v\n", gaps);
        assertThat(ChartRendererTest.texts(ChartRendererTest.parseXml(line.svg()))).contains("\u22122");
    }

    @Test
    void verticalMarksOnBarsNameACategory() {
        QueryResult r = result("b", List.of(new Column("k", ColumnType.TEXT), new Column("n", ColumnType.INTEGER)), new Object[] {"a", 1L},
                new Object[] {"b", 2L});
        ChartSpec wrong = ChartSpec.parse(YamlNode.parse("type: bar\ndata: b\nx: k\ny: n\nannotations:\n  - { x: 2020-01-01, label: X }\n", "p.md", 1));
        ContentException e = catchThrowableOfType(ContentException.class, () -> wrong.check(Map.of("b", r)));
        assertThat(e.diagnostics().get(0).line()).isEqualTo(6);
        assertThat(e.diagnostics().get(0).message()).contains("not one of the categories of 'k'");
        ChartSpec right = ChartSpec.parse(YamlNode.parse("type: bar\ndata: b\nx: k\ny: n\nannotations:\n  - { x: b, label: Policy change }\n", "p.md", 1));
        RenderedChart c = new ChartRenderer().render(right, right.check(Map.of("b", r)), "m", Locale.US, null);
        assertThat(c.svg()).contains(">Policy change<").contains("stroke-dasharray");
    }

    @Test
    void textDatesSortByDateAndSeriesSplitLongData() {
        QueryResult r = result("m", List.of(new Column("month", ColumnType.TEXT), new Column("g", ColumnType.TEXT), new Column("n", ColumnType.INTEGER)),
                new Object[] {"2023-02", "a", 2L}, new Object[] {"2023-01", "a", 1L}, new Object[] {"2023-01", "b", 5L}, new Object[] {"2023-03", "b", 6L});
        ChartSpec spec = ChartSpec.parse(YamlNode.parse("type: line\ndata: m\nx: month\ny: n\nseries: g\n", "p.md", 1));
        ChartData d = ChartData.of(spec, r);
        assertThat(d.xKind()).isEqualTo(XValues.Kind.DATE);
        assertThat(d.xs()).containsExactly("2023-01", "2023-02", "2023-03");
        assertThat(d.series()).extracting(ChartData.Series::name).containsExactly("a", "b");
        assertThat(d.series().get(0).y()).containsExactly(1, 2, Double.NaN);
        assertThat(d.series().get(1).y()).containsExactly(5, Double.NaN, 6);
        assertThat(LocalDate.ofEpochDay((long) d.xPos()[0])).isEqualTo(LocalDate.of(2023, 1, 1));
    }
}
