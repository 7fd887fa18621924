package io.datadesk.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datadesk.error.ContentException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentTreeTest {

    @TempDir Path project;

    @Test
    void mapsMarkdownFilesToCleanUrls() {
        assertThat(ContentTree.sitePath("index.md")).isEqualTo("");
        assertThat(ContentTree.sitePath("about.md")).isEqualTo("about/");
        assertThat(ContentTree.sitePath("ai-job-cuts/index.md")).isEqualTo("ai-job-cuts/");
        assertThat(ContentTree.sitePath("2026/notes/x.md")).isEqualTo("2026/notes/x/");
    }

    @Test
    void separatesPagesFromStaticFilesAndSkipsHiddenOnes() throws Exception {
        write("content/index.md", "---\ntitle: Home\n---\n");
        write("content/report/index.md", "---\ntitle: R\n---\n");
        write("content/report/data/x.csv", "a\n1\n");
        write("content/report/data/SOURCES.md", "Where x.csv came from.");
        write("content/.drafts/secret.md", "x");
        ContentTree tree = ContentTree.scan(project.resolve("content"), project);
        assertThat(tree.pages()).extracting(SourcePage::sitePath).containsExactlyInAnyOrder("", "report/");
        assertThat(tree.pages()).extracting(SourcePage::displayPath).contains("content/report/index.md");
        assertThat(tree.staticFiles()).containsExactly("report/data/SOURCES.md", "report/data/x.csv");
        SourcePage report = tree.pages().stream().filter(p -> p.sitePath().equals("report/")).findFirst().orElseThrow();
        assertThat(report.root()).isEqualTo("../");
        assertThat(report.outputFile()).isEqualTo("report/index.html");
    }

    @Test
    void twoPagesForOneUrlAreAnErrorNamingBoth() throws Exception {
        write("content/x.md", "---\ntitle: A\n---\n");
        write("content/x/index.md", "---\ntitle: B\n---\n");
        assertThatThrownBy(() -> ContentTree.scan(project.resolve("content"), project))
                .isInstanceOf(ContentException.class)
                .hasMessageContaining("content/x/index.md")
                .hasMessageContaining("content/x.md")
                .hasMessageContaining("x/index.html");
    }

    @Test
    void missingContentFolderIsAClearError() {
        assertThatThrownBy(() -> ContentTree.scan(project.resolve("nope"), project))
                .hasMessageContaining("nope: error: the content folder does not exist");
    }

    private void write(String rel, String text) throws Exception {
        Path p = project.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }
}
