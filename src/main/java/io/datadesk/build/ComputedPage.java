package io.datadesk.build;

import io.datadesk.data.QueryResult;
import io.datadesk.render.PageView;
import java.util.List;
import java.util.Map;

/**
 * The data side of one page, computed: the HTML of each directive, the text of each inline value, the query results,
 * and the files to publish beside the page (CSV downloads).
 *
 * @param files site path → bytes
 * @param sources the sources named by the page's charts, each once, in page order
 */
record ComputedPage(List<String> directiveHtml, List<String> inlineText, Map<String, QueryResult> results,
                    Map<String, byte[]> files, List<PageView.Source> sources, int charts, int queriesRun, int queriesCached) {

    static ComputedPage empty() {
        return new ComputedPage(List.of(), List.of(), Map.of(), Map.of(), List.of(), 0, 0, 0);
    }
}
