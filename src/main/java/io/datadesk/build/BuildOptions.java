package io.datadesk.build;

import java.nio.file.Path;

/**
 * What to build and where.
 *
 * @param projectDir the project folder: holds {@code datadesk.yaml}; messages name files relative to it, and data
 *     paths may not leave it
 * @param write false for {@code datadesk check}: everything is built and checked, nothing replaces the output
 * @param refresh true for {@code --refresh}: database datasets are queried again whatever their {@code refresh:}
 */
public record BuildOptions(Path projectDir, Path contentDir, Path templatesDir, Path outDir, boolean drafts, boolean write,
                           boolean refresh) {

    public BuildOptions(Path projectDir, Path contentDir, Path templatesDir, Path outDir, boolean drafts, boolean write) {
        this(projectDir, contentDir, templatesDir, outDir, drafts, write, false);
    }

    public BuildOptions {
        projectDir = projectDir.toAbsolutePath().normalize();
        contentDir = projectDir.resolve(contentDir).normalize();
        templatesDir = projectDir.resolve(templatesDir).normalize();
        outDir = projectDir.resolve(outDir).normalize();
    }

    /** The usual layout: {@code content/}, {@code templates/}, {@code site/} in {@code projectDir}. */
    public static BuildOptions defaults(Path projectDir) {
        return new BuildOptions(projectDir, Path.of("content"), Path.of("templates"), Path.of("site"), false, true);
    }

    public BuildOptions withOut(Path out) {
        return new BuildOptions(projectDir, contentDir, templatesDir, out, drafts, write, refresh);
    }

    public BuildOptions withDrafts(boolean d) {
        return new BuildOptions(projectDir, contentDir, templatesDir, outDir, d, write, refresh);
    }

    public BuildOptions withWrite(boolean w) {
        return new BuildOptions(projectDir, contentDir, templatesDir, outDir, drafts, w, refresh);
    }

    public BuildOptions withContent(Path c) {
        return new BuildOptions(projectDir, c, templatesDir, outDir, drafts, write, refresh);
    }

    public BuildOptions withTemplates(Path t) {
        return new BuildOptions(projectDir, contentDir, t, outDir, drafts, write, refresh);
    }

    public BuildOptions withRefresh(boolean r) {
        return new BuildOptions(projectDir, contentDir, templatesDir, outDir, drafts, write, r);
    }

    /** A path as shown in messages: relative to the project when inside it. */
    public String display(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        return (abs.startsWith(projectDir) ? projectDir.relativize(abs) : abs).toString().replace('\\', '/');
    }
}
