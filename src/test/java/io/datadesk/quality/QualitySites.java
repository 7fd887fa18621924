package io.datadesk.quality;

import io.datadesk.build.BuildOptions;
import io.datadesk.build.BuildResult;
import io.datadesk.build.SiteBuilder;
import io.datadesk.config.SiteConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The sites the quality gates check, built once per test JVM with the project's real templates:
 * <ul>
 *   <li>{@code fixture}: {@code src/test/resources/quality-fixture}, which exercises headings, contents, footnotes,
 *       tables (one wider than a phone), code, quotes, a chart figure, links between pages and a data file;</li>
 *   <li>{@code project}: the project's own {@code content/} with its {@code datadesk.yaml}, as published, when it has
 *       any page.</li>
 * </ul>
 * Output goes to {@code target/quality-sites/NAME/site}, kept after the run so a failure can be looked at.
 */
final class QualitySites {

    /**
     * A built site.
     *
     * @param root the site folder
     * @param basePath the path the site is published under, from {@code base_url} (such as {@code /reports/}), or
     *     {@code /}; tests serve it there, as GitHub Pages would
     */
    record Site(String name, Path root, SiteConfig config, BuildResult result, String basePath) {

        List<Path> htmlFiles() {
            return files(".html");
        }

        List<Path> files(String suffix) {
            try (Stream<Path> s = Files.walk(root)) {
                return s.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(suffix)).sorted().toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String sitePath(Path file) {
            return root.relativize(file).toString().replace('\\', '/');
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static final Path PROJECT = Path.of("").toAbsolutePath();
    private static List<Site> sites;

    private QualitySites() {}

    static synchronized List<Site> all() {
        if (sites == null) {
            List<Site> built = new ArrayList<>();
            built.add(build("fixture", PROJECT.resolve("src/test/resources/quality-fixture")));
            if (hasPages(PROJECT.resolve("content"))) built.add(build("project", PROJECT));
            sites = List.copyOf(built);
        }
        return sites;
    }

    private static Site build(String name, Path projectDir) {
        Path out = PROJECT.resolve("target/quality-sites/" + name + "/site");
        BuildOptions options = new BuildOptions(projectDir, projectDir.resolve("content"), PROJECT.resolve("templates"),
                out, false, true);
        BuildResult result = new SiteBuilder(options).build();
        SiteConfig config = SiteConfig.load(projectDir.resolve(SiteConfig.FILE_NAME), SiteConfig.FILE_NAME);
        String base = config.baseUrl().isEmpty() ? "/" : URI.create(config.baseUrl()).getPath();
        return new Site(name, out, config, result, base.isEmpty() ? "/" : base);
    }

    private static boolean hasPages(Path content) {
        if (!Files.isDirectory(content)) return false;
        try (Stream<Path> s = Files.walk(content)) {
            return s.anyMatch(p -> p.toString().endsWith(".md"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
