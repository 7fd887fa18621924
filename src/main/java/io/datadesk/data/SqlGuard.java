package io.datadesk.data;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a {@code sql} block may be, checked before it runs: one query, not too deeply nested, using no function that
 * reveals the machine. Statements are told apart by DuckDB's own parser ({@code json_serialize_sql}), never by
 * scanning text: DuckDB's lexer knows {@code $$…$$}, {@code E'…'} and every other quoting, while a hand-written
 * scanner always lags behind (one let {@code select $$'$$ as v; drop table d; …} run a second statement).
 */
final class SqlGuard {

    /**
     * The deepest nesting of brackets a query may have. DuckDB's parser recurses once per level and, on a Java
     * thread's stack, dies with SIGSEGV somewhere between 600 and 900 levels, killing the JVM without a word; so the
     * depth is counted before any parser sees the text. Real queries stay far below: a dozen levels is a lot.
     */
    static final int MAX_NESTING = 100;
    /** DuckDB's own expression-depth check (it also covers {@code NOT NOT …} and {@code 1+1+…}), set below the crash. */
    static final int MAX_EXPRESSION_DEPTH = 250;

    /**
     * Functions that reveal the machine rather than the data: settings (temporary and home folders, memory), the
     * environment, the platform, and functions that run SQL from a string (which would run past this check). Also
     * every name starting with one of {@link #REFUSED_PREFIXES}: DuckDB's catalogue of settings, databases (with
     * their paths), files, extensions and secrets, and the SQL-standard and SQLite catalogues, whose view definitions
     * hold the absolute path of every Parquet file (see {@link ParquetLoader}).
     */
    private static final Set<String> REFUSED = Set.of("current_setting", "getenv", "getvariable", "query", "query_table",
            "json_serialize_sql", "json_deserialize_sql", "json_execute_serialized_sql", "json_serialize_plan", "which_secret",
            "glob", "sniff_csv", "version", "platform");
    private static final List<String> REFUSED_PREFIXES = List.of("duckdb_", "pragma_", "pg_", "information_schema", "sqlite_");
    private static final Pattern NAMES = Pattern.compile("\"(?:function_name|table_name|schema_name)\":\"((?:[^\"\\\\]|\\\\.)*)\"");
    static final String MORE_THAN_ONE = "the block holds more than one SQL statement";
    private static final String ONE_QUERY = "a ```sql block holds one query (SELECT, WITH, FROM, PIVOT…); it cannot change tables or "
            + "settings, and the next query goes in its own ```sql NAME block";
    private static final String ONCE = "SELECT * FROM (\n";
    private static final String TWICE = "SELECT * FROM ((\n";

    private SqlGuard() {}

    /** A problem with a block: what is wrong, where (a character offset into the block, or -1), and what to do. */
    record Problem(String message, int position, String hint) {}

    /** Where nesting first goes deeper than {@link #MAX_NESTING} (a character offset), or -1. */
    static int tooDeep(String sql) {
        int depth = 0;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '(' || c == '[' || c == '{') {
                if (++depth > MAX_NESTING) return i;
            } else if ((c == ')' || c == ']' || c == '}') && depth > 0) depth--;
        }
        return -1;
    }

    /**
     * Checks {@code sql} (one block, trailing semicolons removed); null when it may run.
     *
     * <p>The block is parsed inside one and inside two levels of parentheses. Its tokens are the same in both (each
     * wrapper ends in a line break), so a ';' that ended the first wrapper's subquery would sit inside the second's
     * parentheses, a syntax error there: when both parse, the block is exactly one statement.
     */
    static Problem check(Connection connection, String sql) throws SQLException {
        try (Parser parser = new Parser(connection)) {
            return check(parser, sql);
        }
    }

    /**
     * Verdicts by block text, for the whole process: the verdict depends on the text alone (DuckDB's parser and the
     * lists above), and pages made from one template, both editions of a translated page, and serve's rebuilds run
     * the same blocks again. Bounded, least recently used first out.
     */
    private static final Map<String, Optional<Problem>> CHECKED = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Optional<Problem>> eldest) {
            return size() > 1024;
        }
    });

    /** As {@link #check(Connection, String)}, with a parser that a page's database keeps for all its blocks. */
    static Problem check(Parser parser, String sql) throws SQLException {
        Optional<Problem> known = CHECKED.get(sql);
        if (known != null) return known.orElse(null);
        Problem problem = parse(parser, sql);
        CHECKED.put(sql, Optional.ofNullable(problem));
        return problem;
    }

    private static Problem parse(Parser parser, String sql) throws SQLException {
        int deep = tooDeep(sql);
        if (deep >= 0)
            return new Problem("the query nests brackets more than " + MAX_NESTING + " levels deep", deep,
                    "split it into several ```sql blocks, each reading the one before it by name");
        String[] both = parser.serialize(ONCE + sql + "\n)", TWICE + sql + "\n))");
        String once = both[0];
        if (isError(once) && !notImplemented(once)) {
            String message = field(once, "error_message");
            String at = field(once, "position");
            int position = -1;
            try {
                if (at != null) position = Math.min(sql.length(), Math.max(-1, Integer.parseInt(at) - ONCE.length()));
            } catch (NumberFormatException e) {
                // no position: the block's first line is reported
            }
            if ("syntax error at or near \";\"".equals(message) && position >= 0) {
                // A ';' inside the block: fine if it only ends the one statement (comments may follow it).
                String alone = parser.serialize(sql, "")[0];
                if (!isError(alone) && topLevelStatements(alone) == 1) return refusedFunction(sql, alone);
                int next = position + 1;
                while (next < sql.length() && (Character.isWhitespace(sql.charAt(next)) || sql.charAt(next) == ';')) next++;
                return new Problem(MORE_THAN_ONE, Math.min(next, sql.length()), ONE_QUERY);
            }
            return new Problem(message == null ? "the query cannot be read" : message, position,
                    "a ```sql block holds one query (SELECT, WITH, FROM, PIVOT…)");
        }
        String twice = both[1];
        boolean single = isError(twice) ? notImplemented(twice) : topLevelStatements(twice) == 1;
        if (!single || !isError(once) && topLevelStatements(once) != 1)
            return new Problem(MORE_THAN_ONE, -1, ONE_QUERY);
        if (isError(once)) {
            // Parsed, but not a SELECT that DuckDB can serialize: a PIVOT over the values found in the data. Its
            // function names cannot be read from the parser here, so the text is searched (refusing too much at worst).
            String lower = sql.toLowerCase(Locale.ROOT);
            for (String prefix : REFUSED_PREFIXES) if (lower.contains(prefix)) return refusedName(sql, prefix);
            for (String name : REFUSED)
                if (Pattern.compile("\\b" + name + "\\s*\\(").matcher(lower).find()) return refusedName(sql, name);
            return null;
        }
        return refusedFunction(sql, once);
    }

    /** The first function or table the parsed query ({@code json}) uses that {@link #refused} names, or null. */
    private static Problem refusedFunction(String sql, String json) {
        Matcher m = NAMES.matcher(json);
        while (m.find()) {
            if (refused(m.group(1).toLowerCase(Locale.ROOT))) return refusedName(sql, m.group(1));
        }
        return null;
    }

    static boolean refused(String name) {
        return REFUSED.contains(name) || REFUSED_PREFIXES.stream().anyMatch(name::startsWith);
    }

    private static Problem refusedName(String sql, String name) {
        return new Problem("'" + name + "' is not available in datadesk queries", sql.toLowerCase(Locale.ROOT).indexOf(name.toLowerCase(Locale.ROOT)),
                "it shows the computer the site is built on, not your data: pages publish only what the data says");
    }

    private static boolean isError(String json) {
        return json.startsWith("{\"error\":true");
    }

    private static boolean notImplemented(String json) {
        return json.contains("\"error_type\":\"not implemented\"");
    }

    /** A string field of DuckDB's error JSON, which is one flat object. */
    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(json);
        if (!m.find()) return null;
        return m.group(1).replace("\\\"", "\"").replace("\\\\", "\\");
    }

    /**
     * DuckDB's parser, as {@code json_serialize_sql}: one prepared statement per page's database that parses two texts
     * in one call (the block in one and in two levels of parentheses), since a round trip into DuckDB costs more
     * than the parsing.
     */
    static final class Parser implements AutoCloseable {
        private final Connection connection;
        private PreparedStatement statement;

        Parser(Connection connection) {
            this.connection = connection;
        }

        /** DuckDB's JSON for each of the two texts. */
        String[] serialize(String first, String second) throws SQLException {
            if (statement == null || statement.isClosed()) // a failed statement is closed by the driver
                statement = connection.prepareStatement("SELECT json_serialize_sql(?::VARCHAR), json_serialize_sql(?::VARCHAR)");
            statement.setString(1, first);
            statement.setString(2, second);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return new String[] {rs.getString(1), rs.getString(2)};
            }
        }

        @Override
        public void close() throws SQLException {
            if (statement != null) statement.close();
        }
    }

    /**
     * The number of elements of the top-level {@code "statements"} array of DuckDB's JSON. Hand-written rather than a
     * JSON library (none is a dependency, and it is one loop): it only tracks strings and bracket depth.
     */
    static int topLevelStatements(String json) {
        String key = "\"statements\":[";
        int start = json.indexOf(key);
        if (start < 0) return 0;
        int depth = 0, count = 0;
        boolean inString = false;
        for (int i = start + key.length(); i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                if (c == '\\') i++;
                else if (c == '"') inString = false;
            } else if (c == '"') inString = true;
            else if (c == '{' || c == '[') {
                if (depth++ == 0) count++;
            } else if (c == '}' || c == ']') {
                if (depth-- == 0) break; // the end of the statements array
            }
        }
        return count;
    }
}
