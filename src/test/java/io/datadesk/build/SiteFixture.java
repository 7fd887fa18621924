package io.datadesk.build;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** A throwaway project for build tests: files written on demand, the repository's real templates. */
public final class SiteFixture {

    public final Path project;

    public SiteFixture(Path project) {
        this.project = project;
    }

    public SiteFixture write(String rel, String text) {
        try {
            Path p = project.resolve(rel);
            Files.createDirectories(p.getParent());
            Files.writeString(p, text);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String read(String rel) {
        try {
            return Files.readString(project.resolve(rel));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path repoTemplates() {
        return Path.of("templates").toAbsolutePath();
    }

    public BuildOptions options() {
        return BuildOptions.defaults(project).withTemplates(repoTemplates());
    }

    public BuildResult build() {
        return new SiteBuilder(options()).build();
    }

    /** Runs the real command line in the project; returns exit code and what it printed. */
    public Run cli(String... args) {
        boolean ownTemplates = java.util.Arrays.asList(args).contains("--templates");
        Stream<String> extra = ownTemplates ? Stream.of("--project", project.toString())
                : Stream.of("--project", project.toString(), "--templates", repoTemplates().toString());
        String[] full = Stream.concat(Stream.of(args), extra).toArray(String[]::new);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream oldOut = System.out, oldErr = System.err;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = io.datadesk.cli.Datadesk.run(full);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    public record Run(int code, String out, String err) {}

    /** A snapshot of every file under the output folder, to prove a failed build left it untouched. */
    public String snapshot(String dir) {
        Path root = project.resolve(dir);
        if (!Files.exists(root)) return "<none>";
        try (Stream<Path> s = Files.walk(root)) {
            StringBuilder sb = new StringBuilder();
            for (Path p : s.sorted().toList()) {
                sb.append(root.relativize(p)).append('\n');
                if (Files.isRegularFile(p)) sb.append(io.datadesk.write.Assets.sha256(Files.readAllBytes(p))).append('\n');
            }
            return sb.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
