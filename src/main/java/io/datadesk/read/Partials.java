package io.datadesk.read;

import io.datadesk.error.ContentException;
import io.datadesk.error.Diagnostic;
import io.datadesk.error.Suggest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Pieces of Markdown an author reuses across pages (a methodology note, a box of key figures), kept as
 * {@code partials/NAME.md} in the project and included in a page by a line of its own: {@code {{> NAME }}}. The
 * partial's text takes the place of that line before the page is parsed, so it may hold anything a page body holds
 * (prose, queries, charts, tables, inline values, other partials), computed with the including page's data.
 * Errors inside a partial are reported at the partial's own file and line ({@link LineMap}).
 */
public final class Partials {

    /** The folder of partials, relative to the project. */
    public static final String FOLDER = "partials";

    static final int MAX_DEPTH = 16;
    private static final Pattern INCLUDE = Pattern.compile("^ {0,3}\\{\\{>\\s*([^}\\s]*)\\s*}}\\s*$");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*");
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})");

    private final Map<String, String> texts; // name -> text
    private final String displayDir;
    private final String hash;

    private Partials(Map<String, String> texts, String displayDir) {
        this.texts = texts;
        this.displayDir = displayDir;
        this.hash = sha256(texts.toString());
    }

    public static Partials none() {
        return new Partials(Map.of(), FOLDER);
    }

    /**
     * Reads every {@code .md} file under {@code dir} (which need not exist).
     *
     * @param displayDir how the folder is named in messages, e.g. {@code partials}
     */
    public static Partials load(Path dir, String displayDir) {
        Map<String, String> texts = new TreeMap<>();
        if (!Files.isDirectory(dir)) return new Partials(texts, displayDir);
        List<Diagnostic> problems = new ArrayList<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                String rel = dir.relativize(p).toString().replace('\\', '/');
                if (!rel.endsWith(".md")) continue;
                try {
                    // the line and column of the first byte that is not UTF-8, as for pages
                    texts.put(rel.substring(0, rel.length() - 3), io.datadesk.error.Utf8Text.decode(Files.readAllBytes(p), displayDir + "/" + rel));
                } catch (ContentException e) {
                    problems.addAll(e.diagnostics());
                }
            }
        } catch (IOException e) {
            throw new ContentException(new Diagnostic(displayDir, 0, 0, "cannot read the partials folder: " + e.getMessage(), ""));
        }
        if (!problems.isEmpty()) throw new ContentException(problems);
        return new Partials(texts, displayDir);
    }

    /** Changes whenever any partial does: part of each page's cache key. */
    public String hash() {
        return hash;
    }

    public java.util.Set<String> names() {
        return texts.keySet();
    }

    /** A page body with its includes replaced by the partials' text, and where each line came from. */
    public record Expanded(String text, LineMap lines) {}

    /**
     * Replaces every include line of {@code body} (outside fenced code blocks) with its partial, recursively.
     * Reports every missing partial and include cycle, each at the line of its include.
     *
     * @param file how the page is named in messages
     */
    public Expanded expand(String body, String file) {
        if (!body.contains("{{>")) return new Expanded(body, LineMap.identity());
        List<String> out = new ArrayList<>();
        List<LineMap.Origin> origins = new ArrayList<>();
        List<Diagnostic> problems = new ArrayList<>();
        expandInto(body, file, new ArrayList<>(), out, origins, problems);
        if (!problems.isEmpty()) throw new ContentException(problems);
        return new Expanded(String.join("\n", out), new LineMap(file, origins));
    }

    private void expandInto(String text, String file, List<String> stack, List<String> out,
            List<LineMap.Origin> origins, List<Diagnostic> problems) {
        String[] lines = text.split("\n", -1);
        String fence = null; // the open fence's marker, while inside a fenced code block
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            Matcher f = FENCE.matcher(line);
            if (fence == null && f.find()) {
                fence = f.group(1);
            } else if (fence != null && f.find() && f.group(1).charAt(0) == fence.charAt(0)
                    && f.group(1).length() >= fence.length() && line.strip().equals(f.group(1))) {
                fence = null;
            } else if (fence == null) {
                Matcher m = INCLUDE.matcher(line);
                if (m.matches()) {
                    include(m.group(1), file, i + 1, line.indexOf("{{>") + 1, stack, out, origins, problems);
                    continue;
                }
            }
            out.add(line);
            origins.add(new LineMap.Origin(file, i + 1));
        }
    }

    private void include(String name, String file, int line, int column, List<String> stack, List<String> out,
            List<LineMap.Origin> origins, List<Diagnostic> problems) {
        String problem = null;
        String hint = null;
        String text = texts.get(name);
        if (!NAME.matcher(name).matches()) {
            problem = "'" + name + "' is not a partial name";
            hint = "write {{> NAME }} for the file " + displayDir + "/NAME.md; names use letters, digits, '-', '_' and '/'";
        } else if (text == null) {
            problem = "no partial '" + name + "': " + displayDir + "/" + name + ".md does not exist";
            hint = texts.isEmpty() ? "create " + displayDir + "/" + name + ".md"
                    : "partials: " + String.join(", ", texts.keySet())
                            + Suggest.closest(name, texts.keySet()).map(s -> " (did you mean '" + s + "'?)").orElse("");
        } else if (stack.contains(name)) {
            List<String> cycle = new ArrayList<>(stack.subList(stack.indexOf(name), stack.size()));
            cycle.add(name);
            problem = "include cycle: " + String.join(" → ", cycle);
            hint = "a partial cannot include itself, directly or through others; remove one of these includes";
        } else if (stack.size() >= MAX_DEPTH) {
            problem = "partials nested more than " + MAX_DEPTH + " deep";
            hint = "include fewer partials inside partials";
        }
        if (problem != null) {
            problems.add(new Diagnostic(file, line, column, problem, hint));
            out.add("");
            origins.add(new LineMap.Origin(file, line));
            return;
        }
        stack.add(name);
        // A trailing newline ends the partial's last line; it is not an extra blank line.
        String body = text.replace("\r\n", "\n");
        if (body.endsWith("\n")) body = body.substring(0, body.length() - 1);
        expandInto(body, displayDir + "/" + name + ".md", stack, out, origins, problems);
        stack.remove(stack.size() - 1);
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
