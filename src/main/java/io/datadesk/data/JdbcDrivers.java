package io.datadesk.data;

import io.datadesk.error.ContentException;
import io.datadesk.error.Diagnostic;
import io.datadesk.error.Diagnostics;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * The JDBC drivers a build can use: the PostgreSQL driver that ships with datadesk, every jar in the project's
 * {@code drivers/} folder, and the jars named under {@code jdbc_drivers:} in {@code datadesk.yaml}. Jars are loaded
 * in a class loader of their own and their drivers found through {@link ServiceLoader} (every JDBC 4 driver declares
 * itself so); {@link java.sql.DriverManager} is bypassed because it refuses drivers from a class loader other than
 * the caller's.
 */
public final class JdbcDrivers {

    /** The project folder whose jars are loaded as drivers. */
    public static final String FOLDER = "drivers";

    private final List<Driver> drivers;
    private final List<String> jars;

    private JdbcDrivers(List<Driver> drivers, List<String> jars) {
        this.drivers = drivers;
        this.jars = jars;
    }

    /**
     * Finds the drivers for {@code projectDir}. {@code configured} are the jar paths from {@code datadesk.yaml},
     * relative to the project; one that does not exist is an error.
     */
    public static JdbcDrivers load(Path projectDir, List<String> configured, String configFile) {
        List<Path> found = new ArrayList<>();
        Diagnostics problems = new Diagnostics();
        for (String c : configured) {
            Path jar = projectDir.resolve(c).normalize();
            if (Files.isRegularFile(jar)) found.add(jar);
            else problems.add(new Diagnostic(configFile, 0, 0, "JDBC driver jar not found: " + c,
                    "jdbc_drivers: lists jar files, relative to the project folder"));
        }
        problems.throwIfAny();
        Path folder = projectDir.resolve(FOLDER);
        if (Files.isDirectory(folder)) {
            try (DirectoryStream<Path> jarsIn = Files.newDirectoryStream(folder, "*.jar")) {
                List<Path> sorted = new ArrayList<>();
                jarsIn.forEach(sorted::add);
                sorted.sort(null);
                for (Path p : sorted) if (!found.contains(p.normalize())) found.add(p.normalize());
            } catch (IOException e) {
                throw new ContentException(new Diagnostic(FOLDER, 0, 0, "cannot list the JDBC drivers folder: " + e.getMessage(), ""));
            }
        }
        URL[] urls = new URL[found.size()];
        for (int i = 0; i < urls.length; i++) {
            try {
                urls[i] = found.get(i).toUri().toURL();
            } catch (MalformedURLException e) {
                throw new IllegalStateException(e);
            }
        }
        ClassLoader loader = urls.length == 0 ? JdbcDrivers.class.getClassLoader()
                : new URLClassLoader("jdbc-drivers", urls, JdbcDrivers.class.getClassLoader());
        List<Driver> drivers = new ArrayList<>();
        var it = ServiceLoader.load(Driver.class, loader).iterator();
        while (true) {
            try {
                if (!it.hasNext()) break;
                drivers.add(it.next());
            } catch (ServiceConfigurationError e) {
                // A jar whose driver cannot start (missing dependency): the others still work; find() names the jars.
            }
        }
        return new JdbcDrivers(List.copyOf(drivers), found.stream().map(p -> projectDir.relativize(p).toString().replace('\\', '/')).toList());
    }

    /** The driver for {@code url}, or null. */
    Driver find(String url) {
        for (Driver d : drivers) {
            try {
                if (d.acceptsURL(url)) return d;
            } catch (SQLException e) {
                // a driver that cannot judge the URL is not the one
            }
        }
        return null;
    }

    /** The jars loaded, relative to the project, for messages. */
    List<String> jars() {
        return jars;
    }
}
