package io.datadesk.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void replacesAFileAndLeavesNoTemporaryFileBehind() throws IOException {
        Path target = dir.resolve("a/b/page.html");
        AtomicFiles.write(target, "old".getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(target, "new".getBytes(StandardCharsets.UTF_8));

        assertThat(target).hasContent("new");
        try (var files = Files.list(target.getParent())) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void aFailedWriteKeepsTheOldContentAndRemovesItsTemporaryFile() throws IOException {
        Path target = dir.resolve("data.csv");
        AtomicFiles.write(target, "a,b\n".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
            out.write("half".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        })).hasMessage("disk full");

        assertThat(target).hasContent("a,b");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void writtenFilesAreReadableByOthersLikeTheRestOfAPublishedSite() throws IOException {
        Path source = dir.resolve("source.txt");
        Files.writeString(source, "x");
        Path target = dir.resolve("site/copy.txt");
        AtomicFiles.copy(source, target);

        assertThat(target).hasContent("x");
        // Files.createTempFile would have made it 0600; a site's files must be readable by the web server's user.
        assertThat(Files.getPosixFilePermissions(target)).contains(PosixFilePermission.OTHERS_READ);
    }
}
