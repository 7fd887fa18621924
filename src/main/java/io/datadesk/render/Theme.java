package io.datadesk.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The theme a site is rendered with: the built-in theme shipped inside datadesk, with each file replaced by the
 * site's own file of the same name in its templates folder (Hugo's lookup order, file by file). A site with no
 * templates folder uses the built-in theme as it is; a site that overrides only {@code layout.html} keeps the
 * built-in {@code article.html}, which then includes the site's layout.
 *
 * <p>The built-in theme is the repository's {@code templates/} folder, packaged by Maven into the jar under
 * {@value #RESOURCE_DIR}.
 */
public final class Theme {

    /** Where the built-in theme lives on the class path. */
    public static final String RESOURCE_DIR = "io/datadesk/theme";
    /** How files of the built-in theme are named in messages. */
    public static final String BUILT_IN_DISPLAY = "[built-in theme]";

    /**
     * One file of the theme.
     *
     * @param name path inside the theme, '/' separated: {@code article.html}, {@code assets/site.css}
     * @param display how messages name it: {@code templates/article.html}, or {@code [built-in theme]/article.html}
     * @param builtIn whether it comes from datadesk rather than the site
     */
    public record File(String name, byte[] bytes, String display, boolean builtIn) {
        public String text() {
            return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static volatile Map<String, byte[]> builtIn;

    private final Map<String, File> files;

    private Theme(Map<String, File> files) {
        this.files = Collections.unmodifiableMap(files);
    }

    /**
     * The built-in theme overlaid with the files under {@code siteDir} (which need not exist).
     *
     * @param displayDir how {@code siteDir} is named in messages, e.g. {@code templates}
     */
    public static Theme load(Path siteDir, String displayDir) {
        Map<String, File> all = new TreeMap<>();
        builtInFiles().forEach((name, bytes) -> all.put(name, new File(name, bytes, BUILT_IN_DISPLAY + "/" + name, true)));
        if (Files.isDirectory(siteDir)) {
            io.datadesk.error.Diagnostics problems = new io.datadesk.error.Diagnostics();
            // The folder may itself be a link (a shared theme): walk where it leads, as a walk does not enter a link.
            Path root = real(siteDir);
            try (Stream<Path> s = Files.walk(root)) {
                for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                    String name = root.relativize(p).toString().replace('\\', '/');
                    if (Files.isSymbolicLink(p)) {
                        // A template or asset that links out of the folder would publish whatever it points at.
                        io.datadesk.error.Diagnostic outside = io.datadesk.error.Confined.check(p, displayDir + "/" + name, root);
                        if (outside != null) {
                            problems.add(outside);
                            continue;
                        }
                    }
                    all.put(name, new File(name, Files.readAllBytes(p), displayDir + "/" + name, false));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            problems.throwIfAny();
        }
        return new Theme(all);
    }

    private static Path real(Path dir) {
        try {
            return dir.toRealPath();
        } catch (IOException e) {
            return dir;
        }
    }

    /** Every file, by name, sorted. */
    public Map<String, File> files() {
        return files;
    }

    public File file(String name) {
        return files.get(name);
    }

    /** The Thymeleaf templates (every {@code .html} outside {@code assets/}) by template name (path without .html). */
    public Map<String, File> templates() {
        Map<String, File> t = new TreeMap<>();
        files.forEach((name, f) -> {
            if (name.endsWith(".html") && !name.startsWith("assets/")) t.put(name.substring(0, name.length() - 5), f);
        });
        return t;
    }

    /** The static files under {@code assets/}, by their name inside it. */
    public Map<String, byte[]> assets() {
        Map<String, byte[]> a = new TreeMap<>();
        files.forEach((name, f) -> {
            if (name.startsWith("assets/")) a.put(name.substring("assets/".length()), f.bytes());
        });
        return a;
    }

    /** The files of the built-in theme by name; read from the jar once per process. */
    public static Map<String, byte[]> builtInFiles() {
        Map<String, byte[]> b = builtIn;
        if (b == null) {
            synchronized (Theme.class) {
                if (builtIn == null) builtIn = Collections.unmodifiableMap(readBuiltIn());
                b = builtIn;
            }
        }
        return b;
    }

    private static Map<String, byte[]> readBuiltIn() {
        // The theme is a folder of resources; Java has no "list resources" API, so the folder is listed: a plain
        // folder when running from target/classes, the jar's entries otherwise.
        URL url = Theme.class.getClassLoader().getResource(RESOURCE_DIR + "/layout.html");
        if (url == null) throw new IllegalStateException("the built-in theme is missing from the class path (" + RESOURCE_DIR + ")");
        try {
            if (url.getProtocol().equals("jar")) return readJar(Path.of(((JarURLConnection) url.openConnection()).getJarFileURL().toURI()));
            return walk(Path.of(url.toURI()).getParent());
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot read the built-in theme: " + e.getMessage(), e);
        }
    }

    /**
     * The theme's entries of {@code jar}, read with java.util.jar: the JVM has the jar open already and shares its
     * directory, where a zip file system would load its provider and read the jar's directory again (a tenth of the
     * main thread of a rebuild where nothing changed).
     */
    private static Map<String, byte[]> readJar(Path jar) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        String prefix = RESOURCE_DIR + "/";
        try (JarFile j = new JarFile(jar.toFile())) {
            for (JarEntry e : Collections.list(j.entries())) {
                if (e.isDirectory() || !e.getName().startsWith(prefix)) continue;
                try (InputStream in = j.getInputStream(e)) {
                    files.put(e.getName().substring(prefix.length()), in.readAllBytes());
                }
            }
        }
        return files;
    }

    private static Map<String, byte[]> walk(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        List<Path> all;
        try (Stream<Path> s = Files.walk(root)) {
            all = s.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path p : all) files.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
        return files;
    }
}
