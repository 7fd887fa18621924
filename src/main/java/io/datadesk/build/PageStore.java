package io.datadesk.build;

import io.datadesk.compute.ContentHashes;
import io.datadesk.compute.QueryResultCodec;
import io.datadesk.data.QueryResult;
import io.datadesk.files.AtomicFiles;
import io.datadesk.render.PageView;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
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

    private static final int FORMAT = 2; // 2: the view written by its record components

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

    /** Whether the store holds no page at all (a new or cleaned project): every page of the build is then made. */
    boolean holdsNothing() {
        return dir == null || !Files.isDirectory(dir);
    }

    /** The entry stored under {@code name} (a page's site path), or null when there is none that can be read. */
    Entry load(String name) {
        return load(name, null);
    }

    /**
     * The entry stored under {@code name} if it was stored under {@code inputKey} (null: whatever its key); null
     * otherwise. A stale entry is recognised from its first bytes, without decoding its view and files (a page being
     * edited in {@code serve} is looked up on every save).
     */
    Entry load(String name, String inputKey) {
        if (dir == null) return null;
        Path file = fileOf(name);
        try {
            if (!Files.isRegularFile(file)) return null;
            return decode(Files.readAllBytes(file), name, inputKey);
        } catch (IOException | RuntimeException e) {
            return null; // a damaged entry: the page is simply made again
        }
    }

    /** Stores {@code entry} under {@code name}; a store that cannot be written only costs the next build time. */
    void save(String name, Entry entry) {
        if (dir == null) return;
        Path file = fileOf(name);
        try {
            AtomicFiles.write(file, encode(entry, name));
        } catch (IOException | RuntimeException e) {
            // not an error: the cache is an optimisation
        }
    }

    /**
     * Deletes the entries of every name not in {@code names} (pages deleted or renamed since they were stored), and
     * leftovers of killed writes, so the store does not grow with every page a project ever had. Returns how many
     * files it deleted.
     */
    int retainOnly(java.util.Collection<String> names) {
        if (dir == null || !Files.isDirectory(dir)) return 0;
        java.util.Set<Path> keep = new java.util.HashSet<>();
        for (String name : names) keep.add(fileOf(name));
        int deleted = 0;
        try (Stream<Path> files = Files.walk(dir, 2)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                if (keep.contains(f)) continue;
                // a temporary file may belong to a build writing right now: only old ones are leftovers
                if (!f.getFileName().toString().endsWith(".page") && isRecent(f)) continue;
                if (Files.deleteIfExists(f)) deleted++;
            }
        } catch (IOException | RuntimeException e) {
            // not an error: the next build tries again
        }
        return deleted;
    }

    private static boolean isRecent(Path f) throws IOException {
        return Files.getLastModifiedTime(f).toMillis() > System.currentTimeMillis() - 10 * 60_000;
    }

    /**
     * One folder for all entries, as for the query cache (see {@code FileQueryCache}): a folder per first two
     * characters cost a folder made per page of a cold build. Entries of that earlier layout are deleted by
     * {@link #retainOnly}, which looks one folder deep.
     */
    private Path fileOf(String name) {
        String key = ContentHashes.of(name);
        return dir.resolve(key + ".page");
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
                    sb.append('\n').append(jarKey(code)); // the jar; its manifest names the libraries' versions
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

    /** Where {@code mvn package} writes the hash of the code into the jar (pom.xml, step {@code code-hash}). */
    static final String CODE_HASH_ENTRY = "META-INF/datadesk/code-hash";

    /**
     * What identifies the code of {@code jar}: the hash {@code mvn package} wrote into it, of the classes and
     * resources it packs and the pom.xml that names the libraries' versions; else (a jar made otherwise) the jar's
     * content hash. Reading the written hash spares a new or cleaned project hashing the whole jar (SHA-256 under
     * the quick compiler, which does not use the CPU's SHA instructions: a sixth of an empty site's main thread).
     * It is not kept in the per-user cache: that folder holds the launcher's class-data archive alone.
     */
    static String jarKey(Path jar) {
        try (JarFile j = new JarFile(jar.toFile(), false)) {
            JarEntry e = j.getJarEntry(CODE_HASH_ENTRY);
            if (e != null) {
                String hash;
                try (InputStream in = j.getInputStream(e)) {
                    hash = new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip();
                }
                if (hash.matches("[0-9a-f]{64}")) return "packaged " + hash;
            }
        } catch (IOException | RuntimeException e) {
            // not a readable jar: its content hash below
        }
        return ContentHashes.file(jar);
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

    private static Entry decode(byte[] data, String name, String expectedKey) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(data));
        if (in.readInt() != FORMAT) throw new IOException("another format");
        if (!name.equals(str(in))) throw new IOException("another page's entry");
        String inputKey = str(in);
        if (expectedKey != null && !expectedKey.equals(inputKey)) return null;
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

    // The view is written by walking its record components, so a component someone adds to PageView (or to the
    // records in it) is stored without touching this class; a component of a type not handled here makes the page
    // unstorable (it is then made by every build), never wrong.
    private static void view(DataOutputStream out, PageView v) throws IOException {
        value(out, PageView.class, v);
    }

    private static PageView view(DataInputStream in, byte[] data) throws IOException {
        return (PageView) value(in, PageView.class, data);
    }

    private static void value(DataOutputStream out, java.lang.reflect.Type type, Object v) throws IOException {
        out.writeBoolean(v != null);
        if (v == null) return;
        Class<?> raw = raw(type);
        if (raw == String.class) str(out, (String) v);
        else if (raw == int.class || raw == Integer.class) out.writeInt((Integer) v);
        else if (raw == long.class || raw == Long.class) out.writeLong((Long) v);
        else if (raw == boolean.class || raw == Boolean.class) out.writeBoolean((Boolean) v);
        else if (raw == double.class || raw == Double.class) out.writeDouble((Double) v);
        else if (raw == LocalDate.class) str(out, v.toString());
        else if (raw.isEnum()) str(out, ((Enum<?>) v).name());
        else if (raw == QueryResult.class) {
            byte[] b = QueryResultCodec.encode((QueryResult) v, false);
            out.writeInt(b.length);
            out.write(b);
        } else if (raw == List.class) {
            List<?> list = (List<?>) v;
            out.writeInt(list.size());
            for (Object o : list) value(out, argument(type, 0), o);
        } else if (raw == Map.class) {
            Map<?, ?> map = (Map<?, ?>) v;
            out.writeInt(map.size());
            for (var e : map.entrySet()) {
                value(out, argument(type, 0), e.getKey());
                value(out, argument(type, 1), e.getValue());
            }
        } else if (raw.isRecord()) {
            for (var c : raw.getRecordComponents()) {
                try {
                    value(out, c.getGenericType(), c.getAccessor().invoke(v));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalArgumentException("cannot read " + c, e);
                }
            }
        } else {
            throw new IllegalArgumentException("the page store cannot keep a " + raw.getName());
        }
    }

    private static Object value(DataInputStream in, java.lang.reflect.Type type, byte[] data) throws IOException {
        if (!in.readBoolean()) return null;
        Class<?> raw = raw(type);
        if (raw == String.class) return str(in);
        if (raw == int.class || raw == Integer.class) return in.readInt();
        if (raw == long.class || raw == Long.class) return in.readLong();
        if (raw == boolean.class || raw == Boolean.class) return in.readBoolean();
        if (raw == double.class || raw == Double.class) return in.readDouble();
        if (raw == LocalDate.class) return LocalDate.parse(str(in));
        if (raw.isEnum()) return enumValue(raw, str(in));
        if (raw == QueryResult.class) {
            byte[] b = new byte[count(in, data)];
            in.readFully(b);
            return QueryResultCodec.decode(b);
        }
        if (raw == List.class) {
            List<Object> list = new ArrayList<>();
            for (int i = count(in, data); i > 0; i--) list.add(value(in, argument(type, 0), data));
            return list;
        }
        if (raw == Map.class) {
            Map<Object, Object> map = new LinkedHashMap<>();
            for (int i = count(in, data); i > 0; i--) map.put(value(in, argument(type, 0), data), value(in, argument(type, 1), data));
            return map;
        }
        if (raw.isRecord()) {
            var components = raw.getRecordComponents();
            Object[] args = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                args[i] = value(in, components[i].getGenericType(), data);
                types[i] = components[i].getType();
            }
            try {
                return raw.getDeclaredConstructor(types).newInstance(args);
            } catch (ReflectiveOperationException e) {
                throw new IOException("cannot make a " + raw.getName(), e);
            }
        }
        throw new IOException("the page store cannot keep a " + raw.getName());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumValue(Class<?> raw, String name) {
        return Enum.valueOf((Class) raw, name);
    }

    private static Class<?> raw(java.lang.reflect.Type type) {
        if (type instanceof Class<?> c) return c;
        if (type instanceof java.lang.reflect.ParameterizedType p) return (Class<?>) p.getRawType();
        throw new IllegalArgumentException("the page store cannot keep a " + type);
    }

    private static java.lang.reflect.Type argument(java.lang.reflect.Type type, int i) {
        if (type instanceof java.lang.reflect.ParameterizedType p) return p.getActualTypeArguments()[i];
        throw new IllegalArgumentException("the page store needs the element type of " + type);
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
