package io.datadesk.build;

import static org.assertj.core.api.Assertions.assertThat;

import io.datadesk.files.TestTrees;
import io.datadesk.render.Theme;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built-in theme, a site's own files overriding it one by one, and {@code datadesk theme export}. */
class ThemeTest {

    @TempDir Path dir;
    SiteFixture fx;

    @BeforeEach
    void content() {
        fx = new SiteFixture(dir)
                .write("datadesk.yaml", "title: Theme Desk\nbase_url: https://user.github.io/repo/\n")
                .write("content/index.md", "---\ntitle: Home\n---\nRead [the report](report/).\n")
                .write("content/report/index.md", """
                        ---
                        title: The report
                        date: 2026-11-01
                        data:
                          sales: data/sales.csv
                        ---
                        ## Sales

                        ```sql total
                        select sum(units) as units from sales
                        ```

                        They sold {{ total.units | number }} units.
                        """)
                .write("content/report/data/sales.csv", "region,units\nNorth,120\nSouth,95\n");
    }

    @Test
    void theBuiltInThemeIsTheRepositoryTemplatesFolderFileForFile() throws IOException {
        assertThat(Theme.builtInFiles().keySet()).isEqualTo(TestTrees.files(SiteFixture.repoTemplates()).keySet());
        TestTrees.files(SiteFixture.repoTemplates()).forEach((name, bytes) -> assertThat(Theme.builtInFiles().get(name)).as(name).isEqualTo(bytes));
    }

    @Test
    void aSiteWithoutTemplatesBuildsWithTheBuiltInThemeExactlyAsWithTheRepositoryTemplates() throws IOException {
        assertThat(dir.resolve("templates")).doesNotExist();
        new SiteBuilder(BuildOptions.defaults(dir)).build();
        Map<String, byte[]> builtIn = TestTrees.files(dir.resolve("site"));
        new SiteBuilder(BuildOptions.defaults(dir).withOut(Path.of("site-repo")).withTemplates(SiteFixture.repoTemplates())).build();
        assertSameFiles(builtIn, TestTrees.files(dir.resolve("site-repo")));
        assertThat(org.jsoup.Jsoup.parse(new String(builtIn.get("report/index.html"))).text()).contains("They sold 215 units.");
    }

    @Test
    void overridingOneTemplateFileChangesOnlyThatPart() throws IOException {
        new SiteBuilder(BuildOptions.defaults(dir)).build();
        Map<String, byte[]> before = TestTrees.files(dir.resolve("site"));
        String layout = new String(Theme.builtInFiles().get("layout.html"));
        assertThat(layout).contains("</footer>");
        fx.write("templates/layout.html", layout.replace("</footer>", "<p>Our own footer</p></footer>"));

        new SiteBuilder(BuildOptions.defaults(dir)).build();
        Map<String, byte[]> after = TestTrees.files(dir.resolve("site"));

        assertThat(after.keySet()).isEqualTo(before.keySet());
        int pagesChanged = 0;
        for (String name : before.keySet()) {
            String was = new String(before.get(name));
            String now = new String(after.get(name));
            if (name.endsWith(".html") && was.contains("</footer>")) {
                // The built-in article.html, home.html and 404.html now include the site's own layout.
                // (the layout's footer is the page's last; an article's end matter has a footer of its own)
                int end = was.lastIndexOf("</footer>");
                assertThat(now).as(name).isEqualTo(was.substring(0, end) + "<p>Our own footer</p>" + was.substring(end));
                pagesChanged++;
            } else {
                assertThat(after.get(name)).as(name + " is untouched").isEqualTo(before.get(name));
            }
        }
        assertThat(pagesChanged).isEqualTo(4); // home, report, its "How the numbers were computed" page, 404
    }

    @Test
    void anAssetOfTheSiteReplacesTheBuiltInOneOfTheSameName() throws IOException {
        fx.write("templates/assets/site.css", "body { color: rebeccapurple; }\n");
        new SiteBuilder(BuildOptions.defaults(dir)).build();
        Map<String, byte[]> site = TestTrees.files(dir.resolve("site"));
        String css = site.keySet().stream().filter(n -> n.matches("assets/site\\.[0-9a-f]{10}\\.css")).findFirst().orElseThrow();
        assertThat(new String(site.get(css))).isEqualTo("body { color: rebeccapurple; }\n");
        assertThat(new String(site.get("report/index.html"))).contains("../" + css);
        // the other built-in assets are still published
        assertThat(site.keySet()).anyMatch(n -> n.matches("assets/chart\\.[0-9a-f]{10}\\.css"))
                .anyMatch(n -> n.matches("assets/fonts/Inter-Regular\\.[0-9a-f]{10}\\.woff2"));
    }

    @Test
    void aTemplateThatNoThemeHasIsALocatedError() {
        fx.write("content/report/index.md", "---\ntitle: R\ntemplate: wide\n---\nText.\n");
        SiteFixture.Run run = fx.cli("build", "--templates", dir.resolve("templates").toString());
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("content/report/index.md:3:1: error: template 'wide' does not exist in the theme "
                + "(templates/wide.html or the built-in theme)").contains("use one of: article, home");
    }

    @Test
    void themeExportWritesTheBuiltInThemeWithoutOverwritingAndTheSiteBuildsTheSame() throws IOException {
        new SiteBuilder(BuildOptions.defaults(dir)).build();
        Map<String, byte[]> builtIn = TestTrees.files(dir.resolve("site"));
        fx.write("templates/home.html", "<!DOCTYPE html><html lang=\"en\"><head><title>Mine</title></head><body>mine</body></html>\n");

        SiteFixture.Run run = fx.cli("theme", "export", "--templates", "templates");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("kept your own home.html");
        Map<String, byte[]> exported = TestTrees.files(dir.resolve("templates"));
        assertThat(exported.keySet()).isEqualTo(Theme.builtInFiles().keySet());
        assertThat(new String(exported.get("home.html"))).contains("<body>mine</body>");
        Theme.builtInFiles().forEach((name, bytes) -> {
            if (!name.equals("home.html")) assertThat(exported.get(name)).as(name).isEqualTo(bytes);
        });

        // with the built-in home.html restored, the exported theme builds exactly what the built-in one did
        fx.write("templates/home.html", new String(Theme.builtInFiles().get("home.html")));
        new SiteBuilder(BuildOptions.defaults(dir)).build();
        assertSameFiles(builtIn, TestTrees.files(dir.resolve("site")));

        SiteFixture.Run again = fx.cli("theme", "export", "--templates", "templates");
        assertThat(again.code()).isZero();
        assertThat(again.out()).contains("Wrote 0 files");
    }

    private static void assertSameFiles(Map<String, byte[]> expected, Map<String, byte[]> actual) {
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        expected.forEach((name, bytes) -> assertThat(actual.get(name)).as(name).isEqualTo(bytes));
    }

}
