package io.datadesk.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.datadesk.data.Column;
import io.datadesk.data.ColumnType;
import io.datadesk.data.QueryResult;
import io.datadesk.error.ContentException;
import io.datadesk.error.Diagnostic;
import io.datadesk.yaml.YamlNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bad chart blocks: each problem is reported at the file, line and column of the key or value at fault. */
class ChartSpecTest {

    // The block body starts on line 20 of the page, as if the fence were on line 19.
    static ChartSpec parse(String yaml) {
        return ChartSpec.parse(YamlNode.parse(yaml, "stories/layoffs.md", 20));
    }

    static List<Diagnostic> problems(Runnable r) {
        ContentException e = catchThrowableOfType(ContentException.class, r::run);
        assertThat(e).as("expected a ContentException").isNotNull();
        return e.diagnostics();
    }

    static final QueryResult MONTHLY = new QueryResult("monthly",
            List.of(new Column("month", ColumnType.DATE), new Column("laid_off", ColumnType.INTEGER), new Column("industry", ColumnType.TEXT)),
            List.of(List.of(LocalDate.of(2023, 1, 1), 100L, "Retail"), List.of(LocalDate.of(2023, 2, 1), 50L, "Retail")));

    @Test
    void readsEveryOption() {
        ChartSpec s = parse("""
                type: stacked-bar
                data: monthly
                x: month
                y: [laid_off, other]
                title: T
                subtitle: S
                x-label: Month
                y-label: People
                x-format: month
                y-format: compact
                y-min: 0
                y-max: 100
                colors: ['#112233', '#abc']
                legend: top
                height: 16:9
                source: { text: layoffs.fyi, url: https://layoffs.fyi }
                note: N
                alt: A
                annotations:
                  - { x: 2022-11-30, label: ChatGPT released }
                  - { y: 0.05, label: 5% }
                empty: allow
                """);
        assertThat(s.type()).isEqualTo(ChartType.STACKED_BAR);
        assertThat(s.y()).containsExactly("laid_off", "other");
        assertThat(s.yMin()).isEqualTo(0.0);
        assertThat(s.yMax()).isEqualTo(100.0);
        assertThat(s.colors()).containsExactly("#112233", "#abc");
        assertThat(s.legend()).isEqualTo(ChartSpec.Legend.TOP);
        assertThat(s.height()).isEqualTo(9.0 / 16);
        assertThat(s.sourceText()).isEqualTo("layoffs.fyi");
        assertThat(s.sourceUrl()).isEqualTo("https://layoffs.fyi");
        assertThat(s.annotations()).hasSize(2);
        assertThat(s.annotations().get(0).vertical()).isTrue();
        assertThat(s.annotations().get(1).y()).isEqualTo(0.05);
        assertThat(s.allowEmpty()).isTrue();
        assertThat(parse("type: line\ndata: d\nx: a\ny: b\nsource: Plain text\n").sourceUrl()).isNull();
    }

    @Test
    void unknownTypeListsTheValidOnes() {
        Diagnostic d = problems(() -> parse("type: lines\ndata: monthly\nx: month\ny: laid_off\n")).get(0);
        assertThat(d.file()).isEqualTo("stories/layoffs.md");
        assertThat(d.line()).isEqualTo(20);
        assertThat(d.column()).isEqualTo(7);
        assertThat(d.message()).contains("unknown chart type 'lines'");
        assertThat(d.hint()).contains("did you mean 'line'?").contains("line, area, stacked-area, bar, stacked-bar, scatter, pie, donut, hbar");
    }

    @Test
    void unknownOptionSuggestsTheClosestAndAllProblemsAreReportedTogether() {
        List<Diagnostic> ds = problems(() -> parse("type: line\ndata: monthly\nx: month\ny: laid_off\ntitel: Layoffs\nlegend: left\n"));
        assertThat(ds).hasSize(2);
        assertThat(ds.get(0).line()).isEqualTo(24);
        assertThat(ds.get(0).column()).isEqualTo(1);
        assertThat(ds.get(0).message()).isEqualTo("unknown chart option 'titel'");
        assertThat(ds.get(0).hint()).startsWith("did you mean 'title'?");
        assertThat(ds.get(1).line()).isEqualTo(25);
        assertThat(ds.get(1).message()).contains("unknown legend 'left'");
    }

    @Test
    void missingRequiredKeysAreNamed() {
        List<Diagnostic> ds = problems(() -> parse("type: line\n"));
        assertThat(ds).extracting(Diagnostic::message).containsExactly("a chart needs 'data'", "a chart needs 'x'", "a chart needs 'y'");
    }

    @Test
    void annotationValuesOfTheWrongTypeAreLocated() {
        List<Diagnostic> ds = problems(() -> parse("""
                type: line
                data: monthly
                x: month
                y: laid_off
                annotations:
                  - { x: soon, label: Later }
                  - { y: five, label: Five }
                  - { label: Neither }
                """));
        assertThat(ds).hasSize(3);
        assertThat(ds.get(0).line()).isEqualTo(25);
        assertThat(ds.get(0).column()).isEqualTo(10);
        assertThat(ds.get(0).message()).contains("annotation x 'soon' is neither a date nor a number");
        assertThat(ds.get(1).line()).isEqualTo(26);
        assertThat(ds.get(1).message()).contains("annotation y 'five' is not a number");
        assertThat(ds.get(2).message()).contains("needs either 'x'");
    }

    @Test
    void numericAnnotationOnADateAxisIsReportedAtCheck() {
        ChartSpec s = parse("type: line\ndata: monthly\nx: month\ny: laid_off\nannotations:\n  - { x: 12, label: Twelve }\n");
        Diagnostic d = problems(() -> s.check(Map.of("monthly", MONTHLY))).get(0);
        assertThat(d.line()).isEqualTo(25);
        assertThat(d.message()).contains("annotation x '12' is not a date");
    }

    @Test
    void missingDataNameListsTheResults() {
        ChartSpec s = parse("type: line\ndata: montly\nx: month\ny: laid_off\n");
        Diagnostic d = problems(() -> s.check(Map.of("monthly", MONTHLY, "other", MONTHLY))).get(0);
        assertThat(d.line()).isEqualTo(21);
        assertThat(d.column()).isEqualTo(7);
        assertThat(d.message()).isEqualTo("no query result named 'montly' on this page");
        assertThat(d.hint()).contains("did you mean 'monthly'?").contains("monthly, other");
    }

    @Test
    void missingColumnsListTheColumns() {
        ChartSpec s = parse("type: line\ndata: monthly\nx: mnth\ny: [laid_off, cuts]\n");
        List<Diagnostic> ds = problems(() -> s.check(Map.of("monthly", MONTHLY)));
        assertThat(ds).hasSize(2);
        assertThat(ds.get(0).line()).isEqualTo(22);
        assertThat(ds.get(0).message()).isEqualTo("no column 'mnth' in 'monthly'");
        assertThat(ds.get(0).hint()).contains("did you mean 'month'?").contains("Columns: month, laid_off, industry.");
        assertThat(ds.get(1).line()).isEqualTo(23);
        assertThat(ds.get(1).message()).isEqualTo("no column 'cuts' in 'monthly'");
    }

    @Test
    void nonNumericYIsRefused() {
        ChartSpec s = parse("type: bar\ndata: monthly\nx: month\ny: industry\n");
        Diagnostic d = problems(() -> s.check(Map.of("monthly", MONTHLY))).get(0);
        assertThat(d.line()).isEqualTo(23);
        assertThat(d.message()).isEqualTo("column 'industry' is text, not a number (first value: 'Retail')");
        assertThat(d.hint()).contains("CAST(industry AS DOUBLE)");
    }

    @Test
    void emptyResultIsAnErrorUnlessAllowed() {
        QueryResult none = new QueryResult("monthly", MONTHLY.columns(), List.of());
        Diagnostic d = problems(() -> parse("type: line\ndata: monthly\nx: month\ny: laid_off\n").check(Map.of("monthly", none))).get(0);
        assertThat(d.line()).isEqualTo(21);
        assertThat(d.message()).contains("has no rows");
        assertThat(d.hint()).contains("empty: allow");
        assertThat(parse("type: line\ndata: monthly\nx: month\ny: laid_off\nempty: allow\n").check(Map.of("monthly", none))).isSameAs(none);
    }

    @Test
    void badValuesOfOtherOptionsAreLocated() {
        List<Diagnostic> ds = problems(() -> parse("type: line\ndata: d\nx: a\ny: b\ny-min: low\ncolors: [red]\nheight: tall\nempty: yes\n"));
        assertThat(ds).extracting(Diagnostic::line).containsExactly(24, 25, 26, 27);
        assertThat(ds.get(0).message()).isEqualTo("y-min must be a number, not 'low'");
        assertThat(ds.get(1).message()).isEqualTo("'red' is not a color");
        assertThat(ds.get(2).message()).contains("is not an aspect ratio");
    }

    @Test
    void unknownFormatIsReportedAtItsKey() {
        ChartSpec s = parse("type: line\ndata: monthly\nx: month\ny: laid_off\ny-format: compactt\n");
        Diagnostic d = problems(() -> new ChartRenderer().render(s, s.check(Map.of("monthly", MONTHLY)), "c", Locale.US, null)).get(0);
        assertThat(d.line()).isEqualTo(24);
        assertThat(d.column()).isEqualTo(11);
        assertThat(d.message()).contains("unknown format 'compactt'");
    }

    @Test
    void unquotedColorsGetAHintAboutYamlCommentsAtTheirLine() {
        // In a flow list the comment hides the closing bracket: YAML fails further down, the hint points back here.
        List<Diagnostic> flow = problems(() -> parse("type: line\ndata: monthly\nx: month\ny: laid_off\ncolors: [#0072b2, #d55e00]\nheight: 300\n"));
        assertThat(flow).extracting(Diagnostic::location).containsExactly("stories/layoffs.md:24:10");
        assertThat(flow.get(0).message()).contains("the unquoted '#' of a color starts a comment");
        assertThat(flow.get(0).hint()).isEqualTo("quote colors: a '#' after a space or '[' starts a YAML comment; write e.g. colors: ['#0072b2', '#d55e00']");
        // A single color or a list item is silently empty to YAML.
        List<Diagnostic> single = problems(() -> parse("type: line\ndata: monthly\nx: month\ny: laid_off\ncolors: #0072b2\n"));
        assertThat(single).extracting(Diagnostic::line, Diagnostic::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple(24, "a color is missing here; an unquoted '#' starts a YAML comment"));
        List<Diagnostic> item = problems(() -> parse("type: line\ndata: monthly\nx: month\ny: laid_off\ncolors:\n  - '#0072b2'\n  - #d55e00\n"));
        assertThat(item).extracting(Diagnostic::line).containsExactly(26);
        assertThat(item.get(0).hint()).contains("colors: ['#0072b2', '#d55e00']");
        // Quoted colors and ordinary comments are fine.
        assertThat(parse("type: line # a comment\ndata: monthly\nx: month\ny: laid_off\ncolors: ['#0072B2', \"#d55e00\"]\n").colors())
                .containsExactly("#0072b2", "#d55e00");
    }
}
