package io.datadesk.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.datadesk.build.SiteFixture;
import io.datadesk.chart.ChartSpec;
import io.datadesk.data.CsvLoader;
import io.datadesk.data.DatasetSpec;
import io.datadesk.data.PageDatabase;
import io.datadesk.data.QueryResult;
import io.datadesk.error.ContentException;
import io.datadesk.error.Diagnostic;
import io.datadesk.format.InlineExpression;
import io.datadesk.read.FrontMatter;
import io.datadesk.table.TableSpec;
import io.datadesk.yaml.YamlNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.jsoup.Jsoup;

/**
 * The promise of issue 18, checked on generated input: every input builds or fails with located errors (a
 * {@link ContentException}, never another exception, an Error or a crash), in bounded time, leaving the previous site
 * untouched, and data never becomes markup. One property per input channel (front matter, CSV, chart and table
 * options, inline expressions, SQL) and one over whole builds through the real command line.
 *
 * <p>The generators mix valid pieces with the shapes that broke datadesk before (deep nesting, huge and non-finite
 * numbers, long labels, bytes that are not UTF-8, quoting tricks, functions that reveal the machine), so most tries
 * get past the first check. {@code mvn verify} runs 50 tries per property (about two minutes); {@code bench/fuzz.sh}
 * runs them for as long as asked. A failure is shrunk by jqwik and printed with its seed; keep it as a regression
 * test in {@code RobustnessTest}.
 */
class FuzzTest {

    static final String MARK = "x-evil";
    private static PageDatabase db;
    private static Path dir;

    @BeforeContainer
    static void openDatabase() throws IOException {
        dir = Files.createTempDirectory("datadesk-fuzz");
        db = PageDatabase.open(new io.datadesk.data.QueryLimits(Duration.ofSeconds(2), 512L << 20, 2, 100_000));
        Path d = dir.resolve("d.csv");
        Files.writeString(d, "region,year,amount\nNorth,2023,10\nSouth,2023,5\n<x-evil>,2024,7\n");
        db.load(DatasetSpec.of("d", "d.csv"), d, "d.csv");
        db.query("one", "select 'North' as region, 2024 as year, 10.5 as amount, date '2024-03-01' as day", "p.md", 1);
    }

    @AfterContainer
    static void closeDatabase() throws IOException {
        db.close();
        deleteTree(dir);
    }

    // ---- the promise for one call: returns, or fails with located ContentExceptions only ----

    static void locatedOrFine(String file, Runnable call) {
        try {
            call.run();
            net.jqwik.api.statistics.Statistics.label("outcome").collect("accepted");
        } catch (ContentException e) {
            net.jqwik.api.statistics.Statistics.label("outcome").collect("located error");
            assertThat(e.diagnostics()).isNotEmpty();
            for (Diagnostic d : e.diagnostics()) {
                assertThat(d.file()).as(d.format()).isEqualTo(file);
                assertThat(d.message()).as(d.format()).isNotBlank().doesNotContain("Exception");
            }
        }
    }

    // ---- generators ----

    /** YAML-like text: the structural characters of YAML, nesting, and values of every troublesome kind. */
    @Provide
    Arbitrary<String> yaml() {
        Arbitrary<String> piece = Arbitraries.oneOf(
                Arbitraries.strings().withChars("[]{}:-,#&*!|>'\"%@` \n\tab0é?").ofMaxLength(40),
                Arbitraries.of("title: A\n", "tags: [a, b]\n", "data:\n  d: data/d.csv\n", "date: 2024-01-01\n", "draft: true\n",
                        "type: line\n", "x: year\n", "y: amount\n", "y-max: 1e39\n", "y-min: -inf\n", "y-max: .nan\n", "height: 0\n",
                        "annotations:\n  - x: 2023\n    label: a\n", "columns:\n  amount: { format: percent:1 }\n", "limit: -1\n",
                        "&a [*a]\n", "key: *undefined\n", "? [a]\n: b\n", "- - - - x\n", "!!binary x\n", "\uFEFF", "\u0000", "\t- x\n"),
                Arbitraries.integers().between(1, 6000).map(n -> "k: " + "[".repeat(n) + "]".repeat(n) + "\n"),
                Arbitraries.integers().between(1, 3000).map(n -> "k: " + "{a: ".repeat(n) + "1" + "}".repeat(n) + "\n"),
                Arbitraries.integers().between(1, 400).map(n -> {
                    StringBuilder sb = new StringBuilder("k:\n");
                    for (int i = 1; i <= n; i++) sb.append(" ".repeat(i)).append("-\n");
                    return sb.toString();
                }),
                Arbitraries.integers().between(1, 100_000).map(n -> "title: " + "L".repeat(n) + "\n"));
        return piece.list().ofMaxSize(8).map(l -> String.join("", l));
    }

    @Provide
    Arbitrary<byte[]> csv() {
        Arbitrary<String> cell = Arbitraries.oneOf(
                Arbitraries.strings().withChars("ab,\"\n\r;\t 0123456789.-eE+<>/").ofMaxLength(12),
                Arbitraries.of("1e39", "-1e39", "inf", "-inf", "nan", "NaN", "1.8e19", "3.4e39", "9223372036854775808", "-0", "0x1F",
                        "2024-02-30", "2024-01-01", "12/31/2024", "TRUE", "", " ", "\"quoted, comma\"", "\"unclosed", "<x-evil>", "1,000",
                        "€", "１２", "\u0000"),
                Arbitraries.integers().between(1, 30_000).map("L"::repeat));
        Arbitrary<String> row = cell.list().ofMinSize(1).ofMaxSize(5).map(l -> String.join(",", l));
        Arbitrary<String> text = row.list().ofMaxSize(12).map(l -> String.join("\n", l) + "\n");
        Arbitrary<byte[]> bad = Arbitraries.of(new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xC3}, new byte[] {(byte) 0xE9, 'x'},
                new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, new byte[0]);
        return Combinators.combine(Arbitraries.of("x,y\n", "region,year,amount\n", "a,a\n", ",\n", ""), text, bad,
                Arbitraries.integers().between(0, 200)).as((header, body, b, at) -> {
            byte[] t = (header + body).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            int i = Math.min(at, t.length);
            byte[] out = new byte[t.length + b.length];
            System.arraycopy(t, 0, out, 0, i);
            System.arraycopy(b, 0, out, i, b.length);
            System.arraycopy(t, i, out, i + b.length, t.length - i);
            return out;
        });
    }

    /** SQL made of fragments: valid queries, quoting tricks, second statements, deep nesting, revealing functions. */
    @Provide
    Arbitrary<String> sql() {
        Arbitrary<String> fragment = Arbitraries.of("select", "*", "region", "amount", "sum(amount)", "from d", "where", "year > 2023",
                "group by 1", "order by 1", "limit 2", "1", ",", "as v", "'", "''", "$$", "$x$", "E'\\''", "\"", ";", "--", "/*", "*/", "\n",
                "drop table d", "create table z as select 1", "copy d to 'out.csv'", "set threads = 64", "attach ':memory:' as m",
                "current_setting('temp_directory')", "duckdb_settings()", "from duckdb_settings()", "getenv('HOME')", "query('select 1')",
                "read_text('/etc/passwd')", "range(100000000)", "repeat('x', 1000000)", "'inf'::double", "1e39", "union all",
                "with recursive t(n) as (select 1 union all select n + 1 from t) select count(*) from t", "pivot d on region using sum(amount)",
                "(", ")", "[", "]", "{", "}", "not", "+1", "case when true then 1 end", "<x-evil>", "'<x-evil>'");
        Arbitrary<String> deep = Arbitraries.integers().between(50, 3000).map(n -> "select " + "[".repeat(n) + "1" + "]".repeat(n) + " as a");
        return Arbitraries.oneOf(fragment.list().ofMinSize(1).ofMaxSize(14).map(l -> String.join(" ", l)), deep);
    }

    @Provide
    Arbitrary<String> inline() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("{}|.:\"' abdegmnprtuvy0123456789-_%").ofMaxLength(40),
                Combinators.combine(Arbitraries.of("q", "q", "q", "d", "d[region='North']", "d[year=2024]", "Q", "nope", ""),
                        Arbitraries.of("amount", "amount", "region", "year", "day", "x", ""),
                        Arbitraries.of("", " | number", " | percent:1", " | compact", " | date", " | currency:EUR", " | number:99999",
                                " | percent:-1", " | date:\"yyyy\"", " | date:\"'\"", " | nope", " |", " | number:", " | date:\"" + "y".repeat(500) + "\"",
                                " | number", " | percent", " | compact"))
                        .as((q, c, f) -> q + "." + c + f));
    }

    // ---- properties per channel ----

    @Property
    void frontMatterIsParsedOrLocated(@ForAll("yaml") String yaml) {
        locatedOrFine("p.md", () -> FrontMatter.parse(yaml, "p.md"));
    }

    /** Chart options: a valid block most of the time, with extra keys and values of every troublesome kind. */
    @Provide
    Arbitrary<String> chartOptions() {
        Arbitrary<String> value = Arbitraries.of("1", "-1", "0", "1e39", "-1e39", ".inf", "-.inf", ".nan", "1.8e19", "abc", "[a, b]", "{a: 1}",
                "\"<x-evil>\"", "\"" + "L".repeat(5000) + "\"", "null", "2024-01-01", "#ff0000", "\"#zz\"", "top", "none");
        Arbitrary<String> extra = Combinators.combine(Arbitraries.of("title", "subtitle", "x-label", "y-label", "x-format", "y-format",
                "y-min", "y-max", "colors", "legend", "height", "source", "note", "alt", "series", "allow-empty", "annotations", "nope"), value)
                .as((k, v) -> k + ": " + v + "\n");
        Arbitrary<String> base = Combinators.combine(Arbitraries.of("line", "bar", "hbar", "area", "scatter", "pie", "donut", "stacked-bar", "nope"),
                Arbitraries.of("q", "d"), Arbitraries.of("region", "year", "x"), Arbitraries.of("amount", "[amount, year]", "region"))
                .as((t, d, x, y) -> "type: " + t + "\ndata: " + d + "\nx: " + x + "\ny: " + y + "\n");
        return Combinators.combine(base, extra.list().ofMaxSize(4), yaml().injectNull(0.8))
                .as((b, e, y) -> b + String.join("", e) + (y == null ? "" : y));
    }

    @Property
    void chartAndTableOptionsAreParsedOrLocated(@ForAll("chartOptions") String yaml) {
        locatedOrFine("p.md", () -> ChartSpec.parse(YamlNode.parse(yaml, "p.md", 7)));
        locatedOrFine("p.md", () -> TableSpec.parse(YamlNode.parse(yaml.replaceAll("(?m)^(type|x|y): .*\n", "")
                + "columns:\n  amount: { format: number }\n", "p.md", 7)));
    }

    @Property
    void csvFilesAreReadOrLocated(@ForAll("csv") byte[] bytes) throws IOException {
        Path f = Files.createTempFile(dir, "f", ".csv");
        try {
            Files.write(f, bytes);
            locatedOrFine("data/f.csv", () -> CsvLoader.scan(DatasetSpec.of("f", "f.csv"), f, "data/f.csv"));
        } finally {
            Files.deleteIfExists(f);
        }
    }

    @Property
    void inlineExpressionsAreEvaluatedOrLocated(@ForAll("inline") String expression) {
        Map<String, QueryResult> results = Map.of("q", db.results().get("one"), "d", db.table("d"));
        locatedOrFine("p.md", () -> InlineExpression.parse(expression, "p.md", 3, 5).evaluate(results, Locale.ENGLISH));
    }

    @Property
    void sqlRunsOrFailsLocatedAndNeverTouchesTheDataset(@ForAll("sql") String sql) {
        String name = "q" + Integer.toHexString(sql.hashCode() & 0xffffff) + System.nanoTime() % 100000;
        locatedOrFine("p.md", () -> {
            QueryResult r = db.query(name, sql, "p.md", 10);
            for (List<Object> row : r.rows())
                for (Object v : row)
                    if (v instanceof String s) {
                        assertThat(s).doesNotContain(System.getProperty("java.io.tmpdir")).doesNotContain(System.getProperty("user.home") + "/");
                    }
        });
        assertThat(db.table("d").rowCount()).isEqualTo(3);
    }

    // ---- whole builds through the command line ----

    @Provide
    Arbitrary<Project> project() {
        Arbitrary<String> chartType = Arbitraries.of("line", "bar", "hbar", "area", "scatter", "pie", "donut", "stacked-bar", "nope");
        Arbitrary<String> chart = Combinators.combine(chartType, Arbitraries.of("q", "q", "d", "nope"), Arbitraries.of("x", "x", "y", "amount"),
                Arbitraries.of("y", "y", "x", "amount", "[x, y]"), chartOptions().map(o -> o.replaceAll("(?m)^(type|data|x|y): .*\n", "")).injectNull(0.5))
                .as((t, data, x, y, extra) -> "```chart\ntype: " + t + "\ndata: " + data + "\nx: " + x + "\ny: " + y + "\n"
                        + (extra == null ? "" : extra) + "```\n");
        Arbitrary<String> table = Combinators.combine(Arbitraries.of("q", "d"), yaml().injectNull(0.8))
                .as((data, extra) -> "```table\ndata: " + data + "\n" + (extra == null ? "" : extra) + "```\n");
        Arbitrary<String> query = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.of("select * from d", "select x, y from d order by 1", "select x, count(*) as y from d group by 1",
                        "select x, sum(y) as y from d group by 1 order by 1")), net.jqwik.api.Tuple.of(1, sql()));
        Arbitrary<String> frontMatter = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, Arbitraries.just("")), net.jqwik.api.Tuple.of(1, yaml()));
        // Mostly a CSV that reads, with markup and troublesome numbers in its cells; sometimes anything at all.
        Arbitrary<String> label = Arbitraries.of("North", "South", "<x-evil>", "<x-evil>a</x-evil>", "&amp;", "\"a,b\"", "L".repeat(300), "2024-01-01", "");
        Arbitrary<String> number = Arbitraries.of("1", "2.5", "-3", "0", "1e14", "1e39", "inf", "nan", "", "12", "7");
        Arbitrary<byte[]> goodCsv = Combinators.combine(label, number).as((l, n) -> l + "," + n).list().ofMinSize(1).ofMaxSize(30)
                .map(rows -> ("x,y\n" + String.join("\n", rows) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Arbitrary<byte[]> anyCsv = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, goodCsv), net.jqwik.api.Tuple.of(1, csv()));
        return Combinators.combine(frontMatter, anyCsv, query, Arbitraries.of(chart, table).flatMap(a -> a).list().ofMaxSize(3),
                inline().list().ofMaxSize(2)).as(Project::new);
    }

    record Project(String extraFrontMatter, byte[] csv, String sql, List<String> blocks, List<String> inline) {
        String page() {
            StringBuilder sb = new StringBuilder("---\ntitle: Fuzz\ndata:\n  src: data/d.csv\n").append(extraFrontMatter.contains("title:") ? "" : extraFrontMatter)
                    .append("---\nIntro.\n\n```sql d\nselect * from src\n```\n\n```sql q\n").append(sql).append("\n```\n\n");
            for (String b : blocks) sb.append(b).append('\n');
            for (String e : inline) sb.append("Value {{ ").append(e.replace("}}", "} }")).append(" }}.\n\n");
            return sb.toString();
        }
    }

    private static Path baseline;
    private static String baselineSite;

    /** A project with a good build, copied for each try: one build per try instead of two. */
    private static synchronized Path freshProject() throws IOException {
        if (baseline == null) {
            baseline = Files.createTempDirectory(dir, "baseline");
            SiteFixture fx = new SiteFixture(baseline).write("datadesk.yaml", "title: Fuzz\nquery_timeout: 5s\n")
                    .write("content/index.md", "---\ntitle: Home\n---\nHello.\n");
            SiteFixture.Run ok = fx.cli("build");
            assertThat(ok.code()).as(ok.err()).isZero();
            baselineSite = fx.snapshot("site");
        }
        Path copy = Files.createTempDirectory(dir, "site");
        try (Stream<Path> s = Files.walk(baseline)) {
            for (Path from : s.toList()) {
                Path to = copy.resolve(baseline.relativize(from).toString());
                if (Files.isDirectory(from)) Files.createDirectories(to);
                else Files.copy(from, to);
            }
        }
        return copy;
    }

    @Property
    void wholeBuildsSucceedOrFailLocatedInBoundedTimeLeavingTheSiteAlone(@ForAll("project") Project p) throws Exception {
        Path project = freshProject();
        SiteFixture fx = new SiteFixture(project);
        String before = baselineSite;
        assertThat(fx.snapshot("site")).isEqualTo(before);
        fx.write("content/f/index.md", p.page());
        Files.createDirectories(project.resolve("content/f/data"));
        Files.write(project.resolve("content/f/data/d.csv"), p.csv());

        AtomicReference<SiteFixture.Run> result = new AtomicReference<>();
        Thread build = new Thread(() -> result.set(fx.cli("build")), "fuzz-build");
        build.setDaemon(true);
        build.start();
        build.join(Duration.ofSeconds(180).toMillis());
        assertThat(build.isAlive()).as("build finished within 180 s:\n" + p.page()).isFalse();
        SiteFixture.Run run = result.get();
        assertThat(run.code()).as(run.err()).isIn(0, 1);
        // printed after the property: how many generated builds succeeded, so the generators are seen to reach past
        // the first check
        net.jqwik.api.statistics.Statistics.label("exit code").collect(run.code());
        assertThat(run.err()).as(run.err()).doesNotContain("\tat ").doesNotContain("internal error");
        if (run.code() == 1) {
            assertThat(fx.snapshot("site")).as("previous site untouched").isEqualTo(before);
            for (String line : run.err().lines().toList())
                if (line.contains(": error: ")) assertThat(line).matches("(content/\\S+|datadesk\\.yaml)(:\\d+(:\\d+)?)?: error: .+");
        } else {
            try (Stream<Path> s = Files.walk(project.resolve("site"))) {
                for (Path html : s.filter(f -> f.toString().endsWith(".html")).toList())
                    assertThat(Jsoup.parse(html.toFile()).select(MARK)).as("data stays text in " + html).isEmpty();
            }
        }
        deleteTree(project);
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
