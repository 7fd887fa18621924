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
        // Ctrl-C: the JVM runs its shutdown hooks and then halts, whatever the build is doing. This hook interrupts
        // the build and waits (a few seconds at most) until it has stopped and removed its staging folder.
        Thread building = Thread.currentThread();
        java.util.concurrent.CountDownLatch stopped = new java.util.concurrent.CountDownLatch(1);
        Thread hook = new Thread(() -> {
            building.interrupt();
            try {
                stopped.await(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException ignored) {
                // halting anyway
            }
        }, "datadesk-cancel");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            BuildResult result = new SiteBuilder(options).build();
            if (!quiet) {
                out.println((options.write() ? "Built " : "Checked ") + result.summary()
                        + (options.write() ? " into " + options.display(options.outDir()) + "/" : ""));
                result.notes().forEach(n -> out.println("note: " + n));
            }
            return 0;
        } catch (ContentException e) {
            if (building.isInterrupted()) return cancelled(options, err); // an error met while stopping
            printErrors(e, err);
            err.println(options.write() ? "Build failed; " + options.display(options.outDir()) + "/ was left as it was." : "Check failed.");
            return Datadesk.CONTENT_ERROR;
        } catch (io.datadesk.error.BuildCancelled e) {
            return cancelled(options, err);
        } finally {
            stopped.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it is waiting for the countDown above
            }
        }
    }

    private static int cancelled(BuildOptions options, PrintWriter err) {
        Thread.interrupted();
        err.println(options.write() ? "Build cancelled; " + options.display(options.outDir()) + "/ was left as it was." : "Check cancelled.");
        err.flush();
        return CANCELLED;
    }

    /** The exit code of a build stopped by Ctrl-C: 128 + SIGINT, as shells report it. */
    static final int CANCELLED = 130;

    static void printErrors(ContentException e, PrintWriter err) {
        for (Diagnostic d : e.diagnostics()) err.println(d.format());
        int n = e.diagnostics().size();
        err.println(n + " error" + (n == 1 ? "" : "s") + ".");
        err.flush();
    }
}
