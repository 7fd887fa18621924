package io.datadesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** The repository's own GitHub workflows are valid YAML and do what the docs say. */
class WorkflowsTest {

    @Test
    @SuppressWarnings("unchecked")
    void theReleaseWorkflowRunsOnVersionTagsAndAttachesBothArchives() throws IOException {
        String text = Files.readString(Path.of(".github/workflows/release.yml"));
        Map<String, Object> wf = (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(text);
        Map<String, Object> on = (Map<String, Object>) wf.get("on");
        assertThat((Map<String, Object>) on.get("push")).containsEntry("tags", List.of("v*"));
        assertThat((Map<String, Object>) wf.get("permissions")).containsEntry("contents", "write");
        Map<String, Object> job = (Map<String, Object>) ((Map<String, Object>) wf.get("jobs")).get("release");
        String runs = String.join("\n", ((List<Map<String, Object>>) job.get("steps")).stream()
                .map(s -> (String) s.get("run")).filter(r -> r != null).toList());
        assertThat(runs).contains("mvn -B package").contains("gh release create")
                .contains("target/datadesk-$VERSION.zip").contains("target/datadesk-$VERSION.tar.gz")
                .contains("bin/datadesk\" --version");
    }

    @Test
    @SuppressWarnings("unchecked")
    void thePagesWorkflowUsesTheOfficialPagesActions() throws IOException {
        String text = Files.readString(Path.of(".github/workflows/pages.yml"));
        Map<String, Object> wf = (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(text);
        assertThat(text).contains("actions/configure-pages@").contains("actions/upload-pages-artifact@").contains("actions/deploy-pages@");
        assertThat((Map<String, Object>) wf.get("permissions")).containsEntry("pages", "write").containsEntry("id-token", "write");
    }
}
