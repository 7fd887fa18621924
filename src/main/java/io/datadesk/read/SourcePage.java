package io.datadesk.read;

import java.nio.file.Path;

/**
 * A Markdown page found under {@code content/}.
 *
 * @param file absolute path of the Markdown file
 * @param displayPath path relative to the project, as shown in messages
 * @param sitePath where the page is served, relative to the site root: {@code ""} for the home page,
 *     {@code "ai-job-cuts/"} for {@code content/ai-job-cuts/index.md} or {@code content/ai-job-cuts.md},
 *     {@code "zh/ai-job-cuts/"} for its translation {@code content/ai-job-cuts/index.zh.md}
 * @param lang the language its file name gives ({@code zh} for {@code index.zh.md}), or null: the site's default
 *     language (or the front matter's {@code lang:})
 * @param key what the page is a version of, the same in every language: its site path in the default language
 *     ({@code "ai-job-cuts/"}; {@code ""} for the home pages)
 */
public record SourcePage(Path file, String displayPath, String sitePath, String lang, String key) {

    /** A page in the site's default language, published at {@code sitePath}. */
    public SourcePage(Path file, String displayPath, String sitePath) {
        this(file, displayPath, sitePath, null, sitePath);
    }

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

    /** The home page of its language: {@code content/index.md}, or {@code content/index.zh.md} ({@code zh/}). */
    public boolean isHome() {
        return key.isEmpty();
    }

    /** Whether the file name gives a language other than the default ({@code index.zh.md}): a translation. */
    public boolean isTranslation() {
        return lang != null;
    }
}
