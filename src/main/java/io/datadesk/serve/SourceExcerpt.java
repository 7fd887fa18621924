package io.datadesk.serve;

import io.datadesk.error.Diagnostic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The lines around a problem, as compilers show them: a few lines before and after, the line itself marked.
 *
 * @param firstLine 1-based number of {@code lines.get(0)}
 * @param line 1-based number of the line with the problem
 * @param column 1-based column on that line, 0 when unknown
 */
public record SourceExcerpt(int firstLine, List<String> lines, int line, int column) {

    public static final int CONTEXT = 3;

    public SourceExcerpt {
        lines = List.copyOf(lines);
    }

    /**
     * The excerpt for a diagnostic whose file (relative to {@code projectDir}) exists and is inside the project.
     * Empty when the diagnostic has no line or the file cannot be read: the message alone is still shown.
     */
    public static Optional<SourceExcerpt> of(Diagnostic d, Path projectDir) {
        if (d.line() <= 0 || d.file().isEmpty()) return Optional.empty();
        Path root = projectDir.toAbsolutePath().normalize();
        Path file;
        try {
            file = root.resolve(d.file()).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            return Optional.empty();
        }
        // Only files of the project: a message naming another path must not make the server show it.
        if (!file.startsWith(root) || !Files.isRegularFile(file)) return Optional.empty();
        List<String> all;
        try {
            all = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException | java.io.UncheckedIOException e) {
            return Optional.empty();
        }
        if (d.line() > all.size()) return Optional.empty();
        int from = Math.max(1, d.line() - CONTEXT);
        int to = Math.min(all.size(), d.line() + CONTEXT);
        return Optional.of(new SourceExcerpt(from, new ArrayList<>(all.subList(from - 1, to)), d.line(), d.column()));
    }

    /** For the terminal: {@code  >  12 | text}, with a caret under the column when it is known. */
    public String toText() {
        int width = String.valueOf(firstLine + lines.size() - 1).length();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            int n = firstLine + i;
            String text = lines.get(i).replace("\t", "    ");
            sb.append(n == line ? "  > " : "    ").append(String.format("%" + width + "d", n)).append(" | ").append(text).append('\n');
            if (n == line && column > 0 && column <= text.length() + 1)
                sb.append("    ").append(" ".repeat(width)).append(" | ").append(" ".repeat(column - 1)).append("^\n");
        }
        return sb.toString();
    }
}
