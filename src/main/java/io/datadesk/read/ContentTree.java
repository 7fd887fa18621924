package io.datadesk.read;

import io.datadesk.error.ContentException;
import io.datadesk.error.Diagnostic;
import io.datadesk.error.Diagnostics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What {@code content/} holds: the Markdown pages and every other file (images, CSV, PDFs), which is copied to the
 * same relative place in the site.
 *
 * @param staticFiles paths relative to the content folder, with '/' separators, sorted
 */
public record ContentTree(Path root, List<SourcePage> pages, List<String> staticFiles) {

    /**
     * Scans {@code contentDir}. Hidden files and folders (starting with '.') are skipped. Two pages that map to the same
     * URL are an error naming both.
     *
     * @param projectDir used to name files relative to the project in messages
     */
    public static ContentTree scan(Path contentDir, Path projectDir) {
        return scan(contentDir, projectDir, "en", java.util.Set.of());
    }

    /**
     * Scans {@code contentDir}; a page whose file name ends in a language code ({@code index.zh.md},
     * {@code notes.fr.md}) is the translation of the page without it and is published under the code
     * ({@code zh/…}), unless the code is the default language's.
     *
     * @param defaultLanguage the site's {@code language:}
     * @param languages the codes under {@code languages:} in datadesk.yaml; any other two-letter code is a language too
     */
    public static ContentTree scan(Path contentDir, Path projectDir, String defaultLanguage, java.util.Set<String> languages) {
        Path root = contentDir.toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw new ContentException(new Diagnostic(display(projectDir, root), 0, 0,
                    "the content folder does not exist",
                    "create it with 'datadesk new SLUG', or point --content at the folder holding your Markdown"));
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).filter(p -> !isHidden(root.relativize(p))).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, SourcePage> bySitePath = new LinkedHashMap<>();
        List<String> statics = new ArrayList<>();
        Diagnostics problems = new Diagnostics();
        for (Path f : files) {
            String rel = root.relativize(f).toString().replace('\\', '/');
            if (Files.isSymbolicLink(f)) {
                // Only links that stay in the project are followed: what a link leads to is published.
                Diagnostic outside = io.datadesk.error.Confined.check(f, display(projectDir, f), projectDir, root);
                if (outside != null) {
                    problems.add(outside);
                    continue;
                }
            }
            if (!isPage(rel)) {
                statics.add(rel);
                continue;
            }
            String lang = languageOf(rel, languages);
            String key = sitePath(lang == null ? rel : withoutLanguage(rel, lang));
            boolean translated = lang != null && !lang.equals(defaultLanguage);
            SourcePage page = new SourcePage(f, display(projectDir, f), translated ? lang + "/" + key : key,
                    translated ? lang : null, key);
            SourcePage clash = bySitePath.putIfAbsent(page.sitePath(), page);
            if (clash != null) {
                problems.add(new Diagnostic(page.displayPath(), 0, 0,
                        "this page and " + clash.displayPath() + " both become " + page.outputFile(),
                        "rename or move one of them: 'x.md' and 'x/index.md' map to the same URL, and so do 'x/index.zh.md' and 'zh/x/index.md'"));
            }
        }
        problems.throwIfAny();
        return new ContentTree(root, List.copyOf(bySitePath.values()), List.copyOf(statics));
    }

    /**
     * A Markdown file is a page unless it sits in a {@code data/} folder: there it documents the data (a
     * SOURCES.md with the provenance of the CSV files beside it) and is published as the file it is.
     */
    static boolean isPage(String rel) {
        return rel.toLowerCase(Locale.ROOT).endsWith(".md") && !("/" + rel).contains("/data/");
    }

    // A language code as a file name suffix: two letters (ISO 639-1), optionally a script or region (zh-Hant, pt-BR).
    private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("[a-z]{2}(-[A-Za-z0-9]{2,8})?");

    /**
     * The language code a page's file name ends in ({@code zh} for {@code x/index.zh.md}), or null. A code listed
     * under {@code languages:} always counts; otherwise only a two-letter code, so that {@code notes.old.md} stays
     * a page of its own.
     */
    static String languageOf(String rel, java.util.Set<String> languages) {
        String name = rel.substring(rel.lastIndexOf('/') + 1);
        String noExt = name.substring(0, name.length() - 3);
        int dot = noExt.lastIndexOf('.');
        if (dot <= 0) return null;
        String code = noExt.substring(dot + 1);
        return languages.contains(code) || CODE.matcher(code).matches() ? code : null;
    }

    private static String withoutLanguage(String rel, String lang) {
        return rel.substring(0, rel.length() - 3 - lang.length() - 1) + ".md";
    }

    /**
     * Clean URLs: {@code index.md} → {@code ""}, {@code x/index.md} and {@code x.md} → {@code "x/"}.
     *
     * @param rel path relative to the content folder with '/' separators
     */
    public static String sitePath(String rel) {
        String noExt = rel.substring(0, rel.length() - 3);
        if (noExt.equals("index")) return "";
        if (noExt.endsWith("/index")) return noExt.substring(0, noExt.length() - "index".length());
        return noExt + "/";
    }

    static String display(Path projectDir, Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Path base = projectDir.toAbsolutePath().normalize();
        return (abs.startsWith(base) ? base.relativize(abs) : abs).toString().replace('\\', '/');
    }

    private static boolean isHidden(Path rel) {
        for (Path part : rel) if (part.toString().startsWith(".")) return true;
        return false;
    }
}
