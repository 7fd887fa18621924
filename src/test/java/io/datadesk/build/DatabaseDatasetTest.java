package io.datadesk.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datadesk.error.ContentException;
import io.datadesk.error.Diagnostic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Database datasets ({@code jdbc:}) against a real PostgreSQL server started for these tests (see
 * {@link PostgresServer}): pages built from its queries, the result cache and its refresh rule, credentials kept out
 * of every file and message, and the located errors for a wrong password, an unreachable port, bad SQL and a
 * time-out. Also the page that combines a Parquet file, a JSON file and a PostgreSQL query in one chart.
 */
class DatabaseDatasetTest {

    static final String READER = "desk_reader";
    static final String READER_PASSWORD = "s3cret-Reader-pw";
    static PostgresServer pg;

    @TempDir Path dir;

    @BeforeAll
    static void startServer() throws Exception {
        pg = PostgresServer.start();
        pg.sql("postgres", "CREATE DATABASE shop");
        pg.sql("shop",
                "CREATE TABLE orders (id serial primary key, region text not null, month date not null, amount numeric(10,2) not null)",
                "INSERT INTO orders (region, month, amount) VALUES "
                        + "('North', '2024-01-01', 100.50), ('North', '2024-01-01', 50.25), ('South', '2024-01-01', 80),"
                        + "('North', '2024-02-01', 120), ('South', '2024-02-01', 95.75)",
                "CREATE ROLE " + READER + " LOGIN PASSWORD '" + READER_PASSWORD + "'",
                "GRANT SELECT ON orders TO " + READER);
    }

    @AfterAll
    static void stopServer() {
        if (pg != null) pg.close();
    }

    static final Map<String, String> ENV = Map.of("SHOP_USER", READER, "SHOP_PASSWORD", READER_PASSWORD);

    private SiteFixture project(String dataset, String body) {
        return new SiteFixture(dir).write("datadesk.yaml", "title: Desk\n")
                .write("content/index.md", "---\ntitle: Home\n---\n")
                .write("content/shop/index.md", "---\ntitle: Shop\ndata:\n" + dataset + "---\n" + body);
    }

    private String orders(String url, String query, String extra) {
        return "  orders:\n    jdbc: " + url + "\n    user: { env: SHOP_USER }\n    password: { env: SHOP_PASSWORD }\n"
                + "    query: " + query + "\n" + extra;
    }

    static final String TOTALS = """
            ```sql totals
            select region, sum(amount) as amount from orders group by region order by region
            ```

            ```sql north
            select sum(amount) as amount from orders where region = 'North'
            ```

            North sold {{ north.amount | number:2 }} in all.

            ```table
            data: totals
            ```
            """;

    private static BuildResult build(SiteFixture fx, Map<String, String> env, boolean refresh) {
        return new SiteBuilder(fx.options().withRefresh(refresh)).environment(env::get).build();
    }

    private static Diagnostic failure(SiteFixture fx, Map<String, String> env) {
        try {
            build(fx, env, false);
        } catch (ContentException e) {
            return e.diagnostics().get(0);
        }
        throw new AssertionError("the build should have failed");
    }

    @Test
    void aPageIsBuiltFromAQueryRunInPostgresAndNoCredentialIsWrittenAnywhere() throws IOException {
        SiteFixture fx = project(orders(pg.url("shop"),
                "select region, month, sum(amount) as amount, count(*) as orders from orders group by 1, 2 order by 1, 2", ""), TOTALS);
        build(fx, ENV, false);
        Document doc = Jsoup.parse(dir.resolve("site/shop/index.html").toFile());
        assertThat(doc.select("table td").eachText()).containsExactly("North", "270.8", "South", "175.8");
        assertThat(doc.text()).contains("North sold 270.75 in all.");
        for (Path root : new Path[] {dir.resolve("site"), dir.resolve(SiteBuilder.CACHE_DIR)}) {
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(Files::isRegularFile).forEach(f -> {
                    String text = new String(read(f), java.nio.charset.StandardCharsets.ISO_8859_1);
                    assertThat(text).as(f.toString()).doesNotContain(READER_PASSWORD).doesNotContain(READER);
                });
            }
        }
        assertThat(dir.resolve(SiteBuilder.CACHE_DIR).resolve("jdbc")).isDirectory();
    }

    @Test
    void cachedResultsAreUsedUntilRefreshAndOfflineAfterIt() throws Exception {
        pg.sql("shop", "CREATE TABLE IF NOT EXISTS stock (item text, n int)", "DELETE FROM stock", "INSERT INTO stock VALUES ('pens', 3)",
                "GRANT SELECT ON stock TO " + READER);
        String page = "```sql s\nselect sum(n) as n from orders\n```\n\nStock: {{ s.n }}.\n";
        SiteFixture fx = project(orders(pg.url("shop"), "select item, n from stock", "    refresh: 1h\n"), page);
        build(fx, ENV, false);
        assertThat(org.jsoup.Jsoup.parse(fx.read("site/shop/index.html")).text()).contains("Stock: 3.");

        pg.sql("shop", "INSERT INTO stock VALUES ('ink', 4)");
        build(fx, ENV, false); // younger than refresh: 1h, so the database is not asked
        assertThat(org.jsoup.Jsoup.parse(fx.read("site/shop/index.html")).text()).contains("Stock: 3.");
        build(fx, ENV, true); // --refresh
        assertThat(org.jsoup.Jsoup.parse(fx.read("site/shop/index.html")).text()).contains("Stock: 7.");

        // refresh: 0 asks every build; without credentials (offline, another machine) the last results stand in, with a note
        fx.write("content/shop/index.md", fx.read("content/shop/index.md").replace("refresh: 1h", "refresh: 0"));
        pg.sql("shop", "INSERT INTO stock VALUES ('nib', 10)");
        BuildResult offline = build(fx, Map.of(), false);
        assertThat(org.jsoup.Jsoup.parse(fx.read("site/shop/index.html")).text()).contains("Stock: 7.");
        assertThat(offline.notes()).filteredOn(n -> n.contains("dataset 'orders'")).singleElement().asString()
                .startsWith("content/shop/index.md:4: dataset 'orders' uses its results of ").endsWith("environment variable SHOP_USER is not set");
        build(fx, ENV, false);
        assertThat(org.jsoup.Jsoup.parse(fx.read("site/shop/index.html")).text()).contains("Stock: 17.");
        // --refresh never falls back: the author asked for fresh data
        assertThatThrownBy(() -> build(fx, Map.of(), true)).isInstanceOf(ContentException.class)
                .hasMessageContaining("environment variable SHOP_USER is not set");
    }

    @Test
    void wrongPasswordIsLocatedAndNeverEchoed() {
        SiteFixture fx = project(orders(pg.url("shop"), "select 1 as x", ""), "");
        Diagnostic d = failure(fx, Map.of("SHOP_USER", READER, "SHOP_PASSWORD", "wrong-password-123"));
        assertThat(d.location()).isEqualTo("content/shop/index.md:5:11");
        assertThat(d.message()).startsWith("the database refused the login: ").contains("$SHOP_USER")
                .doesNotContain("wrong-password-123").doesNotContain(READER);
        assertThat(d.hint()).contains("SHOP_USER and SHOP_PASSWORD");
    }

    @Test
    void unreachablePortIsLocated() throws IOException {
        String url = "jdbc:postgresql://127.0.0.1:" + PostgresServer.freePort() + "/shop";
        Diagnostic d = failure(project(orders(url, "select 1 as x", "    connect_timeout: 3s\n"), ""), ENV);
        assertThat(d.location()).isEqualTo("content/shop/index.md:5:11");
        assertThat(d.message()).startsWith("cannot connect to " + url + ": ");
    }

    @Test
    void badSqlIsLocatedWithTheDatabasesMessage() {
        Diagnostic d = failure(project(orders(pg.url("shop"), "select regoin from orders", ""), ""), ENV);
        assertThat(d.location()).isEqualTo("content/shop/index.md:8:12");
        assertThat(d.message()).isEqualTo("the query of dataset 'orders' failed in the database: "
                + "ERROR: column \"regoin\" does not exist (at character 8 of the query)");
    }

    @Test
    void slowQueryTimesOut() {
        long start = System.nanoTime();
        Diagnostic d = failure(project(orders(pg.url("shop"), "select pg_sleep(30) as slept", "    timeout: 1s\n"), ""), ENV);
        assertThat(d.message()).isEqualTo("the query of dataset 'orders' took longer than 1s");
        assertThat(d.location()).isEqualTo("content/shop/index.md:8:12");
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(20);
    }

    @Test
    void missingEnvironmentVariableIsLocatedAtItsName() {
        Diagnostic d = failure(project(orders(pg.url("shop"), "select 1 as x", ""), ""), Map.of("SHOP_USER", READER));
        assertThat(d.format()).isEqualTo("content/shop/index.md:7:22: error: environment variable SHOP_PASSWORD is not set\n"
                + "  hint: set it before building, e.g. export SHOP_PASSWORD=…; the password of dataset 'orders' is read from it and never written anywhere");
    }

    @Test
    void aChartCombinesParquetJsonAndPostgres() throws Exception {
        SiteFixture fx = project("""
                  targets: data/targets.parquet
                  regions: data/regions.json
                """ + orders(pg.url("shop"), "select region, sum(amount) as amount from orders group by region", ""), """
                ```sql combined
                select r.label, o.amount as sold, t.target
                from orders o join regions r on r.code = o.region join targets t on t.region = o.region
                order by r.label
                ```

                ```chart
                type: bar
                data: combined
                x: label
                y: [sold, target]
                title: Sales against target by region
                ```
                """);
        Files.createDirectories(dir.resolve("content/shop/data"));
        io.datadesk.data.FileFormatsTestSupport.writeParquet(dir.resolve("content/shop/data/targets.parquet"),
                "SELECT * FROM (VALUES ('North', 250.0), ('South', 200.0)) t(region, target)");
        fx.write("content/shop/data/regions.json", "[{\"code\": \"North\", \"label\": \"Northern region\"}, {\"code\": \"South\", \"label\": \"Southern region\"}]");
        build(fx, ENV, false);
        String csv = fx.read("site/shop/downloads/combined.csv");
        assertThat(csv.lines()).containsExactly("label,sold,target", "Northern region,270.75,250", "Southern region,175.75,200");
        Document doc = Jsoup.parse(dir.resolve("site/shop/index.html").toFile());
        assertThat(doc.select("figure svg").eachAttr("id")).isNotEmpty().allMatch(id -> id.startsWith("chart-1-"));
        assertThat(doc.select("figure").text()).contains("Northern region", "Southern region");
    }

    private static byte[] read(Path f) {
        try {
            return Files.readAllBytes(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
