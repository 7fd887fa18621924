package io.datadesk.read;

/**
 * An inline value {@code {{ NAME.column | format }}} found in the prose.
 *
 * @param index position among the page's inline values, in document order; the key for its rendered text
 * @param expression the text between the braces, trimmed
 * @param line 1-based line in the Markdown file
 * @param column 1-based column of the opening braces
 */
public record InlineValue(int index, String expression, int line, int column) {}
