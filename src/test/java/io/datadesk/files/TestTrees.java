package io.datadesk.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Folder copies and readings for tests and benchmarks that build a project in a scratch folder. */
public final class TestTrees {

    private TestTrees() {}

    /** Copies every folder and file under {@code from} to the same place under {@code to}, replacing files there. */
    public static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /** Every regular file under {@code root}, by its path relative to root with '/' separators, in name order. */
    public static Map<String, byte[]> files(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList())
                files.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
        }
        return files;
    }
}
