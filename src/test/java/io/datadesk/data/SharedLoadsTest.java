package io.datadesk.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datadesk.error.ContentException;
import io.datadesk.error.Diagnostic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file loaded by several pages is parsed and typed once: {@link SharedLoads}. */
class SharedLoadsTest {

    @TempDir
    Path dir;

    @BeforeEach
    void forget() {
        SharedLoads.clear();
    }

    private Path csv(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    /** The table {@code spec} makes of {@code file} in a page database of its own, and how many times it was read. */
    private static Loaded load(DatasetSpec spec, Path file) {
        try (PageDatabase db = PageDatabase.openSealed(QueryLimits.machineDefaults())) {
            CsvSchema schema = db.load(spec, file, "data/" + file.getFileName());
            QueryResult all = db.query("all_rows", "select * from " + spec.name(), "page.md", 1);
            QueryResult types = db.query("types", "select typeof(columns(*)) from " + spec.name() + " limit 1", "page.md", 1);
            return new Loaded(all, types, schema.passes(), schema.rowCount());
        }
    }

    private record Loaded(QueryResult rows, QueryResult types, int passes, long rowCount) {}

    /** A load with nothing kept from earlier ones. */
    private static Loaded alone(DatasetSpec spec, Path file) {
        SharedLoads.clear();
        return load(spec, file);
    }

    @Test
    void aSecondPageGetsTheSameTableWithoutParsingTheFileAgain() throws IOException {
        Path layoffs = Path.of("content/ai-job-cuts/data/layoffs_fyi.csv");
        Path mixed = csv("mixed.csv", """
                i,d,b,iso,ym,us,ts,t,n,spaced
                1,1.5,true,2024-01-31,2024-02,1/28/2026,2024-01-02 03:04:05,hello,NA, 7
                -20,16000.0,FALSE,2023-12-01,2023-11,12/1/2025,2024-01-02T03:04,"quoted, ""with"" comma
                and a line",n/a,8\u00a0
                +3,7,,2020-02-29,,2/29/2024,2024-01-02,x,,
                """);
        Path tsv = csv("t.tsv", "month\tcode\tday\n2024-03\t012\t5 Mar 2024\n2024-04\t13\t30 apr 2024\n");
        DatasetSpec declared = new DatasetSpec("t", "t.tsv", Map.of("month", DeclaredType.parse("date:yyyy-MM").orElseThrow(),
                "code", DeclaredType.parse("text").orElseThrow(), "day", DeclaredType.parse("date:d MMM yyyy").orElseThrow()),
                List.of("", "NA"), '\t', "page.md", 3, 3);
        StringBuilder late = new StringBuilder("n,label\n");
        for (int i = 0; i < 9000; i++) late.append(i).append(",x\n");
        late.append("2.5,y\n"); // a type changed after the first batch: the first load takes two passes
        Path twoPasses = csv("late.csv", late.toString());
        DatasetSpec withNulls = new DatasetSpec("m", "mixed.csv", Map.of(), List.of("", "NA", "n/a"), ',', "page.md", 3, 3);

        record Case(DatasetSpec spec, Path file, int firstPasses) {}
        for (Case c : List.of(new Case(DatasetSpec.of("layoffs", "layoffs_fyi.csv"), layoffs, 1),
                new Case(DatasetSpec.of("mixed", "mixed.csv"), mixed, 1), new Case(withNulls, mixed, 1),
                new Case(declared, tsv, 1), new Case(DatasetSpec.of("late", "late.csv"), twoPasses, 2))) {
            Loaded first = alone(c.spec, c.file);
            assertThat(first.passes).as(c.file + " first load").isEqualTo(c.firstPasses);
            Loaded second = load(c.spec, c.file);
            assertThat(second.passes).as(c.file + " taken from the first load").isZero();
            assertThat(second.rows).as(c.file.toString()).isEqualTo(first.rows);
            assertThat(second.types).as(c.file.toString()).isEqualTo(first.types);
            assertThat(second.rowCount).isEqualTo(first.rowCount).isEqualTo(first.rows.rowCount());
            // and the same as a load of its own under another name, as a translated page's dataset may be
            DatasetSpec renamed = new DatasetSpec("other_name", c.spec.path(), c.spec.types(), c.spec.nullMarkers(), c.spec.delimiter(),
                    "page.zh.md", 5, 3);
            Loaded third = load(renamed, c.file);
            assertThat(third.passes).isZero();
            assertThat(third.rows.rows()).isEqualTo(first.rows.rows());
        }
        assertThat(alone(DatasetSpec.of("layoffs", "layoffs_fyi.csv"), layoffs).rows.rowCount()).isEqualTo(4277);
    }

    @Test
    void anEditedFileIsParsedAgainEvenWithTheSameSizeAndTime() throws IOException {
        Path p = csv("a.csv", "k,v\na,1\nb,2\n");
        FileTime time = Files.getLastModifiedTime(p);
        assertThat(load(DatasetSpec.of("a", "a.csv"), p).passes).isEqualTo(1);
        Files.writeString(p, "k,v\na,1\nb,3\n"); // same size
        Files.setLastModifiedTime(p, time);
        Loaded edited = load(DatasetSpec.of("a", "a.csv"), p);
        assertThat(edited.passes).isEqualTo(1);
        assertThat(edited.rows.values("v")).containsExactly(1L, 3L);
        assertThat(load(DatasetSpec.of("a", "a.csv"), p).passes).as("the edited bytes are kept now").isZero();
    }

    @Test
    void aDatasetDeclaredAnotherWayIsLoadedItsOwnWay() throws IOException {
        Path p = csv("c.csv", "code,n\n01,1\n02,NA\n");
        DatasetSpec inferred = new DatasetSpec("c", "c.csv", Map.of(), List.of("", "NA"), ',', "page.md", 3, 3);
        DatasetSpec asText = new DatasetSpec("c", "c.csv", Map.of("n", DeclaredType.parse("text").orElseThrow()), List.of(""), ',',
                "page.md", 3, 3);
        Loaded a = load(inferred, p);
        Loaded b = load(asText, p);
        assertThat(a.passes).isEqualTo(1);
        assertThat(b.passes).as("other types and null markers: not the same load").isEqualTo(1);
        assertThat(a.rows.values("n")).containsExactly(1L, null);
        assertThat(b.rows.values("n")).containsExactly("1", "NA");
    }

    @Test
    void aFileWithProblemsIsNotKeptAndEachPageGetsItsOwnLocatedMessages() throws IOException {
        List<Path> bad = List.of(
                csv("ragged.csv", "a,b,c\n1,2,3\n\"two\nlines\",2,3\n4,5\n"),
                csv("quotes.csv", "a,b\n1,2\n\"x\"y,3\n"),
                csv("near.csv", "n\n" + "1\n".repeat(50) + "n/a\n"),
                csv("dup.csv", "id,Name,,name\n1,a,b,c\n"),
                csv("empty.csv", ""));
        Path latin1 = dir.resolve("latin1.csv");
        Files.write(latin1, "city\nMontr\u00e9al\n".getBytes(StandardCharsets.ISO_8859_1));
        List<Path> all = new ArrayList<>(bad);
        all.add(latin1);
        for (Path p : all) {
            DatasetSpec spec = DatasetSpec.of("d", p.getFileName().toString());
            // what the streaming first pass says, as before this cache existed
            List<String> expected = messages(() -> CsvLoader.scan(spec, p, "data/" + p.getFileName()));
            assertThat(expected).as(p.toString()).isNotEmpty().allSatisfy(m -> assertThat(m).startsWith("data/" + p.getFileName() + ":"));
            for (int page = 0; page < 2; page++)
                assertThat(messages(() -> load(spec, p))).as(p + ", page " + page).isEqualTo(expected);
        }
        // a type declared for a column the file lacks is reported at each page's own declaration
        Path ok = csv("ok.csv", "month,n\n2024-01,1\n");
        load(DatasetSpec.of("ok", "ok.csv"), ok);
        for (String page : List.of("content/a.md", "content/a.zh.md")) {
            DatasetSpec spec = new DatasetSpec("ok", "ok.csv", Map.of("mnth", DeclaredType.parse("date").orElseThrow()), List.of(""), ',',
                    page, 7, 3);
            assertThat(messages(() -> load(spec, ok))).singleElement().asString().startsWith(page + ":7:3: error:");
        }
        assertThat(SharedLoads.size()).as("only the good file").isEqualTo(1);
    }

    @Test
    void aDatabaseLoadedFromAKeptLoadIsSealed() throws IOException {
        Path p = csv("s.csv", "year,amount\n2020,1\n2021,2\n");
        load(DatasetSpec.of("s", "s.csv"), p);
        try (PageDatabase db = PageDatabase.openSealed(QueryLimits.machineDefaults())) {
            assertThat(db.load(DatasetSpec.of("s", "s.csv"), p, "data/s.csv").passes()).isZero();
            assertThat(db.setting("enable_external_access")).isEqualTo("false");
            assertThatThrownBy(() -> db.query("leak", "select * from read_csv('" + p + "')", "page.md", 3))
                    .isInstanceOfSatisfying(ContentException.class, e -> assertThat(e.diagnostics().get(0).message()).contains("disabled"));
            assertThat(db.query("n", "select sum(amount) as n from s", "page.md", 3).rows()).containsExactly(List.of(3L));
        }
    }

    @Test
    void bigFilesAreNotKept() throws IOException {
        StringBuilder sb = new StringBuilder("n,text\n");
        while (sb.length() <= SharedLoads.MAX_FILE_BYTES) sb.append(sb.length()).append(",some words of text to fill the file\n");
        Path big = csv("big.csv", sb.toString());
        assertThat(load(DatasetSpec.of("b", "big.csv"), big).passes).isEqualTo(1);
        assertThat(load(DatasetSpec.of("b", "big.csv"), big).passes).isEqualTo(1);
        assertThat(SharedLoads.size()).isZero();
    }

    private static List<String> messages(Runnable r) {
        try {
            r.run();
        } catch (ContentException e) {
            return e.diagnostics().stream().map(Diagnostic::format).toList();
        }
        return List.of();
    }
}
