package io.datadesk.serve;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Save-to-reload benchmark (not a test). Copies the project (content/, templates/, datadesk.yaml) to a temporary
 * folder, starts {@code datadesk serve} on it as a separate process, listens to the reload events as a browser does,
 * then edits a paragraph of the page N times and measures the time from each save to the reload event. Then a few
 * data edits (a text cell in the last row of a CSV the page loads), which re-run the page's queries. Prints every
 * time, the median and the worst. Targets: prose median under 150 ms, worst under 500 ms; data edits under 1 s.
 *
 * <p>Arguments: {@code [page.md] [data.csv] [edits]}, paths relative to the project; defaults to the flagship report.
 */
public final class ServeReloadBenchmark {

    private static final long TIMEOUT_SECONDS = 60;

    public static void main(String[] args) throws Exception {
        Path project = Path.of(".").toAbsolutePath().normalize();
        String pageRel = args.length > 0 ? args[0] : "content/ai-job-cuts/index.md";
        String dataRel = args.length > 1 ? args[1] : "content/ai-job-cuts/data/challenger_ai_annual.csv";
        int edits = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        if (!Files.isRegularFile(project.resolve(pageRel))) {
            System.err.println("no page " + pageRel + " in " + project + "; pass the page to edit as the first argument");
            System.exit(2);
        }
        Path work = Files.createTempDirectory("datadesk-serve-bench-");
        Process server = null;
        try {
            copyTree(project.resolve("content"), work.resolve("content"));
            copyTree(project.resolve("templates"), work.resolve("templates"));
            if (Files.exists(project.resolve("datadesk.yaml")))
                Files.copy(project.resolve("datadesk.yaml"), work.resolve("datadesk.yaml"));

            long startupNanos = System.nanoTime();
            server = new ProcessBuilder(javaCommand(work)).redirectErrorStream(true).start();
            URI url = awaitServing(server);
            System.out.printf("server up in %d ms at %s (load average %s)%n", (System.nanoTime() - startupNanos) / 1_000_000,
                    url, loadAverage());

            Events events = new Events(url.resolve(DevServer.EVENTS_PATH));
            long version = events.next(); // the version on connecting
            Path page = work.resolve(pageRel);
            String original = Files.readString(page);
            int line = paragraphLine(original);
            System.out.printf("editing %s, line %d (a paragraph), %d times%n", pageRel, line + 1, edits);
            List<Long> prose = new ArrayList<>();
            for (int i = 1; i <= edits; i++) {
                String edited = replaceLine(original, line, l -> l + " Edit " + System.nanoTime() + ".");
                long t0 = System.nanoTime();
                Files.writeString(page, edited);
                version = events.after(version);
                long ms = (System.nanoTime() - t0) / 1_000_000;
                prose.add(ms);
                System.out.printf("  prose edit %2d: %4d ms%n", i, ms);
                Thread.sleep(250); // an author does not save more than a few times a second
            }
            report("prose edits", prose, 150, 500);

            Path data = work.resolve(dataRel);
            if (Files.isRegularFile(data)) {
                String csv = Files.readString(data);
                List<Long> dataTimes = new ArrayList<>();
                int lastLine = (int) csv.strip().lines().count() - 1;
                for (int i = 1; i <= 3; i++) {
                    int n = i;
                    String edited = replaceLine(csv, lastLine, l -> l.endsWith("\"")
                            ? l.substring(0, l.length() - 1) + " (edit " + n + ")\"" : l + " (edit " + n + ")");
                    long t0 = System.nanoTime();
                    Files.writeString(data, edited);
                    version = events.after(version);
                    long ms = (System.nanoTime() - t0) / 1_000_000;
                    dataTimes.add(ms);
                    System.out.printf("  data edit %d (%s): %4d ms%n", i, dataRel, ms);
                    Thread.sleep(250);
                }
                report("data edits (the page's queries re-run)", dataTimes, 1000, 1000);
            }
            events.close();
        } finally {
            if (server != null) {
                server.destroy();
                server.waitFor(10, TimeUnit.SECONDS);
            }
            deleteTree(work);
        }
    }


    private static List<String> javaCommand(Path work) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return List.of(java, "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                "io.datadesk.cli.Datadesk", "serve", "--port", "0", "--project", work.toString());
    }

    /** Reads the server's output until it says where it serves; fails if it exits first. */
    private static URI awaitServing(Process server) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        Pattern serving = Pattern.compile("Serving (http://\\S+/)");
        String line;
        while ((line = out.readLine()) != null) {
            System.out.println("  | " + line);
            Matcher m = serving.matcher(line);
            if (m.find()) {
                URI url = URI.create(m.group(1));
                Thread drain = new Thread(() -> {
                    try {
                        String l;
                        while ((l = out.readLine()) != null) if (l.contains("error")) System.out.println("  | " + l);
                    } catch (IOException ignored) {
                        // the server stopped
                    }
                }, "server-output");
                drain.setDaemon(true);
                drain.start();
                return url;
            }
        }
        throw new IllegalStateException("the server exited before serving");
    }

    /** The first line after the front matter and outside fenced blocks that is plain prose. */
    private static int paragraphLine(String text) {
        List<String> lines = text.lines().toList();
        boolean inFence = false;
        int dashes = 0;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (dashes < 2) {
                if (l.strip().equals("---")) dashes++;
                continue;
            }
            if (l.startsWith("```")) inFence = !inFence;
            else if (!inFence && l.length() > 40 && Character.isLetter(l.charAt(0)) && !l.contains("{{")) return i;
        }
        throw new IllegalStateException("no prose paragraph found to edit");
    }

    private static String replaceLine(String text, int index, java.util.function.UnaryOperator<String> edit) {
        List<String> lines = new ArrayList<>(text.lines().toList());
        lines.set(index, edit.apply(lines.get(index)));
        return String.join("\n", lines) + (text.endsWith("\n") ? "\n" : "");
    }

    private static void report(String what, List<Long> times, long medianTarget, long worstTarget) {
        List<Long> sorted = new ArrayList<>(times);
        Collections.sort(sorted);
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
        long worst = sorted.get(n - 1);
        System.out.printf("%s, save to reload event: median %.0f ms (target < %d), worst %d ms (target < %d): %s%n",
                what, median, medianTarget, worst, worstTarget,
                median < medianTarget && worst < worstTarget ? "met" : "NOT met");
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** The reload event stream, as a browser's EventSource reads it. */
    private static final class Events implements AutoCloseable {
        private final BlockingQueue<Long> versions = new LinkedBlockingQueue<>();
        private final java.util.concurrent.CompletableFuture<HttpResponse<Stream<String>>> response;

        Events(URI uri) {
            response = HttpClient.newHttpClient().sendAsync(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofLines());
            response.thenAccept(r -> r.body().forEach(l -> {
                if (l.startsWith("data: ")) versions.add(Long.parseLong(l.substring(6).strip()));
            }));
        }

        long next() throws InterruptedException {
            Long v = versions.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (v == null) throw new IllegalStateException("no reload event within " + TIMEOUT_SECONDS + " s");
            return v;
        }

        /** Waits for the first event newer than {@code version}. */
        long after(long version) throws InterruptedException {
            while (true) {
                long v = next();
                if (v > version) return v;
            }
        }

        @Override
        public void close() {
            response.cancel(true);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) return;
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Collections.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
