package io.datadesk.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datadesk.chart.ChartRenderer;
import io.datadesk.chart.ChartSpec;
import io.datadesk.data.CsvLoader;
import io.datadesk.data.DatasetSpec;
import io.datadesk.error.BuildCancelled;
import io.datadesk.read.Markdown;
import io.datadesk.write.StagedSite;
import io.datadesk.yaml.YamlNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every long step of a build stops when its thread is interrupted (issue 18): Ctrl-C during {@code build}, or a newer
 * save during a {@code serve} rebuild, cancels the build, which removes its staging folder and leaves the previous
 * site as it was.
 */
class InterruptionTest {

    @TempDir Path dir;

    /** Runs {@code step} on this thread with its interrupt flag set; it must refuse to go on. */
    private static void stopsWhenInterrupted(ThrowingCallable step) {
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(step).isInstanceOf(BuildCancelled.class);
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void csvLoadingChartDrawingMarkdownAndPageWritingCheckForInterruption() throws Exception {
        Path csv = dir.resolve("d.csv");
        Files.writeString(csv, "x,y\n1,2\n3,4\n");
        stopsWhenInterrupted(() -> CsvLoader.scan(DatasetSpec.of("d", "d.csv"), csv, "data/d.csv"));

        ChartSpec spec = ChartSpec.parse(YamlNode.parse("type: bar\ndata: q\nx: x\ny: y\n", "p.md", 1));
        var result = SampleResults.xy();
        stopsWhenInterrupted(() -> new ChartRenderer().render(spec, result, "c1", Locale.ENGLISH, null));

        Markdown md = new Markdown();
        var page = md.parse("A paragraph.\n");
        stopsWhenInterrupted(() -> md.parse("Another.\n"));
        stopsWhenInterrupted(() -> md.render(page, i -> "", i -> ""));

        SiteFiles files = new SiteFiles();
        files.put("index.html", "<p>hi</p>");
        Path out = dir.resolve("site");
        try (StagedSite staged = StagedSite.begin(out)) {
            stopsWhenInterrupted(() -> files.writeTo(staged));
        }
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).as("staging removed").noneMatch(n -> n.startsWith(".site-"));
        }
        // and each works when not interrupted
        assertThat(CsvLoader.scan(DatasetSpec.of("d", "d.csv"), csv, "data/d.csv")).isNotNull();
        assertThat(new ChartRenderer().render(spec, result, "c1", Locale.ENGLISH, null)).isNotNull();
    }

    @Test
    void anInterruptedBuildStopsPromptlyLeavesTheSiteAsItWasAndRemovesStaging() throws Exception {
        SiteFixture fx = new SiteFixture(dir).write("datadesk.yaml", "title: Desk\n").write("content/index.md", "---\ntitle: Home\n---\nHi.\n");
        assertThat(fx.cli("build").code()).isZero();
        String before = fx.snapshot("site");
        // A build with work enough to be stopped mid-way: many pages, each loading a CSV and drawing charts.
        StringBuilder rows = new StringBuilder("x,y\n");
        for (int i = 0; i < 3000; i++) rows.append(i).append(',').append(i % 97).append('\n');
        for (int p = 0; p < 24; p++) {
            fx.write("content/p" + p + "/data/d.csv", rows.toString());
            StringBuilder page = new StringBuilder("---\ntitle: P" + p + "\ndata:\n  src: data/d.csv\n---\nText.\n\n```sql d\nselect * from src\n```\n\n");
            for (String type : new String[] {"line", "scatter", "area"})
                page.append("```chart\ntype: ").append(type).append("\ndata: d\nx: x\ny: y\n```\n\n");
            fx.write("content/p" + p + "/index.md", page.toString());
        }
        AtomicReference<SiteFixture.Run> run = new AtomicReference<>();
        Thread build = new Thread(() -> run.set(fx.cli("build")), "interrupted-build");
        build.start();
        Thread.sleep(1500);
        assertThat(build.isAlive()).as("the build is still under way when interrupted").isTrue();
        build.interrupt();
        build.join(Duration.ofSeconds(30).toMillis());
        assertThat(build.isAlive()).as("stopped within 30 s of the interruption").isFalse();
        assertThat(run.get().code()).as(run.get().err()).isEqualTo(130);
        assertThat(run.get().err()).contains("Build cancelled; site/ was left as it was.").doesNotContain("\tat ");
        assertThat(fx.snapshot("site")).as("previous site untouched").isEqualTo(before);
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).as("staging removed").noneMatch(n -> n.startsWith(".site-"));
        }
        // the next build, not interrupted, publishes everything
        SiteFixture.Run again = fx.cli("build");
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(dir.resolve("site/p23/index.html")).exists();
    }

    /** A two-column result for the chart step. */
    static final class SampleResults {
        static io.datadesk.data.QueryResult xy() throws Exception {
            try (io.datadesk.data.PageDatabase db = io.datadesk.data.PageDatabase.open()) {
                return db.query("q", "select * from (values (1, 2), (2, 3)) t(x, y)", "p.md", 2);
            }
        }
    }
}
