package io.datadesk.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.datadesk.error.ContentException;
import io.datadesk.error.Diagnostic;
import io.datadesk.yaml.YamlNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class DatasetSpecTest {

    // front matter starts at line 2 of the page (after the opening ---)
    private static List<DatasetSpec> parse(String yaml) {
        return DatasetSpec.parseAll(YamlNode.parse(yaml, "content/page.md", 2).asMap("front matter").get("data"));
    }

    @Test
    void readsTheSourceOfADataset() {
        List<DatasetSpec> specs = parse("""
                title: Cuts
                data:
                  a: a.csv
                  b: { path: b.csv, source: BLS }
                  c:
                    path: c.csv
                    source: { text: "Challenger, Gray & Christmas", url: "https://www.challengergray.com/" }
                """);
        assertThat(specs).extracting(DatasetSpec::source).containsExactly(null, new Attribution("BLS", null),
                new Attribution("Challenger, Gray & Christmas", "https://www.challengergray.com/"));
        assertThatThrownBy(() -> parse("""
                title: Cuts
                data:
                  c: { path: c.csv, source: { url: "ftp://x" } }
                """)).isInstanceOfSatisfying(ContentException.class, e -> assertThat(e.diagnostics())
                .extracting(Diagnostic::message).containsExactly("'source' needs 'text'"));
    }

    @Test
    void aSourceCanNameItsPublisherApart() {
        List<DatasetSpec> specs = parse("""
                title: Cuts
                data:
                  a: { path: a.csv, source: { publisher: BLS, text: "JOLTS (JTSLDL)", url: "https://fred.stlouisfed.org/" } }
                  b: { path: b.csv, source: { publisher: BLS } }
                """);
        assertThat(specs).extracting(DatasetSpec::source).containsExactly(
                new Attribution("BLS, JOLTS (JTSLDL)", "https://fred.stlouisfed.org/", "BLS"), new Attribution("BLS", null, "BLS"));
    }

    @Test
    void readsShortAndLongForms() {
        List<DatasetSpec> specs = parse("""
                title: Cuts
                data:
                  layoffs: data/layoffs_fyi.csv
                  challenger:
                    path: data/challenger_monthly.csv
                    types: { month: "date:yyyy-MM", ai_cuts: integer }
                    null: ["", "NA"]
                    delimiter: ";"
                  tabs:
                    path: t.tsv
                    delimiter: tab
                    null: n/a
                """);
        assertThat(specs).extracting(DatasetSpec::name, DatasetSpec::path, DatasetSpec::delimiter, DatasetSpec::line, DatasetSpec::column)
                .containsExactly(tuple("layoffs", "data/layoffs_fyi.csv", ',', 4, 3),
                        tuple("challenger", "data/challenger_monthly.csv", ';', 5, 3),
                        tuple("tabs", "t.tsv", '\t', 10, 3));
        DatasetSpec c = specs.get(1);
        assertThat(c.types().get("month")).isEqualTo(new DeclaredType(ColumnType.DATE, "yyyy-MM"));
        assertThat(c.types().get("ai_cuts")).isEqualTo(new DeclaredType(ColumnType.INTEGER, null));
        assertThat(c.nullMarkers()).containsExactly("", "NA");
        assertThat(specs.get(2).nullMarkers()).containsExactly("", "n/a");
        assertThat(c.file()).isEqualTo("content/page.md");
    }

    @Test
    void reportsEveryProblemLocated() {
        assertThatThrownBy(() -> parse("""
                data:
                  2024-layoffs: a.csv
                  select: b.csv
                  ok:
                    pth: c.csv
                    types: { month: "dat:yyyy-MM", n: number, d: "date:qqqqq-bogus{" }
                  Ok: d.csv
                """)).isInstanceOfSatisfying(ContentException.class, e -> assertThat(e.diagnostics())
                .extracting(Diagnostic::location, Diagnostic::message).containsExactly(
                        tuple("content/page.md:3:3", "dataset name: '2024-layoffs' is not a valid SQL name: use letters, digits and '_', not starting with a digit"),
                        tuple("content/page.md:4:3", "dataset name: 'select' is an SQL keyword and cannot name a table"),
                        tuple("content/page.md:6:5", "unknown dataset option 'pth'"),
                        tuple("content/page.md:5:3", "dataset 'ok' has no 'path'"),
                        tuple("content/page.md:7:21", "unknown type 'dat:yyyy-MM' for column 'month'"),
                        tuple("content/page.md:7:50", "unknown type 'date:qqqqq-bogus{' for column 'd'"),
                        tuple("content/page.md:8:3", "dataset name 'Ok' is the same as 'ok' (SQL names ignore case)")));
    }

    @Test
    void suggestsTheClosestKeyAndType() {
        assertThatThrownBy(() -> parse("data:\n  x:\n    path: a.csv\n    tpyes: {a: integr}\n"))
                .isInstanceOfSatisfying(ContentException.class, e -> {
                    assertThat(e.diagnostics().get(0).hint()).startsWith("did you mean 'types'? Valid keys: path, types, null, delimiter");
                });
        assertThatThrownBy(() -> parse("data:\n  x:\n    path: a.csv\n    types: {a: integr}\n"))
                .isInstanceOfSatisfying(ContentException.class, e -> assertThat(e.diagnostics().get(0).hint()).startsWith("did you mean 'integer'?"));
        assertThatThrownBy(() -> parse("data:\n  x: {path: a.csv, delimiter: ';;'}\n"))
                .hasMessageContaining("delimiter must be one character, not ';;'");
        assertThatThrownBy(() -> parse("data:\n  x:\n"))
                .hasMessageStartingWith("content/page.md:3:5: error: dataset 'x' needs a file path");
    }

    @Test
    void formatFromTheExtensionOrFormatOption() {
        List<DatasetSpec> specs = parse("""
                data:
                  a: data/a.parquet
                  b: data/b.json
                  c: data/c.jsonl
                  d: data/d.tsv
                  e: { path: data/export.txt, format: ndjson }
                  f: { path: data/f.csv, format: TSV }
                  g: data/g.txt
                """);
        assertThat(specs).extracting(DatasetSpec::format).containsExactly(DataFormat.PARQUET, DataFormat.JSON, DataFormat.NDJSON,
                DataFormat.TSV, DataFormat.NDJSON, DataFormat.TSV, DataFormat.CSV);
        assertThat(specs.get(5).delimiter()).isEqualTo('\t');
        assertThatThrownBy(() -> parse("""
                data:
                  a: { path: a.pq, format: parqet }
                  b: { path: b.parquet, types: { x: integer }, null: NA }
                  c: { path: c.json, delimiter: ";" }
                """)).isInstanceOfSatisfying(ContentException.class, e -> assertThat(e.diagnostics())
                .extracting(Diagnostic::location, Diagnostic::message, Diagnostic::hint).containsExactly(
                        tuple("content/page.md:3:28", "unknown format 'parqet'", "did you mean 'parquet'? Formats: csv, tsv, json, ndjson, parquet."),
                        tuple("content/page.md:4:25", "'types' does not apply to parquet files",
                                "a Parquet file carries its own column types and NULLs; convert in SQL instead, e.g. CAST(x AS DATE)"),
                        tuple("content/page.md:4:48", "'null' does not apply to parquet files",
                                "a Parquet file carries its own column types and NULLs; convert in SQL instead, e.g. CAST(x AS DATE)"),
                        tuple("content/page.md:5:22", "'delimiter' does not apply to json files", "only CSV and TSV files have a delimiter; remove it")));
    }

    @Test
    void declaredTypeSyntax() {
        assertThat(DeclaredType.parse("date:M/d/yyyy")).contains(new DeclaredType(ColumnType.DATE, "M/d/yyyy"));
        assertThat(DeclaredType.parse("date:\"MMMM yyyy\"")).contains(new DeclaredType(ColumnType.DATE, "MMMM yyyy"));
        assertThat(DeclaredType.parse("timestamp")).contains(new DeclaredType(ColumnType.TIMESTAMP, null));
        assertThat(DeclaredType.parse("boolean")).contains(new DeclaredType(ColumnType.BOOLEAN, null));
        assertThat(DeclaredType.parse("decimal")).contains(new DeclaredType(ColumnType.DECIMAL, null));
        assertThat(DeclaredType.parse("text")).contains(new DeclaredType(ColumnType.TEXT, null));
        assertThat(DeclaredType.parse("integer:yyyy")).isEmpty();
        assertThat(DeclaredType.parse("float")).isEmpty();
    }
}
