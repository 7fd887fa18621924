package io.datadesk.serve;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code serve} under load (not a test). Starts {@code datadesk serve} as a separate process (a second JVM, as an
 * author runs it, so that the figures measure the server and not client threads competing with it inside one JVM)
 * on a small project, then N clients (default 200) each request a static file, then a page, over and over for S
 * seconds (default 60), each request on a new connection as a browser's first load does. Prints the median, 95th and
 * 99th percentile and the worst latency for static files and for pages, how many requests failed or took over 30 s,
 * and the load average. Target (issue 18): static files' 95th percentile under 100 ms with 200 clients on a 2-core
 * machine. The clients share the machine with the server, as a browser would.
 *
 * <p>With {@code SERVE_BASELINE_CLASSPATH} set (another build's classes and libraries), a second server runs that
 * build, and the clients load the two in turn, in 5-second slices (ABBA order), so that both meet the same load from
 * the rest of the machine; the ratio of their 95th percentiles is printed. {@code SERVE_CLASSPATH} replaces the
 * server's own class path, {@code SERVE_JAVA_OPTS} adds JVM options (a profiler).
 *
 * <p>Arguments: {@code [clients] [seconds]}.
 */
public final class ServeLoadBenchmark {

    private static final long SLICE_NANOS = 5_000_000_000L;

    public static void main(String[] args) throws Exception {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        String own = System.getenv("SERVE_CLASSPATH");
        String baseline = System.getenv("SERVE_BASELINE_CLASSPATH");
        List<Server> servers = new ArrayList<>();
        try {
            servers.add(new Server("datadesk", own != null && !own.isBlank() ? own : System.getProperty("java.class.path")));
            if (baseline != null && !baseline.isBlank()) servers.add(new Server("baseline", baseline));
            for (Server s : servers) s.start();
            System.out.printf("serve under load: %d clients for %d s, %d cores, server%s in %s (load average before %s)%n",
                    clients, seconds, Runtime.getRuntime().availableProcessors(), servers.size() > 1 ? "s" : "",
                    servers.size() > 1 ? "separate processes, loaded in turn" : "a separate process", loadAverage());
            run(servers, clients, seconds);
            for (Server s : servers) {
                System.out.println(s.name + ":");
                report("static file", s.files);
                report("page", s.pages);
                System.out.println("  failed or over 30 s: " + s.failed.get());
            }
            if (servers.size() == 2)
                System.out.printf("datadesk/baseline: static p95 %.2f, median %.2f; page p95 %.2f%n",
                        ratio(servers, s -> percentile(s.files, 0.95)), ratio(servers, s -> percentile(s.files, 0.5)),
                        ratio(servers, s -> percentile(s.pages, 0.95)));
            System.out.println("load average after: " + loadAverage());
        } finally {
            for (Server s : servers) s.close();
        }
    }

    /** All clients load one server at a time; the server under load changes every slice, in the order A B B A A B… */
    private static void run(List<Server> servers, int clients, int seconds) throws InterruptedException {
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        AtomicReference<Server> current = new AtomicReference<>(servers.get(0));
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Thread t = new Thread(() -> {
                boolean page = false;
                while (System.nanoTime() < end) {
                    Server s = current.get();
                    long t0 = System.nanoTime();
                    boolean ok = get(s.port, page ? "/story/" : "/story/photo.bin");
                    long ms = (System.nanoTime() - t0) / 1_000_000;
                    if (!ok || ms >= 30_000) s.failed.incrementAndGet();
                    else (page ? s.pages : s.files).add(ms);
                    page = !page;
                }
            });
            threads.add(t);
            t.start();
        }
        if (servers.size() > 1) {
            for (long slice = 1; System.nanoTime() < end; slice++) {
                long next = start + slice * SLICE_NANOS;
                TimeUnit.NANOSECONDS.sleep(Math.max(0, Math.min(next, end) - System.nanoTime()));
                current.set(servers.get((int) ((slice + 1) / 2 % 2))); // slices 0..: A B B A A B B A …
            }
        }
        for (Thread t : threads) t.join();
    }

    /** One {@code datadesk serve} process on its own copy of a small project: a page and a 20 KB file. */
    private static final class Server implements AutoCloseable {
        final String name;
        final String classpath;
        final Path project;
        final List<Long> files = Collections.synchronizedList(new ArrayList<>());
        final List<Long> pages = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger failed = new AtomicInteger();
        Process process;
        int port;

        Server(String name, String classpath) throws IOException {
            this.name = name;
            this.classpath = classpath;
            project = Files.createTempDirectory("datadesk-serve-load");
            Files.createDirectories(project.resolve("content/story"));
            Files.writeString(project.resolve("datadesk.yaml"), "title: Load\n");
            Files.writeString(project.resolve("content/index.md"), "---\ntitle: Home\n---\nHello.\n");
            Files.writeString(project.resolve("content/story/index.md"), "---\ntitle: Story\n---\n" + "A paragraph of the story.\n\n".repeat(40));
            Files.write(project.resolve("content/story/photo.bin"), new byte[20_000]);
        }

        void start() throws IOException {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            // As bin/datadesk starts serve.
            List<String> command = new ArrayList<>(List.of(java, "-Djava.awt.headless=true", "-XX:+UseSerialGC"));
            String opts = System.getenv("SERVE_JAVA_OPTS");
            if (opts != null && !opts.isBlank()) command.addAll(List.of(opts.trim().split("\\s+")));
            command.addAll(List.of("-cp", classpath, "io.datadesk.cli.Datadesk", "serve", "--port", "0", "--project", project.toString(),
                    "--templates", Path.of("templates").toAbsolutePath().toString()));
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
            port = awaitServing(process).getPort();
        }

        /** Reads the server's output until it says where it serves; fails if it exits first. */
        private URI awaitServing(Process p) throws IOException {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            Pattern serving = Pattern.compile("Serving (http://\\S+/)");
            String line;
            while ((line = out.readLine()) != null) {
                Matcher m = serving.matcher(line);
                if (m.find()) {
                    Thread drain = new Thread(() -> {
                        try {
                            while (out.readLine() != null) {
                                // the server's log is not part of the figures
                            }
                        } catch (IOException ignored) {
                            // the server stopped
                        }
                    }, "server-output");
                    drain.setDaemon(true);
                    drain.start();
                    return URI.create(m.group(1));
                }
                System.out.println("  " + name + " | " + line);
            }
            throw new IllegalStateException(name + ": the server exited before serving");
        }

        @Override
        public void close() throws IOException, InterruptedException {
            if (process != null) {
                process.destroy();
                process.waitFor(10, TimeUnit.SECONDS);
            }
            try (Stream<Path> s = Files.walk(project)) {
                for (Path p : s.sorted(Collections.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
    }

    private static double ratio(List<Server> servers, java.util.function.ToLongFunction<Server> figure) {
        return (double) figure.applyAsLong(servers.get(0)) / Math.max(1, figure.applyAsLong(servers.get(1)));
    }

    private static long percentile(List<Long> ms, double p) {
        List<Long> s = new ArrayList<>(ms);
        Collections.sort(s);
        return s.isEmpty() ? 0 : s.get(Math.min(s.size() - 1, (int) (s.size() * p)));
    }

    private static void report(String what, List<Long> ms) {
        List<Long> s = new ArrayList<>(ms);
        Collections.sort(s);
        if (s.isEmpty()) {
            System.out.println("  " + what + ": no requests");
            return;
        }
        System.out.printf("  %-12s requests %6d  median %5d ms  p95 %5d ms  p99 %5d ms  worst %6d ms%n", what, s.size(),
                percentile(s, 0.5), percentile(s, 0.95), percentile(s, 0.99), s.get(s.size() - 1));
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static boolean get(int port, String path) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 30_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            in.transferTo(body);
            return body.toString(StandardCharsets.ISO_8859_1).startsWith("HTTP/1.1 200");
        } catch (Exception e) {
            return false;
        }
    }
}
