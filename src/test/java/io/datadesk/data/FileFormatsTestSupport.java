package io.datadesk.data;

import java.nio.file.Path;
import java.sql.SQLException;

/** Test data files other packages' tests need, such as Parquet files. */
public final class FileFormatsTestSupport {

    private FileFormatsTestSupport() {}

    /** Writes the rows of {@code select} to a Parquet file, with a DuckDB of the test's own. */
    public static void writeParquet(Path file, String select) throws SQLException {
        FileFormatsTest.writeParquet(file, select);
    }
}
