package io.datadesk.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code datadesk} command. Exit codes: 0 success, 1 content errors, 2 usage errors, 3 internal errors. */
@Command(name = "datadesk", mixinStandardHelpOptions = true, versionProvider = Datadesk.Version.class,
        description = "Builds data-driven reports from Markdown, SQL and CSV into a static website.",
        subcommands = {BuildCommand.class, ServeCommand.class, CheckCommand.class, NewCommand.class, CommandLine.HelpCommand.class})
public final class Datadesk {

    public static final int CONTENT_ERROR = 1;
    public static final int USAGE_ERROR = 2;
    public static final int INTERNAL_ERROR = 3;

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true"); // charts measure text through AWT; never open a display
        System.exit(run(args));
    }

    /** Runs the command line without exiting: what tests call. */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Datadesk()); // picocli already exits 2 on invalid input
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("datadesk: internal error: " + e);
            e.printStackTrace(cmd.getErr());
            cmd.getErr().println("This is a bug in datadesk, not in your content. Please report it with the output above.");
            return INTERNAL_ERROR;
        });
        return cli.execute(args);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties p = new Properties();
            try (InputStream in = Datadesk.class.getResourceAsStream("/io/datadesk/version.properties")) {
                if (in != null) p.load(in);
            }
            return new String[] {"datadesk " + p.getProperty("version", "unknown"),
                    "Java " + System.getProperty("java.version")};
        }
    }
}
