package io.datadesk.compute;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * File hashes kept across processes: a new build trusts the hash an earlier one remembered for a file whose size,
 * time and identity are unchanged (and that was old when hashed), and hashes every other file again.
 */
class ContentHashesTest {

    @TempDir Path tmp;

    private static final long HOUR = 3_600_000;

    /** Writes {@code text} to {@code file} and dates it an hour back: old enough to be trusted by its stamp. */
    private static Path oldFile(Path file, String text) throws IOException {
        Files.writeString(file, text);
        Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() - HOUR));
        return file;
    }

    /** The stamps file with the hash of {@code file} replaced by {@code hash}: what a build that hashed it kept. */
    private Path stampsWith(Path file, String hash) throws IOException {
        Path stamps = tmp.resolve("stamps-" + System.nanoTime());
        ContentHashes.file(file);
        ContentHashes.save(stamps, p -> p.equals(file.toAbsolutePath().normalize()));
        List<String> lines = Files.readAllLines(stamps);
        assertThat(lines).hasSize(2);
        String[] f = lines.get(1).split("\t");
        f[4] = hash;
        Files.writeString(stamps, lines.get(0) + "\n" + String.join("\t", f) + "\n");
        return stamps;
    }

    @Test
    void anUntouchedFileIsTrustedByItsStampAcrossProcesses() throws IOException {
        Path csv = oldFile(tmp.resolve("a.csv"), "year,value\n2024,1\n");
        String real = ContentHashes.of(Files.readAllBytes(csv));
        assertThat(ContentHashes.file(csv)).isEqualTo(real);
        Path stamps = stampsWith(csv, "remembered");
        forget(csv);
        ContentHashes.load(stamps);
        // the remembered hash is returned without reading the file: the fast path of a nothing-changed build
        assertThat(ContentHashes.file(csv)).isEqualTo("remembered");
    }

    @Test
    void aFileWhoseTimeOrSizeChangedIsHashedAgain() throws IOException {
        Path csv = oldFile(tmp.resolve("b.csv"), "year,value\n2024,1\n");
        Path stamps = stampsWith(csv, "remembered");
        // same size, another time (as any editor leaves it)
        oldFile(csv, "year,value\n2024,2\n");
        Files.setLastModifiedTime(csv, FileTime.fromMillis(System.currentTimeMillis() - 2 * HOUR));
        forget(csv);
        ContentHashes.load(stamps);
        assertThat(ContentHashes.file(csv)).isEqualTo(ContentHashes.of("year,value\n2024,2\n"));

        Path other = oldFile(tmp.resolve("c.csv"), "x\n1\n");
        Path stamps2 = stampsWith(other, "remembered");
        oldFile(other, "x\n12\n"); // another size
        forget(other);
        ContentHashes.load(stamps2);
        assertThat(ContentHashes.file(other)).isEqualTo(ContentHashes.of("x\n12\n"));
    }

    @Test
    void aRecentFileIsNeitherKeptNorTrusted() throws IOException {
        Path csv = tmp.resolve("d.csv");
        Files.writeString(csv, "x\n1\n"); // modified now: could change again within the same clock tick
        ContentHashes.file(csv);
        Path stamps = tmp.resolve("stamps-recent");
        ContentHashes.save(stamps, p -> p.equals(csv.toAbsolutePath().normalize()));
        assertThat(Files.readAllLines(stamps)).hasSize(1); // the format line only
    }

    @Test
    void aDamagedStampsFileIsIgnored() throws IOException {
        Path csv = oldFile(tmp.resolve("e.csv"), "x\n1\n");
        Path stamps = tmp.resolve("stamps-damaged");
        Files.writeString(stamps, "datadesk file hashes v1\nnot\ta\tnumber\tx\ty\t" + csv.toAbsolutePath().normalize() + "\n\u0000garbage");
        forget(csv);
        ContentHashes.load(stamps);
        assertThat(ContentHashes.file(csv)).isEqualTo(ContentHashes.of("x\n1\n"));
    }

    @Test
    void readingAFileGivesItsBytesWithTheirHashTakingTheRememberedOneOnlyForAnUntouchedFile() throws IOException {
        Path page = oldFile(tmp.resolve("p.md"), "---\ntitle: A\n---\nText.\n");
        Path stamps = stampsWith(page, "remembered");
        forget(page);
        ContentHashes.load(stamps);
        ContentHashes.Read read = ContentHashes.read(page);
        assertThat(new String(read.bytes(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("---\ntitle: A\n---\nText.\n");
        assertThat(read.hash()).isEqualTo("remembered"); // what the fingerprint hashed before: not hashed again

        oldFile(page, "---\ntitle: B\n---\nText.\n"); // same size, another time
        Files.setLastModifiedTime(page, FileTime.fromMillis(System.currentTimeMillis() - 2 * HOUR));
        read = ContentHashes.read(page);
        assertThat(read.hash()).isEqualTo(ContentHashes.of(read.bytes())).isEqualTo(ContentHashes.of("---\ntitle: B\n---\nText.\n"));
        assertThat(ContentHashes.file(page)).isEqualTo(read.hash()); // and remembered for the next question
    }

    @Test
    void theHashOfAFileReadAsStrictUtf8IsTheHashOfItsText() {
        // SiteBuilder takes a page file's hash for its text's: a strict UTF-8 decoding encodes back to the same bytes
        java.util.Random random = new java.util.Random(5);
        int[] points = {'a', ' ', '\n', '\r', 0, 0x7f, 0xa0, 0xe9, 0x2014, 0xfeff, 0xfffd, 0x4e2d, 0x1f600, 0x10ffff};
        for (int i = 0; i < 2000; i++) {
            StringBuilder text = new StringBuilder();
            for (int k = random.nextInt(40); k >= 0; k--)
                text.appendCodePoint(random.nextBoolean() ? points[random.nextInt(points.length)] : random.nextInt(0x10ffff + 1));
            String s = text.toString();
            if (s.codePoints().anyMatch(c -> c >= 0xd800 && c <= 0xdfff)) continue; // a lone surrogate is not text
            byte[] bytes = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            String decoded = io.datadesk.error.Utf8Text.decode(bytes, "p.md");
            assertThat(ContentHashes.of(decoded)).isEqualTo(ContentHashes.of(bytes));
        }
    }

    /** What a new process knows of {@code file}: nothing (deleting and restoring it makes this process forget it). */
    private static void forget(Path file) throws IOException {
        byte[] b = Files.readAllBytes(file);
        FileTime t = Files.getLastModifiedTime(file);
        Path moved = file.resolveSibling(file.getFileName() + ".away");
        Files.move(file, moved);
        assertThat(ContentHashes.file(file)).isEqualTo(ContentHashes.MISSING); // forgets it
        Files.move(moved, file);
        assertThat(Files.readAllBytes(file)).isEqualTo(b);
        Files.setLastModifiedTime(file, t);
    }
}
