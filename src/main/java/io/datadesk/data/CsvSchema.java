package io.datadesk.data;

import java.nio.file.Path;
import java.util.List;

/**
 * What a first pass over a CSV file found: its columns with their (declared or inferred) types and its row count.
 * The second pass ({@link CsvLoader#appendTo}) uses it to convert every cell without checking again. For a Parquet
 * file ({@link ParquetLoader}) only the columns, their types from the file, and the row count.
 */
public final class CsvSchema {

    private final DatasetSpec spec;
    private final Path file;
    private final String displayPath;
    private final List<Column> columns;
    private final List<CellReader> readers;
    private final long rowCount;
    private final int passes;

    CsvSchema(DatasetSpec spec, Path file, String displayPath, List<Column> columns, List<CellReader> readers, long rowCount,
              int passes) {
        this.spec = spec;
        this.file = file;
        this.displayPath = displayPath;
        this.columns = List.copyOf(columns);
        this.readers = List.copyOf(readers);
        this.rowCount = rowCount;
        this.passes = passes;
    }

    /**
     * How many times {@link CsvLoader#load} read the file: 1 when the types seen in the first rows held for the
     * whole file, 2 when a later value changed one, 0 when an earlier load of the same bytes was used
     * ({@link SharedLoads}). 1 after {@link CsvLoader#scan}.
     */
    public int passes() {
        return passes;
    }

    public DatasetSpec spec() {
        return spec;
    }

    public Path file() {
        return file;
    }

    /** The file relative to the project, as shown in messages. */
    public String displayPath() {
        return displayPath;
    }

    public List<Column> columns() {
        return columns;
    }

    public long rowCount() {
        return rowCount;
    }

    List<CellReader> readers() {
        return readers;
    }
}
