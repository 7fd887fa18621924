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
        return tableRows(report, ariaLabel);
    }

    private static Map<String, List<String>> tableRows(Document page, String ariaLabel) {
        Element table = page.selectFirst("[aria-label=\"" + ariaLabel + "\"] table");
        if (table == null) {
            // A table without a caption is named by its headers: find it by the link to its query's provenance, below it.
            Element how = page.selectFirst("p.dd-how-link > a[href$=#dd-how-q-" + ariaLabel + "]");
            Element box = how == null ? null : how.parent().previousElementSibling();
            table = box == null ? null : box.selectFirst("table");
        }
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

    // ---- The corrected figures of the audit (issue 12), each recomputed here from the CSV files, not by DuckDB ----

    private static final Path DATA = Path.of("content/ai-job-cuts/data");

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

    private static String prose() {
        return report.select(".prose").text();
    }

    private static String pct(double share, int decimals) {
        return String.format(java.util.Locale.ROOT, "%." + decimals + "f%%", share * 100);
    }

    private static String n(long value) {
        return String.format(java.util.Locale.ROOT, "%,d", value);
    }

    /** Challenger's monthly rows by month ({@code yyyy-MM}). */
    private static Map<String, CSVRecord> challenger() throws Exception {
        Map<String, CSVRecord> byMonth = new java.util.TreeMap<>();
        for (CSVRecord row : csv("challenger_monthly.csv")) byMonth.put(row.get("month"), row);
        return byMonth;
    }

    private static long announced(Map<String, CSVRecord> ch, String from, String to) {
        return ch.entrySet().stream().filter(e -> e.getKey().compareTo(from) >= 0 && e.getKey().compareTo(to) <= 0)
                .mapToLong(e -> num(e.getValue(), "announced_cuts")).sum();
    }

    private static long publishedAiTotal(int year) throws Exception {
        return csv("challenger_ai_annual.csv").stream().filter(r -> r.get("year").equals(String.valueOf(year)))
                .map(r -> num(r, "ai_cuts_total")).findFirst().orElseThrow();
    }

    @Test
    void aiSharesUseTheMonthsInWhichAiWasTracked() throws Exception {
        Map<String, CSVRecord> ch = challenger();
        long ai2023 = publishedAiTotal(2023);
        long mayToDec = announced(ch, "2023-05", "2023-12");
        long wholeYear = announced(ch, "2023-01", "2023-12");
        List<String> row = tableRows("ch_ai_yearly").get("2023 (May–Dec)");
        assertThat(row).as("2023 row").isNotNull();
        assertThat(row).contains(n(ai2023), n(mayToDec), pct((double) ai2023 / mayToDec, 1), pct((double) ai2023 / wholeYear, 1));
        assertThat(pct((double) ai2023 / mayToDec, 1)).isEqualTo("1.1%"); // the audit's like-for-like figure
        assertThat(prose()).contains("the like-for-like base is the " + n(mayToDec) + " cuts announced from May to December: AI accounts for 1.1%");
    }

    @Test
    void equalPeriodsAreCompared() throws Exception {
        Map<String, CSVRecord> ch = challenger();
        String last = ((java.util.TreeMap<String, CSVRecord>) ch).lastKey();
        int year = Integer.parseInt(last.substring(0, 4));
        String m = last.substring(5);
        long latest = announced(ch, year + "-01", last), previous = announced(ch, (year - 1) + "-01", (year - 1) + "-" + m);
        long ai = ch.entrySet().stream().filter(e -> e.getKey().compareTo(year + "-01") >= 0)
                .mapToLong(e -> num(e.getValue(), "ai_cuts")).sum();
        assertThat(prose()).contains("employers announced " + n(latest) + " cuts from January to May " + year + ", "
                + pct(1 - (double) latest / previous, 0) + " fewer than in the same months of " + (year - 1)
                + " (" + n(previous));
        // the previous year's AI count for those months is bounded by the first year-to-date figure that covers them
        assertThat(prose()).contains("went from at most 75 in " + (year - 1)).contains("to " + n(ai) + " in " + year);
    }

    @Test
    void theRunningTotalThatContradictsTheMonthsIsNamedAndNotUsed() throws Exception {
        Map<String, Long> cumulative = new LinkedHashMap<>();
        for (CSVRecord r : csv("challenger_ai_cumulative.csv")) cumulative.put(r.get("period_start") + ".." + r.get("period_end"), num(r, "ai_cuts"));
        Map<String, CSVRecord> ch = challenger();
        long fromMonths = cumulative.get("2023-05..2026-01") + num(ch.get("2026-02"), "ai_cuts") + num(ch.get("2026-03"), "ai_cuts");
        assertThat(fromMonths).isEqualTo(99_470L);
        long published = cumulative.get("2023-05..2026-03");
        assertThat(prose()).contains("gives " + n(published) + " AI-cited cuts since 2023")
                .contains("comes to " + n(fromMonths)).contains("The difference, " + n(published - fromMonths)
                        + ", is exactly the figure for January 2026").contains("We use the monthly figures");
    }

    /**
     * Months without an AI figure that the year-to-date columns pin down, derived here independently: between two
     * known year-to-date totals (a published annual total being December's), the months without a figure share what
     * the published months leave.
     */
    @Test
    void monthsPinnedDownByYearToDateTotalsAreDerivedAndOnlyTrueGapsStayGaps() throws Exception {
        Map<String, CSVRecord> ch = challenger();
        Map<String, Long> derived = new LinkedHashMap<>(); // "first..last" month of a group -> its total
        List<String> trueGaps = new java.util.ArrayList<>();
        for (int year = 2023; year <= 2026; year++) {
            java.util.TreeMap<Integer, Long> anchors = new java.util.TreeMap<>();
            anchors.put(year == 2023 ? 4 : 0, 0L);
            for (int m = 1; m <= 12; m++) {
                CSVRecord r = ch.get(String.format("%d-%02d", year, m));
                if (r != null && num(r, "ai_cuts_ytd") != null) anchors.put(m, num(r, "ai_cuts_ytd"));
            }
            for (CSVRecord a : csv("challenger_ai_annual.csv"))
                if (a.get("year").equals(String.valueOf(year)) && num(a, "ai_cuts_total") != null) anchors.put(12, num(a, "ai_cuts_total"));
            int from = anchors.firstKey();
            List<String> open = new java.util.ArrayList<>();
            long published = 0;
            for (int m = from + 1; m <= 12; m++) {
                CSVRecord r = ch.get(String.format("%d-%02d", year, m));
                if (r == null) break;
                if (num(r, "ai_cuts") == null) open.add(r.get("month")); else published += num(r, "ai_cuts");
                if (anchors.containsKey(m)) {
                    long rest = anchors.get(m) - anchors.get(from) - published;
                    assertThat(rest).as("what the year-to-date totals leave in %d up to month %d", year, m).isNotNegative();
                    if (open.isEmpty()) assertThat(rest).isZero();
                    else derived.put(open.get(0) + ".." + open.get(open.size() - 1), rest);
                    from = m;
                    open.clear();
                    published = 0;
                }
            }
            trueGaps.addAll(open);
        }
        // the audit's list
        assertThat(derived).containsExactly(Map.entry("2023-07..2023-08", 60L), Map.entry("2023-11..2023-12", 150L),
                Map.entry("2024-01..2024-02", 383L), Map.entry("2025-01..2025-06", 75L), Map.entry("2025-08..2025-08", 0L),
                Map.entry("2025-12..2025-12", 142L));
        Map<String, List<String>> table = tableRows("ch_derived");
        assertThat(table.get("July and August 2023")).contains("60");
        assertThat(table.get("November and December 2023")).contains("150");
        assertThat(table.get("January and February 2024")).contains("383");
        assertThat(table.get("January to June 2025")).contains("75");
        assertThat(table.get("August 2025")).contains("0");
        assertThat(table.get("December 2025")).contains("142");
        assertThat(table).hasSize(derived.size());
        assertThat(trueGaps).containsExactly("2024-03", "2024-05", "2024-06", "2024-07", "2024-08", "2024-09", "2024-10",
                "2024-11", "2024-12");
        assertThat(prose()).contains("That leaves " + trueGaps.size() + " months with no figure at all: March 2024 and May to December 2024.");
        // the chart's data: a true gap is empty (drawn as "no data", never 0), a derived month is flagged as an estimate
        try (Reader r = Files.newBufferedReader(site.resolve("ai-job-cuts/downloads/ch_ai_monthly.csv"));
             CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
            int estimates = 0;
            for (CSVRecord row : p) {
                String month = row.get("month").substring(0, 7);
                if (trueGaps.contains(month)) assertThat(row.get("ai_cuts")).as(month).isEmpty();
                else assertThat(row.get("ai_cuts")).as(month).isNotEmpty();
                if (row.get("is_estimate").equals("true")) estimates++;
                if (month.equals("2025-12")) assertThat(row.get("is_estimate")).isEqualTo("true");
            }
            assertThat(estimates).isEqualTo(14);
        }
        assertThat(report.select("#chart-7").text()).contains("Estimate");
    }

    @Test
    void concentrationIsOfJobCutsNotEmployers() throws Exception {
        Map<String, CSVRecord> ch = challenger();
        double oct2025 = (double) num(ch.get("2025-10"), "ai_cuts") / publishedAiTotal(2025);
        long janToMay2026 = ch.entrySet().stream().filter(e -> e.getKey().startsWith("2026")).mapToLong(e -> num(e.getValue(), "ai_cuts")).sum();
        double may2026 = (double) num(ch.get("2026-05"), "ai_cuts") / janToMay2026;
        assertThat(pct(oct2025, 0)).isEqualTo("57%");
        assertThat(pct(may2026, 0)).isEqualTo("44%");
        assertThat(prose()).contains("October alone accounts for 57% of the year’s AI-cited cuts")
                .contains("May 2026, with " + n(num(ch.get("2026-05"), "ai_cuts")) + ", is 44% of the period’s total")
                .doesNotContain("name AI far more often");
    }

    @Test
    void aMonthWhoseEventsHaveNoHeadCountIsAGapNotAZero() throws Exception {
        // recomputed from the tracker's file: the months with events of which none gives a number laid off
        java.time.format.DateTimeFormatter mdy = java.time.format.DateTimeFormatter.ofPattern("M/d/yyyy");
        Set<String> withEvents = new java.util.TreeSet<>(), counted = new HashSet<>();
        for (CSVRecord r : csv("layoffs_fyi.csv")) {
            String month = java.time.LocalDate.parse(r.get("date"), mdy).toString().substring(0, 7);
            withEvents.add(month);
            if (num(r, "total_laid_off") != null) counted.add(month);
        }
        Set<String> uncounted = new java.util.TreeSet<>(withEvents);
        uncounted.removeAll(counted);
        assertThat(uncounted).containsExactly("2021-05");
        try (Reader r = Files.newBufferedReader(site.resolve("ai-job-cuts/downloads/fyi_monthly.csv"));
             CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
            for (CSVRecord row : p) {
                String month = row.get("month").substring(0, 7);
                if (uncounted.contains(month)) assertThat(row.get("laid_off")).as(month).isEmpty();
                else assertThat(row.get("laid_off")).as(month).isNotEmpty();
            }
        }
        assertThat(report.select("#chart-1").text()).contains("unknown for many events, and for every event of May 2021");
    }

    @Test
    void theTwoTrackersAgreeOnSpikesNotOnTheTrend() throws Exception {
        Map<String, CSVRecord> ch = challenger();
        java.time.format.DateTimeFormatter mdy = java.time.format.DateTimeFormatter.ofPattern("M/d/yyyy");
        Map<String, Long> usPeople = new java.util.HashMap<>();
        Map<String, Long> usEvents = new java.util.HashMap<>();
        Map<Integer, Long> events = new java.util.HashMap<>();
        String lastMonth = "";
        for (CSVRecord r : csv("layoffs_fyi.csv")) {
            java.time.LocalDate d = java.time.LocalDate.parse(r.get("date"), mdy);
            String month = d.toString().substring(0, 7);
            if (month.compareTo(lastMonth) > 0) lastMonth = month;
            events.merge(d.getYear(), 1L, Long::sum);
            if (!r.get("country").equals("United States")) continue;
            usEvents.merge(month, 1L, Long::sum);
            if (num(r, "total_laid_off") != null) usPeople.merge(month, num(r, "total_laid_off"), Long::sum);
        }
        List<double[]> pairs = new java.util.ArrayList<>();
        for (var e : ch.entrySet())
            if (num(e.getValue(), "tech_cuts") != null && e.getKey().compareTo(lastMonth) <= 0)
                pairs.add(new double[] {num(e.getValue(), "tech_cuts"), usPeople.getOrDefault(e.getKey(), 0L)});
        double[] x = pairs.stream().mapToDouble(p -> p[0]).toArray(), y = pairs.stream().mapToDouble(p -> p[1]).toArray();
        assertThat(String.format(java.util.Locale.ROOT, "%.2f", pearson(x, y))).isEqualTo("0.82");
        String spearman = String.format(java.util.Locale.ROOT, "%.2f", pearson(ranks(x), ranks(y)));
        assertThat(spearman).isEqualTo("0.71");
        assertThat(prose()).contains("Over the " + pairs.size() + " months for which both have a figure, their monthly levels have a correlation of 0.82")
                .contains("gives a weaker correlation of " + spearman + " (Spearman’s)");
        long c23 = 0, c25 = 0, f23 = 0, f25 = 0;
        for (int m = 1; m <= 12; m++) {
            Long a = num(ch.get(String.format("2023-%02d", m)), "tech_cuts"), b = num(ch.get(String.format("2025-%02d", m)), "tech_cuts");
            if (a == null || b == null) continue;
            c23 += a;
            c25 += b;
            f23 += usPeople.getOrDefault(String.format("2023-%02d", m), 0L);
            f25 += usPeople.getOrDefault(String.format("2025-%02d", m), 0L);
        }
        assertThat(pct(1 - (double) c25 / c23, 0)).isEqualTo("29%");
        assertThat(pct(1 - (double) f25 / f23, 0)).isEqualTo("44%");
        assertThat(prose()).contains("Challenger’s count fell by 29%, from " + n(c23) + " to " + n(c25))
                .contains("layoffs.fyi’s US count fell by 44%, from " + n(f23) + " to " + n(f25));
        assertThat(events.get(2023)).isEqualTo(1387L);
        assertThat(events.get(2025)).isEqualTo(325L);
        assertThat(prose()).contains("it logged 325 layoff events in 2025 against 1,387 in 2023, "
                + pct(1 - 325.0 / 1387, 0) + " fewer");
    }

    private static double pearson(double[] x, double[] y) {
        double mx = java.util.Arrays.stream(x).average().orElseThrow(), my = java.util.Arrays.stream(y).average().orElseThrow();
        double sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }

    /** Ranks from 1, ties sharing their mean rank (as Spearman's coefficient needs). */
    private static double[] ranks(double[] v) {
        Integer[] order = new Integer[v.length];
        for (int i = 0; i < v.length; i++) order[i] = i;
        java.util.Arrays.sort(order, (a, b) -> Double.compare(v[a], v[b]));
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; ) {
            int j = i;
            while (j + 1 < v.length && v[order[j + 1]] == v[order[i]]) j++;
            for (int k = i; k <= j; k++) r[order[k]] = (i + j) / 2.0 + 1;
            i = j + 1;
        }
        return r;
    }

    @Test
    void informationSectorAgainstANeutralBaseAndItsPeak() throws Exception {
        List<CSVRecord> bls = csv("bls_monthly.csv").stream().filter(r -> !r.get("info_employment_thousands").isEmpty()).toList();
        double latest = Double.parseDouble(bls.get(bls.size() - 1).get("info_employment_thousands"));
        double peak = bls.stream().mapToDouble(r -> Double.parseDouble(r.get("info_employment_thousands"))).max().orElseThrow();
        double avg2019 = bls.stream().filter(r -> r.get("month").startsWith("2019"))
                .mapToDouble(r -> Double.parseDouble(r.get("info_employment_thousands"))).average().orElseThrow();
        assertThat(pct(1 - latest / peak, 1)).isEqualTo("10.9%"); // from unrounded values; the rounded index gave 11.0%
        assertThat(pct(1 - latest / avg2019, 1)).isEqualTo("3.1%");
        assertThat(prose()).contains("employment in the information sector fell by 10.9%")
                .contains("the sector is 3.1% below where it was, against 10.9% below the peak")
                .doesNotContain("fell by 11.0%");
    }

    @Test
    void companiesDifferingOnlyByCaseOrSpacesAreOne() throws Exception {
        Set<String> names = new HashSet<>();
        for (CSVRecord r : csv("layoffs_fyi.csv")) names.add(r.get("company").strip().toLowerCase(java.util.Locale.ROOT));
        assertThat(names).hasSize(2852);
        assertThat(prose()).contains("layoff events at " + n(names.size()) + " companies");
    }

    /** The page's assertions: a data update that breaks a published total or an internal check fails the build at the block. */
    @Test
    void aDataUpdateThatBreaksAPublishedTotalFailsTheBuildWhereTheRuleIsStated() throws Exception {
        Path project = out.resolve("mutated");
        Path content = project.resolve("content");
        try (var walk = Files.walk(Path.of("content"))) {
            for (Path f : walk.toList()) {
                Path to = project.resolve(f.toString());
                if (Files.isDirectory(f)) Files.createDirectories(to); else Files.copy(f, to);
            }
        }
        Files.copy(Path.of("datadesk.yaml"), project.resolve("datadesk.yaml"));
        Path monthly = content.resolve("ai-job-cuts/data/challenger_monthly.csv");
        Files.writeString(monthly, Files.readString(monthly).replace("\n2023-03,89703,", "\n2023-03,89704,"));
        Path layoffs = content.resolve("ai-job-cuts/data/layoffs_fyi.csv");
        // one 2023 event (June, outside the coded October events) loses its head count: 2023 no longer matches the published total
        Files.writeString(layoffs, Files.readString(layoffs).replaceFirst("(?m)^(Qualcomm,SF Bay Area,)84\\.0,(6/16/2023,)", "$1,$2"));
        String md = Files.readString(content.resolve("ai-job-cuts/index.md"));
        int line = md.substring(0, md.indexOf("```assert challenger_annual_equals_sum_of_months")).split("\n", -1).length;
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SiteBuilder(BuildOptions.defaults(project).withOut(project.resolve("site"))).build())
                .isInstanceOf(io.datadesk.error.ContentException.class)
                .hasMessageContaining("content/ai-job-cuts/index.md:" + line)
                .hasMessageContaining("challenger_annual_equals_sum_of_months")
                .hasMessageContaining("challenger_year_to_date_columns_add_up")
                .hasMessageContaining("fyi_published_yearly_totals");
    }

    @Test
    void dataDependentPhrasesAreComputedNotTyped() throws Exception {
        java.time.format.DateTimeFormatter mdy = java.time.format.DateTimeFormatter.ofPattern("M/d/yyyy");
        java.time.LocalDate last = csv("layoffs_fyi.csv").stream().map(r -> java.time.LocalDate.parse(r.get("date"), mdy))
                .max(java.util.Comparator.naturalOrder()).orElseThrow();
        String lastDay = last.format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.ENGLISH));
        // chart subtitles state the data's own range
        assertThat(report.select(".dd-chart-header").text()).contains("30 November 2022 to " + lastDay)
                .contains(last.getYear() + " ends on " + last.format(java.time.format.DateTimeFormatter.ofPattern("d MMMM", java.util.Locale.ENGLISH)));
        String page = report.text();
        assertThat(page).doesNotContain("{{").doesNotContain("covers only January").doesNotContain("has no gap so far")
                .doesNotContain("most of them in 2024").doesNotContain("the first 5 months");
    }

    // the captions of the coded-events tables (report and appendix), which name their regions
    private static final String BY_CODE =
            "Layoff events and people laid off by the reason the company gave, October 2023 and January 2026";
    private static final String TABLE_2023 =
            "Every October 2023 layoff event in layoffs.fyi, coded by the reason the company gave, largest first";
    private static final String TABLE_2026 =
            "Every January 2026 layoff event in layoffs.fyi, coded by the reason the company gave, largest first";

    /** One coded event, as read here from the CSV with Commons CSV, independently of the page's SQL. */
    private record CodedEvent(String company, String date, Long laidOff, String quote, String url, String code) {}

    private static List<CodedEvent> codedEvents(String file) throws Exception {
        List<CodedEvent> events = new java.util.ArrayList<>();
        try (Reader r = Files.newBufferedReader(Path.of("content/ai-job-cuts/data/" + file));
             CSVParser csv = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
            for (CSVRecord row : csv) {
                String n = row.get("laid_off");
                events.add(new CodedEvent(row.get("company"), row.get("date"), n.isEmpty() ? null : Long.parseLong(n),
                        row.get("reason_quote"), row.get("source_url"), row.get("code")));
            }
        }
        return events;
    }

    /** The tracker's events of one month (yyyy-MM) as "company|yyyy-MM-dd|head count", for a multiset comparison. */
    private static List<String> trackerEvents(String month) throws Exception {
        List<String> keys = new java.util.ArrayList<>();
        java.time.format.DateTimeFormatter us = java.time.format.DateTimeFormatter.ofPattern("M/d/yyyy");
        try (Reader r = Files.newBufferedReader(Path.of("content/ai-job-cuts/data/layoffs_fyi.csv"));
             CSVParser csv = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
            for (CSVRecord row : csv) {
                String date = java.time.LocalDate.parse(row.get("date"), us).toString();
                if (!date.startsWith(month)) continue;
                String n = row.get("total_laid_off");
                keys.add(row.get("company").strip() + "|" + date + "|"
                        + (n.isEmpty() ? "" : String.valueOf(Math.round(Double.parseDouble(n)))));
            }
        }
        return keys;
    }

    private static String percent1(long part, long whole) {
        return String.format(java.util.Locale.ROOT, "%.1f%%", 100.0 * part / whole);
    }

    @Test
    void everyEventOfTheCodedMonthsIsCodedOnceWithItsSourceAndTheSharesMatchTheFiles() throws Exception {
        Set<String> codes = Set.of("ai_cited", "ai_linked_by_others", "other_reason", "reason_unknown");
        Map<String, List<String>> byCode = tableRows(BY_CODE);
        String text = report.select(".prose").text();
        String[][] months = {{"2023-10", "coded_events_2023_10.csv", "October 2023.", "1"},
                             {"2026-01", "coded_events_2026_01.csv", "The same method in January 2026", "4"}};
        for (String[] m : months) {
            List<CodedEvent> events = codedEvents(m[1]);
            // the coded file holds exactly the tracker's events of the month
            assertThat(events.stream().map(e -> e.company() + "|" + e.date() + "|" + (e.laidOff() == null ? "" : e.laidOff())))
                    .as(m[1]).containsExactlyInAnyOrderElementsOf(trackerEvents(m[0]));
            for (CodedEvent e : events) {
                assertThat(codes).as(e.company()).contains(e.code());
                assertThat(e.quote().isBlank() ? 0 : e.quote().trim().split("\\s+").length).as(e.company()).isLessThanOrEqualTo(25);
                if (!e.quote().isBlank()) assertThat(e.url()).as(e.company()).startsWith("http");
                if (e.code().equals("reason_unknown")) assertThat(e.quote()).as(e.company()).isEmpty();
            }
            long people = events.stream().filter(e -> e.laidOff() != null).mapToLong(CodedEvent::laidOff).sum();
            int col = Integer.parseInt(m[3]);
            Map<String, String> labels = Map.of("ai_cited", "AI cited by the company",
                    "ai_linked_by_others", "AI linked by others, not the company",
                    "other_reason", "Other reason", "reason_unknown", "Reason unknown");
            for (String code : codes) {
                List<CodedEvent> inCode = events.stream().filter(e -> e.code().equals(code)).toList();
                long codePeople = inCode.stream().filter(e -> e.laidOff() != null).mapToLong(CodedEvent::laidOff).sum();
                List<String> row = byCode.get(labels.get(code));
                assertThat(row).as(code).isNotNull();
                assertThat(row.get(col)).as(m[0] + " events " + code).isEqualTo(String.valueOf(inCode.size()));
                assertThat(row.get(col + 1)).as(m[0] + " people " + code).isEqualTo(String.format("%,d", codePeople));
                assertThat(row.get(col + 2)).as(m[0] + " share " + code).isEqualTo(percent1(codePeople, people));
            }
            // the sentence that gives the month's AI-cited share, recomputed here
            List<CodedEvent> cited = events.stream().filter(e -> e.code().equals("ai_cited")).toList();
            long citedPeople = cited.stream().filter(e -> e.laidOff() != null).mapToLong(CodedEvent::laidOff).sum();
            int at = text.indexOf(m[2]);
            assertThat(at).as(m[2]).isNotNegative();
            assertThat(text.substring(at)).startsWith(m[2]).contains(String.format(
                    "cited AI for %d of the %d events", cited.size(), events.size()) + " (" + Math.round(100.0 * cited.size() / events.size()) + "%), "
                    + String.format("%,d of the %,d people", citedPeople, people));
            assertThat(text.substring(at, at + 400)).contains("(" + percent1(citedPeople, people) + ")");
        }
        // the appendix lists every coded event, largest first, and the report links to it
        Document appendix = parse(site.resolve("ai-job-cuts/coded-events/index.html"));
        assertThat(report.select("a[href=coded-events/index.html]")).isNotEmpty();
        assertThat(appendix.select("[aria-label=\"" + TABLE_2023 + "\"] tbody tr")).hasSize(codedEvents("coded_events_2023_10.csv").size());
        assertThat(appendix.select("[aria-label=\"" + TABLE_2026 + "\"] tbody tr")).hasSize(codedEvents("coded_events_2026_01.csv").size());
        assertThat(tableRows(appendix, TABLE_2026).keySet().iterator().next()).isEqualTo("Amazon");
        assertThat(tableRows(appendix, TABLE_2023).keySet().iterator().next()).isEqualTo("Qualcomm");
    }

    @Test
    void everyChartHasADescriptionAndAWorkingCsvDownload() throws Exception {
        Elements figures = report.select("figure.dd-chart");
        assertThat(figures).hasSizeGreaterThanOrEqualTo(8);
        Set<String> types = new HashSet<>();
        for (Element fig : figures) {
            fig.classNames().stream().filter(c -> c.startsWith("dd-chart--")).forEach(types::add);
            assertEveryDrawingIsDescribed(fig);
            Element link = fig.selectFirst("a:contains(Download the data (CSV))");
            assertThat(link).as(fig.id()).isNotNull();
            Path csvFile = site.resolve("ai-job-cuts").resolve(link.attr("href"));
            assertThat(csvFile).as(fig.id()).isRegularFile();
            try (Reader r = Files.newBufferedReader(csvFile);
                 CSVParser csv = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
                List<CSVRecord> records = csv.getRecords();
                assertThat(csv.getHeaderNames()).isNotEmpty();
                // "Show the data" holds the download's rows, one table row per x value (long data is one column per series)
                assertThat(fig.select("details tbody tr")).as(fig.id()).hasSizeBetween(1, records.size());
                assertThat(fig.select("details thead th").eachText()).as(fig.id()).noneMatch(h -> h.contains("_"));
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
                io.datadesk.compute.QueryCache.none()).build();
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

    /** Every drawing of a chart figure (and a phone's horizontal bars) is described by a {@code <desc>}: its own or the wide drawing's. */
    static void assertEveryDrawingIsDescribed(Element fig) {
        for (Element drawing : fig.select("svg, table[aria-labelledby]")) {
            String[] names = drawing.attr("aria-labelledby").split(" ");
            Element desc = fig.getElementById(names[names.length - 1]);
            assertThat(desc).as(fig.id()).isNotNull();
            assertThat(desc.tagName()).as(fig.id()).isEqualTo("desc");
            assertThat(desc.text()).as(fig.id()).isNotBlank();
        }
    }
}
