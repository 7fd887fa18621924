package io.datadesk.read;

import java.util.List;

/**
 * A data directive: a fenced code block whose info string names a datadesk block rather than a language.
 *
 * <ul>
 *   <li>{@code ```sql NAME [show]}: a query whose result becomes table {@code NAME}</li>
 *   <li>{@code ```table}: an HTML table of a query result</li>
 *   <li>{@code ```chart}: a chart of a query result</li>
 * </ul>
 *
 * @param index position among the page's directives, in document order; the key for its rendered output
 * @param kind {@code sql}, {@code table} or {@code chart}
 * @param args the words after the kind in the info string (for sql: the name, then flags such as {@code show})
 * @param body the block's text
 * @param line 1-based line of the opening fence in the Markdown file
 */
public record Directive(int index, String kind, List<String> args, String body, int line) {

    public static final List<String> KINDS = List.of("sql", "table", "chart");

    public Directive {
        args = List.copyOf(args);
    }

    /** 1-based line of the first line of the body (the line after the fence). */
    public int bodyLine() {
        return line + 1;
    }
}
