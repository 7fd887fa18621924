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
 * @param sources where the page's numbers come from (chart {@code source:} options and dataset declarations), in
 *     order of first use and without repeats; the article template lists them under "Sources"
 * @param downloads the data files published beside the page, listed under "Download the data"
 * @param provenance the "How the numbers were computed" section (trusted HTML), or empty
 * @param cardChart what the chart on the page's social card shows, for its {@code og:image:alt}: the chart's title
 *     and its text description ("Tech layoffs peaked in 2023: Line chart of people laid off by month, …"), or empty
 *     when the card has no chart
 * @param key what the page is a version of, the same in every language ({@code "ai-job-cuts/"} for
 *     {@code zh/ai-job-cuts/} too; {@code ""} for every language's home page)
 */
public record PageView(String title, String subtitle, String description, String author, LocalDate date,
                       LocalDate updated, List<String> tags, String lang, int readingMinutes, List<TocEntry> toc,
                       String content, String sitePath, String canonicalUrl, Map<String, QueryResult> results,
                       List<Source> sources, List<Download> downloads, String provenance, String cardChart, String key) {

    public PageView(String title, String subtitle, String description, String author, LocalDate date,
                    LocalDate updated, List<String> tags, String lang, int readingMinutes, List<TocEntry> toc,
                    String content, String sitePath, String canonicalUrl, Map<String, QueryResult> results,
                    List<Source> sources, List<Download> downloads, String provenance, String cardChart) {
        this(title, subtitle, description, author, date, updated, tags, lang, readingMinutes, toc, content, sitePath,
                canonicalUrl, results, sources, downloads, provenance, cardChart, sitePath);
    }

    public PageView(String title, String subtitle, String description, String author, LocalDate date,
                    LocalDate updated, List<String> tags, String lang, int readingMinutes, List<TocEntry> toc,
                    String content, String sitePath, String canonicalUrl, Map<String, QueryResult> results,
                    List<Source> sources, List<Download> downloads, String provenance) {
        this(title, subtitle, description, author, date, updated, tags, lang, readingMinutes, toc, content, sitePath,
                canonicalUrl, results, sources, downloads, provenance, "");
    }

    public PageView(String title, String subtitle, String description, String author, LocalDate date,
                    LocalDate updated, List<String> tags, String lang, int readingMinutes, List<TocEntry> toc,
                    String content, String sitePath, String canonicalUrl, Map<String, QueryResult> results,
                    List<Source> sources, List<Download> downloads) {
        this(title, subtitle, description, author, date, updated, tags, lang, readingMinutes, toc, content, sitePath,
                canonicalUrl, results, sources, downloads, "");
    }

    /** Whether the page's social card shows a chart (described by {@link #cardChart}). */
    public boolean hasCardChart() {
        return !cardChart.isEmpty();
    }

    /**
     * The social card's text alternative ({@code og:image:alt}): the headline it shows (the page's title, or the
     * site's on the home and 404 pages), then what its chart shows, introduced by {@code chartLabel} ("Chart").
     */
    public String cardAlt(String siteTitle, String chartLabel) {
        String base = isArticle() || siteTitle == null || siteTitle.isBlank() ? title : siteTitle;
        if (cardChart.isEmpty()) return base;
        // Chinese and Japanese end a sentence with 。 and introduce with ：, both full width with no space after.
        boolean wide = lang != null && (lang.startsWith("zh") || lang.startsWith("ja"));
        String stop = base.matches(".*[.!?\u2026\u3002\uFF01\uFF1F]$") ? (wide ? "" : " ") : wide ? "\u3002" : ". ";
        return base + stop + chartLabel + (wide ? "\uFF1A" : ": ") + cardChart;
    }

    /**
     * Everything a list of pages (the home page's) can show of this page but its body, its provenance section (only
     * whether it has one) and its query results, as text: equal for two versions of a page that such a list shows
     * alike. Most prose edits leave it as it was, so the pages that list articles are not rendered again for them.
     */
    public String listing() {
        return new PageView(title, subtitle, description, author, date, updated, tags, lang, readingMinutes, toc, "", sitePath,
                canonicalUrl, Map.of(), sources, downloads, hasProvenance() ? "yes" : "", cardChart, key).toString();
    }

    /** Whether the page has a "How the numbers were computed" section. */
    public boolean hasProvenance() {
        return !provenance.isEmpty();
    }

    public PageView {
        tags = List.copyOf(tags);
        toc = List.copyOf(toc);
        results = Map.copyOf(results);
        sources = List.copyOf(sources.stream().distinct().toList());
        downloads = List.copyOf(downloads);
        provenance = provenance == null ? "" : provenance;
        cardChart = cardChart == null ? "" : cardChart;
        key = key == null ? sitePath : key;
    }

    /** A page without sources or downloads (the shape the skeleton had). */
    public PageView(String title, String subtitle, String description, String author, LocalDate date,
                    LocalDate updated, List<String> tags, String lang, int readingMinutes, List<TocEntry> toc,
                    String content, String sitePath, String canonicalUrl, Map<String, QueryResult> results) {
        this(title, subtitle, description, author, date, updated, tags, lang, readingMinutes, toc, content, sitePath,
                canonicalUrl, results, List.of(), List.of());
    }

    /** The home page of its language ({@code ""} or {@code zh/}). */
    public boolean isHome() {
        return key.isEmpty();
    }

    /** Whether this page is an article: not the home page and not the 404 page (no og:type article, no article: dates). */
    public boolean isArticle() {
        return !isHome() && !isNotFound();
    }

    /** The 404 page, which search engines must not index. */
    public boolean isNotFound() {
        return sitePath.equals("404.html");
    }

    /** Date shown and sorted by: the publication date, else none. */
    public boolean hasDate() {
        return date != null;
    }

    /**
     * Where the page's social preview image is published, relative to the site root. Pages that are a file rather
     * than a folder (the 404 page) share the home page's card.
     */
    public String socialImagePath() {
        return sitePath.isEmpty() || sitePath.endsWith("/") ? sitePath + "social.png" : "social.png";
    }

    /**
     * One source of the page's data, as a reader should see it credited: a publisher named once, with the series or
     * files the page uses from it under it when there are several.
     *
     * @param text who published the data and what it is, e.g. "Eurostat, unemployment by sex and age (une_rt_m)";
     *     for a publisher with several items, its name only
     * @param url where to find it, or null when there is no public address
     * @param items the publisher's series or files, each with its own link; empty for a single credit
     */
    public record Source(String text, String url, List<Source> items) {
        public Source {
            if (text == null || text.isBlank()) throw new IllegalArgumentException("a source needs a text");
            text = text.strip();
            url = url == null || url.isBlank() ? null : url.strip();
            items = items == null ? List.of() : List.copyOf(items);
        }

        public Source(String text, String url) {
            this(text, url, List.of());
        }

        public boolean hasUrl() {
            return url != null;
        }

        public boolean hasItems() {
            return !items.isEmpty();
        }
    }

    /**
     * A data file readers can download.
     *
     * @param label what the file holds, shown as the link text
     * @param sitePath where the file is published, relative to the site root
     */
    public record Download(String label, String sitePath) {}
}
