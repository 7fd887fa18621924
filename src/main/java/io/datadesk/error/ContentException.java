package io.datadesk.error;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when the author's input cannot be built. Carries every problem found, not only the first,
 * so one build tells the author everything that needs fixing.
 */
public final class ContentException extends RuntimeException {

    private final List<Diagnostic> diagnostics;

    public ContentException(List<Diagnostic> diagnostics) {
        super(diagnostics.stream().map(Diagnostic::format).collect(Collectors.joining("\n")));
        if (diagnostics.isEmpty()) throw new IllegalArgumentException("a ContentException needs at least one diagnostic");
        this.diagnostics = List.copyOf(diagnostics);
    }

    public ContentException(Diagnostic diagnostic) {
        this(List.of(diagnostic));
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }
}
