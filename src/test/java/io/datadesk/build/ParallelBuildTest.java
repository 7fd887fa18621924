package io.datadesk.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.datadesk.compute.QueryCache;
import io.datadesk.error.ContentException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pages are built on several threads; the site and the errors must be exactly those of a one-thread build. */
class ParallelBuildTest {

    @TempDir Path tmp;

    /** Twelve pages with data, charts, tables and inline values, a home page that lists them, and social cards. */
    private SiteFixture dataSite(Path dir) {
        SiteFixture f = new SiteFixture(dir);
        f.write("datadesk.yaml", "title: Parallel\nbase_url: https://example.org/p/\n");
        f.write("content/index.md", "---\ntitle: Home\n---\nAll pages.\n");
        for (int i = 1; i <= 12; i++) {
            StringBuilder csv = new StringBuilder("year,region,value\n");
            for (int y = 2015; y <= 2024; y++)
                for (String r : List.of("North", "South")) csv.append(y).append(',').append(r).append(',').append((y * 7 + i * 13) % 97).append('\n');
            f.write("content/p" + i + "/data/v.csv", csv.toString());
            f.write("content/p" + i + "/index.md", "---\ntitle: Page " + i + "\ndate: 2024-01-" + (10 + i) + "\ndata:\n  v: data/v.csv\n---\n"
                    + "The total is {{ total.value | number }}.\n\n"
                    + "```sql yearly\nselect cast(year as varchar) as year, sum(value) as value from v group by 1 order by 1\n```\n\n"
                    + "```sql total show\nselect sum(value) as value from v\n```\n\n"
                    + "```chart\ntype: " + (i % 2 == 0 ? "bar" : "line") + "\ndata: yearly\nx: year\ny: value\ntitle: Per year " + i + "\n```\n\n"
                    + "```table\ndata: yearly\n```\n");
        }
        return f;
    }

    private static Map<String, String> files(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList())
                out.put(root.relativize(p).toString(), io.datadesk.write.Assets.sha256(Files.readAllBytes(p)));
        }
        return out;
    }

    @Test
    void aParallelBuildWritesExactlyWhatAOneThreadBuildWrites() throws IOException {
        SiteFixture f = dataSite(tmp.resolve("project"));
        BuildOptions one = f.options().withOut(tmp.resolve("one"));
        BuildOptions four = f.options().withOut(tmp.resolve("four"));
        BuildResult r1 = new SiteBuilder(one, QueryCache.none(), 1).build();
        BuildResult r4 = new SiteBuilder(four, QueryCache.none(), 4).build();
        assertThat(r4.pages()).isEqualTo(r1.pages()).hasSize(13);
        assertThat(r4.charts()).isEqualTo(r1.charts()).isEqualTo(12);
        assertThat(r4.queriesRun()).isEqualTo(r1.queriesRun()).isEqualTo(24);
        Map<String, String> a = files(tmp.resolve("one"));
        assertThat(a).containsKeys("p7/index.html", "p7/social.png", "p7/downloads/yearly.csv", "feed.xml");
        assertThat(files(tmp.resolve("four"))).isEqualTo(a);
    }

    @Test
    void errorsOfAParallelBuildAreAllReportedInTheOrderOfAOneThreadBuild() {
        SiteFixture f = dataSite(tmp.resolve("broken"));
        // A different problem on several pages: bad SQL, a chart naming an unknown column, an unknown query inline.
        for (int i : new int[] {2, 5, 6, 9, 11}) {
            String page = f.read("content/p" + i + "/index.md");
            page = switch (i % 3) {
                case 0 -> page.replace("sum(value) as value from v group", "sum(valu) as value from v group");
                case 1 -> page.replace("y: value", "y: amount");
                default -> page.replace("{{ total.value | number }}", "{{ totl.value | number }}");
            };
            f.write("content/p" + i + "/index.md", page);
        }
        List<String> reference = messages(f, 1);
        assertThat(reference).hasSizeGreaterThanOrEqualTo(5);
        assertThat(reference.stream().map(m -> m.substring(0, m.indexOf(':'))).distinct())
                .containsExactly("content/p11/index.md", "content/p2/index.md", "content/p5/index.md",
                        "content/p6/index.md", "content/p9/index.md");
        for (int run = 0; run < 3; run++) assertThat(messages(f, 4)).isEqualTo(reference);
    }

    private List<String> messages(SiteFixture f, int threads) {
        ContentException e = catchThrowableOfType(ContentException.class,
                () -> new SiteBuilder(f.options(), QueryCache.none(), threads).build());
        assertThat(e).as("the build fails").isNotNull();
        return e.diagnostics().stream().map(Object::toString).toList();
    }
}
