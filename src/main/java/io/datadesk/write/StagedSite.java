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
import java.util.List;
import java.util.stream.Stream;

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

    /** Starts a site that will replace {@code outDir}, first removing what builds that were killed left beside it. */
    public static StagedSite begin(Path outDir) {
        Path out = outDir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(out.getParent());
            removeLeftovers(out);
            // Beside the output, so the final swap is a rename on one file system. Not Files.createTempDirectory:
            // its folders are private (0700), and the site would keep that mode after the swap.
            Path staging = out.resolveSibling(sideName(out, "new"));
            Files.createDirectory(staging);
            return new StagedSite(out, staging);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a staging folder beside " + out, e);
        }
    }

    /**
     * A hidden folder name beside the output that says which process made it ({@code .site-new-p1234-…}), so that a
     * later build can tell the leftovers of a killed build from the folder of a build still running.
     */
    private static String sideName(Path out, String kind) {
        return "." + out.getFileName() + "-" + kind + "-p" + ProcessHandle.current().pid() + "-"
                + Long.toUnsignedString(SEQUENCE.nextLong(), 36);
    }

    private static final java.security.SecureRandom SEQUENCE = new java.security.SecureRandom();

    /** Staging and old-site folders beside {@code out} whose process is gone: a build was killed before its end. */
    static void removeLeftovers(Path out) throws IOException {
        String prefix = "." + out.getFileName() + "-";
        java.util.regex.Pattern ours = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(prefix) + "(new|old)-(.*)");
        List<Path> leftovers;
        try (Stream<Path> siblings = Files.list(out.getParent())) {
            leftovers = siblings.filter(p -> {
                java.util.regex.Matcher m = ours.matcher(p.getFileName().toString());
                return m.matches() && !aliveOwner(m.group(2)) && Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS);
            }).toList();
        }
        for (Path p : leftovers) {
            try {
                deleteTree(p);
            } catch (IOException e) {
                // Someone else's folder we may not delete: leave it, it does not affect this build.
            }
        }
    }

    /** Whether the process named in a side folder's name ({@code p1234-…}) is still running (and is not us). */
    private static boolean aliveOwner(String suffix) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("p(\\d{1,19})-.*").matcher(suffix);
        if (!m.matches()) return false; // older builds' names carry no process: always leftovers
        long pid;
        try {
            pid = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            return false;
        }
        // This process's own folders are in use by a build on another thread only while it runs; a serve process
        // never leaves one behind (close() deletes it), so ours are treated as live.
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
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
                old = out.resolveSibling(sideName(out, "old"));
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
