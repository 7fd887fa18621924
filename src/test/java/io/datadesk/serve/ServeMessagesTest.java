package io.datadesk.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.datadesk.build.BuildOptions;
import io.datadesk.build.SiteBuilder;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15: with {@code serve} running, editing a message file ({@code templates/i18n/en.yaml}) changes every text
 * drawn from it at once, the words the templates write and also those inside charts and tables, which are made
 * with the page's data; also for a page the server took from the page store of an earlier build.
 */
class ServeMessagesTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir Path project;
    private DevServer server;
    private final StringWriter log = new StringWriter();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @AfterEach
    void stop() {
        if (server != null) server.close();
    }

    @Test
    void anEditedMessageFileChangesChartAndTableTextWithoutADataChange() throws Exception {
        write("datadesk.yaml", "title: Messages\n");
        write("content/index.md", "---\ntitle: Home\n---\n\nWelcome.\n");
        write("content/story/data/v.csv", "year,value\n2023,10\n2024,\n");
        write("content/story/index.md", "---\ntitle: Story\ndate: 2026-01-01\ndata:\n  v: data/v.csv\n---\n\n"
                + "```sql yearly\nselect cast(year as varchar) as year, value from v order by 1\n```\n\n"
                + "```chart\ntype: bar\ndata: yearly\nx: year\ny: value\n```\n\n```table\ndata: yearly\n```\n");
        write("templates/i18n/en.yaml", "site:\n  feed: Atom feed\n");
        BuildOptions build = BuildOptions.defaults(project).withOut(Path.of("served"));
        // An earlier `datadesk build` filled the page store: the server starts from the stored page, not computing it.
        new SiteBuilder(BuildOptions.defaults(project)).build();
        server = DevServer.start(new DevServer.Options(build, "127.0.0.1", 0, false, false), new PrintWriter(log, true),
                new PrintWriter(log, true));
        String before = get("/story/");
        assertThat(before).contains("Show the data").contains(">no data<"); // the chart's and the table's own words

        write("templates/i18n/en.yaml", "chart:\n  show_data: See the figures\ntable:\n  no_data: nothing recorded\n");
        server.changed(project.resolve("templates/i18n/en.yaml")); // as the watcher would, without waiting for it
        awaitBody("/story/", b -> b.contains("See the figures") && b.contains(">nothing recorded<"));
        assertThat(get("/story/")).doesNotContain("Show the data").doesNotContain(">no data<");

        // And back: the page is now the server's own (no longer from the store), and follows the file again.
        write("templates/i18n/en.yaml", "chart:\n  show_data: Open the table\n");
        server.changed(project.resolve("templates/i18n/en.yaml"));
        awaitBody("/story/", b -> b.contains("Open the table") && b.contains(">no data<"));
        assertThat(log.toString()).doesNotContain("error");
    }

    private void write(String rel, String text) throws IOException {
        Path p = project.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private String get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(server.url().resolve(path)).timeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return r.body();
    }

    /** Polls until the page satisfies {@code ok}; fails after the timeout. */
    private void awaitBody(String path, Predicate<String> ok) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        String body = "";
        while (System.nanoTime() < deadline) {
            body = get(path);
            if (ok.test(body)) return;
            Thread.sleep(50);
        }
        throw new AssertionError("page " + path + " never became as expected; last body:\n" + body + "\nlog:\n" + log);
    }
}
