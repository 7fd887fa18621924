package io.datadesk.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The typed result of a query: what charts, tables, inline values and templates consume.
 *
 * <p>Cell values are {@code null} or the Java type documented on {@link ColumnType}. Rows are immutable lists.
 */
public record QueryResult(String name, List<Column> columns, List<List<Object>> rows) {

    public QueryResult {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
        List<List<Object>> copy = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            if (row.size() != columns.size())
                throw new IllegalArgumentException("row has " + row.size() + " cells, expected " + columns.size());
            copy.add(Collections.unmodifiableList(new ArrayList<>(row))); // List.copyOf rejects nulls
        }
        rows = Collections.unmodifiableList(copy);
    }

    public int rowCount() {
        return rows.size();
    }

    public List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
    }

    /** The column's index, or -1. Names match exactly first, then ignoring case (as DuckDB does). */
    public int indexOf(String column) {
        for (int i = 0; i < columns.size(); i++) if (columns.get(i).name().equals(column)) return i;
        for (int i = 0; i < columns.size(); i++) if (columns.get(i).name().equalsIgnoreCase(column)) return i;
        return -1;
    }

    public Optional<Column> column(String name) {
        int i = indexOf(name);
        return i < 0 ? Optional.empty() : Optional.of(columns.get(i));
    }

    /** All values of one column, in row order. */
    public List<Object> values(String column) {
        int i = indexOf(column);
        if (i < 0) throw new IllegalArgumentException("no column '" + column + "' in " + name + "; columns: " + columnNames());
        List<Object> out = new ArrayList<>(rows.size());
        for (List<Object> row : rows) out.add(row.get(i));
        return Collections.unmodifiableList(out);
    }
}
