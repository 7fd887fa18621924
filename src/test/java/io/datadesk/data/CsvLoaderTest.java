package io.datadesk.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datadesk.error.ContentException;
import io.datadesk.error.Diagnostic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvLoaderTest {

    @TempDir
    Path dir;

    private final PageDatabase db = PageDatabase.open();

    @AfterEach
    void close() {
        db.close();
    }

    private Path csv(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    private QueryResult load(String text) throws IOException {
        return load(DatasetSpec.of("t", "t.csv"), text);
    }

    private QueryResult load(DatasetSpec spec, String text) throws IOException {
        Path p = csv(spec.name() + ".csv", text);
        db.load(spec, p, "data/" + spec.name() + ".csv");
        return db.query("q_" + spec.name(), "select * from " + spec.name(), "page.md", 1);
    }

    private static ColumnType typeOf(QueryResult r, String column) {
        return r.column(column).orElseThrow().type();
    }

    @Test
    void infersEachTypeOverTheWholeColumn() throws IOException {
        QueryResult r = load("""
                i,d,b,iso,ym,us,ts,t
                1,1.5,true,2024-01-31,2024-02,1/28/2026,2024-01-02 03:04:05,hello
                -20,16000.0,FALSE,2023-12-01,2023-11,12/1/2025,2024-01-02T03:04,world
                +3,7,,2020-02-29,,2/29/2024,2024-01-02,x
                """);
        assertThat(r.columns()).extracting(Column::type).containsExactly(ColumnType.INTEGER, ColumnType.DECIMAL,
                ColumnType.BOOLEAN, ColumnType.DATE, ColumnType.DATE, ColumnType.DATE, ColumnType.TIMESTAMP, ColumnType.TEXT);
        assertThat(r.rows().get(0)).containsExactly(1L, 1.5, true, LocalDate.of(2024, 1, 31), LocalDate.of(2024, 2, 1),
                LocalDate.of(2026, 1, 28), LocalDateTime.of(2024, 1, 2, 3, 4, 5), "hello");
        assertThat(r.rows().get(1)).containsExactly(-20L, 16000.0, false, LocalDate.of(2023, 12, 1), LocalDate.of(2023, 11, 1),
                LocalDate.of(2025, 12, 1), LocalDateTime.of(2024, 1, 2, 3, 4), "world");
        assertThat(r.rows().get(2)).containsExactly(3L, 7.0, null, LocalDate.of(2020, 2, 29), null,
                LocalDate.of(2024, 2, 29), LocalDateTime.of(2024, 1, 2, 0, 0), "x");
    }

    @Test
    void decimalsWithEmptyCellsLoadAsNumbers() throws IOException {
        QueryResult r = load("company,total\nA,16000.0\nB,700.0\nC,\n");
        assertThat(typeOf(r, "total")).isEqualTo(ColumnType.DECIMAL);
        assertThat(r.values("total")).containsExactly(16000.0, 700.0, null);
    }

    @Test
    void mixedColumnsFallBackToTheWidestTypeThatFitsEveryValue() throws IOException {
        QueryResult r = load("""
                int_then_dec,num_then_text,date_then_text,iso_and_us,bool_and_int,zip,big,invalid_date,all_empty
                1,1,2024-01-01,2024-01-01,true,02134,12345678901234567890,2024-02-30,
                2.5,n/a,soon,1/2/2024,1,10001,1,2024-01-01,
                """);
        assertThat(r.columns()).extracting(Column::type).containsExactly(ColumnType.DECIMAL, ColumnType.TEXT, ColumnType.TEXT,
                ColumnType.TEXT, ColumnType.TEXT, ColumnType.TEXT, ColumnType.DECIMAL, ColumnType.TEXT, ColumnType.TEXT);
        assertThat(r.values("zip")).containsExactly("02134", "10001"); // leading zero kept: an identifier, not a number
        assertThat(r.values("int_then_dec")).containsExactly(1.0, 2.5);
    }

    @Test
    void spacesAroundTypedValuesAreIgnoredButKeptInText() throws IOException {
        QueryResult r = load("n, d ,t\n 12 ,2024-01-01 , a \n  ,  ,  \n");
        assertThat(r.columns()).extracting(Column::name, Column::type).containsExactly(
                org.assertj.core.groups.Tuple.tuple("n", ColumnType.INTEGER), org.assertj.core.groups.Tuple.tuple("d", ColumnType.DATE),
                org.assertj.core.groups.Tuple.tuple("t", ColumnType.TEXT));
        assertThat(r.rows()).containsExactly(List.of(12L, LocalDate.of(2024, 1, 1), " a "), Arrays.asList(null, null, "  "));
    }

    @Test
    void integersUpToTheLongRangeStayIntegers() throws IOException {
        QueryResult r = load("n\n9223372036854775807\n-9223372036854775808\n");
        assertThat(typeOf(r, "n")).isEqualTo(ColumnType.INTEGER);
        assertThat(r.values("n")).containsExactly(Long.MAX_VALUE, Long.MIN_VALUE);
    }

    @Test
    void readsQuotingBomDelimiterAndNullMarkers() throws IOException {
        DatasetSpec spec = new DatasetSpec("s", "s.csv", Map.of(), List.of("", "NA"), ';', "page.md", 3, 3);
        QueryResult r = load(spec, "\uFEFFname;value;note\n\"Paris; France\";NA;\"say \"\"hi\"\"\nthere\"\nLyon;2;NA\r\n\n");
        assertThat(r.columnNames()).containsExactly("name", "value", "note"); // no BOM glued to the first name
        assertThat(typeOf(r, "value")).isEqualTo(ColumnType.INTEGER);
        assertThat(r.rows().get(0)).containsExactly("Paris; France", null, "say \"hi\"\nthere");
        assertThat(r.rows().get(1)).containsExactly("Lyon", 2L, null);
    }

    @Test
    void declaredTypesOverrideInference() throws IOException {
        DatasetSpec spec = new DatasetSpec("d", "d.csv", Map.of("month", DeclaredType.parse("date:yyyy-MM").orElseThrow(),
                "code", DeclaredType.parse("text").orElseThrow(), "day", DeclaredType.parse("date:d MMM yyyy").orElseThrow()),
                List.of(""), ',', "page.md", 3, 3);
        QueryResult r = load(spec, "month,code,day\n2024-03,12,5 Mar 2024\n2024-04,13,30 apr 2024\n");
        assertThat(r.columns()).extracting(Column::type).containsExactly(ColumnType.DATE, ColumnType.TEXT, ColumnType.DATE);
        assertThat(r.rows().get(0)).containsExactly(LocalDate.of(2024, 3, 1), "12", LocalDate.of(2024, 3, 5));
        assertThat(r.rows().get(1)).containsExactly(LocalDate.of(2024, 4, 1), "13", LocalDate.of(2024, 4, 30));
    }

    @Test
    void raggedRowsAreReportedWithTheirLineEvenAfterMultiLineValues() throws IOException {
        Path p = csv("r.csv", "a,b,c\n1,2,3\n\"two\nlines\",2,3\n4,5\n6,7,8,9\n");
        assertThatThrownBy(() -> CsvLoader.scan(DatasetSpec.of("r", "r.csv"), p, "content/data/r.csv"))
                .isInstanceOfSatisfying(ContentException.class, e -> assertThat(e.diagnostics()).extracting(Diagnostic::format).containsExactly(
                        "content/data/r.csv:5:4: error: row has 2 fields, the header has 3\n  hint: every row needs one value per column; "
                                + "quote values that contain the delimiter, e.g. \"Paris, France\"",
                        "content/data/r.csv:6:7: error: row has 4 fields, the header has 3\n  hint: every row needs one value per column; "
                                + "quote values that contain the delimiter, e.g. \"Paris, France\""));
    }

    @Test
    void manyBadRowsAreSummarised() throws IOException {
        Path p = csv("m.csv", "a,b\n" + "1\n".repeat(25));
        assertThatThrownBy(() -> CsvLoader.scan(DatasetSpec.of("m", "m.csv"), p, "m.csv"))
                .isInstanceOfSatisfying(ContentException.class, e -> {
                    // the rest is said with the last one listed: every error has a place
                    assertThat(e.diagnostics()).hasSize(CsvLoader.MAX_ROW_ERRORS).allSatisfy(d -> assertThat(d.line()).isPositive());
                    assertThat(e.diagnostics().get(0).line()).isEqualTo(2);
                    assertThat(e.diagnostics().get(9).message()).endsWith("(and 15 more bad rows or values in this file)");
                });
    }

    @Test
    void valuesThatDoNotParseAsTheirDeclaredTypeNameLineColumnValueAndType() throws IOException {
        DatasetSpec spec = new DatasetSpec("c", "c.csv", Map.of("month", DeclaredType.parse("date:yyyy-MM").orElseThrow(),
                "n", DeclaredType.parse("integer").orElseThrow()), List.of("", "NA"), ',', "page.md", 3, 3);
        Path p = csv("c.csv", "month,n\n2024-01,1\n2024-02,NA\nFeb 2024,2\n2024-03,2.5\n");
        assertThatThrownBy(() -> CsvLoader.scan(spec, p, "content/c.csv"))
                .isInstanceOfSatisfying(ContentException.class, e -> assertThat(e.diagnostics()).extracting(Diagnostic::location, Diagnostic::message)
                        .containsExactly(
                                org.assertj.core.groups.Tuple.tuple("content/c.csv:4:1", "column 'month': 'Feb 2024' is not a valid date:yyyy-MM"),
                                org.assertj.core.groups.Tuple.tuple("content/c.csv:5:9", "column 'n': '2.5' is not a valid integer")));
    }

    @Test
    void aDeclaredTypeForAColumnTheFileDoesNotHaveIsReportedAtTheDeclaration() throws IOException {
        DatasetSpec spec = new DatasetSpec("c", "c.csv", Map.of("mnth", DeclaredType.parse("date").orElseThrow()),
                List.of(""), ',', "content/page.md", 4, 3);
        Path p = csv("c.csv", "month,n\n2024-01,1\n");
        assertThatThrownBy(() -> CsvLoader.scan(spec, p, "content/c.csv"))
                .isInstanceOfSatisfying(ContentException.class, e -> {
                    Diagnostic d = e.diagnostics().get(0);
                    assertThat(d.location()).isEqualTo("content/page.md:4:3");
                    assertThat(d.message()).contains("'mnth'", "content/c.csv");
                    assertThat(d.hint()).startsWith("did you mean 'month'?");
                });
    }

    @Test
    void duplicateAndEmptyColumnNamesAreReported() throws IOException {
        Path p = csv("h.csv", "id,Name,,name\n1,a,b,c\n");
        assertThatThrownBy(() -> CsvLoader.scan(DatasetSpec.of("h", "h.csv"), p, "h.csv"))
                .isInstanceOfSatisfying(ContentException.class, e -> assertThat(e.diagnostics()).extracting(Diagnostic::format)
                        .containsExactly("h.csv:1:9: error: column 3 has no name in the header row\n  hint: the first line must name every column",
                                "h.csv:1:10: error: duplicate column name 'name' (columns 2 and 4)\n  hint: give each column its own name; SQL names ignore case"));
    }

    @Test
    void emptyFileAndNonUtf8AndBadQuotingAreReported() throws IOException {
        Path empty = csv("e.csv", "");
        assertThatThrownBy(() -> CsvLoader.scan(DatasetSpec.of("e", "e.csv"), empty, "e.csv"))
                .hasMessage("e.csv:1: error: the CSV file is empty\n  hint: the first line must name the columns, e.g. date,value");
        Path latin1 = dir.resolve("l.csv");
        Files.write(latin1, "city\nMontr\u00e9al\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> CsvLoader.scan(DatasetSpec.of("l", "l.csv"), latin1, "l.csv"))
                .hasMessageStartingWith("l.csv:2:6: error: the file is not UTF-8 text: byte 0xE9");
        Path quotes = csv("q.csv", "a,b\n1,2\n\"x\"y,3\n");
        assertThatThrownBy(() -> CsvLoader.scan(DatasetSpec.of("q", "q.csv"), quotes, "q.csv"))
                .isInstanceOfSatisfying(ContentException.class, e -> {
                    assertThat(e.diagnostics().get(0).line()).isEqualTo(3);
                    assertThat(e.diagnostics().get(0).message()).startsWith("cannot read the CSV file");
                });
    }

    @Test
    void loadsAManyRowFileCompletely() throws IOException {
        StringBuilder sb = new StringBuilder("n,day\n");
        for (int i = 0; i < 20_000; i++) sb.append(i).append(',').append(LocalDate.of(2020, 1, 1).plusDays(i % 1000)).append('\n');
        Path p = csv("big.csv", sb.toString());
        db.load(DatasetSpec.of("big", "big.csv"), p, "big.csv");
        QueryResult r = db.query("stats", "select count(*) as n, sum(n) as total, max(day) as last from big", "page.md", 1);
        assertThat(r.rows().get(0)).containsExactly(20_000L, 199_990_000L, LocalDate.of(2022, 9, 26));
    }

    @Test
    void fastDecimalParsingEqualsParseDouble() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        for (int k = 0; k < 200_000; k++) {
            long digits = random.nextLong(1, 1_000_000_000_000_000L);
            String s = Long.toString(digits);
            int point = random.nextInt(s.length() + 1);
            String text = (random.nextBoolean() ? "-" : "") + s.substring(0, point) + "." + s.substring(point);
            assertThat(CellSyntax.parseDecimal(text)).as(text).isEqualTo(Double.parseDouble(text));
        }
        for (String t : List.of("0.1", "16000.0", "-0.0", "+7", "5.", "-.5", "1e5", "2.5E-3", "12345678901234567890.5", "0.30000000000000004"))
            assertThat(CellSyntax.parseDecimal(t)).as(t).isEqualTo(Double.parseDouble(t));
    }

    @Test
    void aLateValueThatChangesATypeTriggersASecondPass() throws IOException {
        StringBuilder sb = new StringBuilder("n,label\n");
        for (int i = 0; i < 9000; i++) sb.append(i).append(",x\n");
        sb.append("2.5,y\n");
        Path p = csv("late.csv", sb.toString());
        CsvSchema schema = db.load(DatasetSpec.of("late", "late.csv"), p, "late.csv");
        assertThat(schema.passes()).isEqualTo(2);
        assertThat(schema.columns().get(0).type()).isEqualTo(ColumnType.DECIMAL);
        QueryResult r = db.query("s", "select count(*) as n, sum(n) as total, max(n) as top, typeof(max(n)) as t from late", "p.md", 1);
        assertThat(r.rows().get(0)).containsExactly(9001L, 40_495_502.5, 8999.0, "DOUBLE");

        Path ok = csv("ok.csv", sb.toString().replace("2.5", "7"));
        assertThat(db.load(DatasetSpec.of("ok", "ok.csv"), ok, "ok.csv").passes()).isEqualTo(1);
        assertThat(db.table("ok").rowCount()).isEqualTo(9001);
    }

    @Test
    void aFileWithLateErrorsLeavesNoTableBehind() throws IOException {
        StringBuilder sb = new StringBuilder("n,label\n");
        for (int i = 0; i < 9000; i++) sb.append(i).append(",x\n");
        Path bad = csv("d.csv", sb + "1,2,3\n");
        assertThatThrownBy(() -> db.load(DatasetSpec.of("d", "d.csv"), bad, "d.csv"))
                .hasMessageStartingWith("d.csv:9002:5: error: row has 3 fields, the header has 2");
        assertThat(db.tableNames()).doesNotContain("d");
        Path good = csv("d.csv", sb.toString());
        assertThat(db.load(DatasetSpec.of("d", "d.csv"), good, "d.csv").rowCount()).isEqualTo(9000);
        assertThat(db.table("d").rowCount()).isEqualTo(9000);
    }

    @Test
    void cellSyntaxRejectsNearMisses() {
        assertThat(Arrays.asList("1e5", "-.5", "5.", "+2")).allMatch(CellSyntax::isDecimal);
        assertThat(Arrays.asList("", "-", ".", "1,000", "1e", "NaN", "0x10", " 1")).noneMatch(CellSyntax::isDecimal);
        assertThat(CellSyntax.isoDate("2023-02-29")).isEqualTo(Integer.MIN_VALUE);
        assertThat(CellSyntax.isoDate("2024-02-29")).isEqualTo((int) LocalDate.of(2024, 2, 29).toEpochDay());
        assertThat(CellSyntax.isoDate("1900-03-01")).isEqualTo((int) LocalDate.of(1900, 3, 1).toEpochDay());
        assertThat(CellSyntax.usDate("13/1/2024")).isEqualTo(Integer.MIN_VALUE);
        assertThat(CellSyntax.usDate("12/31/24")).isEqualTo(Integer.MIN_VALUE);
        assertThat(CellSyntax.yearMonth("2024-13")).isEqualTo(Integer.MIN_VALUE);
        assertThat(CellSyntax.isoTimestampMicros("2024-01-02 25:00")).isEqualTo(Long.MIN_VALUE);
        assertThat(CellSyntax.isoTimestampMicros("2024-01-02 10:00:00.5")).isEqualTo(
                (LocalDateTime.of(2024, 1, 2, 10, 0).toEpochSecond(java.time.ZoneOffset.UTC)) * 1_000_000L + 500_000L);
    }

    @Test
    void aFewOddCellsInANumericColumnArePointedAtInTheCsv() throws IOException {
        DatasetSpec spec = new DatasetSpec("cuts", "data/cuts.csv", Map.of(), List.of(""), ',', "page.md", 3, 3);
        Path p = csv("cuts.csv", "company,people,note\nAcme,10,x\n\"Beta, Inc\",n/a,y\nGamma,30,z\nDelta,-,\nEta,n/a,\nTheta,70,\nIota,80,\n");
        assertThatThrownBy(() -> CsvLoader.scan(spec, p, "content/data/cuts.csv"))
                .isInstanceOfSatisfying(ContentException.class, e -> assertThat(e.diagnostics()).extracting(Diagnostic::format).containsExactly(
                        "content/data/cuts.csv:3:13: error: column 'people' holds numbers except 'n/a' here and 2 other cells, "
                                + "so the whole column was read as text\n  hint: if these mean 'no value', declare it in front matter: "
                                + "cuts: { path: data/cuts.csv, null: [\"n/a\", \"-\"] }; if the column is text, declare its type: "
                                + "types: { people: text }; or fix the cells"));
        // Either way out works: the markers as NULL give a numeric column, a declared text type keeps the text.
        QueryResult nulls = load(new DatasetSpec("n", "n.csv", Map.of(), List.of("", "n/a", "-"), ',', "page.md", 3, 3), Files.readString(p));
        assertThat(typeOf(nulls, "people")).isEqualTo(ColumnType.INTEGER);
        assertThat(nulls.values("people")).containsExactly(10L, null, 30L, null, null, 70L, 80L);
        QueryResult text = load(new DatasetSpec("x", "x.csv", Map.of("people", DeclaredType.parse("text").orElseThrow()), List.of(""),
                ',', "page.md", 3, 3), Files.readString(p));
        assertThat(typeOf(text, "people")).isEqualTo(ColumnType.TEXT);
    }

    @Test
    void oneOddCellInADateColumnIsPointedAt() throws IOException {
        Path p = csv("d.csv", "month,n\n2024-01,1\n2024-02,2\nsoon,3\n");
        assertThatThrownBy(() -> CsvLoader.scan(DatasetSpec.of("d", "d.csv"), p, "d.csv"))
                .isInstanceOfSatisfying(ContentException.class, e -> {
                    assertThat(e.diagnostics()).hasSize(1);
                    assertThat(e.diagnostics().get(0).location()).isEqualTo("d.csv:4:1");
                    assertThat(e.diagnostics().get(0).message()).isEqualTo("column 'month' holds dates except 'soon' here, so the whole column was read as text");
                    assertThat(e.diagnostics().get(0).hint()).startsWith("if 'soon' means 'no value', declare it in front matter: d: { path: d.csv, null: [\"soon\"] }")
                            .endsWith("or fix the cell");
                });
    }

    @Test
    void textColumnsThatHappenToHoldSomeNumbersStayText() throws IOException {
        // Varied words (names, notes) or as many words as numbers: text by nature, nothing to report.
        QueryResult r = load("a,b,c\n1,1,x\n2,n/a,y\nred,3,z\nblue,na,w\ngreen,none,v\nteal,6,u\n");
        assertThat(r.columns()).extracting(Column::type).containsExactly(ColumnType.TEXT, ColumnType.TEXT, ColumnType.TEXT);
    }

    @Test
    void declaredDatePatternsAreStrict() throws IOException {
        DatasetSpec spec = new DatasetSpec("s", "s.csv", Map.of("day", DeclaredType.parse("date:MMM d yyyy").orElseThrow(),
                "month", DeclaredType.parse("date:yyyy-MM").orElseThrow(), "at", DeclaredType.parse("timestamp:dd/MM/uuuu HH:mm").orElseThrow()),
                List.of(""), ',', "page.md", 3, 3);
        Path bad = csv("s.csv", "n,day,month,at\n1,Feb 29 2000,2001-02,29/02/2000 10:00\n2,Feb 30 2000,2001-13,30/02/2000 10:00\n3,Feb 29 2001,2001-12,01/01/2001 24:00\n");
        assertThatThrownBy(() -> CsvLoader.scan(spec, bad, "s.csv"))
                .isInstanceOfSatisfying(ContentException.class, e -> assertThat(e.diagnostics()).extracting(Diagnostic::location, Diagnostic::message)
                        .containsExactly(
                                org.assertj.core.groups.Tuple.tuple("s.csv:3:3", "column 'day': 'Feb 30 2000' is not a valid date:MMM d yyyy: there is no such day"),
                                org.assertj.core.groups.Tuple.tuple("s.csv:3:15", "column 'month': '2001-13' is not a valid date:yyyy-MM"),
                                org.assertj.core.groups.Tuple.tuple("s.csv:3:23", "column 'at': '30/02/2000 10:00' is not a valid timestamp:dd/MM/uuuu HH:mm: there is no such time"),
                                org.assertj.core.groups.Tuple.tuple("s.csv:4:3", "column 'day': 'Feb 29 2001' is not a valid date:MMM d yyyy: there is no such day"),
                                org.assertj.core.groups.Tuple.tuple("s.csv:4:23", "column 'at': '01/01/2001 24:00' is not a valid timestamp:dd/MM/uuuu HH:mm: there is no such time")));
        QueryResult ok = load(spec, "n,day,month,at\n1,Feb 29 2000,2001-02,29/02/2000 10:00\n2,dec 31 1999,1999-12,31/12/1999 23:59\n");
        assertThat(ok.rows().get(0)).containsExactly(1L, LocalDate.of(2000, 2, 29), LocalDate.of(2001, 2, 1), LocalDateTime.of(2000, 2, 29, 10, 0));
        assertThat(ok.rows().get(1)).containsExactly(2L, LocalDate.of(1999, 12, 31), LocalDate.of(1999, 12, 1), LocalDateTime.of(1999, 12, 31, 23, 59));
    }
}
