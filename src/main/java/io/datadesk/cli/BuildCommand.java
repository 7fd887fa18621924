package io.datadesk.cli;

import io.datadesk.build.BuildOptions;
import io.datadesk.build.BuildResult;
import io.datadesk.build.SiteBuilder;
import io.datadesk.error.ContentException;
import io.datadesk.error.Diagnostic;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code datadesk build}: the whole site, written atomically. */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = "Build the site from content/ and templates/ into site/. A failed build leaves site/ as it was.")
final class BuildCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(names = "--project", paramLabel = "DIR", description = "Project folder with datadesk.yaml (default: current folder).")
    Path project = Path.of(".");

    @Option(names = "--content", paramLabel = "DIR", description = "Markdown pages and their data (default: content).")
    Path content = Path.of("content");

    @Option(names = "--templates", paramLabel = "DIR", description = "Thymeleaf templates and assets (default: templates).")
    Path templates = Path.of("templates");

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: site).")
    Path out = Path.of("site");

    @Option(names = "--drafts", description = "Also build pages marked 'draft: true'.")
    boolean drafts;

    @Option(names = {"-q", "--quiet"}, description = "Print only errors.")
    boolean quiet;

    @Override
    public Integer call() {
        BuildOptions options = new BuildOptions(project, content, templates, out, drafts, true);
        return runBuild(options, spec.commandLine().getOut(), spec.commandLine().getErr(), quiet);
    }

    /** Shared by build and check: prints the result or every error; returns the exit code. */
    static int runBuild(BuildOptions options, PrintWriter out, PrintWriter err, boolean quiet) {
        try {
            BuildResult result = new SiteBuilder(options).build();
            if (!quiet) {
                out.println((options.write() ? "Built " : "Checked ") + result.summary()
                        + (options.write() ? " into " + options.display(options.outDir()) + "/" : ""));
                result.notes().forEach(n -> out.println("note: " + n));
            }
            return 0;
        } catch (ContentException e) {
            printErrors(e, err);
            err.println(options.write() ? "Build failed; " + options.display(options.outDir()) + "/ was left as it was." : "Check failed.");
            return Datadesk.CONTENT_ERROR;
        }
    }

    static void printErrors(ContentException e, PrintWriter err) {
        for (Diagnostic d : e.diagnostics()) err.println(d.format());
        int n = e.diagnostics().size();
        err.println(n + " error" + (n == 1 ? "" : "s") + ".");
        err.flush();
    }
}
