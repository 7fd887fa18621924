package io.datadesk.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.datadesk.build.BuildOptions;
import io.datadesk.build.BuildResult;
import io.datadesk.build.SiteBuilder;
import io.datadesk.build.SiteFiles;
import io.datadesk.config.SiteConfig;
import io.datadesk.error.ContentException;
import io.datadesk.error.Diagnostic;
import io.datadesk.error.InternalErrorLog;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code datadesk serve}: builds the site, serves it over HTTP, rebuilds when an input changes and tells open pages
 * to reload. A failed rebuild leaves the last good site in place and shows the errors over every page until a
 * rebuild succeeds.
 *
 * <p>Rebuilds run on one thread. Changes that arrive close together (an editor's save is often several file events)
 * are collected until the inputs have been quiet for {@link #QUIET_MILLIS}, then built once; changes that arrive
 * during a build are kept and built right after it, never dropped.
 */
public final class DevServer implements AutoCloseable {

    /**
     * How long inputs must be quiet before a rebuild starts: an editor's save is a few file events within a
     * millisecond or two. Every save waits this long, so it is kept short (was 30 ms, a third of the 100 ms a prose
     * edit may take); a save that still comes later cancels the build it started.
     */
    static final long QUIET_MILLIS = 10;
    /** A rebuild starts at the latest this long after the first change, even if changes keep coming. */
    static final long MAX_WAIT_MILLIS = 500;
    /** Edits the warm-up runs after the first build: each compiles more of an edit's path (see {@link #warmUp}). */
    static final int WARM_UP_ROUNDS = 3;
    static final String EVENTS_PATH = "/__datadesk/events";
    static final String RELOAD_SCRIPT_ID = "datadesk-reload";
    /** Threads answering requests for files: enough to keep the cores busy, few enough not to thrash under load. */
    static final int FILE_THREADS = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
    /** Open reload-event streams (one per open tab), each holding a thread; more are refused with 503. */
    static final int MAX_EVENT_STREAMS = 64;
    /** Connections the operating system queues before we accept them: a short queue drops bursts of clients. */
    private static final int BACKLOG = 1024;

    /** Files up to this size are answered from memory after their first request (see {@link #responses}). */
    static final int CACHED_FILE_MAX = 1 << 20;
    /** At most this many bytes of answers are kept; past it the cache starts again empty. */
    static final long CACHE_MAX = 64L << 20;

    private static final Pattern BODY_END = Pattern.compile("(?i)</body\\s*>");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    /**
     * @param host the address to listen on: 127.0.0.1 unless the author asks, so the draft site is not on the network
     * @param port 0 for any free port
     */
    public record Options(BuildOptions build, String host, int port, boolean quiet, boolean verbose) {}

    private final Options options;
    private final PrintWriter out;
    private final PrintWriter err;
    private final SiteBuilder builder;
    private final ReloadEvents events = new ReloadEvents();
    private final Object lock = new Object();
    private final Set<Path> pending = new LinkedHashSet<>();
    private boolean dirty;
    private long firstChangeNanos;
    private long lastChangeNanos;
    private volatile boolean running = true;
    /** Whether the build thread is building (a change then cancels that build) rather than waiting. */
    private volatile boolean building;
    private volatile long version = 1;
    private volatile List<Diagnostic> errors = List.of();
    private volatile boolean hasSite;
    private SiteFiles lastGood;
    private HttpServer http;
    private ExecutorService executor;
    private ThreadPoolExecutor streams;
    private SiteWatcher watcher;
    /**
     * Answers to requests for files, by raw request path, each valid for the site version it was made for: a page
     * with its reload script (and the overlay, while a build fails) already put in, a static file's bytes. Under load
     * (200 clients on 2 cores) reading, stat-ing and rewriting every file on every request took most of the server's
     * time. A build that changes the site raises the version, so an answer never outlives the files it was read from.
     */
    private final ConcurrentHashMap<String, Answer> responses = new ConcurrentHashMap<>();
    private final AtomicLong cachedBytes = new AtomicLong();

    private record Answer(long version, String type, byte[] body) {}
    private Thread buildThread;
    private int builds;

    private DevServer(Options options, PrintWriter out, PrintWriter err) {
        this.options = options;
        this.out = out;
        this.err = err;
        this.builder = new SiteBuilder(options.build()).storeLater(); // stored after the reload event: see rebuild
    }

    /** Builds once, then serves and watches. A first build that fails still starts the server, showing the errors. */
    public static DevServer start(Options options, PrintWriter out, PrintWriter err) throws IOException {
        DevServer s = new DevServer(options, out, err);
        try {
            s.watch(); // before the first build, so that a save during it is built right after it, not missed
            s.rebuild(Set.of());
            s.listen();
            s.startBuilding();
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
        return s;
    }

    public int port() {
        return http.getAddress().getPort();
    }

    /** The address of the home page. */
    public URI url() {
        InetAddress bound = http.getAddress().getAddress();
        // A wildcard address is not one a browser can open; this computer is reachable as 127.0.0.1 anyway.
        String host = bound.isAnyLocalAddress() ? "127.0.0.1"
                : options.host().contains(":") ? "[" + options.host() + "]" : options.host();
        return URI.create("http://" + host + ":" + port() + "/");
    }

    /** Raised by every build that changed the site or its errors; what reload events carry. */
    public long version() {
        return version;
    }

    /** The problems of the last build; empty when it succeeded. */
    public List<Diagnostic> errors() {
        return errors;
    }

    /** How many builds ran, the first included. */
    synchronized int buildCount() {
        return builds;
    }

    /** Asks for a rebuild as if {@code changed} had been saved (null: unknown). */
    public void changed(Path changed) {
        synchronized (lock) {
            long now = System.nanoTime();
            if (!dirty) firstChangeNanos = now;
            dirty = true;
            lastChangeNanos = now;
            if (changed != null) pending.add(changed);
            lock.notifyAll();
        }
        // A newer save supersedes the build under way: it stops at its next check and the loop builds again.
        Thread t = buildThread;
        if (building && t != null) t.interrupt();
    }

    private void listen() throws IOException {
        // Headers and body go out as separate writes: with Nagle's algorithm the body then waits for the client's
        // delayed acknowledgement of the headers (tens of ms per request). Read once, when the server classes load.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) System.setProperty("sun.net.httpserver.nodelay", "true");
        http = HttpServer.create(new InetSocketAddress(options.host(), options.port()), BACKLOG);
        // Bounded threads: a cached pool grew one thread per waiting client, and 200 clients on 2 cores then waited
        // seconds for each other. Files are quick, so a few threads and a queue serve them fastest.
        executor = Executors.newFixedThreadPool(FILE_THREADS, daemon("datadesk-http"));
        // Event streams block their thread for as long as the tab is open: a pool of their own, so that they never
        // take the threads that serve files, and bounded, so that a flood of them cannot exhaust the machine.
        streams = new ThreadPoolExecutor(0, MAX_EVENT_STREAMS, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), daemon("datadesk-events"));
        http.setExecutor(executor);
        http.createContext("/", this::handle);
        http.start();
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    private void watch() throws IOException {
        BuildOptions b = options.build();
        watcher = new SiteWatcher(List.of(b.contentDir(), b.templatesDir(), b.projectDir().resolve(io.datadesk.read.Partials.FOLDER)),
                List.of(b.projectDir().resolve(SiteConfig.FILE_NAME)), this::changed);
        watcher.start();
    }

    private void startBuilding() {
        buildThread = new Thread(this::buildLoop, "datadesk-build");
        buildThread.setDaemon(true);
        buildThread.start();
    }

    private void buildLoop() {
        warmUp();
        while (running) {
            Set<Path> changes;
            try {
                changes = awaitChanges();
            } catch (InterruptedException e) {
                if (!running) return;
                continue; // a save that came just as the last build ended: its change is pending
            }
            rebuild(changes);
        }
    }

    /**
     * Runs the steps of a prose edit once in memory ({@link SiteBuilder#warmUp}), so that the author's first save
     * does not run them cold: it took twice the time of the saves after it. Runs on the build thread while nothing
     * is to be built, and a save stops it as it stops a build, so a real edit waits at most for the step under way.
     * Changes nothing that is served or stored.
     */
    private void warmUp() {
        building = true; // from here a save interrupts the warm-up
        try {
            synchronized (lock) {
                if (dirty || !hasSite) return;
            }
            builder.warmUp(WARM_UP_ROUNDS);
        } catch (io.datadesk.error.BuildCancelled e) {
            // a save came: it is built next
        } catch (RuntimeException | Error e) {
            // Nothing depends on the warm-up: the first edit is only slower. Said where it helps to know.
            if (options.verbose()) {
                out.println(clock() + " warm-up skipped: " + e);
                out.flush();
            }
        } finally {
            building = false;
            Thread.interrupted(); // an interrupt that stopped the warm-up is not for the build that follows
        }
    }

    /** A build superseded by a newer save: nothing was published; its changes are built with the newer ones. */
    private void cancelled(Set<Path> changes) {
        Thread.interrupted();
        synchronized (lock) {
            pending.addAll(changes);
            if (!dirty) firstChangeNanos = lastChangeNanos = System.nanoTime();
            dirty = true;
        }
        if (running && options.verbose()) {
            out.println(clock() + " build cancelled by a newer save");
            out.flush();
        }
    }

    /** Waits for a change, then until changes have stopped for a moment; takes what has changed. */
    private Set<Path> awaitChanges() throws InterruptedException {
        synchronized (lock) {
            while (!dirty) lock.wait();
            while (true) {
                long now = System.nanoTime();
                long quietLeft = QUIET_MILLIS - (now - lastChangeNanos) / 1_000_000;
                long maxLeft = MAX_WAIT_MILLIS - (now - firstChangeNanos) / 1_000_000;
                long wait = Math.min(quietLeft, maxLeft);
                if (wait <= 0) break;
                lock.wait(wait);
            }
            Set<Path> changes = new LinkedHashSet<>(pending);
            pending.clear();
            dirty = false;
            return changes;
        }
    }

    private void rebuild(Set<Path> changes) {
        long start = System.nanoTime();
        String cause = describe(changes);
        boolean first;
        synchronized (this) {
            first = builds++ == 0;
        }
        try {
            Thread.interrupted(); // a cancellation that came after the last build ended is not for this one
            building = true;
            BuildResult result;
            try {
                result = builder.build();
            } finally {
                building = false;
            }
            SiteFiles site = builder.lastSite();
            List<String> written = lastGood == null ? new ArrayList<>(site.paths()) : site.changedSince(lastGood);
            boolean recovered = !errors.isEmpty();
            lastGood = site;
            hasSite = true;
            errors = List.of();
            if (!written.isEmpty() || recovered) bump();
            if (!options.quiet()) {
                long ms = (System.nanoTime() - start) / 1_000_000;
                out.println(first ? "Built " + result.summary() : clock() + " " + cause + line(result, written, recovered, ms));
                if (options.verbose() && !first) {
                    out.println("    " + result.summary());
                    for (String w : written) out.println("    updated " + w);
                }
                out.flush();
            }
            // What the next process reuses (the page store) is written after the browser was told to reload: nothing
            // it shows waits on it.
            builder.storeNow();
        } catch (io.datadesk.error.BuildCancelled e) {
            cancelled(changes);
        } catch (ContentException e) {
            // an error met while stopping (such as a write interrupted mid-way) is not the author's
            if (Thread.currentThread().isInterrupted()) cancelled(changes);
            else reportFailure(e.diagnostics(), cause, start);
        } catch (RuntimeException | Error e) {
            // A bug, not the author's fault (or a resource running out, such as the stack on absurdly nested input):
            // still keep serving, say so where the author is looking, and rebuild on the next save. An Error that
            // escaped here would end the build thread and no save would ever be built again.
            reportFailure(List.of(new Diagnostic("", 0, 0, InternalErrorLog.record(e),
                    "save again to rebuild; if it happens again, please report it with the log file")), cause, start);
        }
    }

    private void reportFailure(List<Diagnostic> problems, String cause, long start) {
        boolean same = problems.equals(errors);
        errors = problems;
        if (!same) bump();
        long ms = (System.nanoTime() - start) / 1_000_000;
        err.println(clock() + " " + cause + "build failed in " + ms + " ms; "
                + (hasSite ? "still serving the last good site" : "nothing to serve yet") + ":");
        for (Diagnostic d : problems) {
            err.println(d.format());
            SourceExcerpt.of(d, options.build().projectDir()).ifPresent(x -> err.print(x.toText()));
        }
        int n = problems.size();
        err.println(n + " error" + (n == 1 ? "" : "s") + ".");
        err.flush();
    }

    private void bump() {
        responses.clear();
        cachedBytes.set(0);
        version++;
        events.reload(version);
    }

    private String describe(Set<Path> changes) {
        if (changes.isEmpty()) return "";
        // Editors save through temporary files that are gone by now: name a file that is still there.
        List<Path> existing = changes.stream().filter(Files::exists).toList();
        List<Path> named = existing.isEmpty() ? List.copyOf(changes) : existing;
        String first = options.build().display(named.get(0));
        return first + (named.size() > 1 ? " and " + (named.size() - 1) + " more" : "") + " changed: ";
    }

    private static String line(BuildResult r, List<String> written, boolean recovered, long ms) {
        if (written.isEmpty() && !recovered) return "no change to the site (" + ms + " ms)";
        List<String> pages = r.pages().stream().map(p -> p.isEmpty() ? "/" : p).toList();
        StringBuilder sb = new StringBuilder("rebuilt ");
        sb.append(pages.isEmpty() ? "no pages" : pages.size() <= 4 ? String.join(", ", pages)
                : String.join(", ", pages.subList(0, 3)) + " and " + (pages.size() - 3) + " more pages");
        sb.append(", ").append(written.size()).append(" file").append(written.size() == 1 ? "" : "s").append(" updated");
        if (r.queriesRun() + r.queriesCached() > 0)
            sb.append(", ").append(r.queriesRun()).append(" quer").append(r.queriesRun() == 1 ? "y" : "ies").append(" run, ")
                    .append(r.queriesCached()).append(" cached");
        if (r.charts() > 0) sb.append(", ").append(r.charts()).append(" chart").append(r.charts() == 1 ? "" : "s");
        if (recovered) sb.append(", errors fixed");
        return sb.append(" in ").append(ms).append(" ms").toString();
    }

    private static String clock() {
        return LocalTime.now().format(CLOCK);
    }

    // ---- HTTP ----

    private void handle(HttpExchange ex) throws IOException {
        boolean handedOff = false;
        try {
            String method = ex.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                ex.getResponseHeaders().set("Allow", "GET, HEAD");
                send(ex, 405, "text/plain; charset=utf-8", "Method not allowed\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (!allowedHost(ex)) {
                send(ex, 403, "text/plain; charset=utf-8", "This server only answers to localhost.\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String rawPath = ex.getRequestURI().getRawPath();
            if (EVENTS_PATH.equals(rawPath)) {
                try {
                    streams.execute(() -> {
                        try {
                            events.stream(ex, this::version);
                        } catch (IOException e) {
                            // the tab went away
                        }
                    });
                    handedOff = true;
                } catch (RejectedExecutionException e) {
                    ex.getResponseHeaders().set("Retry-After", "5");
                    send(ex, 503, "text/plain; charset=utf-8", "Too many open pages.\n".getBytes(StandardCharsets.UTF_8));
                }
                return;
            }
            serveFile(ex, rawPath);
        } catch (IOException e) {
            // the browser went away mid-response
        } finally {
            if (!handedOff) ex.close();
        }
    }

    /**
     * On a loopback address, only requests addressed to this computer by exactly one of its loopback names (or the
     * address given with {@code --host}) are answered: otherwise a web page elsewhere could use DNS rebinding (its
     * own host name, such as {@code 127.0.0.1.nip.io}, pointed at 127.0.0.1) to read the drafts being served. A
     * prefix test is not enough: {@code 127.evil.com} is a name anyone can register.
     */
    private boolean allowedHost(HttpExchange ex) {
        if (!http.getAddress().getAddress().isLoopbackAddress()) return true;
        String host = ex.getRequestHeaders().getFirst("Host");
        if (host == null) return true; // HTTP/1.0 clients such as simple scripts; browsers always send Host
        return allowedHostName(host, options.host());
    }

    /** Whether a Host header (name, optional port) names this computer: see {@link #allowedHost}. */
    static boolean allowedHostName(String hostHeader, String listenHost) {
        String host = hostHeader.trim().toLowerCase(Locale.ROOT);
        String name;
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            if (end < 0) return false;
            name = host.substring(0, end + 1);
            String rest = host.substring(end + 1);
            if (!rest.isEmpty() && !rest.matches(":[0-9]{1,5}")) return false;
        } else {
            int colon = host.indexOf(':');
            name = colon < 0 ? host : host.substring(0, colon);
            if (colon >= 0 && !host.substring(colon).matches(":[0-9]{1,5}")) return false;
        }
        String given = listenHost == null ? "" : listenHost.toLowerCase(Locale.ROOT);
        if (given.contains(":") && !given.startsWith("[")) given = "[" + given + "]";
        return name.equals("localhost") || name.equals("127.0.0.1") || name.equals("[::1]") || name.equals(given);
    }

    private void serveFile(HttpExchange ex, String rawPath) throws IOException {
        long v = version; // taken before reading: an answer read while a build publishes is kept for the older version
        Answer cached = rawPath == null ? null : responses.get(rawPath);
        if (cached != null && cached.version() == v) {
            send(ex, 200, cached.type(), cached.body());
            return;
        }
        Path root = options.build().outDir();
        Optional<Path> found = SitePaths.resolve(root, rawPath == null ? "" : rawPath);
        if (found.isPresent() && Files.isDirectory(found.get())) {
            if (!rawPath.endsWith("/")) {
                String query = ex.getRequestURI().getRawQuery();
                ex.getResponseHeaders().set("Location", rawPath + "/" + (query == null ? "" : "?" + query));
                send(ex, 301, "text/plain; charset=utf-8", new byte[0]);
                return;
            }
            found = SitePaths.resolve(root, rawPath + "index.html");
        }
        if (found.isEmpty() || !Files.isRegularFile(found.get())) {
            notFound(ex, root);
            return;
        }
        Path file = found.get();
        String name = file.getFileName().toString();
        String type = ContentTypes.of(name);
        if (ContentTypes.isHtml(name)) {
            byte[] body = page(Files.readString(file, StandardCharsets.UTF_8));
            remember(rawPath, v, type, body);
            send(ex, 200, type, body);
            return;
        }
        long size = Files.size(file);
        if (size <= CACHED_FILE_MAX) {
            byte[] body = Files.readAllBytes(file);
            remember(rawPath, v, type, body);
            send(ex, 200, type, body);
            return;
        }
        // A large file (a big CSV download) is streamed, not held in memory.
        ex.getResponseHeaders().set("Content-Type", type);
        headers(ex);
        if (ex.getRequestMethod().equals("HEAD")) {
            ex.sendResponseHeaders(200, -1);
            return;
        }
        ex.sendResponseHeaders(200, size);
        try (InputStream in = Files.newInputStream(file); OutputStream body = ex.getResponseBody()) {
            in.transferTo(body);
        }
    }

    private void remember(String rawPath, long version, String type, byte[] body) {
        if (body.length > CACHED_FILE_MAX) return;
        if (cachedBytes.addAndGet(body.length) > CACHE_MAX) { // bounded memory, whatever paths are asked for
            responses.clear();
            cachedBytes.set(0);
            return;
        }
        responses.put(rawPath, new Answer(version, type, body));
    }

    private void notFound(HttpExchange ex, Path root) throws IOException {
        List<Diagnostic> problems = errors;
        if (!hasSite && !problems.isEmpty()) {
            send(ex, 500, "text/html; charset=utf-8", page(ErrorPage.page(problems, options.build().projectDir())));
            return;
        }
        Optional<Path> custom = SitePaths.resolve(root, "/404.html");
        String html = custom.isPresent() && Files.isRegularFile(custom.get()) ? Files.readString(custom.get(), StandardCharsets.UTF_8)
                : "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Not found</title></head><body><p>Not found.</p></body></html>";
        send(ex, 404, "text/html; charset=utf-8", page(html));
    }

    /**
     * A page as the browser gets it while serving: with the reload script, and with the errors over it when the last
     * build failed. Built files never contain either.
     */
    private byte[] page(String html) {
        StringBuilder inject = new StringBuilder();
        List<Diagnostic> problems = errors;
        if (!problems.isEmpty() && !html.contains("id=\"" + ErrorPage.ELEMENT_ID + "\""))
            inject.append(ErrorPage.overlay(problems, options.build().projectDir()));
        inject.append(reloadScript(version));
        Matcher m = BODY_END.matcher(html);
        int at = -1;
        while (m.find()) at = m.start();
        String result = at < 0 ? html + inject : html.substring(0, at) + inject + html.substring(at);
        return result.getBytes(StandardCharsets.UTF_8);
    }

    static String reloadScript(long version) {
        return "<script id=\"" + RELOAD_SCRIPT_ID + "\">(function(){var v='" + version + "';"
                + "var s=new EventSource('" + EVENTS_PATH + "');"
                + "s.addEventListener('reload',function(e){if(e.data!==v){s.close();location.reload();}});})();</script>";
    }

    private static void headers(HttpExchange ex) {
        // Always fresh while authoring: a reload must show the rebuilt file, not a cached one.
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        headers(ex);
        boolean head = ex.getRequestMethod().equals("HEAD");
        ex.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream o = ex.getResponseBody()) {
                o.write(body);
            }
        }
    }

    @Override
    public void close() {
        running = false;
        events.close();
        if (watcher != null) {
            try {
                watcher.close();
            } catch (IOException ignored) {
                // stopping anyway
            }
        }
        if (buildThread != null) buildThread.interrupt();
        if (http != null) http.stop(0);
        if (executor != null) executor.shutdownNow();
        if (streams != null) streams.shutdownNow();
    }
}
