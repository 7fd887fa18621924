package io.datadesk.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datadesk.compute.QueryCache;
import io.datadesk.error.BuildCancelled;
import io.datadesk.files.TestTrees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link SiteBuilder#warmUp}, which {@code serve} runs after its first build, runs an edit's steps in memory only:
 * no file of the project, the site or the caches changes, and the edits built after it give what a clean build
 * gives.
 */
class WarmUpTest {

    @TempDir Path project;
    @TempDir Path fresh;

    private static final String PAGE = """
            ---
            title: Sales
            date: 2026-01-03
            data:
              sales: sales.csv
            ---

            The north sold {{ total.north | number }} units in the two months of the year that we counted here.

            ## Results

            ```sql total
            select sum(units) filter (where region = 'North') as north, sum(units) as all_units from sales
            ```

            ```sql monthly
            select month, sum(units) as units from sales group by month order by month
            ```

            All regions sold {{ total.all_units | number }}. The north's share was large.

            ```chart
            type: line
            data: monthly
            x: month
            y: units
            title: Units per month
            ```

            | Region | Units |
            |:-------|------:|
            | North  | 255   |

            Shops across the country reported their sales to the association at the end of each month.

            The end.
            """;

    @Test
    void theWarmUpChangesNoFileAndTheEditsAfterItServeWhatACleanBuildMakes() throws IOException {
        write("datadesk.yaml", "title: The Desk\nlanguage: en\nlanguages:\n  en: { name: English }\n  zh: { name: 简体中文 }\n");
        TestTrees.copy(Path.of("templates").toAbsolutePath(), project.resolve("templates"));
        write("content/index.md", "---\ntitle: Home\n---\n\nWelcome.\n");
        write("content/story/sales.csv", "month,region,units\n2025-01,North,120\n2025-02,North,135\n2025-01,South,80\n2025-02,South,95\n");
        write("content/story/index.md", PAGE);
        write("content/story/index.zh.md", "---\ntitle: 销量\ndate: 2026-01-03\n---\n\n北方的销量是 {{ total.north | number }} 件。\n");
        // As serve builds: the page store and the query cache on, what is kept stored after the build.
        SiteBuilder builder = new SiteBuilder(BuildOptions.defaults(project)).storeLater();
        builder.build();
        builder.storeNow();
        Map<String, byte[]> before = TestTrees.files(project);
        assertThat(before).containsKey("site/story/index.html").anySatisfy((path, bytes) -> assertThat(path).startsWith(".datadesk-cache/"));

        assertThat(builder.warmUp(3)).as("edits run").isEqualTo(3);
        assertSameFiles(TestTrees.files(project), before);

        // A save interrupts it as it interrupts a build; that too leaves everything as it was.
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> builder.warmUp(3)).isInstanceOf(BuildCancelled.class);
        } finally {
            Thread.interrupted();
        }
        assertSameFiles(TestTrees.files(project), before);

        // The edits after it: the same paragraph it edited in memory, then others; each as a clean build makes it.
        String[] edits = {
            PAGE.replace("end of each month.", "end of each month. Warm-up 1."),
            PAGE.replace("The end.", "The end, with {{ total.north }} again."),
            PAGE.replace("Shops across", "Most shops across").replace("title: Sales", "title: Sales rose"),
        };
        for (String edit : edits) {
            write("content/story/index.md", edit);
            builder.build();
            builder.storeNow();
            builder.warmUp(1);
            assertMatchesCleanBuild();
        }
    }

    @Test
    void theWordsGoAtTheEndOfTheFirstLineOfProse() {
        // Not the first paragraph: it holds an inline value.
        assertThat(SiteBuilder.withWords(PAGE, " Warm.")).isEqualTo(PAGE.replace("end of each month.", "end of each month. Warm."));
        assertThat(SiteBuilder.withWords("---\ntitle: T\n---\n\n```sql q\nselect 'a line of code that is longer than forty characters'\n```\n", " Warm."))
                .isNull();
    }

    private void assertMatchesCleanBuild() throws IOException {
        Path copy = Files.createTempDirectory(fresh, "build-");
        TestTrees.copy(project.resolve("content"), copy.resolve("content"));
        TestTrees.copy(project.resolve("templates"), copy.resolve("templates"));
        Files.copy(project.resolve("datadesk.yaml"), copy.resolve("datadesk.yaml"));
        new SiteBuilder(BuildOptions.defaults(copy), QueryCache.none()).build();
        assertSameFiles(TestTrees.files(project.resolve("site")), TestTrees.files(copy.resolve("site")));
    }

    private static void assertSameFiles(Map<String, byte[]> actual, Map<String, byte[]> expected) {
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        for (String path : expected.keySet())
            assertThat(Arrays.equals(actual.get(path), expected.get(path))).as(path).isTrue();
    }


    private void write(String rel, String text) throws IOException {
        Path p = project.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }
}
