package io.datadesk.render;

import java.util.Map;

/**
 * Relative links from one page, available to templates as {@code links}. Every internal link is relative, so the
 * site works at a domain root, under a GitHub Pages project path and opened from disk; links to pages name
 * {@code index.html} because a browser opening files from disk does not look for it in a folder.
 *
 * @param root the way from the current page to the site root, such as {@code "../"}
 * @param assets the theme's assets: name under {@code templates/assets/} → site path where it is published
 */
public record Links(String root, Map<String, String> assets) {

    public Links {
        assets = Map.copyOf(assets);
    }

    /** Link to a theme asset by its name under {@code templates/assets/}, e.g. {@code links.asset('site.css')}. */
    public String asset(String name) {
        return root + assetPath(name);
    }

    /** Whether the theme has an asset, so templates can link optional stylesheets. */
    public boolean has(String name) {
        return assets.containsKey(name);
    }

    /** Link to another page. */
    public String page(PageView page) {
        return root + page.sitePath() + "index.html";
    }

    /** Link to the home page. */
    public String home() {
        return root + "index.html";
    }

    /** Link to any file by its site path, e.g. {@code links.to('feed.xml')}. */
    public String to(String sitePath) {
        return root + sitePath;
    }

    private String assetPath(String name) {
        String path = assets.get(name);
        if (path == null) throw new IllegalArgumentException("no asset '" + name + "' in templates/assets/");
        return path;
    }
}
