package io.datadesk.read;

/** A heading of the page for the table of contents: level 2 or 3, its text and its anchor id. */
public record TocEntry(int level, String text, String id) {}
