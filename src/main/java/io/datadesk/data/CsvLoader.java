package io.datadesk.data;

import io.datadesk.error.ContentException;
import io.datadesk.error.Diagnostic;
import io.datadesk.error.Suggest;
import java.io.BufferedReader;
import java.io.IOException;
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
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.duckdb.DuckDBAppender;

/**
 * Reads CSV files (RFC 4180, header row required, UTF-8 with or without BOM) in two streaming passes, so that memory
 * does not grow with the file: {@link #scan} checks the file and infers each column's type over the whole column;
 * {@link #appendTo} converts every cell and feeds DuckDB's Appender. No row is kept between the passes.
 */
public final class CsvLoader {

    /** At most this many bad rows are listed per file; a file with thousands of them needs one fix, not a wall of text. */
    static final int MAX_ROW_ERRORS = 10;

    private CsvLoader() {}

    /** First pass: header, row shape, declared types and type inference. Throws every problem found. */
    public static CsvSchema scan(DatasetSpec spec, Path file, String displayPath) {
        List<Diagnostic> problems = new ArrayList<>();
        try (CSVParser parser = open(spec, file)) {
            var it = parser.iterator();
            if (!it.hasNext())
                throw new ContentException(new Diagnostic(displayPath, 1, 0, "the CSV file is empty",
                        "the first line must name the columns, e.g. date,value"));
            List<String> header = readHeader(it.next(), displayPath, problems);
            int width = header.size();
            List<CellReader> declared = declaredReaders(spec, header, displayPath, problems);
            TypeGuess[] guesses = new TypeGuess[width];
            for (int i = 0; i < width; i++) if (declared.get(i) == null) guesses[i] = new TypeGuess();
            Set<String> nulls = Set.copyOf(spec.nullMarkers());
            boolean onlyEmptyIsNull = nulls.size() == 1;
            long rows = 0;
            int rowErrors = 0;
            long suppressed = 0;
            while (it.hasNext()) {
                CSVRecord r = it.next();
                rows++;
                if (r.size() != width) {
                    if (rowErrors++ < MAX_ROW_ERRORS) problems.add(raggedRow(r, parser, width, displayPath));
                    else suppressed++;
                    continue;
                }
                for (int i = 0; i < width; i++) {
                    String cell = r.get(i);
                    if (cell.isEmpty() || (!onlyEmptyIsNull && nulls.contains(cell))) continue;
                    TypeGuess g = guesses[i];
                    if (g != null) g.offer(cell);
                    else if (!declared.get(i).accepts(cell)) {
                        if (rowErrors++ < MAX_ROW_ERRORS) problems.add(badValue(r, parser, header.get(i), cell, declared.get(i), displayPath));
                        else suppressed++;
                    }
                }
            }
            if (suppressed > 0)
                problems.add(new Diagnostic(displayPath, 0, 0, "and " + suppressed + " more bad rows or values in this file", ""));
            if (!problems.isEmpty()) throw new ContentException(problems);
            List<Column> columns = new ArrayList<>(width);
            List<CellReader> readers = new ArrayList<>(width);
            for (int i = 0; i < width; i++) {
                CellReader reader = declared.get(i) != null ? declared.get(i) : guesses[i].result();
                readers.add(reader);
                columns.add(new Column(header.get(i), reader.type));
            }
            return new CsvSchema(spec, file, displayPath, columns, readers, rows);
        } catch (IOException | UncheckedIOException e) {
            throw readFailure(e, displayPath);
        }
    }

    /**
     * Second pass: appends every row of the file scanned into {@code schema} to {@code appender}, whose table has
     * the schema's columns. Returns the number of rows appended.
     *
     * <p>Parsing and appending take about the same time, so a reader thread parses while the calling thread (which
     * owns the appender) converts and appends: on two cores this nearly halves the load time of large files. The
     * queue is bounded, so memory stays a few batches whatever the file size.
     */
    public static long appendTo(CsvSchema schema, DuckDBAppender appender) throws SQLException {
        CellReader[] rs = schema.readers().toArray(new CellReader[0]);
        int width = rs.length;
        Set<String> nulls = Set.copyOf(schema.spec().nullMarkers());
        boolean onlyEmptyIsNull = nulls.size() == 1;
        BlockingQueue<Object> queue = new ArrayBlockingQueue<>(4);
        Thread reader = new Thread(() -> readBatches(schema, width, queue), "csv-reader");
        reader.setDaemon(true);
        reader.start();
        long rows = 0;
        try {
            while (true) {
                Object item = queue.take();
                if (item == END) break;
                if (item instanceof RuntimeException e) throw e;
                for (String[] r : (String[][]) item) {
                    if (r == null) break;
                    appender.beginRow();
                    for (int i = 0; i < width; i++) {
                        String cell = r[i];
                        if (cell.isEmpty() || (!onlyEmptyIsNull && nulls.contains(cell))) appender.appendNull();
                        else rs[i].append(appender, cell);
                    }
                    appender.endRow();
                    rows++;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading " + schema.displayPath(), e);
        } finally {
            reader.interrupt(); // on failure, stop the reader blocked on a full queue
        }
        return rows;
    }

    private static final Object END = new Object();
    private static final int BATCH_ROWS = 4096;

    private static void readBatches(CsvSchema schema, int width, BlockingQueue<Object> queue) {
        try {
            try (CSVParser parser = open(schema.spec(), schema.file())) {
                var it = parser.iterator();
                if (it.hasNext()) it.next(); // header
                String[][] batch = new String[BATCH_ROWS][];
                int n = 0;
                while (it.hasNext()) {
                    CSVRecord r = it.next();
                    if (r.size() != width) throw new IllegalStateException(schema.displayPath() + " changed while it was being read");
                    String[] row = new String[width];
                    for (int i = 0; i < width; i++) row[i] = r.get(i);
                    batch[n++] = row;
                    if (n == BATCH_ROWS) {
                        queue.put(batch);
                        batch = new String[BATCH_ROWS][];
                        n = 0;
                    }
                }
                if (n > 0) queue.put(batch);
                queue.put(END);
            } catch (IOException | UncheckedIOException e) {
                queue.put(readFailure(e, schema.displayPath()));
            } catch (RuntimeException e) {
                queue.put(e);
            }
        } catch (InterruptedException e) {
            // the loading thread gave up; nothing left to do
        }
    }

    private static CSVParser open(DatasetSpec spec, Path file) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setDelimiter(spec.delimiter())
                .setIgnoreEmptyLines(true)
                .get();
        // Strict decoding: a file in another encoding is reported, not silently turned into replacement characters.
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        Reader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder), 1 << 16);
        reader.mark(1);
        if (reader.read() != '\uFEFF') reader.reset(); // byte order mark written by Excel and others
        return CSVParser.builder().setReader(reader).setFormat(format).get();
    }

    private static List<String> readHeader(CSVRecord r, String displayPath, List<Diagnostic> problems) {
        List<String> header = new ArrayList<>(r.size());
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < r.size(); i++) {
            String name = r.get(i).strip();
            header.add(name);
            if (name.isEmpty()) {
                problems.add(new Diagnostic(displayPath, 1, 0, "column " + (i + 1) + " has no name in the header row",
                        "the first line must name every column"));
                continue;
            }
            Integer earlier = seen.putIfAbsent(name.toLowerCase(Locale.ROOT), i);
            if (earlier != null)
                problems.add(new Diagnostic(displayPath, 1, 0, "duplicate column name '" + name + "' (columns " + (earlier + 1)
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

    private static Diagnostic raggedRow(CSVRecord r, CSVParser p, int width, String displayPath) {
        return new Diagnostic(displayPath, startLine(r, p), 0, "row has " + r.size() + (r.size() == 1 ? " field" : " fields")
                + ", the header has " + width, "every row needs one value per column; quote values that contain the delimiter, e.g. \"Paris, France\"");
    }

    private static Diagnostic badValue(CSVRecord r, CSVParser p, String column, String value, CellReader reader, String displayPath) {
        return new Diagnostic(displayPath, startLine(r, p), 0, "column '" + column + "': '" + value + "' is not a valid "
                + reader.expected(), "fix the value, or change the declared type in front matter");
    }

    // The parser counts the line a record ends on; a quoted value may span lines, so step back over its line breaks.
    private static int startLine(CSVRecord r, CSVParser p) {
        long line = p.getCurrentLineNumber();
        for (String v : r) for (int i = v.indexOf('\n'); i >= 0; i = v.indexOf('\n', i + 1)) line--;
        return (int) line;
    }

    private static ContentException readFailure(Exception e, String displayPath) {
        Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
        if (cause instanceof NoSuchFileException)
            return new ContentException(new Diagnostic(displayPath, 0, 0, "CSV file not found: " + displayPath, ""));
        if (cause instanceof CharacterCodingException)
            return new ContentException(new Diagnostic(displayPath, 0, 0, "the file is not UTF-8 text",
                    "save it as UTF-8 (in Excel: 'CSV UTF-8'); other encodings are not read"));
        String msg = cause.getMessage() == null ? cause.toString() : cause.getMessage();
        var line = java.util.regex.Pattern.compile("line:? (\\d+)").matcher(msg); // Commons CSV names the line in its message
        return new ContentException(new Diagnostic(displayPath, line.find() ? Integer.parseInt(line.group(1)) : 0, 0, "cannot read the CSV file: " + msg,
                "check the quoting: a value with a quote inside must be wrapped in quotes and the quote doubled, e.g. \"say \"\"hi\"\"\""));
    }
}
