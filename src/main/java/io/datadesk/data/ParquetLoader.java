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
 * Loads a Parquet file with DuckDB's own reader ({@code read_parquet}): columnar, parallel, and the column types are
 * the file's own (Parquet files carry them, so nothing is inferred). Runs during the page database's loading phase,
 * before any of the author's SQL and while DuckDB may still open files; see {@link PageDatabase#loadAll}.
 */
final class ParquetLoader {

    private ParquetLoader() {}

    static CsvSchema load(Connection connection, DatasetSpec spec, Path file, String displayPath) {
        String absolute = file.toAbsolutePath().normalize().toString();
        // read_parquet expands glob characters, and a path can only be given as a string: refuse names it would
        // misread rather than load other files than the one declared.
        if (absolute.matches(".*[*?\\[\\]{}].*"))
            throw new ContentException(spec.error("dataset '" + spec.name() + "': the path '" + spec.path()
                    + "' contains one of * ? [ ] { }, which the Parquet reader takes as a pattern", "rename the file"));
        String table = SqlNames.quote(spec.name());
        String literal = "'" + absolute.replace("'", "''") + "'";
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE " + table + " AS SELECT * FROM read_parquet(" + literal + ")");
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
