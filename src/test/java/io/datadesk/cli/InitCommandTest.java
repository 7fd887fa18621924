package io.datadesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.datadesk.config.SiteConfig;
import io.datadesk.files.TestTrees;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** {@code datadesk init}: a new site that builds and checks at once, and never overwrites anything. */
class InitCommandTest {

    @TempDir Path dir;

    record Run(int code, String out, String err) {}

    @Test
    void initInAnEmptyFolderThenBuildAndCheckPass() throws IOException {
        Path site = dir.resolve("my-site");
        Run init = cli("init", site.toString());
        assertThat(init.code()).as(init.err()).isZero();
        assertThat(init.out()).contains("Created a datadesk site in").contains("datadesk serve --open");
        assertThat(TestTrees.files(site).keySet()).containsExactlyInAnyOrder("datadesk.yaml", "content/index.md",
                "content/first-report/index.md", "content/first-report/data/sales.csv", ".gitignore",
                ".github/workflows/pages.yml");
        assertThat(site.resolve("templates")).doesNotExist(); // the built-in theme is used

        Run build = cli("build", "--project", site.toString());
        assertThat(build.code()).as(build.err()).isZero();
        // The reader's text: inline values are links to how they were computed.
        String report = org.jsoup.Jsoup.parse(Files.readString(site.resolve("site/first-report/index.html"))).text();
        assertThat(report).contains("Your first report").contains("926 units").contains("East sold the most");
        assertThat(Files.readString(site.resolve("site/index.html"))).contains("My site").contains("first-report/");

        Run check = cli("check", "--project", site.toString());
        assertThat(check.code()).as(check.err()).isZero();
        assertThat(check.out()).contains("all links resolve");
    }

    @Test
    void theSettingsFileIsCommentedAndValidAndTheGitignoreKeepsOutputOut() throws IOException {
        assertThat(cli("init", dir.toString(), "--title", "The \"Desk\": numbers").code()).isZero();
        String yaml = Files.readString(dir.resolve("datadesk.yaml"));
        assertThat(yaml.lines().filter(l -> l.startsWith("#")).count()).isGreaterThanOrEqualTo(5);
        SiteConfig config = SiteConfig.load(dir.resolve("datadesk.yaml"), "datadesk.yaml");
        assertThat(config.title()).isEqualTo("The \"Desk\": numbers");
        assertThat(config.language()).isEqualTo("en");
        assertThat(Files.readString(dir.resolve(".gitignore"))).contains("/site/").contains("/.datadesk-cache/");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theGeneratedWorkflowParsesAsYamlAndPublishesWithTheOfficialPagesActionsAndAPinnedRelease() throws IOException {
        assertThat(cli("init", dir.toString()).code()).isZero();
        Object parsed = new Load(LoadSettings.builder().build()).loadFromString(Files.readString(dir.resolve(".github/workflows/pages.yml")));
        Map<String, Object> workflow = (Map<String, Object>) parsed;
        Map<String, Object> permissions = (Map<String, Object>) workflow.get("permissions");
        assertThat(permissions).containsEntry("pages", "write").containsEntry("id-token", "write");
        String version = Datadesk.version().replaceFirst("-SNAPSHOT$", "");
        assertThat(version).matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat((Map<String, Object>) workflow.get("env")).containsEntry("DATADESK_VERSION", version);

        Map<String, Object> jobs = (Map<String, Object>) workflow.get("jobs");
        List<String> uses = Stream.of("build", "deploy")
                .flatMap(j -> ((List<Map<String, Object>>) ((Map<String, Object>) jobs.get(j)).get("steps")).stream())
                .map(step -> (String) step.get("uses")).filter(u -> u != null).map(u -> u.replaceFirst("@.*", "")).toList();
        assertThat(uses).contains("actions/checkout", "actions/setup-java", "actions/configure-pages",
                "actions/upload-pages-artifact", "actions/deploy-pages");
        List<String> runs = ((List<Map<String, Object>>) ((Map<String, Object>) jobs.get("build")).get("steps")).stream()
                .map(step -> (String) step.get("run")).filter(r -> r != null).toList();
        assertThat(String.join("\n", runs))
                .contains("https://github.com/" + Datadesk.REPOSITORY + "/releases/download/v${DATADESK_VERSION}/datadesk-${DATADESK_VERSION}.tar.gz")
                .contains("datadesk check").contains("datadesk build");
    }

    @Test
    void initRefusesToOverwriteAnythingAndChangesNothing() throws IOException {
        Files.writeString(dir.resolve(".gitignore"), "node_modules/\n");
        Files.createDirectories(dir.resolve("notes"));
        Map<String, byte[]> before = TestTrees.files(dir);
        Run r = cli("init", dir.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("already has .gitignore").contains("nothing was changed");
        assertThat(TestTrees.files(dir)).usingRecursiveComparison().isEqualTo(before);
        assertThat(dir.resolve("datadesk.yaml")).doesNotExist();
        assertThat(dir.resolve("content")).doesNotExist();
    }

    @Test
    void initValidatesItsArgument() throws IOException {
        Path file = Files.writeString(dir.resolve("notes.txt"), "x");
        Run onFile = cli("init", file.toString());
        assertThat(onFile.code()).isEqualTo(2);
        assertThat(onFile.err()).contains("is a file, not a folder");
        Run under = cli("init", file.resolve("site").toString());
        assertThat(under.code()).isEqualTo(2);
        Run blank = cli("init", " ");
        assertThat(blank.code()).isEqualTo(2);
        assertThat(blank.err()).contains("is not a folder name");
        Run none = cli("init");
        assertThat(none.code()).isEqualTo(2);
        assertThat(TestTrees.files(dir).keySet()).containsExactly("notes.txt");
    }

    @Test
    void theTitleIsMadeFromTheFolderName() {
        assertThat(InitCommand.titleOf(Path.of("/x/city-desk_2026"))).isEqualTo("City desk 2026");
        assertThat(InitCommand.titleOf(Path.of("/"))).isEqualTo("My datadesk site");
    }


    private Run cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream oldOut = System.out, oldErr = System.err;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Datadesk.run(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }
}
