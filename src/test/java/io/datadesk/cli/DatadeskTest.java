package io.datadesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.datadesk.build.SiteFixture;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatadeskTest {

    @TempDir Path dir;

    @Test
    void helpAndVersionExitZero() {
        SiteFixture fx = new SiteFixture(dir);
        assertThat(run(fx, "--help").out()).contains("Usage: datadesk").contains("build");
        SiteFixture.Run version = run(fx, "--version");
        assertThat(version.code()).isZero();
        assertThat(version.out()).containsPattern("datadesk \\d+\\.\\d+");
    }

    @Test
    void usageErrorsExitTwo() {
        SiteFixture fx = new SiteFixture(dir);
        SiteFixture.Run run = run(fx, "build", "--no-such-option");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("Unknown option: '--no-such-option'");
        assertThat(run(fx, "frobnicate").code()).isEqualTo(2);
    }

    private static SiteFixture.Run run(SiteFixture fx, String... args) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(), err = new java.io.ByteArrayOutputStream();
        var o = System.out; var e = System.err;
        try {
            System.setOut(new java.io.PrintStream(out, true));
            System.setErr(new java.io.PrintStream(err, true));
            return new SiteFixture.Run(Datadesk.run(args), out.toString(), err.toString());
        } finally {
            System.setOut(o);
            System.setErr(e);
        }
    }
}
