package io.datadesk.error;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One problem found in the author's input: where it is, what is wrong, and what to do about it.
 *
 * <p>{@code file} is shown as given (callers pass paths relative to the project so messages stay short);
 * {@code line} and {@code column} are 1-based, 0 when unknown.
 *
 * @param rows data that shows the problem, such as the rows that break a data assertion: a header row, then the
 *     rows, as text; empty for most problems
 */
public record Diagnostic(String file, int line, int column, String message, String hint, List<List<String>> rows) {

    public Diagnostic {
        Objects.requireNonNull(message, "message");
        file = file == null ? "" : file;
        hint = hint == null ? "" : hint;
        rows = rows == null ? List.of() : rows.stream().map(List::copyOf).toList();
    }

    public Diagnostic(String file, int line, int column, String message, String hint) {
        this(file, line, column, message, hint, List.of());
    }

    public static Diagnostic of(Path file, int line, int column, String message, String hint) {
        return new Diagnostic(file == null ? "" : file.toString().replace('\\', '/'), line, column, message, hint);
    }

    public static Diagnostic of(Path file, String message, String hint) {
        return of(file, 0, 0, message, hint);
    }

    /** The same problem moved down by {@code lines} and, on its first line, right by {@code columns}. */
    public Diagnostic shift(int lines, int columns) {
        return new Diagnostic(file, line == 0 ? 0 : line + lines, column == 0 ? 0 : (line == 1 ? column + columns : column),
                message, hint, rows);
    }

    /** {@code file:line:column} as compilers print it, leaving out what is unknown. */
    public String location() {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) {
            sb.append(':').append(line);
            if (column > 0) sb.append(':').append(column);
        }
        return sb.toString();
    }

    /** {@code file:line:col: error: message}, on the next line the hint, then the rows as an aligned table. */
    public String format() {
        String where = location();
        String text = (where.isEmpty() ? "" : where + ": ") + "error: " + message;
        return (hint.isEmpty() ? text : text + "\n  hint: " + hint) + table();
    }

    /** The rows as lines of text, columns padded to their widest cell: {@code "\n  | year | laid_off |"}… */
    private String table() {
        if (rows.isEmpty()) return "";
        int[] width = new int[rows.stream().mapToInt(List::size).max().orElse(0)];
        for (List<String> r : rows) for (int i = 0; i < r.size(); i++) width[i] = Math.max(width[i], r.get(i).length());
        StringBuilder sb = new StringBuilder();
        for (List<String> r : rows) {
            sb.append("\n  |");
            for (int i = 0; i < r.size(); i++) sb.append(' ').append(r.get(i)).append(" ".repeat(width[i] - r.get(i).length())).append(" |");
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return format();
    }
}
