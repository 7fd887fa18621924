package io.datadesk.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.datadesk.build.BuildOptions;
import io.datadesk.cli.Datadesk;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code datadesk serve} in-process on a free port, driven as a browser and an editor would drive it. */
class ServeIntegrationTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @TempDir Path project;
    private DevServer server;
    private final StringWriter log = new StringWriter();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void start() throws IOException {
        write("pom.xml", "<project>secret</project>\n");
        write("content/index.md", "---\ntitle: Home\n---\n\nWelcome.\n");
        write("content/story/index.md", story("First version of the story."));
        write("content/files/table.csv", "a,b\n1,2\n");
        write("content/files/chart.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1 1\"></svg>\n");
        Files.write(project.resolve("content/files/font.woff2"), new byte[] {'w', 'O', 'F', '2', 0, 1, 2, 3});
        BuildOptions build = BuildOptions.defaults(project).withTemplates(Path.of("templates").toAbsolutePath())
                .withOut(Path.of("served"));
        PrintWriter out = new PrintWriter(log, true);
        server = DevServer.start(new DevServer.Options(build, "127.0.0.1", 0, false, false), out, out);
    }

    @AfterEach
    void stop() {
        if (server != null) server.close();
    }

    @Test
    void editsReloadTheBrowserErrorsShowOverTheLastGoodPageAndFixingClearsThem() throws Exception {
        assertThat(server.url().getHost()).isEqualTo("127.0.0.1");
        HttpResponse<String> first = get("/story/");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("First version of the story.").contains(DevServer.RELOAD_SCRIPT_ID);

        try (EventStream events = new EventStream()) {
            long v0 = events.awaitVersion(v -> true);
            write("content/story/index.md", story("Second version of the story."));
            long v1 = events.awaitVersion(v -> v > v0);
            assertThat(get("/story/").body()).contains("Second version of the story.").doesNotContain(ErrorPage.ELEMENT_ID);
            // One line per rebuild: what changed, what was rebuilt (the page: the home page shows nothing of it that
            // changed), how long.
            assertThat(log.toString()).containsPattern("content/story/index\\.md changed: rebuilt story/, 1 file updated in \\d+ ms");

            // An error: the page keeps its last good content, with the errors over it.
            write("content/story/index.md", "---\ntitle: Story\ndate: 2026-01-01\ntitel: <b>bold</b>\n---\n\nThird version.\n");
            long v2 = events.awaitVersion(v -> v > v1);
            String broken = get("/story/").body();
            assertThat(broken).contains("id=\"" + ErrorPage.ELEMENT_ID + "\"")
                    .contains("content/story/index.md:4")
                    .contains("titel")
                    .contains("&lt;b&gt;bold&lt;/b&gt;") // the source line, escaped
                    .doesNotContain("<b>bold</b>")
                    .contains("dd-hit")                  // the problem line highlighted
                    .contains("Second version of the story.");
            assertThat(get("/").body()).contains(ErrorPage.ELEMENT_ID);
            assertThat(log.toString()).contains("content/story/index.md:4").contains("still serving the last good site");
            assertThat(server.errors()).isNotEmpty();

            write("content/story/index.md", story("Fourth version, fixed."));
            events.awaitVersion(v -> v > v2);
            String fixed = get("/story/").body();
            assertThat(fixed).contains("Fourth version, fixed.").doesNotContain(ErrorPage.ELEMENT_ID);
            assertThat(server.errors()).isEmpty();
        }
    }

    @Test
    void deeplyNestedFrontMatterShowsTheOverlayAndTheNextSaveRebuilds() throws Exception {
        // Issue 18: a StackOverflowError in the YAML parser killed the rebuild thread; no overlay, and no save was
        // ever built again while the stale site stayed served.
        try (EventStream events = new EventStream()) {
            long v0 = events.awaitVersion(v -> true);
            write("content/story/index.md", "---\ntitle: Story\ntags: " + "[".repeat(5000) + "]".repeat(5000) + "\n---\n\nDeep.\n");
            long v1 = events.awaitVersion(v -> v > v0);
            assertThat(get("/story/").body()).contains("id=\"" + ErrorPage.ELEMENT_ID + "\"").contains("content/story/index.md:3")
                    .contains("YAML nested more than 50 levels deep");
            write("content/story/index.md", story("Fixed after the deep YAML."));
            events.awaitVersion(v -> v > v1);
            awaitBody("/story/", b -> b.contains("Fixed after the deep YAML.") && !b.contains(ErrorPage.ELEMENT_ID));
        }
    }

    @Test
    void rapidSavesEndInTheLastVersionAndAreBuiltTogether() throws Exception {
        try (EventStream events = new EventStream()) {
            long v0 = events.awaitVersion(v -> true);
            int buildsBefore = server.buildCount();
            for (int i = 1; i <= 5; i++) write("content/story/index.md", story("Burst save " + i + "."));
            events.awaitVersion(v -> v > v0);
            awaitBody("/story/", b -> b.contains("Burst save 5."));
            // Five saves within a few milliseconds: grouped into fewer builds than saves.
            assertThat(server.buildCount() - buildsBefore).isLessThan(5);
        }
        // Saves spread over time, some landing while a build runs: none is lost; the last one is what is served.
        for (int i = 1; i <= 6; i++) {
            write("content/story/index.md", story("Spread save " + i + "."));
            Thread.sleep(i * 15L);
        }
        awaitBody("/story/", b -> b.contains("Spread save 6."));
    }

    @Test
    void onlyFilesInsideTheOutputAreServed() throws Exception {
        Path served = project.resolve("served");
        assertThat(Files.readString(project.resolve("pom.xml"))).contains("secret");
        for (String path : List.of("/../pom.xml", "/%2e%2e/pom.xml", "/%2E%2E/pom.xml", "/..%2fpom.xml", "/%2e%2e%2fpom.xml",
                "/story/../../pom.xml", "/story/%2e%2e/%2e%2e/pom.xml", "/story/..%2f..%2fpom.xml", "/%252e%252e/pom.xml",
                "/%252e%252e%252fpom.xml", "/.%2e/pom.xml", "/%2e./pom.xml", "/./../pom.xml")) {
            String response = rawGet(path);
            assertThat(response).as(path).startsWith("HTTP/1.1 404").doesNotContain("secret");
        }
        // A page elsewhere that points its own host name at 127.0.0.1 (DNS rebinding) is not answered.
        assertThat(rawGet("/story/", "evil.example:" + server.port())).startsWith("HTTP/1.1 403").doesNotContain("Story");
        assertThat(rawGet("/story/", "localhost:" + server.port())).startsWith("HTTP/1.1 200");
        for (String rebinding : List.of("127.evil.com", "127.0.0.1.nip.io", "[::1].evil.com"))
            assertThat(rawGet("/story/", rebinding + ":" + server.port())).as(rebinding).startsWith("HTTP/1.1 403").doesNotContain("Story");
        // Symbolic links that lead out of the output: a file and a folder.
        Files.createSymbolicLink(served.resolve("leak.xml"), project.resolve("pom.xml"));
        Files.createSymbolicLink(served.resolve("up"), project);
        assertThat(get("/leak.xml").statusCode()).isEqualTo(404);
        assertThat(get("/up/pom.xml").statusCode()).isEqualTo(404);
        assertThat(get("/up/").statusCode()).isEqualTo(404);
        assertThat(get("/.nojekyll").statusCode()).isEqualTo(404); // hidden files are not served
        assertThat(get("/no-such-page/").statusCode()).isEqualTo(404);
        assertThat(get("/no-such-page/").body()).contains("Page not found");
    }

    @Test
    void contentTypesAndFolderRedirects() throws Exception {
        assertThat(type("/story/")).isEqualTo("text/html; charset=utf-8");
        assertThat(type("/files/table.csv")).isEqualTo("text/csv; charset=utf-8");
        assertThat(type("/files/chart.svg")).isEqualTo("image/svg+xml");
        assertThat(type("/files/font.woff2")).isEqualTo("font/woff2");
        String css = Files.list(project.resolve("served/assets")).map(p -> p.getFileName().toString())
                .filter(n -> n.endsWith(".css")).findFirst().orElseThrow();
        assertThat(type("/assets/" + css)).isEqualTo("text/css; charset=utf-8");
        // Only HTML gets the script: other files are served byte for byte.
        assertThat(get("/files/table.csv").body()).isEqualTo("a,b\n1,2\n");
        HttpResponse<String> redirect = get("/story");
        assertThat(redirect.statusCode()).isEqualTo(301);
        assertThat(redirect.headers().firstValue("Location")).hasValue("/story/");
    }

    @Test
    void builtFilesNeverContainTheReloadScript() throws Exception {
        assertThat(get("/story/").body()).contains("EventSource");
        // Neither the files serve writes, nor a site from `datadesk build`.
        assertThat(htmlUnder(project.resolve("served"))).isNotEmpty().noneMatch(ServeIntegrationTest::hasReloadScript);
        int code = Datadesk.run("build", "--project", project.toString(), "--templates", Path.of("templates").toAbsolutePath().toString());
        assertThat(code).isZero();
        assertThat(htmlUnder(project.resolve("site"))).hasSize(3).noneMatch(ServeIntegrationTest::hasReloadScript);
    }

    // ---- helpers ----

    private static String story(String text) {
        return "---\ntitle: Story\ndate: 2026-01-01\n---\n\n## Part one\n\n" + text + "\n";
    }

    private void write(String rel, String text) throws IOException {
        Path p = project.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(server.url().resolve(path)).timeout(Duration.ofSeconds(10)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private String type(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = get(path);
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return r.headers().firstValue("Content-Type").orElse("");
    }

    /** Polls until the page satisfies {@code ok}; fails after the timeout. */
    private void awaitBody(String path, Predicate<String> ok) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        String body = "";
        while (System.nanoTime() < deadline) {
            body = get(path).body();
            if (ok.test(body)) return;
            Thread.sleep(20);
        }
        throw new AssertionError("page " + path + " never became as expected; last body:\n" + body + "\nlog:\n" + log);
    }

    /** Sends the request line exactly as written: HTTP clients normalise paths such as /../ before sending. */
    private String rawGet(String path) throws IOException {
        return rawGet(path, "127.0.0.1");
    }

    private String rawGet(String path, String host) throws IOException {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<String> htmlUnder(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".html")).map(p -> {
                try {
                    return Files.readString(p);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
    }

    private static boolean hasReloadScript(String html) {
        return html.contains(DevServer.RELOAD_SCRIPT_ID) || html.contains("EventSource") || html.contains(DevServer.EVENTS_PATH);
    }

    /** The reload event stream, read as a browser's EventSource would, on a background thread. */
    private final class EventStream implements AutoCloseable {
        private final BlockingQueue<Long> versions = new LinkedBlockingQueue<>();
        private final java.util.concurrent.CompletableFuture<HttpResponse<Void>> response;

        EventStream() {
            HttpRequest request = HttpRequest.newBuilder(server.url().resolve(DevServer.EVENTS_PATH)).build();
            response = http.sendAsync(request, HttpResponse.BodyHandlers.fromLineSubscriber(new java.util.concurrent.Flow.Subscriber<String>() {
                private String event = "";

                @Override
                public void onSubscribe(java.util.concurrent.Flow.Subscription s) {
                    s.request(Long.MAX_VALUE);
                }

                @Override
                public void onNext(String line) {
                    if (line.startsWith("event: ")) event = line.substring(7);
                    else if (line.startsWith("data: ") && event.equals("reload")) versions.add(Long.parseLong(line.substring(6)));
                }

                @Override
                public void onError(Throwable t) {}

                @Override
                public void onComplete() {}
            }));
        }

        /** The first reload event whose version satisfies {@code ok}; fails after the timeout. */
        long awaitVersion(Predicate<Long> ok) throws InterruptedException {
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (true) {
                long left = deadline - System.nanoTime();
                Long v = versions.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
                if (v == null) throw new AssertionError("no reload event in " + TIMEOUT + "; log:\n" + log);
                if (ok.test(v)) return v;
            }
        }

        @Override
        public void close() {
            response.cancel(true);
        }
    }
}
