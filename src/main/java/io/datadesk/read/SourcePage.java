package io.datadesk.read;

import java.nio.file.Path;

/**
 * A Markdown page found under {@code content/}.
 *
 * @param file absolute path of the Markdown file
 * @param displayPath path relative to the project, as shown in messages
 * @param sitePath where the page is served, relative to the site root: {@code ""} for the home page,
 *     {@code "ai-job-cuts/"} for {@code content/ai-job-cuts/index.md} or {@code content/ai-job-cuts.md}
 */
public record SourcePage(Path file, String displayPath, String sitePath) {

    /** The output file, relative to the site root. */
    public String outputFile() {
        return sitePath + "index.html";
    }

    /** How many folders deep the page is served: the number of {@code ../} to reach the site root. */
    public int depth() {
        return (int) sitePath.chars().filter(c -> c == '/').count();
    }

    /** The relative prefix from this page to the site root, such as {@code "../"}, or {@code ""} at the root. */
    public String root() {
        return "../".repeat(depth());
    }

    public boolean isHome() {
        return sitePath.isEmpty();
    }
}
