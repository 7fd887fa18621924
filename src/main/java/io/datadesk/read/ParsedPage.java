package io.datadesk.read;

import io.datadesk.error.ContentException;
import io.datadesk.error.Diagnostic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

/** A page as the read stage hands it on: where it came from, its front matter and its parsed Markdown. */
public record ParsedPage(SourcePage source, FrontMatter frontMatter, Markdown.MarkdownPage markdown) {

    /** Reads and parses one page; all front matter problems are reported together. */
    public static ParsedPage read(SourcePage source, Markdown markdown) {
        String text;
        try {
            text = Files.readString(source.file(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ContentException(new Diagnostic(source.displayPath(), 0, 0, "cannot read the page: " + e.getMessage(), ""));
        }
        return parse(source, FrontMatter.split(text, source.displayPath()), markdown);
    }

    /** Parses a page whose text was already read and split (the build reads each file once). */
    public static ParsedPage parse(SourcePage source, FrontMatter.Split split, Markdown markdown) {
        FrontMatter fm = FrontMatter.parse(split.yaml(), source.displayPath());
        return new ParsedPage(source, fm, markdown.parse(split.body()));
    }
}
