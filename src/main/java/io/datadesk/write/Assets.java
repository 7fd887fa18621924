package io.datadesk.write;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The theme's static files ({@code templates/assets/}), published under {@code assets/} with a content hash in each
 * name ({@code site.css} → {@code site.3f2a9c1b7d.css}) so browsers may cache them forever. {@code url(...)} references
 * between assets (CSS to fonts) are rewritten to the hashed names.
 *
 * @param files logical name (path under templates/assets, '/' separated) → published site path
 * @param contents published site path → bytes
 */
public record Assets(Map<String, String> files, Map<String, byte[]> contents) {

    private static final Pattern CSS_URL = Pattern.compile("url\\(\\s*(['\"]?)([^'\")]+)\\1\\s*\\)");

    public static Assets none() {
        return new Assets(Map.of(), Map.of());
    }

    /** Reads and hashes every file under {@code dir}. */
    public static Assets load(Path dir) {
        if (!Files.isDirectory(dir)) return none();
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).sorted().toList())
                files.put(dir.relativize(p).toString().replace('\\', '/'), read(p));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return of(files);
    }

    /** Hashes the given files (logical name → bytes); CSS last, so its references can use the other hashes. */
    public static Assets of(Map<String, byte[]> files) {
        List<String> all = files.keySet().stream().sorted().toList();
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, byte[]> contents = new LinkedHashMap<>();
        for (boolean css : new boolean[] {false, true}) {
            for (String logical : all) {
                if (logical.endsWith(".css") != css) continue;
                byte[] bytes = files.get(logical);
                if (css) bytes = rewriteUrls(new String(bytes, StandardCharsets.UTF_8), logical, names).getBytes(StandardCharsets.UTF_8);
                String published = "assets/" + hashed(logical, bytes);
                names.put(logical, published);
                contents.put(published, bytes);
            }
        }
        return new Assets(Map.copyOf(names), Map.copyOf(contents));
    }

    /** The site path of a logical asset name, e.g. {@code css/site.css}. */
    public String path(String logical) {
        String p = files.get(logical);
        if (p == null) throw new IllegalArgumentException("no asset '" + logical + "' in templates/assets; assets: " + files.keySet());
        return p;
    }

    public void writeTo(StagedSite site) {
        contents.forEach(site::write);
    }

    static String hashed(String logical, byte[] bytes) {
        String hash = sha256(bytes).substring(0, 10);
        int dot = logical.lastIndexOf('.');
        int slash = logical.lastIndexOf('/');
        return dot > slash ? logical.substring(0, dot) + "." + hash + logical.substring(dot) : logical + "." + hash;
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String rewriteUrls(String css, String cssLogical, Map<String, String> names) {
        String cssDir = cssLogical.contains("/") ? cssLogical.substring(0, cssLogical.lastIndexOf('/') + 1) : "";
        Matcher m = CSS_URL.matcher(css);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String ref = m.group(2);
            String target = Path.of(cssDir + ref).normalize().toString().replace('\\', '/');
            String published = names.get(target);
            String replacement = m.group();
            if (published != null && !ref.contains(":")) {
                // Both live under assets/, so the reference stays relative to the CSS file's folder.
                String fromDir = "assets/" + cssDir;
                replacement = "url(" + m.group(1) + relative(fromDir, published) + m.group(1) + ")";
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String relative(String fromDir, String to) {
        Path rel = Path.of(fromDir.isEmpty() ? "." : fromDir).relativize(Path.of(to));
        return rel.toString().replace('\\', '/');
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
