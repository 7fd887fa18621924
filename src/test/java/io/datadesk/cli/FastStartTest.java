package io.datadesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The second JVM that `java -jar datadesk.jar build` starts: the launcher's settings, the user's options kept. */
class FastStartTest {

    @Test
    void theJvmOptionsAreThoseBeforeTheJar() {
        assertThat(FastStart.jvmOptions(new String[] {"-Xmx4g", "-Dx=y", "-jar", "d.jar", "build", "-Dnot=jvm"}))
                .containsExactly("-Xmx4g", "-Dx=y");
        assertThat(FastStart.jvmOptions(new String[] {"-cp", "d.jar", "io.datadesk.cli.Datadesk", "build"})).isNull();
    }

    @Test
    void theSecondJvmGetsTheLaunchersSettingsAndTheUsersOptions() {
        List<String> first = FastStart.command("/j/bin/java", List.of("-Xmx4g"), Path.of("/d/datadesk.jar"),
                new String[] {"build", "--out", "x"}, null, Path.of("/c/a.jsa.1.tmp"));
        assertThat(first).startsWith("/j/bin/java").contains("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-XX:ArchiveClassesAtExit=/c/a.jsa.1.tmp", "-Ddatadesk.recordsClassArchive=true", "-Ddatadesk.launched=relaunched", "-Xmx4g")
                .endsWith("-jar", "/d/datadesk.jar", "build", "--out", "x");
        // The user's options come after ours, so that theirs win; the user's collector replaces the serial one.
        assertThat(first.indexOf("-Xmx4g")).isGreaterThan(first.indexOf("-XX:TieredStopAtLevel=1"));
        List<String> later = FastStart.command("java", List.of("-XX:+UseParallelGC"), Path.of("d.jar"), new String[] {"check"},
                Path.of("/c/a.jsa"), null);
        assertThat(later).contains("-XX:SharedArchiveFile=/c/a.jsa", "-XX:+UseParallelGC").doesNotContain("-XX:+UseSerialGC")
                .noneMatch(o -> o.startsWith("-XX:ArchiveClassesAtExit") || o.startsWith("-Ddatadesk.recordsClassArchive"));
    }

    @Test
    void aJvmStartedByTheLauncherOrWithinTestsRunsTheCommandItself() {
        // Tests run from the classes folder, and the launcher marks its JVM: neither starts another one.
        assertThat(FastStart.relaunch(new String[] {"build"})).isEmpty();
        assertThat(FastStart.relaunch(new String[] {"serve"})).isEmpty();
    }

    @Test
    void theArchiveBesideTheJarIsUsedOnlyForTheJarAndJavaItWasRecordedFor(@TempDir Path dir) throws Exception {
        Path jar = Files.writeString(dir.resolve("datadesk.jar"), "jar");
        String key = FastStart.archiveKey(jar, "/j/bin/java");
        assertThat(FastStart.isShippedArchiveFor(jar, key)).as("no archive").isFalse();
        Files.writeString(dir.resolve(FastStart.SHIPPED), "archive");
        assertThat(FastStart.isShippedArchiveFor(jar, key)).as("no key file").isFalse();
        Files.writeString(dir.resolve(FastStart.SHIPPED + ".key"), key + "\n");
        assertThat(FastStart.isShippedArchiveFor(jar, key)).isTrue();
        // another java, or the jar changed since (size and time are in the key): the JVM would refuse or mis-map it
        assertThat(FastStart.isShippedArchiveFor(jar, FastStart.archiveKey(jar, "/other/bin/java"))).isFalse();
        Files.writeString(jar, "a new jar");
        assertThat(FastStart.isShippedArchiveFor(jar, FastStart.archiveKey(jar, "/j/bin/java"))).isFalse();
        Files.writeString(dir.resolve(FastStart.SHIPPED), "");
        assertThat(FastStart.isShippedArchiveFor(jar, key)).as("an empty archive").isFalse();
    }
}
