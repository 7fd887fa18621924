package io.datadesk.data;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark (not a test): a Parquet dataset of 10,000,000 rows (date, category, amount, note) loaded into a page's
 * database and grouped by one column, beside the same work on a CSV file (1,000,000 rows by default: the CSV loader's
 * own benchmark size) and on a Parquet file of the CSV's rows, for a like-for-like ratio. Runs are interleaved
 * (Parquet, CSV, Parquet, CSV…) so that a busy machine slows all of them alike; medians are printed.
 * Run it with {@code bench/parquet.sh [PARQUET_ROWS [CSV_ROWS [ROUNDS]]]}.
 */
public final class ParquetBenchmark {

    private static final String GROUP = "select category, count(*) as n, sum(amount) as total from sales group by category order by category";

    public static void main(String[] args) throws Exception {
        long bigRows = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
        long csvRows = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000L;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        System.out.printf(Locale.ROOT, "cores %d, load average %.1f%n", Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        Path dir = Files.createTempDirectory("datadesk-parquet-bench");
        Path big = dir.resolve("big.parquet"), small = dir.resolve("small.parquet"), csv = dir.resolve("small.csv");
        try {
            long t0 = System.nanoTime();
            generate(big, bigRows, "parquet");
            generate(small, csvRows, "parquet");
            generate(csv, csvRows, "csv");
            System.out.printf(Locale.ROOT, "generate files: %d ms (not counted); %s %.1f MB, %s %.1f MB, %s %.1f MB%n", ms(t0, System.nanoTime()),
                    big.getFileName(), Files.size(big) / 1e6, small.getFileName(), Files.size(small) / 1e6, csv.getFileName(), Files.size(csv) / 1e6);
            try (PageDatabase warm = PageDatabase.open()) { // DuckDB's first start (native library) is not what we measure
                warm.query("w", "select 1 as x", "bench.md", 1);
            }
            List<Long> bigTimes = new ArrayList<>(), smallTimes = new ArrayList<>(), csvTimes = new ArrayList<>();
            List<Long> bigCpu = new ArrayList<>(), smallCpu = new ArrayList<>(), csvCpu = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                long c = cpu();
                bigTimes.add(run(big, "sales.parquet", bigRows));
                bigCpu.add(ms(c, c = cpu()));
                csvTimes.add(run(csv, "sales.csv", csvRows));
                csvCpu.add(ms(c, c = cpu()));
                smallTimes.add(run(small, "sales.parquet", csvRows));
                smallCpu.add(ms(c, cpu()));
            }
            System.out.printf(Locale.ROOT, "%nload + group by one column, median of %d interleaved runs (all runs):%n", rounds);
            System.out.printf(Locale.ROOT, "  Parquet %,11d rows: %6d ms %s, process CPU %d ms   (target <= 1000 ms)%n", bigRows,
                    median(bigTimes), bigTimes, median(bigCpu));
            System.out.printf(Locale.ROOT, "  CSV     %,11d rows: %6d ms %s, process CPU %d ms%n", csvRows, median(csvTimes), csvTimes, median(csvCpu));
            System.out.printf(Locale.ROOT, "  Parquet %,11d rows: %6d ms %s, process CPU %d ms   (same rows as the CSV: %.1fx faster)%n", csvRows,
                    median(smallTimes), smallTimes, median(smallCpu), median(csvTimes) / (double) Math.max(1, median(smallTimes)));
            // On a busy machine wall time measures the other work too; CPU time divided by the cores is what an
            // idle machine would take at best.
            System.out.printf(Locale.ROOT, "  (idle-machine estimate for the 10M-row Parquet run: CPU / %d cores = %d ms)%n",
                    Runtime.getRuntime().availableProcessors(), median(bigCpu) / Runtime.getRuntime().availableProcessors());
        } finally {
            for (Path p : List.of(big, small, csv)) Files.deleteIfExists(p);
            Files.deleteIfExists(dir);
        }
    }

    /** One page's work: open its database, load the dataset, group. Returns milliseconds after the open. */
    private static long run(Path file, String declared, long rows) {
        try (PageDatabase db = PageDatabase.open()) {
            long s = System.nanoTime();
            db.load(DatasetSpec.of("sales", declared), file, declared);
            QueryResult r = db.query("by_category", GROUP, "bench.md", 1);
            long took = ms(s, System.nanoTime());
            long n = r.values("n").stream().mapToLong(v -> (Long) v).sum();
            if (n != rows) throw new IllegalStateException("counted " + n + " rows, expected " + rows);
            return took;
        }
    }

    private static void generate(Path file, long rows, String format) throws Exception {
        String select = "select date '2015-01-01' + (hash(i) % 4000)::int as date,"
                + " ['Retail','Tech','Finance','Health','Media','Transport','Energy','Food'][1 + (hash(i * 7) % 8)::int] as category,"
                + " (hash(i * 13) % 100000000) / 100.0 as amount,"
                + " ['alpha','bravo','charlie','delta','echo'][1 + (hash(i * 17) % 5)::int] || ' ' || (i % 1000) as note"
                + " from range(" + rows + ") t(i)";
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("COPY (" + select + ") TO '" + file.toString().replace("'", "''") + "' (FORMAT " + format + ")");
        }
    }

    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static long median(List<Long> xs) {
        List<Long> sorted = new ArrayList<>(xs);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static long ms(long from, long to) {
        return (to - from) / 1_000_000;
    }
}
