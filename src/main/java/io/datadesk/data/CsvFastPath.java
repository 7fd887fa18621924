package io.datadesk.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Loads a large CSV or TSV file with DuckDB's own reader ({@code read_csv}, parallel C++, about 5x faster than
 * Commons CSV plus the Appender on a million rows), into exactly the table {@link CsvLoader#load} would make: the
 * same column names, types and values, in file order. It only does so when it can promise that; otherwise
 * {@link #load} returns {@code null} and the caller loads the file the usual way, which then reports any problem
 * with its usual located message. So this path never produces an error of its own.
 *
 * <p>How it keeps the promise:
 * <ul>
 *   <li>Parsing. DuckDB and Commons CSV (RFC 4180) split records the same way except around quotes: DuckDB skips
 *       spaces between a delimiter and an opening quote, and after a closing quote, where Commons CSV keeps or
 *       rejects them. {@link #plainQuoting} scans the bytes first and declines a file with any quote that does not
 *       open a field or close it right before a delimiter or line end. Ragged rows, mixed line endings, a broken
 *       quote or invalid UTF-8 make DuckDB fail ({@code strict_mode}), which also means: decline. A file of one
 *       column is declined (DuckDB reads an empty line as a NULL row, Commons CSV skips it), and so is a file whose
 *       first line is empty.</li>
 *   <li>Types. The first {@link #SAMPLE_ROWS} records are read with Commons CSV and guessed with datadesk's own
 *       {@link TypeGuess}. Each typed column is then converted in SQL with a pattern that accepts a subset of what
 *       {@link CellSyntax} accepts and a cast that gives the same value (ISO dates and decimals as DuckDB casts
 *       them: the same calendar, correctly rounded doubles). Any cell that does not fit calls DuckDB's
 *       {@code error()}, the insert fails, and the file is declined: a later cell that changes the type, a bad
 *       value, a near miss. A text column still tracked as a possible near miss (three or fewer distinct odd values
 *       in the sample) is declined too, as only the whole column can tell.</li>
 *   <li>Declared date and time patterns are Java's {@code DateTimeFormatter}s: a file with one is declined.</li>
 * </ul>
 * The file is the one {@link DataPaths} resolved and checked, read before the page's database is sealed, so the
 * page still reads only its own files (see {@link PageDatabase}).
 */
final class CsvFastPath {

    /** Files smaller than this load faster through Commons CSV than a new, unsealed DuckDB costs (about 35 ms). */
    static final long MIN_BYTES = 8L << 20;

    /** Records of the file guessed with {@link TypeGuess} before DuckDB reads it all. */
    static final int SAMPLE_ROWS = 20_000;

    private CsvFastPath() {}

    /** Whether {@link #load} may be tried for this dataset: a CSV or TSV file of at least {@code minBytes}. */
    static boolean worthTrying(DatasetSpec spec, Path file, long minBytes) {
        if (spec.format() != DataFormat.CSV && spec.format() != DataFormat.TSV) return false;
        char d = spec.delimiter();
        if (d >= 0x80 || d == '"' || d == '\n' || d == '\r' || d == '\'') return false;
        for (DeclaredType t : spec.types().values()) if (t.pattern() != null) return false;
        try {
            return Files.size(file) >= minBytes;
        } catch (IOException e) {
            return false; // the usual path says why
        }
    }

    /**
     * Creates table {@code table} from {@code file} as {@link CsvLoader#load} would, or returns {@code null} (with
     * no table left behind) when it cannot promise the same result. The connection must still allow file access.
     */
    static CsvSchema load(Connection connection, DatasetSpec spec, Path file, String displayPath, String table) {
        // The quote scan reads the whole file and the sample its first rows: on two threads, side by side.
        FutureTask<Boolean> quoting = new FutureTask<>(() -> plainQuoting(file, (byte) spec.delimiter()));
        Thread scan = new Thread(quoting, "csv-quote-scan");
        scan.setDaemon(true);
        scan.start();
        try {
            Sample sample = sample(spec, file);
            if (sample == null || !quoting.get()) return null;
            return insert(connection, spec, file, displayPath, table, sample);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the build is being stopped: the usual path stops at its first step
            return null;
        } catch (IOException | ExecutionException | RuntimeException e) {
            return null; // anything unexpected: the usual path reads the file and reports what is wrong
        }
    }

    /**
     * The header and each column's reader, as the first rows show them; {@code textToCheck}: the text columns that
     * only the whole file can confirm (by index: whether the first rows had a value in that column).
     */
    private record Sample(List<String> header, List<CellReader> readers, java.util.Map<Integer, Boolean> textToCheck) {}

    private static Sample sample(DatasetSpec spec, Path file) throws IOException {
        try (CSVParser parser = CsvLoader.open(spec, file)) {
            var it = parser.iterator();
            if (!it.hasNext()) return null;
            String[] head = it.next().values();
            if (head.length < 2) return null;
            List<String> header = new ArrayList<>(head.length);
            for (String h : head) {
                String name = h.strip();
                if (name.isEmpty() || header.stream().anyMatch(n -> n.equalsIgnoreCase(name))) return null;
                header.add(name);
            }
            int width = header.size();
            if (!header.containsAll(spec.types().keySet())) return null;
            CellReader[] declared = new CellReader[width];
            TypeGuess[] guesses = new TypeGuess[width];
            for (int i = 0; i < width; i++) {
                DeclaredType t = spec.types().get(header.get(i));
                if (t != null) declared[i] = CellReader.declared(t);
                else guesses[i] = new TypeGuess();
            }
            Set<String> nulls = Set.copyOf(spec.nullMarkers());
            for (int n = 0; n < SAMPLE_ROWS && it.hasNext(); n++) {
                CSVRecord r = it.next();
                if (r.size() != width) return null;
                for (int i = 0; i < width; i++) {
                    String cell = r.get(i);
                    if (cell.isEmpty() || nulls.contains(cell)) continue;
                    if (guesses[i] != null) guesses[i].offer(cell);
                    else if (!declared[i].accepts(cell)) return null;
                }
            }
            List<CellReader> readers = new ArrayList<>(width);
            java.util.Map<Integer, Boolean> textToCheck = new java.util.LinkedHashMap<>();
            for (int i = 0; i < width; i++) {
                if (declared[i] != null) {
                    readers.add(declared[i]);
                    continue;
                }
                TypeGuess g = guesses[i];
                if (g.kind() == CellReader.Kind.TEXT && (g.mayBeNearMiss() || !g.sawValue())) textToCheck.put(i, g.sawValue());
                readers.add(g.result());
            }
            return new Sample(header, readers, textToCheck);
        } catch (java.io.UncheckedIOException e) {
            return null;
        }
    }

    private static CsvSchema insert(Connection connection, DatasetSpec spec, Path file, String displayPath, String table,
                                    Sample sample) {
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < sample.header.size(); i++) columns.add(new Column(sample.header.get(i), sample.readers.get(i).type));
        StringBuilder ddl = new StringBuilder("CREATE TABLE ").append(table).append(" (");
        StringBuilder names = new StringBuilder();
        StringBuilder select = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            ddl.append(i == 0 ? "" : ", ").append(SqlNames.quote(c.name())).append(' ').append(PageDatabase.sqlType(c.type()));
            names.append(i == 0 ? "" : ", ").append("'c").append(i).append("': 'VARCHAR'");
            select.append(i == 0 ? "" : ", ").append(convert("c" + i, sample.readers.get(i), spec.types().containsKey(c.name()), spec.nullMarkers()));
        }
        ddl.append(')');
        String read = "read_csv(" + PageDatabase.stringLiteral(file.toAbsolutePath().normalize().toString())
                + ", columns = {" + names + "}, header = true, auto_detect = false, delim = "
                + PageDatabase.stringLiteral(String.valueOf(spec.delimiter()))
                + ", quote = '\"', escape = '\"', strict_mode = true, null_padding = false, encoding = 'utf-8')";
        String stage = SqlNames.quote(STAGE);
        try {
            execute(connection, ddl.toString().replace("CREATE TABLE " + table + " (", "CREATE TABLE " + stage + " ("));
        } catch (SQLException e) {
            return null;
        }
        boolean made = false;
        try (Statement s = connection.createStatement()) {
            s.execute("INSERT INTO " + stage + " SELECT " + select + " FROM " + read);
            long rows = s.getUpdateCount();
            if (rows < 0) throw new SQLException("no row count");
            for (var e : sample.textToCheck.entrySet())
                if (!plainText(s, stage, SqlNames.quote(columns.get(e.getKey()).name()), e.getValue()))
                    throw new SQLException("a possible near miss, or a type the first rows did not show");
            // The reader's threads fill the stage in parallel row groups of varying sizes, and DuckDB sums doubles
            // per row group: the same rows laid out differently give sums that differ in the last digits from one
            // build to the next. Copied on one thread, the table is laid out as the Appender lays it out, so every
            // result is the usual path's, to the bit.
            String threads;
            try (var rs = s.executeQuery("SELECT current_setting('threads')")) {
                rs.next();
                threads = rs.getString(1);
            }
            s.execute(ddl.toString());
            made = true;
            s.execute("SET threads = 1");
            try {
                s.execute("INSERT INTO " + table + " SELECT * FROM " + stage);
            } finally {
                s.execute("SET threads = " + Integer.parseInt(threads));
            }
            execute(connection, "DROP TABLE " + stage);
            return new CsvSchema(spec, file, displayPath, columns, sample.readers, rows, 1);
        } catch (SQLException | RuntimeException e) {
            try {
                execute(connection, "DROP TABLE IF EXISTS " + stage);
                if (made) execute(connection, "DROP TABLE IF EXISTS " + table);
            } catch (SQLException dropFailed) {
                throw new IllegalStateException("cannot drop a table: " + dropFailed.getMessage(), dropFailed);
            }
            return null;
        }
    }

    /** The table DuckDB's reader fills first; no dataset or query can have this name (it has a space). */
    private static final String STAGE = "datadesk csv stage";

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement s = connection.createStatement()) { // a new Statement each time: a failed one is closed
            s.execute(sql);
        }
    }

    /**
     * Whether every quote in the file opens a field (right after a delimiter, a line break or the start of the file)
     * or closes one (right before a delimiter, a line break or the end of the file), doubled quotes inside aside, and
     * the file does not start with an empty line. Files that pass are split into the same records by Commons CSV
     * and DuckDB. Hand-written, as no library answers this question; it looks at quote bytes only, which UTF-8
     * never uses inside a multi-byte character, and reads the file in blocks so that memory does not grow with it.
     */
    static boolean plainQuoting(Path file, byte delimiter) throws IOException {
        final int outside = 0, inQuotes = 1, quoteSeen = 2;
        int state = outside;
        int before = -1; // the byte before the current position outside quotes; -1 at the start of the file
        boolean first = true;
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.readNBytes(buf, 0, buf.length)) > 0) {
                int i = 0;
                if (first) {
                    first = false;
                    if (n >= 3 && buf[0] == (byte) 0xEF && buf[1] == (byte) 0xBB && buf[2] == (byte) 0xBF) i = 3;
                    if (i < n && (buf[i] == '\n' || buf[i] == '\r')) return false;
                }
                while (i < n) {
                    if (state == outside) {
                        int j = i;
                        while (j < n && buf[j] != '"') j++;
                        if (j == n) {
                            before = buf[n - 1];
                            break;
                        }
                        int b = j > i ? buf[j - 1] : before;
                        if (b != -1 && b != delimiter && b != '\n' && b != '\r') return false;
                        state = inQuotes;
                        i = j + 1;
                    } else if (state == inQuotes) {
                        int j = i;
                        while (j < n && buf[j] != '"') j++;
                        if (j == n) break;
                        state = quoteSeen;
                        i = j + 1;
                    } else {
                        byte c = buf[i];
                        if (c == '"') state = inQuotes;
                        else if (c == delimiter || c == '\n' || c == '\r') {
                            state = outside;
                            before = c;
                        } else return false;
                        i++;
                    }
                }
            }
        }
        return state != inQuotes;
    }
    // --- cells in SQL ----------------------------------------------------------------------------------------------

    /**
     * What {@link String#strip} removes: {@link Character#isWhitespace}, as an RE2 character class. In a class of its
     * own, made when a file first takes this path: asking about all 1.1 million code points cost every build with a
     * data page 20-30 ms of CPU on a page thread (the class is loaded for {@link #worthTrying} on every page).
     */
    private static final class Space {
        static final String CLASS = javaWhitespace();
    }

    /** A year of four digits other than 0000 (DuckDB's year 0 is left to the usual path). */
    private static final String YEAR = "(?:[0-9]{3}[1-9]|[0-9]{2}[1-9][0-9]|[0-9][1-9][0-9]{2}|[1-9][0-9]{3})";
    private static final String ISO_DATE = YEAR + "-[0-9]{2}-[0-9]{2}";
    private static final String YEAR_MONTH = YEAR + "-[0-9]{2}";
    private static final String US_DATE = "[0-9]{1,2}/[0-9]{1,2}/" + YEAR;
    /** ISO timestamps with at most 6 decimals (DuckDB's precision; CellSyntax truncates more, DuckDB may round). */
    private static final String ISO_TIMESTAMP = ISO_DATE + "[T ](?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\\.[0-9]{1,6})?)?";
    /** Numbers as {@link TypeGuess} counts them: {@link CellSyntax#isDecimal} without a leading zero. */
    private static final String NUMBER = "[+-]?(?:(?:0|[1-9][0-9]*)(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?";
    private static final String INFERRED_INTEGER = "[+-]?(?:0|[1-9][0-9]{0,17})";
    /** {@link CellSyntax#isDecimal} and {@link CellSyntax#isInteger} (up to 18 digits), as a declared type reads. */
    private static final String ANY_DECIMAL = "[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?";
    private static final String ANY_INTEGER = "[+-]?[0-9]{1,18}";

    /** A form a column accepts: an RE2 pattern for the whole (stripped) cell and the SQL that converts it. */
    private record Form(String pattern, String castTemplate) {
        String cast(String x) {
            return castTemplate.replace("%s", x);
        }
    }

    private static List<Form> forms(CellReader reader, boolean declared) {
        return switch (reader.kind) {
            case INTEGER -> List.of(new Form(declared ? ANY_INTEGER : INFERRED_INTEGER, "CAST(%s AS BIGINT)"));
            case DECIMAL -> List.of(new Form(declared ? ANY_DECIMAL : NUMBER, "CAST(%s AS DOUBLE)"));
            case BOOLEAN -> List.of(new Form("[tT][rR][uU][eE]|[fF][aA][lL][sS][eE]", "(lower(%s) = 'true')"));
            case DATE_ISO -> List.of(isoDate());
            case DATE_YEAR_MONTH -> List.of(yearMonth());
            case DATE_US -> List.of(usDate());
            case DATE_ANY -> List.of(isoDate(), yearMonth(), usDate());
            case TIMESTAMP_ISO -> List.of(new Form(ISO_DATE, "CAST(CAST(%s AS DATE) AS TIMESTAMP)"),
                    new Form(ISO_TIMESTAMP, "CAST(%s AS TIMESTAMP)"));
            case TEXT, DATE_PATTERN, TIMESTAMP_PATTERN -> throw new IllegalArgumentException(reader.kind.name());
        };
    }

    private static Form isoDate() {
        return new Form(ISO_DATE, "CAST(%s AS DATE)");
    }

    private static Form yearMonth() {
        return new Form(YEAR_MONTH, "CAST(%s || '-01' AS DATE)");
    }

    private static Form usDate() {
        return new Form(US_DATE, "make_date(CAST(split_part(%s, '/', 3) AS INTEGER), CAST(split_part(%s, '/', 1) AS INTEGER), "
                + "CAST(split_part(%s, '/', 2) AS INTEGER))");
    }

    /**
     * The SQL that turns text column {@code v} (NULL for an empty cell) into the column {@code reader} makes: NULL
     * markers become NULL; text is kept as written; other types are read from the cell without surrounding spaces,
     * a blank cell is NULL, and a cell no form accepts stops the insert with {@code error()}.
     */
    static String convert(String v, CellReader reader, boolean declared, List<String> nullMarkers) {
        StringBuilder sql = new StringBuilder("CASE WHEN ").append(v).append(" IS NULL");
        List<String> markers = nullMarkers.stream().filter(m -> !m.isEmpty()).map(PageDatabase::stringLiteral).toList();
        if (!markers.isEmpty()) sql.append(" OR ").append(v).append(" IN (").append(String.join(", ", markers)).append(')');
        sql.append(" THEN NULL");
        if (reader.kind == CellReader.Kind.TEXT) return sql.append(" ELSE ").append(v).append(" END").toString();
        List<Form> forms = forms(reader, declared);
        for (Form f : forms) sql.append(whenMatches(v, f));
        // The rare cell with spaces around it: the same forms on the stripped text, which is computed only here.
        String stripped = "regexp_extract(" + v + ", " + PageDatabase.stringLiteral("^" + Space.CLASS + "*((?s).*?)" + Space.CLASS + "*$") + ", 1)";
        sql.append(" ELSE CASE");
        for (Form f : forms) sql.append(whenMatches(stripped, f));
        sql.append(" WHEN ").append(stripped).append(" = '' THEN NULL ELSE error('not read by the fast path') END END");
        return sql.toString();
    }

    /**
     * Whether a column the first rows show as text is text for {@link TypeGuess} over the whole file, without a near
     * miss (numbers or dates but for a few odd cells, an error of the usual path). Numbers are counted exactly as
     * TypeGuess counts them; dates by their shape alone, which fits every date {@link CellSyntax} accepts and more,
     * so "not a near miss" here means not one there either. A column whose first rows were all blank must stay
     * blank: a value later would decide its type.
     */
    private static boolean plainText(Statement s, String table, String column, boolean sampleSawValue) throws SQLException {
        String stripped = "regexp_extract(" + column + ", " + PageDatabase.stringLiteral("^" + Space.CLASS + "*((?s).*?)" + Space.CLASS + "*$") + ", 1)";
        String number = "regexp_full_match(v, " + PageDatabase.stringLiteral(NUMBER) + ")";
        String date = "regexp_full_match(v, " + PageDatabase.stringLiteral(DATE_SHAPES) + ")";
        String sql = "SELECT count(*), count(*) FILTER (WHERE n), count(DISTINCT v) FILTER (WHERE NOT n), count(*) FILTER (WHERE d), "
                + "count(DISTINCT v) FILTER (WHERE NOT d) FROM (SELECT v, " + number + " AS n, " + date + " AS d FROM (SELECT "
                + stripped + " AS v FROM " + table + " WHERE " + column + " IS NOT NULL) WHERE v <> '')";
        try (var rs = s.executeQuery(sql)) {
            if (!rs.next()) return false;
            long values = rs.getLong(1), numbers = rs.getLong(2), oddNumbers = rs.getLong(3), dates = rs.getLong(4), oddDates = rs.getLong(5);
            if (!sampleSawValue) return values == 0;
            boolean numberNear = oddNumbers <= TypeGuess.MAX_ODD_VALUES && numbers > values - numbers;
            boolean dateNear = oddDates <= TypeGuess.MAX_ODD_VALUES && dates > values - dates;
            return !numberNear && !dateNear;
        }
    }

    /** ISO dates, year-months, US dates and ISO timestamps by their shape alone (not checked against the calendar). */
    private static final String DATE_SHAPES = "[0-9]{4}-[0-9]{2}(?:-[0-9]{2}(?:[T ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\\.[0-9]+)?)?)?)?"
            + "|[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}";

    private static String whenMatches(String x, Form f) {
        return " WHEN regexp_full_match(" + x + ", " + PageDatabase.stringLiteral(f.pattern) + ") THEN " + f.cast(x);
    }

    private static String javaWhitespace() {
        StringBuilder sb = new StringBuilder("[");
        for (int c = 0; c <= Character.MAX_CODE_POINT; c++)
            if (Character.isWhitespace(c)) sb.append("\\x{").append(Integer.toHexString(c)).append('}');
        return sb.append(']').toString();
    }
}
