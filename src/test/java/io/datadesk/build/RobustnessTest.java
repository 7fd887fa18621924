package io.datadesk.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression tests for issue 18 (never crash, never hang, never leak): each input that once crashed, hung, leaked or
 * gave an unlocated error now builds or fails with a located message, exit 1 and the previous site untouched.
 */
class RobustnessTest {

    @TempDir Path dir;
    SiteFixture fx;
    String before;

    @BeforeEach
    void goodBuildFirst() {
        fx = new SiteFixture(dir)
                .write("datadesk.yaml", "title: Desk\n")
                .write("content/index.md", "---\ntitle: Home\n---\nHello.\n")
                .write("content/a.md", "---\ntitle: A\n---\nA page.\n");
        SiteFixture.Run ok = fx.cli("build");
        assertThat(ok.code()).as(ok.err()).isZero();
        before = fx.snapshot("site");
    }

    /** Asserts a build fails with exit 1, one located error containing {@code expected}, no trace, site untouched. */
    SiteFixture.Run fails(String expected) {
        SiteFixture.Run run = fx.cli("build");
        assertThat(run.code()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(fx.snapshot("site")).as("previous site untouched").isEqualTo(before);
        assertThat(run.err()).contains(expected).contains("Build failed; site/ was left as it was.")
                .doesNotContain("Exception").doesNotContain("\tat ");
        return run;
    }

    // ---- clean-up ----

    @Test
    void foldersLeftByKilledBuildsAreRemovedAndTheSiteHasNormalPermissions() throws Exception {
        // What builds killed before their end left: staging folders of today's and of older naming, an old site.
        for (String name : new String[] {".site-new-123456789", ".site-old-987654321", ".site-new-p999999999-abc"}) {
            Files.createDirectories(dir.resolve(name).resolve("sub"));
            Files.writeString(dir.resolve(name).resolve("sub/index.html"), "stale");
        }
        Files.createDirectories(dir.resolve(".other-new-1")); // not ours: kept
        assertThat(fx.cli("build").code()).isZero();
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).filteredOn(n -> n.startsWith(".site-")).isEmpty();
        }
        assertThat(dir.resolve(".other-new-1")).isDirectory();

        // The site folder gets the same mode as any folder this process makes (the umask's), not a private 0700.
        Path plain = Files.createDirectory(dir.resolve("plain"));
        Set<PosixFilePermission> expected = Files.getPosixFilePermissions(plain);
        assertThat(Files.getPosixFilePermissions(dir.resolve("site"))).isEqualTo(expected);
        assertThat(Files.getPosixFilePermissions(dir.resolve("site/a"))).isEqualTo(expected);
    }

    // ---- SQL ----

    static String page(String frontMatterData, String... blocks) {
        StringBuilder sb = new StringBuilder("---\ntitle: A\n").append(frontMatterData).append("---\nA page.\n\n");
        for (String b : blocks) sb.append(b).append("\n\n");
        return sb.toString();
    }

    static final String DATA = "data:\n  src: data/d.csv\n";
    static final String QUERY = "```sql d\nselect * from src\n```";

    @Test
    void deeplyNestedSqlIsALocatedErrorNotACrashOfTheJvm() {
        // 900 levels: SIGSEGV inside DuckDB, exit 139 with no message
        fx.write("content/q/data/d.csv", "x,y\n1,2\n").write("content/q/index.md", "---\ntitle: A\n---\n")
                .write("content/q/index.md", page(DATA, "```sql deep\nselect " + "[".repeat(900) + "1" + "]".repeat(900) + " as a\n```"));
        fails("content/q/index.md:9:108: error: query 'deep': the query nests brackets more than 100 levels deep");
    }

    @Test
    void aSecondStatementCannotHideInDuckDbQuoting() {
        fx.write("content/q/data/d.csv", "x,y\n1,2\n")
                .write("content/q/index.md", page(DATA, "```sql v\nselect $$'$$ as v; drop table src; select 1 as w --'\n```",
                        "```sql e\nselect E'\\'' as v; drop table src; select 1 as w --'\n```"));
        SiteFixture.Run run = fails("content/q/index.md:9:20: error: query 'v' has more than one SQL statement");
        assertThat(run.err()).contains("query 'v'").contains("query 'e'");
    }

    @Test
    void settingsAndPathsOfTheMachineCannotBePublished() {
        fx.write("content/q/data/d.csv", "x,y\n1,2\n")
                .write("content/q/index.md", page(DATA, "```sql s show\nselect * from duckdb_settings()\n```",
                        "```sql t\nselect current_setting('temp_directory') as t\n```"));
        SiteFixture.Run run = fails("content/q/index.md:9:15: error: query 's': 'duckdb_settings' is not available in datadesk queries");
        assertThat(run.err()).contains("content/q/index.md:13:8: error: query 't': 'current_setting' is not available");
    }

    @Test
    @org.junit.jupiter.api.Timeout(120)
    void queriesAreBoundedInTimeAndRows() {
        fx.write("datadesk.yaml", "title: Desk\nquery_timeout: 1s\nmax_rows: 1000\n")
                .write("content/q/data/d.csv", "x,y\n1,2\n")
                .write("content/q/index.md", page(DATA, "```sql forever\nwith recursive t(n) as (select 1 union all select n + 1 from t) select count(*) as c from t\n```",
                        "```sql many\nselect range as v from range(2000000)\n```"));
        SiteFixture.Run run = fails("content/q/index.md:8: error: query 'forever' was stopped after 1 s (the limit is query_timeout in datadesk.yaml)");
        assertThat(run.err()).contains("content/q/index.md:12: error: query 'many' returns 2,000,000 rows; a page takes at most 1,000 (the limit is max_rows in datadesk.yaml)");
    }

    @Test
    @org.junit.jupiter.api.Timeout(300)
    void hugeTextIsALocatedErrorNotAnOutOfMemoryError() {
        fx.write("content/q/data/d.csv", "x,y\n1,2\n")
                .write("content/q/index.md", page(DATA, "```sql big\nselect repeat('x', 100000000) as v\n```"));
        fails("content/q/index.md:8: error: query 'big' returns 95 MB of text; a page takes at most 64 MB");
    }

    @Test
    void limitsInTheSiteSettingsAreCheckedWithTheirLine() {
        fx.write("datadesk.yaml", "title: Desk\nquery_timeout: soon\nmemory_limit: lots\nthreads: 0\nmax_chart_points: 1\n");
        SiteFixture.Run run = fails("datadesk.yaml:2:16: error: query_timeout must be a positive time such as 30s, 2m or 1h, not 'soon'");
        assertThat(run.err()).contains("datadesk.yaml:3:15: error: memory_limit must be a size").contains("datadesk.yaml:4:10: error: threads must be between 1")
                .contains("datadesk.yaml:5:19: error: max_chart_points must be between 2");
    }

    @Test
    void aLongColumnNameIsKeptByTheQueryCache() {
        String name = "c".repeat(70_000);
        fx.write("content/q/data/d.csv", "x,y\n1,2\n")
                .write("content/q/index.md", page(DATA, "```sql long show\nselect 1 as \"" + name + "\"\n```"));
        SiteFixture.Run run = fx.cli("build");
        assertThat(run.code()).as(run.err()).isZero();
        SiteFixture.Run again = fx.cli("build"); // from the cache
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.out()).contains("1 cached");
    }

    // ---- charts ----

    static String chart(String type, String extra) {
        return "```chart\ntype: " + type + "\ndata: d\nx: x\ny: y\n" + extra + "```";
    }

    @Test
    @org.junit.jupiter.api.Timeout(120)
    void hugeAndInfiniteValuesInChartsAreLocatedErrorsNotHangs() {
        fx.write("content/q/data/d.csv", "x,y\n2020,1\n2021,1e39\n")
                .write("content/r/data/d.csv", "x,y\nNorth,1\nSouth,2\n")
                .write("content/q/index.md", page(DATA, QUERY, chart("line", "")))
                .write("content/r/index.md", page(DATA, QUERY, chart("line", "y-max: 1e39\n"), chart("scatter", "y-max: 3.4e39\n")))
                .write("content/s/data/d.csv", "x,y\nNorth,1\nSouth,2\n")
                .write("content/s/index.md", page(DATA, "```sql inf\nselect x, 'inf'::double as y from src\n```",
                        "```chart\ntype: pie\ndata: inf\nx: x\ny: y\n```", "```chart\ntype: bar\ndata: inf\nx: x\ny: y\n```"));
        SiteFixture.Run run = fails("content/q/index.md:");
        assertThat(run.err()).contains("content/q/index.md:13:1: error: column 'y' of 'd' has 1.0E39 in row 2; a chart draws finite numbers between -1e15 and 1e15")
                .contains("content/r/index.md:17:8: error: y-max must be a finite number between -1e15 and 1e15, not 1.0E39")
                .contains("content/r/index.md:25:8: error: y-max must be a finite number")
                .contains("column 'y' of 'inf' has Infinity in row 1")
                .doesNotContain("internal error");
    }

    @Test
    @org.junit.jupiter.api.Timeout(120)
    void longCategoryLabelsAreShortenedInTheDrawingAndKeptInTheData() throws Exception {
        String label = "L".repeat(80_000);
        fx.write("content/q/data/d.csv", "x,y\n" + label + ",1\nshort,2\n").write("content/q/index.md", page(DATA, QUERY, chart("bar", "")));
        SiteFixture.Run run = fx.cli("build");
        assertThat(run.code()).as(run.err()).isZero();
        // the drawing (and its data table) shorten it; the CSV download keeps it whole
        assertThat(Files.readString(dir.resolve("site/q/index.html"))).contains("L".repeat(99) + "…").doesNotContain("L".repeat(101));
        assertThat(Files.readString(dir.resolve("site/q/downloads/d.csv"))).contains(label);
    }

    @Test
    void chartsDrawAtMostTheirPointLimit() {
        fx.write("datadesk.yaml", "title: Desk\nmax_chart_points: 500\n")
                .write("content/q/data/d.csv", "x,y\n1,2\n")
                .write("content/q/index.md", page("", "```sql d\nselect range as x, range * 2 as y from range(1000)\n```", chart("scatter", "")));
        fails("content/q/index.md:11:1: error: the chart would draw 1,000 points from 'd'; a chart draws at most 500 (the limit is max_chart_points in datadesk.yaml)");
    }

    // ---- YAML, UTF-8 ----

    @Test
    void deeplyNestedYamlIsRefusedBeforeParsing() {
        fx.write("content/q/index.md", "---\ntitle: A\ntags: " + "[".repeat(5000) + "]".repeat(5000) + "\n---\nA page.\n");
        fails("content/q/index.md:3:56: error: YAML nested more than 50 levels deep");
        fx.write("content/q/data/d.csv", "x,y\n1,2\n")
                .write("content/q/index.md", page(DATA, QUERY, "```chart\ntype: bar\ndata: d\nx: x\ny: y\nnote: " + "{a: ".repeat(3000) + "1" + "}".repeat(3000) + "\n```"));
        fails("content/q/index.md:17:");
        fx.write("content/q/index.md", "---\ntitle: A\ntags:\n" + "  ".repeat(0) + nestedBlocks(300) + "---\nA page.\n");
        fails("YAML nested more than 50 levels deep");
    }

    /** A block sequence nested {@code depth} levels, one level per line and indentation step. */
    private static String nestedBlocks(int depth) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < depth; i++) sb.append(" ".repeat(i + 1)).append("-\n");
        return sb.append(" ".repeat(depth + 1)).append("x\n").toString();
    }

    @Test
    void invalidUtf8IsReportedAtItsLineAndColumn() throws Exception {
        Files.createDirectories(dir.resolve("content/q"));
        Files.write(dir.resolve("content/q/index.md"), bytes("---\ntitle: A\n---\nCaf", 0xE9, " au lait.\n"));
        fails("content/q/index.md:4:4: error: the file is not UTF-8 text: byte 0xE9 at byte offset 20");
        Files.writeString(dir.resolve("content/q/index.md"), "---\ntitle: A\n---\nA page.\n");
        Files.write(dir.resolve("datadesk.yaml"), bytes("title: D", 0xFF, "sk\n"));
        fails("datadesk.yaml:1:9: error: the file is not UTF-8 text: byte 0xFF");
        Files.writeString(dir.resolve("datadesk.yaml"), "title: Desk\n");
        fx.write("content/q/index.md", page(DATA, QUERY, chart("bar", "")));
        Files.createDirectories(dir.resolve("content/q/data"));
        Files.write(dir.resolve("content/q/data/d.csv"), bytes("x,y\nNorth,1\nS", 0xF6, "d,2\n"));
        fails("content/q/data/d.csv:3:2: error: the file is not UTF-8 text: byte 0xF6");
    }

    @Test
    void messagesAboutNamesPartialsAndCsvRowsNameTheirColumnAndAHint() throws Exception {
        // a reused query name points at the name on the fence line
        fx.write("content/q/data/d.csv", "x,y\n1,2\n")
                .write("content/q/index.md", page(DATA, "```sql q\nselect 1 as v\n```", "```sql q\nselect 2 as v\n```"));
        SiteFixture.Run run = fails("content/q/index.md:12:8: error: query name 'q' is already used by an earlier query on this page");
        assertThat(run.err()).contains("hint: give each query its own name");
        // a partial that is not UTF-8: the file, line and column of the first bad byte
        fx.write("content/q/index.md", page(DATA, "{{> part }}"));
        Files.createDirectories(dir.resolve("partials"));
        Files.write(dir.resolve("partials/part.md"), bytes("Hello\nCaf", 0xE9, " x\n"));
        run = fails("partials/part.md:2:4: error: the file is not UTF-8 text: byte 0xE9 at byte offset 9");
        assertThat(run.err()).contains("hint: save the file as UTF-8");
        Files.delete(dir.resolve("partials/part.md"));
        // CSV: a duplicate column name and rows with the wrong number of fields, each at its column, with a hint
        fx.write("content/q/index.md", page(DATA, QUERY)).write("content/q/data/d.csv", "x,x\n1,2\n");
        run = fails("content/q/data/d.csv:1:3: error: duplicate column name 'x' (columns 1 and 2)");
        assertThat(run.err()).contains("hint: give each column its own name");
        fx.write("content/q/data/d.csv", "x,y,z\n1,2,3\n4,5\n");
        run = fails("content/q/data/d.csv:3:4: error: row has 2 fields, the header has 3");
        assertThat(run.err()).contains("hint: every row needs one value per column");
    }

    private static byte[] bytes(Object... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (Object p : parts) {
            if (p instanceof Integer b) out.write(b);
            else out.writeBytes(p.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    // ---- files from outside the project ----

    @Test
    void staticFilesThatLinkOutsideTheProjectAreRefused() throws Exception {
        Path outside = Files.createTempFile("datadesk-secret", ".txt");
        try {
            Files.writeString(outside, "root:x:0:0:secret");
            Files.createDirectories(dir.resolve("content/p"));
            Files.createSymbolicLink(dir.resolve("content/p/notes.txt"), outside);
            fails("content/p/notes.txt: error: this file is a symbolic link to a file outside the project (or the templates folder), which would be published");
            // a link within the project is fine
            Files.delete(dir.resolve("content/p/notes.txt"));
            Files.writeString(dir.resolve("notes.txt"), "project notes");
            Files.createSymbolicLink(dir.resolve("content/p/notes.txt"), dir.resolve("notes.txt"));
            assertThat(fx.cli("build").code()).isZero();
            assertThat(dir.resolve("site/p/notes.txt")).hasContent("project notes");
        } finally {
            Files.deleteIfExists(outside);
        }
    }

    @Test
    void aTemplatesFolderThatIsALinkWorks() throws Exception {
        Path link = dir.resolve("theme");
        Files.createSymbolicLink(link, SiteFixture.repoTemplates());
        SiteFixture.Run run = fx.cli("build", "--templates", link.toString());
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(dir.resolve("site/a/index.html")).exists();
    }

    // ---- raw HTML ----

    @Test
    void rawHtmlPassesThroughUnlessTheSiteRefusesIt() throws Exception {
        fx.write("content/q/index.md", "---\ntitle: A\n---\nA <b>bold</b> page.\n\n<script>alert(1)</script>\n\n<!-- a comment -->\n");
        assertThat(fx.cli("build").code()).isZero();
        assertThat(Files.readString(dir.resolve("site/q/index.html"))).contains("<script>alert(1)</script>");
        before = fx.snapshot("site");
        fx.write("datadesk.yaml", "title: Desk\nraw_html: false\n");
        SiteFixture.Run run = fails("content/q/index.md:4:3: error: raw HTML is not allowed on this site (raw_html: false in datadesk.yaml)");
        assertThat(run.err()).contains("content/q/index.md:6:1: error: raw HTML").doesNotContain("content/q/index.md:8:");
    }
}
