package io.datadesk.cli;

import io.datadesk.error.InternalErrorLog;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code datadesk} command. Exit codes: 0 success, 1 content errors, 2 usage errors, 3 internal errors. */
@Command(name = "datadesk", mixinStandardHelpOptions = true, versionProvider = Datadesk.Version.class,
        description = "Builds data-driven reports from Markdown, SQL and CSV into a static website.")
public final class Datadesk {

    /**
     * The subcommands, in the order the help lists them. Registered in {@link #commandLine}, not in the annotation:
     * picocli builds a command's model by reflection over its annotations, and a build needs only its own.
     */
    private static final Map<String, Supplier<Object>> SUBCOMMANDS = subcommands();

    private static Map<String, Supplier<Object>> subcommands() {
        Map<String, Supplier<Object>> m = new LinkedHashMap<>();
        m.put("init", InitCommand::new);
        m.put("new", NewCommand::new);
        m.put("build", BuildCommand::new);
        m.put("serve", ServeCommand::new);
        m.put("check", CheckCommand::new);
        m.put("theme", ThemeCommand::new);
        m.put("help", CommandLine.HelpCommand::new);
        return m;
    }

    public static final int CONTENT_ERROR = 1;
    public static final int USAGE_ERROR = 2;
    public static final int INTERNAL_ERROR = 3;

    /** The GitHub repository datadesk is released from: new sites' workflows download releases from it. */
    static final String REPOSITORY = "datadesk/datadesk";

    public static void main(String[] args) {
        // `java -jar datadesk.jar build` gets the launcher's start-up settings in a second JVM (see FastStart)
        java.util.Optional<Integer> relaunched = FastStart.relaunch(args);
        if (relaunched.isPresent()) System.exit(relaunched.get());
        System.setProperty("java.awt.headless", "true"); // charts measure text through AWT; never open a display
        System.exit(run(args));
    }

    /** Runs the command line without exiting: what tests call. */
    public static int run(String... args) {
        CommandLine cli = commandLine(args); // picocli already exits 2 on invalid input
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            // One line and a log file: a stack trace on the terminal buries the one sentence the author needs.
            cmd.getErr().println("datadesk: " + InternalErrorLog.record(e));
            cmd.getErr().flush();
            return INTERNAL_ERROR;
        });
        try {
            return cli.execute(args);
        } catch (Error e) {
            // picocli hands only Exceptions to the handler above; an Error (a stack or heap exhausted where a limit
            // should have stopped the input first) would otherwise end the JVM with a raw trace.
            cli.getErr().println("datadesk: " + InternalErrorLog.record(e));
            cli.getErr().flush();
            return INTERNAL_ERROR;
        }
    }

    /**
     * The command line for {@code args}: with only the subcommand they name, or with all of them when they name none
     * (or {@code help}), so that usage, help and "did you mean" messages list every command. Building the model of
     * every subcommand cost about a quarter of the command line's start-up, a noticeable part of a small build.
     */
    static CommandLine commandLine(String... args) {
        CommandLine cli = new CommandLine(new Datadesk());
        Supplier<Object> only = args.length == 0 || "help".equals(args[0]) ? null : SUBCOMMANDS.get(args[0]);
        if (only != null) cli.addSubcommand(args[0], only.get());
        else SUBCOMMANDS.forEach((name, command) -> cli.addSubcommand(name, command.get()));
        return cli;
    }

    /** This build's version, e.g. {@code 0.2.0}, from the jar's resources. */
    static String version() {
        Properties p = new Properties();
        try (InputStream in = Datadesk.class.getResourceAsStream("/io/datadesk/version.properties")) {
            if (in != null) p.load(in);
        } catch (IOException e) {
            return "unknown";
        }
        return p.getProperty("version", "unknown");
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"datadesk " + version(), "Java " + System.getProperty("java.version")};
        }
    }
}
