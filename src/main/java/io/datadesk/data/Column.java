package io.datadesk.data;

import java.util.Objects;

/** A named, typed column of a {@link QueryResult}. */
public record Column(String name, ColumnType type) {
    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }
}
