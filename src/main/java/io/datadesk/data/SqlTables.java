package io.datadesk.data;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

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
        Set<String> words = remembered(SQL_WORDS, sql, SqlTables::words);
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
        Set<String> words = remembered(ANY_WORDS, text, SqlTables::anyWords);
        List<String> out = new ArrayList<>();
        for (String t : tables) if (words.contains(t.toLowerCase(Locale.ROOT))) out.add(t);
        return out;
    }

    /**
     * The word sets of texts read before, by text. A page's SQL is read for the tables it names several times in
     * a build (the query cache's keys, what DuckDB copies in, the provenance of each number) and again on every
     * rebuild of {@code serve}: a tenth of a data edit's samples went to reading the same texts again.
     */
    private static final java.util.Map<String, Set<String>> ANY_WORDS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final java.util.Map<String, Set<String>> SQL_WORDS = new java.util.concurrent.ConcurrentHashMap<>();

    private static Set<String> remembered(java.util.Map<String, Set<String>> memory, String text, java.util.function.Function<String, Set<String>> read) {
        Set<String> words = memory.get(text);
        if (words != null) return words;
        words = Set.copyOf(read.apply(text));
        if (memory.size() >= 4096) memory.clear(); // a bound: texts of pages no longer built are forgotten
        memory.put(text, words);
        return words;
    }

    private static Set<String> anyWords(String text) {
        Set<String> words = new java.util.HashSet<>();
        int n = text.length();
        for (int i = 0; i < n; ) {
            int start = i;
            while (i < n) {
                char c = text.charAt(i);
                if (c < 0x80) { // ASCII, most of any SQL: the same test as below without decoding a code point
                    if (!isAsciiWordChar(c)) break;
                    i++;
                } else {
                    int cp = text.codePointAt(i);
                    if (!Character.isLetterOrDigit(cp)) break;
                    i += Character.charCount(cp);
                }
            }
            if (i > start) words.add(text.substring(start, i).toLowerCase(Locale.ROOT));
            else i++;
        }
        return words;
    }

    /** A letter, a digit or '_' among ASCII characters: what Character.isLetterOrDigit(c) || c == '_' says of them. */
    private static boolean isAsciiWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }

    /** Bare and double-quoted identifiers of the SQL, lower-cased; string literals and comments are skipped. */
    static Set<String> words(String sql) {
        Set<String> out = new HashSet<>();
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
