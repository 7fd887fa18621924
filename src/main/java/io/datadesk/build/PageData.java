package io.datadesk.build;

import io.datadesk.error.ContentException;
import io.datadesk.error.Diagnostic;
import io.datadesk.read.ParsedPage;
import java.util.Locale;

/** Computes the data side of a page: datasets, queries, tables, charts and inline values. */
final class PageData {

    private final BuildOptions options;
    private final QueryCache queryCache;

    /** @param queryCache results of earlier builds, keyed by {@link QueryCache#key}; count hits in queriesCached */
    PageData(BuildOptions options, QueryCache queryCache) {
        this.options = options;
        this.queryCache = queryCache;
    }

    ComputedPage compute(ParsedPage page, Locale locale) {
        var md = page.markdown();
        if (md.directives().isEmpty() && md.inlineValues().isEmpty() && page.frontMatter().data() == null)
            return ComputedPage.empty();
        // Data directives are wired in by the data stage (issue 4); until then a page using them is refused clearly.
        int line = !md.directives().isEmpty() ? md.directives().get(0).line()
                : !md.inlineValues().isEmpty() ? md.inlineValues().get(0).line() : 2;
        throw new ContentException(new Diagnostic(page.source().displayPath(), line, 0,
                "data directives are not supported by this build of datadesk yet", ""));
    }
}
