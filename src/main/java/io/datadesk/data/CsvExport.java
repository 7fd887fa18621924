package io.datadesk.data;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a query result as CSV for readers' "Download the data" links: RFC 4180 (CRLF line ends, quotes only
 * where needed), UTF-8 without BOM, a header row, ISO dates, numbers without grouping and without binary float
 * noise. The same result always gives the same bytes, so rebuilding a site does not change unchanged files.
 */
public final class CsvExport {

    private CsvExport() {}

    public static byte[] toBytes(QueryResult result) {
        return toCsv(result).getBytes(StandardCharsets.UTF_8);
    }

    public static String toCsv(QueryResult result) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
            printer.printRecord(result.columnNames());
            List<String> cells = new ArrayList<>(result.columns().size());
            for (List<Object> row : result.rows()) {
                cells.clear();
                for (Object v : row) cells.add(cell(v));
                printer.printRecord(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    /** One value as CSV text: NULL is the empty cell. */
    static String cell(Object v) {
        if (v == null) return "";
        if (v instanceof Double d) return number(d);
        if (v instanceof Float f) return number(f.doubleValue());
        if (v instanceof LocalDateTime t) return t.toString().replace('T', ' ');
        return v.toString();
    }

    /**
     * A double in plain notation with at most 15 significant digits, the precision a double reliably carries:
     * 0.1 + 0.2 is written 0.3, not 0.30000000000000004; 16000.0 is written 16000; 1e21 is not written in
     * scientific notation.
     */
    static String number(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) return Double.toString(d);
        if (d == 0) return "0";
        BigDecimal b = new BigDecimal(d).round(new MathContext(15)).stripTrailingZeros();
        String s = b.toPlainString();
        return s.equals("-0") ? "0" : s;
    }
}
