package io.datadesk.data;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The kind of a dataset file: from {@code format:} in front matter, else from the file's extension, else CSV.
 * CSV, TSV and JSON go through the same reader and type inference ({@link CsvLoader}); Parquet carries its own types
 * and is read by DuckDB ({@link ParquetLoader}).
 */
public enum DataFormat {
    CSV("csv", "CSV"), TSV("tsv", "TSV"), JSON("json", "JSON"), NDJSON("ndjson", "NDJSON"), PARQUET("parquet", "Parquet");

    /** What authors write after {@code format:}. */
    public static final List<String> NAMES = List.of("csv", "tsv", "json", "ndjson", "parquet");

    private final String label;
    private final String title;

    DataFormat(String label, String title) {
        this.label = label;
        this.title = title;
    }

    /** As in prose: {@code CSV}, {@code Parquet}… */
    public String title() {
        return title;
    }

    /** As the author writes it: {@code csv}, {@code parquet}… */
    public String label() {
        return label;
    }

    /** A {@code format:} value, ignoring case; {@code jsonl} is NDJSON's other name. */
    public static Optional<DataFormat> named(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        if (n.equals("jsonl")) return Optional.of(NDJSON);
        for (DataFormat f : values()) if (f.label.equals(n)) return Optional.of(f);
        return Optional.empty();
    }

    /** The format a path's extension names; CSV for any other extension (e.g. {@code .txt}), as before formats existed. */
    public static DataFormat ofPath(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        if (p.endsWith(".tsv") || p.endsWith(".tab")) return TSV;
        if (p.endsWith(".json")) return JSON;
        if (p.endsWith(".ndjson") || p.endsWith(".jsonl")) return NDJSON;
        if (p.endsWith(".parquet") || p.endsWith(".pq")) return PARQUET;
        return CSV;
    }

    /** Read as text rows with the CSV inference rules (everything but Parquet). */
    boolean textual() {
        return this != PARQUET;
    }
}
