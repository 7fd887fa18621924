package io.datadesk.build;

import io.datadesk.compute.ContentHashes;
import io.datadesk.files.AtomicFiles;
import io.datadesk.read.Partials;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The whole site as the last {@code datadesk build} wrote it ({@code .datadesk-cache/site}), under a fingerprint of
 * everything it was made from: the datadesk code and java, the build's options, {@code datadesk.yaml}, every file
 * under the content, partials and templates folders, and the data files its pages read. A new build whose inputs
 * have the same fingerprint writes these files and stops: it reads no settings, pages or templates, decodes no
 * stored page and writes no feed, sitemap or card (profile of a rebuild where nothing changed, before: about
 * three quarters of the build's own time went to exactly that, re-making the same bytes from the page store).
 *
 * <p>Only a site all of whose inputs are files is kept: a build with a page that reads a database (refreshed by
 * age, not by any file) or with notes from the database or message stage keeps none. The fingerprint is taken
 * before the build reads anything, so a file edited during a build makes the next build a full one. A cache: a
 * missing, damaged or stale snapshot is ignored.
 */
final class SiteSnapshot {

    private static final int FORMAT = 1;

    /** What the build that wrote the site reported, as a new process building the same inputs reports it. */
    record Summary(List<String> pages, int staticFiles, int charts, int queries, List<String> notes) {}

    /** A snapshot whose inputs are still the same: the site's files and what to report. */
    record Restored(SiteFiles site, Summary summary) {}

    private final Path file;

    SiteSnapshot(Path file) {
        this.file = file;
    }

    /** One part of the inputs' fingerprint: a label, followed by the hash of {@code file} when there is one. */
    private record Part(String label, Path file) {
        String text() {
            return file == null ? label : label + ContentHashes.file(file);
        }
    }

    /**
     * The fingerprint of the inputs a build reads besides its pages' data files, or null when the layout cannot be
     * fingerprinted safely (the cache or output folder inside a folder that is walked).
     */
    static String inputs(BuildOptions options, Path cacheDir) {
        List<Path> folders = List.of(options.contentDir(), options.projectDir().resolve(Partials.FOLDER), options.templatesDir());
        for (Path dir : folders)
            if (cacheDir.startsWith(dir) || options.outDir().startsWith(dir)) return null;
        List<String> parts = new ArrayList<>();
        parts.add("site-v" + FORMAT);
        parts.add(PageStore.codeKey());
        parts.add(options.projectDir() + "\n" + options.contentDir() + "\n" + options.templatesDir() + "\n" + options.drafts());
        parts.add(ContentHashes.file(options.projectDir().resolve(io.datadesk.config.SiteConfig.FILE_NAME)));
        // Each part in order: a folder's label alone, or a file's label to which the file's hash is appended.
        List<Part> order = new ArrayList<>();
        try {
            for (Path dir : folders) {
                order.add(new Part("folder " + dir, null));
                if (!Files.isDirectory(dir)) continue;
                Path root = dir.toRealPath(); // a linked theme folder is read where it leads, as Theme does
                try (Stream<Path> walk = Files.walk(root)) {
                    // every file, hidden ones too: one the build ignores only costs a full build when it changes
                    for (Path f : walk.filter(Files::isRegularFile).sorted().toList())
                        order.add(new Part(root.relativize(f) + "=", f));
                }
            }
            // Hashed on every core: this runs before the first page starts, and SHA-256 is plain Java under the
            // launcher's C1-only JIT (no intrinsic), so one thread hashing every page of a large site was on the
            // build's critical path (3-5 % of a cold 1,000-page build). An ordered stream keeps the parts in order.
            parts.addAll(order.parallelStream().map(Part::text).toList());
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return ContentHashes.combine(parts.toArray(String[]::new));
    }

    /** The site kept under {@code inputs}, if its data files are unchanged too; null otherwise. */
    Restored restore(String inputs) {
        if (!Files.isRegularFile(file)) return null;
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            if (in.readInt() != FORMAT || !in.readUTF().equals(inputs)) return null;
            int deps = in.readInt();
            for (int i = 0; i < deps; i++) {
                Path dep = Path.of(in.readUTF());
                if (!in.readUTF().equals(ContentHashes.file(dep))) return null;
            }
            List<String> pages = strings(in);
            int staticFiles = in.readInt(), charts = in.readInt(), queries = in.readInt();
            List<String> notes = strings(in);
            SiteFiles site = SiteFiles.decode(in);
            return new Restored(site, new Summary(pages, staticFiles, charts, queries, notes));
        } catch (IOException | RuntimeException e) {
            return null; // damaged: the build is made in full
        }
    }

    /** Keeps {@code site} under {@code inputs} and the data files read ({@code deps}: path → hash the build used). */
    void save(String inputs, Map<String, String> deps, Summary summary, SiteFiles site) {
        try {
            AtomicFiles.write(file, raw -> {
                DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw, 1 << 16));
                out.writeInt(FORMAT);
                out.writeUTF(inputs);
                Map<String, String> sorted = new TreeMap<>(deps);
                out.writeInt(sorted.size());
                for (Map.Entry<String, String> d : sorted.entrySet()) {
                    out.writeUTF(d.getKey());
                    out.writeUTF(d.getValue());
                }
                strings(out, summary.pages());
                out.writeInt(summary.staticFiles());
                out.writeInt(summary.charts());
                out.writeInt(summary.queries());
                strings(out, summary.notes());
                site.encode(out);
                out.flush();
            });
        } catch (IOException | RuntimeException e) {
            delete(); // not an error: the next build is made in full
        }
    }

    /** Forgets the kept site: the last build's inputs cannot be fingerprinted. */
    void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // an unreadable leftover is ignored by restore's checks
        }
    }

    private static List<String> strings(DataInputStream in) throws IOException {
        int n = in.readInt();
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(in.readUTF());
        return out;
    }

    private static void strings(DataOutputStream out, List<String> list) throws IOException {
        out.writeInt(list.size());
        for (String s : list) out.writeUTF(s);
    }
}
