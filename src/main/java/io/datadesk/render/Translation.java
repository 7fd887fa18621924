package io.datadesk.render;

import io.datadesk.config.SiteConfig;
import io.datadesk.read.SourcePage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One language version of a page, as templates see it in {@code translations}: for the language switcher and the
 * {@code <link rel="alternate" hreflang>} links. A page with no translation has an empty list.
 *
 * @param lang the BCP 47 tag ({@code zh-CN}), for {@code hreflang} and {@code lang}
 * @param name the language's own name ({@code 简体中文}), for the switcher
 * @param href the relative link from the page being rendered
 * @param url the absolute URL, or empty without a {@code base_url}
 * @param current whether this is the page being rendered
 * @param isDefault whether it is in the site's default language (the {@code x-default} alternate)
 */
public record Translation(String lang, String name, String href, String url, boolean current, boolean isDefault) {

    /**
     * The language versions of every page: pages of one key (the same path in every language), the default
     * language first, then in the order of {@code languages:}, then by code.
     *
     * @param pages every page's source with its view (whose {@code lang} is the tag it is rendered in)
     */
    public static Map<SourcePage, List<Translation>> of(Map<SourcePage, PageView> pages, SiteConfig config) {
        Map<String, List<SourcePage>> byKey = new LinkedHashMap<>();
        for (SourcePage p : pages.keySet()) byKey.computeIfAbsent(p.key(), k -> new ArrayList<>()).add(p);
        List<String> order = new ArrayList<>(config.languages().keySet());
        Comparator<SourcePage> byLanguage = Comparator.comparing((SourcePage p) -> {
            int i = order.indexOf(edition(p, config));
            return i < 0 ? order.size() : i;
        }).thenComparing(p -> edition(p, config));
        Map<SourcePage, List<Translation>> out = new HashMap<>();
        for (List<SourcePage> group : byKey.values()) {
            group.sort(byLanguage);
            for (SourcePage p : group) {
                List<Translation> list = new ArrayList<>();
                if (group.size() > 1)
                    for (SourcePage t : group)
                        list.add(new Translation(pages.get(t).lang(), config.languageOf(edition(t, config)).name(),
                                p.root() + t.sitePath() + "index.html",
                                config.baseUrl().isEmpty() ? "" : config.absolute(t.sitePath()), t.equals(p), !t.isTranslation()));
                out.put(p, List.copyOf(list));
            }
        }
        return out;
    }

    /** The edition a page belongs to: the language its file name gives, else the default language. */
    public static String edition(SourcePage p, SiteConfig config) {
        return p.lang() != null ? p.lang() : config.language();
    }
}
