package io.datadesk.serve;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The Server-Sent Events stream that tells open pages to reload. Each event carries the site's version (a counter
 * raised by every build that changed something, or whose success or errors changed); a page reloads when the version
 * differs from the one it was served with. The current version is also sent on connecting, so a page that missed
 * an event while its connection was down (or while the server restarted) catches up.
 */
final class ReloadEvents {

    private static final String CLOSE = "\u0000close";
    private static final long HEARTBEAT_SECONDS = 15; // lets a closed tab's connection be noticed and dropped

    private final Set<BlockingQueue<String>> clients = ConcurrentHashMap.newKeySet();

    /** Serves one client until it goes away or the server stops; blocks the calling thread. */
    void stream(HttpExchange exchange, LongSupplier version) throws IOException {
        BlockingQueue<String> queue = new LinkedBlockingQueue<>();
        clients.add(queue); // before reading the version, so that no event falls between the two
        try (exchange) {
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            send(out, "retry: 500\n\n" + event(version.getAsLong()));
            while (true) {
                String message = queue.poll(HEARTBEAT_SECONDS, TimeUnit.SECONDS);
                if (CLOSE.equals(message)) break;
                send(out, message == null ? ": ping\n\n" : message);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the tab was closed or reloaded
        } finally {
            clients.remove(queue);
        }
    }

    void reload(long version) {
        String e = event(version);
        for (BlockingQueue<String> q : clients) q.add(e);
    }

    int clientCount() {
        return clients.size();
    }

    void close() {
        for (BlockingQueue<String> q : clients) q.add(CLOSE);
    }

    private static String event(long version) {
        return "event: reload\ndata: " + version + "\n\n";
    }

    private static void send(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
