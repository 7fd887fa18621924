package io.datadesk.build;

import io.datadesk.files.TestTrees;
import io.datadesk.compute.QueryCache;
import io.datadesk.compute.ContentHashes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datadesk.error.ContentException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One long-lived builder, rebuilt after edits, as {@code datadesk serve} uses it. */
class IncrementalBuildTest {

    @TempDir Path project;
    private SiteBuilder builder;

    @BeforeEach
    void setUp() throws IOException {
        TestTrees.copy(Path.of("templates"), project.resolve("templates"));
        write("content/index.md", "---\ntitle: Home\n---\n\nWelcome.\n");
        write("content/one/index.md", page("One", "2026-01-01", "First page."));
        write("content/two/index.md", page("Two", "2026-02-01", "Second page."));
        write("content/two/figure.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n");
        builder = new SiteBuilder(BuildOptions.defaults(project), QueryCache.none());
    }

    @Test
    void aRebuildWithoutChangesRendersNothingAndWritesNothing() throws IOException {
        assertThat(builder.build().pages()).containsExactlyInAnyOrder("", "one/", "two/");
        Map<String, String> before = snapshot();
        BuildResult again = builder.build();
        assertThat(again.pages()).isEmpty();
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void editingOnePageRebuildsItAndThePagesThatListItOnlyWhenWhatTheyShowOfItChanged() throws IOException {
        builder.build();
        Map<String, String> before = snapshot();
        write("content/one/index.md", page("One", "2026-01-01", "First page, edited."));
        BuildResult r = builder.build();
        // The home page lists each article's title, date, description and reading time: none of them changed.
        assertThat(r.pages()).containsExactly("one/");
        assertThat(read("site/one/index.html")).contains("First page, edited.");
        assertThat(read("site/two/index.html")).contains("Second page.");
        assertThat(snapshot().get("index.html")).isEqualTo(before.get("index.html"));

        // A title it shows: the home page and the 404 page (both list the articles) are rendered again.
        write("content/one/index.md", page("One, renamed", "2026-01-01", "First page, edited."));
        assertThat(builder.build().pages()).containsExactlyInAnyOrder("one/", "");
        assertThat(read("site/index.html")).contains("One, renamed");
        assertThat(read("site/404.html")).contains("One, renamed");
        // So does a prose edit that changes the reading time the list shows.
        write("content/one/index.md", page("One, renamed", "2026-01-01", "word ".repeat(600)));
        assertThat(builder.build().pages()).containsExactlyInAnyOrder("one/", "");
        assertThat(read("site/index.html")).contains("3 min read");
        assertSameAsFreshBuild();
    }

    @Test
    void aListThatShowsTheArticlesBodiesIsRenderedAgainForEveryProseEdit() throws IOException {
        Path home = project.resolve("templates/home.html");
        String list = Files.readString(home);
        assertThat(list).contains("<h3>");
        write("templates/home.html", list.replace("<h3>", "<div class=\"excerpt\" th:utext=\"${a.content}\"></div><h3>"));
        builder.build();
        write("content/one/index.md", page("One", "2026-01-01", "First page, edited."));
        assertThat(builder.build().pages()).containsExactlyInAnyOrder("one/", "");
        assertThat(read("site/index.html")).contains("First page, edited.");
        assertSameAsFreshBuild();
    }

    @Test
    void aTemplateChangeRebuildsThePagesUsingIt() throws IOException {
        builder.build();
        Path article = project.resolve("templates/article.html");
        write("templates/article.html", Files.readString(article).replace("<main", "<!-- edited --><main"));
        assertThat(builder.build().pages()).containsExactlyInAnyOrder("one/", "two/");
        assertThat(read("site/one/index.html")).contains("<!-- edited -->");
        assertThat(read("site/index.html")).doesNotContain("<!-- edited -->");

        // layout.html is included by every template: every page and the 404 page change.
        Path layout = project.resolve("templates/layout.html");
        write("templates/layout.html", Files.readString(layout).replace("</footer>", "<p>layout edited</p></footer>"));
        assertThat(builder.build().pages()).containsExactlyInAnyOrder("", "one/", "two/");
        assertThat(read("site/404.html")).contains("layout edited");
    }

    @Test
    void aWholeTemplateIncludedByAnotherCountsAsItsDependency() throws IOException {
        write("templates/note.html", "<aside class=\"note\">Note v1</aside>\n");
        Path article = project.resolve("templates/article.html");
        write("templates/article.html", Files.readString(article).replace("<main", "<div th:replace=\"~{note}\"></div><main"));
        builder.build();
        assertThat(read("site/one/index.html")).contains("Note v1");
        write("templates/note.html", "<aside class=\"note\">Note v2</aside>\n");
        assertThat(builder.build().pages()).containsExactlyInAnyOrder("one/", "two/");
        assertThat(read("site/two/index.html")).contains("Note v2");
    }

    @Test
    void configurationChangesRebuildEveryPage() throws IOException {
        builder.build();
        write("datadesk.yaml", "title: Renamed desk\n");
        assertThat(builder.build().pages()).containsExactlyInAnyOrder("", "one/", "two/");
        assertThat(read("site/two/index.html")).contains("Renamed desk");
    }

    @Test
    void staticFilesAndDeletedPagesAreUpdatedWithoutRenderingOtherPages() throws IOException {
        builder.build();
        write("content/two/figure.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><title>new</title></svg>\n");
        assertThat(builder.build().pages()).isEmpty();
        assertThat(read("site/two/figure.svg")).contains("new");

        Files.delete(project.resolve("content/one/index.md"));
        assertThat(builder.build().pages()).containsExactly(""); // the home page no longer lists it
        assertThat(project.resolve("site/one/index.html")).doesNotExist();
        assertThat(read("site/index.html")).doesNotContain("one/index.html");
    }

    @Test
    void aFailedRebuildLeavesTheSiteAndTheNextOneRecovers() throws IOException {
        builder.build();
        Map<String, String> good = snapshot();
        write("content/two/index.md", "---\ntitle: Two\ndate: not-a-date\n---\n\nBroken.\n");
        assertThatThrownBy(builder::build).isInstanceOf(ContentException.class).hasMessageContaining("content/two/index.md:3");
        assertThat(snapshot()).isEqualTo(good);
        write("content/two/index.md", page("Two", "2026-02-01", "Second page, repaired."));
        assertThat(builder.build().pages()).containsExactly("two/"); // the home page shows nothing of it that changed
        assertThat(read("site/two/index.html")).contains("Second page, repaired.");
    }

    @Test
    void theIncrementalSiteEqualsAFreshBuild() throws IOException {
        builder.build();
        write("content/one/index.md", page("One, renamed", "2026-03-01", "Now the newest."));
        write("content/three/index.md", page("Three", "2025-12-01", "Oldest."));
        Files.delete(project.resolve("content/two/figure.svg"));
        builder.build();
        assertSameAsFreshBuild();
    }

    /** The site the builder updated equals a fresh build of the same inputs. */
    private void assertSameAsFreshBuild() throws IOException {
        Map<String, String> incremental = snapshot();
        new SiteBuilder(BuildOptions.defaults(project).withOut(Path.of("fresh")), QueryCache.none()).build();
        assertThat(snapshot("fresh")).isEqualTo(incremental);
    }

    // ---- helpers ----

    private static String page(String title, String date, String text) {
        return "---\ntitle: " + title + "\ndate: " + date + "\n---\n\n## Section\n\n" + text + "\n";
    }

    private void write(String rel, String text) throws IOException {
        Path p = project.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private String read(String rel) throws IOException {
        return Files.readString(project.resolve(rel));
    }

    private Map<String, String> snapshot() throws IOException {
        return snapshot("site");
    }

    /** Every file of an output folder with its content hash. */
    private Map<String, String> snapshot(String dir) throws IOException {
        Path root = project.resolve(dir);
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList())
                files.put(root.relativize(p).toString(), ContentHashes.of(Files.readAllBytes(p)));
        }
        return files;
    }
}
