package io.datadesk.data;

import io.datadesk.error.ContentException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds a dataset's file. A path is looked up relative to the page's folder first, then relative to the top of
 * {@code content/} (so {@code data/x.csv} finds {@code content/data/x.csv} from any page). A path that leaves
 * the project directory, directly, through {@code ..} or through a symbolic link, is refused: a build must never
 * read arbitrary files such as {@code /etc/passwd} into a published page.
 */
public final class DataPaths {

    private final Path projectRoot;
    private final Path contentRoot;

    public DataPaths(Path projectRoot, Path contentRoot) {
        this.projectRoot = projectRoot.toAbsolutePath().normalize();
        this.contentRoot = contentRoot.toAbsolutePath().normalize();
    }

    public Path projectRoot() {
        return projectRoot;
    }

    /** The file of {@code spec} for a page in {@code pageDir}, as an absolute real path inside the project. */
    public Path resolve(Path pageDir, DatasetSpec spec) {
        String declared = spec.path().replace('\\', '/');
        Path rel;
        try {
            rel = Path.of(declared);
        } catch (InvalidPathException e) {
            throw new ContentException(spec.error("dataset '" + spec.name() + "': invalid path '" + declared + "'", ""));
        }
        if (rel.isAbsolute() || declared.startsWith("/") || declared.matches("^[A-Za-z]:.*"))
            throw new ContentException(spec.error("dataset '" + spec.name() + "': absolute path '" + declared + "' is not allowed",
                    "write the path relative to the page, e.g. data/file.csv; data files must be inside the project"));
        List<Path> candidates = new ArrayList<>();
        candidates.add(pageDir.toAbsolutePath().normalize().resolve(rel).normalize());
        Path fromContent = contentRoot.resolve(rel).normalize();
        if (!candidates.contains(fromContent)) candidates.add(fromContent);
        for (Path c : candidates) {
            if (!c.startsWith(projectRoot)) continue;
            if (Files.isRegularFile(c)) return checkReal(c, spec);
        }
        if (candidates.stream().noneMatch(c -> c.startsWith(projectRoot)))
            throw new ContentException(spec.error("dataset '" + spec.name() + "': path '" + declared + "' leaves the project directory",
                    "data files must be inside the project; copy the file into the page's data/ folder"));
        List<String> tried = candidates.stream().filter(c -> c.startsWith(projectRoot)).map(this::display).toList();
        throw new ContentException(spec.error("dataset '" + spec.name() + "': " + spec.format().title() + " file not found: " + tried.get(0),
                "looked in " + String.join(" and ", tried) + "; paths are relative to the page's folder, or to content/"));
    }

    private Path checkReal(Path file, DatasetSpec spec) {
        try {
            Path real = file.toRealPath();
            if (!real.startsWith(projectRoot.toRealPath()))
                throw new ContentException(spec.error("dataset '" + spec.name() + "': '" + spec.path()
                        + "' is a link to a file outside the project directory", "copy the file into the project instead"));
            return file; // not `real`: messages show the path as the author knows it
        } catch (IOException e) {
            throw new ContentException(spec.error("dataset '" + spec.name() + "': cannot read " + display(file) + ": " + e, ""));
        }
    }

    /** {@code file} relative to the project, with '/' separators, as shown in messages. */
    public String display(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Path shown = abs.startsWith(projectRoot) ? projectRoot.relativize(abs) : abs;
        return shown.toString().replace('\\', '/');
    }
}
