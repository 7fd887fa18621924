package io.datadesk.build;

import io.datadesk.compute.ContentHashes;
import io.datadesk.compute.QueryResultCodec;
import io.datadesk.data.QueryResult;
import io.datadesk.read.TocEntry;
import io.datadesk.render.PageView;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Finished pages remembered across builds, in the project's cache ({@code .datadesk-cache/pages/}): for each page,
 * the hash of everything it was made from (its text, its partials, the site settings, the datadesk code and java
 * that made it), the data files it read with their hashes, and what it became: the view templates see, the rendered
 * HTML with the key it was rendered under, the files published beside it. A new {@code datadesk build} takes an
 * unchanged page from here instead of parsing it, querying its data, drawing its charts and rendering it; when every
 * page comes from here, no Markdown parser, database or template engine is started at all.
 *
 * <p>An entry is a cache: missing, unreadable, corrupt or from another version, it is ignored and the page is made
 * again. Written through a temporary file and a move, so a killed build leaves no half entry. Hand-written binary
 * form (like {@link QueryResultCodec}, whose form holds the query results): versioned, and reading a tampered file
 * cannot instantiate arbitrary classes. Thread-safe: each page has its own file.
 */
final class PageStore {

    private static final int FORMAT = 1;

    /**
     * One page as a build made it.
     *
     * @param inputKey the hash of everything the page was made from except its data files
     * @param deps the data files its front matter can name (absolute path → content hash when it was made)
     * @param viewKey the key of {@code view} (as {@link SiteBuilder} computes it: text, data and settings)
     * @param template the template that renders it; {@code locale} the language tag it is rendered in
     * @param files the files published beside it (site path → bytes)
     * @param cardChart the chart its social card shows, or null
     * @param charts how many charts it has; {@code queries} how many queries it ran or took from the query cache
     * @param renderKey the key {@code html} was rendered under (view, template, site, and the list of pages if the
     *     template lists them)
     */
    record Entry(String inputKey, Map<String, String> deps, String viewKey, PageView view, String template,
                 String locale, Map<String, byte[]> files, String cardChart, int charts, int queries,
                 String renderKey, String html) {}

    private final Path dir;

    /** @param dir the store's folder; null for a builder that remembers nothing across processes */
    PageStore(Path dir) {
        this.dir = dir;
    }

    /** The entry stored under {@code name} (a page's site path), or null when there is none that can be read. */
    Entry load(String name) {
        if (dir == null) return null;
        Path file = fileOf(name);
        try {
            if (!Files.isRegularFile(file)) return null;
            return decode(Files.readAllBytes(file), name);
        } catch (IOException | RuntimeException e) {
            return null; // a damaged entry: the page is simply made again
        }
    }

    /** Stores {@code entry} under {@code name}; a store that cannot be written only costs the next build time. */
    void save(String name, Entry entry) {
        if (dir == null) return;
        Path file = fileOf(name);
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), ".page-", ".tmp");
            try {
                Files.write(tmp, encode(entry, name));
                try {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException | RuntimeException e) {
            // not an error: the cache is an optimisation
        }
    }

    private Path fileOf(String name) {
        String key = ContentHashes.of(name);
        return dir.resolve(key.substring(0, 2)).resolve(key + ".page");
    }

    /**
     * What identifies the code that makes pages: the datadesk jar's (or classes folder's) content, the libraries it
     * names, and the java running it. A page made by another datadesk or another java is made again.
     */
    static String codeKey() {
        return CodeKey.VALUE;
    }

    private static final class CodeKey {
        static final String VALUE = compute();

        private static String compute() {
            StringBuilder sb = new StringBuilder(System.getProperty("java.vendor", "") + " " + System.getProperty("java.version", ""));
            try {
                Path code = Path.of(PageStore.class.getProtectionDomain().getCodeSource().getLocation().toURI());
                if (Files.isRegularFile(code)) {
                    sb.append('\n').append(ContentHashes.file(code)); // the jar; its manifest names the libraries' versions
                } else if (Files.isDirectory(code)) {
                    // Development and tests run from a classes folder: its files' names, sizes and times.
                    try (Stream<Path> s = Files.walk(code)) {
                        for (Path f : s.filter(Files::isRegularFile).sorted().toList())
                            sb.append('\n').append(code.relativize(f)).append(' ').append(Files.size(f)).append(' ')
                                    .append(Files.getLastModifiedTime(f).toMillis());
                    }
                }
            } catch (IOException | URISyntaxException | RuntimeException e) {
                sb.append("\nunknown code ").append(System.nanoTime()); // never reuse what unknown code made
            }
            sb.append('\n').append(System.getProperty("java.class.path", ""));
            return ContentHashes.of(sb.toString());
        }
    }

    // ---- the binary form ----

    private static byte[] encode(Entry e, String name) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096 + (e.html() == null ? 0 : e.html().length() * 2));
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(FORMAT);
            str(out, name);
            str(out, e.inputKey());
            out.writeInt(e.deps().size());
            for (var d : new TreeMap<>(e.deps()).entrySet()) {
                str(out, d.getKey());
                str(out, d.getValue());
            }
            str(out, e.viewKey());
            view(out, e.view());
            str(out, e.template());
            str(out, e.locale());
            out.writeInt(e.files().size());
            for (var f : e.files().entrySet()) {
                str(out, f.getKey());
                out.writeInt(f.getValue().length);
                out.write(f.getValue());
            }
            str(out, e.cardChart());
            out.writeInt(e.charts());
            out.writeInt(e.queries());
            str(out, e.renderKey());
            str(out, e.html());
        } catch (IOException x) {
            throw new UncheckedIOException(x);
        }
        return bytes.toByteArray();
    }

    private static Entry decode(byte[] data, String name) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(data));
        if (in.readInt() != FORMAT) throw new IOException("another format");
        if (!name.equals(str(in))) throw new IOException("another page's entry");
        String inputKey = str(in);
        Map<String, String> deps = new LinkedHashMap<>();
        for (int i = count(in, data); i > 0; i--) deps.put(str(in), str(in));
        String viewKey = str(in);
        PageView view = view(in, data);
        String template = str(in), locale = str(in);
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (int i = count(in, data); i > 0; i--) {
            String path = str(in);
            byte[] b = new byte[count(in, data)];
            in.readFully(b);
            files.put(path, b);
        }
        String cardChart = str(in);
        int charts = in.readInt(), queries = in.readInt();
        String renderKey = str(in), html = str(in);
        if (in.read() != -1) throw new IOException("trailing bytes");
        return new Entry(inputKey, deps, viewKey, view, template, locale, files, cardChart, charts, queries, renderKey, html);
    }

    private static void view(DataOutputStream out, PageView v) throws IOException {
        out.writeBoolean(v != null);
        if (v == null) return;
        str(out, v.title());
        str(out, v.subtitle());
        str(out, v.description());
        str(out, v.author());
        str(out, v.date() == null ? null : v.date().toString());
        str(out, v.updated() == null ? null : v.updated().toString());
        out.writeInt(v.tags().size());
        for (String t : v.tags()) str(out, t);
        str(out, v.lang());
        out.writeInt(v.readingMinutes());
        out.writeInt(v.toc().size());
        for (TocEntry t : v.toc()) {
            out.writeInt(t.level());
            str(out, t.text());
            str(out, t.id());
        }
        str(out, v.content());
        str(out, v.sitePath());
        str(out, v.canonicalUrl());
        out.writeInt(v.results().size());
        for (var r : new TreeMap<>(v.results()).entrySet()) {
            str(out, r.getKey());
            byte[] b = QueryResultCodec.encode(r.getValue(), false);
            out.writeInt(b.length);
            out.write(b);
        }
        out.writeInt(v.sources().size());
        for (PageView.Source s : v.sources()) {
            str(out, s.text());
            str(out, s.url());
        }
        out.writeInt(v.downloads().size());
        for (PageView.Download d : v.downloads()) {
            str(out, d.label());
            str(out, d.sitePath());
        }
        str(out, v.provenance());
    }

    private static PageView view(DataInputStream in, byte[] data) throws IOException {
        if (!in.readBoolean()) return null;
        String title = str(in), subtitle = str(in), description = str(in), author = str(in);
        String date = str(in), updated = str(in);
        List<String> tags = new ArrayList<>();
        for (int i = count(in, data); i > 0; i--) tags.add(str(in));
        String lang = str(in);
        int minutes = in.readInt();
        List<TocEntry> toc = new ArrayList<>();
        for (int i = count(in, data); i > 0; i--) toc.add(new TocEntry(in.readInt(), str(in), str(in)));
        String content = str(in), sitePath = str(in), canonical = str(in);
        Map<String, QueryResult> results = new LinkedHashMap<>();
        for (int i = count(in, data); i > 0; i--) {
            String key = str(in);
            byte[] b = new byte[count(in, data)];
            in.readFully(b);
            results.put(key, QueryResultCodec.decode(b));
        }
        List<PageView.Source> sources = new ArrayList<>();
        for (int i = count(in, data); i > 0; i--) sources.add(new PageView.Source(str(in), str(in)));
        List<PageView.Download> downloads = new ArrayList<>();
        for (int i = count(in, data); i > 0; i--) downloads.add(new PageView.Download(str(in), str(in)));
        String provenance = str(in);
        return new PageView(title, subtitle, description, author, date == null ? null : LocalDate.parse(date),
                updated == null ? null : LocalDate.parse(updated), tags, lang, minutes, toc, content, sitePath, canonical,
                results, sources, downloads, provenance);
    }

    private static int count(DataInputStream in, byte[] data) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > data.length) throw new IOException("bad count");
        return n;
    }

    // Strings of any length (writeUTF stops at 64 KB), null kept apart from empty.
    private static void str(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String str(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n == -1) return null;
        if (n < 0 || n > in.available()) throw new IOException("bad length");
        byte[] b = new byte[n];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }
}
