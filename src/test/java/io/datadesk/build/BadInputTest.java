package io.datadesk.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each kind of bad input gives a located message and exit code 1, and leaves the previous site exactly as it was.
 */
class BadInputTest {

    @TempDir Path dir;
    SiteFixture fx;
    String before;

    @BeforeEach
    void goodBuildFirst() {
        fx = new SiteFixture(dir)
                .write("datadesk.yaml", "title: Desk\n")
                .write("content/index.md", "---\ntitle: Home\n---\nHello.\n")
                .write("content/a.md", "---\ntitle: A\n---\nA page.\n");
        SiteFixture.Run ok = fx.cli("build");
        assertThat(ok.code()).as(ok.err()).isZero();
        before = fx.snapshot("site");
        assertThat(before).contains("index.html");
    }

    private SiteFixture.Run failingBuild() {
        SiteFixture.Run run = fx.cli("build");
        assertThat(run.code()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(fx.snapshot("site")).as("previous site untouched").isEqualTo(before);
        assertThat(run.err()).contains("Build failed; site/ was left as it was.").doesNotContain("Exception");
        return run;
    }

    @Test
    void invalidYamlInFrontMatter() {
        fx.write("content/a.md", "---\ntitle: A\ntags: [x, y\n---\nA page.\n");
        assertThat(failingBuild().err()).contains("content/a.md:3:12: error: invalid YAML");
    }

    @Test
    void missingTitle() {
        fx.write("content/a.md", "---\ndescription: no title\n---\nA page.\n");
        assertThat(failingBuild().err()).contains("content/a.md:2:1: error: front matter has no 'title'");
    }

    @Test
    void unknownFrontMatterKeySuggestsTheClosest() {
        fx.write("content/a.md", "---\ntitle: A\nautor: Me\n---\nA page.\n");
        assertThat(failingBuild().err()).contains("content/a.md:3:1: error: unknown front matter key 'autor'")
                .contains("did you mean 'author'?");
    }

    @Test
    void twoPagesForTheSameUrl() {
        fx.write("content/a/index.md", "---\ntitle: A again\n---\n");
        assertThat(failingBuild().err()).contains("content/a/index.md").contains("content/a.md").contains("a/index.html");
    }

    @Test
    void templateThatDoesNotExist() {
        fx.write("content/a.md", "---\ntitle: A\ntemplate: artcle\n---\nA page.\n");
        assertThat(failingBuild().err()).contains("content/a.md:3:1: error: template 'artcle' does not exist")
                .contains("did you mean 'article'?");
    }

    @Test
    void thymeleafErrorNamesTheTemplateFileAndLine() {
        fx.write("templates-broken/home.html", "<html><body><p>home</p></body></html>\n")
                .write("templates-broken/article.html", "<html>\n<body>\n<p th:text=\"${page.nosuch}\">x</p>\n</body>\n</html>\n");
        SiteFixture.Run run = fx.cli("build", "--templates", dir.resolve("templates-broken").toString());
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("templates-broken/article.html:3:").contains("nosuch").contains("content/a.md");
        assertThat(fx.snapshot("site")).isEqualTo(before);
    }

    @Test
    void contentFolderThatDoesNotExist() {
        SiteFixture.Run run = fx.cli("build", "--content", "nowhere");
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("nowhere: error: the content folder does not exist");
        assertThat(fx.snapshot("site")).isEqualTo(before);
    }

    @Test
    void unknownSiteSetting() {
        fx.write("datadesk.yaml", "title: Desk\nbase-url: https://x.org/\n");
        assertThat(failingBuild().err()).contains("datadesk.yaml:2:1: error: unknown site setting 'base-url'")
                .contains("did you mean 'base_url'?");
    }

    @Test
    void severalErrorsAreAllReported() {
        fx.write("content/a.md", "---\ntitel: A\n---\n").write("content/b.md", "---\ntitle: B\ndate: soon\n---\n");
        assertThat(failingBuild().err()).contains("content/a.md:2:1").contains("content/b.md:3:")
                .contains("3 errors.");
    }
}
