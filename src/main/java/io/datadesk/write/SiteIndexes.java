package io.datadesk.write;

import io.datadesk.config.SiteConfig;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The files that describe the site to machines rather than readers: the Atom feed ({@code feed.xml}), the sitemap
 * ({@code sitemap.xml}), {@code robots.txt} and a social preview image ({@code social.png}) beside every page.
 *
 * <p>Feeds, sitemaps and {@code og:image} must carry absolute URLs (relative ones are invalid there), so without a
 * {@code base_url} in {@code datadesk.yaml} only {@code robots.txt} is written, and the build says why.
 */
public final class SiteIndexes {

    public static final String FEED = "feed.xml";
    public static final String SITEMAP = "sitemap.xml";
    public static final String ROBOTS = "robots.txt";

    private SiteIndexes() {}

    /**
     * A published page as the indexes see it.
     *
     * @param sitePath where the page is served, relative to the site root ({@code ""} for the home page)
     * @param chartSvg the page's first chart drawing for its social card ({@link SocialCard#firstChart}), or null
     */
    public record Entry(String title, String subtitle, String description, String author, LocalDate published,
                        LocalDate updated, String sitePath, String chartSvg) {

        /** An entry without a chart for its social card. */
        public Entry(String title, String subtitle, String description, String author, LocalDate published,
                     LocalDate updated, String sitePath) {
            this(title, subtitle, description, author, published, updated, sitePath, null);
        }

        public boolean isHome() {
            return sitePath.isEmpty();
        }

        /** The date the page last changed: updated, else published, else none. */
        public LocalDate lastChanged() {
            return updated != null ? updated : published;
        }

        /** What the page is about in one sentence, for feed summaries and social cards. */
        public String summary() {
            return description != null && !description.isBlank() ? description : subtitle;
        }
    }

    /**
     * Writes the indexes for {@code pages} (the home page and the articles) into {@code site}.
     *
     * @return notes for the build output, such as what was left out and why; empty when everything was written
     */
    public static List<String> write(StagedSite site, SiteConfig config, List<Entry> pages) {
        List<String> notes = new ArrayList<>();
        String base = config.baseUrl();
        site.write(ROBOTS, robots(base));
        if (base.isEmpty()) {
            notes.add("no base_url in " + SiteConfig.FILE_NAME + ": " + FEED + ", " + SITEMAP
                    + " and social preview images were not written, because they need absolute URLs; add e.g. "
                    + "'base_url: https://USER.github.io/REPO/'");
            return notes;
        }
        site.write(FEED, AtomFeed.xml(config, pages));
        site.write(SITEMAP, Sitemap.xml(base, pages));
        for (Entry p : pages) {
            site.write(p.sitePath() + "social.png", SocialCard.png(p.isHome() ? config.title() : p.title(),
                    p.isHome() ? config.description() : p.summary(), config.title(), hostOf(base), p.chartSvg()));
        }
        long undated = pages.stream().filter(p -> !p.isHome() && p.published() == null).count();
        if (undated > 0) {
            notes.add(undated + " page" + (undated == 1 ? " has" : "s have") + " no 'date:' and so "
                    + (undated == 1 ? "is" : "are") + " not in " + FEED + "; add 'date: yyyy-MM-dd' to the front matter to list "
                    + (undated == 1 ? "it" : "them"));
        }
        return notes;
    }

    /**
     * {@code robots.txt} allowing everything and naming the sitemap. Crawlers read it only at a domain root; under a
     * GitHub Pages project path it is ignored, which is harmless.
     */
    static String robots(String baseUrl) {
        StringBuilder s = new StringBuilder("User-agent: *\nAllow: /\n");
        if (!baseUrl.isEmpty()) s.append("\nSitemap: ").append(baseUrl).append(SITEMAP).append('\n');
        return s.toString();
    }

    private static String hostOf(String baseUrl) {
        String s = baseUrl.replaceFirst("^https?://", "");
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
