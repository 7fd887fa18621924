package io.datadesk.table;

import io.datadesk.data.QueryResult;
import io.datadesk.error.ContentException;
import io.datadesk.error.Diagnostic;
import io.datadesk.error.Diagnostics;
import io.datadesk.format.ValueFormat;
import io.datadesk.yaml.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A fenced {@code table} block: which query result to show, which columns with which labels and formats, how many
 * rows.
 *
 * <pre>
 * data: top_companies
 * caption: The ten largest layoffs
 * columns:
 *   company: Company
 *   laid_off: { label: People laid off, format: number }
 * limit: 10
 * </pre>
 *
 * @param columns the columns to show in order; empty means every column of the result, as named there
 * @param limit   the most rows shown, or 0 for all
 * @param caption {@code null} for none
 * @param file    the Markdown file, and {@code line}/{@code column} of the block, for errors
 */
public record TableSpec(String data, List<ColumnSpec> columns, int limit, String caption, String file, int line, int column,
                        int dataLine, int dataColumn) {

    public static final List<String> KEYS = List.of("data", "columns", "limit", "caption");
    public static final List<String> COLUMN_KEYS = List.of("label", "format", "align");

    public enum Align { LEFT, CENTER, RIGHT }

    /**
     * One shown column.
     *
     * @param label  the header text; the column's name if none was given
     * @param format {@code null} for the default formatting
     * @param align  {@code null} to right-align numbers and left-align the rest
     */
    public record ColumnSpec(String name, String label, ValueFormat format, Align align, int line, int column) {}

    public TableSpec {
        columns = List.copyOf(columns);
    }

    /** Reads the YAML body of a {@code table} block. Throws every problem found, located. */
    public static TableSpec parse(YamlNode body) {
        Diagnostics problems = new Diagnostics();
        problems.addAll(body.unknownKeys("table option", KEYS));
        Map<String, YamlNode> options = body.asMap("a table block");
        String data = null;
        int dataLine = body.line(), dataColumn = body.column();
        if (!options.containsKey("data"))
            problems.add(body.error("the table block has no 'data'", "add 'data: NAME', naming a ```sql NAME block above"));
        else {
            YamlNode d = options.get("data");
            data = problems.collect(() -> d.asString("data").strip());
            dataLine = d.line();
            dataColumn = d.column();
        }
        List<ColumnSpec> columns = options.containsKey("columns") ? problems.collect(() -> parseColumns(options.get("columns"))) : List.of();
        Integer limit = 0;
        if (options.containsKey("limit")) {
            YamlNode l = options.get("limit");
            limit = problems.collect(() -> {
                int n = l.asInt("limit");
                if (n < 1) throw l.fail("limit must be 1 or more, not " + n, "leave 'limit' out to show every row");
                return n;
            });
        }
        String caption = options.containsKey("caption")
                ? io.datadesk.format.Typography.smarten(problems.collect(() -> options.get("caption").asString("caption"))) : null;
        problems.throwIfAny();
        return new TableSpec(data, columns == null ? List.of() : columns, limit == null ? 0 : limit, caption,
                body.file(), body.line(), body.column(), dataLine, dataColumn);
    }

    private static List<ColumnSpec> parseColumns(YamlNode node) {
        Diagnostics problems = new Diagnostics();
        List<ColumnSpec> out = new ArrayList<>();
        if (node.isList()) { // columns: [company, laid_off]
            for (YamlNode n : node.asList("columns")) {
                String name = problems.collect(() -> n.asString("a column name"));
                if (name != null) out.add(new ColumnSpec(name, name, null, null, n.line(), n.column()));
            }
            problems.throwIfAny();
            return out;
        }
        for (Map.Entry<String, YamlNode> e : node.asMap("columns").entrySet()) {
            String name = e.getKey();
            YamlNode key = node.keyNode(name);
            YamlNode v = e.getValue();
            if (v.isNull()) out.add(new ColumnSpec(name, name, null, null, key.line(), key.column()));
            else if (v.isScalar()) out.add(new ColumnSpec(name, io.datadesk.format.Typography.smarten(v.asString("label")), null, null, key.line(), key.column()));
            else {
                ColumnSpec c = problems.collect(() -> parseColumn(name, key, v));
                if (c != null) out.add(c);
            }
        }
        problems.throwIfAny();
        return out;
    }

    private static ColumnSpec parseColumn(String name, YamlNode key, YamlNode v) {
        Diagnostics problems = new Diagnostics();
        problems.addAll(v.unknownKeys("column option", COLUMN_KEYS));
        Map<String, YamlNode> o = v.asMap("column '" + name + "'");
        String label = o.containsKey("label") ? problems.collect(() -> o.get("label").asString("label")) : name;
        ValueFormat format = null;
        if (o.containsKey("format")) {
            YamlNode f = o.get("format");
            format = problems.collect(() -> ValueFormat.parse(f.asString("format"), f.file(), f.line(), f.column()));
        }
        Align align = null;
        if (o.containsKey("align")) {
            YamlNode a = o.get("align");
            String text = problems.collect(() -> a.asString("align"));
            if (text != null) {
                try {
                    align = Align.valueOf(text.strip().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    problems.add(a.error("align must be left, center or right, not '" + text + "'", ""));
                }
            }
        }
        problems.throwIfAny();
        return new ColumnSpec(name, label == null ? name : io.datadesk.format.Typography.smarten(label), format, align, key.line(), key.column());
    }

    /** The result this table shows, from the page's results so far; a located error lists the names that exist. */
    public QueryResult resultIn(Map<String, QueryResult> results) {
        return io.datadesk.data.Results.find(results, data).orElseThrow(() -> new ContentException(new Diagnostic(file,
                dataLine, dataColumn, "table: no query result named '" + data + "'", io.datadesk.data.Results.unknownNameHint(data, results))));
    }
}
