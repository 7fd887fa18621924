package io.datadesk.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.datadesk.build.BuildOptions;
import io.datadesk.build.BuildResult;
import io.datadesk.build.SiteBuilder;
import io.datadesk.build.SiteLinks;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds the repository's real content/ — the flagship report — and checks its numbers against the published
 * figures and against sums computed here, independently of DuckDB, from the CSV files it ships.
 */
class FlagshipReportTest {

    @TempDir static Path out;
    static Path site;
    static Document report;
    static BuildResult result;

    @BeforeAll
    static void build() throws Exception {
        site = out.resolve("site");
        result = new SiteBuilder(BuildOptions.defaults(Path.of("").toAbsolutePath()).withOut(site)).build();
        report = Jsoup.parse(site.resolve("ai-job-cuts/index.html").toFile());
    }

    private static Map<String, List<String>> tableRows(String ariaLabel) {
        Element table = report.selectFirst("[aria-label=" + ariaLabel + "] table");
        assertThat(table).as("table of " + ariaLabel).isNotNull();
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (Element tr : table.select("tbody tr")) {
            List<String> cells = tr.select("th, td").eachText();
            rows.put(cells.get(0), cells);
        }
        return rows;
    }

    @Test
    void yearlyLayoffsEqualThePublishedTotals() {
        Map<String, List<String>> rows = tableRows("fyi_yearly");
        assertThat(rows.get("2022")).contains("165,269");
        assertThat(rows.get("2023")).contains("264,320");
        assertThat(rows.get("2024")).contains("152,922");
        assertThat(rows.get("2025")).contains("123,941");
    }

    @Test
    void challengerAiFiguresEqualTheSumsOfTheMonthlyFile() throws Exception {
        Map<String, Long> aiByYear = new LinkedHashMap<>();
        Map<String, Long> announcedByYear = new LinkedHashMap<>();
        try (Reader r = Files.newBufferedReader(Path.of("content/ai-job-cuts/data/challenger_monthly.csv"));
             CSVParser csv = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
            for (CSVRecord row : csv) {
                String year = row.get("month").substring(0, 4);
                if (year.compareTo("2023") < 0) continue;
                announcedByYear.merge(year, Long.parseLong(row.get("announced_cuts")), Long::sum);
                if (!row.get("ai_cuts").isEmpty()) aiByYear.merge(year, Long.parseLong(row.get("ai_cuts")), Long::sum);
            }
        }
        Map<String, List<String>> rows = tableRows("ch_ai_yearly");
        assertThat(rows).hasSize(aiByYear.size());
        for (Map.Entry<String, Long> e : aiByYear.entrySet()) {
            List<String> row = rows.entrySet().stream().filter(x -> x.getKey().startsWith(e.getKey()))
                    .findFirst().orElseThrow().getValue();
            assertThat(row).as("AI sum " + e.getKey()).contains(String.format("%,d", e.getValue()));
            assertThat(row).as("announced " + e.getKey()).contains(String.format("%,d", announcedByYear.get(e.getKey())));
        }
    }

    @Test
    void everyChartHasADescriptionAndAWorkingCsvDownload() throws Exception {
        Elements figures = report.select("figure.dd-chart");
        assertThat(figures).hasSizeGreaterThanOrEqualTo(8);
        Set<String> types = new HashSet<>();
        for (Element fig : figures) {
            fig.classNames().stream().filter(c -> c.startsWith("dd-chart--")).forEach(types::add);
            for (Element svg : fig.select("svg")) assertThat(svg.select("desc").text()).as(fig.id()).isNotBlank();
            Element link = fig.selectFirst("a:contains(Download the data (CSV))");
            assertThat(link).as(fig.id()).isNotNull();
            Path csvFile = site.resolve("ai-job-cuts").resolve(link.attr("href"));
            assertThat(csvFile).as(fig.id()).isRegularFile();
            try (Reader r = Files.newBufferedReader(csvFile);
                 CSVParser csv = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
                List<CSVRecord> records = csv.getRecords();
                assertThat(csv.getHeaderNames()).isNotEmpty();
                // "Show the data" holds the same rows as the download
                assertThat(fig.select("details tbody tr")).as(fig.id()).hasSize(records.size());
            }
        }
        assertThat(types).as("chart types").hasSizeGreaterThanOrEqualTo(4);
        assertThat(report.select(".prose > .table-scroll table, .prose > div > table")).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void dataAndChartSourcesAreCreditedOnceEach() {
        List<String> credited = report.select("#dd-sources a").eachAttr("href");
        assertThat(credited).doesNotHaveDuplicates();
        // every chart's source and every dataset's publisher is credited at the end of the page
        assertThat(credited).containsAll(new HashSet<>(report.select(".dd-chart-source a").eachAttr("href")));
        assertThat(credited).contains("https://layoffs.fyi/", "https://www.challengergray.com/blog/", "https://fred.stlouisfed.org/");
    }

    @Test
    void aSecondBuildWithoutTheCacheIsByteIdentical() throws Exception {
        Path again = out.resolve("again");
        new SiteBuilder(BuildOptions.defaults(Path.of("").toAbsolutePath()).withOut(again),
                io.datadesk.build.QueryCache.none()).build();
        List<Path> files;
        try (var walk = Files.walk(site)) {
            files = walk.filter(Files::isRegularFile).map(site::relativize).sorted().toList();
        }
        try (var walk = Files.walk(again)) {
            assertThat(walk.filter(Files::isRegularFile).map(again::relativize).sorted().toList()).isEqualTo(files);
        }
        for (Path f : files) assertThat(again.resolve(f)).as(f.toString()).hasSameBinaryContentAs(site.resolve(f));
    }

    @Test
    void noBrokenInternalLinks() {
        assertThat(SiteLinks.broken(site)).isEmpty();
    }

    @Test
    void homePageIntroducesTheReportWithComputedFigures() {
        Document home = parse(site.resolve("index.html"));
        assertThat(home.select("a[href=ai-job-cuts/index.html]")).isNotEmpty();
        assertThat(home.select(".prose").text()).containsPattern("\\d{1,3}(,\\d{3})+");
    }

    private static Document parse(Path p) {
        try {
            return Jsoup.parse(p.toFile());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
