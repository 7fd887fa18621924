package io.datadesk.serve;

import io.datadesk.build.BuildOptions;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code serve} under load (not a test): serves a copy of the project in-process, then N clients (default 200) each
 * request a static file, then a page, over and over for S seconds (default 60), each request on a new connection as
 * a browser's first load does. Prints the median, 95th and 99th percentile and the worst latency for static files and
 * for pages, and how many requests failed or took over 30 s. Target (issue 18): static files' 95th percentile under
 * 100 ms with 200 clients on a 2-core machine.
 *
 * <p>Arguments: {@code [clients] [seconds]}.
 */
public final class ServeLoadBenchmark {

    public static void main(String[] args) throws Exception {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        Path project = Files.createTempDirectory("datadesk-serve-load");
        Files.createDirectories(project.resolve("content/story"));
        Files.writeString(project.resolve("datadesk.yaml"), "title: Load\n");
        Files.writeString(project.resolve("content/index.md"), "---\ntitle: Home\n---\nHello.\n");
        Files.writeString(project.resolve("content/story/index.md"), "---\ntitle: Story\n---\n" + "A paragraph of the story.\n\n".repeat(40));
        Files.write(project.resolve("content/story/photo.bin"), new byte[20_000]);
        BuildOptions build = BuildOptions.defaults(project).withTemplates(Path.of("templates").toAbsolutePath()).withOut(Path.of("served"));
        PrintWriter quiet = new PrintWriter(OutputStream.nullOutputStream());
        try (DevServer server = DevServer.start(new DevServer.Options(build, "127.0.0.1", 0, true, false), quiet, quiet)) {
            int port = server.port();
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            List<Long> files = Collections.synchronizedList(new ArrayList<>());
            List<Long> pages = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger failed = new AtomicInteger();
            List<Thread> threads = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                Thread t = new Thread(() -> {
                    boolean page = false;
                    while (System.nanoTime() < end) {
                        long start = System.nanoTime();
                        boolean ok = get(port, page ? "/story/" : "/story/photo.bin");
                        long ms = (System.nanoTime() - start) / 1_000_000;
                        if (!ok) failed.incrementAndGet();
                        else (page ? pages : files).add(ms);
                        page = !page;
                    }
                });
                threads.add(t);
                t.start();
            }
            for (Thread t : threads) t.join();
            System.out.printf("serve under load: %d clients for %d s, %d cores%n", clients, seconds, Runtime.getRuntime().availableProcessors());
            report("static file", files);
            report("page", pages);
            System.out.println("failed or over 30 s: " + failed.get());
        }
    }

    private static void report(String what, List<Long> ms) {
        List<Long> s = new ArrayList<>(ms);
        Collections.sort(s);
        if (s.isEmpty()) {
            System.out.println(what + ": no requests");
            return;
        }
        System.out.printf("%-12s requests %6d  median %5d ms  p95 %5d ms  p99 %5d ms  worst %6d ms%n", what, s.size(),
                s.get(s.size() / 2), s.get((int) (s.size() * 0.95)), s.get((int) (s.size() * 0.99)), s.get(s.size() - 1));
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
