package io.datadesk.config;

import io.datadesk.error.Diagnostics;
import io.datadesk.yaml.YamlNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One language of the site, from {@code languages:} in {@code datadesk.yaml}.
 *
 * @param code the code pages are named and published by: {@code zh} in {@code index.zh.md} and {@code site/zh/}
 * @param name the language's own name, shown in the language switcher ({@code 简体中文})
 * @param title the site's title in this language, or null for the site's {@code title:}
 * @param description the site's description in this language, or null for the site's {@code description:}
 * @param author the site's author in this language (the footer, the feed, pages without {@code author:}), or null
 *     for the site's {@code author:}
 */
public record Language(String code, String name, String title, String description, String author) {

    static final List<String> KEYS = List.of("name", "title", "description", "author");

    public Language(String code, String name, String title, String description) {
        this(code, name, title, description, null);
    }

    /**
     * The BCP 47 tag pages in this language carry in {@code <html lang>}, {@code hreflang} and the feed: the code
     * itself, except that {@code zh} means Simplified Chinese as written in mainland China, {@code zh-CN}, so that
     * browsers pick Simplified glyphs and search engines the right audience.
     */
    public static String tag(String code) {
        return code.equals("zh") ? "zh-CN" : code;
    }

    /** {@link #tag(String)} of this language. */
    public String tag() {
        return tag(code);
    }

    public Locale locale() {
        return Locale.forLanguageTag(tag());
    }

    /** A language the configuration does not describe: named in its own language by the JDK. */
    public static Language implicit(String code) {
        Locale l = Locale.forLanguageTag(tag(code));
        String own = l.getDisplayName(l);
        if (code.equals("zh")) own = "简体中文";
        return new Language(code, own.isEmpty() ? code : Character.toUpperCase(own.charAt(0)) + own.substring(1), null, null);
    }

    /** Whether a code names a language the JDK knows (ISO 639), with an optional script or region. */
    static boolean known(String code) {
        if (!code.matches("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*")) return false;
        String primary = code.split("-")[0];
        return ISO.contains(primary);
    }

    private static final Set<String> ISO = Set.of(Locale.getISOLanguages());

    /**
     * Reads {@code languages:}; every language gets an entry, the default first. Unknown keys and codes are located
     * errors.
     */
    static Map<String, Language> read(YamlNode node, String defaultLanguage, Diagnostics problems) {
        Map<String, Language> out = new LinkedHashMap<>();
        out.put(defaultLanguage, implicit(defaultLanguage));
        if (node == null || node.isNull()) return out;
        Map<String, YamlNode> map = problems.collect(() -> node.asMap("languages"));
        if (map == null) return out;
        for (Map.Entry<String, YamlNode> e : map.entrySet()) {
            String code = e.getKey();
            if (!known(code)) {
                problems.add(node.keyNode(code).error("'" + code + "' is not a language code",
                        "use an ISO 639-1 code such as en, zh, fr, de, es, ja (optionally with a region: pt-BR)"));
                continue;
            }
            YamlNode v = e.getValue();
            if (v.isNull()) {
                out.put(code, implicit(code));
                continue;
            }
            Map<String, YamlNode> settings = problems.collect(() -> v.asMap("language " + code));
            if (settings == null) continue;
            problems.addAll(v.unknownKeys("language setting", KEYS));
            String name = problems.collect(() -> text(settings, "name"));
            String title = problems.collect(() -> text(settings, "title"));
            String description = problems.collect(() -> text(settings, "description"));
            String author = problems.collect(() -> text(settings, "author"));
            out.put(code, new Language(code, name != null ? name : implicit(code).name(), title, description, author));
        }
        return out;
    }

    private static String text(Map<String, YamlNode> map, String key) {
        YamlNode n = map.get(key);
        return n == null || n.isNull() ? null : n.asString(key).strip();
    }
}
