package io.datadesk.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.datadesk.build.SiteFixture;
import io.datadesk.chart.ChartSpec;
import io.datadesk.data.CsvLoader;
import io.datadesk.data.DatasetSpec;
import io.datadesk.data.PageDatabase;
import io.datadesk.data.QueryLimits;
import io.datadesk.data.QueryResult;
import io.datadesk.error.ContentException;
import io.datadesk.error.Diagnostic;
import io.datadesk.format.InlineExpression;
import io.datadesk.read.FrontMatter;
import io.datadesk.table.TableSpec;
import io.datadesk.yaml.YamlNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The promise of issue 18, checked by Jazzer (coverage-guided fuzzing): every input builds or fails with located
 * errors (a {@link ContentException}, never another exception, an Error, a crash or exit 3), in bounded time, leaving
 * the previous site untouched, and data never becomes markup. One fuzz test per input channel (front matter, CSV,
 * chart and table options, inline expressions, SQL) and one over whole builds through the real command line.
 *
 * <p>Each test turns the fuzzer's bytes into input with a {@link FuzzedDataProvider}: it picks among valid pieces and
 * the shapes that broke datadesk before (deep nesting, huge and non-finite numbers, long labels, bytes that are not
 * UTF-8, quoting tricks, functions that reveal the machine) and mixes in free text, so that most inputs get past the
 * first check while the fuzzer still steers by coverage.
 *
 * <p>Modes: {@code mvn test} replays the inputs kept in
 * {@code src/test/resources/io/datadesk/fuzz/InputFuzzTestInputs/<test>/} (seeds, and every failing input: Jazzer
 * writes one there itself). {@code mvn verify} fuzzes each test for {@code fuzz.duration} (one failsafe execution
 * per test, since Jazzer fuzzes one test per JVM); {@code bench/fuzz.sh MINUTES} is the long run.
 * See docs/testing.md#fuzzing.
 */
class InputFuzzTest {

    static final String MARK = "x-evil";
    private static PageDatabase db;
    private static Path dir;
    /** outcomes per channel, printed after the run so the generators are seen to reach past the first check */
    private static final Map<String, AtomicInteger> OUTCOMES = new ConcurrentSkipListMap<>();

    @BeforeAll
    static void openDatabase() throws IOException {
        dir = Files.createTempDirectory("datadesk-fuzz");
        db = PageDatabase.open(new QueryLimits(Duration.ofSeconds(2), 512L << 20, 2, 100_000));
        Path d = dir.resolve("d.csv");
        Files.writeString(d, "region,year,amount\nNorth,2023,10\nSouth,2023,5\n<x-evil>,2024,7\n");
        db.load(DatasetSpec.of("d", "d.csv"), d, "d.csv");
        db.query("one", "select 'North' as region, 2024 as year, 10.5 as amount, date '2024-03-01' as day", "p.md", 1);
    }

    @AfterAll
    static void closeDatabase() throws IOException {
        db.close();
        deleteTree(dir);
        if (!OUTCOMES.isEmpty()) System.out.println("fuzz outcomes: " + OUTCOMES);
    }

    private static void count(String what) {
        OUTCOMES.computeIfAbsent(what, k -> new AtomicInteger()).incrementAndGet();
    }

    // ---- the promise for one call: returns, or fails with located ContentExceptions only ----

    /**
     * Each input's call runs on this worker so that a hang is a failure after {@link #BOUND}: JUnit's {@code @Timeout}
     * cannot bound one input, since in fuzzing mode the whole fuzzing run is one test invocation.
     */
    private static final ExecutorService WORKER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "fuzz-input");
        t.setDaemon(true);
        return t;
    });
    static final Duration BOUND = Duration.ofSeconds(60);

    static void locatedOrFine(String channel, String file, Runnable call) {
        Future<?> f = WORKER.submit(call);
        try {
            f.get(BOUND.toMillis(), TimeUnit.MILLISECONDS);
            count(channel + ": accepted");
        } catch (TimeoutException e) {
            throw new AssertionError(channel + ": one input took over " + BOUND.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (ExecutionException wrapped) {
            if (!(wrapped.getCause() instanceof ContentException e)) {
                if (wrapped.getCause() instanceof Error err) throw err;
                throw new AssertionError(channel + ": not a located error", wrapped.getCause());
            }
            count(channel + ": located error");
            assertThat(e.diagnostics()).isNotEmpty();
            for (Diagnostic d : e.diagnostics()) {
                assertThat(d.file()).as(d.format()).isEqualTo(file);
                assertThat(d.message()).as(d.format()).isNotBlank().doesNotContain("Exception");
            }
        }
    }

    // ---- generators: the fuzzer's bytes pick pieces and free text ----
    // A provider that has run out of bytes answers the smallest value, so every choice puts its benign option at the
    // minimum: short inputs make builds that succeed, longer ones add the hostile pieces.

    private static String pick(FuzzedDataProvider d, String... options) {
        return d.pickValue(options);
    }

    /** A string of at most {@code max} characters drawn from {@code chars}. */
    private static String of(FuzzedDataProvider d, String chars, int max) {
        int n = d.consumeInt(0, max);
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n && d.remainingBytes() > 0; i++) sb.append(chars.charAt(d.consumeInt(0, chars.length() - 1)));
        return sb.toString();
    }

    /** YAML-like text: the structural characters of YAML, nesting, and values of every troublesome kind. */
    static String yaml(FuzzedDataProvider d) {
        StringBuilder out = new StringBuilder();
        int pieces = d.consumeInt(0, 8);
        for (int p = 0; p < pieces && d.remainingBytes() > 0; p++) {
            switch (d.consumeInt(0, 6)) {
                case 0 -> out.append(of(d, "[]{}:-,#&*!|>'\"%@` \n\tab0é?", 40));
                case 1 -> out.append(d.consumeString(40));
                case 2 -> out.append(pick(d, "title: A\n", "tags: [a, b]\n", "data:\n  d: data/d.csv\n", "date: 2024-01-01\n", "draft: true\n",
                        "type: line\n", "x: year\n", "y: amount\n", "y-max: 1e39\n", "y-min: -inf\n", "y-max: .nan\n", "height: 0\n",
                        "annotations:\n  - x: 2023\n    label: a\n", "columns:\n  amount: { format: percent:1 }\n", "limit: -1\n",
                        "&a [*a]\n", "key: *undefined\n", "? [a]\n: b\n", "- - - - x\n", "!!binary x\n", "\uFEFF", "\u0000", "\t- x\n"));
                case 3 -> {
                    int n = d.consumeInt(1, 6000);
                    out.append("k: ").append("[".repeat(n)).append("]".repeat(n)).append('\n');
                }
                case 4 -> {
                    int n = d.consumeInt(1, 3000);
                    out.append("k: ").append("{a: ".repeat(n)).append('1').append("}".repeat(n)).append('\n');
                }
                case 5 -> {
                    int n = d.consumeInt(1, 400);
                    out.append("k:\n");
                    for (int i = 1; i <= n; i++) out.append(" ".repeat(i)).append("-\n");
                }
                default -> out.append("title: ").append("L".repeat(d.consumeInt(1, 100_000))).append('\n');
            }
        }
        return out.toString();
    }

    static byte[] csv(FuzzedDataProvider d) {
        StringBuilder text = new StringBuilder(pick(d, "x,y\n", "region,year,amount\n", "a,a\n", ",\n", ""));
        int rows = d.consumeInt(0, 12);
        for (int r = 0; r < rows && d.remainingBytes() > 0; r++) {
            int cells = d.consumeInt(1, 5);
            for (int c = 0; c < cells; c++) {
                if (c > 0) text.append(',');
                switch (d.consumeInt(0, 3)) {
                    case 0 -> text.append(of(d, "ab,\"\n\r;\t 0123456789.-eE+<>/", 12));
                    case 1 -> text.append(pick(d, "1e39", "-1e39", "inf", "-inf", "nan", "NaN", "1.8e19", "3.4e39", "9223372036854775808", "-0",
                            "0x1F", "2024-02-30", "2024-01-01", "12/31/2024", "TRUE", "", " ", "\"quoted, comma\"", "\"unclosed", "<x-evil>",
                            "1,000", "€", "１２", "\u0000"));
                    case 2 -> text.append(d.consumeString(12));
                    default -> text.append("L".repeat(d.consumeInt(1, 30_000)));
                }
            }
            text.append('\n');
        }
        byte[] t = text.toString().getBytes(StandardCharsets.UTF_8);
        byte[] bad = switch (d.consumeInt(0, 5)) {
            case 1 -> new byte[] {(byte) 0xFF};
            case 2 -> new byte[] {(byte) 0xC3};
            case 3 -> new byte[] {(byte) 0xE9, 'x'};
            case 4 -> new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
            case 5 -> d.consumeBytes(4);
            default -> new byte[0];
        };
        int at = Math.min(d.consumeInt(0, 200), t.length);
        byte[] out = new byte[t.length + bad.length];
        System.arraycopy(t, 0, out, 0, at);
        System.arraycopy(bad, 0, out, at, bad.length);
        System.arraycopy(t, at, out, at + bad.length, t.length - at);
        return out;
    }

    /** SQL made of fragments: valid queries, quoting tricks, second statements, deep nesting, revealing functions. */
    static String sql(FuzzedDataProvider d) {
        if (d.consumeInt(0, 9) == 9) {
            int n = d.consumeInt(50, 3000);
            return "select " + "[".repeat(n) + "1" + "]".repeat(n) + " as a";
        }
        List<String> parts = new ArrayList<>();
        int n = d.consumeInt(1, 14);
        for (int i = 0; i < n && d.remainingBytes() > 0; i++) {
            parts.add(d.consumeInt(0, 7) == 7 ? d.consumeString(16) : pick(d, "select", "*", "region", "amount", "sum(amount)", "from d",
                    "where", "year > 2023", "group by 1", "order by 1", "limit 2", "1", ",", "as v", "'", "''", "$$", "$x$", "E'\\''", "\"", ";",
                    "--", "/*", "*/", "\n", "drop table d", "create table z as select 1", "copy d to 'out.csv'", "set threads = 64",
                    "attach ':memory:' as m", "current_setting('temp_directory')", "duckdb_settings()", "from duckdb_settings()",
                    "getenv('HOME')", "query('select 1')", "read_text('/etc/passwd')", "range(100000000)", "repeat('x', 1000000)",
                    "'inf'::double", "1e39", "union all", "with recursive t(n) as (select 1 union all select n + 1 from t) select count(*) from t",
                    "pivot d on region using sum(amount)", "(", ")", "[", "]", "{", "}", "not", "+1", "case when true then 1 end", "<x-evil>",
                    "'<x-evil>'"));
        }
        return String.join(" ", parts);
    }

    static String inline(FuzzedDataProvider d) {
        if (d.consumeInt(0, 3) == 3) return of(d, "{}|.:\"' abdegmnprtuvy0123456789-_%", 40);
        return pick(d, "q", "q", "q", "d", "d[region='North']", "d[year=2024]", "Q", "nope", "")
                + "." + pick(d, "amount", "amount", "region", "year", "day", "x", "")
                + pick(d, "", " | number", " | percent:1", " | compact", " | date", " | currency:EUR", " | number:99999", " | percent:-1",
                        " | date:\"yyyy\"", " | date:\"'\"", " | nope", " |", " | number:", " | date:\"" + "y".repeat(500) + "\"", " | number",
                        " | percent", " | compact");
    }

    /** Chart options: a valid block most of the time, with extra keys and values of every troublesome kind. */
    static String chartOptions(FuzzedDataProvider d) {
        StringBuilder sb = new StringBuilder()
                .append("type: ").append(pick(d, "line", "bar", "hbar", "area", "scatter", "pie", "donut", "stacked-bar", "nope"))
                .append("\ndata: ").append(pick(d, "q", "d"))
                .append("\nx: ").append(pick(d, "region", "year", "x"))
                .append("\ny: ").append(pick(d, "amount", "[amount, year]", "region")).append('\n');
        int extras = d.consumeInt(0, 4);
        for (int i = 0; i < extras && d.remainingBytes() > 0; i++) {
            sb.append(pick(d, "title", "subtitle", "x-label", "y-label", "x-format", "y-format", "y-min", "y-max", "colors", "legend", "height",
                    "source", "note", "alt", "series", "allow-empty", "annotations", "nope")).append(": ");
            sb.append(d.consumeInt(0, 5) == 5 ? d.consumeString(20).replace('\n', ' ') : pick(d, "1", "-1", "0", "1e39", "-1e39", ".inf", "-.inf",
                    ".nan", "1.8e19", "abc", "[a, b]", "{a: 1}", "\"<x-evil>\"", "\"" + "L".repeat(5000) + "\"", "null", "2024-01-01", "#ff0000",
                    "\"#zz\"", "top", "none")).append('\n');
        }
        if (d.consumeInt(0, 4) == 4) sb.append(yaml(d));
        return sb.toString();
    }

    // ---- one fuzz test per channel ----

    @FuzzTest
    void frontMatter(FuzzedDataProvider d) {
        String yaml = yaml(d);
        locatedOrFine("front matter", "p.md", () -> FrontMatter.parse(yaml, "p.md"));
    }

    @FuzzTest
    void chartAndTableOptions(FuzzedDataProvider d) {
        String yaml = chartOptions(d);
        locatedOrFine("chart", "p.md", () -> ChartSpec.parse(YamlNode.parse(yaml, "p.md", 7)));
        locatedOrFine("table", "p.md", () -> TableSpec.parse(YamlNode.parse(yaml.replaceAll("(?m)^(type|x|y): .*\n", "")
                + "columns:\n  amount: { format: number }\n", "p.md", 7)));
    }

    @FuzzTest
    void csvFiles(FuzzedDataProvider d) throws IOException {
        byte[] bytes = csv(d);
        Path f = Files.createTempFile(dir, "f", ".csv");
        try {
            Files.write(f, bytes);
            locatedOrFine("csv", "data/f.csv", () -> CsvLoader.scan(DatasetSpec.of("f", "f.csv"), f, "data/f.csv"));
        } finally {
            Files.deleteIfExists(f);
        }
    }

    @FuzzTest
    void inlineExpressions(FuzzedDataProvider d) {
        String expression = inline(d);
        Map<String, QueryResult> results = Map.of("q", db.results().get("one"), "d", db.table("d"));
        locatedOrFine("inline", "p.md", () -> InlineExpression.parse(expression, "p.md", 3, 5).evaluate(results, Locale.ENGLISH));
    }

    private static final AtomicInteger queries = new AtomicInteger();

    @FuzzTest
    void sqlBlocks(FuzzedDataProvider d) {
        String sql = sql(d);
        String name = "q" + queries.incrementAndGet();
        locatedOrFine("sql", "p.md", () -> {
            QueryResult r = db.query(name, sql, "p.md", 10);
            for (List<Object> row : r.rows())
                for (Object v : row)
                    if (v instanceof String s)
                        assertThat(s).doesNotContain(System.getProperty("java.io.tmpdir")).doesNotContain(System.getProperty("user.home") + "/");
        });
        assertThat(db.table("d").rowCount()).as("the dataset survives: " + sql).isEqualTo(3);
    }

    // ---- whole builds through the command line ----

    record Project(String page, byte[] csv) {}

    static Project project(FuzzedDataProvider d) {
        String extraFrontMatter = d.consumeInt(0, 3) == 3 ? yaml(d) : "";
        String query = d.consumeInt(0, 3) == 3 ? sql(d) : pick(d, "select * from d", "select x, y from d order by 1",
                "select x, count(*) as y from d group by 1", "select x, sum(y) as y from d group by 1 order by 1");
        StringBuilder page = new StringBuilder("---\ntitle: Fuzz\ndata:\n  src: data/d.csv\n")
                .append(extraFrontMatter.contains("title:") ? "" : extraFrontMatter)
                .append("---\nIntro.\n\n```sql d\nselect * from src\n```\n\n```sql q\n").append(query).append("\n```\n\n");
        int blocks = d.consumeInt(0, 3);
        for (int i = 0; i < blocks && d.remainingBytes() > 0; i++) {
            if (d.consumeBoolean()) {
                String extra = d.consumeBoolean() ? chartOptions(d).replaceAll("(?m)^(type|data|x|y): .*\n", "") : "";
                page.append("```chart\ntype: ").append(pick(d, "line", "bar", "hbar", "area", "scatter", "pie", "donut", "stacked-bar", "nope"))
                        .append("\ndata: ").append(pick(d, "q", "q", "d", "nope"))
                        .append("\nx: ").append(pick(d, "x", "x", "y", "amount"))
                        .append("\ny: ").append(pick(d, "y", "y", "x", "amount", "[x, y]")).append('\n').append(extra).append("```\n\n");
            } else {
                page.append("```table\ndata: ").append(pick(d, "q", "d")).append('\n').append(d.consumeInt(0, 4) == 4 ? yaml(d) : "").append("```\n\n");
            }
        }
        int inlines = d.consumeInt(0, 2);
        for (int i = 0; i < inlines && d.remainingBytes() > 0; i++)
            page.append("Value {{ ").append(inline(d).replace("}}", "} }")).append(" }}.\n\n");
        if (d.consumeInt(0, 4) == 4) page.append(d.consumeString(200)).append('\n');
        byte[] data;
        if (d.consumeInt(0, 3) == 3) {
            data = csv(d);
        } else {
            // mostly a CSV that reads, with markup and troublesome numbers in its cells
            StringBuilder c = new StringBuilder("x,y\n");
            int rows = d.consumeInt(1, 30);
            for (int r = 0; r < rows; r++)
                c.append(pick(d, "North", "South", "<x-evil>", "<x-evil>a</x-evil>", "&amp;", "\"a,b\"", "L".repeat(300), "2024-01-01", ""))
                        .append(',').append(pick(d, "1", "2.5", "-3", "0", "1e14", "1e39", "inf", "nan", "", "12", "7")).append('\n');
            data = c.toString().getBytes(StandardCharsets.UTF_8);
        }
        return new Project(page.toString(), data);
    }

    private static Path baseline;
    private static String baselineSite;

    /** A project with a good build, copied for each input: one build per input instead of two. */
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

    @FuzzTest
    void wholeBuilds(FuzzedDataProvider d) throws Exception {
        Project p = project(d);
        Path project = freshProject();
        try {
            SiteFixture fx = new SiteFixture(project);
            String before = baselineSite;
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
            count("build: exit " + run.code());
            if (System.getenv("FUZZ_SHOW") != null) System.out.println("---- page\n" + p.page() + "---- exit " + run.code() + "\n" + run.err());
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
        } finally {
            deleteTree(project);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
