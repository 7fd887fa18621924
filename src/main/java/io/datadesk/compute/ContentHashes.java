package io.datadesk.compute;

import io.datadesk.data.QueryResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
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

    private record Stamp(long size, long modifiedMillis, Object fileKey) {}

    private record Remembered(Stamp stamp, long hashedAtMillis, String hash) {}

    private static final Map<Path, Remembered> FILES = new ConcurrentHashMap<>();

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
            Stamp stamp = new Stamp(a.size(), a.lastModifiedTime().toMillis(), a.fileKey());
            Remembered r = FILES.get(p);
            if (r != null && r.stamp().equals(stamp) && stamp.modifiedMillis() < r.hashedAtMillis() - RACY_MILLIS)
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

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
