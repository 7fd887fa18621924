package io.datadesk.data;

import io.datadesk.error.ContentException;
import io.datadesk.error.Diagnostic;
import io.datadesk.error.Diagnostics;
import io.datadesk.error.Suggest;
import io.datadesk.yaml.YamlNode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Column checks on a query's result, written as one comment line in its {@code ```sql NAME} block, where a whole
 * {@code assert} query would say less:
 *
 * <pre>
 * ```sql monthly
 * -- expect: { rows: "&gt;= 12", unique: month, not_null: [laid_off], range: { laid_off: "&gt;= 0" } }
 * select month, sum(laid_off) as laid_off from layoffs group by month
 * ```
 * </pre>
 *
 * <ul>
 *   <li>{@code rows}: the number of rows, {@code 12}, {@code ">= 1"}, {@code "< 100"} or {@code "10..20"}</li>
 *   <li>{@code unique}: a column, or a list of columns whose combination no two rows share</li>
 *   <li>{@code not_null}: a column or a list of columns that must have a value in every row</li>
 *   <li>{@code range}: per column, the values allowed: {@code "0..1"}, {@code ">= 0"}, {@code "< 2025-01-01"}</li>
 * </ul>
 *
 * A comment, so the SQL stays runnable as it is in any DuckDB shell; checked in Java on the result, so a result
 * from the query cache is checked without opening a database.
 *
 * @param query the result's name; {@code file}, {@code line} the page and line of the {@code -- expect:} comment
 */
public record Expectation(String query, List<Check> checks, String file, int line) {

    public static final List<String> KEYS = List.of("rows", "unique", "not_null", "range");

    private static final Pattern LINE = Pattern.compile("(\\s*--\\s*expect\\s*:)(.*)");

    /**
     * One check: its kind ({@code rows}, {@code unique}, {@code not_null}, {@code range}), the columns it is about
     * (none for {@code rows}), the bound for {@code rows} and {@code range}, and where it is written.
     */
    public record Check(String kind, List<String> columns, Bound bound, int column) {}

    /** {@code ">= 0"}, {@code "0..1"}: inclusive or exclusive limits, as text until the column's type is known. */
    public record Bound(String text, String low, boolean lowInclusive, String high, boolean highInclusive) {
        private static final Pattern RANGE = Pattern.compile("\\s*(\\S+?)\\s*\\.\\.\\s*(\\S+)\\s*");
        private static final Pattern COMPARE = Pattern.compile("\\s*(>=|<=|==|>|<|=)?\\s*(\\S+)\\s*");

        static Bound parse(String text) {
            Matcher r = RANGE.matcher(text);
            if (r.matches()) return new Bound(text.strip(), r.group(1), true, r.group(2), true);
            Matcher c = COMPARE.matcher(text);
            if (!c.matches()) return null;
            String op = c.group(1) == null ? "=" : c.group(1);
            String v = c.group(2);
            return switch (op) {
                case ">=" -> new Bound(text.strip(), v, true, null, false);
                case ">" -> new Bound(text.strip(), v, false, null, false);
                case "<=" -> new Bound(text.strip(), null, false, v, true);
                case "<" -> new Bound(text.strip(), null, false, v, false);
                default -> new Bound(text.strip(), v, true, v, true);
            };
        }

        /** Whether a value passes; {@code convert} turns the limits into the column's kind of value. */
        <T extends Comparable<T>> boolean admits(T value, java.util.function.Function<String, T> convert) {
            if (low != null) {
                int c = value.compareTo(convert.apply(low));
                if (c < 0 || (c == 0 && !lowInclusive)) return false;
            }
            if (high != null) {
                int c = value.compareTo(convert.apply(high));
                if (c > 0 || (c == 0 && !highInclusive)) return false;
            }
            return true;
        }
    }

    /**
     * The {@code -- expect:} line of a sql block, or {@code null} if it has none. {@code bodyLine} is the page line
     * where the block's text starts. Throws a located {@link ContentException} for unknown keys or bad bounds.
     */
    public static Expectation find(String query, String body, String file, int bodyLine) {
        String[] lines = body.split("\n", -1);
        Expectation found = null;
        for (int i = 0; i < lines.length; i++) {
            Matcher m = LINE.matcher(lines[i]);
            if (!m.matches()) continue;
            if (found != null)
                throw new ContentException(new Diagnostic(file, bodyLine + i, 1, "a second '-- expect:' line in query '" + query + "'",
                        "put every check in one mapping: -- expect: { rows: \">= 1\", unique: month, not_null: [laid_off] }"));
            found = parse(query, " ".repeat(m.end(1)) + m.group(2), file, bodyLine + i);
        }
        return found;
    }

    private static Expectation parse(String query, String yaml, String file, int line) {
        YamlNode root = YamlNode.parse(yaml, file, line);
        if (!root.isMap() || root.asMap("expect").isEmpty())
            throw root.fail("'-- expect:' needs a mapping of checks", "write e.g. -- expect: { rows: \">= 1\", unique: month, not_null: [laid_off] }");
        Diagnostics problems = new Diagnostics();
        problems.addAll(root.unknownKeys("check", KEYS));
        List<Check> checks = new ArrayList<>();
        for (Map.Entry<String, YamlNode> e : root.asMap("expect").entrySet()) {
            YamlNode v = e.getValue();
            int column = root.keyNode(e.getKey()).column();
            switch (e.getKey()) {
                case "rows" -> problems.collect(() -> checks.add(new Check("rows", List.of(), bound(v), column)));
                case "unique", "not_null" -> problems.collect(() -> checks.add(new Check(e.getKey(), names(v, e.getKey()), null, column)));
                case "range" -> {
                    Map<String, YamlNode> ranges = problems.collect(() -> v.asMap("range"));
                    if (ranges != null) ranges.forEach((col, b) -> problems.collect(() ->
                            checks.add(new Check("range", List.of(col), bound(b), v.keyNode(col).column()))));
                }
                default -> { } // reported by unknownKeys
            }
        }
        problems.throwIfAny();
        return new Expectation(query, checks, file, line);
    }

    private static Bound bound(YamlNode v) {
        String text = v.asString("a bound");
        Bound b = text.isBlank() ? null : Bound.parse(text);
        if (b == null) throw v.fail("cannot read the bound '" + text + "'", "write a value with an optional comparison: \">= 1\", \"< 100\", \"0..1\", 12");
        return b;
    }

    private static List<String> names(YamlNode v, String key) {
        List<String> out = new ArrayList<>();
        for (YamlNode n : v.asScalarOrList(key)) out.add(n.asString("a column name").strip());
        if (out.isEmpty() || out.stream().anyMatch(String::isEmpty)) throw v.fail("'" + key + "' needs column names", "write e.g. " + key + ": [month]");
        return out;
    }

    /** Every failed check on {@code r}, each located at its key with the offending rows (at most 10) as data. */
    public List<Diagnostic> failures(QueryResult r) {
        List<Diagnostic> out = new ArrayList<>();
        for (Check c : checks) {
            Diagnostic d = check(c, r);
            if (d != null) out.add(d);
        }
        return out;
    }

    private Diagnostic check(Check c, QueryResult r) {
        for (String col : c.columns()) {
            if (r.indexOf(col) < 0) {
                String dym = Suggest.didYouMean(col, r.columnNames());
                return fail(c, "expect " + c.kind() + ": query '" + query + "' has no column '" + col + "'",
                        (dym.isEmpty() ? "" : dym + " ") + "Columns of " + query + ": " + String.join(", ", r.columnNames()) + ".", List.of());
            }
        }
        return switch (c.kind()) {
            case "rows" -> {
                Long n = (long) r.rowCount();
                boolean ok;
                try {
                    ok = c.bound().admits(n, Long::parseLong);
                } catch (NumberFormatException e) {
                    yield fail(c, "expect rows: '" + c.bound().text() + "' is not a number of rows", "write e.g. rows: \">= 1\"", List.of());
                }
                yield ok ? null : fail(c, "expect rows " + c.bound().text() + " on query '" + query + "', but it returned " + r.rowCount()
                        + (r.rowCount() == 1 ? " row" : " rows"), "check the query and its data", List.of());
            }
            case "not_null" -> {
                List<Integer> bad = new ArrayList<>();
                for (int k = 0; k < r.rowCount(); k++) {
                    for (String col : c.columns()) if (r.rows().get(k).get(r.indexOf(col)) == null) {
                        bad.add(k);
                        break;
                    }
                }
                yield bad.isEmpty() ? null : fail(c, "expect not_null: " + String.join(", ", c.columns()) + " of query '" + query + "' "
                        + (c.columns().size() == 1 ? "is" : "are") + " NULL in " + count(bad.size()), rowsHint(bad.size()), rows(r, bad));
            }
            case "unique" -> {
                Map<List<Object>, List<Integer>> seen = new LinkedHashMap<>();
                for (int k = 0; k < r.rowCount(); k++) {
                    List<Object> key = new ArrayList<>();
                    for (String col : c.columns()) key.add(r.rows().get(k).get(r.indexOf(col)));
                    seen.computeIfAbsent(key, x -> new ArrayList<>()).add(k);
                }
                List<Integer> bad = new ArrayList<>();
                long repeated = 0;
                for (List<Integer> ks : seen.values()) if (ks.size() > 1) {
                    repeated++;
                    bad.addAll(ks);
                }
                bad.sort(null);
                yield repeated == 0 ? null : fail(c, "expect unique: " + repeated + (repeated == 1 ? " value" : " values") + " of "
                        + String.join(", ", c.columns()) + (repeated == 1 ? " appears" : " appear") + " in more than one row of query '"
                        + query + "'", rowsHint(bad.size()), rows(r, bad));
            }
            case "range" -> range(c, r);
            default -> throw new IllegalStateException("unknown check " + c.kind());
        };
    }

    private Diagnostic range(Check c, QueryResult r) {
        int col = r.indexOf(c.columns().get(0));
        ColumnType type = r.columns().get(col).type();
        List<Integer> bad = new ArrayList<>();
        try {
            for (int k = 0; k < r.rowCount(); k++) {
                Object v = r.rows().get(k).get(col);
                if (v == null) continue; // not_null says whether NULL is allowed
                boolean ok = switch (type) {
                    case INTEGER, DECIMAL -> c.bound().admits(((Number) v).doubleValue(), Double::parseDouble);
                    case DATE -> c.bound().admits((LocalDate) v, LocalDate::parse);
                    case TIMESTAMP -> c.bound().admits((LocalDateTime) v, s -> LocalDateTime.parse(s.replace(' ', 'T')));
                    case TEXT -> c.bound().admits((String) v, s -> s);
                    case BOOLEAN -> true;
                };
                if (!ok) bad.add(k);
            }
        } catch (NumberFormatException | DateTimeParseException e) {
            return fail(c, "expect range: '" + c.bound().text() + "' does not fit column '" + c.columns().get(0) + "', which is "
                    + type.name().toLowerCase(java.util.Locale.ROOT), type.isTemporal() ? "write dates as yyyy-MM-dd, e.g. \">= 2020-01-01\""
                    : "write numbers, e.g. \"0..1\" or \">= 0\"", List.of());
        }
        return bad.isEmpty() ? null : fail(c, "expect range: " + c.columns().get(0) + " " + describe(c.bound()) + " in query '" + query
                + "', but " + count(bad.size()) + (bad.size() == 1 ? " is" : " are") + " outside", rowsHint(bad.size()), rows(r, bad));
    }

    private static String describe(Bound b) {
        return b.text().contains("..") || b.text().matches("\\s*[<>=].*") ? b.text() : "= " + b.text();
    }

    private static String count(int n) {
        return n + (n == 1 ? " row" : " rows");
    }

    private static String rowsHint(int n) {
        return "fix the data or the query" + (n > Assertion.SHOWN_ROWS ? "; the first " + Assertion.SHOWN_ROWS + " rows:" : ":");
    }

    private static List<List<String>> rows(QueryResult r, List<Integer> ks) {
        List<List<Object>> shown = new ArrayList<>();
        for (int k : ks.subList(0, Math.min(ks.size(), Assertion.SHOWN_ROWS))) shown.add(r.rows().get(k));
        return Assertion.table(new QueryResult(r.name(), r.columns(), shown), -1);
    }

    private Diagnostic fail(Check c, String message, String hint, List<List<String>> rows) {
        return new Diagnostic(file, line, c.column(), message, hint, rows);
    }
}
