package io.datadesk.config;

import io.datadesk.error.ContentException;
import io.datadesk.error.Diagnostic;
import io.datadesk.error.Diagnostics;
import io.datadesk.yaml.YamlNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The site-wide settings from {@code datadesk.yaml}.
 *
 * @param baseUrl absolute URL the site is published at, always ending in '/', or empty when unknown. Only feeds,
 *     sitemaps, canonical links and social cards use it; internal links are relative so the site works anywhere.
 * @param jdbcDrivers jar files of JDBC drivers ({@code jdbc_drivers:}), relative to the project, besides those in
 *     {@code drivers/}
 * @param provenance whether articles link each inline value to "How the numbers were computed" (default true; a
 *     page's front matter can say otherwise)
 * @param languages the site's languages by code ({@code languages:}), the default ({@code language:}) first; a site
 *     that lists none has only its default language
 */
public record SiteConfig(String title, String description, String language, String author, String baseUrl,
                         List<String> jdbcDrivers, Limits limits, boolean rawHtml, boolean provenance,
                         Map<String, Language> languages) {

    public static final String FILE_NAME = "datadesk.yaml";
    static final List<String> KEYS = java.util.stream.Stream.concat(
            java.util.stream.Stream.of("title", "description", "language", "author", "base_url", "jdbc_drivers", "raw_html",
                    "provenance", "languages"),
            Limits.KEYS.stream()).toList();

    public SiteConfig(String title, String description, String language, String author, String baseUrl,
                      List<String> jdbcDrivers, Limits limits, boolean rawHtml, boolean provenance) {
        this(title, description, language, author, baseUrl, jdbcDrivers, limits, rawHtml, provenance, null);
    }

    /** Settings without JDBC drivers, with the default limits, raw HTML allowed. */
    public SiteConfig(String title, String description, String language, String author, String baseUrl) {
        this(title, description, language, author, baseUrl, List.of(), Limits.defaults(), true, true);
    }

    public SiteConfig(String title, String description, String language, String author, String baseUrl, List<String> jdbcDrivers) {
        this(title, description, language, author, baseUrl, jdbcDrivers, Limits.defaults(), true, true);
    }

    public SiteConfig(String title, String description, String language, String author, String baseUrl,
                      List<String> jdbcDrivers, Limits limits, boolean rawHtml) {
        this(title, description, language, author, baseUrl, jdbcDrivers, limits, rawHtml, true);
    }

    public SiteConfig {
        jdbcDrivers = jdbcDrivers == null ? List.of() : List.copyOf(jdbcDrivers);
        baseUrl = baseUrl == null || baseUrl.isBlank() ? "" : (baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
        language = language == null || language.isBlank() ? "en" : language;
        description = description == null ? "" : description;
        author = author == null ? "" : author;
        limits = limits == null ? Limits.defaults() : limits;
        Map<String, Language> all = new java.util.LinkedHashMap<>();
        all.put(language, languages != null && languages.containsKey(language) ? languages.get(language) : Language.implicit(language));
        if (languages != null) languages.forEach(all::putIfAbsent);
        languages = java.util.Collections.unmodifiableMap(all);
    }

    /** The language {@code code}: as {@code languages:} describes it, or named by the JDK when it does not. */
    public Language languageOf(String code) {
        Language l = languages.get(code);
        return l != null ? l : Language.implicit(code);
    }

    /**
     * The settings as a page in language {@code code} sees them: the language's own title and description when
     * {@code languages:} gives them.
     */
    public SiteConfig in(String code) {
        if (code == null || code.equals(language)) return this;
        Language l = languageOf(code);
        return new SiteConfig(l.title() != null ? l.title() : title, l.description() != null ? l.description() : description,
                language, l.author() != null ? l.author() : author, baseUrl, jdbcDrivers, limits, rawHtml, provenance, languages);
    }

    /** The BCP 47 tag of the default language ({@code zh-CN} for {@code zh}). */
    public String languageTag() {
        return Language.tag(language);
    }

    public static SiteConfig defaults() {
        return new SiteConfig("datadesk", "", "en", "", "");
    }

    public Locale locale() {
        return Locale.forLanguageTag(Language.tag(language));
    }

    /** The absolute URL of a site-relative path such as {@code ai-job-cuts/}, or the path itself without a base URL. */
    public String absolute(String sitePath) {
        return baseUrl + sitePath;
    }

    /**
     * Reads {@code datadesk.yaml}. A missing file gives the defaults (a new project works before it has one);
     * unknown keys and malformed values are errors naming the line.
     *
     * @param displayPath how the file is named in messages (relative to the project)
     */
    public static SiteConfig load(Path file, String displayPath) {
        if (!Files.exists(file)) return defaults();
        String text = io.datadesk.error.Utf8Text.read(file, displayPath, "the site configuration");
        YamlNode root = YamlNode.parse(text, displayPath, 1);
        Map<String, YamlNode> map = root.asMap("the site configuration");
        Diagnostics problems = new Diagnostics();
        problems.addAll(root.unknownKeys("site setting", KEYS));
        String title = problems.collect(() -> text(map, "title", "datadesk"));
        String baseUrl = problems.collect(() -> text(map, "base_url", ""));
        if (baseUrl != null && !baseUrl.isEmpty() && !baseUrl.matches("https?://[^\\s/]+(/\\S*)?")) {
            problems.add(map.get("base_url").error("base_url must be an absolute http(s) URL, not '" + baseUrl + "'",
                    "for GitHub Pages write e.g. https://USER.github.io/REPO/"));
        }
        String description = problems.collect(() -> text(map, "description", ""));
        String language = problems.collect(() -> text(map, "language", "en"));
        String author = problems.collect(() -> text(map, "author", ""));
        List<String> drivers = new java.util.ArrayList<>();
        if (map.containsKey("jdbc_drivers") && !map.get("jdbc_drivers").isNull())
            for (YamlNode jar : map.get("jdbc_drivers").asScalarOrList("jdbc_drivers")) {
                String path = problems.collect(() -> jar.asString("a driver jar"));
                if (path != null && !path.endsWith(".jar")) problems.add(jar.error("'" + path + "' is not a jar file", "list the driver's .jar files, relative to the project"));
                else if (path != null) drivers.add(path);
            }
        Limits limits = Limits.read(map, problems);
        YamlNode langNode = map.get("language");
        if (language != null && !Language.known(language) && langNode != null)
            problems.add(langNode.error("'" + language + "' is not a language code",
                    "use an ISO 639-1 code such as en, zh, fr, de, es, ja (optionally with a region: pt-BR)"));
        Map<String, Language> languages = Language.read(map.get("languages"), language == null ? "en" : language, problems);
        YamlNode raw = map.get("raw_html");
        Boolean rawHtml = raw == null || raw.isNull() ? Boolean.TRUE : problems.collect(() -> raw.asBoolean("raw_html"));
        Boolean provenance = problems.collect(() -> map.containsKey("provenance") ? map.get("provenance").asBoolean("provenance") : true);
        problems.throwIfAny();
        return new SiteConfig(title, description, language, author, baseUrl, drivers, limits, rawHtml == null || rawHtml,
                Boolean.TRUE.equals(provenance), languages);
    }

    private static String text(Map<String, YamlNode> map, String key, String fallback) {
        YamlNode n = map.get(key);
        return n == null || n.isNull() ? fallback : n.asString(key);
    }

    public SiteConfig withBaseUrl(String url) {
        return new SiteConfig(title, description, language, author, url, jdbcDrivers, limits, rawHtml, provenance, languages);
    }
}
