package io.datadesk.error;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether a file found inside a folder really is there: a symbolic link may lead anywhere ({@code notes.txt} →
 * {@code /etc/passwd}), and what it leads to would be published. A link is followed only to a target inside one of
 * the allowed folders (compared by their real paths, so links within the project keep working).
 */
public final class Confined {

    private Confined() {}

    /** Null when {@code file} (after every link) is inside one of {@code roots}; otherwise a located error. */
    public static Diagnostic check(Path file, String displayPath, Path... roots) {
        Path real;
        try {
            real = file.toRealPath();
        } catch (IOException e) {
            return new Diagnostic(displayPath, 0, 0, "cannot follow the symbolic link: " + e.getMessage(),
                    "remove the link, or copy the file it pointed to into the project");
        }
        for (Path root : roots) {
            try {
                if (real.startsWith(root.toRealPath())) return null;
            } catch (IOException e) {
                // a root that does not exist holds nothing
            }
        }
        return new Diagnostic(displayPath, 0, 0, "this file is a symbolic link to " + (Files.isDirectory(real) ? "a folder" : "a file")
                + " outside the project (or the templates folder), which would be published",
                "copy the file into the project instead of linking to it");
    }
}
