package io.datadesk.cli;

import io.datadesk.build.SiteBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Gives {@code java -jar datadesk.jar build} (the README's command) the start-up settings of the launcher
 * ({@code bin/datadesk}): a build or check started without them starts one more JVM with them and passes its exit
 * code on. Measured on the flagship: a plain {@code java -jar} build took 3.25× the launcher's time, mostly in the
 * JIT's optimising compiler and in class loading; the second JVM costs a fraction of a second of that.
 *
 * <p>The settings, as in {@code bin/datadesk}: only the quick compiler ({@code -XX:TieredStopAtLevel=1}: a build
 * is too short for C2 to pay back), the serial collector (half the peak memory), and a class-data-sharing archive of
 * the classes a build loads, recorded by the first such build into the per-user cache
 * ({@code ${XDG_CACHE_HOME:-~/.cache}/datadesk/}) and mapped by later ones. JVM options given to {@code java}
 * ({@code -Xmx4g}) are passed on. Nothing is started again when the JVM was started with settings of its own
 * (a {@code -XX:TieredStopAtLevel}, a class-data archive, or the launcher's mark), for {@code serve} (long-running:
 * C2 pays off there), when the JVM's command line cannot be read, or with {@code DATADESK_RELAUNCH=off}.
 *
 * <p>{@code mvn package} records an archive beside the jar ({@value #SHIPPED}, see {@link CdsTraining}), with a key
 * file naming the jar and java it holds for; when they are this jar and this java, the first build maps it too,
 * instead of recording one in the per-user cache.
 */
final class FastStart {

    /** Set on a JVM that already has the settings: the launcher's and the one started here. */
    static final String MARK = "datadesk.launched";

    /** The class-data archive {@code mvn package} records beside the jar; its key is in the same name + ".key". */
    static final String SHIPPED = "datadesk.jsa";

    private FastStart() {}

    /** Runs the command in a JVM with the settings if this one lacks them; the exit code, or empty to run here. */
    static Optional<Integer> relaunch(String[] args) {
        if (System.getProperty(MARK) != null || "off".equals(System.getenv("DATADESK_RELAUNCH"))) return Optional.empty();
        if (args.length == 0 || !(args[0].equals("build") || args[0].equals("check"))) return Optional.empty();
        try {
            Path jar = jar();
            if (jar == null) return Optional.empty(); // classes folder: development, tests
            ProcessHandle.Info info = ProcessHandle.current().info();
            Optional<String> java = info.command();
            Optional<String[]> arguments = info.arguments();
            if (java.isEmpty() || arguments.isEmpty()) return Optional.empty();
            List<String> jvmOptions = jvmOptions(arguments.get());
            if (jvmOptions == null || jvmOptions.stream().anyMatch(FastStart::hasOwnSettings)) return Optional.empty();
            return Optional.of(run(java.get(), jvmOptions, jar, args));
        } catch (IOException | RuntimeException | java.net.URISyntaxException e) {
            return Optional.empty(); // anything unexpected: run in this JVM, as before
        }
    }

    /** The options given to the JVM before {@code -jar}, or null when it was not started with {@code -jar}. */
    static List<String> jvmOptions(String[] arguments) {
        List<String> out = new ArrayList<>();
        for (String a : arguments) {
            if (a.equals("-jar")) return out;
            out.add(a);
        }
        return null;
    }

    private static boolean hasOwnSettings(String option) {
        return option.startsWith("-XX:TieredStopAtLevel") || option.startsWith("-XX:SharedArchiveFile")
                || option.startsWith("-XX:ArchiveClassesAtExit") || option.startsWith("-Xshare") || option.startsWith("-D" + MARK);
    }

    /**
     * The command of the second JVM.
     *
     * @param archive the class-data archive to map, or null; {@code record} where to record one, or null
     */
    static List<String> command(String java, List<String> jvmOptions, Path jar, String[] args, Path archive, Path record) {
        List<String> cmd = new ArrayList<>();
        cmd.add(java);
        cmd.addAll(List.of("-D" + MARK + "=relaunched", "-Djava.awt.headless=true", "-XX:TieredStopAtLevel=1", "-Xlog:cds*=off"));
        if (jvmOptions.stream().noneMatch(o -> o.matches("-XX:\\+Use\\w+GC"))) cmd.add("-XX:+UseSerialGC");
        if (archive != null) cmd.addAll(List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto"));
        else if (record != null) cmd.addAll(List.of("-XX:ArchiveClassesAtExit=" + record, "-D" + SiteBuilder.RECORDS_CLASS_ARCHIVE + "=true"));
        cmd.addAll(jvmOptions);
        cmd.add("-jar");
        cmd.add(jar.toString());
        cmd.addAll(List.of(args));
        return cmd;
    }

    private static int run(String java, List<String> jvmOptions, Path jar, String[] args) throws IOException {
        Path archive = null, record = null;
        Path cache = cacheDir();
        String key = archiveKey(jar, java);
        if (isShippedArchiveFor(jar, key)) archive = jar.resolveSibling(SHIPPED);
        else if (cache != null) {
            // Named apart from the launcher's archives (cds-NUMBER.jsa), which key on the same things differently.
            Path jsa = cache.resolve("cds-jar-" + key + ".jsa");
            if (Files.isRegularFile(jsa)) archive = jsa;
            else {
                try {
                    Files.createDirectories(cache);
                    record = cache.resolve("cds-jar-" + key + ".jsa." + ProcessHandle.current().pid() + ".tmp");
                } catch (IOException e) {
                    record = null; // no cache folder: start without an archive
                }
            }
        }
        Process child = new ProcessBuilder(command(java, jvmOptions, jar, args, archive, record)).inheritIO().start();
        // Stopped (Ctrl-C reaches both through the terminal; a plain kill reaches only this one): stop the build too,
        // so that it removes its half-written output.
        Thread stop = new Thread(() -> {
            child.destroy();
            try {
                child.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Runtime.getRuntime().addShutdownHook(stop);
        int code;
        while (true) {
            try {
                code = child.waitFor();
                break;
            } catch (InterruptedException e) {
                // keep waiting: the child decides when the build ends
            }
        }
        if (record != null) {
            Path jsa = Path.of(record.toString().replaceFirst("\\.\\d+\\.tmp$", ""));
            // Written whole at the child's exit, then moved into place: a concurrent build never maps half an archive.
            if (Files.isRegularFile(record) && Files.size(record) > 0) Files.move(record, jsa, StandardCopyOption.REPLACE_EXISTING);
            else Files.deleteIfExists(record);
        }
        return code;
    }

    /**
     * What a class-data archive for {@code jar} started by {@code java} is valid for: this jar (at this place, this
     * content) and this java. An archive made for another is refused by the JVM (or, for another jar's content at the
     * same place, would map stale classes).
     */
    static String archiveKey(Path jar, String java) throws IOException {
        return io.datadesk.compute.ContentHashes.combine(jar.toString(), String.valueOf(Files.size(jar)),
                String.valueOf(Files.getLastModifiedTime(jar).toMillis()), java, System.getProperty("java.version"))
                .substring(0, 16);
    }

    /** Whether {@code mvn package} recorded the archive beside {@code jar} for this jar and java ({@code key}). */
    static boolean isShippedArchiveFor(Path jar, String key) {
        Path jsa = jar.resolveSibling(SHIPPED), keyFile = jar.resolveSibling(SHIPPED + ".key");
        try {
            return Files.isRegularFile(jsa) && Files.size(jsa) > 0 && Files.isRegularFile(keyFile)
                    && Files.readString(keyFile).strip().equals(key);
        } catch (IOException e) {
            return false;
        }
    }

    /** This jar, or null when the code runs from a classes folder (development, tests). */
    static Path jar() throws java.net.URISyntaxException {
        Path jar = Path.of(FastStart.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return Files.isRegularFile(jar) ? jar : null;
    }

    private static Path cacheDir() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) return Path.of(xdg, "datadesk");
        String home = System.getProperty("user.home");
        return home == null || home.isBlank() ? null : Path.of(home, ".cache", "datadesk");
    }
}
