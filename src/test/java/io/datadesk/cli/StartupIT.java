package io.datadesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the distribution does for start-up speed, through the real launcher: DuckDB's native library is loaded from
 * beside the jar (nothing is unpacked into the temporary folder), and the first build records a class-data-sharing
 * archive in the per-user cache that later builds use, with the same output.
 */
class StartupIT {

    static final String VERSION = Datadesk.version();
    @TempDir static Path tmp;
    static Path home;

    @BeforeAll
    static void unpack() throws Exception {
        Path tar = Path.of("target", "datadesk-" + VERSION + ".tar.gz");
        assertThat(tar).as("the archive from mvn package").exists();
        Path opt = Files.createDirectories(tmp.resolve("opt"));
        assertThat(run(tmp, Map.of(), "tar", "-xzf", tar.toAbsolutePath().toString(), "-C", opt.toString())).isZero();
        home = opt.resolve("datadesk-" + VERSION);
    }

    @Test
    void duckDbLoadsFromBesideTheJarAndTheSecondBuildUsesTheFirstBuildsClassArchive() throws Exception {
        boolean linuxAmd64 = System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("linux")
                && List.of("amd64", "x86_64").contains(System.getProperty("os.arch"));
        if (linuxAmd64) assertThat(home.resolve("lib/libduckdb_java.so_linux_amd64")).isRegularFile();

        Path project = Files.createDirectories(tmp.resolve("desk/content/sales/data"));
        Files.writeString(tmp.resolve("desk/datadesk.yaml"), "title: Desk\n");
        Files.writeString(project.resolve("units.csv"), "year,units\n2023,5\n2024,8\n");
        Files.writeString(project.getParent().resolve("index.md"), "---\ntitle: Sales\ndata:\n  units: data/units.csv\n---\n"
                + "Total: {{ total.units | number }}.\n\n```sql total\nselect sum(units) as units from units\n```\n\n"
                + "```chart\ntype: bar\ndata: total\nx: units\ny: units\n```\n");
        Path javaTmp = Files.createDirectories(tmp.resolve("java-tmp"));
        Path cache = tmp.resolve("cache");
        Map<String, String> env = Map.of("XDG_CACHE_HOME", cache.toString(), "DATADESK_JAVA_OPTS", "-Djava.io.tmpdir=" + javaTmp);
        Path desk = tmp.resolve("desk");

        assertThat(run(desk, env, home.resolve("bin/datadesk").toString(), "build", "--out", "first")).isZero();
        // The reader's text: the number itself is a link to its provenance entry.
        assertThat(org.jsoup.Jsoup.parse(Files.readString(desk.resolve("first/sales/index.html"))).text()).contains("Total: 13.");
        if (linuxAmd64) {
            try (Stream<Path> left = Files.list(javaTmp)) {
                assertThat(left.toList()).as("files DuckDB left in the temporary folder").isEmpty();
            }
        }
        List<Path> archives;
        try (Stream<Path> s = Files.list(cache.resolve("datadesk"))) {
            archives = s.toList();
        }
        assertThat(archives).singleElement().satisfies(a -> assertThat(a.getFileName().toString()).matches("cds-\\d+\\.jsa"));
        assertThat(Files.size(archives.get(0))).isGreaterThan(1_000_000);

        assertThat(run(desk, env, home.resolve("bin/datadesk").toString(), "build", "--out", "second")).isZero();
        assertThat(Files.readString(desk.resolve("second/sales/index.html"))).isEqualTo(Files.readString(desk.resolve("first/sales/index.html")));
    }

    @Test
    void theReadmesJavaJarCommandBuildsWithTheLaunchersSettings() throws Exception {
        Path desk = Files.createDirectories(tmp.resolve("plain-java/content"));
        Files.writeString(desk.resolve("index.md"), "---\ntitle: Home\n---\nHello.\n");
        Files.writeString(desk.getParent().resolve("datadesk.yaml"), "title: Plain\n");
        Path cache = tmp.resolve("plain-java-cache");
        Map<String, String> env = Map.of("XDG_CACHE_HOME", cache.toString());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String jar = home.resolve("datadesk.jar").toString();
        assertThat(run(desk.getParent(), env, java, "-Xmx256m", "-jar", jar, "build", "--out", "first")).isZero();
        // The second JVM recorded its class archive, as the launcher's first build does.
        List<Path> archives;
        try (Stream<Path> s = Files.list(cache.resolve("datadesk"))) {
            archives = s.toList();
        }
        assertThat(archives).singleElement().satisfies(a -> assertThat(a.getFileName().toString()).matches("cds-jar-[0-9a-f]{16}\\.jsa"));
        assertThat(run(desk.getParent(), env, java, "-jar", jar, "build", "--out", "second")).isZero();
        assertThat(Files.readString(desk.getParent().resolve("second/index.html")))
                .isEqualTo(Files.readString(desk.getParent().resolve("first/index.html")));
        // A content error's exit code comes through the first JVM.
        Files.writeString(desk.resolve("index.md"), "---\ntitle: [unclosed\n---\nHello.\n");
        assertThat(run(desk.getParent(), env, java, "-jar", jar, "build", "--out", "third")).isEqualTo(1);
    }

    @Test
    void theReadmesJavaJarCommandMapsTheArchiveThatMvnPackageRecordedFromItsFirstBuild() throws Exception {
        Path jar = Path.of("target", "datadesk.jar").toAbsolutePath();
        assertThat(jar.resolveSibling(FastStart.SHIPPED)).as("recorded by mvn package (cds-archive)").isRegularFile();
        Path desk = Files.createDirectories(tmp.resolve("first-run/content"));
        Files.writeString(desk.resolve("index.md"), "---\ntitle: Home\n---\nHello.\n");
        Files.writeString(desk.getParent().resolve("datadesk.yaml"), "title: First\n");
        Path cache = tmp.resolve("first-run-cache");
        Path logs = Files.createDirectories(tmp.resolve("first-run-logs"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // JVM options reach the second JVM too; %p: one log per process
        assertThat(run(desk.getParent(), Map.of("XDG_CACHE_HOME", cache.toString()), java,
                "-Xlog:class+load=info:file=" + logs.resolve("classes-%p.log"), "-jar", jar.toString(), "build")).isZero();
        assertThat(desk.getParent().resolve("site/index.html")).isRegularFile();
        assertThat(cache.resolve("datadesk")).as("no archive of its own recorded: the one beside the jar was used").doesNotExist();
        String builder = null;
        try (Stream<Path> s = Files.list(logs)) {
            for (Path log : s.toList()) {
                String text = Files.readString(log);
                if (text.contains("io.datadesk.build.SiteBuilder ")) builder = text;
            }
        }
        assertThat(builder).as("the log of the JVM that built").isNotNull();
        // the datadesk classes, and picocli's (compiled for Java 17 by mvn package so that they can be archived)
        assertThat(builder).contains("io.datadesk.build.SiteBuilder source: shared objects file (top)",
                "picocli.CommandLine source: shared objects file (top)");
    }

    private static int run(Path dir, Map<String, String> env, String... command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(List.of(command))).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("finished: " + String.join(" ", command)).isTrue();
        if (p.exitValue() != 0) System.err.println(out);
        return p.exitValue();
    }
}
