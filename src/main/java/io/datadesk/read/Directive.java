package io.datadesk.read;

import java.util.List;
import java.util.Optional;

/**
 * A data directive: a fenced code block whose info string names a datadesk block rather than a language. Each kind
 * is a record of this sealed interface, carrying what its info string says in typed fields; stages tell kinds apart
 * with {@code instanceof} patterns (Java 17 has no pattern {@code switch}), and a new kind is added here, in
 * {@link #of}, and where a stage handles it.
 *
 * <ul>
 *   <li>{@code ```sql NAME [show]}: {@link Query}, a query whose result becomes table {@code NAME}</li>
 *   <li>{@code ```table}: {@link Table}, an HTML table of a query result</li>
 *   <li>{@code ```chart}: {@link Chart}, a chart of a query result</li>
 *   <li>{@code ```assert [NAME]}: {@link Assert}, a query for the rows that break a rule; readers never see it</li>
 * </ul>
 *
 * <p>Every directive has an {@code index} (its position among the page's directives, in document order: the key for
 * its rendered output), a {@code body} (the block's text) and a {@code line} (1-based line of the opening fence in
 * the Markdown file).
 */
public sealed interface Directive permits Directive.Query, Directive.Table, Directive.Chart, Directive.Assert {

    int index();

    String body();

    int line();

    /** 1-based line of the first line of the body (the line after the fence). */
    default int bodyLine() {
        return line() + 1;
    }

    /**
     * The info string as the directive means it, such as {@code sql yearly show}: with the body, what the directive
     * is, regardless of where it stands on the page (the build's cache keys use it).
     */
    String info();

    /**
     * The directive a fence's info string names, if any. A plain {@code ```sql} fence (without a name) is only
     * highlighted code.
     *
     * @param info the words of the info string
     */
    static Optional<Directive> of(int index, List<String> info, String body, int line) {
        return of(index, info, body, line, 0);
    }

    /**
     * As {@link #of(int, List, String, int)}, with the 1-based column of the info string's second word (a query's
     * name) on the fence line, 0 when unknown: messages about the name point at it.
     */
    static Optional<Directive> of(int index, List<String> info, String body, int line, int nameColumn) {
        if (info.isEmpty()) return Optional.empty();
        List<String> args = info.subList(1, info.size());
        return switch (info.get(0)) {
            case "sql" -> args.isEmpty() ? Optional.empty()
                    : Optional.of(new Query(index, args.get(0), args.subList(1, args.size()).contains("show"), body, line, nameColumn));
            case "table" -> Optional.of(new Table(index, body, line));
            case "chart" -> Optional.of(new Chart(index, body, line));
            case "assert" -> Optional.of(new Assert(index, List.copyOf(args), body, line));
            default -> Optional.empty();
        };
    }

    /**
     * {@code ```sql NAME [show]}: a query whose result becomes table {@code name}.
     *
     * @param show       whether readers see the SQL (a collapsed "Show the SQL" block)
     * @param nameColumn 1-based column of the name on the fence line (0 when unknown), where name errors point
     */
    record Query(int index, String name, boolean show, String body, int line, int nameColumn) implements Directive {
        public Query(int index, String name, boolean show, String body, int line) {
            this(index, name, show, body, line, 0);
        }

        @Override
        public String info() {
            return "sql " + name + (show ? " show" : "");
        }
    }

    /** {@code ```table}: an HTML table of a query result; the body is the table's YAML. */
    record Table(int index, String body, int line) implements Directive {
        @Override
        public String info() {
            return "table";
        }
    }

    /** {@code ```chart}: a chart of a query result; the body is the chart's YAML. */
    record Chart(int index, String body, int line) implements Directive {
        @Override
        public String info() {
            return "chart";
        }
    }

    /**
     * {@code ```assert [NAME]}: a data assertion; the body is an optional {@code message:} line and a query that
     * returns the rows breaking the rule (see {@code io.datadesk.data.Assertion}).
     *
     * @param args the words after {@code assert}: its name, if any
     */
    record Assert(int index, List<String> args, String body, int line) implements Directive {
        public Assert {
            args = List.copyOf(args);
        }

        @Override
        public String info() {
            return ("assert " + String.join(" ", args)).strip();
        }
    }
}
