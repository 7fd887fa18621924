package io.datadesk.read;

import io.datadesk.error.ContentException;
import io.datadesk.error.Diagnostic;
import java.util.List;

/**
 * Where each line of a page body came from once its partials were included: the page's own file and line, or a
 * partial's. Problems found later in the body (a failing query, an unknown format) are moved to their real place.
 */
public final class LineMap {

    /** The file and 1-based line a body line came from. */
    public record Origin(String file, int line) {}

    private static final LineMap IDENTITY = new LineMap(null, List.of());

    private final String page;
    private final List<Origin> origins; // index = body line - 1

    LineMap(String page, List<Origin> origins) {
        this.page = page;
        this.origins = List.copyOf(origins);
    }

    /** The map of a body without includes: every line is where it is. */
    public static LineMap identity() {
        return IDENTITY;
    }

    public boolean isIdentity() {
        return origins.isEmpty();
    }

    /** The problem at its real file and line; problems in other files, or without a line, are left as they are. */
    public Diagnostic locate(Diagnostic d) {
        if (isIdentity() || !d.file().equals(page) || d.line() < 1 || d.line() > origins.size()) return d;
        Origin o = origins.get(d.line() - 1);
        return new Diagnostic(o.file(), o.line(), d.column(), d.message(), d.hint(), d.rows());
    }

    public ContentException locate(ContentException e) {
        return isIdentity() ? e : new ContentException(e.diagnostics().stream().map(this::locate).toList());
    }
}
