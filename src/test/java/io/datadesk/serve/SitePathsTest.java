package io.datadesk.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SitePathsTest {

    @TempDir Path dir;

    @Test
    void plainAndEscapedNamesDecode() {
        assertThat(SitePaths.decode("/")).hasValue("");
        assertThat(SitePaths.decode("/story/index.html")).hasValue("story/index.html");
        assertThat(SitePaths.decode("/files/annual%20report.pdf")).hasValue("files/annual report.pdf");
        assertThat(SitePaths.decode("/c++/x")).hasValue("c++/x"); // '+' is not a space in a path
        assertThat(SitePaths.decode("/caf%C3%A9/")).hasValue("café/");
    }

    @Test
    void everyWayOfWritingDotDotIsRefused() {
        for (String raw : new String[] {"/..", "/../x", "/a/../../x", "/%2e%2e/x", "/%2E%2e/x", "/.%2e/x", "/%2e./x",
                "/..%2fx", "/a%2f..%2f..%2fx", "/a/%2e%2e", "/./x", "/%2e/x", "/a/.", "/..%5cx", "/a\\..\\x",
                "/%c0%ae%c0%ae/x", // overlong UTF-8 for '.', which lenient decoders turn into ".."
                "/%00", "/a%00.html", "/%zz", "/%2", "/é", "x", "", "//etc/passwd", "/.hidden", "/a/.git/config"}) {
            assertThat(SitePaths.decode(raw)).as(raw).isEmpty();
        }
    }

    @Test
    void doublyEncodedDotsStayLiteralAndMatchNothing() throws IOException {
        Path site = Files.createDirectories(dir.resolve("site"));
        Files.writeString(dir.resolve("secret.txt"), "secret");
        assertThat(SitePaths.decode("/%252e%252e/secret.txt")).hasValue("%2e%2e/secret.txt");
        assertThat(SitePaths.resolve(site, "/%252e%252e/secret.txt")).isEmpty();
    }

    @Test
    void linksLeadingOutsideAreRefusedAndLinksInsideAreFollowed() throws IOException {
        Path site = Files.createDirectories(dir.resolve("site"));
        Files.writeString(site.resolve("page.html"), "ok");
        Files.writeString(dir.resolve("secret.txt"), "secret");
        Files.createSymbolicLink(site.resolve("out.txt"), dir.resolve("secret.txt"));
        Files.createSymbolicLink(site.resolve("outdir"), dir);
        Files.createSymbolicLink(site.resolve("alias.html"), site.resolve("page.html"));
        Files.createSymbolicLink(site.resolve("dangling"), dir.resolve("nothing"));
        assertThat(SitePaths.resolve(site, "/page.html")).hasValue(site.resolve("page.html"));
        assertThat(SitePaths.resolve(site, "/alias.html")).isPresent();
        assertThat(SitePaths.resolve(site, "/out.txt")).isEmpty();
        assertThat(SitePaths.resolve(site, "/outdir/secret.txt")).isEmpty();
        assertThat(SitePaths.resolve(site, "/dangling")).isEmpty();
        assertThat(SitePaths.resolve(site, "/missing.html")).isEmpty();
    }
}
