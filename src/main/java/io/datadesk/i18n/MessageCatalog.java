package io.datadesk.i18n;

import io.datadesk.error.Diagnostics;
import io.datadesk.yaml.YamlNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * The message files of a theme, {@code templates/i18n/LANG.yaml}, by language: the built-in theme's English,
 * Simplified Chinese and French, each overlaid key by key with the site's file of the same name, and any language
 * the site adds. Thread-safe; remembers which keys and languages it lacked, for the build's notes.
 */
public final class MessageCatalog {

    /** Where the message files live inside the theme. */
    public static final String FOLDER = "i18n/";
    static final String ENGLISH = "en";
    /** The languages the built-in theme has messages for. */
    public static final List<String> BUILT_IN = List.of("en", "fr", "zh");

    private static volatile MessageCatalog builtIn;

    /**
     * Each language's messages, parsed on first use: a built-in file is parsed only when a page in its language (or,
     * for English, any page) asks for it. Parsing the three built-in files' YAML was a tenth of a small site's start
     * (JFR of a one-page build); a site's own files are parsed when the catalog is made, so that a mistake in one
     * is reported whatever languages the pages use.
     */
    private final Map<String, java.util.function.Supplier<Map<String, String>>> byLanguage;
    private final Map<String, Map<String, String>> parsed = new java.util.concurrent.ConcurrentHashMap<>();
    private final String hash;
    private final Set<String> notes = new ConcurrentSkipListSet<>();

    private MessageCatalog(Map<String, java.util.function.Supplier<Map<String, String>>> byLanguage, String hash) {
        this.byLanguage = byLanguage;
        this.hash = hash;
    }

    /**
     * Reads the message files among a theme's files (name inside the theme → bytes, display name for messages):
     * first the built-in ones, then the site's over them. A file that is not a mapping of keys to text is an error
     * at its line.
     *
     * @param builtInFiles the built-in theme's files by name
     * @param siteFiles the site's own files by name, with how messages name them
     */
    public static MessageCatalog load(Map<String, byte[]> builtInFiles, Map<String, Map.Entry<String, byte[]>> siteFiles) {
        Map<String, String> builtIn = new TreeMap<>(); // language → text of its built-in file
        Map<String, Map<String, String>> site = new TreeMap<>(); // language → the site's messages, parsed now
        Diagnostics problems = new Diagnostics();
        StringBuilder hashed = new StringBuilder();
        builtInFiles.forEach((name, bytes) -> {
            if (!isMessageFile(name)) return;
            String text = new String(bytes, StandardCharsets.UTF_8);
            hashed.append("[built-in theme]/").append(name).append('\0').append(text).append('\0');
            builtIn.put(language(name), text);
        });
        siteFiles.forEach((name, file) -> {
            if (!isMessageFile(name)) return;
            if (java.util.Arrays.equals(file.getValue(), builtInFiles.get(name))) {
                // A copy of the built-in file (the repository's own templates, or `datadesk theme export`): it says
                // what the built-in file says, which is parsed when its language is used.
                hashed.append(file.getKey()).append('\0').append(new String(file.getValue(), StandardCharsets.UTF_8)).append('\0');
                return;
            }
            read(site, name, file.getKey(), file.getValue(), problems, hashed);
        });
        problems.throwIfAny();
        Map<String, java.util.function.Supplier<Map<String, String>>> all = new TreeMap<>();
        for (String language : union(builtIn.keySet(), site.keySet())) {
            String text = builtIn.get(language);
            Map<String, String> own = site.getOrDefault(language, Map.of());
            all.put(language, () -> {
                Map<String, String> into = new TreeMap<>();
                if (text != null) into.putAll(parsedBuiltIn(language, text));
                into.putAll(own);
                return Collections.unmodifiableMap(into);
            });
        }
        return new MessageCatalog(Collections.unmodifiableMap(all), Integer.toHexString(hashed.toString().hashCode()));
    }

    /**
     * Built-in message files parsed in this process, by their text: the same for every catalog (and every build of
     * {@code serve}), and parsed ahead by {@link #prestart} for a build that will need them.
     */
    private static final Map<String, Map<String, String>> BUILT_IN_PARSED = new java.util.concurrent.ConcurrentHashMap<>();

    private static Map<String, String> parsedBuiltIn(String language, String text) {
        return BUILT_IN_PARSED.computeIfAbsent(text, t -> {
            Map<String, String> into = new TreeMap<>();
            Diagnostics broken = new Diagnostics();
            parse(into, "[built-in theme]/" + FOLDER + language + ".yaml", t, broken);
            broken.throwIfAny(); // a built-in file is datadesk's own: checked by its tests
            return Collections.unmodifiableMap(into);
        });
    }

    /**
     * Parses the built-in English messages now, which every page's charts and tables read (English always: it is
     * what every other language falls back to). For a build that is about to compute pages: called on a thread of
     * its own, it takes their YAML off the page's path (a fifteenth of an empty site's main thread).
     */
    public static void prestart() {
        String name = FOLDER + ENGLISH + ".yaml";
        try (var in = MessageCatalog.class.getClassLoader().getResourceAsStream("io/datadesk/theme/" + name)) {
            if (in != null) parsedBuiltIn(ENGLISH, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (java.io.IOException | RuntimeException e) {
            // the build reads and parses it itself, and reports what is wrong
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> u = new java.util.TreeSet<>(a);
        u.addAll(b);
        return u;
    }

    private static String language(String name) {
        return name.substring(FOLDER.length(), name.length() - ".yaml".length());
    }

    /** A language's messages, parsed on first use; none for a language without a file. */
    private Map<String, String> messagesOf(String language) {
        var made = byLanguage.get(language);
        return made == null ? Map.of() : parsed.computeIfAbsent(language, l -> made.get());
    }

    /** The built-in theme's messages alone. */
    public static MessageCatalog builtIn() {
        MessageCatalog c = builtIn;
        if (c == null) {
            // The theme's files are on the class path beside the templates (see render.Theme); the built-in
            // languages are read by name, so this package does not depend on the render stage.
            Map<String, byte[]> files = new TreeMap<>();
            for (String lang : BUILT_IN) {
                String name = FOLDER + lang + ".yaml";
                try (var in = MessageCatalog.class.getClassLoader().getResourceAsStream("io/datadesk/theme/" + name)) {
                    if (in != null) files.put(name, in.readAllBytes());
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            c = load(files, Map.of());
            builtIn = c;
        }
        return c;
    }

    private static boolean isMessageFile(String name) {
        return name.startsWith(FOLDER) && name.endsWith(".yaml") && name.indexOf('/', FOLDER.length()) < 0;
    }

    private static void read(Map<String, Map<String, String>> all, String name, String display, byte[] bytes,
                             Diagnostics problems, StringBuilder hashed) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        hashed.append(display).append('\0').append(text).append('\0');
        parse(all.computeIfAbsent(language(name), l -> new TreeMap<>()), display, text, problems);
    }

    private static void parse(Map<String, String> into, String display, String text, Diagnostics problems) {
        problems.collect(() -> {
            YamlNode root = YamlNode.parse(text, display, 1);
            if (root.isNull()) return null;
            flatten("", root, into, problems);
            return null;
        });
    }

    /** Nested keys ({@code chart: { no_data: … }}) become dotted ones ({@code chart.no_data}). */
    private static void flatten(String prefix, YamlNode node, Map<String, String> into, Diagnostics problems) {
        Map<String, YamlNode> map = problems.collect(() -> node.asMap("a message file"));
        if (map == null) return;
        map.forEach((key, value) -> {
            if (value.isMap()) flatten(prefix + key + ".", value, into, problems);
            else if (value.isNull() || !value.isScalar())
                problems.add(value.error("message '" + prefix + key + "' must be a text", "write it as key: \"text\""));
            else into.put(prefix + key, value.asString(key));
        });
    }

    /**
     * The messages for pages in {@code locale}: its language's file ({@code zh-CN} → {@code zh-CN.yaml}, else
     * {@code zh.yaml}), else English, with a note naming the language.
     */
    public Messages forLocale(Locale locale) {
        String tag = locale.toLanguageTag();
        String language = byLanguage.containsKey(tag) ? tag : byLanguage.containsKey(locale.getLanguage()) ? locale.getLanguage() : null;
        Map<String, String> english = messagesOf(ENGLISH);
        if (language == null) {
            notes.add("no messages for language '" + tag + "' (templates/" + FOLDER + locale.getLanguage()
                    + ".yaml): its pages show datadesk's texts in English; add the file to translate them");
            return new Messages(ENGLISH, locale, english, english, this);
        }
        return new Messages(language, locale, messagesOf(language), english, this);
    }

    /** The languages that have messages. */
    public Set<String> languages() {
        return byLanguage.keySet();
    }

    /** The keys of a language's messages, with their texts. */
    public Map<String, String> texts(String language) {
        return messagesOf(language);
    }

    /** A hash of every message file read: pages are rendered again when it changes. */
    public String hash() {
        return hash;
    }

    void missing(String language, String key, boolean inEnglish) {
        if (QUIET.get() != null) return;
        notes.add(inEnglish
                ? "templates/" + FOLDER + language + ".yaml has no message '" + key + "': English used"
                : "no message '" + key + "' in templates/" + FOLDER + ENGLISH + ".yaml or any other: the key itself is shown");
    }

    private static final ThreadLocal<Boolean> QUIET = new ThreadLocal<>();

    /**
     * Runs {@code r} on this thread with no notes taken of the messages it lacks: for work whose output is thrown away
     * (a warm-up render with a stand-in page), which must not add notes to the build that a real page would not.
     */
    public static void quietly(Runnable r) {
        QUIET.set(Boolean.TRUE);
        try {
            r.run();
        } finally {
            QUIET.remove();
        }
    }

    /** What the catalog lacked since the last call, for the build's notes. */
    public List<String> drainNotes() {
        List<String> out = new ArrayList<>(notes);
        notes.removeAll(out);
        return out;
    }
}
