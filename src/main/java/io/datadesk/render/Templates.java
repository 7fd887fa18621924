package io.datadesk.render;

import io.datadesk.error.ContentException;
import io.datadesk.error.Diagnostic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.exceptions.TemplateEngineException;
import org.thymeleaf.exceptions.TemplateProcessingException;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.FileTemplateResolver;

/**
 * The Thymeleaf templates in {@code templates/}: {@code NAME.html} renders a page whose template is {@code NAME}.
 * One instance per build; thread-safe (Thymeleaf's engine is).
 */
public final class Templates {

    private final TemplateEngine engine;
    private final Path dir;
    private final String displayDir;

    /**
     * @param dir the templates folder
     * @param displayDir how the folder is named in messages (relative to the project)
     */
    public Templates(Path dir, String displayDir) {
        this.dir = dir.toAbsolutePath().normalize();
        this.displayDir = displayDir;
        FileTemplateResolver resolver = new FileTemplateResolver();
        resolver.setPrefix(this.dir.toString() + "/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        // Parsed templates are cached within a build only: each build makes a new Templates, so edits show up.
        resolver.setCacheable(true);
        this.engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
    }

    public boolean exists(String name) {
        return Files.isRegularFile(dir.resolve(name + ".html"));
    }

    public Path file(String name) {
        return dir.resolve(name + ".html");
    }

    /** Names of the templates pages may choose (every top-level {@code .html} in the folder). */
    public java.util.List<String> names() {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".html"))
                    .map(n -> n.substring(0, n.length() - 5)).sorted().toList();
        } catch (java.io.IOException e) {
            return java.util.List.of();
        }
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
        String template = displayDir + "/" + name + ".html";
        int line = 0;
        int col = 0;
        if (e instanceof TemplateProcessingException tpe) {
            if (tpe.getTemplateName() != null) template = display(tpe.getTemplateName());
            if (tpe.getLine() != null) line = tpe.getLine();
            if (tpe.getCol() != null) col = tpe.getCol();
        }
        String message = rootMessage(e);
        return new Diagnostic(template, line, col, "template error while rendering " + forPage + ": " + message,
                "fix the expression at this position; values the templates get are documented in the README");
    }

    private String display(String templateName) {
        if (!templateName.contains("/")) return displayDir + "/" + templateName + ".html";
        Path p = Path.of(templateName).toAbsolutePath().normalize();
        return p.startsWith(dir) ? displayDir + "/" + dir.relativize(p).toString().replace('\\', '/') : templateName;
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
}
