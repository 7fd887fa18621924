package io.datadesk.cli;

import io.datadesk.build.BuildOptions;
import io.datadesk.serve.DevServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code datadesk serve}: the authoring loop. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Build the site, serve it at http://127.0.0.1:4000/ and rebuild it whenever content/, templates/ "
                + "or datadesk.yaml change. Open pages reload by themselves; build errors show in the browser.",
                "The served site is written to .datadesk-cache/serve/ (not site/) and never contains the reload script."})
final class ServeCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(names = "--port", paramLabel = "N", description = "Port to listen on (default: ${DEFAULT-VALUE}; 0 = any free port).")
    int port = 4000;

    @Option(names = "--host", paramLabel = "ADDRESS",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this computer only; 0.0.0.0 shares the draft on your network).")
    String host = "127.0.0.1";

    @Option(names = "--open", description = "Open the site in the default browser.")
    boolean open;

    @Mixin ProjectOptions project;

    @Option(names = "--out", paramLabel = "DIR", description = "Folder the served site is written to (default: ${DEFAULT-VALUE}).")
    Path out = Path.of(".datadesk-cache", "serve");

    @Option(names = {"-v", "--verbose"}, description = "Also print every file updated and the full statistics of each rebuild.")
    boolean verbose;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        if (port < 0 || port > 65535) {
            stderr.println("datadesk serve: --port must be between 0 and 65535, not " + port);
            return Datadesk.USAGE_ERROR;
        }
        BuildOptions build = project.buildOptions(out, true);
        DevServer server;
        try {
            server = DevServer.start(new DevServer.Options(build, host, port, project.quiet, verbose), stdout, stderr);
        } catch (BindException e) {
            stderr.println("datadesk serve: cannot listen on " + host + ":" + port + " (" + e.getMessage()
                    + "); another server may be using it. Try --port " + (port + 1) + ".");
            return Datadesk.USAGE_ERROR;
        } catch (IOException e) {
            stderr.println("datadesk serve: cannot start the server on " + host + ":" + port + ": " + e.getMessage());
            return Datadesk.USAGE_ERROR;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "datadesk-stop"));
        if (!project.quiet) {
            stdout.println("Serving " + server.url() + " (watching " + build.display(build.contentDir()) + "/, "
                    + build.display(build.templatesDir()) + "/, " + io.datadesk.read.Partials.FOLDER
                    + "/ and datadesk.yaml; press Ctrl+C to stop)");
            stdout.flush();
        }
        if (open) openBrowser(server.url(), stderr);
        stopped.await();
        return 0;
    }

    /** Desktop.browse needs a display and AWT, which datadesk runs headless; the platform's opener does not. */
    private static void openBrowser(URI url, PrintWriter err) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String[] command = os.contains("mac") ? new String[] {"open", url.toString()}
                : os.contains("win") ? new String[] {"rundll32", "url.dll,FileProtocolHandler", url.toString()}
                : new String[] {"xdg-open", url.toString()};
        try {
            new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            err.println("Could not open a browser (" + e.getMessage() + "); open " + url + " yourself.");
            err.flush();
        }
    }
}
