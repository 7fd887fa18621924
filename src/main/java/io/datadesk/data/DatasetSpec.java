package io.datadesk.data;

import io.datadesk.error.ContentException;
import io.datadesk.error.Diagnostic;
import io.datadesk.error.Diagnostics;
import io.datadesk.error.Suggest;
import io.datadesk.yaml.YamlNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One dataset declared in a page's front matter: a table name, the file, and how to read it.
 *
 * <pre>
 * data:
 *   layoffs: data/layoffs_fyi.csv           # short form; the format comes from the extension
 *   challenger:                             # long form
 *     path: data/challenger_monthly.csv
 *     format: csv                           # csv, tsv, json, ndjson, parquet; default: from the extension
 *     types: { month: "date:yyyy-MM" }
 *     null: ["", "NA"]
 *     delimiter: ";"
 * </pre>
 *
 * @param types       declared column types by CSV header name; other columns are inferred
 * @param nullMarkers cell texts read as NULL; the empty cell is always NULL
 * @param file        front-matter file, and {@code line}/{@code column} of the dataset's name there, for errors
 * @param source      who published the data ({@code source:} in the long form), or {@code null}; the page credits it
 * @param format      how the file is read: {@code format:}, else from the path's extension; null for a database query
 * @param jdbc        for a dataset that is a database query ({@code jdbc:} in the long form, see {@link JdbcSpec}),
 *                    else null; then {@code path} and {@code format} are null
 */
public record DatasetSpec(String name, String path, Map<String, DeclaredType> types, List<String> nullMarkers,
                          char delimiter, String file, int line, int column, Attribution source, DataFormat format,
                          JdbcSpec jdbc) {

    public DatasetSpec(String name, String path, Map<String, DeclaredType> types, List<String> nullMarkers,
                       char delimiter, String file, int line, int column, Attribution source, DataFormat format) {
        this(name, path, types, nullMarkers, delimiter, file, line, column, source, format, null);
    }

    static final List<String> LONG_FORM_KEYS = List.of("path", "types", "null", "delimiter", "source", "format");

    public DatasetSpec(String name, String path, Map<String, DeclaredType> types, List<String> nullMarkers,
                       char delimiter, String file, int line, int column) {
        this(name, path, types, nullMarkers, delimiter, file, line, column, null);
    }

    public DatasetSpec(String name, String path, Map<String, DeclaredType> types, List<String> nullMarkers,
                       char delimiter, String file, int line, int column, Attribution source) {
        this(name, path, types, nullMarkers, delimiter, file, line, column, source, DataFormat.ofPath(path));
    }

    public DatasetSpec {
        types = Map.copyOf(types);
        nullMarkers = List.copyOf(nullMarkers);
    }

    /** A dataset with defaults (comma, empty cell is NULL, all types inferred), e.g. for tests and tools. */
    public static DatasetSpec of(String name, String path) {
        DataFormat format = DataFormat.ofPath(path);
        return new DatasetSpec(name, path, Map.of(), List.of(""), format == DataFormat.TSV ? '\t' : ',', "", 0, 0, null, format);
    }

    /** A problem located at this dataset's declaration in front matter. */
    public Diagnostic error(String message, String hint) {
        return new Diagnostic(file, line, column, message, hint);
    }

    /**
     * Reads the front-matter {@code data:} mapping. Reports every problem found at once (bad names, unknown keys
     * with the closest valid one, unknown types) as a {@link ContentException}.
     */
    public static List<DatasetSpec> parseAll(YamlNode data) {
        if (data == null || data.isNull()) return List.of();
        Diagnostics problems = new Diagnostics();
        List<DatasetSpec> out = new ArrayList<>();
        Map<String, String> seen = new HashMap<>(); // lower-case -> as written; DuckDB names ignore case
        for (Map.Entry<String, YamlNode> e : data.asMap("data").entrySet()) {
            String name = e.getKey();
            YamlNode keyNode = data.keyNode(name);
            String bad = SqlNames.problem(name);
            if (bad != null) {
                problems.add(keyNode.error("dataset name: " + bad, "rename it, e.g. '" + suggestName(name) + "'"));
                continue;
            }
            String earlier = seen.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
            if (earlier != null) {
                problems.add(keyNode.error("dataset name '" + name + "' is the same as '" + earlier + "' (SQL names ignore case)",
                        "give each dataset its own name"));
                continue;
            }
            DatasetSpec spec = problems.collect(() -> parseOne(name, keyNode, e.getValue()));
            if (spec != null) out.add(spec);
        }
        problems.throwIfAny();
        return List.copyOf(out);
    }

    /**
     * The datasets of a translation ({@code index.zh.md}): its original's, then those it declares itself. An entry
     * that names one of the original's datasets may only give its {@code source:}, the credit in the translation's
     * language ({@code layoffs: { source: { text: 科技业裁员追踪, url: … } }}): the data itself is shared, so both
     * editions compute from the same file.
     */
    public static List<DatasetSpec> parseTranslation(YamlNode data, List<DatasetSpec> inherited) {
        if (data == null || data.isNull()) return inherited;
        Map<String, DatasetSpec> byName = new java.util.LinkedHashMap<>();
        for (DatasetSpec s : inherited) byName.put(s.name().toLowerCase(Locale.ROOT), s);
        Diagnostics problems = new Diagnostics();
        List<String> own = new ArrayList<>();
        for (Map.Entry<String, YamlNode> e : data.asMap("data").entrySet()) {
            DatasetSpec original = byName.get(e.getKey().toLowerCase(Locale.ROOT));
            if (original == null) {
                own.add(e.getKey());
                continue;
            }
            YamlNode value = e.getValue();
            Map<String, YamlNode> options = value.isMap() ? value.asMap("dataset '" + e.getKey() + "'") : Map.of();
            if (!value.isMap() || !options.keySet().equals(java.util.Set.of("source"))) {
                problems.add(data.keyNode(e.getKey()).error("dataset '" + e.getKey() + "' is the original page's, which this translation shares",
                        "give only its credit in this language, e.g. " + e.getKey() + ": { source: { text: \"…\", url: \"…\" } }, or use a new name for a dataset of its own"));
                continue;
            }
            Attribution source = Attribution.parse(options.get("source"), problems);
            DatasetSpec o = original;
            byName.put(e.getKey().toLowerCase(Locale.ROOT), new DatasetSpec(o.name(), o.path(), o.types(), o.nullMarkers(), o.delimiter(),
                    o.file(), o.line(), o.column(), source, o.format(), o.jdbc()));
        }
        List<DatasetSpec> out = new ArrayList<>(byName.values());
        Map<String, YamlNode> entries = data.asMap("data");
        for (String name : own) {
            String bad = SqlNames.problem(name);
            if (bad != null) problems.add(data.keyNode(name).error("dataset name: " + bad, "rename it, e.g. '" + suggestName(name) + "'"));
            else {
                DatasetSpec spec = problems.collect(() -> parseOne(name, data.keyNode(name), entries.get(name)));
                if (spec != null) out.add(spec);
            }
        }
        problems.throwIfAny();
        return List.copyOf(out);
    }

    private static DatasetSpec parseOne(String name, YamlNode keyNode, YamlNode value) {
        if (value.isScalar() && !value.isNull()) {
            String path = checkPath(value);
            DataFormat format = DataFormat.ofPath(path);
            return new DatasetSpec(name, path, Map.of(), List.of(""), format == DataFormat.TSV ? '\t' : ',',
                    keyNode.file(), keyNode.line(), keyNode.column(), null, format);
        }
        if (!value.isMap())
            throw value.fail("dataset '" + name + "' needs a file path",
                    "write '" + name + ": data/file.csv' (or .tsv, .json, .ndjson, .parquet), or a mapping with 'path:'");
        Map<String, YamlNode> options = value.asMap("dataset '" + name + "'");
        if (options.containsKey("jdbc")) return parseJdbc(name, keyNode, value, options);
        Diagnostics problems = new Diagnostics();
        problems.addAll(value.unknownKeys("dataset option", LONG_FORM_KEYS));
        String path = null;
        if (!options.containsKey("path"))
            problems.add(keyNode.error("dataset '" + name + "' has no 'path'", "add 'path: data/file.csv'"));
        else path = problems.collect(() -> checkPath(options.get("path")));
        DataFormat format = options.containsKey("format") ? problems.collect(() -> parseFormat(options.get("format")))
                : path == null ? DataFormat.CSV : DataFormat.ofPath(path);
        if (format == null) format = DataFormat.CSV; // reported above
        Map<String, DeclaredType> types = options.containsKey("types")
                ? problems.collect(() -> parseTypes(options.get("types"))) : Map.of();
        List<String> nulls = options.containsKey("null") ? problems.collect(() -> parseNulls(options.get("null"))) : List.of("");
        Character delimiter = options.containsKey("delimiter") ? problems.collect(() -> parseDelimiter(options.get("delimiter")))
                : format == DataFormat.TSV ? '\t' : ',';
        for (String option : List.of("types", "null", "delimiter")) {
            if (!options.containsKey(option)) continue;
            String why = notFor(format, option);
            if (why != null) problems.add(value.keyNode(option).error("'" + option + "' does not apply to " + format.label() + " files", why));
        }
        Attribution source = Attribution.parse(options.get("source"), problems);
        problems.throwIfAny();
        return new DatasetSpec(name, path, types, nulls, delimiter, keyNode.file(), keyNode.line(), keyNode.column(), source, format);
    }

    private static DatasetSpec parseJdbc(String name, YamlNode keyNode, YamlNode value, Map<String, YamlNode> options) {
        Diagnostics problems = new Diagnostics();
        problems.addAll(value.unknownKeys("database dataset option", JdbcSpec.KEYS));
        JdbcSpec jdbc = JdbcSpec.parse(name, options, keyNode, problems);
        Attribution source = Attribution.parse(options.get("source"), problems);
        problems.throwIfAny();
        return new DatasetSpec(name, null, Map.of(), List.of(""), ',', keyNode.file(), keyNode.line(), keyNode.column(), source, null, jdbc);
    }

    /** Why {@code option} makes no sense for {@code format}, or null when it does. */
    private static String notFor(DataFormat format, String option) {
        if (format == DataFormat.PARQUET)
            return "a Parquet file carries its own column types and NULLs; convert in SQL instead, e.g. CAST(x AS DATE)";
        if (option.equals("delimiter") && format != DataFormat.CSV && format != DataFormat.TSV)
            return "only CSV and TSV files have a delimiter; remove it";
        return null;
    }

    private static DataFormat parseFormat(YamlNode node) {
        String text = node.asString("format");
        return DataFormat.named(text).orElseThrow(() -> {
            String hint = Suggest.didYouMean(text.trim(), DataFormat.NAMES);
            return node.fail("unknown format '" + text + "'", (hint.isEmpty() ? "" : hint + " ") + "Formats: " + String.join(", ", DataFormat.NAMES) + ".");
        });
    }

    private static String checkPath(YamlNode node) {
        String p = node.asString("path").trim();
        if (p.isEmpty() || node.isNull()) throw node.fail("the path is empty", "write a path relative to the page, e.g. data/file.csv");
        return p;
    }

    private static Map<String, DeclaredType> parseTypes(YamlNode node) {
        Diagnostics problems = new Diagnostics();
        Map<String, DeclaredType> out = new LinkedHashMap<>();
        for (Map.Entry<String, YamlNode> t : node.asMap("types").entrySet()) {
            YamlNode v = t.getValue();
            String text = problems.collect(() -> v.asString("the type of column '" + t.getKey() + "'"));
            if (text == null) continue;
            DeclaredType.parse(text).ifPresentOrElse(dt -> out.put(t.getKey(), dt), () -> {
                String head = text.contains(":") ? text.substring(0, text.indexOf(':')) : text;
                String hint = Suggest.didYouMean(head.trim(), List.of("integer", "decimal", "boolean", "date", "timestamp", "text"));
                problems.add(v.error("unknown type '" + text + "' for column '" + t.getKey() + "'",
                        (hint.isEmpty() ? "" : hint + " ") + "Valid types: " + String.join(", ", DeclaredType.NAMES)
                                + " (PATTERN as in Java's DateTimeFormatter, e.g. date:yyyy-MM or date:M/d/yyyy)."));
            });
        }
        problems.throwIfAny();
        return out;
    }

    private static List<String> parseNulls(YamlNode node) {
        List<String> out = new ArrayList<>();
        out.add("");
        for (YamlNode n : node.asScalarOrList("null")) {
            String s = n.isNull() ? "" : n.asString("a null marker");
            if (!out.contains(s)) out.add(s);
        }
        return out;
    }

    private static char parseDelimiter(YamlNode node) {
        String s = node.asString("delimiter");
        if (s.equalsIgnoreCase("tab") || s.equals("\\t")) return '\t';
        if (s.length() != 1 || s.charAt(0) == '"' || s.charAt(0) == '\n' || s.charAt(0) == '\r')
            throw node.fail("delimiter must be one character, not '" + s + "'", "write e.g. delimiter: \";\" or delimiter: tab");
        return s.charAt(0);
    }

    private static String suggestName(String name) {
        String s = name.replaceAll("[^A-Za-z0-9_]+", "_");
        if (s.isEmpty() || Character.isDigit(s.charAt(0))) s = "t_" + s;
        return SqlNames.isValid(s) ? s : s + "_data";
    }
}
