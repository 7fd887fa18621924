package io.datadesk.build;

import static org.assertj.core.api.Assertions.assertThat;

import io.datadesk.compute.QueryCache;
import io.datadesk.files.TestTrees;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The flagship report rebuilt after prose edits by the builder that built it (as {@code serve} rebuilds: the page
 * parsed in parts, the unchanged parts' HTML, polish and provenance sentences reused) is byte for byte what a clean
 * build of the edited report makes, in both languages. The edits shift what is numbered across the page: inline
 * values (their provenance entries and links), tables without a caption, the reading time.
 */
class FlagshipEditsTest {

    @TempDir Path served;
    @TempDir Path clean;

    @Test
    void proseEditsOfTheFlagshipRebuildToWhatACleanBuildMakes() throws Exception {
        copyProject(served);
        SiteBuilder builder = new SiteBuilder(BuildOptions.defaults(served), QueryCache.none());
        builder.build();
        Path en = Path.of("content/ai-job-cuts/index.md"), zh = Path.of("content/ai-job-cuts/index.zh.md");
        String enText = Files.readString(served.resolve(en)), zhText = Files.readString(served.resolve(zh));
        int firstHeading = enText.indexOf("\n## ");
        int lastHeading = enText.lastIndexOf("\n## ");
        assertThat(firstHeading).isPositive();
        // 1. A word typed into a paragraph, and the next edit: another word.
        String edited = enText.substring(0, lastHeading) + "\n\nA new paragraph, typed at the end.\n" + enText.substring(lastHeading);
        rebuildAndCompare(builder, en, edited);
        // 2. Near the top: a paragraph with a number (every later number's index and entry move), a table without a
        // caption (every later table's number moves) and a list; in Chinese, a sentence.
        String inline = enText.lines().filter(l -> l.contains("{{")).findFirst().orElseThrow();
        String value = inline.substring(inline.indexOf("{{"), inline.indexOf("}}") + 2);
        edited = edited.substring(0, firstHeading) + "\n\nEarly on, " + value + " was the figure. More words here.\n\n| A | B |\n|---|--:|\n| 1 | 2 |\n\n- one\n- two\n"
                + edited.substring(firstHeading);
        Files.writeString(served.resolve(zh), zhText.replaceFirst("\n## ", "\n新的一段话。\n\n## "));
        rebuildAndCompare(builder, en, edited);
        // 3. Back to the start: every part as it was.
        Files.writeString(served.resolve(zh), zhText);
        rebuildAndCompare(builder, en, enText);
    }

    private void rebuildAndCompare(SiteBuilder builder, Path page, String text) throws Exception {
        Files.writeString(served.resolve(page), text);
        builder.build();
        Path copy = Files.createTempDirectory(clean, "build-");
        TestTrees.copy(served.resolve("content"), copy.resolve("content"));
        TestTrees.copy(Path.of("templates").toAbsolutePath(), copy.resolve("templates"));
        Files.copy(Path.of("datadesk.yaml"), copy.resolve("datadesk.yaml"));
        new SiteBuilder(BuildOptions.defaults(copy), QueryCache.none()).build();
        Map<String, byte[]> rebuilt = TestTrees.files(served.resolve("site")), built = TestTrees.files(copy.resolve("site"));
        assertThat(rebuilt.keySet()).isEqualTo(built.keySet());
        for (String path : built.keySet())
            assertThat(new String(rebuilt.get(path), StandardCharsets.UTF_8)).as(path).isEqualTo(new String(built.get(path), StandardCharsets.UTF_8));
    }

    private static void copyProject(Path to) throws Exception {
        TestTrees.copy(Path.of("content").toAbsolutePath(), to.resolve("content"));
        TestTrees.copy(Path.of("templates").toAbsolutePath(), to.resolve("templates"));
        Files.copy(Path.of("datadesk.yaml"), to.resolve("datadesk.yaml"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

}
