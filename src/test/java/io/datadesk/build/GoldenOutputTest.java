package io.datadesk.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Input → output snapshots: the flagship report, the quality fixture, and one page per chart type are built with the
 * real templates and every generated file is compared byte for byte with {@code src/test/golden/}.
 *
 * <p>They exist so that a refactoring of the pipeline is proved not to change a single byte, and so that an
 * intended change of the output is visible in review as a diff of the golden files. To accept an intended change,
 * regenerate them and commit them with the change:
 *
 * <pre>mvn -q -B -o test -Dtest=GoldenOutputTest -Dgolden.update=true</pre>
 *
 * Compared: every file the build generates (pages, 404, feed, sitemap, robots.txt, social cards, chart CSV
 * downloads); not compared: theme assets (copies of {@code templates/assets/}) and static files copied verbatim from
 * {@code content/}.
 */
class GoldenOutputTest {

    static final Path GOLDEN = Path.of("src/test/golden").toAbsolutePath();
    static final boolean UPDATE = Boolean.getBoolean("golden.update");
    static final Path FIXTURE = Path.of("src/test/resources/quality-fixture").toAbsolutePath();

    @TempDir Path tmp;

    @Test
    void flagshipReport() throws IOException {
        Path project = Path.of("").toAbsolutePath();
        Path site = tmp.resolve("site");
        new SiteBuilder(BuildOptions.defaults(project).withOut(site)).build();
        compare(site, project.resolve("content"), GOLDEN.resolve("flagship"));
    }

    @Test
    void qualityFixture() throws IOException {
        Path project = copyFixture();
        Path site = project.resolve("site");
        new SiteBuilder(BuildOptions.defaults(project).withTemplates(SiteFixture.repoTemplates())).build();
        compare(site, project.resolve("content"), GOLDEN.resolve("fixture"));
    }

    /** One page per chart type: the fixture's chart page with only that type's chart block left in it. */
    @TestFactory
    List<DynamicTest> oneChartPerType() throws IOException {
        String page = Files.readString(FIXTURE.resolve("content/charts/index.md"));
        Matcher chart = Pattern.compile("```chart\n(.*?)```\n", Pattern.DOTALL).matcher(page);
        List<String> blocks = new ArrayList<>();
        while (chart.find()) blocks.add(chart.group());
        assertThat(blocks).as("chart blocks in the fixture").hasSizeGreaterThanOrEqualTo(9);
        List<DynamicTest> tests = new ArrayList<>();
        for (String block : blocks) {
            Matcher type = Pattern.compile("(?m)^type: *(\\S+)").matcher(block);
            assertThat(type.find()).as("type of " + block).isTrue();
            String name = type.group(1);
            String only = page;
            for (String other : blocks) if (!other.equals(block)) only = only.replace(other, "");
            String text = only;
            tests.add(DynamicTest.dynamicTest(name, () -> {
                Path project = copyFixture();
                Path content = project.resolve("content");
                Files.writeString(content.resolve("charts/index.md"), text);
                new SiteBuilder(BuildOptions.defaults(project).withTemplates(SiteFixture.repoTemplates())).build();
                // Only the chart page and its downloads: the rest of the site is the fixture's golden.
                compare(project.resolve("site/charts"), content.resolve("charts"), GOLDEN.resolve("chart-types/" + name));
            }));
        }
        return tests;
    }

    private Path copyFixture() throws IOException {
        Path project = Files.createTempDirectory(tmp, "fixture");
        try (Stream<Path> s = Files.walk(FIXTURE)) {
            for (Path p : s.toList()) {
                Path rel = FIXTURE.relativize(p);
                if (rel.toString().startsWith(SiteBuilder.CACHE_DIR) || rel.toString().startsWith("site")) continue;
                if (Files.isDirectory(p)) Files.createDirectories(project.resolve(rel.toString()));
                else Files.copy(p, project.resolve(rel.toString()));
            }
        }
        return project;
    }

    /**
     * Compares the generated files of {@code site} with {@code golden}, or rewrites {@code golden} when
     * {@code -Dgolden.update=true}. A file that exists on only one side is a difference too.
     */
    static void compare(Path site, Path content, Path golden) throws IOException {
        TreeSet<String> made = generatedFiles(site, content);
        assertThat(made).as("files generated into " + site).isNotEmpty();
        if (UPDATE) {
            deleteTree(golden);
            for (String rel : made) {
                Path g = golden.resolve(rel);
                Files.createDirectories(g.getParent());
                Files.write(g, Files.readAllBytes(site.resolve(rel)));
            }
            return;
        }
        TreeSet<String> expected = Files.isDirectory(golden) ? allFiles(golden) : new TreeSet<>();
        List<String> problems = new ArrayList<>();
        for (String rel : expected) if (!made.contains(rel)) problems.add(rel + ": in the golden files but no longer generated");
        for (String rel : made) {
            if (!expected.contains(rel)) {
                problems.add(rel + ": generated but has no golden file");
                continue;
            }
            byte[] want = Files.readAllBytes(golden.resolve(rel));
            byte[] got = Files.readAllBytes(site.resolve(rel));
            if (!Arrays.equals(want, got)) problems.add(rel + ": " + firstDifference(want, got));
        }
        if (!problems.isEmpty()) {
            fail("output differs from " + Path.of("").toAbsolutePath().relativize(golden) + ":\n  "
                    + String.join("\n  ", problems)
                    + "\nIf the change is intended, regenerate the golden files and commit them with it:\n"
                    + "  mvn -q -B -o test -Dtest=GoldenOutputTest -Dgolden.update=true");
        }
    }

    private static TreeSet<String> generatedFiles(Path site, Path content) throws IOException {
        TreeSet<String> files = new TreeSet<>();
        for (String rel : allFiles(site)) {
            if (rel.startsWith("assets/")) continue; // the theme's own files, copied
            Path source = content.resolve(rel);
            if (Files.isRegularFile(source) && Arrays.equals(Files.readAllBytes(source), Files.readAllBytes(site.resolve(rel))))
                continue; // a static file copied from content/
            files.add(rel);
        }
        return files;
    }

    private static TreeSet<String> allFiles(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            TreeSet<String> files = new TreeSet<>();
            s.filter(Files::isRegularFile).forEach(p -> files.add(root.relativize(p).toString().replace('\\', '/')));
            return files;
        }
    }

    /** Where two versions first differ, as line and the two lines (or a byte offset for binary files). */
    private static String firstDifference(byte[] want, byte[] got) {
        int i = 0;
        while (i < want.length && i < got.length && want[i] == got[i]) i++;
        String w = new String(want, StandardCharsets.UTF_8);
        if (w.indexOf('\0') >= 0 || !Arrays.equals(w.getBytes(StandardCharsets.UTF_8), want))
            return "binary files differ from byte " + i + " (sizes " + want.length + " and " + got.length + ")";
        int line = 1;
        int lineStart = 0;
        for (int k = 0; k < i; k++) if (want[k] == '\n') { line++; lineStart = k + 1; }
        int col = i - lineStart + 1;
        return "differs at line " + line + ", column " + col + ":\n      golden: " + excerpt(want, i) + "\n      now:    " + excerpt(got, i);
    }

    private static String excerpt(byte[] b, int at) {
        int from = Math.max(0, at - 40);
        int to = Math.min(b.length, at + 80);
        return new String(b, from, to - from, StandardCharsets.UTF_8).replace("\n", "\\n");
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) return;
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
