package io.datadesk.compute;

import io.datadesk.data.Attribution;
import io.datadesk.data.QueryResult;
import java.util.List;
import java.util.Map;

/**
 * The data side of one page, computed: the HTML of each directive, the text of each inline value, the query results,
 * and the files to publish beside the page (CSV downloads).
 *
 * @param directiveHtml by directive index
 * @param inlineText by inline value index
 * @param files site path → bytes
 * @param sources the datasets' and charts' credits, each once (by link, else by text), in page order
 * @param firstChartSvg the page's first chart drawing (wide layout) for its social card, or null when it has none
 * @param provenance where each inline value and figure comes from, for the reader's "How the numbers were computed"
 */
public record ComputedPage(List<String> directiveHtml, List<String> inlineText, Map<String, QueryResult> results,
                           Map<String, byte[]> files, List<Attribution> sources, String firstChartSvg, int charts,
                           int queriesRun, int queriesCached, Provenance provenance) {

    public ComputedPage {
        directiveHtml = List.copyOf(directiveHtml);
        inlineText = List.copyOf(inlineText);
        // Copies that keep the page's order (Map.copyOf would not): downloads and results are listed in it.
        results = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(results));
        files = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(files));
        sources = List.copyOf(sources);
        provenance = provenance == null ? Provenance.NONE : provenance;
    }

    static ComputedPage empty() {
        return new ComputedPage(List.of(), List.of(), Map.of(), Map.of(), List.of(), null, 0, 0, 0, Provenance.NONE);
    }
}
