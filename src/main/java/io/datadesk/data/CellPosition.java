package io.datadesk.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a cell starts on its line, so that a message about a bad value can point an editor at it
 * ({@code file:line:column}). Only used on the error path: it reads the file again up to that line.
 */
final class CellPosition {

    private CellPosition() {}

    /**
     * The 1-based character column where field {@code field} (0-based) starts on line {@code line} (1-based), or 0
     * when it cannot be told (the file changed, or the record spans lines before that field).
     */
    static int column(Path file, int line, int field, char delimiter) {
        if (line < 1) return 0;
        String text;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (int i = 1; i < line; i++) if (r.readLine() == null) return 0;
            text = r.readLine();
        } catch (IOException | RuntimeException e) {
            return 0; // the position is a nicety; the message still names the line
        }
        if (text == null) return 0;
        if (line == 1 && text.startsWith("\uFEFF")) text = text.substring(1);
        // Commons CSV has no offsets per field, so walk the line: delimiters inside quotes do not count.
        int f = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            if (f == field) return i + 1;
            char c = text.charAt(i);
            if (c == '"') quoted = !quoted;
            else if (c == delimiter && !quoted) f++;
        }
        return f == field ? text.length() + 1 : 0;
    }
}
