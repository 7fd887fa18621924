package io.datadesk.data;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A column type an author declares in front matter ({@code types: { month: "date:yyyy-MM" }}), for when inference
 * is not enough. {@code pattern} is a {@link DateTimeFormatter} pattern for {@code date:…} and
 * {@code timestamp:…}, otherwise {@code null}; a plain {@code date} accepts the formats inference knows.
 */
public record DeclaredType(ColumnType type, String pattern) {

    /** The spellings authors may use, for error messages. */
    public static final List<String> NAMES = List.of("integer", "decimal", "boolean", "date", "date:PATTERN",
            "timestamp", "timestamp:PATTERN", "text");

    /** Parses {@code integer}, {@code date:M/d/yyyy} etc.; empty if the text names no type or has a bad pattern. */
    public static Optional<DeclaredType> parse(String text) {
        String s = text.trim();
        int colon = s.indexOf(':');
        String head = (colon < 0 ? s : s.substring(0, colon)).trim().toLowerCase(Locale.ROOT);
        String pattern = colon < 0 ? null : unquote(s.substring(colon + 1).trim());
        ColumnType type = switch (head) {
            case "integer", "int", "bigint" -> ColumnType.INTEGER;
            case "decimal", "double", "number" -> ColumnType.DECIMAL;
            case "boolean", "bool" -> ColumnType.BOOLEAN;
            case "date" -> ColumnType.DATE;
            case "timestamp", "datetime" -> ColumnType.TIMESTAMP;
            case "text", "string", "varchar" -> ColumnType.TEXT;
            default -> null;
        };
        if (type == null) return Optional.empty();
        if (pattern != null) {
            if (!type.isTemporal() || pattern.isEmpty()) return Optional.empty();
            try {
                DateTimeFormatter.ofPattern(pattern);
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        return Optional.of(new DeclaredType(type, pattern));
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && (s.charAt(0) == '"' || s.charAt(0) == '\'') && s.charAt(s.length() - 1) == s.charAt(0))
            return s.substring(1, s.length() - 1);
        return s;
    }

    @Override
    public String toString() {
        return type.name().toLowerCase(Locale.ROOT) + (pattern == null ? "" : ":" + pattern);
    }
}
