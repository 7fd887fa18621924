package io.datadesk.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datadesk.error.ContentException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataPathsTest {

    @TempDir
    Path tmp;
    Path project, content, page;
    DataPaths paths;

    @BeforeEach
    void layout() throws IOException {
        project = tmp.resolve("project");
        content = project.resolve("content");
        page = content.resolve("report");
        Files.createDirectories(page.resolve("data"));
        Files.createDirectories(content.resolve("data"));
        Files.writeString(page.resolve("data/local.csv"), "a\n1\n");
        Files.writeString(page.resolve("data/shared.csv"), "a\n1\n");
        Files.writeString(content.resolve("data/shared.csv"), "a\n2\n");
        Files.writeString(content.resolve("data/global.csv"), "a\n3\n");
        Files.writeString(tmp.resolve("secret.csv"), "a\n4\n");
        paths = new DataPaths(project, content);
    }

    private DatasetSpec spec(String path) {
        return new DatasetSpec("d", path, java.util.Map.of(), java.util.List.of(""), ',', "content/report/index.md", 3, 3);
    }

    @Test
    void pageFolderFirstThenTopOfContent() {
        assertThat(paths.resolve(page, spec("data/local.csv"))).isEqualTo(page.resolve("data/local.csv"));
        assertThat(paths.resolve(page, spec("data/shared.csv"))).isEqualTo(page.resolve("data/shared.csv"));
        assertThat(paths.resolve(page, spec("data/global.csv"))).isEqualTo(content.resolve("data/global.csv"));
        assertThat(paths.resolve(page, spec("../data/global.csv"))).isEqualTo(content.resolve("data/global.csv"));
        assertThat(paths.display(content.resolve("data/global.csv"))).isEqualTo("content/data/global.csv");
    }

    @Test
    void missingFileNamesThePathsTriedRelativeToTheProject() {
        assertThatThrownBy(() -> paths.resolve(page, spec("data/nope.csv")))
                .isInstanceOfSatisfying(ContentException.class, e -> {
                    assertThat(e.diagnostics().get(0).location()).isEqualTo("content/report/index.md:3:3");
                    assertThat(e.diagnostics().get(0).message()).isEqualTo("dataset 'd': CSV file not found: content/report/data/nope.csv");
                    assertThat(e.diagnostics().get(0).hint()).startsWith("looked in content/report/data/nope.csv and content/data/nope.csv");
                });
    }

    @Test
    void pathsLeavingTheProjectAreRefused() throws IOException {
        assertThatThrownBy(() -> paths.resolve(page, spec("../../../../etc/passwd")))
                .hasMessageContaining("path '../../../../etc/passwd' leaves the project directory");
        assertThatThrownBy(() -> paths.resolve(page, spec("../../../secret.csv")))
                .hasMessageContaining("leaves the project directory");
        assertThatThrownBy(() -> paths.resolve(page, spec("/etc/passwd")))
                .hasMessageContaining("absolute path '/etc/passwd' is not allowed");
        assertThatThrownBy(() -> paths.resolve(page, spec(tmp.resolve("secret.csv").toString())))
                .hasMessageContaining("is not allowed");
        Files.createSymbolicLink(page.resolve("data/link.csv"), tmp.resolve("secret.csv"));
        assertThatThrownBy(() -> paths.resolve(page, spec("data/link.csv")))
                .hasMessageContaining("is a link to a file outside the project directory");
    }

    @Test
    void loadAllReportsEveryDatasetsProblems() throws IOException {
        Files.writeString(page.resolve("data/bad.csv"), "a,b\n1\n");
        try (PageDatabase db = PageDatabase.open()) {
            assertThatThrownBy(() -> db.loadAll(java.util.List.of(spec("data/nope.csv"),
                    new DatasetSpec("b", "data/bad.csv", java.util.Map.of(), java.util.List.of(""), ',', "content/report/index.md", 4, 3)), page, paths))
                    .isInstanceOfSatisfying(ContentException.class, e -> assertThat(e.diagnostics())
                            .extracting(io.datadesk.error.Diagnostic::location)
                            .containsExactly("content/report/index.md:3:3", "content/report/data/bad.csv:2:2"));
        }
    }
}
