package io.datadesk.compute;

import io.datadesk.data.Column;
import io.datadesk.data.ColumnType;
import io.datadesk.data.QueryResult;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A compact binary form of a {@link QueryResult}, for the query cache and for hashing results. Hand-written rather
 * than Java serialization: the format is ours, versioned, cannot instantiate arbitrary classes when a cache file is
 * tampered with, and keeps every value's exact type (Long stays Long, LocalDate stays LocalDate).
 */
public final class QueryResultCodec {

    private static final int VERSION = 2; // 2: names as long strings
    private static final byte NULL = 0, LONG = 1, DOUBLE = 2, TRUE = 3, FALSE = 4, DATE = 5, TIMESTAMP = 6, TEXT = 7,
            OTHER = 8;

    private QueryResultCodec() {}

    /**
     * @param lenient for hashing: a value of an unexpected class is written as its class and text; otherwise such a
     *     value throws {@link IllegalArgumentException} (it could not be read back as the same value)
     */
    public static byte[] encode(QueryResult r, boolean lenient) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(VERSION);
            writeLongString(out, r.name());
            out.writeInt(r.columns().size());
            for (Column c : r.columns()) {
                writeLongString(out, c.name()); // a column name may be longer than writeUTF's 64 KB
                out.writeUTF(c.type().name());
            }
            out.writeInt(r.rows().size());
            for (List<Object> row : r.rows()) for (Object v : row) writeValue(out, v, lenient);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Reads what {@link #encode} wrote; throws {@link IOException} or a runtime exception on anything malformed. */
    public static QueryResult decode(byte[] data) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(data));
        if (in.readInt() != VERSION) throw new IOException("unknown version");
        String name = readLongString(in);
        int ncols = in.readInt();
        if (ncols < 0 || ncols > 100_000) throw new IOException("bad column count");
        List<Column> columns = new ArrayList<>(ncols);
        for (int i = 0; i < ncols; i++) columns.add(new Column(readLongString(in), ColumnType.valueOf(in.readUTF())));
        int nrows = in.readInt();
        if (nrows < 0 || (long) nrows * Math.max(1, ncols) > data.length) throw new IOException("bad row count");
        List<List<Object>> rows = new ArrayList<>(nrows);
        for (int r = 0; r < nrows; r++) {
            List<Object> row = new ArrayList<>(ncols);
            for (int c = 0; c < ncols; c++) row.add(readValue(in));
            rows.add(row);
        }
        if (in.read() != -1) throw new IOException("trailing bytes");
        return new QueryResult(name, columns, rows);
    }

    private static void writeValue(DataOutputStream out, Object v, boolean lenient) throws IOException {
        if (v == null) {
            out.writeByte(NULL);
        } else if (v instanceof Long l) {
            out.writeByte(LONG);
            out.writeLong(l);
        } else if (v instanceof Double d) {
            out.writeByte(DOUBLE);
            out.writeDouble(d);
        } else if (v instanceof Boolean b) {
            out.writeByte(b ? TRUE : FALSE);
        } else if (v instanceof LocalDate d) {
            out.writeByte(DATE);
            out.writeLong(d.toEpochDay());
        } else if (v instanceof LocalDateTime t) {
            out.writeByte(TIMESTAMP);
            writeLongString(out, t.toString());
        } else if (v instanceof String s) {
            out.writeByte(TEXT);
            writeLongString(out, s);
        } else if (lenient) {
            out.writeByte(OTHER);
            writeLongString(out, v.getClass().getName() + ":" + v);
        } else {
            throw new IllegalArgumentException("cannot cache a value of " + v.getClass().getName());
        }
    }

    private static Object readValue(DataInputStream in) throws IOException {
        byte tag = in.readByte();
        return switch (tag) {
            case NULL -> null;
            case LONG -> in.readLong();
            case DOUBLE -> in.readDouble();
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case DATE -> LocalDate.ofEpochDay(in.readLong());
            case TIMESTAMP -> LocalDateTime.parse(readLongString(in));
            case TEXT -> readLongString(in);
            default -> throw new IOException("unknown value tag " + tag);
        };
    }

    // writeUTF is limited to 64 KB; text cells may be longer.
    private static void writeLongString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readLongString(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > in.available()) throw new IOException("bad string length");
        return new String(in.readNBytes(n), java.nio.charset.StandardCharsets.UTF_8);
    }
}
