package io.datadesk.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * What {@code mvn package} runs, in a JVM started with {@code -XX:ArchiveClassesAtExit=target/datadesk.jsa} and the
 * jar as its class path, so that the README's {@code java -jar target/datadesk.jar build} maps a class-data archive
 * from its first build on (see {@link FastStart}). It runs the commands a user runs first, in this one JVM, so that
 * the archive holds the classes of each: {@code init} of a new site (its example report has a CSV, queries, a chart
 * and a table), with a {@code base_url} (feed, sitemap, social cards), a first {@code build}, the same build again
 * (every page from the page store), and {@code check}. Then it writes the key file that says for which jar and java
 * the archive holds. Not a user command: the usage is {@code CdsTraining ARCHIVE}.
 */
public final class CdsTraining {

    private CdsTraining() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 1) throw new IllegalArgumentException("usage: CdsTraining ARCHIVE (the -XX:ArchiveClassesAtExit file)");
        Path archive = Path.of(args[0]).toAbsolutePath();
        Path jar = FastStart.jar();
        if (jar == null) throw new IllegalStateException("CdsTraining runs from the jar, not from a classes folder");
        String java = ProcessHandle.current().info().command().orElseThrow(() -> new IllegalStateException("no java command"));
        Path dir = Files.createTempDirectory("datadesk-cds-");
        PrintStream out = System.out;
        try {
            System.setOut(new PrintStream(OutputStream.nullOutputStream())); // init's and check's messages
            Path site = dir.resolve("site");
            expectSuccess("init", site.toString());
            Files.writeString(site.resolve("datadesk.yaml"), "\nbase_url: https://example.org/training/\n", StandardOpenOption.APPEND);
            for (int i = 0; i < 2; i++)
                expectSuccess("build", "--quiet", "--project", site.toString(), "--out", dir.resolve("out").toString());
            expectSuccess("check", "--quiet", "--project", site.toString());
        } finally {
            System.setOut(out);
            deleteTree(dir);
        }
        Files.writeString(archive.resolveSibling(archive.getFileName() + ".key"), FastStart.archiveKey(jar, java) + "\n");
        System.exit(0); // the JVM writes the archive as it exits; the build's worker threads need not end first
    }

    private static void expectSuccess(String... args) {
        int code = Datadesk.run(args);
        if (code != 0) throw new IllegalStateException("datadesk " + String.join(" ", args) + " exited with " + code);
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
