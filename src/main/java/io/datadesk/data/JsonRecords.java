package io.datadesk.data;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.datadesk.error.ContentException;
import io.datadesk.error.Diagnostic;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The objects of a JSON file as rows of text, for {@link CsvLoader}: so JSON columns get exactly the CSV type
 * inference (a column of {@code "2024-03"} strings is a date, of {@code 12} and {@code 12.5} a decimal), declared
 * types and NULL markers. Accepts an array of objects ({@code [{…}, {…}]}) and newline-delimited JSON (one object
 * per line; any whitespace between objects). Keys become columns in order of first appearance; a key an object
 * lacks is NULL, as is JSON {@code null}; a nested object or array is kept as JSON text.
 *
 * <p>Jackson's streaming parser rather than DuckDB's {@code read_json}: it names the line and column of a syntax
 * error (DuckDB gives a byte offset), and it keeps values as text so that our inference, not DuckDB's, types them.
 * The file is read twice (keys first, then rows), so memory does not grow with it.
 */
final class JsonRecords implements CsvLoader.Rows {

    private static final int BATCH_RECORDS = 4096;
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final String SHAPE_HINT = "a JSON dataset is an array of objects, one per row, e.g. "
            + "[{\"year\": 2024, \"cuts\": 120}, …], or one object per line (NDJSON)";

    private final Path file;
    private final String displayPath;
    private final String[] header;
    private final Map<String, Integer> index = new LinkedHashMap<>();
    private JsonParser parser;
    private boolean headerSent;
    private boolean done;

    private JsonRecords(Path file, String displayPath, List<String> keys) {
        this.file = file;
        this.displayPath = displayPath;
        this.header = keys.toArray(new String[0]);
        for (int i = 0; i < header.length; i++) index.put(header[i], i);
    }

    /** Checks the whole file and collects its keys; throws a located error for malformed JSON or a wrong shape. */
    static JsonRecords open(Path file, String displayPath) {
        Map<String, Boolean> keys = new LinkedHashMap<>();
        try (JsonParser p = FACTORY.createParser(Files.newInputStream(file))) {
            int[] count = {0};
            forEachRecord(p, displayPath, () -> {
                count[0]++;
                for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
                    keys.putIfAbsent(p.currentName(), Boolean.TRUE);
                    p.nextToken();
                    p.skipChildren();
                }
            });
            if (count[0] == 0)
                throw new ContentException(new Diagnostic(displayPath, 1, 0, "the JSON file holds no objects, so there are no columns", SHAPE_HINT));
            if (keys.isEmpty())
                throw new ContentException(new Diagnostic(displayPath, 1, 0, "the JSON objects have no keys, so there are no columns", SHAPE_HINT));
        } catch (IOException e) {
            throw failure(e, displayPath);
        }
        return new JsonRecords(file, displayPath, new ArrayList<>(keys.keySet()));
    }

    private interface RecordBody {
        /** Reads one object; the parser is on its START_OBJECT and must be left on its END_OBJECT. */
        void read() throws IOException;
    }

    /** Calls {@code body} for each top-level object: the items of one array, or a sequence of objects. */
    private static void forEachRecord(JsonParser p, String displayPath, RecordBody body) throws IOException {
        JsonToken first = p.nextToken();
        if (first == null)
            throw new ContentException(new Diagnostic(displayPath, 1, 0, "the JSON file is empty", SHAPE_HINT));
        if (first == JsonToken.START_ARRAY) {
            int item = 0;
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                item++;
                if (t != JsonToken.START_OBJECT) throw shape(p, displayPath, "item " + item + " of the array is " + describe(t) + ", not an object");
                body.read();
            }
            JsonToken after = p.nextToken();
            if (after != null) throw shape(p, displayPath, "more JSON after the array's closing ']'");
        } else if (first == JsonToken.START_OBJECT) {
            for (JsonToken t = first; t != null; t = p.nextToken()) {
                if (t != JsonToken.START_OBJECT) throw shape(p, displayPath, "found " + describe(t) + " between the objects");
                body.read();
            }
        } else {
            throw shape(p, displayPath, "the file starts with " + describe(first) + ", not an array or an object");
        }
    }

    @Override
    public CsvBatches.Batch next() {
        if (done) return null;
        try {
            List<String[]> records = new ArrayList<>();
            List<Integer> lines = new ArrayList<>();
            if (!headerSent) {
                headerSent = true;
                records.add(header);
                lines.add(1);
                parser = FACTORY.createParser(Files.newInputStream(file));
                JsonToken first = parser.nextToken();
                if (first == JsonToken.START_ARRAY) parser.nextToken();
            }
            while (records.size() < BATCH_RECORDS) {
                JsonToken t = parser.currentToken();
                if (t != JsonToken.START_OBJECT) { // END_ARRAY or the end of the file: checked by open()
                    done = true;
                    break;
                }
                lines.add(parser.currentTokenLocation().getLineNr());
                records.add(readRow());
                parser.nextToken();
            }
            if (done) parser.close();
            if (records.isEmpty()) return null;
            int[] ls = lines.stream().mapToInt(Integer::intValue).toArray();
            return new CsvBatches.Batch(records.toArray(new String[0][]), ls, records.size(), true);
        } catch (IOException e) {
            throw failure(e, displayPath);
        }
    }

    /** One object as a row; the parser is on its START_OBJECT and is left on its END_OBJECT. */
    private String[] readRow() throws IOException {
        String[] row = new String[header.length];
        java.util.Arrays.fill(row, "");
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
            Integer i = index.get(parser.currentName());
            JsonToken v = parser.nextToken();
            String text = switch (v) {
                case VALUE_NULL -> "";
                case VALUE_TRUE -> "true";
                case VALUE_FALSE -> "false";
                case START_OBJECT, START_ARRAY -> nested();
                default -> parser.getText();
            };
            if (i == null) throw new IllegalStateException(displayPath + " changed while it was being read");
            row[i] = text;
        }
        return row;
    }

    private String nested() throws IOException {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.copyCurrentStructure(parser);
        }
        return out.toString();
    }

    @Override
    public void close() {
        if (parser == null) return;
        try {
            parser.close();
        } catch (IOException ignored) {
            // read-only file; nothing to flush
        }
    }

    private static String describe(JsonToken t) {
        return switch (t) {
            case START_ARRAY -> "an array";
            case START_OBJECT -> "an object";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> t.asString() == null ? t.name() : "'" + t.asString() + "'";
        };
    }

    private static ContentException shape(JsonParser p, String displayPath, String message) {
        JsonLocation at = p.currentTokenLocation();
        return new ContentException(new Diagnostic(displayPath, at.getLineNr(), at.getColumnNr(), message, SHAPE_HINT));
    }

    private static ContentException failure(IOException e, String displayPath) {
        if (e instanceof NoSuchFileException)
            return new ContentException(new Diagnostic(displayPath, 0, 0, "JSON file not found: " + displayPath, ""));
        if (e instanceof JsonProcessingException j && j.getLocation() != null)
            return new ContentException(new Diagnostic(displayPath, j.getLocation().getLineNr(), j.getLocation().getColumnNr(),
                    "malformed JSON: " + j.getOriginalMessage().lines().findFirst().orElse(""),
                    "check the brackets, quotes and commas near this place; a JSON validator shows the problem"));
        return new ContentException(new Diagnostic(displayPath, 0, 0, "cannot read the JSON file: " + e.getMessage(), ""));
    }
}
