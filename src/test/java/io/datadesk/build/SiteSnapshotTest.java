package io.datadesk.build;

import static org.assertj.core.api.Assertions.assertThat;

import io.datadesk.compute.QueryCache;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The site a {@code datadesk build} keeps for the next one (.datadesk-cache/site): a new build whose inputs are all
 * unchanged writes it without making any page, and writes exactly what a fresh build writes; any input changing (a
 * page, a data file inside or outside content/, a template, a partial, the settings, a static file, a page added or
 * deleted) makes a full build again.
 */
class SiteSnapshotTest {

    @TempDir Path tmp;
    private SiteFixture f;
    private Path templates;

    @BeforeEach
    void setUp() throws IOException {
        f = new SiteFixture(tmp.resolve("p"));
        templates = tmp.resolve("templates"); // a templates folder of the project's own, to edit
        io.datadesk.files.TestTrees.copy(SiteFixture.repoTemplates(), templates);
        f.write("datadesk.yaml", "title: Kept\nbase_url: https://example.org/k/\n");
        f.write("content/index.md", "---\ntitle: Home\n---\nAll pages.\n");
        f.write("content/logo.txt", "a static file\n");
        f.write("data/shared.csv", "year,value\n2023,1\n2024,2\n"); // outside content/
        for (int i = 1; i <= 2; i++) {
            f.write("content/p" + i + "/data/v.csv", "year,value\n2023," + (10 * i) + "\n2024," + (20 * i) + "\n");
            f.write("content/p" + i + "/index.md", page(i, "Prose of page " + i + "."));
        }
    }

    private static String page(int i, String prose) {
        return "---\ntitle: Page " + i + "\ndate: 2024-01-1" + i + "\ndata:\n  v: data/v.csv\n  s: ../../data/shared.csv\n---\n"
                + prose + "\n\nThe total is {{ total.value | number }}, shared {{ shared.value | number }}.\n\n"
                + "```sql yearly\nselect cast(year as varchar) as year, value from v order by 1\n```\n\n"
                + "```sql total\nselect sum(value) as value from v\n```\n\n"
                + "```sql shared\nselect sum(value) as value from s\n```\n\n"
                + "```chart\ntype: bar\ndata: yearly\nx: year\ny: value\n```\n";
    }

    private BuildOptions options() {
        return f.options().withTemplates(templates);
    }

    /**
     * A new `datadesk build` without page store or query cache: only the kept site can spare it running queries (a
     * full build runs at least one; the same query on the same data runs once per build).
     */
    private BuildResult buildWithoutStores() throws IOException {
        deleteTree(f.project.resolve(SiteBuilder.CACHE_DIR).resolve("queries"));
        deleteTree(f.project.resolve(SiteBuilder.CACHE_DIR).resolve("pages"));
        return new SiteBuilder(options()).build();
    }

    /** What a builder that remembers nothing writes for the project as it is now. */
    private Map<String, String> freshBuild() throws IOException {
        Path out = tmp.resolve("fresh");
        deleteTree(out);
        new SiteBuilder(options().withOut(out), QueryCache.none()).build();
        return files(out);
    }

    private Map<String, String> site() throws IOException {
        return files(f.project.resolve("site"));
    }

    @Test
    void anUnchangedSiteIsWrittenFromTheKeptSiteByteForByte() throws IOException {
        BuildResult first = new SiteBuilder(options()).build();
        assertThat(first.queriesRun()).isPositive();
        Map<String, String> made = site();
        deleteTree(f.project.resolve("site")); // as `rm -rf site && datadesk build`

        BuildResult again = buildWithoutStores();
        assertThat(again.queriesRun()).isZero(); // no page was made
        // reported as a new process reports pages taken from the page store
        assertThat(again.queriesCached()).isEqualTo(6);
        assertThat(again.charts()).isEqualTo(2);
        assertThat(again.staticFiles()).isEqualTo(first.staticFiles()).isEqualTo(3); // logo.txt and two CSV downloads
        assertThat(again.pages()).containsExactlyInAnyOrderElementsOf(first.pages());
        assertThat(site()).isEqualTo(made).isEqualTo(freshBuild());
    }

    /**
     * The JVM whose exit records the launcher's class-data archive builds in full: an archive recorded from a build
     * that only wrote the kept site would leave most of a real build's classes out of it for good.
     */
    @Test
    void aBuildThatRecordsTheClassArchiveMakesEveryPage() throws IOException {
        new SiteBuilder(options()).build();
        Map<String, String> made = site();
        System.setProperty(SiteBuilder.RECORDS_CLASS_ARCHIVE, "true");
        try {
            BuildResult recording = buildWithoutStores();
            assertThat(recording.queriesRun()).isPositive();
            assertThat(site()).isEqualTo(made);
        } finally {
            System.clearProperty(SiteBuilder.RECORDS_CLASS_ARCHIVE);
        }
        assertThat(buildWithoutStores().queriesRun()).isZero(); // the kept site is used again afterwards
    }

    @Test
    void anyChangedInputMakesAFullBuildThatWritesWhatAFreshBuildWrites() throws IOException {
        Runnable[] edits = {
            () -> f.write("content/p1/index.md", page(1, "Prose of page 1, edited.")),
            () -> f.write("content/p2/data/v.csv", "year,value\n2023,7\n2024,8\n"),
            () -> f.write("data/shared.csv", "year,value\n2023,100\n2024,200\n"),
            () -> f.write("content/logo.txt", "another static file\n"),
            () -> f.write("content/new.txt", "a new static file\n"),
            () -> f.write("datadesk.yaml", "title: Kept, renamed\nbase_url: https://example.org/k/\n"),
            () -> editTemplate(),
            () -> f.write("partials/note.md", "A partial.\n"),
            () -> f.write("content/p3/index.md", "---\ntitle: Page 3\n---\nA third page.\n"),
            () -> deleteQuietly(f.project.resolve("content/p3")),
        };
        new SiteBuilder(options()).build();
        for (Runnable edit : edits) {
            edit.run();
            BuildResult r = buildWithoutStores();
            assertThat(r.queriesRun()).as("after edit %s", java.util.Arrays.asList(edits).indexOf(edit)).isPositive();
            assertThat(site()).isEqualTo(freshBuild());
            // and the site kept now is the edited one
            BuildResult again = buildWithoutStores();
            assertThat(again.queriesRun()).isZero();
            assertThat(site()).isEqualTo(freshBuild());
        }
    }

    /**
     * The fingerprint pairs each file's hash with that file (the files are hashed in parallel): two files swapping
     * their contents is a change, swapping back gives the first fingerprint again, and so does asking twice.
     */
    @Test
    void theFingerprintPairsEachFileWithItsOwnContent() {
        for (int i = 0; i < 300; i++) f.write(String.format("content/many/f%03d.txt", i), "file " + i + "\n");
        Path cache = f.project.resolve(SiteBuilder.CACHE_DIR);
        String first = SiteSnapshot.inputs(options(), cache);
        assertThat(first).isNotNull().isEqualTo(SiteSnapshot.inputs(options(), cache));
        f.write("content/many/f010.txt", "file 290\n");
        f.write("content/many/f290.txt", "file 10\n");
        String swapped = SiteSnapshot.inputs(options(), cache);
        assertThat(swapped).isNotEqualTo(first);
        f.write("content/many/f010.txt", "file 10\n");
        f.write("content/many/f290.txt", "file 290\n");
        assertThat(SiteSnapshot.inputs(options(), cache)).isEqualTo(first);
        f.write("content/many/f150.txt", "file 150, edited\n");
        assertThat(SiteSnapshot.inputs(options(), cache)).isNotEqualTo(first).isNotEqualTo(swapped);
    }

    @Test
    void theNotesOfTheBuildAreReportedAgain() throws IOException {
        f.write("datadesk.yaml", "title: No base URL\n"); // a note: no feed, sitemap or cards
        BuildResult first = new SiteBuilder(options()).build();
        assertThat(first.notes()).isNotEmpty();
        BuildResult again = buildWithoutStores();
        assertThat(again.queriesRun()).isZero();
        assertThat(again.notes()).isEqualTo(first.notes());
    }

    @Test
    void aDamagedKeptSiteIsIgnored() throws IOException {
        new SiteBuilder(options()).build();
        Path kept = f.project.resolve(SiteBuilder.CACHE_DIR).resolve("site");
        byte[] bytes = Files.readAllBytes(kept);
        Files.write(kept, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        BuildResult r = buildWithoutStores();
        assertThat(r.queriesRun()).isPositive();
        assertThat(site()).isEqualTo(freshBuild());
    }

    @Test
    void serveAndCheckNeitherUseNorKeepASite() throws IOException {
        new SiteBuilder(options().withWrite(false)).build(); // datadesk check
        assertThat(f.project.resolve(SiteBuilder.CACHE_DIR).resolve("site")).doesNotExist();
        new SiteBuilder(options()).storeLater().build(); // datadesk serve
        assertThat(f.project.resolve(SiteBuilder.CACHE_DIR).resolve("site")).doesNotExist();
    }

    private void editTemplate() {
        try {
            Path base = templates.resolve("base.html");
            Path edited = Files.exists(base) ? base : Files.list(templates).filter(p -> p.toString().endsWith(".html")).findFirst().orElseThrow();
            Files.writeString(edited, Files.readString(edited) + "\n<!-- edited -->\n");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            deleteTree(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Map<String, String> files(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList())
                out.put(root.relativize(p).toString(), io.datadesk.compute.ContentHashes.of(Files.readAllBytes(p)));
        }
        return out;
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
