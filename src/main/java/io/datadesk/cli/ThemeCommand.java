package io.datadesk.cli;

import io.datadesk.build.BuildOptions;
import io.datadesk.render.Theme;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code datadesk theme}: the built-in theme. */
@Command(name = "theme", mixinStandardHelpOptions = true,
        description = "Work with the built-in theme (templates and assets shipped inside datadesk).",
        subcommands = ThemeCommand.Export.class)
final class ThemeCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return Datadesk.USAGE_ERROR;
    }

    /** {@code datadesk theme export}: the built-in theme copied into templates/, to be changed at will. */
    @Command(name = "export", mixinStandardHelpOptions = true,
            description = {"Copy the built-in theme into the templates folder for full customisation.",
                    "Files the folder already has are kept (they already override the built-in ones): nothing is overwritten."})
    static final class Export implements Callable<Integer> {

        @Spec CommandSpec spec;

        @Option(names = "--project", paramLabel = "DIR", description = "Project folder with datadesk.yaml (default: current folder).")
        Path project = Path.of(".");

        @Option(names = "--templates", paramLabel = "DIR", description = "Where to write the theme (default: templates).")
        Path templates = Path.of("templates");

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            BuildOptions options = BuildOptions.defaults(project).withTemplates(templates);
            Path dir = options.templatesDir();
            if (Files.exists(dir) && !Files.isDirectory(dir)) {
                err.println("datadesk theme export: " + options.display(dir) + " is a file, not a folder; nothing was written.");
                return Datadesk.CONTENT_ERROR;
            }
            List<String> written = new ArrayList<>();
            List<String> kept = new ArrayList<>();
            try {
                for (Map.Entry<String, byte[]> f : Theme.builtInFiles().entrySet()) {
                    Path target = dir.resolve(f.getKey());
                    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                        kept.add(f.getKey());
                        continue;
                    }
                    Files.createDirectories(target.getParent());
                    Files.write(target, f.getValue(), StandardOpenOption.CREATE_NEW);
                    written.add(f.getKey());
                }
            } catch (IOException e) {
                err.println("datadesk theme export: cannot write " + options.display(dir) + "/: " + e);
                return Datadesk.CONTENT_ERROR;
            }
            String shown = options.display(dir);
            out.println("Wrote " + written.size() + " file" + (written.size() == 1 ? "" : "s") + " of the built-in theme into "
                    + shown + "/" + (kept.isEmpty() ? "." : "; kept your own " + String.join(", ", kept) + "."));
            out.println("The site's files in " + shown + "/ now replace the built-in theme's; edit them freely.");
            out.flush();
            return 0;
        }
    }
}
