package io.datadesk.config;

import io.datadesk.error.Diagnostics;
import io.datadesk.yaml.YamlNode;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bounds of one build, from {@code datadesk.yaml}: how long a query may run, how much memory and how many
 * threads DuckDB may use for a page, how many rows a query may hand to a page and how many points a chart may draw.
 * Every one has a default, so a site needs none of these keys; they exist for the site whose data is large.
 *
 * @param memoryBytes DuckDB's memory limit per page, or 0 for the default (a quarter of the machine's memory,
 *     between 256 MiB and 4 GiB)
 * @param threads     DuckDB's threads per page, or 0 for the default (every core)
 */
public record Limits(Duration queryTimeout, long memoryBytes, int threads, int maxRows, int maxChartPoints) {

    public static final Duration DEFAULT_QUERY_TIMEOUT = Duration.ofSeconds(60);
    public static final int DEFAULT_MAX_ROWS = 100_000;
    public static final int DEFAULT_MAX_CHART_POINTS = 20_000;
    static final java.util.List<String> KEYS = java.util.List.of("query_timeout", "memory_limit", "threads", "max_rows", "max_chart_points");

    public static Limits defaults() {
        return new Limits(DEFAULT_QUERY_TIMEOUT, 0, 0, DEFAULT_MAX_ROWS, DEFAULT_MAX_CHART_POINTS);
    }

    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|min|h)?");
    private static final Pattern SIZE = Pattern.compile("(\\d{1,12}(?:\\.\\d+)?)\\s*(b|kb|kib|mb|mib|gb|gib|tb|tib)", Pattern.CASE_INSENSITIVE);

    /** Reads the limit keys of the site settings; problems are added to {@code problems}, with their line. */
    static Limits read(Map<String, YamlNode> map, Diagnostics problems) {
        Limits d = defaults();
        Duration timeout = problems.collect(() -> duration(map.get("query_timeout"), d.queryTimeout()));
        Long memory = problems.collect(() -> size(map.get("memory_limit")));
        Integer threads = problems.collect(() -> count(map.get("threads"), 0, 1, 1024, "threads"));
        Integer rows = problems.collect(() -> count(map.get("max_rows"), d.maxRows(), 1, 100_000_000, "max_rows"));
        Integer points = problems.collect(() -> count(map.get("max_chart_points"), d.maxChartPoints(), 2, 10_000_000, "max_chart_points"));
        return new Limits(timeout == null ? d.queryTimeout() : timeout, memory == null ? 0 : memory, threads == null ? 0 : threads,
                rows == null ? d.maxRows() : rows, points == null ? d.maxChartPoints() : points);
    }

    private static Duration duration(YamlNode n, Duration fallback) {
        if (n == null || n.isNull()) return fallback;
        String text = n.asString("query_timeout").trim().toLowerCase(Locale.ROOT);
        Matcher m = DURATION.matcher(text);
        if (!m.matches() || Long.parseLong(m.group(1)) == 0)
            throw n.fail("query_timeout must be a positive time such as 30s, 2m or 1h, not '" + text + "'", "a number alone is seconds");
        long v = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        Duration t = switch (unit) {
            case "ms" -> Duration.ofMillis(v);
            case "m", "min" -> Duration.ofMinutes(v);
            case "h" -> Duration.ofHours(v);
            default -> Duration.ofSeconds(v);
        };
        if (t.toMillis() < 1000) throw n.fail("query_timeout must be at least 1s, not '" + text + "'", "the time-out is counted in whole seconds");
        return t;
    }

    private static Long size(YamlNode n) {
        if (n == null || n.isNull()) return 0L;
        String text = n.asString("memory_limit").trim();
        if (text.equalsIgnoreCase("auto")) return 0L;
        Matcher m = SIZE.matcher(text);
        if (!m.matches())
            throw n.fail("memory_limit must be a size such as 512MB or 2GB, or auto, not '" + text + "'", "units: MB, GB (or MiB, GiB)");
        double v = Double.parseDouble(m.group(1));
        long unit = switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "b" -> 1L;
            case "kb" -> 1000L;
            case "kib" -> 1024L;
            case "mb" -> 1000L * 1000;
            case "mib" -> 1024L * 1024;
            case "gb" -> 1000L * 1000 * 1000;
            case "gib" -> 1024L * 1024 * 1024;
            case "tb" -> 1000L * 1000 * 1000 * 1000;
            default -> 1024L * 1024 * 1024 * 1024;
        };
        long bytes = (long) Math.min(Long.MAX_VALUE / 2.0, v * unit);
        if (bytes < 64L * 1024 * 1024) throw n.fail("memory_limit must be at least 64MB, not '" + text + "'", "DuckDB needs some memory for any query");
        return bytes;
    }

    private static Integer count(YamlNode n, int fallback, int min, int max, String key) {
        if (n == null || n.isNull()) return fallback;
        if (key.equals("threads") && n.isScalar() && n.asString(key).trim().equalsIgnoreCase("auto")) return 0;
        int v = n.asInt(key);
        if (v < min || v > max) throw n.fail(String.format(Locale.ROOT, "%s must be between %,d and %,d, not %,d", key, min, max, v), "");
        return v;
    }
}
