package io.datadesk.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvExportTest {

    @TempDir
    Path dir;

    private final QueryResult result = new QueryResult("r",
            List.of(new Column("name", ColumnType.TEXT), new Column("n", ColumnType.INTEGER), new Column("x", ColumnType.DECIMAL),
                    new Column("day", ColumnType.DATE), new Column("at", ColumnType.TIMESTAMP), new Column("ok", ColumnType.BOOLEAN)),
            List.of(Arrays.asList("Paris, \"France\"", 1234567L, 0.1 + 0.2, LocalDate.of(2024, 3, 1), LocalDateTime.of(2024, 3, 1, 10, 5), true),
                    Arrays.asList("multi\nline", -5L, 16000.0, null, null, null),
                    Arrays.asList("é", 0L, 1e21, null, null, false)));

    @Test
    void writesRfc4180WithPlainNumbersAndIsoDates() {
        assertThat(CsvExport.toCsv(result)).isEqualTo("name,n,x,day,at,ok\r\n"
                + "\"Paris, \"\"France\"\"\",1234567,0.3,2024-03-01,2024-03-01 10:05,true\r\n"
                + "\"multi\nline\",-5,16000,,,\r\n"
                + "é,0,1000000000000000000000,,,false\r\n");
        assertThat(CsvExport.toBytes(result)).isEqualTo(CsvExport.toCsv(result).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void numbersKeepFifteenSignificantDigits() {
        assertThat(CsvExport.number(0.15)).isEqualTo("0.15");
        assertThat(CsvExport.number(1.0 / 3)).isEqualTo("0.333333333333333");
        assertThat(CsvExport.number(-2.5e-7)).isEqualTo("-0.00000025");
        assertThat(CsvExport.number(123456789012.345)).isEqualTo("123456789012.345");
        assertThat(CsvExport.number(-0.0)).isEqualTo("0");
    }

    @Test
    void exportedCsvLoadsBackToTheSameValues() throws Exception {
        Path file = dir.resolve("r.csv");
        Files.write(file, CsvExport.toBytes(result));
        try (PageDatabase db = PageDatabase.open()) {
            db.load(DatasetSpec.of("r", "r.csv"), file, "r.csv");
            QueryResult back = db.query("back", "select * from r", "p.md", 1);
            assertThat(back.columns()).isEqualTo(result.columns());
            assertThat(back.rows()).isEqualTo(List.of(
                    Arrays.asList("Paris, \"France\"", 1234567L, 0.3, LocalDate.of(2024, 3, 1), LocalDateTime.of(2024, 3, 1, 10, 5), true),
                    Arrays.asList("multi\nline", -5L, 16000.0, null, null, null),
                    Arrays.asList("é", 0L, 1e21, null, null, false)));
        }
    }
}
