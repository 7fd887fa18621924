package io.datadesk.data;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Rules for the names authors give to datasets and queries. They become DuckDB table names that authors type
 * unquoted in SQL, so they must be plain identifiers that are not SQL keywords.
 */
public final class SqlNames {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    // DuckDB's reserved keywords (SELECT * FROM duckdb_keywords() WHERE keyword_category = 'reserved'), which cannot
    // be used as an unquoted table name. Kept here so names can be checked before any database exists.
    private static final Set<String> RESERVED = Set.of(
            "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "both", "case", "cast",
            "check", "collate", "column", "constraint", "create", "default", "deferrable", "desc", "describe",
            "distinct", "do", "else", "end", "except", "false", "fetch", "for", "foreign", "from", "grant", "group",
            "having", "in", "initially", "intersect", "into", "lateral", "leading", "limit", "not", "null", "offset",
            "on", "only", "or", "order", "pivot", "pivot_longer", "pivot_wider", "placing", "primary", "qualify",
            "references", "returning", "select", "show", "some", "summarize", "symmetric", "table", "then", "to",
            "trailing", "true", "union", "unique", "unpivot", "using", "variadic", "when", "where", "window", "with");

    private SqlNames() {}

    /** Why {@code name} cannot be a table name, or {@code null} if it can. */
    public static String problem(String name) {
        if (name == null || name.isEmpty()) return "a name must not be empty";
        if (!IDENTIFIER.matcher(name).matches())
            return "'" + name + "' is not a valid SQL name: use letters, digits and '_', not starting with a digit";
        if (RESERVED.contains(name.toLowerCase(Locale.ROOT)))
            return "'" + name + "' is an SQL keyword and cannot name a table";
        return null;
    }

    public static boolean isValid(String name) {
        return problem(name) == null;
    }

    /** {@code name} as a double-quoted SQL identifier, safe for any text (CSV headers can contain anything). */
    public static String quote(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }
}
