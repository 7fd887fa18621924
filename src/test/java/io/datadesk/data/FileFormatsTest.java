package io.datadesk.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datadesk.error.ContentException;
import io.datadesk.error.Diagnostic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parquet, JSON, NDJSON and TSV datasets: how each is typed, and the errors for malformed files. */
class FileFormatsTest {

    @TempDir
    Path dir;

    private final PageDatabase db = PageDatabase.open();

    @AfterEach
    void close() {
        db.close();
    }

    private Path file(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    /** Writes a Parquet file with a DuckDB of the test's own (page databases cannot write files). */
    static void writeParquet(Path file, String select) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("COPY (" + select + ") TO '" + file.toString().replace("'", "''") + "' (FORMAT parquet)");
        }
    }

    private QueryResult load(DatasetSpec spec, Path file) {
        db.load(spec, file, "data/" + file.getFileName());
        return db.query("q", "select * from " + spec.name(), "page.md", 1);
    }

    private static ColumnType typeOf(QueryResult r, String column) {
        return r.column(column).orElseThrow().type();
    }

    @Test
    void parquetKeepsTheFilesOwnTypes() throws Exception {
        Path p = dir.resolve("sales.parquet");
        writeParquet(p, "SELECT * FROM (VALUES (DATE '2024-01-01', 'north', 12::INTEGER, 2.5::DOUBLE, TIMESTAMP '2024-01-01 10:00:00', true),"
                + " (DATE '2024-02-01', '2024', NULL, 3.25, NULL, false)) t(month, region, units, price, seen, ok)");
        QueryResult r = load(DatasetSpec.of("sales", "data/sales.parquet"), p);
        assertThat(r.columns()).extracting(Column::type).containsExactly(ColumnType.DATE, ColumnType.TEXT, ColumnType.INTEGER,
                ColumnType.DECIMAL, ColumnType.TIMESTAMP, ColumnType.BOOLEAN);
        // '2024' stays text: the file says VARCHAR, nothing is inferred
        assertThat(r.rows()).containsExactly(
                List.of(LocalDate.of(2024, 1, 1), "north", 12L, 2.5, LocalDateTime.of(2024, 1, 1, 10, 0), true),
                java.util.Arrays.asList(LocalDate.of(2024, 2, 1), "2024", null, 3.25, null, false));
    }

    @Test
    void jsonArrayIsTypedByTheCsvRules() throws IOException {
        Path p = file("cars.json", """
                [
                  {"Name": "chevrolet chevelle malibu", "Miles_per_Gallon": 18, "Cylinders": 8, "Year": "1970-01-01", "Origin": "USA", "ok": true},
                  {"Name": "buick skylark 320", "Miles_per_Gallon": 15.5, "Cylinders": 8, "Year": "1970-01-01", "Origin": "USA", "ok": false},
                  {"Name": "citroen ds-21 pallas", "Miles_per_Gallon": null, "Year": "1970-01-01", "Origin": "Europe", "tags": ["a", "b"]}
                ]
                """);
        QueryResult r = load(DatasetSpec.of("cars", "data/cars.json"), p);
        assertThat(r.columnNames()).containsExactly("Name", "Miles_per_Gallon", "Cylinders", "Year", "Origin", "ok", "tags");
        assertThat(typeOf(r, "Miles_per_Gallon")).isEqualTo(ColumnType.DECIMAL);
        assertThat(typeOf(r, "Cylinders")).isEqualTo(ColumnType.INTEGER);
        assertThat(typeOf(r, "Year")).isEqualTo(ColumnType.DATE);
        assertThat(typeOf(r, "ok")).isEqualTo(ColumnType.BOOLEAN);
        assertThat(typeOf(r, "tags")).isEqualTo(ColumnType.TEXT);
        assertThat(r.rows().get(2)).containsExactly("citroen ds-21 pallas", null, null, LocalDate.of(1970, 1, 1), "Europe", null, "[\"a\",\"b\"]");
    }

    @Test
    void ndjsonAndDeclaredTypesAndNullMarkers() throws IOException {
        Path p = file("events.ndjson", """
                {"month": "2024-01", "cuts": "NA", "code": "007"}
                {"month": "2024-02", "cuts": 120, "code": "010"}
                """);
        DatasetSpec spec = new DatasetSpec("events", "data/events.ndjson", Map.of("code", DeclaredType.parse("text").orElseThrow()),
                List.of("", "NA"), ',', "page.md", 3, 3);
        assertThat(spec.format()).isEqualTo(DataFormat.NDJSON);
        QueryResult r = load(spec, p);
        assertThat(r.rows()).containsExactly(java.util.Arrays.asList(LocalDate.of(2024, 1, 1), null, "007"),
                List.of(LocalDate.of(2024, 2, 1), 120L, "010"));
    }

    @Test
    void tsvByExtension() throws IOException {
        Path p = file("t.tsv", "city\tpeople\nParis, France\t2100000\nLyon\t520000\n");
        DatasetSpec spec = DatasetSpec.of("t", "data/t.tsv");
        assertThat(spec.format()).isEqualTo(DataFormat.TSV);
        QueryResult r = load(spec, p);
        assertThat(r.rows()).containsExactly(List.of("Paris, France", 2100000L), List.of("Lyon", 520000L));
    }

    @Test
    void malformedJsonIsLocated() throws IOException {
        Path p = file("bad.json", "[\n  {\"a\": 1},\n  {\"a\": 2,, \"b\": 3}\n]\n");
        assertThatThrownBy(() -> db.load(DatasetSpec.of("bad", "bad.json"), p, "data/bad.json"))
                .isInstanceOfSatisfying(ContentException.class, e -> {
                    Diagnostic d = e.diagnostics().get(0);
                    assertThat(d.location()).isEqualTo("data/bad.json:3:11");
                    assertThat(d.message()).startsWith("malformed JSON: ");
                });
    }

    @Test
    void jsonOfTheWrongShapeIsLocated() throws IOException {
        Path p = file("rows.json", "[\n  {\"a\": 1},\n  [1, 2]\n]\n");
        assertThatThrownBy(() -> db.load(DatasetSpec.of("rows", "rows.json"), p, "data/rows.json"))
                .isInstanceOfSatisfying(ContentException.class, e -> assertThat(e.diagnostics().get(0).format())
                        .startsWith("data/rows.json:3:3: error: item 2 of the array is an array, not an object"));
        Path empty = file("empty.json", "[]");
        assertThatThrownBy(() -> db.load(DatasetSpec.of("empty", "empty.json"), empty, "data/empty.json"))
                .hasMessageContaining("data/empty.json:1: error: the JSON file holds no objects");
    }

    @Test
    void jsonValueAgainstADeclaredTypeNamesItsLine() throws IOException {
        Path p = file("v.ndjson", "{\"n\": 1}\n{\"n\": 2}\n\n{\"n\": \"two\"}\n");
        DatasetSpec spec = new DatasetSpec("v", "v.ndjson", Map.of("n", DeclaredType.parse("integer").orElseThrow()),
                List.of(""), ',', "page.md", 3, 3);
        assertThatThrownBy(() -> db.load(spec, p, "data/v.ndjson"))
                .hasMessageContaining("data/v.ndjson:4: error: column 'n': 'two' is not a valid integer");
    }

    @Test
    void malformedParquetIsReportedWithoutTheAbsolutePath() throws IOException {
        Path p = file("broken.parquet", "month,value\n2024-01,3\n");
        assertThatThrownBy(() -> db.load(DatasetSpec.of("broken", "broken.parquet"), p, "data/broken.parquet"))
                .isInstanceOfSatisfying(ContentException.class, e -> {
                    assertThat(e.getMessage()).startsWith("data/broken.parquet: error: cannot read the Parquet file: ")
                            .doesNotContain(dir.toString());
                });
    }

    @Test
    void queriesReadTheDeclaredParquetFileAndNoOther() throws Exception {
        Path p = dir.resolve("s.parquet");
        writeParquet(p, "SELECT 1 AS x");
        Path undeclared = dir.resolve("other.parquet");
        writeParquet(undeclared, "SELECT 2 AS y");
        db.load(DatasetSpec.of("s", "s.parquet"), p, "data/s.parquet");
        String path = p.toString().replace("'", "''");
        // The declared file may be read by name (the view does just that); a file the page did not declare may not.
        assertThat(db.query("direct", "select x from read_parquet('" + path + "')", "page.md", 3).rows()).containsExactly(List.of(1L));
        assertThatThrownBy(() -> db.query("peek", "select * from read_parquet('" + undeclared.toString().replace("'", "''") + "')", "page.md", 5))
                .hasMessageContaining("Permission");
        assertThatThrownBy(() -> db.query("over", "copy s to '" + path + "' (format parquet)", "page.md", 5))
                .isInstanceOf(ContentException.class);
        assertThat(db.query("ok", "select x from s", "page.md", 9).rows()).containsExactly(List.of(1L));
        assertThatThrownBy(() -> db.load(DatasetSpec.of("late", "s.parquet"), p, "data/s.parquet"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theViewsAbsolutePathCannotBeReadFromTheCatalogues() throws Exception {
        Path p = dir.resolve("s.parquet");
        writeParquet(p, "SELECT 1 AS x");
        db.load(DatasetSpec.of("s", "s.parquet"), p, "data/s.parquet");
        for (String sql : List.of("select view_definition from information_schema.views",
                "select sql from sqlite_master", "select sql from sqlite_schema", "select sql from duckdb_views()",
                "select * from system.information_schema.views"))
            assertThatThrownBy(() -> db.query("leak", sql, "page.md", 3)).as(sql)
                    .isInstanceOf(ContentException.class).hasMessageContaining("is not available in datadesk queries")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(dir.toString()));
    }
}
