package io.datadesk.compute;

import io.datadesk.data.QueryResult;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import io.datadesk.files.AtomicFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * Query results as one file per key: {@code dir/abcdef….result}. Each file holds a header, the full key, the
 * encoded result and a SHA-256 of all of that; a file whose checksum, key or structure does not match is deleted
 * and treated as a miss, so a truncated write, a disk error or a hand-edited file can never feed wrong numbers into
 * a page. Files are written to a temporary name and renamed, so readers never see half a file.
 *
 * <p>All in one folder, not in folders named by the hash's first two characters as git does: a cold build of 100 data
 * pages made 181 such folders for its 300 results, and making a folder (or a file) cost about half a millisecond of
 * system CPU on the benchmark machine's file system, where new inodes are searched for past recently deleted ones
 * (ext4 without a journal; see docs/performance.md, "Data pages (session 9)"). A folder of a few thousand entries is
 * looked up by hashed index on ext4, APFS and NTFS alike. Entries of the earlier layout are simply not found.
 */
final class FileQueryCache implements QueryCache {

    private static final byte[] MAGIC = "datadesk-query-cache\n".getBytes(StandardCharsets.US_ASCII);
    private static final int HASH_BYTES = 32;

    private final Path dir;

    FileQueryCache(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    Path fileOf(String key) {
        String name = ContentHashes.of(key); // keys are hashes already, but hashing again keeps any key a safe file name
        return dir.resolve(name + ".result");
    }

    @Override
    public Optional<QueryResult> get(String key) {
        Path file = fileOf(key);
        if (!Files.isRegularFile(file)) return Optional.empty();
        try {
            byte[] all = Files.readAllBytes(file);
            if (all.length < MAGIC.length + HASH_BYTES) throw new IOException("too short");
            byte[] body = Arrays.copyOfRange(all, 0, all.length - HASH_BYTES);
            String expected = ContentHashes.of(body);
            String actual = java.util.HexFormat.of().formatHex(all, all.length - HASH_BYTES, all.length);
            if (!expected.equals(actual)) throw new IOException("checksum mismatch");
            if (!Arrays.equals(Arrays.copyOfRange(body, 0, MAGIC.length), MAGIC)) throw new IOException("not a cache file");
            var in = new java.io.DataInputStream(new java.io.ByteArrayInputStream(body, MAGIC.length, body.length - MAGIC.length));
            String storedKey = in.readUTF();
            if (!storedKey.equals(key)) throw new IOException("key mismatch");
            return Optional.of(QueryResultCodec.decode(in.readAllBytes()));
        } catch (IOException | RuntimeException e) {
            // Never trusted: drop the entry so the query runs again and a sound one replaces it.
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a read-only cache folder just means the query runs each time
            }
            return Optional.empty();
        }
    }

    /** When the entry under {@code key} was written, if there is one; a sound entry is also checked by {@link #get}. */
    Optional<java.time.Instant> storedAt(String key) {
        try {
            return Optional.of(Files.getLastModifiedTime(fileOf(key)).toInstant());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public void put(String key, QueryResult result) {
        byte[] encoded;
        try {
            encoded = QueryResultCodec.encode(result, false);
        } catch (IllegalArgumentException e) {
            return; // a value type the codec cannot restore exactly: better not cached than cached wrong
        }
        Path file = fileOf(key);
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            bytes.write(MAGIC);
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeUTF(key);
                out.write(encoded);
            }
            byte[] body = bytes.toByteArray();
            byte[] sum = java.util.HexFormat.of().parseHex(ContentHashes.of(body));
            AtomicFiles.write(file, out -> {
                out.write(body);
                out.write(sum);
            });
        } catch (IOException e) {
            // a cache that cannot be written only costs the next build its queries
        }
    }
}
