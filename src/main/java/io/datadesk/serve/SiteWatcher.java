package io.datadesk.serve;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Watches the inputs of a site: folder trees ({@code content/}, {@code templates/}) recursively, and single files
 * ({@code datadesk.yaml}) through their folder. The JDK's WatchService watches one folder per registration, so every
 * folder of a tree is registered, and folders created later are registered as they appear. A tree that does not
 * exist yet is picked up when it is created.
 *
 * <p>Each relevant change is reported with its path ({@code null} when events were lost and anything may have
 * changed); grouping bursts into one rebuild is the caller's business.
 */
final class SiteWatcher implements Closeable {

    private final WatchService service;
    private final List<Path> trees;
    private final List<Path> files;
    private final Consumer<Path> onChange;
    private final Map<WatchKey, Path> keys = new ConcurrentHashMap<>();
    private final Thread thread;

    SiteWatcher(List<Path> trees, List<Path> files, Consumer<Path> onChange) throws IOException {
        this.service = FileSystems.getDefault().newWatchService();
        this.trees = trees.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        this.files = files.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        this.onChange = onChange;
        for (Path tree : this.trees) {
            if (Files.isDirectory(tree)) registerTree(tree);
            else if (tree.getParent() != null && Files.isDirectory(tree.getParent())) register(tree.getParent());
        }
        for (Path f : this.files) if (f.getParent() != null && Files.isDirectory(f.getParent())) register(f.getParent());
        this.thread = new Thread(this::run, "datadesk-watch");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void run() {
        try {
            while (true) {
                WatchKey key = service.take();
                Path dir = keys.get(key);
                for (WatchEvent<?> event : key.pollEvents()) {
                    if (event.kind() == OVERFLOW || dir == null) {
                        onChange.accept(null);
                        continue;
                    }
                    Path changed = dir.resolve((Path) event.context());
                    if (event.kind() == ENTRY_CREATE && Files.isDirectory(changed) && isWatched(changed)) {
                        registerTree(changed); // files written into it before registration are found by the rebuild
                    }
                    if (isRelevant(changed)) onChange.accept(changed);
                }
                if (!key.reset()) keys.remove(key);
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // stopped
        } catch (IOException e) {
            onChange.accept(null);
        }
    }

    /** Inside a watched tree (or is one), and not hidden: editors' swap and backup files are not content. */
    private boolean isRelevant(Path p) {
        if (files.contains(p)) return true;
        if (!isWatched(p)) return false;
        String name = p.getFileName().toString();
        return !name.startsWith(".") && !name.endsWith("~");
    }

    private boolean isWatched(Path p) {
        for (Path tree : trees) {
            if (!p.startsWith(tree)) continue;
            for (Path part : tree.relativize(p)) if (part.toString().startsWith(".")) return false;
            return true;
        }
        return false;
    }

    private void registerTree(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path dir : s.filter(Files::isDirectory).toList()) if (isWatched(dir)) register(dir);
        }
    }

    private void register(Path dir) throws IOException {
        keys.put(dir.register(service, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE), dir);
    }

    @Override
    public void close() throws IOException {
        service.close();
        thread.interrupt();
    }
}
