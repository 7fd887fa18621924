package io.datadesk.serve;

import io.datadesk.files.TestTrees;
import static org.assertj.core.api.Assertions.assertThat;

import io.datadesk.build.BuildOptions;
import io.datadesk.build.SiteBuilder;
import io.datadesk.compute.QueryCache;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code serve} publishes after each kind of edit is byte for byte what a fresh {@code datadesk build} of the
 * same inputs makes: serve rebuilds only what an edit changed (the page, not the other edition; the "how computed"
 * page only when its numbers changed; listings of one language), and must never serve anything else.
 */
class ServeMatchesBuildTest {

    @TempDir Path project;
    @TempDir Path fresh;

    @Test
    void afterEveryKindOfEditTheServedSiteIsWhatACleanBuildMakes() throws Exception {
        write("datadesk.yaml", """
                title: The Desk
                description: Reporting from data
                language: en
                base_url: https://example.org/desk/
                languages:
                  en: { name: English }
                  zh: { name: 简体中文 }
                """);
        write("content/index.md", "---\ntitle: Home\n---\n\nWelcome.\n");
        write("content/index.zh.md", "---\ntitle: 首页\n---\n\n欢迎。\n");
        TestTrees.copy(Path.of("templates").toAbsolutePath(), project.resolve("templates")); // edited below
        write("content/story/sales.csv", "month,region,units\n2025-01,North,120\n2025-02,North,135\n2025-01,South,80\n2025-02,South,95\n");
        write("content/other/index.md", "---\ntitle: Another story\ndate: 2026-01-02\n---\n\nNothing to compute here.\n");
        write("content/story/index.md", story("The weather was mild.", "Units rose"));
        write("content/story/index.zh.md", """
                ---
                title: 销量
                date: 2026-01-03
                ---

                北方的销量是 {{ total.north | number }} 件。

                ```chart
                type: line
                data: monthly
                x: month
                y: units
                title: 每月销量
                ```
                """);

        try (DevServer server = startServer()) {
            assertMatchesCleanBuild("first build");
            long v = server.version();
            // Prose without numbers: the article only.
            v = edit(server, v, "content/story/index.md", story("The weather was warm.", "Units rose"));
            assertMatchesCleanBuild("prose edit");
            // A sentence with a number: the "how the numbers were computed" page too.
            v = edit(server, v, "content/story/index.md", story("The weather was warm.", "Units climbed"));
            assertMatchesCleanBuild("edit of a sentence with a number");
            // A title: every listing of the English edition, the feed, the sitemap, the card.
            v = edit(server, v, "content/story/index.md", story("The weather was warm.", "Units climbed").replace("title: Sales", "title: Sales rose"));
            assertMatchesCleanBuild("title edit");
            // The data: both editions' numbers and charts.
            v = edit(server, v, "content/story/sales.csv", "month,region,units\n2025-01,North,121\n2025-02,North,140\n2025-01,South,80\n2025-02,South,99\n");
            assertMatchesCleanBuild("data edit");
            // The translation alone.
            v = edit(server, v, "content/story/index.zh.md", read("content/story/index.zh.md").replace("北方的销量", "北部的销量"));
            assertMatchesCleanBuild("translation edit");
            // A template: every page.
            assertThat(read("templates/article.html")).contains("</main>");
            v = edit(server, v, "templates/article.html", read("templates/article.html").replace("</main>", "<p>Edited.</p></main>"));
            assertMatchesCleanBuild("template edit");
            edit(server, v, "datadesk.yaml", read("datadesk.yaml").replace("Reporting from data", "Reporting, from data"));
            assertMatchesCleanBuild("settings edit");
        }
    }

    /**
     * Edits that serve handles with less than a whole rebuild of the page: an edit inside a paragraph, a block added
     * and removed, a CSV read by one query of several (the other datasets are not loaded again and the other queries
     * come from the cache), and errors brought in by a data edit and a query edit, which must be reported as a clean
     * build reports them (same files, lines, columns, messages and hints, the tables listed with their columns), then
     * fixed.
     */
    @Test
    void editsOfBlocksDatasetsAndErrorsServeWhatACleanBuildMakes() throws Exception {
        write("datadesk.yaml", "title: The Desk\nlanguage: en\n");
        TestTrees.copy(Path.of("templates").toAbsolutePath(), project.resolve("templates"));
        write("content/index.md", "---\ntitle: Home\n---\n\nWelcome.\n");
        write("content/story/sales.csv", "month,region,units\n2025-01,North,120\n2025-02,North,135\n2025-01,South,80\n2025-02,South,95\n");
        write("content/story/targets.csv", "region,target\nNorth,250\nSouth,180\n");
        write("content/story/notes.csv", "note\nfirst\nsecond\n");
        String page = """
                ---
                title: Sales against targets
                date: 2026-01-03
                data:
                  sales: sales.csv
                  targets:
                    path: targets.csv
                    types: { target: integer }
                  notes: notes.csv
                ---

                The north sold {{ actual.north | number }} units.

                ```sql actual
                select sum(units) filter (where region = 'North') as north, sum(units) as all_units from sales
                ```

                ```sql goal
                select sum(target) as total from targets
                ```

                ```sql gap
                select total - all_units as missing from goal, actual
                ```

                ```sql note_count
                select count(*) as n from notes
                ```

                The target was {{ goal.total | number }}, so {{ gap.missing | number }} are missing. {{ note_count.n }} notes.

                ```table
                data: goal
                ```
                """;
        write("content/story/index.md", page);
        try (DevServer server = startServer()) {
            assertMatchesCleanBuild("first build");
            long v = server.version();
            v = edit(server, v, "content/story/index.md", page.replace("The north sold", "In the north, the shops sold"));
            assertMatchesCleanBuild("edit inside a paragraph");
            String added = page.replace("```table", "A paragraph of its own.\n\n> A quote, with {{ goal.total }}.\n\n```table");
            v = edit(server, v, "content/story/index.md", added);
            assertMatchesCleanBuild("blocks added");
            v = edit(server, v, "content/story/index.md", page);
            assertMatchesCleanBuild("blocks removed");
            // Read by one query of four (and, through its result, by a second): only those run again.
            v = edit(server, v, "content/story/targets.csv", "region,target\nNorth,260\nSouth,185\n");
            assertMatchesCleanBuild("edit of a CSV one query reads");
            v = edit(server, v, "content/story/sales.csv", "month,region,units\n2025-01,North,125\n2025-02,North,135\n2025-01,South,80\n2025-02,South,95\n");
            assertMatchesCleanBuild("edit of a CSV two queries read");
            // A data edit that breaks the file: reported as a clean build reports it, the last good site still served.
            v = failingEdit(server, v, "content/story/targets.csv", "region,target\nNorth,260\nSouth,lots\n");
            v = edit(server, v, "content/story/targets.csv", "region,target\nNorth,270\nSouth,185\n");
            assertMatchesCleanBuild("broken CSV fixed");
            // A query naming a column no table has: the hint lists every table of the page with its columns, also
            // the datasets that were not loaded again for this build.
            v = failingEdit(server, v, "content/story/index.md", page.replace("sum(target) as total", "sum(goal_units) as total"));
            v = edit(server, v, "content/story/index.md", page);
            assertMatchesCleanBuild("broken query fixed");
        }
    }

    /**
     * A long page's prose edits reuse the blocks they did not touch (parsed and rendered ones, their reader polish
     * and their provenance sentences): edits inside a block, blocks added, removed and moved, and edits of what is
     * numbered or named across the page (heading ids, tables without a caption, inline values and their provenance
     * entries, a reference link, a footnote), each served as a clean build makes it. Then a sequence of random edits.
     */
    @Test
    void proseEditsOfALongPageServeWhatACleanBuildMakes() throws Exception {
        write("datadesk.yaml", "title: The Desk\nlanguage: en\n");
        TestTrees.copy(Path.of("templates").toAbsolutePath(), project.resolve("templates"));
        write("content/index.md", "---\ntitle: Home\n---\n\nWelcome.\n");
        write("content/story/sales.csv", "month,region,units\n2025-01,North,120\n2025-02,North,135\n2025-01,South,80\n2025-02,South,95\n");
        String page = """
                ---
                title: Sales
                date: 2026-01-03
                data:
                  sales: sales.csv
                ---

                The north sold {{ total.north | number }} units. It was "a good year" -- mostly.

                ## Results

                ```sql total
                select sum(units) filter (where region = 'North') as north, sum(units) as all_units from sales
                ```

                ```sql monthly
                select month, sum(units) as units from sales group by month order by month
                ```

                All regions sold {{ total.all_units | number }}. The north's share was large.

                | Region | Units |
                |:-------|------:|
                | North  | 255   |

                ```chart
                type: line
                data: monthly
                x: month
                y: units
                title: Units per month
                ```

                ## Method

                - We counted units.
                - We added {{ total.north }} and more.

                > A quote with {{ total.all_units }} in it.

                | A | B |
                |---|---|
                | 1 | 2 |

                ```table
                data: monthly
                ```

                The end.
                """;
        write("content/story/index.md", page);
        String[] edits = {
            page.replace("The north sold", "In the north, the shops sold"),
            page.replace("The end.", "The end, again.\n\nA new paragraph with {{ total.north }}.\n\n## Results"),
            page.replace("## Results\n", "## Results\n\nBefore the queries, {{ total.all_units }} in all.\n"),
            page.replace("> A quote", "| C |\n|---|\n| 3 |\n\n> A quote"),
            page.replace("## Method", "## Method\n\nSee [the notes][n].\n\n[n]: https://example.org/notes"),
            page.replace("The end.", "The end.[^1]\n\n[^1]: A footnote."),
            page.replace("All regions sold {{ total.all_units | number }}. The north's share was large.\n\n", "")
                    .replace("The end.", "All regions sold {{ total.all_units | number }}. The north's share was large.\n\nThe end."),
            page.replace("- We added", "- We *added*"),
            page,
        };
        try (DevServer server = startServer()) {
            long v = server.version();
            for (int i = 0; i < edits.length; i++) {
                v = edit(server, v, "content/story/index.md", edits[i]);
                assertMatchesCleanBuild("prose edit " + i);
            }
            java.util.Random random = new java.util.Random(11);
            String text = page;
            String[] pieces = {"Added {{ total.north }}.", "## Results", "| X |\n|---|\n| 9 |", "- one\n- two", "Plain words."};
            for (int i = 0; i < 6; i++) {
                java.util.List<String> lines = new java.util.ArrayList<>(java.util.Arrays.asList(text.split("\n", -1)));
                // Prose lines, and blank lines outside the fences: edits there always change what readers see.
                java.util.List<Integer> prose = new java.util.ArrayList<>(), gaps = new java.util.ArrayList<>();
                boolean fence = false;
                for (int k = 8; k < lines.size(); k++) {
                    if (lines.get(k).startsWith("```")) fence = !fence;
                    else if (!fence && lines.get(k).isBlank()) gaps.add(k);
                    else if (!fence && lines.get(k).matches("(The|All|- |> |Added|Plain).*")) prose.add(k);
                }
                if (random.nextBoolean()) {
                    int at = prose.get(random.nextInt(prose.size()));
                    lines.set(at, lines.get(at) + " More {{ total.north }}.");
                } else {
                    lines.add(gaps.get(random.nextInt(gaps.size())), "\n" + pieces[random.nextInt(pieces.length)] + "\n");
                }
                String next = String.join("\n", lines);
                if (next.equals(text)) continue;
                text = next;
                v = edit(server, v, "content/story/index.md", text);
                assertMatchesCleanBuild("random edit " + i + ":\n" + text);
            }
        }
    }

    /**
     * Saves a file whose build fails under serve and checks the problems reported are those of a clean build of the
     * same inputs, located (file, line, column) and worded the same.
     */
    private long failingEdit(DevServer server, long before, String rel, String text) throws Exception {
        write(rel, text);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (server.version() == before || server.errors().isEmpty()) {
            if (System.nanoTime() > deadline) throw new AssertionError("no failed rebuild after editing " + rel);
            Thread.sleep(10);
        }
        Path copy = Files.createTempDirectory(fresh, "build-");
        TestTrees.copy(project.resolve("content"), copy.resolve("content"));
        TestTrees.copy(project.resolve("templates"), copy.resolve("templates"));
        Files.copy(project.resolve("datadesk.yaml"), copy.resolve("datadesk.yaml"));
        java.util.List<io.datadesk.error.Diagnostic> clean;
        try {
            new SiteBuilder(BuildOptions.defaults(copy).withTemplates(project.resolve("templates")), QueryCache.none()).build();
            throw new AssertionError("a clean build of the same inputs succeeded");
        } catch (io.datadesk.error.ContentException e) {
            clean = e.diagnostics();
        }
        assertThat(server.errors()).as("problems after editing " + rel).isEqualTo(clean);
        assertThat(server.errors()).allSatisfy(d -> assertThat(d.line()).isPositive());
        return server.version();
    }

    private static String story(String prose, String verb) {
        return """
                ---
                title: Sales
                date: 2026-01-03
                data:
                  sales: sales.csv
                ---

                %s %s to {{ total.north | number }} in the north.[^n]

                ```sql monthly
                select month, sum(units) as units from sales group by month order by month
                ```

                ```sql total
                select sum(units) filter (where region = 'North') as north from sales
                ```

                ```chart
                type: line
                data: monthly
                x: month
                y: units
                title: Units per month
                ```

                ```table
                data: monthly
                ```

                [^n]: Both months of 2025.
                """.formatted(prose, verb);
    }

    /** Saves a file under serve and waits for the reload event that follows. */
    private long edit(DevServer server, long before, String rel, String text) throws Exception {
        write(rel, text);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (server.version() == before || !server.errors().isEmpty()) {
            if (System.nanoTime() > deadline) throw new AssertionError("no rebuild after editing " + rel + "; errors: " + server.errors());
            Thread.sleep(10);
        }
        return server.version();
    }

    /** A clean build of a copy of the project's inputs (no cache, no earlier build) against what serve published. */
    private void assertMatchesCleanBuild(String after) throws IOException {
        Path copy = Files.createTempDirectory(fresh, "build-");
        TestTrees.copy(project.resolve("content"), copy.resolve("content"));
        TestTrees.copy(project.resolve("templates"), copy.resolve("templates"));
        Files.copy(project.resolve("datadesk.yaml"), copy.resolve("datadesk.yaml"));
        new SiteBuilder(BuildOptions.defaults(copy).withTemplates(project.resolve("templates")), QueryCache.none()).build();
        Map<String, byte[]> served = TestTrees.files(project.resolve("served"));
        Map<String, byte[]> built = TestTrees.files(copy.resolve("site"));
        assertThat(served.keySet()).as("files after " + after).isEqualTo(built.keySet());
        for (String path : built.keySet())
            assertThat(new String(served.get(path), java.nio.charset.StandardCharsets.ISO_8859_1)).as(path + " after " + after)
                    .isEqualTo(new String(built.get(path), java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    /** serve on the project, into served/, on a free port; its messages are not read. */
    private DevServer startServer() throws IOException {
        PrintWriter out = new PrintWriter(new StringWriter(), true);
        return DevServer.start(new DevServer.Options(BuildOptions.defaults(project).withOut(Path.of("served")), "127.0.0.1", 0, true, false), out, out);
    }


    private void write(String rel, String text) throws IOException {
        Path p = project.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private String read(String rel) throws IOException {
        return Files.readString(project.resolve(rel));
    }
}
