package io.datadesk.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.datadesk.build.BuildOptions;
import io.datadesk.build.SiteBuilder;
import io.datadesk.write.SocialCard;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Simplified Chinese edition of the flagship ({@code content/ai-job-cuts/index.zh.md}, its appendix and the
 * Chinese home page), built from the repository's real content: its figures recomputed here from the CSV files,
 * independently of DuckDB, its codes and labels in Chinese, no English left in its prose, and both editions linked.
 */
class FlagshipChineseEditionTest {

    @TempDir static Path out;
    static Path site;
    static Document zh;
    static Document en;

    @BeforeAll
    static void build() throws Exception {
        site = out.resolve("site");
        new SiteBuilder(BuildOptions.defaults(Path.of("").toAbsolutePath()).withOut(site)).build();
        zh = parse(site.resolve("zh/ai-job-cuts/index.html"));
        en = parse(site.resolve("ai-job-cuts/index.html"));
    }

    private static final Path DATA = Path.of("content/ai-job-cuts/data");

    private static final Map<String, String> CODE_LABELS = Map.of("ai_cited", "公司自己归因于AI",
            "ai_linked_by_others", "他人将其与AI挂钩", "other_reason", "其他原因", "reason_unknown", "原因不明");

    private static List<CSVRecord> csv(String file) throws Exception {
        try (Reader r = Files.newBufferedReader(DATA.resolve(file));
             CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
            return p.getRecords();
        }
    }

    private static Long num(CSVRecord row, String column) {
        String v = row.get(column);
        return v.isEmpty() ? null : Math.round(Double.parseDouble(v));
    }

    private static String n(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    private static String pct(double share, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f%%", share * 100);
    }

    /** A count in 万 (ten thousands) with one decimal, as the Chinese prose writes counts above 100,000. */
    private static String wan(long value) {
        return String.format(Locale.ROOT, "%.1f", value / 1e4);
    }

    private static String prose(Document page) {
        return page.select(".prose").text();
    }

    private static Map<String, List<String>> tableRows(Document page, String caption) {
        Element table = page.selectFirst("[aria-label=\"" + caption + "\"] table");
        assertThat(table).as("table " + caption).isNotNull();
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (Element tr : table.select("tbody tr")) {
            List<String> cells = tr.select("th, td").eachText();
            rows.put(cells.get(0), cells);
        }
        return rows;
    }

    @Test
    void theChineseEditionIsPublishedUnderZhAndTheTwoEditionsLinkToEachOther() {
        assertThat(zh.selectFirst("html").attr("lang")).startsWith("zh");
        assertThat(zh.title()).contains("AI对裁员的真实影响有多大？");
        // each edition names the other as its alternate in that language, and its switcher links to it
        assertThat(en.select("link[rel=alternate][hreflang^=zh]").eachAttr("href")).anyMatch(h -> h.endsWith("zh/ai-job-cuts/"));
        assertThat(zh.select("link[rel=alternate][hreflang=en]").eachAttr("href")).anyMatch(h -> h.endsWith("/ai-job-cuts/") && !h.contains("/zh/"));
        assertThat(en.select("a[hreflang^=zh]").eachAttr("href")).contains("../zh/ai-job-cuts/index.html");
        assertThat(zh.select("a[hreflang=en]").eachAttr("href")).contains("../../ai-job-cuts/index.html");
        Document zhAppendix = parse(site.resolve("zh/ai-job-cuts/coded-events/index.html"));
        assertThat(zhAppendix.select("a[hreflang=en]").eachAttr("href")).contains("../../../ai-job-cuts/coded-events/index.html");
        Document zhHome = parse(site.resolve("zh/index.html"));
        assertThat(zhHome.select(".prose a[href=ai-job-cuts/index.html]")).isNotEmpty();
        assertThat(prose(zhHome)).containsPattern("\\d{1,3}(,\\d{3})+人");
    }

    /**
     * The social cards of the Chinese pages draw every character in a font that has its glyph (no boxes), leave no
     * text out, and keep the 万 of the chart's tick labels; the written card is the one drawn for zh-CN.
     */
    @Test
    void theChineseSocialCardsDrawEveryCharacterWithItsGlyph() throws Exception {
        String host = "datadesk.github.io/datadesk";
        String title = zh.selectFirst("meta[property=og:title]").attr("content");
        String chart = SocialCard.firstChart(zh.body().html());
        assertThat(chart).contains("万");
        List<SocialCard.DrawnText> drawn = SocialCard.texts(title, null, "datadesk", host, chart, "zh-CN");
        for (SocialCard.DrawnText d : drawn)
            assertThat(d.font().canDisplayUpTo(d.text())).as("'" + d.text() + "' in " + d.font().getFontName()).isEqualTo(-1);
        String all = drawn.stream().map(SocialCard.DrawnText::text).collect(java.util.stream.Collectors.joining()).replace(" ", "");
        assertThat(all).as("the headline, whole (the CJK glyphs come from the package " + SocialCard.CJK_FONT_PACKAGE + ")")
                .contains(title.replace(" ", ""));
        List<String> labels = Jsoup.parse(chart, "", org.jsoup.parser.Parser.xmlParser()).select("text").eachText();
        assertThat(labels).anyMatch(l -> l.matches("\\d+万"));
        for (String label : labels) assertThat(all).as("chart label " + label).contains(label.replace(" ", ""));

        Document zhHome = parse(site.resolve("zh/index.html"));
        assertThat(zhHome.select("figure svg")).as("the Chinese home page has no chart; the comparison below draws none").isEmpty();
        String homeSummary = "用公开数据计算的数据报道：每个数字都在网站生成时由数据算出"; // datadesk.yaml's zh description
        List<SocialCard.DrawnText> home = SocialCard.texts("datadesk", homeSummary, "datadesk", host, null, "zh-CN");
        for (SocialCard.DrawnText d : home) assertThat(d.font().canDisplayUpTo(d.text())).isEqualTo(-1);
        assertThat(home.stream().map(SocialCard.DrawnText::text).collect(java.util.stream.Collectors.joining())).contains(homeSummary);
        assertThat(site.resolve("zh/social.png")).hasBinaryContent(SocialCard.png("datadesk", homeSummary, "datadesk", host, null, "zh-CN"));
    }

    @Test
    void yearlyTechLayoffsEqualThePublishedTotals() {
        Map<String, List<String>> rows = tableRows(zh, "layoffs.fyi每年记录的科技业裁员");
        assertThat(rows.get("2022")).contains("165,269");
        assertThat(rows.get("2023")).contains("264,320");
        assertThat(rows.get("2024")).contains("152,922");
        assertThat(rows.get("2025")).contains("123,941");
        assertThat(rows.get("2020")).contains("3月11日至12月23日");
    }

    @Test
    void theCodedMonthsMatchTheFilesWithTheCodesInChinese() throws Exception {
        Map<String, List<String>> byCode = tableRows(zh, "按公司所述原因划分的裁员事件数和裁员人数，2023年10月与2026年1月");
        assertThat(byCode.keySet()).containsExactly("公司自己归因于AI", "他人将其与AI挂钩", "其他原因", "原因不明");
        String[][] months = {{"coded_events_2023_10.csv", "1"}, {"coded_events_2026_01.csv", "4"}};
        for (String[] m : months) {
            List<CSVRecord> events = csv(m[0]);
            long people = events.stream().map(e -> num(e, "laid_off")).filter(v -> v != null).mapToLong(Long::longValue).sum();
            int col = Integer.parseInt(m[1]);
            for (var code : CODE_LABELS.entrySet()) {
                List<CSVRecord> inCode = events.stream().filter(e -> e.get("code").equals(code.getKey())).toList();
                long codePeople = inCode.stream().map(e -> num(e, "laid_off")).filter(v -> v != null).mapToLong(Long::longValue).sum();
                List<String> row = byCode.get(code.getValue());
                assertThat(row.get(col)).as(m[0] + " events " + code.getKey()).isEqualTo(String.valueOf(inCode.size()));
                assertThat(row.get(col + 1)).as(m[0] + " people " + code.getKey()).isEqualTo(n(codePeople));
                assertThat(row.get(col + 2)).as(m[0] + " share " + code.getKey()).isEqualTo(pct((double) codePeople / people, 1));
            }
        }
        // the sentence on January 2026, recomputed here
        List<CSVRecord> jan = csv("coded_events_2026_01.csv");
        List<CSVRecord> cited = jan.stream().filter(e -> e.get("code").equals("ai_cited")).toList();
        long citedPeople = cited.stream().map(e -> num(e, "laid_off")).filter(v -> v != null).mapToLong(Long::longValue).sum();
        long people = jan.stream().map(e -> num(e, "laid_off")).filter(v -> v != null).mapToLong(Long::longValue).sum();
        assertThat(prose(zh)).contains("在" + jan.size() + "起事件中，公司自己归因于AI的有" + cited.size() + "起（"
                + Math.round(100.0 * cited.size() / jan.size()) + "%），涉及已知人数的" + n(people) + "名被裁员工中的"
                + n(citedPeople) + "人（" + pct((double) citedPeople / people, 1) + "）");
    }

    @Test
    void theAppendixListsEveryEventWithItsCodeAndNoteInChinese() throws Exception {
        Document appendix = parse(site.resolve("zh/ai-job-cuts/coded-events/index.html"));
        String[][] tables = {{"coded_events_2023_10.csv", "layoffs.fyi记录的2023年10月全部裁员事件，按公司所述原因归类，按规模从大到小排列"},
                             {"coded_events_2026_01.csv", "layoffs.fyi记录的2026年1月全部裁员事件，按公司所述原因归类，按规模从大到小排列"}};
        Pattern han = Pattern.compile("\\p{IsHan}");
        for (String[] t : tables) {
            List<CSVRecord> events = csv(t[0]);
            Element table = appendix.selectFirst("[aria-label=\"" + t[1] + "\"] table");
            assertThat(table).as(t[1]).isNotNull();
            List<String> headers = table.select("thead th").eachText();
            int reason = headers.indexOf("归类"), note = headers.indexOf("备注");
            assertThat(reason).isNotNegative();
            assertThat(note).isNotNegative();
            assertThat(table.select("tbody tr")).hasSize(events.size());
            List<String> codes = new ArrayList<>();
            for (Element tr : table.select("tbody tr")) {
                List<String> cells = tr.select("th, td").eachText();
                codes.add(cells.get(reason));
                assertThat(han.matcher(cells.get(note)).find()).as(cells.get(0) + " note in Chinese").isTrue();
            }
            assertThat(codes).containsExactlyInAnyOrderElementsOf(events.stream().map(e -> CODE_LABELS.get(e.get("code"))).toList());
        }
        assertThat(tableRows(appendix, tables[1][1]).keySet().iterator().next()).isEqualTo("Amazon");
        // the appendix links back to the section of the Chinese report
        assertThat(appendix.select(".prose a").eachAttr("href")).contains("../index.html#重现2023年的分析");
        assertThat(zh.getElementById("重现2023年的分析")).isNotNull();
    }

    @Test
    void aiSharesAndTheDerived2024TotalAreRecomputedFromTheFiles() throws Exception {
        Map<String, CSVRecord> ch = new java.util.TreeMap<>();
        for (CSVRecord row : csv("challenger_monthly.csv")) ch.put(row.get("month"), row);
        long mayToDec = ch.entrySet().stream().filter(e -> e.getKey().compareTo("2023-05") >= 0 && e.getKey().compareTo("2023-12") <= 0)
                .mapToLong(e -> num(e.getValue(), "announced_cuts")).sum();
        Map<String, Long> annual = new LinkedHashMap<>();
        for (CSVRecord r : csv("challenger_ai_annual.csv")) annual.put(r.get("year"), num(r, "ai_cuts_total"));
        long toDec2025 = csv("challenger_ai_cumulative.csv").stream().filter(r -> r.get("period_end").equals("2025-12"))
                .map(r -> num(r, "ai_cuts")).findFirst().orElseThrow();
        long derived2024 = toDec2025 - annual.get("2023") - annual.get("2025");
        long ai2026 = ch.entrySet().stream().filter(e -> e.getKey().startsWith("2026")).mapToLong(e -> num(e.getValue(), "ai_cuts")).sum();
        long all2026 = ch.entrySet().stream().filter(e -> e.getKey().startsWith("2026")).mapToLong(e -> num(e.getValue(), "announced_cuts")).sum();
        Map<String, List<String>> rows = tableRows(zh, "各时段归因于AI的裁员及其占比");
        assertThat(rows.get("2023年5—12月")).contains(n(annual.get("2023")), n(mayToDec), pct((double) annual.get("2023") / mayToDec, 1));
        assertThat(rows.get("2024年")).contains(n(derived2024), "由公布的累计总数推算");
        assertThat(rows.get("2026年1—5月")).contains(n(ai2026), n(all2026), pct((double) ai2026 / all2026, 1));
        assertThat(prose(zh)).contains("2024年还剩" + n(derived2024) + "人")
                .contains("可比的基数是5至12月宣布的" + wan(mayToDec) + "万人裁员：AI占其中的" + pct((double) annual.get("2023") / mayToDec, 1));
    }

    @Test
    void datesAndLargeNumbersFollowChineseStyle() throws Exception {
        String text = prose(zh);
        // dates as 2020年3月11日, with Arabic month numbers; no English month names left
        assertThat(text).contains("2020年3月11日").contains("2026年1月28日").contains("2023年1月");
        assertThat(text).doesNotContainPattern("[一二三四五六七八九十]+月")
                .doesNotContainPattern("(?i)\\b(January|February|March|April|June|July|August|September|October|November|December)\\b");
        // JOLTS thousands are written as 万 (tens of thousands), computed from the file
        List<CSVRecord> bls = csv("bls_monthly.csv");
        double avg2025 = bls.stream().filter(r -> r.get("month").startsWith("2025")).mapToDouble(r -> Double.parseDouble(r.get("jolts_layoffs_thousands")))
                .average().orElseThrow();
        assertThat(text).contains("到2025年，月均为" + String.format(Locale.ROOT, "%.1f", Math.round(avg2025) / 10.0) + "万人");
        // counts above 100,000 in 万 with one decimal: the tech layoffs since ChatGPT's release, summed here
        java.time.format.DateTimeFormatter mdy = java.time.format.DateTimeFormatter.ofPattern("M/d/yyyy");
        long since = csv("layoffs_fyi.csv").stream()
                .filter(r -> !java.time.LocalDate.parse(r.get("date"), mdy).isBefore(java.time.LocalDate.of(2022, 11, 30)))
                .map(r -> num(r, "total_laid_off")).filter(v -> v != null).mapToLong(Long::longValue).sum();
        assertThat(text).contains("起裁员事件、" + wan(since) + "万名被裁员工");
    }

    /**
     * The prose of the Chinese edition holds no English sentence: every Latin word in it is a name, a code or an
     * address on this list. A phrase computed in English by the original's SQL ("fell again", "neither company")
     * would show here.
     */
    @Test
    void noEnglishIsLeftInTheChineseProse() {
        Set<String> allowed = Set.of("AI", "ChatGPT", "OpenAI", "BT", "Ahmed", "Fessi", "Towards", "Data", "Science",
                "What", "is", "the", "real", "impact", "of", "on", "job", "cuts", "An", "in", "depth", "analysis",
                "layoffs", "fyi", "Roger", "Lee", "LinkedIn", "Stack", "Overflow", "Challenger", "Gray", "Christmas",
                "BLS", "FRED", "JOLTS", "SQL", "DuckDB", "Meta", "csv", "coded", "events", "SOURCES", "md", "datadesk",
                "Markdown", "CSV", "databyab", "Layoff", "Analysis", "GitHub", "https", "Introducing", "UK", "telecom",
                "company", "plans", "to", "shed", "up", "jobs", "replace", "some", "with", "Ouest", "France", "UNRATE", "JTSLDL",
                "PAYEMS", "USINFO", "CES", "JTSJOL", "JTSHIL", "washing", "Spearman", "IPO", "www", "com", "blog",
                "challengergray", "fred", "stlouisfed", "org", "layoffs_fyi", "challenger_monthly", "challenger_ai_annual",
                "challenger_ai_cumulative", "bls_monthly", "jolts_flows", "coded_events_2023_10", "coded_events_2026_01");
        Set<String> found = new TreeSet<>();
        // (the provenance links under charts and tables are the tool's words, checked by the i18n tests)
        String text = zh.select(".prose > p:not(.dd-how-link), .prose > ul > li, .prose > h2, .prose > h3").text();
        Matcher m = Pattern.compile("(?<![0-9a-f])[A-Za-z][A-Za-z_0-9]*").matcher(text);
        while (m.find())
            if (!allowed.contains(m.group()) && !m.group().matches("[A-Z]+[0-9]+")) found.add(m.group());
        assertThat(found).isEmpty();
    }

    @Test
    void chartsAndTablesSpeakChinese() throws Exception {
        List<Element> figures = zh.select("figure.dd-chart");
        assertThat(figures).hasSize(en.select("figure.dd-chart").size());
        for (Element fig : figures) {
            FlagshipReportTest.assertEveryDrawingIsDescribed(fig);
            assertThat(fig.select("details thead th").eachText()).as(fig.id()).noneMatch(h -> h.contains("_"));
            assertThat(fig.text()).as(fig.id()).doesNotContain("Download the data", "Show the data", "Source:", "No data",
                    "Estimate", "Partial period", "People laid off", "Line chart", "Bar chart", "highest", "lowest");
            Element csvLink = fig.selectFirst("a[href$=.csv]");
            assertThat(csvLink).as(fig.id()).isNotNull();
            assertThat(site.resolve("zh/ai-job-cuts").resolve(csvLink.attr("href")).normalize()).as(fig.id()).isRegularFile();
        }
    }

    private static Document parse(Path p) {
        try {
            return Jsoup.parse(p.toFile());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
