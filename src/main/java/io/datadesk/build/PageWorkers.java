package io.datadesk.build;

import io.datadesk.error.Diagnostics;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs one step of the build for every page on all cores. Results and problems come back in the pages' order,
 * whatever order the threads finish in, so a parallel build writes the same bytes and reports the same errors in the
 * same order as a one-thread build.
 *
 * <p>With one thread the work runs in the calling thread: that is the reference the parallel build is tested
 * against. Threads are daemons, started on first use and kept for the builder's life ({@code serve} rebuilds).
 */
final class PageWorkers {

    /** The number of threads a build uses unless told otherwise: {@code -Ddatadesk.threads=N}, else every core. */
    static int defaultThreads() {
        Integer n = Integer.getInteger("datadesk.threads");
        return n != null && n > 0 ? n : Runtime.getRuntime().availableProcessors();
    }

    private final int threads;
    private ExecutorService pool;

    PageWorkers(int threads) {
        this.threads = Math.max(1, threads);
    }

    int threads() {
        return threads;
    }

    /**
     * Applies {@code work} to every item. A {@link io.datadesk.error.ContentException} from an item is added to
     * {@code problems} (in item order) and gives a null result; any other exception is a bug and is rethrown, the
     * first in item order.
     */
    <T, R> List<R> each(List<T> items, Function<T, R> work, Diagnostics problems) {
        List<Outcome<R>> outcomes = new ArrayList<>(items.size());
        if (threads == 1 || items.size() < 2) {
            for (T item : items) outcomes.add(run(item, work));
        } else {
            List<Future<Outcome<R>>> futures = new ArrayList<>(items.size());
            for (T item : items) futures.add(pool().submit(() -> run(item, work)));
            try {
                for (Future<Outcome<R>> f : futures) outcomes.add(await(f));
            } finally {
                // After an interruption or an Error, pages still queued are not worked on.
                if (outcomes.size() < futures.size()) futures.forEach(f -> f.cancel(true));
            }
        }
        List<R> results = new ArrayList<>(items.size());
        RuntimeException bug = null;
        for (Outcome<R> o : outcomes) {
            problems.addAll(o.problems().list());
            results.add(o.result());
            if (bug == null && o.bug() != null) bug = o.bug();
        }
        if (bug != null) throw bug;
        return results;
    }

    private record Outcome<R>(R result, Diagnostics problems, RuntimeException bug) {}

    private static <T, R> Outcome<R> run(T item, Function<T, R> work) {
        Diagnostics d = new Diagnostics();
        try {
            io.datadesk.error.BuildCancelled.check(); // a cancelled build starts no more pages
            return new Outcome<>(d.collect(() -> work.apply(item)), d, null);
        } catch (RuntimeException e) {
            return new Outcome<>(null, d, e);
        }
    }

    private static <R> Outcome<R> await(Future<Outcome<R>> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            throw io.datadesk.error.BuildCancelled.after(e);
        } catch (ExecutionException e) {
            // run() catches RuntimeExceptions; what arrives here is an Error (such as OutOfMemoryError)
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        }
    }

    private synchronized ExecutorService pool() {
        if (pool == null) {
            AtomicInteger n = new AtomicInteger();
            pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "datadesk-page-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        }
        return pool;
    }
}
