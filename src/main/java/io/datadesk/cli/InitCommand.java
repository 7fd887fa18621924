package io.datadesk.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code datadesk init DIR}: a new site that builds at once. */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = {"Create a new datadesk site in DIR (or '.'): datadesk.yaml, content/index.md, an example report "
                + "with a small dataset, .gitignore and a GitHub Pages workflow that installs this datadesk version.",
                "Never overwrites anything: if one of these files exists, nothing is created."})
final class InitCommand implements Callable<Integer> {

    /** The example report's folder under content/. */
    static final String EXAMPLE_SLUG = "first-report";

    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "Folder of the new site; created if missing ('.' for the current folder).")
    String dir;

    @Option(names = "--title", paramLabel = "TEXT", description = "The site's name (default: made from the folder name).")
    String title;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path root;
        try {
            if (dir.isBlank()) throw new InvalidPathException(dir, "empty");
            root = Path.of(dir).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            err.println("datadesk init: '" + dir + "' is not a folder name.");
            err.println("  hint: give the folder of the new site, e.g. datadesk init my-site, or '.' for this folder");
            return Datadesk.USAGE_ERROR;
        }
        for (Path p = root; p != null; p = p.getParent()) {
            if (Files.exists(p) && !Files.isDirectory(p)) {
                err.println("datadesk init: " + p + " is a file, not a folder; nothing was created.");
                err.println("  hint: choose a folder that does not exist yet or is empty, e.g. datadesk init my-site");
                return Datadesk.USAGE_ERROR;
            }
        }
        String siteTitle = title != null && !title.isBlank() ? title.strip() : titleOf(root);
        Map<String, String> files = files(siteTitle);
        List<String> existing = files.keySet().stream().filter(rel -> Files.exists(root.resolve(rel), java.nio.file.LinkOption.NOFOLLOW_LINKS)).toList();
        if (!existing.isEmpty()) {
            err.println("datadesk init: " + root + " already has " + String.join(", ", existing) + "; nothing was changed.");
            err.println("  hint: choose a new or empty folder; to add a report to an existing site, use datadesk new SLUG");
            return Datadesk.CONTENT_ERROR;
        }
        List<Path> created = new ArrayList<>();
        try {
            for (Map.Entry<String, String> f : files.entrySet()) {
                Path target = root.resolve(f.getKey());
                createDirectories(target.getParent(), created);
                // CREATE_NEW: never overwrite, even if the file appeared since the check above.
                Files.writeString(target, f.getValue(), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
                created.add(target);
            }
        } catch (IOException e) {
            undo(created);
            err.println("datadesk init: cannot create the site in " + root + ": " + e + "; nothing was left behind.");
            return Datadesk.CONTENT_ERROR;
        }
        String shown = dir.equals(".") ? "this folder" : dir;
        out.println("Created a datadesk site in " + shown + ":");
        files.keySet().forEach(rel -> out.println("  " + rel));
        out.println("Next: " + (dir.equals(".") ? "" : "cd " + dir + " && ") + "datadesk serve --open");
        out.flush();
        return 0;
    }

    /** Every file of a new site by its path in the site, in the order they are written. */
    static Map<String, String> files(String siteTitle) {
        String version = Datadesk.version();
        // A snapshot is never released: its workflow installs the release it leads to.
        String release = version.replaceFirst("-SNAPSHOT$", "");
        Map<String, String> vars = Map.of("@TITLE@", NewCommand.yamlQuoted(siteTitle), "@SLUG@", EXAMPLE_SLUG,
                "@VERSION@", release, "@REPOSITORY@", Datadesk.REPOSITORY);
        Map<String, String> files = new LinkedHashMap<>();
        files.put("datadesk.yaml", resource("datadesk.yaml", vars));
        files.put("content/index.md", resource("index.md", vars));
        files.put("content/" + EXAMPLE_SLUG + "/index.md", NewCommand.page("Your first report", LocalDate.now()));
        files.put("content/" + EXAMPLE_SLUG + "/data/sales.csv", NewCommand.EXAMPLE_CSV);
        files.put(".gitignore", resource("gitignore", vars));
        files.put(".github/workflows/pages.yml", resource("pages.yml", vars));
        return files;
    }

    private static String resource(String name, Map<String, String> vars) {
        try (InputStream in = InitCommand.class.getResourceAsStream("init/" + name)) {
            if (in == null) throw new IllegalStateException("missing resource io/datadesk/cli/init/" + name);
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (Map.Entry<String, String> v : vars.entrySet()) text = text.replace(v.getKey(), v.getValue());
            return text;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read resource io/datadesk/cli/init/" + name, e);
        }
    }

    private static void createDirectories(Path d, List<Path> created) throws IOException {
        if (d == null || Files.isDirectory(d)) return;
        createDirectories(d.getParent(), created);
        Files.createDirectory(d);
        created.add(d);
    }

    /** Removes what a failed init created, newest first, so a failure leaves the folder as it was. */
    private static void undo(List<Path> created) {
        for (int i = created.size() - 1; i >= 0; i--) {
            try {
                Files.deleteIfExists(created.get(i));
            } catch (IOException ignored) {
                // best effort: the error message already says the init failed
            }
        }
    }

    /** "my-site" → "My site"; the current folder's name for "." */
    static String titleOf(Path root) {
        Path name = root.getFileName();
        String words = name == null ? "" : name.toString().replaceAll("[-_.]+", " ").strip();
        if (words.isEmpty()) return "My datadesk site";
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
