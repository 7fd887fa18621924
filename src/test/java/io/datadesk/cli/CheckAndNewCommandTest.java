package io.datadesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.datadesk.read.Directive;
import io.datadesk.read.Markdown;
import io.datadesk.read.ParsedPage;
import io.datadesk.read.SourcePage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckAndNewCommandTest {

    @TempDir Path project;

    record Run(int code, String out, String err) {}

    @Test
    void checkListsEveryBrokenLinkAndAnchorWithItsLineAndWritesNothing() throws IOException {
        write("content/index.md", "---\ntitle: Home\n---\n\nSee [the story](story/) and [its method](story/#method).\n");
        write("content/story/index.md", """
                ---
                title: Story
                ---

                ## Method

                A [good anchor](#method), the [home page](../), a [file](chart.svg) and an [outside link](https://example.org/x).

                A [missing page](../nowhere/) and [a missing anchor](#results).

                ![missing image](img/missing.png)
                """);
        write("content/story/chart.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n");
        Run r = cli("check");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err())
                .contains("content/story/index.md:9: error: broken link '../nowhere/index.html'")
                .contains("content/story/index.md:9: error: broken link '#results': the anchor #results does not exist on this page")
                .contains("content/story/index.md:11: error: broken link 'img/missing.png'")
                .contains("3 errors.")
                .doesNotContain("#method'").doesNotContain("chart.svg'").doesNotContain("example.org");
        assertThat(project.resolve("site")).doesNotExist();
    }

    @Test
    void checkPassesOnASoundSiteAndReportsBuildErrorsToo() throws IOException {
        write("content/index.md", "---\ntitle: Home\n---\n\nSee [the story](story/#method).\n");
        write("content/story/index.md", "---\ntitle: Story\n---\n\n## Method\n\nText.\n");
        Run ok = cli("check");
        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("Checked").contains("all links resolve");
        assertThat(project.resolve("site")).doesNotExist();

        write("content/story/index.md", "---\ntitle: Story\ndate: yesterday\n---\n\nText.\n");
        Run bad = cli("check");
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.err()).contains("content/story/index.md:3").contains("Check failed.");
    }

    @Test
    void checkFollowsLinksToTheSitesOwnBaseUrl() throws IOException {
        write("datadesk.yaml", "title: T\nbase_url: https://example.github.io/desk/\n");
        write("content/index.md", "---\ntitle: Home\n---\n\n[Here](https://example.github.io/desk/gone/) and "
                + "[there](https://example.github.io/desk/).\n");
        Run r = cli("check");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("content/index.md:5: error: broken link 'https://example.github.io/desk/gone/'")
                .contains("1 error.");
    }

    @Test
    void newCreatesAWorkingExamplePageAndItsData() throws IOException {
        Run r = cli("new", "city-budget", "--title", "Where the money goes: \"the budget\"");
        assertThat(r.code()).as(r.err()).isZero();
        Path page = project.resolve("content/city-budget/index.md");
        assertThat(page).exists();
        assertThat(project.resolve("content/city-budget/data/sales.csv")).content().startsWith("year,region,units\n");

        ParsedPage parsed = ParsedPage.read(new SourcePage(page, "content/city-budget/index.md", "city-budget/"), new Markdown());
        assertThat(parsed.frontMatter().title()).isEqualTo("Where the money goes: \"the budget\"");
        assertThat(parsed.frontMatter().data()).isNotNull();
        assertThat(parsed.markdown().directives()).extracting(d -> d.info().split(" ")[0]).containsExactly("sql", "sql", "sql", "chart", "table");
        assertThat(parsed.markdown().inlineValues()).hasSize(5);
        assertThat(r.out()).contains("content/city-budget/index.md");
    }

    @Test
    void newRefusesToOverwriteAndRefusesBadSlugs() throws IOException {
        write("content/taken/index.md", "---\ntitle: Mine\n---\n\nKeep me.\n");
        Run taken = cli("new", "taken");
        assertThat(taken.code()).isEqualTo(1);
        assertThat(taken.err()).contains("content/taken/index.md already exists");
        assertThat(Files.readString(project.resolve("content/taken/index.md"))).contains("Keep me.");
        assertThat(project.resolve("content/taken/data")).doesNotExist();

        write("content/flat.md", "---\ntitle: Flat\n---\n");
        assertThat(cli("new", "flat").code()).isEqualTo(1);

        Run bad = cli("new", "../Escape Me");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("lowercase letters, digits and hyphens").contains("e.g. escape-me");
        try (Stream<Path> s = Files.list(project)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("content");
        }
    }

    @Test
    void newDefaultsTheTitleFromTheSlug() throws IOException {
        assertThat(cli("new", "reports/ai-job-cuts").code()).isZero();
        assertThat(Files.readString(project.resolve("content/reports/ai-job-cuts/index.md"))).contains("title: \"Ai job cuts\"");
    }

    private void write(String rel, String text) throws IOException {
        Path p = project.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private Run cli(String... args) {
        String[] full = Stream.concat(Stream.of(args), args[0].equals("new") ? Stream.of("--project", project.toString())
                : Stream.of("--project", project.toString(), "--templates", Path.of("templates").toAbsolutePath().toString()))
                .toArray(String[]::new);
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        PrintStream oldOut = System.out, oldErr = System.err;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Datadesk.run(full);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }
}
