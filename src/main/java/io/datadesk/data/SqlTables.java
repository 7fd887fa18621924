package io.datadesk.data;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which of a page's tables a query reads, for the provenance of its numbers ("computed from layoffs, published by
 * Layoffs.fyi"). Read from the SQL text rather than asked of DuckDB, because a result from the query cache is used
 * without opening a database. Every word of the SQL outside strings and comments that names a table counts: a
 * column with a table's name would be counted too, which only lists one input more than needed.
 */
public final class SqlTables {

    private SqlTables() {}

    /** The names among {@code tables} that {@code sql} mentions, in the order of {@code tables}. */
    public static List<String> referenced(String sql, Collection<String> tables) {
        Set<String> words = words(sql);
        List<String> out = new ArrayList<>();
        for (String t : tables) if (words.contains(t.toLowerCase(Locale.ROOT))) out.add(t);
        return out;
    }

    /**
     * The names among {@code tables} that appear as a word anywhere in {@code text}, strings and comments included:
     * a superset of the tables the SQL reads, never less, whatever its quoting (an escaped quote in {@code E'…'},
     * an apostrophe in an assertion's message line). For what must not miss a table: the query cache's keys, and
     * which tables are copied into DuckDB before a query runs. Page SQL cannot reach a table without naming it:
     * the functions that take a table's name as a string or list the tables are refused ({@link SqlGuard}), and
     * table names are plain identifiers ({@link SqlNames}).
     */
    public static List<String> mentioned(String text, Collection<String> tables) {
        Set<String> words = new java.util.HashSet<>();
        int n = text.length();
        for (int i = 0; i < n; ) {
            int start = i;
            while (i < n && (Character.isLetterOrDigit(text.codePointAt(i)) || text.charAt(i) == '_'))
                i += Character.charCount(text.codePointAt(i));
            if (i > start) words.add(text.substring(start, i).toLowerCase(Locale.ROOT));
            else i++;
        }
        List<String> out = new ArrayList<>();
        for (String t : tables) if (words.contains(t.toLowerCase(Locale.ROOT))) out.add(t);
        return out;
    }

    /** Bare and double-quoted identifiers of the SQL, lower-cased; string literals and comments are skipped. */
    static Set<String> words(String sql) {
        Set<String> out = new TreeSet<>();
        int n = sql.length();
        for (int i = 0; i < n; i++) {
            char c = sql.charAt(i);
            if (c == '\'') { // string literal; '' is an escaped quote inside it
                i++;
                while (i < n && !(sql.charAt(i) == '\'' && (i + 1 >= n || sql.charAt(i + 1) != '\''))) i += sql.charAt(i) == '\'' ? 2 : 1;
            } else if (c == '"') {
                int end = sql.indexOf('"', i + 1);
                if (end < 0) end = n;
                out.add(sql.substring(i + 1, end).toLowerCase(Locale.ROOT));
                i = end;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                while (i < n && sql.charAt(i) != '\n') i++;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 1;
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_')) i++;
                out.add(sql.substring(start, i).toLowerCase(Locale.ROOT));
                i--;
            }
        }
        return out;
    }
}
