package io.datadesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution archive that {@code mvn package} makes, unpacked into a temporary folder and used as a user
 * would: through the real launcher script on the PATH, from a project folder outside the repository.
 */
class DistributionIT {

    static final String VERSION = Datadesk.version();
    static final Path TAR = Path.of("target", "datadesk-" + VERSION + ".tar.gz");
    static final Path ZIP = Path.of("target", "datadesk-" + VERSION + ".zip");

    @TempDir static Path tmp;
    static Path home;

    record Run(int code, String out) {}

    @BeforeAll
    static void unpack() throws Exception {
        assertThat(TAR).as("the archive from mvn package (run mvn verify, not only the tests)").exists();
        Path unpacked = Files.createDirectories(tmp.resolve("opt"));
        assertThat(run(tmp, Map.of(), "tar", "-xzf", TAR.toAbsolutePath().toString(), "-C", unpacked.toString()).code()).isZero();
        home = unpacked.resolve("datadesk-" + VERSION);
    }

    @Test
    void theArchiveHoldsTheLaunchersTheJarAndItsLibraries() throws IOException {
        assertThat(Files.getPosixFilePermissions(home.resolve("bin/datadesk"))).contains(PosixFilePermission.OWNER_EXECUTE,
                PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_EXECUTE);
        assertThat(Files.readString(home.resolve("bin/datadesk"))).startsWith("#!/bin/sh\n").doesNotContain("\r");
        assertThat(Files.readString(home.resolve("bin/datadesk.cmd"))).startsWith("@echo off\r\n").contains("-jar \"%DATADESK_HOME%\\datadesk.jar\"");
        assertThat(home.resolve("datadesk.jar")).isRegularFile();
        try (Stream<Path> libs = Files.list(home.resolve("lib"))) {
            assertThat(libs.map(p -> p.getFileName().toString()).toList())
                    .anyMatch(n -> n.startsWith("duckdb_jdbc-")).anyMatch(n -> n.startsWith("picocli-"))
                    .anyMatch(n -> n.startsWith("thymeleaf-")).noneMatch(n -> n.startsWith("junit-") || n.startsWith("selenium-"));
        }
        // the zip holds the same files as the tar.gz
        List<String> tarFiles = new ArrayList<>();
        try (Stream<Path> s = Files.walk(home)) {
            s.filter(Files::isRegularFile).forEach(p -> tarFiles.add("datadesk-" + VERSION + "/" + home.relativize(p).toString().replace('\\', '/')));
        }
        try (ZipFile zip = new ZipFile(ZIP.toFile())) {
            List<String> zipFiles = Collections.list(zip.entries()).stream().filter(e -> !e.isDirectory()).map(e -> e.getName()).toList();
            assertThat(zipFiles).containsExactlyInAnyOrderElementsOf(tarFiles);
        }
    }

    @Test
    void theLauncherOnThePathPrintsTheVersionAndBuildsASiteOutsideTheRepository() throws Exception {
        // on the PATH through a symbolic link, as a user would put it in ~/bin
        Path bin = Files.createDirectories(tmp.resolve("user-bin"));
        Files.createSymbolicLink(bin.resolve("datadesk"), home.resolve("bin/datadesk"));
        Map<String, String> env = Map.of("PATH", bin + ":" + System.getenv("PATH"));

        Run version = run(tmp, env, "datadesk", "--version");
        assertThat(version.code()).as(version.out()).isZero();
        assertThat(version.out()).startsWith("datadesk " + VERSION + "\n");

        Path projects = Files.createDirectories(tmp.resolve("projects"));
        Run init = run(projects, env, "datadesk", "init", "city-desk");
        assertThat(init.code()).as(init.out()).isZero();
        Path site = projects.resolve("city-desk");
        Run build = run(site, env, "datadesk", "build");
        assertThat(build.code()).as(build.out()).isZero();
        assertThat(build.out()).contains("Built 2 pages, 1 chart");
        // The reader's text: inline values are links to how they were computed.
        assertThat(org.jsoup.Jsoup.parse(Files.readString(site.resolve("site/first-report/index.html"))).text()).contains("926 units");
        Run check = run(site, env, "datadesk", "check", "--quiet");
        assertThat(check.code()).as(check.out()).isZero();

        Run bad = run(site, env, "datadesk", "build", "--no-such-option");
        assertThat(bad.code()).isEqualTo(2); // exit codes pass through the launcher
    }

    @Test
    void initDotMakesASiteInTheCurrentFolderAndRefusesASecondTime() throws Exception {
        Map<String, String> env = Map.of("PATH", home.resolve("bin") + ":" + System.getenv("PATH"));
        Path here = Files.createDirectories(tmp.resolve("here"));
        Files.writeString(here.resolve("README.md"), "my notes\n");
        Run init = run(here, env, "datadesk", "init", ".");
        assertThat(init.code()).as(init.out()).isZero();
        assertThat(init.out()).contains("Created a datadesk site in this folder").contains("Next: datadesk serve --open");
        assertThat(here.resolve("datadesk.yaml")).isRegularFile();
        assertThat(Files.readString(here.resolve("datadesk.yaml"))).contains("title: \"Here\"");
        String yaml = Files.readString(here.resolve("datadesk.yaml"));
        Files.writeString(here.resolve("datadesk.yaml"), yaml + "# mine\n");

        Run again = run(here, env, "datadesk", "init", ".");
        assertThat(again.code()).isEqualTo(1);
        assertThat(again.out()).contains("nothing was changed");
        assertThat(Files.readString(here.resolve("datadesk.yaml"))).endsWith("# mine\n");
        assertThat(Files.readString(here.resolve("README.md"))).isEqualTo("my notes\n");
    }

    @Test
    void theLauncherSaysWhatToDoWhenJavaIsMissing() throws Exception {
        Run r = run(tmp, Map.of("DATADESK_JAVA", "/nonexistent/java"), home.resolve("bin/datadesk").toString(), "--version");
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.out()).contains("Java 17 or newer is needed").contains("hint:");
    }

    private static Run run(Path dir, Map<String, String> env, String... command) throws Exception {
        // Through sh, so that a bare command name is looked up on the PATH given here, as a user's shell does
        // (ProcessBuilder would search the test JVM's own PATH).
        List<String> argv = new ArrayList<>(List.of("sh", "-c", "exec \"$@\"", "sh"));
        argv.addAll(List.of(command));
        ProcessBuilder pb = new ProcessBuilder(argv).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        pb.environment().remove("DATADESK_JAVA_OPTS");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("finished: " + String.join(" ", command)).isTrue();
        return new Run(p.exitValue(), out);
    }
}
