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
            SourcePage page = new SourcePage(f, display(projectDir, f), sitePath(rel));
            SourcePage clash = bySitePath.putIfAbsent(page.sitePath(), page);
            if (clash != null) {
                problems.add(new Diagnostic(page.displayPath(), 0, 0,
                        "this page and " + clash.displayPath() + " both become " + page.outputFile(),
                        "rename or move one of them: 'x.md' and 'x/index.md' map to the same URL"));
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
