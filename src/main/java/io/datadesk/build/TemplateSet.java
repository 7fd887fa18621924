package io.datadesk.build;

import io.datadesk.compute.ContentHashes;
import io.datadesk.render.Templates;
import io.datadesk.render.Theme;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The templates of one build with what each depends on, so a rebuild re-renders only the pages whose template (or a
 * template it includes fragments from) changed. Dependencies are read from fragment expressions such as
 * {@code ~{layout :: head}}; a template that chooses a fragment's template at run time depends on all of them.
 */
final class TemplateSet {

    // Template names in fragment expressions: "name :: fragment" (with or without ~{...}), a whole template as
    // ~{name}, or th:insert="name". Names that are not template files are ignored below, so a false match is harmless.
    private static final Pattern FRAGMENT_REF = Pattern.compile("([A-Za-z0-9_][A-Za-z0-9_./-]*)\\s*::"
            + "|~\\{\\s*([A-Za-z0-9_][A-Za-z0-9_./-]*)\\s*}"
            + "|th:(?:insert|replace|include)\\s*=\\s*[\"']\\s*([A-Za-z0-9_][A-Za-z0-9_./-]*)");
    private static final Pattern DYNAMIC_REF = Pattern.compile("~\\{\\s*[$*@]");
    // The 'articles' model variable used in an expression (not merely named in a comment): the template lists pages.
    private static final Pattern USES_ARTICLES = Pattern.compile("[$*]\\{[^}]*\\barticles\\b");

    // An article's body or provenance section read in an expression other than as the page's own (page.content): a
    // list that shows excerpts of the articles, which then changes with every edit of their prose.
    private static final Pattern EXPRESSION = Pattern.compile("[$*]\\{[^}]*}");
    private static final Pattern BODY_FIELD = Pattern.compile("(?<!\\bpage\\.)\\b(?:content|provenance)\\b");

    private final LazyTemplates templates;
    private final Theme theme;
    private final String allHash;
    private final Map<String, String> fileHashes; // template name (path without .html) -> hash
    private final Map<String, String> texts;
    private final Map<String, String> keys = new HashMap<>();
    private final Map<String, Boolean> listsArticles = new HashMap<>();
    // Each template's own references, found once: every key and listsArticles walks the closure of its template,
    // and matching the references' pattern again per walk was a fifth of a nothing-changed rebuild's main thread.
    private final Map<String, List<String>> references = new HashMap<>();
    private final String messagesKey;

    private TemplateSet(LazyTemplates templates, Theme theme, String allHash, Map<String, String> fileHashes,
            Map<String, String> texts, String messagesKey) {
        this.messagesKey = messagesKey;
        this.templates = templates;
        this.theme = theme;
        this.allHash = allHash;
        this.fileHashes = fileHashes;
        this.texts = texts;
    }

    /**
     * Reads the theme: the site's templates folder over the built-in theme. Reuses {@code previous} (and Thymeleaf's
     * parsed templates) when nothing changed.
     */
    static TemplateSet load(Path dir, String displayDir, TemplateSet previous) {
        Theme theme = Theme.load(dir, displayDir);
        Map<String, String> hashes = new TreeMap<>();
        Map<String, String> texts = new HashMap<>();
        theme.templates().forEach((name, file) -> {
            String text = file.text();
            hashes.put(name, ContentHashes.of(text));
            texts.put(name, text);
        });
        // The message files (i18n/LANG.yaml) are part of the templates: #{key} reads them.
        StringBuilder messages = new StringBuilder();
        theme.files().forEach((name, file) -> {
            if (name.startsWith(io.datadesk.i18n.MessageCatalog.FOLDER)) messages.append(name).append('=').append(ContentHashes.of(file.text())).append(';');
        });
        String all = ContentHashes.combine(hashes.toString(), messages.toString());
        if (previous != null && previous.allHash.equals(all)) return previous.withTheme(theme);
        return new TemplateSet(new LazyTemplates(theme, displayDir), theme, all, hashes, texts, ContentHashes.combine(messages.toString()));
    }

    /** The same templates with the theme just read, whose assets may differ. */
    private TemplateSet withTheme(Theme theme) {
        TemplateSet t = new TemplateSet(templates, theme, allHash, fileHashes, texts, messagesKey);
        t.keys.putAll(keys);
        t.references.putAll(references);
        t.listsArticles.putAll(listsArticles);
        t.readsBodies = readsBodies;
        return t;
    }

    /** The theme's static files (under {@code assets/}), by name. */
    Map<String, byte[]> assets() {
        return theme.assets();
    }

    /** The template engine, started on first use: a build whose pages all come from the page store needs none. */
    Templates templates() {
        return templates.get();
    }

    /** The theme's message files, read on first use (without starting the template engine). */
    io.datadesk.i18n.MessageCatalog messages() {
        return templates.messages();
    }

    /** A hash of the message files: what the texts of every page depend on besides its template. */
    String messagesKey() {
        return messagesKey;
    }

    /**
     * Renders the page templates once with a stand-in page on the calling thread, and throws the HTML away
     * ({@link Templates#warmUp}): for a build whose pages have data to compute first, beside that work.
     */
    void warmUp() {
        templates().warmUp();
    }

    /** Whether the message files were read by this set (only then can they have notes for the build). */
    boolean messagesRead() {
        return templates.catalog != null;
    }

    /** Whether template {@code name} exists, without starting the template engine. */
    boolean exists(String name) {
        return fileHashes.containsKey(name);
    }

    /**
     * Starts the template engine on a thread of its own, for a build that has pages to parse: it then starts while
     * the pages are parsed and computed, which do not need it (Thymeleaf's and OGNL's start-up, the message files and
     * unbescape's tables were a fifth of a one-page build, on its critical path). Does nothing if it is started.
     */
    void startEarly() {
        templates.startEarly();
    }

    /** The templates most builds render: every site's home and 404 pages, and its articles. */
    private static final List<String> PAGE_TEMPLATES = List.of("home", "article", "404");

    /**
     * Reads the theme and starts its template engine on a thread of its own: for a build that will parse and render
     * every page (a new or cleaned project), called when it starts, beside the kept site's fingerprint, the settings
     * and the content's scan, rather than when the first page is read. The build reads the theme again after its
     * fingerprint, as always, and takes this set's engine only when the two read the same templates and messages
     * ({@link #load}'s {@code previous}).
     *
     * @return the set as read here, or null when reading it failed (the build's own read reports why)
     */
    static java.util.concurrent.CompletableFuture<TemplateSet> startEarly(Path dir, String displayDir) {
        java.util.concurrent.CompletableFuture<TemplateSet> read = new java.util.concurrent.CompletableFuture<>();
        Thread t = new Thread(() -> {
            TemplateSet set = null;
            try {
                set = load(dir, displayDir, null);
                set.templates.early.set(true); // the first page to parse need not start the engine on another thread
                // What the build asks of the page templates besides their engine, found here and kept by withTheme
                // (before the set is handed over: withTheme copies these maps unlocked).
                set.readsArticleBodies();
                for (String name : PAGE_TEMPLATES) {
                    set.key(name);
                    set.listsArticles(name);
                }
            } catch (RuntimeException | Error e) {
                // a broken theme: the build's own read reports it
            } finally {
                read.complete(set);
            }
            if (set == null) return;
            try {
                set.templates();
            } catch (RuntimeException | Error e) {
                // a broken template or message file: the build's own render fails the same way and reports it
            }
        }, "datadesk-templates");
        t.setDaemon(true);
        t.start();
        return read;
    }

    /** Thymeleaf's start-up (its classes and OGNL's) costs a noticeable part of a small build: made when needed. */
    private static final class LazyTemplates {
        private final Theme theme;
        private final String displayDir;
        private final Object engineLock = new Object();
        private volatile Templates templates;
        private volatile io.datadesk.i18n.MessageCatalog catalog;
        private final java.util.concurrent.atomic.AtomicBoolean early = new java.util.concurrent.atomic.AtomicBoolean();

        LazyTemplates(Theme theme, String displayDir) {
            this.theme = theme;
            this.displayDir = displayDir;
        }

        Templates get() {
            Templates t = templates;
            if (t != null) return t;
            // The message files first and under their own lock: a page being computed needs them, not the engine.
            io.datadesk.i18n.MessageCatalog messages = messages();
            synchronized (engineLock) {
                if (templates == null) templates = new Templates(theme, displayDir, messages);
                return templates;
            }
        }

        synchronized io.datadesk.i18n.MessageCatalog messages() {
            if (catalog == null) catalog = Templates.catalogOf(theme);
            return catalog;
        }

        void startEarly() {
            if (templates != null || !early.compareAndSet(false, true)) return;
            Thread t = new Thread(() -> {
                try {
                    get();
                } catch (RuntimeException | Error e) {
                    // a broken template or message file: the build's own call fails the same way and reports it
                }
            }, "datadesk-templates");
            t.setDaemon(true);
            t.start();
        }
    }

    /** A hash of the template {@code name} and every template it takes fragments from. */
    synchronized String key(String name) {
        return keys.computeIfAbsent(name, n -> {
            StringBuilder sb = new StringBuilder();
            for (String dep : closure(n)) sb.append(dep).append('=').append(fileHashes.get(dep)).append(';');
            return ContentHashes.combine(n, sb.toString());
        });
    }

    /**
     * Whether a template may show other pages' bodies (see {@link io.datadesk.render.PageView#listing}): any of
     * them, since a page's list may be in a fragment of any template. A false positive costs renders, not output.
     */
    synchronized boolean readsArticleBodies() {
        if (readsBodies == null) readsBodies = texts.values().stream().anyMatch(TemplateSet::readsBodies);
        return readsBodies;
    }

    private Boolean readsBodies; // kept by withTheme: the same texts

    private static boolean readsBodies(String text) {
        Matcher e = EXPRESSION.matcher(text);
        while (e.find()) if (BODY_FIELD.matcher(e.group()).find()) return true;
        return false;
    }

    /** Whether rendering {@code name} reads the list of all pages, so it changes when any page does. */
    synchronized boolean listsArticles(String name) {
        return listsArticles.computeIfAbsent(name,
                n -> closure(n).stream().anyMatch(dep -> USES_ARTICLES.matcher(texts.get(dep)).find()));
    }

    private Set<String> closure(String name) {
        Set<String> seen = new TreeSet<>();
        Deque<String> todo = new ArrayDeque<>();
        todo.add(name);
        while (!todo.isEmpty()) {
            String n = todo.pop();
            if (!fileHashes.containsKey(n) || !seen.add(n)) continue;
            todo.addAll(references.computeIfAbsent(n, this::referencesOf));
        }
        if (seen.isEmpty()) seen.add(name); // a missing template still has a key, so creating it counts as a change
        return seen;
    }

    /** The templates that template {@code n} takes fragments from (every template when it chooses at run time). */
    private List<String> referencesOf(String n) {
        String text = texts.get(n);
        if (DYNAMIC_REF.matcher(text).find()) return List.copyOf(fileHashes.keySet());
        List<String> refs = new ArrayList<>();
        Matcher m = FRAGMENT_REF.matcher(text);
        while (m.find()) for (int g = 1; g <= m.groupCount(); g++) if (m.group(g) != null) refs.add(m.group(g));
        return refs;
    }
}
