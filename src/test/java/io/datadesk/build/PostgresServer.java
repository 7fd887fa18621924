package io.datadesk.build;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real, throwaway PostgreSQL server for tests: {@code initdb} and {@code pg_ctl} from Debian's {@code postgresql}
 * package in a temporary folder, listening on 127.0.0.1 on a free port, with password (SCRAM) logins. initdb refuses
 * to run as root, and CI runs as root: then the server runs as the {@code postgres} user (created by the package)
 * through {@code runuser}. Missing binaries fail the test with what to install; they never skip it.
 */
final class PostgresServer implements AutoCloseable {

    static final String ADMIN = "pgadmin";
    static final String ADMIN_PASSWORD = "admin-pw-7c1e";

    final int port;
    private final Path dir;
    private final Path bin;
    private final boolean asPostgres;
    private final Thread cleanup;

    private PostgresServer(Path dir, Path bin, boolean asPostgres, int port) {
        this.dir = dir;
        this.bin = bin;
        this.asPostgres = asPostgres;
        this.port = port;
        this.cleanup = new Thread(this::stopQuietly, "postgres-stop");
        Runtime.getRuntime().addShutdownHook(cleanup); // a crashed test run must not leave a server behind
    }

    static PostgresServer start() throws IOException, InterruptedException {
        Path bin = findBin();
        boolean root = "root".equals(System.getProperty("user.name"));
        Path dir = Files.createTempDirectory("datadesk-pg");
        Path pw = dir.resolve("pw");
        Files.writeString(pw, ADMIN_PASSWORD + "\n");
        if (root) run(List.of("chown", "-R", "postgres:postgres", dir.toString()), dir);
        int port = freePort();
        PostgresServer s = new PostgresServer(dir, bin, root, port);
        s.pg("initdb", "-D", dir.resolve("data").toString(), "-U", ADMIN, "--pwfile=" + pw, "--auth-host=scram-sha-256",
                "--auth-local=scram-sha-256", "-E", "UTF8", "--no-locale");
        s.pg("pg_ctl", "-D", dir.resolve("data").toString(), "-l", dir.resolve("log").toString(), "-w", "-t", "60",
                "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off", "start");
        return s;
    }

    String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Runs SQL as the administrator in {@code database}. */
    void sql(String database, String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(url(database), ADMIN, ADMIN_PASSWORD); Statement s = c.createStatement()) {
            for (String q : statements) s.execute(q);
        }
    }

    @Override
    public void close() {
        stopQuietly();
        try {
            Runtime.getRuntime().removeShutdownHook(cleanup);
        } catch (IllegalStateException ignored) {
            // already shutting down
        }
    }

    private synchronized void stopQuietly() {
        if (!Files.exists(dir)) return;
        try {
            pg("pg_ctl", "-D", dir.resolve("data").toString(), "-m", "immediate", "-w", "stop");
        } catch (IOException | InterruptedException | AssertionError e) {
            // deleted below anyway; the port is freed when the process ends
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp folder left behind
        }
    }

    private void pg(String program, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        if (asPostgres) cmd.addAll(List.of("runuser", "-u", "postgres", "--"));
        cmd.add(bin.resolve(program).toString());
        cmd.addAll(List.of(args));
        run(cmd, dir);
    }

    private static void run(List<String> cmd, Path dir) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", cmd) + " did not finish in 120 s");
        }
        if (p.exitValue() != 0) {
            String log = "";
            Path logFile = dir.resolve("log");
            if (Files.exists(logFile)) log = "\nserver log:\n" + Files.readString(logFile, StandardCharsets.UTF_8);
            throw new AssertionError(String.join(" ", cmd) + " failed (" + p.exitValue() + "):\n" + new String(out, StandardCharsets.UTF_8) + log);
        }
    }

    /** The newest {@code /usr/lib/postgresql/N/bin} (Debian's layout), else the folder of {@code initdb} on the PATH. */
    private static Path findBin() throws IOException {
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                var best = versions.filter(v -> Files.isExecutable(v.resolve("bin/initdb")) && Files.isExecutable(v.resolve("bin/pg_ctl")))
                        .max(Comparator.comparingInt(v -> v.getFileName().toString().matches("\\d+") ? Integer.parseInt(v.getFileName().toString()) : 0));
                if (best.isPresent()) return best.get().resolve("bin");
            }
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path p = Path.of(dir, "initdb");
            if (!dir.isEmpty() && Files.isExecutable(p) && Files.isExecutable(Path.of(dir, "pg_ctl"))) return p.toRealPath().getParent();
        }
        throw new AssertionError("PostgreSQL server binaries (initdb, pg_ctl) not found: these tests need a real server. "
                + "Install Debian's package: apt-get install postgresql (.ci/run does).");
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
