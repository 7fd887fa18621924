package io.datadesk.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CSV and TSV files as one load parsed and typed them, kept for the next page that declares the same file the same
 * way: a translated page declares every dataset of its original again (the flagship's English and Chinese pages both
 * load the 748 KB layoffs file), and under {@code serve} a data edit loads the page's unchanged files again. Such a
 * page gets its table from the kept records through the same conversion and Appender calls as the first page (so the
 * same table), without parsing the file or inferring its types again.
 *
 * <p>A kept load is used only for the same bytes: the file is read whole and compared with the bytes that were
 * parsed, so an edit, however quick, is never missed (no time stamps are trusted). Only loads that succeeded are kept:
 * a file with problems is read again by each page, whose messages name its own front matter. Process-wide and
 * bounded, least recently used first out; big files (read by DuckDB itself, see {@link CsvFastPath}) are not kept.
 */
final class SharedLoads {

    /** Files up to this size are kept; bigger ones would hold much memory for one reuse. */
    static final long MAX_FILE_BYTES = 4L << 20;
    /** The most (estimated) memory all kept loads may hold together. */
    static final long MAX_WEIGHT = 48L << 20;

    private SharedLoads() {}

    /** What decides a load besides the bytes: the file and how the dataset says to read it (not its name). */
    record Key(Path file, DataFormat format, char delimiter, Map<String, DeclaredType> types, List<String> nullMarkers) {
        static Key of(DatasetSpec spec, Path file) {
            return new Key(file.toAbsolutePath().normalize(), spec.format(), spec.delimiter(), spec.types(), spec.nullMarkers());
        }
    }

    /**
     * One successful load: the bytes it parsed, the header, the column readers the types were decided by, and the
     * records in the batches the parser handed over (the header is record 0 of the first batch).
     */
    record Kept(byte[] bytes, List<String> header, List<CellReader> readers, List<CsvBatches.Batch> batches, long rows) {
        long weight() {
            long cells = rows * Math.max(1, header.size());
            return bytes.length * 3L + cells * 48; // the file, its text as Strings, and the Strings' headers and arrays
        }
    }

    private static final LinkedHashMap<Key, Kept> KEPT = new LinkedHashMap<>(16, 0.75f, true);
    private static long weight;

    /** Whether loads of this dataset can be kept: CSV or TSV, parsed by datadesk. */
    static boolean applies(DatasetSpec spec) {
        return spec.format() == DataFormat.CSV || spec.format() == DataFormat.TSV;
    }

    /** The file's bytes when it is small enough to keep, else (or when it cannot be read here) null. */
    static byte[] read(Path file) {
        try {
            if (Files.size(file) > MAX_FILE_BYTES) return null;
            byte[] bytes = Files.readAllBytes(file);
            return bytes.length > MAX_FILE_BYTES ? null : bytes;
        } catch (IOException | RuntimeException e) {
            return null; // the usual path reads it and says what is wrong
        }
    }

    /** The kept load of exactly these bytes read this way, or null. */
    static synchronized Kept find(Key key, byte[] bytes) {
        Kept k = KEPT.get(key);
        return k != null && Arrays.equals(k.bytes, bytes) ? k : null;
    }

    static synchronized void keep(Key key, Kept kept) {
        long w = kept.weight();
        if (w > MAX_WEIGHT / 2) return;
        Kept old = KEPT.put(key, kept);
        if (old != null) weight -= old.weight();
        weight += w;
        var it = KEPT.values().iterator();
        while (weight > MAX_WEIGHT && it.hasNext()) {
            weight -= it.next().weight();
            it.remove();
        }
    }

    /** Forgets every kept load: for tests. */
    static synchronized void clear() {
        KEPT.clear();
        weight = 0;
    }

    /** How many loads are kept: for tests. */
    static synchronized int size() {
        return KEPT.size();
    }
}
