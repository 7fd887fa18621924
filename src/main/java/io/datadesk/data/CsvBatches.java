package io.datadesk.data;

import io.datadesk.error.ContentException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Function;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The records of a CSV file, parsed on a background thread and handed over in batches. Parsing costs about as much
 * as what each pass does with the values (type inference, or converting and appending to DuckDB), so on two cores
 * the two run side by side. The queue is bounded, so memory stays a few batches whatever the file size.
 */
final class CsvBatches implements CsvLoader.Rows {

    /**
     * {@code size} records: their fields, and a line of each record for messages: where it ends, or where it starts
     * when {@code startLines} (a CSV parser knows the end, a JSON parser the start).
     */
    record Batch(String[][] records, int[] endLines, int size, boolean startLines) {
        Batch(String[][] records, int[] endLines, int size) {
            this(records, endLines, size, false);
        }
    }

    private static final int BATCH_RECORDS = 4096;
    private static final Object END = new Object();

    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(4);
    private final Thread reader;
    private boolean done;

    /**
     * Starts reading. {@code open} opens the parser (its checked failure surfaces from {@link #next});
     * {@code failure} turns a read error into the author-facing exception.
     */
    CsvBatches(Path file, ParserOpener open, Function<Exception, ContentException> failure) {
        reader = new Thread(() -> run(file, open, failure), "csv-reader");
        reader.setDaemon(true);
        reader.start();
    }

    interface ParserOpener {
        CSVParser open(Path file) throws IOException;
    }

    /** The next batch, or {@code null} after the last. Rethrows the reader's failure. */
    @Override
    public Batch next() {
        if (done) return null;
        Object item;
        try {
            item = queue.take();
        } catch (InterruptedException e) {
            throw io.datadesk.error.BuildCancelled.after(e);
        }
        if (item == END) {
            done = true;
            return null;
        }
        if (item instanceof RuntimeException e) {
            done = true;
            throw e;
        }
        return (Batch) item;
    }

    @Override
    public void close() {
        reader.interrupt(); // stops a reader blocked on a full queue when the consumer gives up early
    }

    private void run(Path file, ParserOpener open, Function<Exception, ContentException> failure) {
        try {
            try (CSVParser parser = open.open(file)) {
                String[][] records = new String[BATCH_RECORDS][];
                int[] lines = new int[BATCH_RECORDS];
                int n = 0;
                for (CSVRecord r : parser) {
                    records[n] = r.values(); // the record's own array, not a copy; records are not reused
                    lines[n++] = (int) parser.getCurrentLineNumber();
                    if (n == BATCH_RECORDS) {
                        queue.put(new Batch(records, lines, n));
                        records = new String[BATCH_RECORDS][];
                        lines = new int[BATCH_RECORDS];
                        n = 0;
                    }
                }
                if (n > 0) queue.put(new Batch(records, lines, n));
                queue.put(END);
            } catch (IOException | UncheckedIOException e) {
                queue.put(failure.apply(e));
            } catch (RuntimeException e) {
                queue.put(e);
            }
        } catch (InterruptedException e) {
            // the consumer gave up; nothing left to do
        }
    }
}
