package io.datadesk.build;

import java.time.Duration;
import java.util.List;

/**
 * What a build did.
 *
 * @param pages site paths of the pages written, in build order
 * @param queriesRun queries executed against DuckDB
 * @param queriesCached queries answered from the cache without running
 */
public record BuildResult(List<String> pages, int staticFiles, int charts, int queriesRun, int queriesCached,
                          Duration elapsed) {

    public BuildResult {
        pages = List.copyOf(pages);
    }

    public String summary() {
        return String.format("%d page%s, %d chart%s, %d quer%s run, %d cached, %d file%s copied in %d ms",
                pages.size(), pages.size() == 1 ? "" : "s", charts, charts == 1 ? "" : "s",
                queriesRun, queriesRun == 1 ? "y" : "ies", queriesCached, staticFiles, staticFiles == 1 ? "" : "s",
                elapsed.toMillis());
    }
}
