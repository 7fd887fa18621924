package io.datadesk.files;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Replaces a file so that a reader sees either the old or the new content, never a half-written one: the content is
 * written beside the target under a hidden temporary name, then moved over it. Used by the site writer and by the
 * build's caches, which may be read by another datadesk process while they are written.
 */
public final class AtomicFiles {

    /** Writes a file's content to a stream. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    /** Replaces {@code target} with {@code bytes}. */
    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, out -> out.write(bytes));
    }

    /** Replaces {@code target} with a copy of {@code source}. */
    public static void copy(Path source, Path target) throws IOException {
        write(target, out -> Files.copy(source, out));
    }

    /** Replaces {@code target} with what {@code content} writes, creating its folder if needed. */
    public static void write(Path target, Content content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        // Not Files.createTempFile: its files are private to the owner (0600), and a published site's files must keep
        // the usual permissions. The name is unique per thread and instant, and hidden so no listing picks it up.
        Path tmp = dir.resolve("." + target.getFileName() + "." + Thread.currentThread().getId() + "."
                + System.nanoTime() + ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                content.writeTo(out);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
