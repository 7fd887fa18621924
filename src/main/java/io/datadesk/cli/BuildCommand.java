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
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code datadesk build}: the whole site, written atomically. */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = "Build the site from content/ and templates/ into site/. A failed build leaves site/ as it was.")
final class BuildCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Mixin ProjectOptions project;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: site).")
    Path out = Path.of("site");

    @Override
    public Integer call() {
        BuildOptions options = project.buildOptions(out, true);
        return runBuild(options, spec.commandLine().getOut(), spec.commandLine().getErr(), project.quiet);
    }

    /** Runs a build and prints its summary or every error; returns the exit code. */
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
