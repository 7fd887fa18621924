package io.datadesk.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The real layoffs.fyi file: the yearly totals the flagship report quotes must come out exactly. */
class LayoffsDataTest {

    // In CI the repository is cloned next to shared/; the flagship report keeps its own copy under content/.
    static Path layoffsCsv() {
        List<Path> candidates = List.of(Path.of("..", "shared", "data", "layoffs_fyi.csv"),
                Path.of("content", "ai-job-cuts", "data", "layoffs_fyi.csv"));
        return candidates.stream().filter(Files::isRegularFile).findFirst().orElseThrow(() -> new AssertionError(
                "layoffs_fyi.csv not found; looked in " + candidates.stream().map(p -> p.toAbsolutePath().normalize().toString()).toList()
                        + " (clone the repository next to shared/, or add the flagship report's data)"));
    }

    @Test
    void yearlyTotalsOfTotalLaidOff() {
        Path csv = layoffsCsv();
        try (PageDatabase db = PageDatabase.open()) {
            CsvSchema schema = db.load(DatasetSpec.of("layoffs", "data/layoffs_fyi.csv"), csv, "data/layoffs_fyi.csv");
            assertThat(schema.columns()).contains(new Column("total_laid_off", ColumnType.DECIMAL), new Column("date", ColumnType.DATE),
                    new Column("percentage_laid_off", ColumnType.DECIMAL), new Column("company", ColumnType.TEXT));
            QueryResult yearly = db.query("yearly", """
                    select year(date) as year, sum(total_laid_off) as laid_off
                    from layoffs where year(date) between 2020 and 2025 group by 1 order by 1""", "content/ai-job-cuts/index.md", 10);
            assertThat(yearly.rows().stream().map(r -> ((Long) r.get(0)) + ": " + Math.round((Double) r.get(1))))
                    .containsExactly("2020: 80998", "2021: 15823", "2022: 165269", "2023: 264320", "2024: 152922", "2025: 123941");
            assertThat(Stream.of(yearly.values("laid_off").toArray()).allMatch(v -> (Double) v == Math.rint((Double) v))).isTrue();
        }
    }
}
