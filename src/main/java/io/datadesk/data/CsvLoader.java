package io.datadesk.data;

import io.datadesk.error.ContentException;
import io.datadesk.error.Diagnostic;
import io.datadesk.error.Suggest;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.duckdb.DuckDBAppender;

/**
 * Reads CSV files (RFC 4180, header row required, UTF-8 with or without BOM) as a stream, so that memory does not
 * grow with the file: each column's type is inferred over the whole column while cells are converted and fed to
 * DuckDB's Appender (see {@link #load}). {@link #scan} only checks a file and infers its types.
 *
 * <p>TSV is CSV with a tab, and JSON files ({@link JsonRecords}) arrive here as rows of text too, so all three get
 * the same type inference, declared types, NULL markers and located errors.
 */
public final class CsvLoader {

    /** At most this many bad rows are listed per file; a file with thousands of them needs one fix, not a wall of text. */
    static final int MAX_ROW_ERRORS = 10;

    /** Commons CSV names the line in its messages about broken quoting. */
    private static final Pattern LINE_IN_MESSAGE = Pattern.compile("line:? (\\d+)");

    private CsvLoader() {}

    /**
     * Where {@link #load} puts rows: a table it can create, and drop again when the types guessed early turn out
     * wrong or the file has errors.
     */
    interface TableSink {
        /** Creates the table with {@code columns} and returns an appender for it. */
        DuckDBAppender create(List<Column> columns) throws SQLException;

        /** Drops the table made by {@link #create}. */
        void drop() throws SQLException;
    }

    /** Rows of a file in batches; the first record of the first batch is the header. */
    interface Rows extends AutoCloseable {
        /** The next batch, or {@code null} after the last. */
        CsvBatches.Batch next();

        @Override
        void close();
    }

    /** The file's records; parsed from {@code bytes} when not null (the file as read for {@link SharedLoads}). */
    private static Rows rows(DatasetSpec spec, Path file, String displayPath, byte[] bytes) {
        if (spec.format() == DataFormat.JSON || spec.format() == DataFormat.NDJSON) return JsonRecords.open(file, displayPath);
        return new CsvBatches(file, f -> bytes == null ? open(spec, f) : open(spec, new ByteArrayInputStream(bytes)),
                e -> readFailure(e, file, displayPath));
    }

    /** First pass only: header, row shape, declared types and type inference. Throws every problem found. */
    public static CsvSchema scan(DatasetSpec spec, Path file, String displayPath) {
        try {
            return scan(spec, file, displayPath, null, null, null);
        } catch (SQLException e) {
            throw new IllegalStateException("no database involved", e);
        }
    }

    /**
     * Checks, infers and loads a CSV file into {@code sink}, usually in one pass: the types inferred from the first
     * batch of rows are used to start appending at once, while inference continues over the whole column. If a
     * later value changes a column's type (a 2.5 after thousands of whole numbers), the table is dropped and the
     * file appended again with the final types ({@link CsvSchema#passes()} is then 2). So types always come from
     * the whole column, and the usual file is parsed once. Throws every problem found; no table is left behind.
     *
     * <p>A CSV or TSV file that an earlier load of this process read in exactly the same bytes, declared the same way,
     * is not parsed again: its kept records go through the same conversion into the table ({@link SharedLoads};
     * {@link CsvSchema#passes()} is then 0).
     */
    static CsvSchema load(DatasetSpec spec, Path file, String displayPath, TableSink sink) throws SQLException {
        byte[] bytes = SharedLoads.applies(spec) ? SharedLoads.read(file) : null;
        SharedLoads.Key key = bytes == null ? null : SharedLoads.Key.of(spec, file);
        if (bytes != null) {
            SharedLoads.Kept kept = SharedLoads.find(key, bytes);
            if (kept != null) return fromKept(spec, file, displayPath, kept, sink);
        }
        List<CsvBatches.Batch> batches = bytes == null ? null : new ArrayList<>();
        CsvSchema schema = scan(spec, file, displayPath, sink, bytes, batches);
        if (schema.passes() == 2) {
            try (DuckDBAppender appender = sink.create(schema.columns())) {
                if (batches != null) appendAll(batches, schema.readers(), spec, appender);
                else appendTo(schema, appender);
            } catch (SQLException | RuntimeException e) {
                sink.drop();
                throw e;
            }
        }
        if (batches != null)
            SharedLoads.keep(key, new SharedLoads.Kept(bytes, schema.columns().stream().map(Column::name).toList(), schema.readers(),
                    batches, schema.rowCount()));
        return schema;
    }

    /** The table of a load kept by {@link SharedLoads}: its records appended with its readers, as the first load did. */
    private static CsvSchema fromKept(DatasetSpec spec, Path file, String displayPath, SharedLoads.Kept kept, TableSink sink)
            throws SQLException {
        List<Column> columns = columns(kept.header(), kept.readers());
        try (DuckDBAppender appender = sink.create(columns)) {
            appendAll(kept.batches(), kept.readers(), spec, appender);
        } catch (SQLException | RuntimeException e) {
            sink.drop();
            throw e;
        }
        return new CsvSchema(spec, file, displayPath, columns, kept.readers(), kept.rows(), 0);
    }

    /** Appends the records of {@code batches} (the header is record 0 of the first) with the readers {@code readers}. */
    private static void appendAll(List<CsvBatches.Batch> batches, List<CellReader> readers, DatasetSpec spec,
                                  DuckDBAppender appender) throws SQLException {
        CellReader[] rs = readers.toArray(new CellReader[0]);
        Set<String> nulls = Set.copyOf(spec.nullMarkers());
        boolean onlyEmptyIsNull = nulls.size() == 1;
        for (int b = 0; b < batches.size(); b++) {
            io.datadesk.error.BuildCancelled.check();
            append(batches.get(b), b == 0 ? 1 : 0, rs, onlyEmptyIsNull, nulls, appender);
        }
    }

    /**
     * The pass that checks and infers, appending to {@code sink} (when not null) as it goes. Reads {@code bytes} when
     * not null (the file as read for {@link SharedLoads}), and adds every batch read to {@code keepInto} when not null.
     */
    private static CsvSchema scan(DatasetSpec spec, Path file, String displayPath, TableSink sink, byte[] bytes,
                                  List<CsvBatches.Batch> keepInto) throws SQLException {
        List<Diagnostic> problems = new ArrayList<>();
        DuckDBAppender appender = null; // non-null while rows are appended with the early types
        CellReader[] early = null;
        boolean appended = false;
        try (Rows batches = rows(spec, file, displayPath, bytes)) {
            CsvBatches.Batch batch = batches.next();
            if (batch == null)
                throw new ContentException(new Diagnostic(displayPath, 1, 0, "the CSV file is empty",
                        "the first line must name the columns, e.g. date,value"));
            List<String> header = readHeader(batch.records()[0], displayPath, problems);
            int width = header.size();
            List<CellReader> declared = declaredReaders(spec, header, displayPath, problems);
            TypeGuess[] guesses = new TypeGuess[width];
            for (int i = 0; i < width; i++) if (declared.get(i) == null) guesses[i] = new TypeGuess();
            Set<String> nulls = Set.copyOf(spec.nullMarkers());
            boolean onlyEmptyIsNull = nulls.size() == 1;
            long rows = 0;
            int rowErrors = 0;
            long suppressed = 0;
            int first = 1; // the header is record 0 of the first batch
            for (; batch != null; batch = batches.next(), first = 0) {
                io.datadesk.error.BuildCancelled.check(); // a big file is read in batches: each is a point to stop
                if (keepInto != null) keepInto.add(batch);
                for (int k = first; k < batch.size(); k++) {
                    String[] r = batch.records()[k];
                    rows++;
                    if (r.length != width) {
                        if (rowErrors++ < MAX_ROW_ERRORS) problems.add(raggedRow(r, line(batch, k), width, displayPath));
                        else suppressed++;
                        continue;
                    }
                    for (int i = 0; i < width; i++) {
                        String cell = r[i];
                        if (cell.isEmpty() || (!onlyEmptyIsNull && nulls.contains(cell))) continue;
                        TypeGuess g = guesses[i];
                        if (g != null) {
                            g.offer(cell);
                            if (g.needsLine()) g.located(line(batch, k));
                        } else if (!declared.get(i).accepts(cell)) {
                            if (rowErrors++ < MAX_ROW_ERRORS)
                                problems.add(badValue(line(batch, k), i, header.get(i), cell, declared.get(i), file, spec, displayPath));
                            else suppressed++;
                        }
                    }
                }
                if (sink == null || !problems.isEmpty()) continue;
                if (early == null && !appended) { // first batch checked: start the table with the types seen so far
                    early = readers(declared, guesses).toArray(new CellReader[0]);
                    appender = sink.create(columns(header, List.of(early)));
                    appended = true;
                }
                if (appender != null) {
                    if (sameKinds(early, declared, guesses)) append(batch, first, early, onlyEmptyIsNull, nulls, appender);
                    else { // a type changed: the rows appended so far were typed wrongly
                        appender.close();
                        appender = null;
                    }
                }
            }
            if (suppressed > 0) { // said with the last one listed, not as an error of its own without a place
                Diagnostic last = problems.remove(problems.size() - 1);
                problems.add(new Diagnostic(last.file(), last.line(), last.column(), last.message() + " (and " + suppressed
                        + " more bad rows or values in this file)", last.hint()));
            }
            if (problems.isEmpty())
                for (int i = 0; i < width; i++)
                    if (guesses[i] != null && guesses[i].nearMiss() != null)
                        problems.add(nearMiss(guesses[i].nearMiss(), i, header.get(i), file, spec, displayPath));
            if (!problems.isEmpty()) throw new ContentException(problems);
            List<CellReader> readers = readers(declared, guesses);
            int passes = appended && appender == null ? 2 : 1;
            if (appender != null) {
                appender.close();
                appender = null;
            }
            if (passes == 2) sink.drop();
            return new CsvSchema(spec, file, displayPath, columns(header, readers), readers, rows, passes);
        } catch (SQLException | RuntimeException e) {
            if (appended) {
                if (appender != null) appender.close();
                sink.drop();
            }
            throw e;
        }
    }

    private static List<CellReader> readers(List<CellReader> declared, TypeGuess[] guesses) {
        List<CellReader> out = new ArrayList<>(guesses.length);
        for (int i = 0; i < guesses.length; i++) out.add(declared.get(i) != null ? declared.get(i) : guesses[i].result());
        return out;
    }

    private static List<Column> columns(List<String> header, List<CellReader> readers) {
        List<Column> out = new ArrayList<>(header.size());
        for (int i = 0; i < header.size(); i++) out.add(new Column(header.get(i), readers.get(i).type));
        return out;
    }

    private static boolean sameKinds(CellReader[] early, List<CellReader> declared, TypeGuess[] guesses) {
        for (int i = 0; i < early.length; i++) if (declared.get(i) == null && guesses[i].kind() != early[i].kind) return false;
        return true;
    }

    private static void append(CsvBatches.Batch batch, int first, CellReader[] rs, boolean onlyEmptyIsNull, Set<String> nulls,
                               DuckDBAppender appender) throws SQLException {
        int width = rs.length;
        for (int k = first; k < batch.size(); k++) {
            String[] r = batch.records()[k];
            appender.beginRow();
            for (int i = 0; i < width; i++) {
                String cell = r[i];
                if (cell.isEmpty() || (!onlyEmptyIsNull && nulls.contains(cell))) appender.appendNull();
                else rs[i].append(appender, cell);
            }
            appender.endRow();
        }
    }

    /**
     * Second pass, after {@link #scan}: appends every row of the file to {@code appender}, whose table has
     * the schema's columns. Returns the number of rows appended. The calling thread owns the appender and converts
     * and appends while a reader thread parses (see {@link CsvBatches}).
     */
    static long appendTo(CsvSchema schema, DuckDBAppender appender) throws SQLException {
        CellReader[] rs = schema.readers().toArray(new CellReader[0]);
        int width = rs.length;
        Set<String> nulls = Set.copyOf(schema.spec().nullMarkers());
        boolean onlyEmptyIsNull = nulls.size() == 1;
        long rows = 0;
        try (Rows batches = rows(schema.spec(), schema.file(), schema.displayPath(), null)) {
            int first = 1; // skip the header
            for (CsvBatches.Batch batch = batches.next(); batch != null; batch = batches.next(), first = 0) {
                for (int k = first; k < batch.size(); k++)
                    if (batch.records()[k].length != width) throw new IllegalStateException(schema.displayPath() + " changed while it was being read");
                append(batch, first, rs, onlyEmptyIsNull, nulls, appender);
                rows += batch.size() - first;
            }
        }
        return rows;
    }

    static CSVParser open(DatasetSpec spec, Path file) throws IOException {
        return open(spec, Files.newInputStream(file));
    }

    private static CSVParser open(DatasetSpec spec, InputStream in) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setDelimiter(spec.delimiter())
                .setIgnoreEmptyLines(true)
                .get();
        // Strict decoding: a file in another encoding is reported, not silently turned into replacement characters.
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        Reader reader = new BufferedReader(new InputStreamReader(in, decoder), 1 << 16);
        reader.mark(1);
        if (reader.read() != '\uFEFF') reader.reset(); // byte order mark written by Excel and others
        return CSVParser.builder().setReader(reader).setFormat(format).get();
    }

    private static List<String> readHeader(String[] r, String displayPath, List<Diagnostic> problems) {
        List<String> header = new ArrayList<>(r.length);
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < r.length; i++) {
            String name = r[i].strip();
            header.add(name);
            if (name.isEmpty()) {
                problems.add(new Diagnostic(displayPath, 1, fieldColumn(r, i), "column " + (i + 1) + " has no name in the header row",
                        "the first line must name every column"));
                continue;
            }
            Integer earlier = seen.putIfAbsent(name.toLowerCase(Locale.ROOT), i);
            if (earlier != null)
                problems.add(new Diagnostic(displayPath, 1, fieldColumn(r, i), "duplicate column name '" + name + "' (columns " + (earlier + 1)
                        + " and " + (i + 1) + ")", "give each column its own name; SQL names ignore case"));
        }
        if (!problems.isEmpty()) throw new ContentException(problems);
        return header;
    }

    private static List<CellReader> declaredReaders(DatasetSpec spec, List<String> header, String displayPath,
                                                    List<Diagnostic> problems) {
        List<CellReader> out = new ArrayList<>();
        for (String h : header) {
            DeclaredType t = spec.types().get(h);
            out.add(t == null ? null : CellReader.declared(t));
        }
        Set<String> known = new HashSet<>(header);
        for (String name : spec.types().keySet()) {
            if (known.contains(name)) continue;
            String hint = Suggest.didYouMean(name, header);
            problems.add(spec.error("dataset '" + spec.name() + "' declares a type for column '" + name + "', which "
                    + displayPath + " does not have", (hint.isEmpty() ? "" : hint + " ") + "Columns: " + String.join(", ", header) + "."));
        }
        return out;
    }

    /**
     * The 1-based column where field {@code i} of a parsed row starts (just past the row for {@code i == r.length}),
     * as the fields are written without quotes: exact for unquoted fields, a little early after quoted ones.
     */
    static int fieldColumn(String[] r, int i) {
        int column = 1;
        for (int j = 0; j < i && j < r.length; j++) column += r[j].codePointCount(0, r[j].length()) + 1;
        return i >= r.length && r.length > 0 ? column - 1 : column;
    }

    private static Diagnostic raggedRow(String[] r, int line, int width, String displayPath) {
        return new Diagnostic(displayPath, line, fieldColumn(r, Math.min(width, r.length)), "row has " + r.length + (r.length == 1 ? " field" : " fields")
                + ", the header has " + width, "every row needs one value per column; quote values that contain the delimiter, e.g. \"Paris, France\"");
    }

    private static Diagnostic badValue(int line, int field, String column, String value, CellReader reader,
                                       Path file, DatasetSpec spec, String displayPath) {
        String why = reader.whyNot(value.strip());
        return new Diagnostic(displayPath, line, cellColumn(file, line, field, spec), "column '" + column
                + "': '" + value + "' is not a valid " + reader.expected() + (why == null ? "" : ": " + why),
                "fix the value, or change the declared type in front matter");
    }

    /**
     * A column read as text only because of a few odd cells: the message points at the first one, counts the others,
     * and offers both ways out (the cells mean "no value", or the column really is text).
     */
    private static Diagnostic nearMiss(TypeGuess.Near near, int field, String column, Path file, DatasetSpec spec,
                                       String displayPath) {
        long others = near.odd - 1;
        String markers = String.join(", ", near.oddValues.stream().map(v -> "\"" + v.replace("\"", "\\\"") + "\"").toList());
        String quotedColumn = column.matches("[A-Za-z_][A-Za-z0-9_]*") ? column : "\"" + column + "\"";
        return new Diagnostic(displayPath, near.firstLine, cellColumn(file, near.firstLine, field, spec),
                "column '" + column + "' holds " + near.what + " except '" + near.first + "' here"
                        + (others == 0 ? "" : " and " + others + " other " + (others == 1 ? "cell" : "cells"))
                        + ", so the whole column was read as text",
                "if " + (near.oddValues.size() == 1 ? "'" + near.first + "' means" : "these mean") + " 'no value', declare it in "
                        + "front matter: " + spec.name() + ": { path: " + spec.path() + ", null: [" + markers + "] }; if the column is "
                        + "text, declare its type: types: { " + quotedColumn + ": text }; or fix the " + (others == 0 ? "cell" : "cells"));
    }

    /** The column where a field starts on its line: known for delimited text, not for JSON records (0). */
    private static int cellColumn(Path file, int line, int field, DatasetSpec spec) {
        boolean delimited = spec.format() == DataFormat.CSV || spec.format() == DataFormat.TSV;
        return delimited ? CellPosition.column(file, line, field, spec.delimiter()) : 0;
    }

    /** The line record {@code k} of {@code batch} starts on. */
    private static int line(CsvBatches.Batch batch, int k) {
        return batch.startLines() ? batch.endLines()[k] : startLine(batch.records()[k], batch.endLines()[k]);
    }

    /** Where the file stops being UTF-8: found again from the bytes, as the decoder in the reader does not say. */
    private static ContentException notUtf8(Path file, String displayPath) {
        Diagnostic located = new Diagnostic(displayPath, 0, 0, "the file is not UTF-8 text", "");
        try {
            io.datadesk.error.Utf8Text.decode(Files.readAllBytes(file), displayPath);
        } catch (ContentException e) {
            located = e.diagnostics().get(0);
        } catch (IOException | OutOfMemoryError e) {
            // keep the unlocated message
        }
        return new ContentException(new Diagnostic(located.file(), located.line(), located.column(), located.message(),
                "save it as UTF-8 (in Excel: 'CSV UTF-8'); other encodings are not read"));
    }

    // The parser counts the line a record ends on; a quoted value may span lines, so step back over its line breaks.
    private static int startLine(String[] r, int endLine) {
        int line = endLine;
        for (String v : r) for (int i = v.indexOf('\n'); i >= 0; i = v.indexOf('\n', i + 1)) line--;
        return line;
    }

    private static ContentException readFailure(Exception e, Path file, String displayPath) {
        Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
        if (cause instanceof NoSuchFileException)
            return new ContentException(new Diagnostic(displayPath, 0, 0, "CSV file not found: " + displayPath, ""));
        if (cause instanceof CharacterCodingException) return notUtf8(file, displayPath);
        String msg = cause.getMessage() == null ? cause.toString() : cause.getMessage();
        var line = LINE_IN_MESSAGE.matcher(msg);
        return new ContentException(new Diagnostic(displayPath, line.find() ? Integer.parseInt(line.group(1)) : 0, 0, "cannot read the CSV file: " + msg,
                "check the quoting: a value with a quote inside must be wrapped in quotes and the quote doubled, e.g. \"say \"\"hi\"\"\""));
    }
}
