package io.datadesk.render;

import io.datadesk.data.QueryResult;
import io.datadesk.read.TocEntry;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What a template sees as {@code page}: everything about one page, already computed.
 *
 * @param sitePath where the page is served, relative to the site root ({@code ""} for the home page)
 * @param content the rendered Markdown body (trusted HTML: data values inside it are already escaped)
 * @param results the page's query results by name, for templates that want to show data themselves
 */
public record PageView(String title, String subtitle, String description, String author, LocalDate date,
                       LocalDate updated, List<String> tags, String lang, int readingMinutes, List<TocEntry> toc,
                       String content, String sitePath, String canonicalUrl, Map<String, QueryResult> results) {

    public PageView {
        tags = List.copyOf(tags);
        toc = List.copyOf(toc);
        results = Map.copyOf(results);
    }

    public boolean isHome() {
        return sitePath.isEmpty();
    }

    /** Date shown and sorted by: the publication date, else none. */
    public boolean hasDate() {
        return date != null;
    }
}
