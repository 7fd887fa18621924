package io.datadesk.i18n;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datadesk.error.ContentException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Message files are parsed when a language is first asked for (built-in ones), or when the catalog is made (a site's
 * own): either way a page sees the same texts, and a mistake in a site's file is reported whatever the pages' languages.
 */
class MessageCatalogTest {

    private static Map<String, byte[]> builtInFiles() {
        Map<String, byte[]> files = new TreeMap<>();
        for (String lang : MessageCatalog.BUILT_IN) {
            String name = MessageCatalog.FOLDER + lang + ".yaml";
            try (var in = MessageCatalog.class.getClassLoader().getResourceAsStream("io/datadesk/theme/" + name)) {
                files.put(name, in.readAllBytes());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return files;
    }

    private static Map.Entry<String, byte[]> site(String name, String text) {
        return Map.entry("templates/" + name, text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aSiteCopyOfTheBuiltInFilesGivesTheBuiltInTexts() {
        Map<String, byte[]> builtIn = builtInFiles();
        Map<String, Map.Entry<String, byte[]>> copies = new TreeMap<>();
        builtIn.forEach((name, bytes) -> copies.put(name, Map.entry("templates/" + name, bytes)));
        MessageCatalog alone = MessageCatalog.load(builtIn, Map.of());
        MessageCatalog copied = MessageCatalog.load(builtIn, copies);
        for (String lang : MessageCatalog.BUILT_IN) {
            assertThat(copied.texts(lang)).as(lang).isNotEmpty().isEqualTo(alone.texts(lang));
            assertThat(copied.forLocale(Locale.forLanguageTag(lang)).key()).isNotEqualTo(alone.forLocale(Locale.forLanguageTag(lang)).key());
        }
    }

    @Test
    void aSiteFileOverridesOnlyTheKeysItHas() {
        Map<String, byte[]> builtIn = builtInFiles();
        MessageCatalog alone = MessageCatalog.load(builtIn, Map.of());
        String someKey = alone.texts("fr").keySet().iterator().next();
        String[] parts = someKey.split("\\.");
        StringBuilder yaml = new StringBuilder();
        for (int i = 0; i < parts.length; i++) yaml.append("  ".repeat(i)).append(parts[i]).append(i == parts.length - 1 ? ": \"Changé\"\n" : ":\n");
        MessageCatalog own = MessageCatalog.load(builtIn, Map.of("i18n/fr.yaml", site("i18n/fr.yaml", yaml.toString()),
                "i18n/de.yaml", site("i18n/de.yaml", "hello: \"Hallo\"\n")));
        Map<String, String> expected = new TreeMap<>(alone.texts("fr"));
        expected.put(someKey, "Changé");
        assertThat(own.texts("fr")).isEqualTo(expected);
        assertThat(own.texts("en")).isEqualTo(alone.texts("en"));
        assertThat(own.texts("de")).containsExactly(Map.entry("hello", "Hallo"));
        assertThat(own.languages()).contains("de", "en", "fr", "zh");
    }

    @Test
    void aBrokenSiteFileIsReportedEvenIfNoPageUsesItsLanguage() {
        assertThatThrownBy(() -> MessageCatalog.load(builtInFiles(), Map.of("i18n/zh.yaml", site("i18n/zh.yaml", "- a list\n- not a mapping\n"))))
                .isInstanceOf(ContentException.class)
                .hasMessageContaining("templates/i18n/zh.yaml");
    }
}
