package io.datadesk.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression tests for issue 18 (never crash, never hang, never leak): each input that once crashed, hung, leaked or
 * gave an unlocated error now builds or fails with a located message, exit 1 and the previous site untouched.
 */
class RobustnessTest {

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
    }

    /** Asserts a build fails with exit 1, one located error containing {@code expected}, no trace, site untouched. */
    SiteFixture.Run fails(String expected) {
        SiteFixture.Run run = fx.cli("build");
        assertThat(run.code()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(fx.snapshot("site")).as("previous site untouched").isEqualTo(before);
        assertThat(run.err()).contains(expected).contains("Build failed; site/ was left as it was.")
                .doesNotContain("Exception").doesNotContain("\tat ");
        return run;
    }

    // ---- clean-up ----

    @Test
    void foldersLeftByKilledBuildsAreRemovedAndTheSiteHasNormalPermissions() throws Exception {
        // What builds killed before their end left: staging folders of today's and of older naming, an old site.
        for (String name : new String[] {".site-new-123456789", ".site-old-987654321", ".site-new-p999999999-abc"}) {
            Files.createDirectories(dir.resolve(name).resolve("sub"));
            Files.writeString(dir.resolve(name).resolve("sub/index.html"), "stale");
        }
        Files.createDirectories(dir.resolve(".other-new-1")); // not ours: kept
        assertThat(fx.cli("build").code()).isZero();
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).filteredOn(n -> n.startsWith(".site-")).isEmpty();
        }
        assertThat(dir.resolve(".other-new-1")).isDirectory();

        // The site folder gets the same mode as any folder this process makes (the umask's), not a private 0700.
        Path plain = Files.createDirectory(dir.resolve("plain"));
        Set<PosixFilePermission> expected = Files.getPosixFilePermissions(plain);
        assertThat(Files.getPosixFilePermissions(dir.resolve("site"))).isEqualTo(expected);
        assertThat(Files.getPosixFilePermissions(dir.resolve("site/a"))).isEqualTo(expected);
    }
}
