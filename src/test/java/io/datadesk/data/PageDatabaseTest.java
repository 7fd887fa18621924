package io.datadesk.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datadesk.error.ContentException;
import io.datadesk.error.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PageDatabaseTest {

    @TempDir
    Path dir;
    PageDatabase db;

    @BeforeEach
    void open() throws IOException {
        db = PageDatabase.open();
        Path sales = dir.resolve("sales.csv");
        Files.writeString(sales, "region,year,amount\nNorth,2023,10\nSouth,2023,5\nNorth,2024,7\nSouth,2024,\n");
        db.load(DatasetSpec.of("sales", "sales.csv"), sales, "content/data/sales.csv");
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Diagnostic failure(String name, String sql, int firstLine) {
        try {
            db.query(name, sql, "content/page.md", firstLine);
        } catch (ContentException e) {
            assertThat(e.diagnostics()).hasSize(1);
            return e.diagnostics().get(0);
        }
        throw new AssertionError("query did not fail: " + sql);
    }

    @Test
    void queryResultsAreTypedAndBecomeTablesForLaterQueries() {
        QueryResult yearly = db.query("yearly", """
                select year, sum(amount) as total, avg(amount) as mean, count(*) as n
                from sales group by year order by year desc;
                """, "content/page.md", 12);
        assertThat(yearly.columns()).containsExactly(new Column("year", ColumnType.INTEGER), new Column("total", ColumnType.INTEGER),
                new Column("mean", ColumnType.DECIMAL), new Column("n", ColumnType.INTEGER));
        assertThat(yearly.rows()).containsExactly(List.of(2024L, 7L, 7.0, 2L), List.of(2023L, 15L, 7.5, 2L)); // order kept
        QueryResult best = db.query("best", "select max(total) as top from yearly", "content/page.md", 20);
        assertThat(best.rows()).containsExactly(List.of(15L));
        assertThat(db.tableNames()).containsExactly("sales", "yearly", "best");
        assertThat(db.results()).containsOnlyKeys("yearly", "best");
        assertThat(db.results().get("best")).isEqualTo(best);
    }

    @Test
    void mapsDuckDbTypes() {
        QueryResult r = db.query("types", """
                select 1::tinyint as a, 2::hugeint as b, 0.5 as c, 1.5::float as d, true as e, date '2024-03-01' as f,
                timestamp '2024-03-01 10:20:30' as g, 'x' as h, [1, 2] as i, interval 1 day as j, null::integer as k,
                timestamptz '2024-03-01 10:00:00+00' as l
                """, "p.md", 1);
        assertThat(r.columns()).extracting(Column::type).containsExactly(ColumnType.INTEGER, ColumnType.INTEGER, ColumnType.DECIMAL,
                ColumnType.DECIMAL, ColumnType.BOOLEAN, ColumnType.DATE, ColumnType.TIMESTAMP, ColumnType.TEXT, ColumnType.TEXT,
                ColumnType.TEXT, ColumnType.INTEGER, ColumnType.TIMESTAMP);
        assertThat(r.rows().get(0)).containsExactly(1L, 2L, 0.5, 1.5, true, LocalDate.of(2024, 3, 1),
                LocalDateTime.of(2024, 3, 1, 10, 20, 30), "x", "[1, 2]", "1 day", null, LocalDateTime.of(2024, 3, 1, 10, 0));
    }

    @Test
    void sqlErrorsPointAtTheMarkdownLineAndColumn() {
        // SQL starts at line 10 of the page; DuckDB stumbles on 'from' at the start of the SQL's fourth line
        Diagnostic d = failure("q", "select region,\n  sum(amount) as total\nwhere nope = 1\nfrom sales", 10);
        assertThat(d.location()).isEqualTo("content/page.md:13:1");
        assertThat(d.message()).startsWith("query 'q' failed: Parser error: syntax error at or near \"from\"");
        Diagnostic col = failure("q", "select region,\n       amont\nfrom sales", 10);
        assertThat(col.location()).isEqualTo("content/page.md:11:8");
        assertThat(col.message()).isEqualTo("query 'q' failed: Binder error: Referenced column \"amont\" not found in FROM clause!");
        assertThat(col.hint()).isEqualTo("did you mean 'amount'? Columns: sales (region, year, amount).");
    }

    @Test
    void unknownTablesListTheTablesOfThePage() {
        db.query("yearly", "select year, sum(amount) as total from sales group by year", "p.md", 1);
        Diagnostic d = failure("q", "select *\nfrom yearyl", 30);
        assertThat(d.location()).isEqualTo("content/page.md:31:6");
        assertThat(d.message()).isEqualTo("query 'q' failed: Catalog error: Table with name yearyl does not exist!");
        assertThat(d.hint()).isEqualTo("did you mean 'yearly'? Tables on this page: sales (region, year, amount); yearly (year, total).");
    }

    @Test
    void aQueryUsingAFailedOneSaysSo() {
        failure("yearly", "select nope from sales", 5);
        assertThat(failure("top", "select * from yearly", 9).hint()).isEqualTo("query 'yearly' failed above; fix that one first");
        assertThat(db.table("sales").rowCount()).isEqualTo(4);
    }

    @Test
    void otherErrorsKeepDuckDbsMessage() {
        Diagnostic d = failure("q", "select cast(region as integer) from sales", 5);
        assertThat(d.location()).isEqualTo("content/page.md:5:8");
        assertThat(d.message()).startsWith("query 'q' failed: Conversion error: Could not convert string 'North' to INT");
    }

    @Test
    void queryNamesMustBeNewAndValid() {
        assertThat(failure("sales", "select 1", 8).format()).isEqualTo("content/page.md:7: error: query name 'sales' is already used by "
                + "a dataset in front matter on this page\n  hint: give each query its own name");
        db.query("yearly", "select 1 as x", "p.md", 1);
        assertThat(failure("YEARLY", "select 2", 8).message()).isEqualTo("query name 'YEARLY' is already used by an earlier query on this page");
        assertThat(failure("from", "select 2", 8).message()).isEqualTo("query name: 'from' is an SQL keyword and cannot name a table");
        assertThat(failure("empty", "  ;\n", 8).message()).isEqualTo("query 'empty' is empty");
        // a failed query leaves no table behind and the connection usable
        assertThat(failure("broken", "select nope from sales", 8).message()).contains("nope");
        assertThat(db.query("broken", "select 3 as x", "p.md", 1).rows()).containsExactly(List.of(3L));
    }

    @Test
    void aBlockHoldsOneStatement() {
        Diagnostic d = failure("two", "select 1 as a;\n  select 2 as b", 40);
        assertThat(d.location()).isEqualTo("content/page.md:41:3");
        assertThat(d.message()).isEqualTo("query 'two' has more than one SQL statement");
        // semicolons in strings, quoted names and comments, and trailing ones, are fine
        QueryResult r = db.query("one", "select ';' as \"a;b\", 'it''s; ok' as c -- done; really\n/* ; */ ;\n", "p.md", 1);
        assertThat(r.rows()).containsExactly(List.of(";", "it's; ok"));
        assertThat(db.query("ends", "select 1 as a; -- nothing else\n", "p.md", 1).rows()).containsExactly(List.of(1L));
        assertThat(failure("two2", "select 1 as a;select 2", 1).location()).isEqualTo("content/page.md:1:15");
    }

    // ---- issue 18: DuckDB's own parser decides what a statement is; limits; nothing of the machine ----

    @Test
    void quotingDuckDbKnowsCannotSmuggleASecondStatement() {
        for (String sql : List.of("select $$'$$ as v; drop table sales; select 1 as w --'",
                "select E'\\'' as v; drop table sales; select 1 as w --'", "select 1 as x); drop table sales; select (1",
                "select 1 as x)); drop table sales; select ((1", "drop table sales", "set threads = 64", "pivot sales on region using sum(amount); drop table sales")) {
            Diagnostic d = failure("smuggle", sql, 3);
            assertThat(d.message()).as(sql).containsAnyOf("more than one SQL statement", "Parser error");
            assertThat(db.table("sales").rowCount()).as(sql).isEqualTo(4);
        }
        // one PIVOT (not a SELECT DuckDB can serialize) is one query
        QueryResult p = db.query("wide", "pivot sales on region using sum(amount) group by year order by year", "p.md", 1);
        assertThat(p.columns()).extracting(Column::name).containsExactly("year", "North", "South");
    }

    @Test
    void nestingDeeperThanTheLimitIsRefusedBeforeDuckDbParsesIt() {
        // 900 levels killed the JVM with SIGSEGV inside DuckDB's parser.
        for (String open : List.of("[", "(")) {
            String close = open.equals("[") ? "]" : ")";
            Diagnostic d = failure("deep", "select\n  " + open.repeat(900) + "1" + close.repeat(900) + " as a", 7);
            assertThat(d.message()).isEqualTo("query 'deep': the query nests brackets more than 100 levels deep");
            assertThat(d.location()).isEqualTo("content/page.md:8:103");
        }
        // operators nest without brackets: DuckDB's own depth check, set below the crash, answers
        Diagnostic d = failure("deep", "select " + "not ".repeat(2000) + "true as a", 7);
        assertThat(d.message()).contains("depth");
        assertThat(failure("deep", "select 1" + "+1".repeat(5000) + " as a", 7).message()).contains("depth");
        assertThat(db.query("fine", "select " + "(".repeat(40) + "1" + ")".repeat(40) + " as a", "p.md", 1).rows()).containsExactly(List.of(1L));
    }

    @Test
    void functionsThatRevealTheMachineAreUnavailable() {
        for (String sql : List.of("select current_setting('temp_directory') as t", "select * from duckdb_settings()",
                "from duckdb_settings", "select * from pragma_database_list", "select getenv('HOME') as h", "from query('select 1')",
                "select * from sales where region <> current_setting('home_directory')", "select \"current_setting\"('temp_directory') as t",
                "pivot (select current_setting('temp_directory') as t) on t using count(*)")) {
            Diagnostic d = failure("leak", sql, 3);
            assertThat(d.message()).as(sql).contains("is not available in datadesk queries");
            assertThat(d.hint()).contains("the computer the site is built on");
        }
    }

    @Test
    void aQueryThatRunsTooLongIsStopped() {
        try (PageDatabase limited = PageDatabase.open(new QueryLimits(java.time.Duration.ofSeconds(1), 512L << 20, 1, 1000))) {
            long start = System.nanoTime();
            Diagnostic d;
            try {
                limited.query("forever", "with recursive t(n) as (select 1 union all select n + 1 from t) select count(*) as c from t",
                        "content/page.md", 5);
                throw new AssertionError("did not stop");
            } catch (ContentException e) {
                d = e.diagnostics().get(0);
            }
            assertThat(d.format()).startsWith("content/page.md:4: error: query 'forever' was stopped after 1 s (the limit is query_timeout in datadesk.yaml)");
            assertThat((System.nanoTime() - start) / 1_000_000_000).isLessThan(30);
            // the database is still usable
            assertThat(limited.query("after", "select 1 as one", "p.md", 1).rows()).containsExactly(List.of(1L));
        }
    }

    @Test
    void rowsPerPageAndDuckDbsMemoryAndThreadsAreLimited() {
        try (PageDatabase limited = PageDatabase.open(new QueryLimits(java.time.Duration.ofSeconds(30), 300L << 20, 1, 1000))) {
            assertThat(limited.setting("memory_limit")).isEqualTo("300.0 MiB");
            assertThat(limited.setting("threads")).isEqualTo("1");
            try {
                limited.query("many", "select range as v from range(20000)", "content/page.md", 5);
                throw new AssertionError("no limit");
            } catch (ContentException e) {
                assertThat(e.diagnostics().get(0).format()).startsWith(
                        "content/page.md:4: error: query 'many' returns 20,000 rows; a page takes at most 1,000 (the limit is max_rows in datadesk.yaml)");
            }
            assertThat(limited.query("few", "select range as v from range(1000)", "p.md", 1).rowCount()).isEqualTo(1000);
        }
        // the defaults come from the machine, not DuckDB's 80 % of the RAM
        try (PageDatabase explicit = PageDatabase.open(new QueryLimits(java.time.Duration.ofSeconds(60), QueryLimits.defaultMemory(), 2, 10))) {
            assertThat(db.setting("memory_limit")).isEqualTo(explicit.setting("memory_limit"));
        }
        assertThat(QueryLimits.defaultMemory()).isBetween(256L << 20, 4096L << 20);
    }

    @Test
    void largeResultsKeepTheirOrder() {
        QueryResult r = db.query("big", "select range as v from range(100000) order by v desc", "p.md", 1);
        List<Object> expected = new java.util.ArrayList<>();
        for (long v = 99_999; v >= 0; v--) expected.add(v);
        assertThat(r.values("v")).isEqualTo(expected);
    }

    @Test
    void sqlCannotReachTheFileSystem() throws IOException {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "password");
        Diagnostic read = failure("leak", "select * from read_text('" + secret + "')", 3);
        assertThat(read.message()).contains("Permission error", "file system operations are disabled");
        assertThat(read.hint()).startsWith("SQL cannot read or write files");
        assertThat(failure("leak", "select * from read_csv('/etc/passwd')", 3).message()).contains("disabled");
        assertThat(failure("w", "select 1 as x; copy sales to '" + dir.resolve("out.csv") + "'", 3).message()).contains("more than one");
        assertThat(Files.exists(dir.resolve("out.csv"))).isFalse();
    }

    @Test
    void pagesAreIsolated() {
        try (PageDatabase other = PageDatabase.open()) {
            assertThatThrownBy(() -> other.query("q", "select * from sales", "other.md", 3))
                    .isInstanceOfSatisfying(ContentException.class, e -> assertThat(e.diagnostics().get(0).hint())
                            .startsWith("This page has no tables yet"));
        }
    }

    @Test
    void aReusedDatabaseIsEmptySealedAndKeptOnlyAfterCleanPages() throws IOException {
        // Limits of this test alone, so that other tests' databases do not mix in.
        QueryLimits limits = new QueryLimits(java.time.Duration.ofSeconds(37), 333L << 20, 1, 1234);
        Path sales = dir.resolve("sales.csv");
        try (PageDatabase first = PageDatabase.openSealed(limits)) {
            first.load(DatasetSpec.of("sales", "sales.csv"), sales, "content/data/sales.csv");
            first.query("yearly", "select year, sum(amount) as total from sales group by year", "content/a.md", 3);
        }
        assertThat(PageDatabase.idle(limits)).isEqualTo(1);
        try (PageDatabase second = PageDatabase.openSealed(limits)) {
            assertThat(PageDatabase.idle(limits)).isZero(); // the first page's database, emptied
            assertThatThrownBy(() -> second.query("q", "select * from yearly", "content/b.md", 3))
                    .isInstanceOfSatisfying(ContentException.class, e -> assertThat(e.diagnostics().get(0).hint())
                            .startsWith("This page has no tables yet"));
            assertThat(second.setting("enable_external_access")).isEqualTo("false");
            assertThat(second.setting("lock_configuration")).isEqualTo("true");
            assertThat(second.setting("memory_limit")).isEqualTo(PageDatabase.open(limits).setting("memory_limit"));
            assertThatThrownBy(() -> second.query("leak", "select * from read_csv('" + sales + "')", "content/b.md", 3))
                    .isInstanceOf(ContentException.class);
            second.load(DatasetSpec.of("sales", "sales.csv"), sales, "content/data/sales.csv"); // a sealed database still loads CSV
            assertThat(second.query("n", "select count(*) as n from sales", "content/b.md", 3).rows()).containsExactly(List.of(4L));
        }
        assertThat(PageDatabase.idle(limits)).as("a page whose SQL failed: its database is closed").isZero();
        try (PageDatabase third = PageDatabase.openSealed(limits)) {
            third.query("one", "select 1 as x", "content/c.md", 3);
        }
        assertThat(PageDatabase.idle(limits)).isEqualTo(1);
        try (PageDatabase withFiles = PageDatabase.open(limits)) {
            withFiles.load(DatasetSpec.of("sales", "sales.csv"), sales, "content/data/sales.csv");
        }
        assertThat(PageDatabase.idle(limits)).as("a database never sealed is closed").isEqualTo(1);
    }

    @Test
    void datasetsThatLoadedBeforeAreCopiedInOnlyWhenAQueryNamesThem() throws IOException {
        Path content = dir.resolve("content");
        Files.createDirectories(content);
        Files.writeString(content.resolve("a.csv"), "x\n1\n2\n");
        Files.writeString(content.resolve("b.csv"), "y\n10\n");
        Files.writeString(content.resolve("c.csv"), "z\nq\n");
        List<DatasetSpec> specs = List.of(DatasetSpec.of("a", "a.csv"), DatasetSpec.of("b", "b.csv"), DatasetSpec.of("c", "c.csv"));
        DataPaths paths = new DataPaths(dir, content);
        java.util.Map<String, List<Column>> seen = new java.util.HashMap<>();
        PageDatabase.LoadedBefore memory = new PageDatabase.LoadedBefore() {
            @Override
            public List<Column> columns(DatasetSpec spec) {
                return seen.get(spec.name());
            }

            @Override
            public void loaded(DatasetSpec spec, List<Column> columns) {
                seen.put(spec.name(), columns);
            }
        };
        QueryLimits limits = QueryLimits.machineDefaults();
        try (PageDatabase first = PageDatabase.openSealed(limits)) {
            first.loadAll(specs, content, paths, memory);
        }
        assertThat(seen).containsOnlyKeys("a", "b", "c");
        assertThat(seen.get("a")).containsExactly(new Column("x", ColumnType.INTEGER));
        // c's file now breaks, but the memory says it loaded: only a query naming it reads the file (in the build the
        // memory is keyed by the file's content, so this cannot happen there; here it shows what is read when).
        Files.writeString(content.resolve("c.csv"), "z\n\"never closed\n");
        try (PageDatabase db = PageDatabase.openSealed(limits)) {
            db.loadAll(specs, content, paths, memory);
            assertThat(db.tableNames()).as("every dataset is a table of the page, in order").containsExactly("a", "b", "c");
            assertThat(db.query("s", "select sum(x) + (select y from b) as s from a", "content/p.md", 3).rows()).containsExactly(List.of(13L));
            assertThat(db.table("b").rows()).containsExactly(List.of(10L));
            assertThatThrownBy(() -> db.query("t", "select nope from a", "content/p.md", 5))
                    .isInstanceOfSatisfying(ContentException.class, e -> assertThat(e.diagnostics().get(0).hint())
                            .as("columns of tables not copied in yet").contains("a (x); b (y); c (z); s (s)"));
            assertThatThrownBy(() -> db.query("u", "select * from c", "content/p.md", 7))
                    .as("named: read now").isInstanceOf(ContentException.class);
        }
        // A database that may read files itself (not sealed yet) loads every dataset now.
        try (PageDatabase open = PageDatabase.open(limits)) {
            assertThatThrownBy(() -> open.loadAll(specs, content, paths, memory)).isInstanceOf(ContentException.class);
        }
    }

    @Test
    void theReuseCheckCountsEveryKindOfObjectAPageCouldLeave() throws java.sql.SQLException {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:duckdb:"); java.sql.Statement s = c.createStatement()) {
            assertThat(PageDatabase.catalogueObjects(s)).as("a new database").isZero();
            long n = 0;
            for (String ddl : List.of("CREATE TABLE t (x INTEGER)", "CREATE VIEW v AS SELECT 1 AS y", "CREATE SEQUENCE q",
                    "CREATE INDEX i ON t (x)", "CREATE SCHEMA other", "CREATE TABLE other.u (z INTEGER)")) {
                s.execute(ddl);
                assertThat(PageDatabase.catalogueObjects(s)).as(ddl).isEqualTo(++n);
            }
            for (String drop : List.of("DROP SCHEMA other CASCADE", "DROP INDEX i", "DROP SEQUENCE q", "DROP VIEW v", "DROP TABLE t")) s.execute(drop);
            assertThat(PageDatabase.catalogueObjects(s)).isZero();
        }
    }

    @Test
    void aDatabaseStartedEarlyIsTheNextPagesSealedDatabase() throws IOException {
        QueryLimits limits = new QueryLimits(java.time.Duration.ofSeconds(41), 321L << 20, 1, 4321);
        PageDatabase.startEarly(limits);
        PageDatabase.startEarly(limits); // one at a time
        assertThat(PageDatabase.startedEarly(limits)).isTrue();
        Path sales = dir.resolve("sales.csv");
        try (PageDatabase db = PageDatabase.openSealed(limits)) {
            assertThat(PageDatabase.startedEarly(limits)).as("taken by the page").isFalse();
            assertThat(db.setting("enable_external_access")).isEqualTo("false");
            assertThat(db.setting("lock_configuration")).isEqualTo("true");
            assertThat(db.setting("memory_limit")).isEqualTo(PageDatabase.open(limits).setting("memory_limit"));
            db.load(DatasetSpec.of("sales", "sales.csv"), sales, "content/data/sales.csv");
            assertThat(db.query("n", "select count(*) as n from sales", "content/a.md", 3).rows()).containsExactly(List.of(4L));
        }
        assertThat(PageDatabase.idle(limits)).as("kept for the next page, as any clean page's database").isEqualTo(1);
        PageDatabase.startEarly(limits);
        assertThat(PageDatabase.startedEarly(limits)).as("a database is idle: none is started").isFalse();
    }

    @Test
    void aBlockIsCheckedOncePerProcessAndItsVerdictKept() throws Exception {
        String fine = "select 41 + 1 as answer_" + System.nanoTime();
        String refused = "select current_setting('memory_limit') as m_" + System.nanoTime();
        java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:duckdb:");
        SqlGuard.Parser parser = new SqlGuard.Parser(c);
        assertThat(SqlGuard.check(parser, fine)).isNull();
        SqlGuard.Problem problem = SqlGuard.check(parser, refused);
        assertThat(problem).isNotNull();
        assertThat(problem.message()).contains("current_setting");
        c.close(); // DuckDB's parser is gone: the same texts get the same verdicts without it
        assertThat(SqlGuard.check(parser, fine)).isNull();
        assertThat(SqlGuard.check(parser, refused)).isEqualTo(problem);
        assertThatThrownBy(() -> SqlGuard.check(parser, fine + " + 1")).isInstanceOf(java.sql.SQLException.class);
    }

    @Test
    void aResultOfNumbersAndDatesIsReadWithoutCountingItsText() {
        QueryResult r = db.query("q", "select make_date(year, 1, 2) as d, year, amount * 1.5 as x, amount > 6 as b from sales "
                + "order by year, region", "page.md", 3);
        assertThat(r.rowCount()).isEqualTo(4);
        assertThat(r.rows().get(0)).containsExactly(LocalDate.of(2023, 1, 2), 2023L, 15.0, true);
        assertThat(r.rows().get(3)).containsExactly(LocalDate.of(2024, 1, 2), 2024L, null, null);
        QueryResult text = db.query("w", "select repeat(region, 2) as w, year from sales order by year, region", "page.md", 6);
        assertThat(text.values("w")).containsExactly("NorthNorth", "SouthSouth", "NorthNorth", "SouthSouth");
    }
}
