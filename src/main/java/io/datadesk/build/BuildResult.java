package io.datadesk.build;

import java.time.Duration;
import java.util.List;

/**
 * What a build did.
 *
 * @param pages site paths of the pages written, in build order
 * @param queriesRun queries executed against DuckDB
 * @param queriesCached queries answered from the cache without running
 * @param notes things the author should know that did not stop the build (such as files left out for lack of a
 *     {@code base_url}), one sentence each
 */
public record BuildResult(List<String> pages, int staticFiles, int charts, int queriesRun, int queriesCached,
                          Duration elapsed, List<String> notes) {

    public BuildResult {
        pages = List.copyOf(pages);
        notes = List.copyOf(notes);
    }

    public BuildResult(List<String> pages, int staticFiles, int charts, int queriesRun, int queriesCached, Duration elapsed) {
        this(pages, staticFiles, charts, queriesRun, queriesCached, elapsed, List.of());
    }

    public String summary() {
        return String.format("%d page%s, %d chart%s, %d quer%s run, %d cached, %d file%s copied in %d ms",
                pages.size(), pages.size() == 1 ? "" : "s", charts, charts == 1 ? "" : "s",
                queriesRun, queriesRun == 1 ? "y" : "ies", queriesCached, staticFiles, staticFiles == 1 ? "" : "s",
                elapsed.toMillis());
    }
}
