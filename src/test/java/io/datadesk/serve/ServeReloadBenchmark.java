package io.datadesk.serve;

import io.datadesk.files.TestTrees;
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
 * then edits a paragraph of the page N times and measures the time from each save to the reload event. Then three
 * data edits (a text cell in the last row of a CSV the page loads), which re-run the queries that read it. Prints
 * every time, the median and the worst, and the load average. Targets (issue 17): prose median at most 100 ms, worst
 * at most 250 ms; data edits at most 500 ms.
 *
 * <p>With {@code SERVE_BASELINE_CLASSPATH} set (another build's classes and libraries), a second server runs that
 * build on its own copy and gets every edit too, interleaved, and the ratio of the medians is printed: the figure
 * to trust on a loaded machine. {@code SERVE_CLASSPATH} replaces the server's own class path, {@code SERVE_JAVA_OPTS}
 * adds JVM options (a profiler).
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
        // Another build of datadesk to compare with (SERVE_BASELINE_CLASSPATH: its classes and libraries): both serve
        // their own copy of the project, and each edit is made to both, one after the other, in alternating order, so
        // that both meet the same load on a shared machine. The ratio of their medians is the figure to quote.
        String own = System.getenv("SERVE_CLASSPATH");
        String baseline = System.getenv("SERVE_BASELINE_CLASSPATH");
        List<Server> servers = new ArrayList<>();
        try {
            servers.add(new Server("datadesk", own != null && !own.isBlank() ? own : System.getProperty("java.class.path"), project));
            if (baseline != null && !baseline.isBlank()) servers.add(new Server("baseline", baseline, project));
            for (Server s : servers) s.start();
            Path page = servers.get(0).work.resolve(pageRel);
            String original = Files.readString(page);
            int line = paragraphLine(original);
            System.out.printf("editing %s, line %d (a paragraph), %d times (load average %s)%n", pageRel, line + 1, edits, loadAverage());
            for (int i = 1; i <= edits; i++) {
                String edited = replaceLine(original, line, l -> l + " Edit " + System.nanoTime() + ".");
                for (Server s : inTurn(servers, i)) {
                    long ms = s.save(pageRel, edited);
                    s.prose.add(ms);
                    System.out.printf("  %-8s prose edit %2d: %4d ms%n", s.name, i, ms);
                    Thread.sleep(250); // an author does not save more than a few times a second
                }
            }
            for (Server s : servers) report(s.name + ": prose edits", s.prose, 100, 250);

            if (Files.isRegularFile(servers.get(0).work.resolve(dataRel))) {
                String csv = Files.readString(servers.get(0).work.resolve(dataRel));
                int lastLine = (int) csv.strip().lines().count() - 1;
                for (int i = 1; i <= 3; i++) {
                    int n = i;
                    String edited = replaceLine(csv, lastLine, l -> l.endsWith("\"")
                            ? l.substring(0, l.length() - 1) + " (edit " + n + ")\"" : l + " (edit " + n + ")");
                    for (Server s : inTurn(servers, i)) {
                        long ms = s.save(dataRel, edited);
                        s.data.add(ms);
                        System.out.printf("  %-8s data edit %d (%s): %4d ms%n", s.name, i, dataRel, ms);
                        Thread.sleep(250);
                    }
                }
                for (Server s : servers) report(s.name + ": data edits (the queries reading the file re-run)", s.data, 500, 500);
            }
            if (servers.size() == 2)
                System.out.printf("datadesk/baseline, medians: prose %.2f, data %s (load average %s)%n",
                        median(servers.get(0).prose) / median(servers.get(1).prose),
                        servers.get(0).data.isEmpty() ? "-" : String.format("%.2f", median(servers.get(0).data) / median(servers.get(1).data)),
                        loadAverage());
        } finally {
            for (Server s : servers) s.close();
        }
    }

    /** The servers in the order they get edit {@code i}: alternating, so that neither always goes first. */
    private static List<Server> inTurn(List<Server> servers, int i) {
        List<Server> order = new ArrayList<>(servers);
        if (i % 2 == 0) Collections.reverse(order);
        return order;
    }

    /** One {@code datadesk serve} process on its own copy of the project, and its reload events. */
    private static final class Server implements AutoCloseable {
        final String name;
        final String classpath;
        final Path work;
        final List<Long> prose = new ArrayList<>();
        final List<Long> data = new ArrayList<>();
        Process process;
        Events events;
        long version;

        Server(String name, String classpath, Path project) throws IOException {
            this.name = name;
            this.classpath = classpath;
            this.work = Files.createTempDirectory("datadesk-serve-bench-");
            copyTree(project.resolve("content"), work.resolve("content"));
            copyTree(project.resolve("templates"), work.resolve("templates"));
            if (Files.exists(project.resolve("datadesk.yaml")))
                Files.copy(project.resolve("datadesk.yaml"), work.resolve("datadesk.yaml"));
        }

        void start() throws Exception {
            long startupNanos = System.nanoTime();
            process = new ProcessBuilder(javaCommand(work, classpath)).redirectErrorStream(true).start();
            URI url = awaitServing(process, name);
            System.out.printf("%s: server up in %d ms at %s (load average %s)%n", name, (System.nanoTime() - startupNanos) / 1_000_000,
                    url, loadAverage());
            events = new Events(url.resolve(DevServer.EVENTS_PATH));
            version = events.next(); // the version on connecting
        }

        /** Writes {@code text} to the project's file {@code rel}; the time until the reload event, in ms. */
        long save(String rel, String text) throws Exception {
            long t0 = System.nanoTime();
            Files.writeString(work.resolve(rel), text);
            version = events.after(version);
            return (System.nanoTime() - t0) / 1_000_000;
        }

        @Override
        public void close() throws IOException, InterruptedException {
            if (events != null) events.close();
            if (process != null) {
                process.destroy();
                process.waitFor(10, TimeUnit.SECONDS);
            }
            deleteTree(work);
        }
    }

    private static List<String> javaCommand(Path work, String classpath) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Djava.awt.headless=true"));
        // Extra server JVM options, such as a profiler: SERVE_JAVA_OPTS="-XX:StartFlightRecording=filename=serve.jfr".
        String opts = System.getenv("SERVE_JAVA_OPTS");
        if (opts != null && !opts.isBlank()) command.addAll(List.of(opts.trim().split("\\s+")));
        command.addAll(List.of("-cp", classpath, "io.datadesk.cli.Datadesk", "serve", "--port", "0", "--project", work.toString()));
        return command;
    }

    /** Reads the server's output until it says where it serves; fails if it exits first. */
    private static URI awaitServing(Process server, String name) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        Pattern serving = Pattern.compile("Serving (http://\\S+/)");
        String line;
        while ((line = out.readLine()) != null) {
            System.out.println("  " + name + " | " + line);
            Matcher m = serving.matcher(line);
            if (m.find()) {
                URI url = URI.create(m.group(1));
                Thread drain = new Thread(() -> {
                    try {
                        String l;
                        while ((l = out.readLine()) != null) if (l.contains("error")) System.out.println("  " + name + " | " + l);
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
        long worst = sorted.get(sorted.size() - 1);
        double median = median(times);
        System.out.printf("%s, save to reload event: median %.0f ms (target <= %d), worst %d ms (target <= %d): %s%n",
                what, median, medianTarget, worst, worstTarget,
                median <= medianTarget && worst <= worstTarget ? "met" : "NOT met");
    }

    private static double median(List<Long> times) {
        List<Long> sorted = new ArrayList<>(times);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
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
        if (Files.isDirectory(from)) TestTrees.copy(from, to);
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Collections.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
