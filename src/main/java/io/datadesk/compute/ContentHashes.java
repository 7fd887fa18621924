package io.datadesk.compute;

import io.datadesk.data.QueryResult;
import io.datadesk.files.AtomicFiles;
import java.util.Arrays;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SHA-256 content hashes: what incremental builds and the query cache compare to decide whether something changed.
 * Timestamps alone are not trusted (editors, git checkouts and copies all set them freely); they only let a file
 * that has not been touched for a while skip re-hashing.
 */
public final class ContentHashes {

    /** The hash of a file that does not exist, so that creating it later counts as a change. */
    public static final String MISSING = "missing";

    // A remembered hash is trusted only for files last modified well before it was computed: a file written twice
    // within one timestamp tick would otherwise keep a stale hash (git calls this the "racy clean" problem).
    private static final long RACY_MILLIS = 2_000;

    // fileKey: the file's identity (device and inode on Unix) as text, so that it can be kept across processes
    private record Stamp(long size, long modifiedMillis, String fileKey) {
        /**
         * The record's equals, written out: a record's generated equals builds its method handles on first use
         * (spinning classes the class-data archive does not keep), which was most of a nothing-changed rebuild's
         * time in this class.
         */
        boolean sameAs(Stamp o) {
            return size == o.size && modifiedMillis == o.modifiedMillis && fileKey.equals(o.fileKey);
        }
    }

    private record Remembered(Stamp stamp, long hashedAtMillis, String hash) {}

    private static final Map<Path, Remembered> FILES = new ConcurrentHashMap<>();
    private static final Set<Path> LOADED = ConcurrentHashMap.newKeySet();

    private ContentHashes() {}

    public static String of(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    public static String of(String text) {
        return of(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The hash of a query result's columns, types and values: an input of the queries that read it. */
    public static String of(QueryResult result) {
        return of(QueryResultCodec.encode(result, true));
    }

    /** One hash for several parts, in order. Parts are length-prefixed, so ("ab","c") and ("a","bc") differ. */
    public static String combine(String... parts) {
        MessageDigest d = digest();
        for (String p : parts) {
            byte[] b = (p == null ? "\u0000null" : p).getBytes(StandardCharsets.UTF_8);
            d.update(Integer.toString(b.length).getBytes(StandardCharsets.US_ASCII));
            d.update((byte) ':');
            d.update(b);
        }
        return HexFormat.of().formatHex(d.digest());
    }

    /** The hash of a file's bytes, or {@link #MISSING}. Unchanged files that are not recent are not read again. */
    public static String file(Path file) {
        Path p = file.toAbsolutePath().normalize();
        try {
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
            if (!a.isRegularFile()) return MISSING;
            Stamp stamp = new Stamp(a.size(), a.lastModifiedTime().toMillis(), String.valueOf(a.fileKey()));
            Remembered r = FILES.get(p);
            if (r != null && r.stamp().sameAs(stamp) && stamp.modifiedMillis() < r.hashedAtMillis() - RACY_MILLIS)
                return r.hash();
            long now = System.currentTimeMillis();
            String hash = of(Files.readAllBytes(p));
            FILES.put(p, new Remembered(stamp, now, hash));
            return hash;
        } catch (NoSuchFileException e) {
            FILES.remove(p);
            return MISSING;
        } catch (IOException e) {
            return MISSING + ":" + e.getClass().getSimpleName();
        }
    }

    /** A file's bytes as read, and their hash ({@link #of(byte[])}). */
    public record Read(byte[] bytes, String hash) {}

    /**
     * Reads a file and hashes what it read, hashing it only when its hash is not known: the hash {@link #file}
     * remembered for it is taken when the file's size, time and identity are the same before and after the read as
     * when it was hashed (under the same "racy clean" rule). A build hashes every page file for the kept site's
     * fingerprint before it reads any page, and then hashed each page's text again (the same bytes: a page's text
     * is its file decoded strictly as UTF-8, which encodes back to those bytes): SHA-256 is plain Java under the
     * launcher's C1-only JIT.
     */
    public static Read read(Path file) throws IOException {
        Path p = file.toAbsolutePath().normalize();
        Stamp before = stampOf(p);
        long now = System.currentTimeMillis();
        byte[] bytes = Files.readAllBytes(p);
        Stamp after = stampOf(p);
        boolean still = before.sameAs(after) && bytes.length == before.size(); // not written to while read
        Remembered r = FILES.get(p);
        if (still && r != null && r.stamp().sameAs(before) && before.modifiedMillis() < r.hashedAtMillis() - RACY_MILLIS)
            return new Read(bytes, r.hash());
        String hash = of(bytes);
        if (still) FILES.put(p, new Remembered(before, now, hash));
        return new Read(bytes, hash);
    }

    private static Stamp stampOf(Path p) throws IOException {
        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
        return new Stamp(a.size(), a.lastModifiedTime().toMillis(), String.valueOf(a.fileKey()));
    }

    /**
     * Adds the hashes an earlier process remembered in {@code stampsFile} (see {@link #save}), once per process, so
     * that a new build does not read and hash data files, its own jar and static files that nobody touched: a file
     * is trusted by its size, time and identity only under the same "racy clean" rule as within a process. A
     * missing or damaged file is ignored: every file is then hashed.
     */
    public static void load(Path stampsFile) {
        if (!LOADED.add(stampsFile.toAbsolutePath().normalize())) return;
        List<String> lines;
        try {
            lines = Files.readAllLines(stampsFile, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return;
        }
        if (lines.isEmpty() || !STAMPS_FORMAT.equals(lines.get(0))) return;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t", 6);
            if (f.length < 6) continue;
            try {
                Path p = Path.of(f[5]);
                Remembered r = new Remembered(new Stamp(Long.parseLong(f[1]), Long.parseLong(f[2]), f[3]), Long.parseLong(f[0]), f[4]);
                FILES.putIfAbsent(p, r); // what this process hashed itself is newer
            } catch (RuntimeException e) {
                // a damaged line: that file is hashed again
            }
        }
    }

    /**
     * Keeps the remembered hashes of the files {@code which} accepts in {@code stampsFile} for the next process
     * (written whole, then moved into place). A cache: a file that cannot be written only costs the next build time.
     */
    public static void save(Path stampsFile, Predicate<Path> which) {
        StringBuilder sb = new StringBuilder(STAMPS_FORMAT).append('\n');
        new TreeMap<>(FILES).forEach((p, r) -> {
            if (!which.test(p) || r.stamp().modifiedMillis() >= r.hashedAtMillis() - RACY_MILLIS) return; // racy: not trusted anyway
            sb.append(r.hashedAtMillis()).append('\t').append(r.stamp().size()).append('\t').append(r.stamp().modifiedMillis())
                    .append('\t').append(r.stamp().fileKey().replace('\t', ' ').replace('\n', ' ')).append('\t').append(r.hash())
                    .append('\t').append(p).append('\n');
        });
        byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
        try {
            if (Files.isRegularFile(stampsFile) && Arrays.equals(Files.readAllBytes(stampsFile), bytes)) return;
            AtomicFiles.write(stampsFile, bytes);
        } catch (IOException | RuntimeException e) {
            // not an error: the next build hashes the files again
        }
    }

    private static final String STAMPS_FORMAT = "datadesk file hashes v1";

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
