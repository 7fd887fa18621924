package io.datadesk.data;

import io.datadesk.error.ContentException;
import io.datadesk.error.Diagnostic;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes a Parquet file a table of the page: a view over DuckDB's own reader ({@code read_parquet}), so the file's
 * column types are kept (Parquet files carry them, nothing is inferred) and queries read only the columns and row
 * groups they need, in parallel. Copying the file into the database instead ({@code CREATE TABLE … AS}) took ≈ 0.8 s
 * for 10 million rows of four columns before the first query; the view takes a few milliseconds, and a group-by
 * over one column reads that column alone (bench/parquet.sh).
 *
 * <p>The view reads the file after the page is sealed, which DuckDB allows only for paths in its
 * {@code allowed_paths} setting: the loader adds exactly this file (see {@link PageDatabase#seal}). The page's SQL
 * can therefore read this declared file, and nothing else; it cannot write it, since a {@code sql} block can only
 * be one query ({@link SqlGuard}). The view's definition holds the file's absolute path, so the catalogues that
 * show definitions are refused to page SQL ({@link SqlGuard}).
 */
final class ParquetLoader {

    private ParquetLoader() {}

    /** Creates the view; {@code absolute} must already be in DuckDB's allowed paths when the page is sealed. */
    static CsvSchema load(Connection connection, DatasetSpec spec, Path file, String absolute, String displayPath) {
        // read_parquet expands glob characters, and a path can only be given as a string: refuse names it would
        // misread rather than load other files than the one declared.
        if (absolute.matches(".*[*?\\[\\]{}].*"))
            throw new ContentException(spec.error("dataset '" + spec.name() + "': the path '" + spec.path()
                    + "' contains one of * ? [ ] { }, which the Parquet reader takes as a pattern", "rename the file"));
        String table = SqlNames.quote(spec.name());
        String literal = PageDatabase.stringLiteral(absolute);
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE VIEW " + table + " AS SELECT * FROM read_parquet(" + literal + ")");
        } catch (SQLException e) {
            throw new ContentException(new Diagnostic(displayPath, 0, 0, "cannot read the Parquet file: "
                    + PageDatabase.errorText(e).replace(absolute, displayPath),
                    "check that it is a complete Parquet file (a download cut short or another format with a .parquet name fails here)"));
        }
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM " + table + " LIMIT 0")) {
            ResultSetMetaData md = rs.getMetaData();
            List<Column> columns = new ArrayList<>();
            for (int i = 1; i <= md.getColumnCount(); i++)
                columns.add(new Column(md.getColumnLabel(i), PageDatabase.columnType(md.getColumnTypeName(i))));
            long rows;
            try (Statement c = connection.createStatement(); ResultSet count = c.executeQuery("SELECT count(*) FROM " + table)) {
                count.next();
                rows = count.getLong(1);
            }
            return new CsvSchema(spec, file, displayPath, columns, List.of(), rows, 1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot describe table " + spec.name() + ": " + e.getMessage(), e);
        }
    }
}
