package io.datadesk.data;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Benchmark (not a test): generates a synthetic CSV (date, category, number, text), loads it as a page does
 * ({@link PageDatabase#load}: DuckDB's own reader for a big file, see {@link CsvFastPath}, else {@link CsvLoader}
 * and DuckDB's Appender), runs a group-by, and prints the time of each step and the peak heap. Run it with
 * {@code bench/data-load.sh}; {@code -Ddatadesk.bench.usual=true} loads through CsvLoader, for comparison.
 */
public final class DataLoadBenchmark {

    public static void main(String[] args) throws IOException {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        // Wall times mean little on a machine busy with other work: say how busy it is, and print CPU time too.
        System.out.printf(Locale.ROOT, "cores %d, load average %.1f%n", Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        Path dir = Files.createTempDirectory("datadesk-bench");
        Path csv = dir.resolve("synthetic.csv");
        try {
            long t0 = System.nanoTime();
            generate(csv, rows);
            long t1 = System.nanoTime();
            System.out.printf(Locale.ROOT, "generate %,d rows (%.1f MB): %d ms (not counted)%n", rows, Files.size(csv) / 1e6, ms(t0, t1));

            long s0 = System.nanoTime();
                        try (PageDatabase db = PageDatabase.open()) {
                long s1 = System.nanoTime();
                long c1 = cpu();
                long m1 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                DatasetSpec spec = DatasetSpec.of("sales", csv.toString());
                CsvSchema schema = Boolean.getBoolean("datadesk.bench.usual")
                        ? db.load(spec, csv, "synthetic.csv", Long.MAX_VALUE) : db.load(spec, csv, "synthetic.csv");
                long s3 = System.nanoTime();
                long m3 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                QueryResult r = db.query("by_category", """
                        select category, year(date) as year, count(*) as n, sum(amount) as total, avg(amount) as mean
                        from sales group by all order by category, year""", "bench.md", 1);
                long s4 = System.nanoTime();
                long c4 = cpu();
                System.out.printf(Locale.ROOT, "open DuckDB (first connection): %d ms (not counted)%n", ms(s0, s1));
                System.out.printf(Locale.ROOT, "columns: %s%n", schema.columns());
                System.out.printf(Locale.ROOT, "load (parse, infer, convert; %d pass%s): %d ms%n", schema.passes(),
                        schema.passes() == 1 ? "" : "es", ms(s1, s3));
                System.out.printf(Locale.ROOT, "  of which CPU in the loading thread: %d ms%n", ms(m1, m3));
                System.out.printf(Locale.ROOT, "group-by (%d result rows):      %d ms%n", r.rowCount(), ms(s3, s4));
                System.out.printf(Locale.ROOT, "load + aggregate:               %d ms (target <= 1000); process CPU time %d ms%n",
                        ms(s1, s4), ms(c1, c4));
            }
            System.out.printf(Locale.ROOT, "peak heap used (sum of pool peaks): %.0f MiB (target <= 512; max heap %.0f MiB)%n",
                    peakHeap() / 1048576.0, Runtime.getRuntime().maxMemory() / 1048576.0);
        } finally {
            Files.deleteIfExists(csv);
            Files.deleteIfExists(dir);
        }
    }

    private static void generate(Path csv, int rows) throws IOException {
        String[] categories = {"Retail", "Tech", "Finance", "Health", "Media", "Transport", "Energy", "Food"};
        String[] words = {"alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet"};
        SplittableRandom random = new SplittableRandom(42);
        LocalDate start = LocalDate.of(2015, 1, 1);
        try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            w.write("date,category,amount,note\n");
            StringBuilder sb = new StringBuilder(64);
            for (int i = 0; i < rows; i++) {
                sb.setLength(0);
                sb.append(start.plusDays(random.nextInt(4000))).append(',')
                        .append(categories[random.nextInt(categories.length)]).append(',')
                        .append(random.nextInt(1_000_000) / 100.0).append(',');
                String note = words[random.nextInt(words.length)] + ' ' + words[random.nextInt(words.length)];
                // every 50th row exercises RFC 4180 quoting: a comma and doubled quotes inside a quoted value
                if (i % 50 == 0) sb.append("\"").append(note).append(", \"\"quoted\"\"\"");
                else sb.append(note);
                String line = sb.append('\n').toString();
                w.write(line);
            }
        }
    }

    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans())
            if (pool.getType() == MemoryType.HEAP) sum += pool.getPeakUsage().getUsed();
        return sum;
    }

    private static long ms(long from, long to) {
        return (to - from) / 1_000_000;
    }
}
