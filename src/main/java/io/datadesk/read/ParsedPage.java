package io.datadesk.read;

import io.datadesk.error.ContentException;
import io.datadesk.error.Diagnostic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

/**
 * A page as the read stage hands it on: where it came from, its front matter and its parsed Markdown.
 *
 * @param lines where each body line came from, when the page includes partials; {@link #locate} moves problems found
 *     later in the body to the partial they are in
 */
public record ParsedPage(SourcePage source, FrontMatter frontMatter, Markdown.MarkdownPage markdown, LineMap lines) {

    public ParsedPage(SourcePage source, FrontMatter frontMatter, Markdown.MarkdownPage markdown) {
        this(source, frontMatter, markdown, LineMap.identity());
    }

    /** Reads and parses one page; all front matter problems are reported together. */
    public static ParsedPage read(SourcePage source, Markdown markdown) {
        return read(source, markdown, Partials.none());
    }

    /** Reads and parses one page, its {@code {{> NAME }}} lines replaced by the partials of that name. */
    public static ParsedPage read(SourcePage source, Markdown markdown, Partials partials) {
        String text = io.datadesk.error.Utf8Text.read(source.file(), source.displayPath(), "the page");
        return parse(source, FrontMatter.split(text, source.displayPath()), markdown, partials);
    }

    /** Parses a page whose text was already read and split (the build reads each file once). */
    public static ParsedPage parse(SourcePage source, FrontMatter.Split split, Markdown markdown) {
        return parse(source, split, markdown, Partials.none());
    }

    /** Parses a page already read and split, its {@code {{> NAME }}} lines replaced by the partials of that name. */
    public static ParsedPage parse(SourcePage source, FrontMatter.Split split, Markdown markdown, Partials partials) {
        return parse(source, split, markdown, partials, null);
    }

    /**
     * As above, reusing what {@code previous} (this page's last parse, {@link Markdown.MarkdownPage#NONE} for a page
     * to parse in parts from the start, or null) parsed of the blocks that did not change
     * ({@link Markdown#parse(String, Markdown.MarkdownPage)}): the same result, sooner after a small edit.
     */
    public static ParsedPage parse(SourcePage source, FrontMatter.Split split, Markdown markdown, Partials partials,
                                   Markdown.MarkdownPage previous) {
        FrontMatter fm = FrontMatter.parse(split.yaml(), source.displayPath());
        Partials.Expanded body = partials.expand(split.body(), source.displayPath());
        try {
            return new ParsedPage(source, fm, markdown.parse(body.text(), previous), body.lines());
        } catch (ContentException e) {
            throw body.lines().locate(e);
        }
    }

    /** A problem found in this page's body, moved to the partial it is in when it is in one. */
    public ContentException locate(ContentException e) {
        return lines.locate(e);
    }
}
