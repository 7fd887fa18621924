package io.datadesk.data;

/** The type of a column, in a dataset loaded from CSV or in a query result. Java values per type are noted. */
public enum ColumnType {
    /** {@link Long} */
    INTEGER,
    /** {@link Double} */
    DECIMAL,
    /** {@link Boolean} */
    BOOLEAN,
    /** {@link java.time.LocalDate} */
    DATE,
    /** {@link java.time.LocalDateTime} */
    TIMESTAMP,
    /** {@link String} */
    TEXT;

    public boolean isNumeric() {
        return this == INTEGER || this == DECIMAL;
    }

    public boolean isTemporal() {
        return this == DATE || this == TIMESTAMP;
    }
}
