package io.datadesk.data;

import io.datadesk.error.Diagnostic;
import io.datadesk.error.Diagnostics;
import io.datadesk.yaml.YamlNode;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A dataset that is the result of a query run in a database over JDBC:
 *
 * <pre>
 * data:
 *   orders:
 *     jdbc: jdbc:postgresql://localhost:5432/shop
 *     user: { env: SHOP_USER }
 *     password: { env: SHOP_PASSWORD }
 *     query: select region, month, sum(amount) as amount from orders group by 1, 2
 *     refresh: 1h             # reuse the last result for this long (default 1h; 'never': only with --refresh)
 *     timeout: 60s            # the query's time limit (default 60s)
 *     connect_timeout: 10s    # connecting and logging in (default 10s)
 * </pre>
 *
 * Credentials come only from environment variables, so that they are never in a file that is committed, published
 * or cached; a URL with a password in it is refused.
 *
 * @param user     where the user name comes from, or null (the driver's default, e.g. Kerberos or a URL option)
 * @param password where the password comes from, or null
 * @param refresh  how long a cached result is used before the query runs again; null: until {@code --refresh}
 */
public record JdbcSpec(String url, EnvRef user, EnvRef password, String query, Duration refresh, Duration timeout,
                       Duration connectTimeout, At urlAt, At queryAt) {

    static final List<String> KEYS = List.of("jdbc", "user", "password", "query", "refresh", "timeout", "connect_timeout", "source");
    public static final Duration DEFAULT_REFRESH = Duration.ofHours(1);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");
    private static final Pattern SECRET_IN_URL = Pattern.compile("(?i)[?&;:](password|pwd|passwd|secret|token|private_?key[a-z_]*)=");

    /** A place in front matter, for messages. */
    public record At(String file, int line, int column) {
        static At of(YamlNode n) {
            return new At(n.file(), n.line(), n.column());
        }

        public Diagnostic error(String message, String hint) {
            return new Diagnostic(file, line, column, message, hint);
        }
    }

    /** A value read from environment variable {@code variable}, declared at {@code at}. */
    public record EnvRef(String variable, At at) {}

    static JdbcSpec parse(String name, Map<String, YamlNode> options, YamlNode keyNode, Diagnostics problems) {
        YamlNode urlNode = options.get("jdbc");
        String url = problems.collect(() -> urlNode.asString("jdbc").trim());
        if (url != null) {
            if (!url.startsWith("jdbc:")) {
                problems.add(urlNode.error("'" + url + "' is not a JDBC URL", "write e.g. jdbc:postgresql://HOST:5432/DATABASE"));
            } else if (SECRET_IN_URL.matcher(url).find()) {
                // No echo of the URL: it holds a secret.
                problems.add(urlNode.error("the JDBC URL of dataset '" + name + "' holds a password or other secret",
                        "remove it from the URL and write password: { env: VARIABLE }; credentials only come from environment variables"));
                url = null;
            } else if (url.toLowerCase(Locale.ROOT).startsWith("jdbc:duckdb:")) {
                problems.add(urlNode.error("a JDBC dataset cannot be a DuckDB database",
                        "declare the files themselves under 'data:' (CSV, TSV, JSON, NDJSON, Parquet)"));
            }
        }
        EnvRef user = options.containsKey("user") ? problems.collect(() -> envRef(options.get("user"), "user")) : null;
        EnvRef password = options.containsKey("password") ? problems.collect(() -> envRef(options.get("password"), "password")) : null;
        String query = null;
        At queryAt = At.of(keyNode);
        if (!options.containsKey("query")) {
            problems.add(keyNode.error("dataset '" + name + "' has 'jdbc' but no 'query'",
                    "add 'query: select …': it runs in the database, and its result is the table '" + name + "'"));
        } else {
            YamlNode q = options.get("query");
            queryAt = At.of(q);
            query = problems.collect(() -> q.asString("query").strip());
            if (query != null && query.isEmpty()) {
                problems.add(q.error("the query of dataset '" + name + "' is empty", "write the SELECT that the database should run"));
                query = null;
            }
        }
        Duration refresh = DEFAULT_REFRESH;
        if (options.containsKey("refresh")) {
            YamlNode r = options.get("refresh");
            String text = problems.collect(() -> r.asString("refresh"));
            refresh = text == null || text.trim().equalsIgnoreCase("never") ? null : problems.collect(() -> duration(r, "refresh"));
        }
        Duration timeout = options.containsKey("timeout") ? problems.collect(() -> duration(options.get("timeout"), "timeout")) : DEFAULT_TIMEOUT;
        Duration connect = options.containsKey("connect_timeout")
                ? problems.collect(() -> duration(options.get("connect_timeout"), "connect_timeout")) : DEFAULT_CONNECT_TIMEOUT;
        // JDBC counts query time-outs in whole seconds
        if (timeout != null && timeout.toMillis() < 1000)
            problems.add(options.get("timeout").error("'timeout' must be at least 1s", "write e.g. timeout: 30s"));
        if (connect != null && connect.toMillis() < 1000)
            problems.add(options.get("connect_timeout").error("'connect_timeout' must be at least 1s", "write e.g. connect_timeout: 10s"));
        if (url == null || query == null) return null;
        return new JdbcSpec(url, user, password, query, refresh, timeout, connect, At.of(urlNode), queryAt);
    }

    private static EnvRef envRef(YamlNode node, String key) {
        if (node.isMap()) {
            Map<String, YamlNode> m = node.asMap(key);
            if (m.size() == 1 && m.containsKey("env")) {
                String variable = m.get("env").asString("env").trim();
                if (variable.matches("[A-Za-z_][A-Za-z0-9_]*")) return new EnvRef(variable, At.of(m.get("env")));
                throw m.get("env").fail("'" + variable + "' is not an environment variable name", "write e.g. " + key + ": { env: SHOP_" + key.toUpperCase(Locale.ROOT) + " }");
            }
        }
        // Never echo the value: it may be the secret itself.
        throw node.fail("'" + key + "' must name an environment variable",
                "write " + key + ": { env: SHOP_" + key.toUpperCase(Locale.ROOT) + " } and set that variable before building; "
                        + "credentials are never written in pages");
    }

    /** {@code 90s}, {@code 10m}, {@code 1h}, {@code 2d}, {@code 500ms}, or {@code 0}. */
    static Duration duration(YamlNode node, String key) {
        String text = node.asString(key).trim().toLowerCase(Locale.ROOT);
        if (text.equals("0")) return Duration.ZERO;
        Matcher m = DURATION.matcher(text);
        if (!m.matches()) throw node.fail("'" + text + "' is not a duration", "write a number and a unit: 30s, 10m, 1h or 2d"
                + (key.equals("refresh") ? "; or 'never' (refresh only with datadesk build --refresh), or 0 (every build)" : ""));
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }
}
