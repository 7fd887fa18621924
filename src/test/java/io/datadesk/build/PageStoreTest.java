package io.datadesk.build;

import io.datadesk.files.TestTrees;
import static org.assertj.core.api.Assertions.assertThat;

import io.datadesk.compute.QueryCache;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Finished pages kept in .datadesk-cache/pages across processes: a new builder (a new {@code datadesk build}) takes an
 * unchanged page from there, without running its queries, and writes exactly what a fresh build writes; anything a
 * page is made from changing makes it again.
 */
class PageStoreTest {

    @TempDir Path tmp;
    private SiteFixture f;

    @BeforeEach
    void setUp() {
        f = new SiteFixture(tmp.resolve("p"));
        f.write("datadesk.yaml", "title: Store\nbase_url: https://example.org/s/\n");
        f.write("content/index.md", "---\ntitle: Home\n---\nAll pages.\n");
        for (int i = 1; i <= 3; i++) {
            f.write("content/p" + i + "/data/v.csv", "year,value\n2023," + (10 * i) + "\n2024," + (20 * i) + "\n");
            f.write("content/p" + i + "/index.md", page(i, "Prose of page " + i + "."));
        }
    }

    private static String page(int i, String prose) {
        return "---\ntitle: Page " + i + "\ndate: 2024-01-1" + i + "\ndata:\n  v:\n    path: data/v.csv\n"
                + "    source: { publisher: Statistics Office, text: \"values by year\", url: \"https://example.org/v\" }\n---\n"
                + "## Section " + i + "\n\n" + prose + "\n\n"
                + "The total is {{ total.value | number }}.\n\n"
                + "```sql yearly\nselect cast(year as varchar) as year, value from v order by 1\n```\n\n"
                + "```sql total\nselect sum(value) as value from v\n```\n\n"
                + "```chart\ntype: bar\ndata: yearly\nx: year\ny: value\n```\n\n```table\ndata: yearly\n```\n";
    }

    /**
     * A new `datadesk build` whose query cache was emptied: queries that run prove a page was made, not stored. The
     * site kept whole by the last build is deleted too: it would spare an unchanged site the page store altogether
     * (SiteSnapshotTest).
     */
    private BuildResult buildWithoutQueryCache() throws IOException {
        deleteTree(f.project.resolve(SiteBuilder.CACHE_DIR).resolve("queries"));
        Files.deleteIfExists(f.project.resolve(SiteBuilder.CACHE_DIR).resolve("site"));
        return new SiteBuilder(f.options()).build();
    }

    /** What a builder that remembers nothing writes for the project as it is now. */
    private Map<String, String> freshBuild() throws IOException {
        Path out = tmp.resolve("fresh");
        deleteTree(out);
        new SiteBuilder(f.options().withOut(out), QueryCache.none()).build();
        return files(out);
    }

    @Test
    void anUnchangedSiteComesFromTheStoreByteForByte() throws IOException {
        BuildResult first = new SiteBuilder(f.options()).build();
        assertThat(first.queriesRun()).isEqualTo(6);
        Map<String, String> made = files(f.project.resolve("site"));

        BuildResult again = buildWithoutQueryCache();
        assertThat(again.queriesRun()).isZero(); // no page was computed
        assertThat(again.queriesCached()).isEqualTo(6); // reported as cached, as the query cache would
        assertThat(again.charts()).isEqualTo(3);
        assertThat(again.pages()).containsExactlyInAnyOrder("", "p1/", "p2/", "p3/");
        assertThat(files(f.project.resolve("site"))).isEqualTo(made).isEqualTo(freshBuild());
    }

    @Test
    void aChangedDataFileMakesOnlyItsPageAgain() throws IOException {
        new SiteBuilder(f.options()).build();
        f.write("content/p2/data/v.csv", "year,value\n2023,5\n2024,1000\n");
        BuildResult r = buildWithoutQueryCache();
        assertThat(r.queriesRun()).isEqualTo(2); // page 2's queries only
        assertThat(f.read("site/p2/index.html")).contains("1,005");
        assertThat(files(f.project.resolve("site"))).isEqualTo(freshBuild());
    }

    @Test
    void editedProseMakesItsPageAndTheListingAgain() throws IOException {
        new SiteBuilder(f.options()).build();
        f.write("content/p1/index.md", page(1, "Edited prose."));
        f.write("content/index.md", "---\ntitle: Home\n---\nAll the pages.\n");
        BuildResult r = buildWithoutQueryCache();
        assertThat(r.queriesRun()).isEqualTo(2);
        assertThat(f.read("site/p1/index.html")).contains("Edited prose.");
        assertThat(files(f.project.resolve("site"))).isEqualTo(freshBuild());
    }

    @Test
    void aChangedTemplateOrSettingRendersStoredPagesAgain() throws IOException {
        new SiteBuilder(f.options()).build();
        Path templates = tmp.resolve("templates");
        TestTrees.copy(SiteFixture.repoTemplates(), templates);
        Path article = templates.resolve("article.html");
        Files.writeString(article, Files.readString(article).replace("<main", "<!-- edited --><main"));
        BuildOptions own = f.options().withTemplates(templates);
        BuildResult r = new SiteBuilder(own).build();
        assertThat(r.queriesRun()).isZero(); // views from the store, rendered with the new template
        assertThat(f.read("site/p3/index.html")).contains("<!-- edited -->");
        Path out = tmp.resolve("fresh-own");
        new SiteBuilder(own.withOut(out), QueryCache.none()).build();
        assertThat(files(f.project.resolve("site"))).isEqualTo(files(out));

        f.write("datadesk.yaml", "title: Store renamed\nbase_url: https://example.org/s/\n");
        deleteTree(f.project.resolve(SiteBuilder.CACHE_DIR).resolve("queries"));
        BuildResult renamed = new SiteBuilder(own).build();
        assertThat(renamed.queriesRun()).isEqualTo(6); // the settings are an input of every page
        assertThat(f.read("site/p1/index.html")).contains("Store renamed");
    }

    @Test
    void aDamagedStoreIsIgnored() throws IOException {
        new SiteBuilder(f.options()).build();
        Map<String, String> made = files(f.project.resolve("site"));
        List<Path> entries;
        try (Stream<Path> s = Files.walk(f.project.resolve(SiteBuilder.CACHE_DIR).resolve("pages"))) {
            entries = s.filter(p -> p.toString().endsWith(".page")).toList();
        }
        assertThat(entries).hasSize(5); // four pages and the 404 page
        for (int i = 0; i < entries.size(); i++) {
            byte[] b = Files.readAllBytes(entries.get(i));
            Files.write(entries.get(i), i % 2 == 0 ? "garbage".getBytes() : java.util.Arrays.copyOf(b, b.length / 2));
        }
        BuildResult r = buildWithoutQueryCache();
        assertThat(r.queriesRun()).isEqualTo(6);
        assertThat(files(f.project.resolve("site"))).isEqualTo(made);
    }

    @Test
    void aViewWithEveryKindOfFieldIsKeptExactly() {
        var result = new io.datadesk.data.QueryResult("yearly", List.of(new io.datadesk.data.Column("year", io.datadesk.data.ColumnType.TEXT),
                new io.datadesk.data.Column("value", io.datadesk.data.ColumnType.DECIMAL)),
                List.of(java.util.Arrays.asList("2023", 1.5), java.util.Arrays.asList("2024", null)));
        var view = new io.datadesk.render.PageView("Title", null, "About", "Ann", java.time.LocalDate.of(2024, 1, 2), null,
                List.of("a", "b"), "en", 3, List.of(new io.datadesk.read.TocEntry(2, "Section", "section")), "<p>body</p>", "p/",
                "https://example.org/p/", Map.of("yearly", result),
                List.of(new io.datadesk.render.PageView.Source("Office", "https://example.org", List.of(
                        new io.datadesk.render.PageView.Source("series", null)))),
                List.of(new io.datadesk.render.PageView.Download("yearly.csv", "p/downloads/yearly.csv")), "<section>how</section>",
                "A chart: what it shows");
        var entry = new PageStore.Entry("in", Map.of("/d.csv", "h"), "vk", view, "article", "en-GB",
                Map.of("p/downloads/yearly.csv", new byte[] {1, 2}), "<svg/>", 1, 2, "rk", "<html>");
        PageStore store = new PageStore(tmp.resolve("store"));
        store.save("p/", entry);
        PageStore.Entry back = store.load("p/");
        assertThat(back).isNotNull();
        assertThat(back.view()).isEqualTo(view);
        assertThat(back.files().get("p/downloads/yearly.csv")).containsExactly(1, 2);
        assertThat(back).usingRecursiveComparison().ignoringFields("view", "files").isEqualTo(entry);
        assertThat(store.load("q/")).isNull();
    }

    @Test
    void entriesOfDeletedPagesAreDeleted() throws IOException {
        new SiteBuilder(f.options()).build();
        assertThat(storeEntries()).hasSize(5); // four pages and the 404 page
        deleteTree(f.project.resolve("content/p3"));
        Path leftover = f.project.resolve(SiteBuilder.CACHE_DIR).resolve("pages/00/.x.page.1.2.tmp"); // of a killed build
        Files.createDirectories(leftover.getParent());
        Files.writeString(leftover, "half");
        Files.setLastModifiedTime(leftover, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 3_600_000));
        new SiteBuilder(f.options()).build(); // a new process
        assertThat(storeEntries()).hasSize(4);
        assertThat(leftover).doesNotExist();

        // a running builder (serve) prunes when a page goes, too
        SiteBuilder serve = new SiteBuilder(f.options());
        serve.build();
        deleteTree(f.project.resolve("content/p2"));
        serve.build();
        assertThat(storeEntries()).hasSize(3);
        BuildResult r = buildWithoutQueryCache(); // what is left still serves the pages that are left
        assertThat(r.queriesRun()).isZero();
        assertThat(files(f.project.resolve("site"))).isEqualTo(freshBuild());
    }

    @Test
    void entriesAreKeptInOneFolderAndThoseOfTheEarlierLayoutAreDeleted() throws IOException {
        Path store = f.project.resolve(SiteBuilder.CACHE_DIR).resolve("pages");
        Path earlier = store.resolve("ab/ab" + "0".repeat(62) + ".page"); // a folder per first two characters, before
        Files.createDirectories(earlier.getParent());
        Files.writeString(earlier, "an entry of an earlier datadesk");
        new SiteBuilder(f.options()).build();
        assertThat(earlier).doesNotExist();
        assertThat(storeEntries()).hasSize(5).allSatisfy(e -> assertThat(e.getParent()).isEqualTo(store));
    }

    private List<Path> storeEntries() throws IOException {
        try (Stream<Path> s = Files.walk(f.project.resolve(SiteBuilder.CACHE_DIR).resolve("pages"))) {
            return s.filter(Files::isRegularFile).toList();
        }
    }

    @Test
    void aBuilderWithoutCacheNeitherReadsNorWritesTheStore() throws IOException {
        new SiteBuilder(f.options(), QueryCache.none()).build();
        assertThat(f.project.resolve(SiteBuilder.CACHE_DIR).resolve("pages")).doesNotExist();
    }

    private static Map<String, String> files(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList())
                out.put(root.relativize(p).toString(), io.datadesk.write.Assets.sha256(Files.readAllBytes(p)));
        }
        return out;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
    /**
     * The code key of a jar made by `mvn package` is the hash that step wrote into it (pom.xml, code-hash): two jars
     * with the same written hash are the same code, whatever else is in them, and a written hash that changes changes
     * the key. A jar without one (or with a damaged one) is known by its content, so any edit of it counts.
     */
    @Test
    void aJarIsKnownByTheCodeHashPackagedInItElseByItsContent() throws IOException {
        String hashA = "a".repeat(64), hashB = "b".repeat(64);
        Path a1 = jar("a1.jar", Map.of("io/x/A.class", "one", PageStore.CODE_HASH_ENTRY, hashA + "\n"));
        Path a2 = jar("a2.jar", Map.of("io/x/A.class", "two", PageStore.CODE_HASH_ENTRY, hashA));
        Path b = jar("b.jar", Map.of("io/x/A.class", "one", PageStore.CODE_HASH_ENTRY, hashB));
        assertThat(PageStore.jarKey(a1)).isEqualTo(PageStore.jarKey(a2)).contains(hashA);
        assertThat(PageStore.jarKey(b)).isNotEqualTo(PageStore.jarKey(a1));

        Path plain1 = jar("p1.jar", Map.of("io/x/A.class", "one"));
        Path plain2 = jar("p2.jar", Map.of("io/x/A.class", "two"));
        Path damaged = jar("d.jar", Map.of("io/x/A.class", "one", PageStore.CODE_HASH_ENTRY, "not a hash"));
        assertThat(PageStore.jarKey(plain1)).isNotEqualTo(PageStore.jarKey(plain2)).doesNotContain(hashA);
        assertThat(PageStore.jarKey(damaged)).isNotEqualTo(PageStore.jarKey(plain1)).doesNotContain("not a hash");
    }

    private Path jar(String name, Map<String, String> entries) throws IOException {
        Path jar = tmp.resolve(name);
        try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar))) {
            for (var e : new TreeMap<>(entries).entrySet()) {
                out.putNextEntry(new java.util.jar.JarEntry(e.getKey()));
                out.write(e.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return jar;
    }
}
