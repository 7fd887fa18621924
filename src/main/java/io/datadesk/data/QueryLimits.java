package io.datadesk.data;

import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * How far one page's SQL may go: how long a query may run, how much memory and how many threads DuckDB may use, and
 * how many rows a query may hand to the page. Without them a recursive query with no end runs for ever and a
 * 200-million-row result fills the memory of the machine.
 *
 * @param timeout     the longest a query may run before it is stopped with a located error
 * @param memoryBytes DuckDB's memory limit for one page's database (DuckDB's own default is 80 % of the RAM)
 * @param threads     DuckDB's worker threads for one page's database
 * @param maxRows     the most rows a query (or a dataset read whole, as a chart does) may return to the page
 */
public record QueryLimits(Duration timeout, long memoryBytes, int threads, int maxRows) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    public static final int DEFAULT_MAX_ROWS = 100_000;
    private static final long MIB = 1024L * 1024;

    public QueryLimits {
        if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("timeout must be positive");
        if (memoryBytes < 64 * MIB) throw new IllegalArgumentException("memory limit below 64 MiB");
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1");
        if (maxRows < 1) throw new IllegalArgumentException("maxRows must be at least 1");
    }

    /** The defaults, from this machine: a quarter of its memory (at most 4 GiB, at least 256 MiB) and all its cores. */
    public static QueryLimits machineDefaults() {
        return new QueryLimits(DEFAULT_TIMEOUT, defaultMemory(), defaultThreads(), DEFAULT_MAX_ROWS);
    }

    public static long defaultMemory() {
        // Read once per process: the operating system's figure is read from /proc (and the cgroup) on every call, and
        // serve asks for it on every save of a page with data (a sixtieth of a prose edit's samples).
        long known = defaultMemory;
        if (known > 0) return known;
        long total = 0;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os)
            total = os.getTotalMemorySize();
        if (total <= 0) total = 4096 * MIB;
        return defaultMemory = Math.max(256 * MIB, Math.min(4096 * MIB, total / 4));
    }

    private static volatile long defaultMemory;

    public static int defaultThreads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    /** DuckDB's spelling of the memory limit, in whole MiB. */
    String duckMemory() {
        return (memoryBytes / MIB) + "MiB";
    }
}
