package io.datadesk.write;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * A site being written. Everything goes into a temporary folder beside the output folder; {@link #commit()} swaps it
 * in only when the whole build has succeeded, and {@link #close()} without a commit deletes it. A failed build
 * therefore never leaves a half-written site: the previous one stays exactly as it was.
 */
public final class StagedSite implements AutoCloseable {

    private final Path out;
    private final Path staging;
    private boolean committed;

    private StagedSite(Path out, Path staging) {
        this.out = out;
        this.staging = staging;
    }

    /** Starts a site that will replace {@code outDir}. */
    public static StagedSite begin(Path outDir) {
        Path out = outDir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(out.getParent());
            // Beside the output, so the final swap is a rename on one file system.
            Path staging = Files.createTempDirectory(out.getParent(), "." + out.getFileName() + "-new-");
            return new StagedSite(out, staging);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a staging folder beside " + out, e);
        }
    }

    /** The staging folder: only for code that writes many files itself (such as copying a folder). */
    public Path root() {
        return staging;
    }

    /** Resolves a site-relative path, refusing any that would leave the site. */
    public Path resolve(String sitePath) {
        Path p = staging.resolve(sitePath).normalize();
        if (!p.startsWith(staging)) throw new IllegalArgumentException("path leaves the site: " + sitePath);
        return p;
    }

    public void write(String sitePath, String text) {
        write(sitePath, text.getBytes(StandardCharsets.UTF_8));
    }

    public void write(String sitePath, byte[] bytes) {
        Path p = resolve(sitePath);
        try {
            Files.createDirectories(p.getParent());
            Files.write(p, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void copy(Path source, String sitePath) {
        Path p = resolve(sitePath);
        try {
            Files.createDirectories(p.getParent());
            Files.copy(source, p, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean exists(String sitePath) {
        return Files.exists(resolve(sitePath));
    }

    /** Replaces the output folder with the staged site. */
    public void commit() {
        try {
            Path old = null;
            if (Files.exists(out)) {
                old = out.resolveSibling("." + out.getFileName() + "-old-" + System.nanoTime());
                move(out, old);
            }
            move(staging, out);
            committed = true;
            if (old != null) deleteTree(old);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the new site into " + out, e);
        }
    }

    @Override
    public void close() {
        if (!committed) {
            try {
                deleteTree(staging);
            } catch (IOException ignored) {
                // Best effort: a leftover hidden staging folder is harmless and ignored by git.
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
