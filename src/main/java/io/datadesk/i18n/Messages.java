package io.datadesk.i18n;

import java.util.Locale;
import java.util.Map;

/**
 * The strings datadesk and its theme write for readers, in one language: "Data sources", "Show the data", chart
 * legends, the provenance section. From a {@link MessageCatalog}; a key this language lacks falls back to English
 * (and the catalog notes it for the build output), so a reader never sees an empty string.
 *
 * <p>Placeholders are {@code {0}}, {@code {1}}…, replaced as they are. (Not {@link java.text.MessageFormat}, whose
 * apostrophe quoting would swallow the apostrophes of French text such as "l'estimation".)
 */
public final class Messages {

    private final String language;
    private final Locale locale;
    private final Map<String, String> own;
    private final Map<String, String> english;
    private final MessageCatalog catalog;

    Messages(String language, Locale locale, Map<String, String> own, Map<String, String> english, MessageCatalog catalog) {
        this.language = language;
        this.locale = locale;
        this.own = own;
        this.english = english;
        this.catalog = catalog;
    }

    /** The built-in English messages, for callers outside a build (tests, the chart stage used alone). */
    public static Messages english() {
        return MessageCatalog.builtIn().forLocale(Locale.ENGLISH);
    }

    /** The language whose file the messages come from ({@code zh}), {@code en} for a language without one. */
    public String language() {
        return language;
    }

    /** The locale values are formatted in: the page's, also when its messages fell back to English. */
    public Locale locale() {
        return locale;
    }

    /** The message {@code key} with its placeholders replaced by {@code args}. */
    public String get(String key, Object... args) {
        String s = own.get(key);
        if (s == null) {
            s = english.get(key);
            if (catalog != null) catalog.missing(language, key, s != null);
            if (s == null) s = key;
        }
        for (int i = 0; i < args.length; i++) s = s.replace("{" + i + "}", String.valueOf(args[i]));
        return s;
    }

    /** Whether the language is written without spaces between words (Chinese, Japanese): reading time in characters. */
    public boolean countsCharacters() {
        String l = locale.getLanguage();
        return l.equals("zh") || l.equals("ja");
    }

    /** What the texts depend on: the language and every message file read, for cache keys. */
    public String key() {
        return language + "@" + (catalog == null ? "" : catalog.hash());
    }

    @Override
    public String toString() {
        return "Messages[" + language + "]";
    }
}
