package io.datadesk.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.datadesk.error.ContentException;
import io.datadesk.error.Diagnostic;
import io.datadesk.yaml.YamlNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Declaring database datasets: the options, and the mistakes caught before any connection (no server needed). */
class JdbcSpecTest {

    @TempDir Path dir;

    private static List<DatasetSpec> parse(String yaml) {
        return DatasetSpec.parseAll(YamlNode.parse(yaml, "content/page.md", 2).asMap("front matter").get("data"));
    }

    @Test
    void readsEveryOption() {
        DatasetSpec d = parse("""
                data:
                  orders:
                    jdbc: jdbc:postgresql://localhost:5432/shop
                    user: { env: SHOP_USER }
                    password: { env: SHOP_PASSWORD }
                    query: |
                      select region, sum(amount) as amount
                      from orders group by 1
                    refresh: 15m
                    timeout: 2m
                    connect_timeout: 5s
                    source: Shop database
                """).get(0);
        assertThat(d.path()).isNull();
        JdbcSpec j = d.jdbc();
        assertThat(j.url()).isEqualTo("jdbc:postgresql://localhost:5432/shop");
        assertThat(j.user().variable()).isEqualTo("SHOP_USER");
        assertThat(j.password().variable()).isEqualTo("SHOP_PASSWORD");
        assertThat(j.query()).isEqualTo("select region, sum(amount) as amount\nfrom orders group by 1");
        assertThat(List.of(j.refresh(), j.timeout(), j.connectTimeout()))
                .containsExactly(Duration.ofMinutes(15), Duration.ofMinutes(2), Duration.ofSeconds(5));
        assertThat(d.source().text()).isEqualTo("Shop database");
        JdbcSpec defaults = parse("data:\n  o:\n    jdbc: jdbc:postgresql://h/db\n    query: select 1 as x\n    refresh: never\n").get(0).jdbc();
        assertThat(defaults.refresh()).isNull();
        assertThat(defaults.timeout()).isEqualTo(JdbcSpec.DEFAULT_TIMEOUT);
        assertThat(defaults.user()).isNull();
    }

    @Test
    void credentialsOnlyFromTheEnvironmentAndNeverEchoed() {
        assertThatThrownBy(() -> parse("""
                data:
                  orders:
                    jdbc: jdbc:postgresql://localhost/shop?user=me&password=hunter2
                    user: admin
                    password: hunter2
                    query: select 1 as x
                    timeout: 10 minutes
                    refresh: 0.5h
                    pasword: { env: X }
                """)).isInstanceOfSatisfying(ContentException.class, e -> {
            assertThat(e.getMessage()).doesNotContain("hunter2");
            assertThat(e.diagnostics()).extracting(Diagnostic::location, Diagnostic::message).containsExactly(
                    tuple("content/page.md:10:5", "unknown database dataset option 'pasword'"),
                    tuple("content/page.md:4:11", "the JDBC URL of dataset 'orders' holds a password or other secret"),
                    tuple("content/page.md:5:11", "'user' must name an environment variable"),
                    tuple("content/page.md:6:15", "'password' must name an environment variable"),
                    tuple("content/page.md:9:14", "'0.5h' is not a duration"),
                    tuple("content/page.md:8:14", "'10 minutes' is not a duration"));
        });
    }

    @Test
    void aQueryIsRequiredAndDuckDbIsNotADatabaseDataset() {
        assertThatThrownBy(() -> parse("data:\n  o:\n    jdbc: jdbc:duckdb:/tmp/x.db\n"))
                .isInstanceOfSatisfying(ContentException.class, e -> assertThat(e.diagnostics()).extracting(Diagnostic::message)
                        .containsExactly("a JDBC dataset cannot be a DuckDB database", "dataset 'o' has 'jdbc' but no 'query'"));
    }

    @Test
    void aUrlWithoutADriverNamesTheDriversFolder() {
        DatasetSpec d = parse("data:\n  o:\n    jdbc: jdbc:trino://trino.example.org:443/hive\n    query: select 1 as x\n").get(0);
        JdbcDrivers drivers = JdbcDrivers.load(dir, List.of(), "datadesk.yaml");
        assertThatThrownBy(() -> JdbcQuery.run(d, Map.<String, String>of()::get, drivers))
                .isInstanceOfSatisfying(JdbcQuery.Failure.class, f -> {
                    assertThat(f.problem()).isEqualTo(JdbcQuery.Problem.SETUP);
                    assertThat(f.getMessage()).isEqualTo("content/page.md:4:11: error: no JDBC driver for 'trino' URLs\n"
                            + "  hint: put the driver's jar in the project's drivers/ folder, or name it under jdbc_drivers: in datadesk.yaml");
                });
    }

    @Test
    void driverJarsFromTheFolderAndTheConfiguration() throws Exception {
        assertThatThrownBy(() -> JdbcDrivers.load(dir, List.of("lib/nope.jar"), "datadesk.yaml"))
                .hasMessage("datadesk.yaml: error: JDBC driver jar not found: lib/nope.jar\n"
                        + "  hint: jdbc_drivers: lists jar files, relative to the project folder");
        // A jar in drivers/ is loaded: here the PostgreSQL driver's own jar, copied there
        Path pgJar = Path.of(org.postgresql.Driver.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Files.createDirectories(dir.resolve("drivers"));
        Files.copy(pgJar, dir.resolve("drivers/postgresql.jar"));
        JdbcDrivers drivers = JdbcDrivers.load(dir, List.of(), "datadesk.yaml");
        assertThat(drivers.jars()).containsExactly("drivers/postgresql.jar");
        assertThat(drivers.find("jdbc:postgresql://h/db")).isNotNull();
        assertThat(drivers.find("jdbc:nosuch://h")).isNull();
    }
}
