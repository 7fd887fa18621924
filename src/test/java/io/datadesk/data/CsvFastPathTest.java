package io.datadesk.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.datadesk.error.ContentException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DuckDB's CSV reader ({@link CsvFastPath}) against datadesk's own ({@link CsvLoader}): the same table, value for
 * value and in file order, or the fast path declines and the usual path gives its usual located errors.
 */
class CsvFastPathTest {

    @TempDir
    Path dir;

    private int files;
    // One database each for the whole test (a new one per file made the test take minutes): tables t0, t1, ...
    private PageDatabase usual, withFast;
    private Connection raw;

    @BeforeEach
    void open() throws SQLException {
        usual = PageDatabase.open();
        withFast = PageDatabase.open();
        raw = DriverManager.getConnection("jdbc:duckdb:");
    }

    @AfterEach
    void close() throws SQLException {
        usual.close();
        withFast.close();
        raw.close();
    }

    private Path write(byte[] bytes) throws IOException {
        Path p = dir.resolve("f" + files + ".csv");
        Files.write(p, bytes);
        return p;
    }

    /** What loading gives: the table (columns, rows in order, row count), or the messages of the error. */
    private static String outcome(PageDatabase db, DatasetSpec spec, Path file, long fastMinBytes) {
        try {
            CsvSchema schema = db.load(spec, file, "data/t.csv", fastMinBytes);
            QueryResult r = db.table(spec.name());
            return schema.columns() + " rows=" + schema.rowCount() + "\n" + r.columns() + "\n" + rowsText(r);
        } catch (ContentException e) {
            return "error: " + e.diagnostics();
        }
    }

    private static String rowsText(QueryResult r) {
        StringBuilder sb = new StringBuilder();
        for (List<Object> row : r.rows()) {
            for (Object v : row) sb.append(v == null ? "NULL" : v.getClass().getSimpleName() + ":" + v).append('|');
            sb.append('\n');
        }
        return sb.toString();
    }

    /**
     * Loads the file both ways, checks the outcomes are identical and returns whether DuckDB's reader took the file
     * (rather than declining it).
     */
    private boolean same(DatasetSpec spec, byte[] bytes) throws IOException {
        Path p = write(bytes);
        String name = "t" + files++;
        DatasetSpec named = new DatasetSpec(name, spec.path(), spec.types(), spec.nullMarkers(), spec.delimiter(), spec.file(),
                spec.line(), spec.column(), spec.source(), spec.format());
        String expected = outcome(usual, named, p, Long.MAX_VALUE);
        String actual = outcome(withFast, named, p, 0);
        assertThat(actual).as("file:\n%s", new String(bytes, StandardCharsets.UTF_8)).isEqualTo(expected);
        return CsvFastPath.load(raw, named, p, "data/t.csv", name) != null;
    }

    private boolean same(String text) throws IOException {
        return same(DatasetSpec.of("t", "t.csv"), text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void trickyFilesGiveTheSameTableThroughDuckDb() throws Exception {
        // Every type inference knows, with empty cells (NULL), signs, exponents, leap days and ISO timestamps.
        assertThat(same("""
                i,d,b,iso,ym,us,ts,t
                1,1.5,true,2024-01-31,2024-02,1/28/2026,2024-01-02 03:04:05,hello
                -20,16000.0,FALSE,2023-12-01,2023-11,12/1/2025,2024-01-02T03:04,world
                +3,7,,2020-02-29,,2/29/2024,2024-01-02,x
                ,-.5e3,True,,2000-01,02/03/2000,2024-01-02 03:04:05.123456,
                0,5.,false,1900-03-01,1999-12,1/1/0001,1970-01-01T00:00:00.5,"quoted, with comma"
                """)).isTrue();
        // Quotes, doubled quotes, embedded line breaks (LF and CRLF), an empty quoted cell, a BOM, CRLF lines.
        assertThat(same("\uFEFFname,note,n\r\n\"a \"\"b\"\"\",\"line one\r\nline two\",1\r\n\"\",\"x\ny\",2\r\n\r\nc,,3\r\n")).isTrue();
        // Spaces around values: numbers and dates are read without them, text keeps them; blank typed cells are NULL.
        assertThat(same("n,d,t\n 1 ,\t2024-01-01 , a \n2,   , b\n\u20033\u3000,2024-01-02,\n")).isTrue();
        // Leading zeros keep a column as text (identifiers); thousands separators are text too, as today.
        assertThat(same("zip,amount,id\n02134,\"1,234\",1\n10001,\"2,000\",2\n")).isTrue();
        // Declared types (no pattern) and NULL markers.
        DatasetSpec declared = new DatasetSpec("t", "t.csv", Map.of("code", DeclaredType.parse("integer").orElseThrow(),
                "v", DeclaredType.parse("decimal").orElseThrow(), "when", DeclaredType.parse("date").orElseThrow(),
                "at", DeclaredType.parse("timestamp").orElseThrow()), List.of("", "n/a", "-"), ',', "page.md", 1, 1);
        assertThat(same(declared, "code,v,when,at,note\n007,01.50,2024-01-31,2024-01-02,n/a\nn/a,-,3/4/2020,2024-01-02 10:11,x\n-,2,2021-07,,-\n"
                .getBytes(StandardCharsets.UTF_8))).isTrue();
        // A NUL character and non-ASCII text.
        assertThat(same("a,b\n1,x\u0000y\n2,é漢字🙂\n")).isTrue();
        // Tab-separated.
        DatasetSpec tsv = new DatasetSpec("t", "t.tsv", Map.of(), List.of(""), '\t', "page.md", 1, 1, null, DataFormat.TSV);
        assertThat(same(tsv, "a\tb\n1\t\"x\ty\"\n2\tz\n".getBytes(StandardCharsets.UTF_8))).isTrue();
    }

    @Test
    void declinesWhatItCannotPromiseAndTheUsualPathStillSaysWhatIsWrong() throws Exception {
        // A space before an opening quote: Commons CSV keeps it and the quotes, DuckDB would drop them.
        assertThat(same("a,b\n1, \"x\"\n")).isFalse();
        // One column: DuckDB reads an empty line as a row of NULL, Commons CSV skips it.
        assertThat(same("a\n1\n\n2\n")).isFalse();
        // A later value changes the type the first rows showed (integer, then a decimal).
        StringBuilder late = new StringBuilder("n,t\n");
        for (int i = 0; i < CsvFastPath.SAMPLE_ROWS + 10; i++) late.append(i).append(",x").append(i).append('\n');
        late.append("2.5,y\n");
        assertThat(same(late.toString())).isFalse();
        // A near miss (numbers but for 'n/a'): the usual error, located.
        StringBuilder near = new StringBuilder("n,t\n");
        for (int i = 0; i < 100; i++) near.append(i).append(",x").append(i).append('\n');
        near.append("n/a,y\n");
        assertThat(same(near.toString())).isFalse();
        // Located errors: a ragged row, a broken quote, a bad declared value, a duplicate column, not UTF-8.
        assertThat(same("a,b\n1,2\n3\n")).isFalse();
        assertThat(same("a,b\n1,\"x\"y\n")).isFalse();
        assertThat(same("a,b\n1,\"open\n")).isFalse();
        DatasetSpec declared = new DatasetSpec("t", "t.csv", Map.of("a", DeclaredType.parse("integer").orElseThrow()),
                List.of(""), ',', "page.md", 1, 1);
        assertThat(same(declared, "a,b\n1,2\nx,3\n".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(same("a,A\n1,2\n")).isFalse();
        assertThat(same(DatasetSpec.of("t", "t.csv"), new byte[] {'a', ',', 'b', '\n', '1', ',', (byte) 0xE9, '\n'})).isFalse();
        // A date that is not on the calendar, and a nineteen-digit number: left to the usual path.
        assertThat(same("d,b\n2023-02-29,1\n")).isFalse();
        assertThat(same("n,b\n1234567890123456789,1\n")).isFalse();
        // A declared date pattern is Java's: never read by DuckDB.
        DatasetSpec pattern = new DatasetSpec("t", "t.csv", Map.of("m", DeclaredType.parse("date:MMM yyyy").orElseThrow()),
                List.of(""), ',', "page.md", 1, 1);
        assertThat(same(pattern, "m,b\nJan 2024,1\n".getBytes(StandardCharsets.UTF_8))).isFalse();
    }

    @Test
    void randomFilesGiveTheSameOutcomeBothWays() throws Exception {
        // Small files from an alphabet of the characters that matter to CSV and to type inference.
        String[] pieces = {"1", "0", "-", "+", ".", "e", "5", "2024-02-29", "2023-02-29", "2024-13", "1/2/2024", "2024-01-02T03:04",
                "true", "FALSE", "x", " ", "\t", "\u00a0", "\u2003", "\"", "\"\"", ",", "\n", "\r\n", "\r", "n/a", "é", "007",
                "12:30", "1e5", "9.75", "00"};
        // More with -Dcsvfuzz.files=N -Dcsvfuzz.seed=S (a search for differences, not for every run).
        SplittableRandom random = new SplittableRandom(Long.getLong("csvfuzz.seed", 17));
        int count = Integer.getInteger("csvfuzz.files", 150);
        int tookFast = 0;
        List<DatasetSpec> specs = List.of(DatasetSpec.of("t", "t.csv"),
                new DatasetSpec("t", "t.csv", Map.of(), List.of("", "n/a"), ',', "page.md", 1, 1));
        for (int f = 0; f < count; f++) {
            StringBuilder sb = new StringBuilder("a,b,c\n");
            int rows = 1 + random.nextInt(6);
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < 3; c++) {
                    if (c > 0) sb.append(',');
                    int kind = random.nextInt(10);
                    if (kind < 6) { // a plausible value of the column's type
                        String[] typical = {"42", "-3.5", "2024-01-31", "true", "word", "1/2/2024"};
                        sb.append(typical[(c * 2 + f) % typical.length]);
                    } else if (kind < 8) { // a quoted value with anything inside
                        sb.append('"');
                        for (int k = random.nextInt(3); k > 0; k--) sb.append(pieces[random.nextInt(pieces.length)].replace("\"", "\"\""));
                        sb.append('"');
                    } else { // anything at all
                        for (int k = random.nextInt(3); k > 0; k--) sb.append(pieces[random.nextInt(pieces.length)]);
                    }
                }
                sb.append(random.nextInt(5) == 0 ? "\r\n" : "\n");
            }
            if (same(specs.get(f % 2), sb.toString().getBytes(StandardCharsets.UTF_8))) tookFast++;
        }
        assertThat(tookFast).as("files the fast path took").isGreaterThan(count / 8);
        System.out.println("fast path took " + tookFast + " of " + count);
    }

    @Test
    void aPageDatabaseThatReadABigCsvIsSealedAfterLoading() throws IOException {
        StringBuilder sb = new StringBuilder("a,b\n");
        for (int i = 0; i < 10; i++) sb.append(i).append(",x\n");
        Path p = write(sb.toString().getBytes(StandardCharsets.UTF_8));
        files++;
        try (PageDatabase db = PageDatabase.open()) {
            db.load(DatasetSpec.of("t", "t.csv"), p, "t.csv", 0);
            db.seal();
            assertThat(db.setting("enable_external_access")).isEqualTo("false");
            assertThat(db.setting("lock_configuration")).isEqualTo("true");
            List<String> errors = new ArrayList<>();
            try {
                db.query("peek", "select * from read_csv(" + PageDatabase.stringLiteral(p.toString()) + ")", "page.md", 3);
            } catch (ContentException e) {
                errors.add(e.getMessage());
            }
            assertThat(errors).hasSize(1);
            assertThat(db.query("n", "select count(*) as n from t", "page.md", 5).rows().get(0).get(0)).isEqualTo(10L);
        }
    }

    @Test
    void onlyABigCsvOrAParquetFileNeedsADatabaseThatCanStillReadFiles() throws IOException {
        Path small = dir.resolve("small.csv");
        Files.writeString(small, "a,b\n1,2\n");
        Path big = dir.resolve("big.csv");
        byte[] row = "1,2\n".getBytes(StandardCharsets.US_ASCII);
        try (var out = new java.io.BufferedOutputStream(Files.newOutputStream(big))) {
            out.write("a,b\n".getBytes(StandardCharsets.US_ASCII));
            for (long n = 0; n < CsvFastPath.MIN_BYTES / row.length; n++) out.write(row);
        }
        DataPaths paths = new DataPaths(dir, dir);
        assertThat(PageDatabase.readsFilesWhileLoading(List.of(DatasetSpec.of("s", "small.csv")), dir, paths)).isFalse();
        assertThat(PageDatabase.readsFilesWhileLoading(List.of(DatasetSpec.of("s", "small.csv"), DatasetSpec.of("b", "big.csv")), dir, paths)).isTrue();
        assertThat(PageDatabase.readsFilesWhileLoading(List.of(DatasetSpec.of("m", "missing.csv")), dir, paths)).isFalse();
        assertThat(PageDatabase.readsFilesWhileLoading(List.of(DatasetSpec.of("p", "x.parquet")), dir, paths)).isTrue();
        try (PageDatabase db = PageDatabase.open()) { // and the big file is read by DuckDB: the same table as the usual path's
            db.loadAll(List.of(DatasetSpec.of("b", "big.csv")), dir, paths);
            assertThat(db.query("n", "select count(*) as n, sum(a) as s from b", "page.md", 3).rows().get(0))
                    .containsExactly(CsvFastPath.MIN_BYTES / row.length, CsvFastPath.MIN_BYTES / row.length);
        }
    }
}
