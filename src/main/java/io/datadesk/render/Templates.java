package io.datadesk.render;

import io.datadesk.error.ContentException;
import io.datadesk.error.Diagnostic;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.thymeleaf.IEngineConfiguration;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.exceptions.TemplateEngineException;
import org.thymeleaf.exceptions.TemplateProcessingException;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.AbstractConfigurableTemplateResolver;
import org.thymeleaf.templateresource.ITemplateResource;
import org.thymeleaf.templateresource.StringTemplateResource;

/**
 * The Thymeleaf templates of a {@link Theme}: {@code NAME.html} renders a page whose template is {@code NAME}. Each
 * name, also inside fragment expressions such as {@code ~{layout :: head}}, is looked up in the site's templates
 * folder first and then in the built-in theme. One instance per build; thread-safe (Thymeleaf's engine is).
 */
public final class Templates {

    private final TemplateEngine engine;
    private final Theme theme;
    private final Map<String, Theme.File> byName;
    private final String displayDir;
    private final io.datadesk.i18n.MessageCatalog messages;

    /**
     * @param dir the site's templates folder (need not exist: the built-in theme is used alone)
     * @param displayDir how the folder is named in messages (relative to the project)
     */
    public Templates(Path dir, String displayDir) {
        this(Theme.load(dir.toAbsolutePath().normalize(), displayDir), displayDir);
    }

    public Templates(Theme theme, String displayDir) {
        this(theme, displayDir, catalogOf(theme));
    }

    /** The message files of a theme: the built-in ones with the site's {@code templates/i18n/*.yaml} over them. */
    public static io.datadesk.i18n.MessageCatalog catalogOf(Theme theme) {
        Map<String, Map.Entry<String, byte[]>> siteFiles = new java.util.TreeMap<>();
        theme.files().forEach((n, f) -> {
            if (!f.builtIn()) siteFiles.put(n, Map.entry(f.display(), f.bytes()));
        });
        return io.datadesk.i18n.MessageCatalog.load(Theme.builtInFiles(), siteFiles);
    }

    /** Templates whose {@code #{key}} messages come from {@code messages}. */
    public Templates(Theme theme, String displayDir, io.datadesk.i18n.MessageCatalog messages) {
        this.theme = theme;
        this.byName = theme.templates();
        this.displayDir = displayDir;
        RecordProperties.install();
        this.messages = messages;
        this.engine = new TemplateEngine();
        // Thymeleaf's standard dialect, with the theme's common expressions read without OGNL (QuickExpressions).
        org.thymeleaf.standard.StandardDialect dialect = new org.thymeleaf.standard.StandardDialect();
        dialect.setVariableExpressionEvaluator(new QuickExpressions());
        engine.setDialect(dialect);
        engine.setTemplateResolver(new ThemeResolver(byName));
        engine.setMessageResolver(new CatalogMessages(messages));
        // Started here rather than in the first render, so that a build that starts the engine on a thread of its own
        // (TemplateSet.startEarly) has it ready: the engine's dialects and processors, and the tables of HTML entities
        // that unbescape builds on Thymeleaf's first escape (about 2,000; a third of the first render).
        engine.getConfiguration();
        org.unbescape.html.HtmlEscape.escapeHtml4Xml("<");
    }

    private static final AtomicBoolean PRESTARTED = new AtomicBoolean();

    /**
     * Starts, on a thread of its own, what every template engine of the process shares and a page needs: the
     * built-in English messages, and the tables of HTML entities that unbescape builds on the first escape (about
     * 2,000 entities; two thirds of the engine's start in an empty site's profile). For a build that will render
     * pages, before its templates are read: the engine itself needs the theme. Does nothing the second time.
     */
    public static void prestart() {
        if (!PRESTARTED.compareAndSet(false, true)) return;
        Thread t = new Thread(() -> {
            io.datadesk.i18n.MessageCatalog.prestart(); // computing the first page needs them first
            org.unbescape.html.HtmlEscape.escapeHtml4Xml("<");
        }, "datadesk-prestart");
        t.setDaemon(true);
        t.start();
    }

    /**
     * Renders the theme's {@code home}, {@code article} and {@code 404} templates once each with a stand-in page,
     * and throws the HTML away: for a build whose first page has data to compute, on a thread of its own beside that
     * work, so that its pages find the templates and their fragments parsed (the engine keeps each parse for its life)
     * and Thymeleaf's processors and the expressions' code run once. A page's first render runs that code
     * interpreted, and after the data the pages' renders and the 404 page's are what is left of a small build. Nothing a page shows depends
     * on it: the engine keeps templates as parsed, not as rendered; messages the stand-in lacks are not noted
     * ({@link io.datadesk.i18n.MessageCatalog#quietly}); a template that fails with it fails, or not, on its own
     * page as before.
     */
    public void warmUp() {
        io.datadesk.i18n.MessageCatalog.quietly(() -> {
            io.datadesk.config.SiteConfig site = new io.datadesk.config.SiteConfig("Site", "About the site", "en", "Author",
                    "https://example.org/");
            io.datadesk.i18n.Messages msg = messages.forLocale(Locale.ENGLISH);
            Map<String, String> assets = new java.util.TreeMap<>();
            for (String name : theme.assets().keySet()) assets.put(name, "assets/" + name);
            java.time.LocalDate date = java.time.LocalDate.of(2026, 1, 2);
            PageView article = new PageView("Title", "Subtitle", "Description", "Author", date, date, java.util.List.of("Topic"),
                    "en", 3, java.util.List.of(new io.datadesk.read.TocEntry(2, "Heading", "heading")),
                    "<h2 id=\"heading\">Heading</h2><p>Text.</p>", "article/", "https://example.org/article/", Map.of(),
                    java.util.List.of(new PageView.Source("Publisher", "https://example.org/", java.util.List.of())),
                    java.util.List.of(new PageView.Download("data.csv", "article/data.csv")), "<section></section>", "", "article/");
            PageView home = new PageView("Home", null, "Description", "Author", null, null, java.util.List.of(), "en", 1,
                    java.util.List.of(), "<p>Text.</p>", "", "https://example.org/", Map.of(), java.util.List.of(),
                    java.util.List.of(), "", "", "");
            java.util.List<Translation> translations = java.util.List.of(
                    new Translation("en", "English", "index.html", "https://example.org/article/", true, true),
                    new Translation("fr", "Français", "index.fr.html", "https://example.org/fr/article/", false, false));
            for (PageView page : java.util.List.of(home, PageViews.notFound(site, msg), article)) {
                String name = page.isHome() ? "home" : page.isNotFound() ? "404" : "article";
                if (!exists(name)) continue;
                Map<String, Object> model = PageViews.model(site, page, page.isHome() ? java.util.List.of(article) : java.util.List.of(),
                        new Links(page.isHome() || page.isNotFound() ? "" : "../", assets), msg, "feed.xml");
                model.put("translations", page.isNotFound() ? java.util.List.of() : translations);
                if (page.isNotFound()) model.put("otherLanguages", java.util.List.of());
                try {
                    render(name, model, Locale.ENGLISH, name);
                } catch (RuntimeException e) {
                    // a site's own template that wants more than the stand-in has: its pages render it as before
                }
            }
        });
    }

    public Theme theme() {
        return theme;
    }

    /** The theme's message files ({@code i18n/LANG.yaml}): what {@code #{key}} in a template reads. */
    public io.datadesk.i18n.MessageCatalog messages() {
        return messages;
    }

    public boolean exists(String name) {
        return byName.containsKey(name);
    }

    /** How messages name the file of template {@code name}, also when it does not exist (in the site's folder). */
    public String display(String name) {
        Theme.File f = byName.get(name);
        return f != null ? f.display() : displayDir + "/" + name + ".html";
    }

    /** Names of the templates pages may choose (every top-level {@code .html} of the theme). */
    public java.util.List<String> names() {
        return byName.keySet().stream().filter(n -> !n.contains("/")).sorted().toList();
    }

    /**
     * Renders template {@code name} with {@code model}. A template error is reported with the template file, line
     * and column Thymeleaf knows, and the page being rendered.
     */
    public String render(String name, Map<String, Object> model, Locale locale, String forPage) {
        Context ctx = new Context(locale, model);
        try {
            return engine.process(name, ctx);
        } catch (TemplateEngineException e) {
            throw new ContentException(locate(e, name, forPage));
        }
    }

    private Diagnostic locate(TemplateEngineException e, String name, String forPage) {
        String template = display(name);
        int line = 0;
        int col = 0;
        if (e instanceof TemplateProcessingException tpe) {
            if (tpe.getTemplateName() != null) template = displayOf(tpe.getTemplateName());
            if (tpe.getLine() != null) line = tpe.getLine();
            if (tpe.getCol() != null) col = tpe.getCol();
        }
        String message = rootMessage(e);
        return new Diagnostic(template, line, col, "template error while rendering " + forPage + ": " + message,
                "fix the expression at this position; values the templates get are documented in the README");
    }

    private String displayOf(String templateName) {
        String n = templateName.endsWith(".html") ? templateName.substring(0, templateName.length() - 5) : templateName;
        return display(n);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        String msg = e.getMessage();
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
            if (t.getMessage() != null) msg = t.getMessage();
        }
        if (t.getClass().getSimpleName().equals("NoSuchPropertyException") && msg != null && msg.contains(".")) {
            String[] parts = msg.split("\\.");
            return "no property '" + parts[parts.length - 1] + "' on " + parts[parts.length - 2];
        }
        // Thymeleaf prefixes its messages with the template location we already report.
        return msg == null ? e.getClass().getSimpleName() : msg.replaceAll("\\s*\\(template: .*\\)$", "");
    }

    /**
     * Resolves template names against the theme's merged files, so what is rendered is exactly what the build
     * hashed for its incremental keys. Parsed templates are cached within a build only: each build whose
     * templates changed makes a new {@code Templates}.
     */
    private static final class ThemeResolver extends AbstractConfigurableTemplateResolver {
        private final Map<String, Theme.File> byName;

        ThemeResolver(Map<String, Theme.File> byName) {
            this.byName = byName;
            setTemplateMode(TemplateMode.HTML);
            setCacheable(true);
            setCheckExistence(true);
        }

        @Override
        protected ITemplateResource computeTemplateResource(IEngineConfiguration configuration, String ownerTemplate,
                String template, String resourceName, String characterEncoding, Map<String, Object> attributes) {
            Theme.File f = byName.get(template);
            return f == null ? new Missing(template) : new StringTemplateResource(f.text());
        }
    }

    /**
     * {@code #{key}} and {@code #{key(${a})}} in templates: the message of the page's language ({@code Context}'s
     * locale) from the theme's message files, English for a key the language lacks.
     */
    private static final class CatalogMessages implements org.thymeleaf.messageresolver.IMessageResolver {
        private final io.datadesk.i18n.MessageCatalog catalog;

        CatalogMessages(io.datadesk.i18n.MessageCatalog catalog) {
            this.catalog = catalog;
        }

        @Override public String getName() { return "datadesk"; }
        @Override public Integer getOrder() { return 0; }

        @Override
        public String resolveMessage(org.thymeleaf.context.ITemplateContext context, Class<?> origin, String key, Object[] params) {
            return catalog.forLocale(context.getLocale()).get(key, params == null ? new Object[0] : params);
        }

        @Override
        public String createAbsentMessageRepresentation(org.thymeleaf.context.ITemplateContext context, Class<?> origin, String key,
                                                        Object[] params) {
            return key;
        }
    }

    /** A template the theme does not have: Thymeleaf then reports "template might not exist". */
    private record Missing(String name) implements ITemplateResource {
        @Override public String getDescription() { return name; }
        @Override public String getBaseName() { return name; }
        @Override public boolean exists() { return false; }
        @Override public java.io.Reader reader() throws java.io.IOException { throw new java.io.FileNotFoundException(name); }
        @Override public ITemplateResource relative(String relativeLocation) { return new Missing(relativeLocation); }
    }
}
