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

    /** Where the feed of a language's pages is published: {@code feed.xml} for the default, {@code zh/feed.xml}. */
    public static String feedPath(String edition, String defaultLanguage) {
        return edition == null || edition.equals(defaultLanguage) ? FEED : edition + "/" + FEED;
    }

    /**
     * A published page as the indexes see it.
     *
     * @param sitePath where the page is served, relative to the site root ({@code ""} for the home page)
     * @param chartSvg the page's first chart drawing for its social card (wide layout, as the chart stage drew it), or null
     * @param lang the page's BCP 47 language tag ({@code zh-CN}), or null when unknown
     * @param key what the page is a version of in every language (see {@code PageView.key}): {@code sitePath} for a
     *     page in the default language
     */
    public record Entry(String title, String subtitle, String description, String author, LocalDate published,
                        LocalDate updated, String sitePath, String chartSvg, String lang, String key) {

        public Entry {
            key = key == null ? sitePath : key;
        }

        public Entry(String title, String subtitle, String description, String author, LocalDate published,
                     LocalDate updated, String sitePath, String chartSvg) {
            this(title, subtitle, description, author, published, updated, sitePath, chartSvg, null, sitePath);
        }

        /** The language the page's path is under ({@code zh} for {@code zh/x/}), or null for the default language. */
        public String edition() {
            return sitePath.equals(key) || !sitePath.endsWith(key) ? null : sitePath.substring(0, sitePath.length() - key.length() - 1);
        }

        /** An entry without a chart for its social card. */
        public Entry(String title, String subtitle, String description, String author, LocalDate published,
                     LocalDate updated, String sitePath) {
            this(title, subtitle, description, author, published, updated, sitePath, null);
        }

        /** A rendered page's entry; {@code chartSvg} is its first chart as the chart stage drew it, or null. */
        public static Entry of(io.datadesk.render.PageView v, String chartSvg) {
            return new Entry(v.title(), v.subtitle(), v.description(), v.author(), v.date(), v.updated(), v.sitePath(), chartSvg,
                    v.lang(), v.key());
        }

        /** The home page of its language. */
        public boolean isHome() {
            return key.isEmpty();
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
        return write(site::write, config, pages);
    }

    /**
     * Writes the indexes through {@code out} (site path, bytes), for builds that collect the site in memory first.
     * Social cards are drawn by {@code cards}, which may remember them: drawing one costs far more than the rest.
     */
    public static List<String> write(java.util.function.BiConsumer<String, byte[]> out, SiteConfig config, List<Entry> pages) {
        return write(out, config, pages, SiteIndexes::card);
    }

    /** The site settings a page's card is drawn with: its language's title and description. */
    public static SiteConfig cardConfig(SiteConfig config, Entry p) {
        return p.edition() == null ? config : config.in(p.edition());
    }

    /** A social card for one page, as {@link #write} draws it. */
    public static byte[] card(SiteConfig config, Entry p) {
        return SocialCard.png(p.isHome() ? config.title() : p.title(),
                p.isHome() ? config.description() : p.summary(), config.title(), hostOf(config.baseUrl()), p.chartSvg(), p.lang());
    }

    /** What {@link #card} draws, as one hash: the key of {@link CardCache}. Keep the two in step. */
    static String cardKey(SiteConfig config, Entry p, String drawingVersion) {
        String[] parts = {drawingVersion, p.isHome() ? config.title() : p.title(), p.isHome() ? config.description() : p.summary(),
                config.title(), hostOf(config.baseUrl()), p.chartSvg(), p.lang()};
        StringBuilder sb = new StringBuilder();
        for (String part : parts) sb.append(part == null ? "\u0001" : part.length() + ":" + part).append('\u0000');
        return Assets.sha256(sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public static List<String> write(java.util.function.BiConsumer<String, byte[]> site, SiteConfig config, List<Entry> pages,
                                     java.util.function.BiFunction<SiteConfig, Entry, byte[]> cards) {
        List<String> notes = new ArrayList<>();
        String base = config.baseUrl();
        site.accept(ROBOTS, robots(base).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        if (base.isEmpty()) {
            notes.add("no base_url in " + SiteConfig.FILE_NAME + ": " + FEED + ", " + SITEMAP
                    + " and social preview images were not written, because they need absolute URLs; add e.g. "
                    + "'base_url: https://USER.github.io/REPO/'");
            return notes;
        }
        // A feed per language: feed.xml for the default language, zh/feed.xml for the pages under zh/.
        java.util.Map<String, List<Entry>> byEdition = new java.util.TreeMap<>();
        for (Entry p : pages) byEdition.computeIfAbsent(p.edition() == null ? "" : p.edition(), e -> new ArrayList<>()).add(p);
        byEdition.forEach((edition, entries) -> {
            SiteConfig in = edition.isEmpty() ? config : config.in(edition);
            String path = edition.isEmpty() ? FEED : feedPath(edition, config.language());
            site.accept(path, bytes(AtomFeed.xml(in, entries, path, edition.isEmpty() ? "" : edition + "/",
                    edition.isEmpty() ? config.languageTag() : io.datadesk.config.Language.tag(edition))));
        });
        site.accept(SITEMAP, bytes(Sitemap.xml(base, pages)));
        List<String> fontless = new ArrayList<>();
        for (Entry p : pages) {
            SiteConfig in = cardConfig(config, p);
            site.accept(p.sitePath() + "social.png", cards.apply(in, p));
            if (SocialCard.lacksFont(p.lang(), in.title(), p.isHome() ? in.description() : p.summary(), p.title()))
                fontless.add(p.sitePath().isEmpty() ? "/" : p.sitePath());
        }
        if (!fontless.isEmpty()) {
            notes.add("the social card" + (fontless.size() == 1 ? " of " : "s of ") + String.join(", ", fontless)
                    + (fontless.size() == 1 ? " leaves" : " leave") + " out text that no font of the card can draw (rather than draw boxes); for Chinese, Japanese "
                    + "and Korean install the package " + SocialCard.CJK_FONT_PACKAGE + " (apt-get install "
                    + SocialCard.CJK_FONT_PACKAGE + ") and build again");
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

    private static byte[] bytes(String xml) {
        return xml.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
