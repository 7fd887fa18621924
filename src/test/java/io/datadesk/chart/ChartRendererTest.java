package io.datadesk.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.datadesk.data.Column;
import io.datadesk.data.ColumnType;
import io.datadesk.data.QueryResult;
import io.datadesk.yaml.YamlNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ChartRendererTest {

    static Map<String, QueryResult> results;
    final ChartRenderer renderer = new ChartRenderer();

    @BeforeAll
    static void load() {
        results = Samples.results();
    }

    RenderedChart render(String type) {
        ChartSpec spec = Samples.spec(type);
        return renderer.render(spec, spec.check(results), "c1", Locale.US, "data/x.csv");
    }

    static Element parseXml(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
    }

    static List<String> texts(Element svg) {
        NodeList ns = svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < ns.getLength(); i++) out.add(ns.item(i).getTextContent());
        return out;
    }

    /** Elements painted with series colour k: by an inline style, or by a class whose rule in the SVG's style sets it. */
    static int marks(String svg, int k, String property) {
        String paint = property + ":var(--dd-s" + k + ",";
        java.util.List<String> attrs = new java.util.ArrayList<>();
        attrs.add("style='[^']*" + Pattern.quote(paint) + "[^']*'");
        Matcher rule = Pattern.compile("#[\\w-]+ \\.(s\\d+)\\{([^}]*)\\}").matcher(svg);
        while (rule.find()) if (rule.group(2).contains(paint)) attrs.add("class='" + rule.group(1) + "'");
        int n = 0;
        for (String attr : attrs) {
            // a group of marks with that paint (SvgPost merges consecutive ones) counts each path in it
            Matcher use = Pattern.compile("<(\\w+) " + attr + "[^>]*>(?:((?:<path [^>]*/>)+)</g>)?").matcher(svg);
            while (use.find()) n += use.group(1).equals("g") && use.group(2) != null ? use.group(2).split("<path ", -1).length - 1 : 1;
        }
        return n;
    }

    @ParameterizedTest
    @ValueSource(strings = {"line", "area", "stacked-area", "bar", "stacked-bar", "scatter", "pie", "donut"})
    void everySvgTypeIsWellFormedResponsiveAndLabelled(String type) throws Exception {
        RenderedChart c = render(type);
        Element wide = parseXml(c.svg());
        Element title = (Element) wide.getElementsByTagNameNS("http://www.w3.org/2000/svg", "title").item(0);
        Element desc = (Element) wide.getElementsByTagNameNS("http://www.w3.org/2000/svg", "desc").item(0);
        assertThat(title.getTextContent()).isEqualTo(Samples.spec(type).title());
        assertThat(desc.getTextContent()).isNotBlank();
        for (String svg : List.of(c.svg(), c.svgNarrow())) {
            Element root = parseXml(svg);
            assertThat(root.getTagName()).isEqualTo("svg");
            assertThat(root.getAttribute("viewBox")).matches("0 0 \\d+ \\d+");
            assertThat(root.hasAttribute("width")).isFalse();
            assertThat(root.hasAttribute("height")).isFalse();
            assertThat(root.getAttribute("role")).isEqualTo("img");
            // Both drawings are named and described by the wide one's title and desc; the phone's repeats neither.
            assertThat(root.getAttribute("aria-labelledby").split(" ")).containsExactly(title.getAttribute("id"), desc.getAttribute("id"));
            // Text is in the figure's font (chart.css), inherited rather than repeated on every drawing.
            assertThat(root.hasAttribute("font-family")).isFalse();
            assertThat(svg).doesNotContain("jfreesvg").doesNotContain("rgb(254,254,254)");
        }
        assertThat(c.svgNarrow()).doesNotContain("<title id=", "<desc");
        assertThat(Jsoup.parse(c.html()).getElementById(desc.getAttribute("id"))).as("the desc the phone drawing points at is on the page").isNotNull();
        assertThat(c.svg()).isNotEqualTo(c.svgNarrow());
    }

    @Test
    void theWarmUpChartsAreDrawnWhole() {
        // startEarly draws these on a daemon thread and drops any error: a spec the renderer refused would leave the
        // first chart of every build cold again without anyone noticing.
        List<RenderedChart> charts = ChartRenderer.warmUpCharts();
        assertThat(charts).hasSize(2);
        assertThat(charts.get(0).html()).contains("<svg").contains("Per month").contains(">2021<");
        assertThat(charts.get(1).html()).contains("<svg").contains("By region").contains("North").contains("West");
    }

    @Test
    void lineIsOnePathWithOnePointPerMonthAndCalendarYearLabels() throws Exception {
        RenderedChart c = render("line");
        QueryResult monthly = results.get("monthly");
        // one merged path for the series, one segment per pair of consecutive months
        List<String> lines = seriesPaths(parseXml(c.svg()), "stroke:var(--dd-s0,");
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0).split("L")).hasSize(monthly.rowCount());
        List<String> labels = texts(parseXml(c.svg()));
        // x ticks on 1 January of each year, labelled with that year (XChart's own ticks drift off calendar years)
        assertThat(labels).contains("2021", "2022", "2023", "2024", "2025", "2026");
        assertThat(labels).contains("0", "20K", "40K", "60K", "80K", "100K"); // compact y-format
        assertThat(labels).contains("ChatGPT released", "People");
        assertThat(labels).doesNotContain("\u00d8");
        assertThat(c.svg().length()).isLessThan(40_000);
        assertThat(c.description()).startsWith("Line chart of people by month, March 2020 to January 2026; highest 89,709 in January 2023");
    }

    @Test
    void barsDrawOneRectPerCategoryAndSeries() {
        for (String type : List.of("bar", "stacked-bar")) {
            RenderedChart c = render(type);
            for (int k = 0; k < 4; k++) assertThat(marks(c.svg(), k, "fill")).as(type + " series " + k).isEqualTo(6);
            assertThat(marks(c.svg(), 4, "fill")).isZero();
            List<String> labels = texts(parseXml2(c.svg()));
            assertThat(labels).contains("2020", "2021", "2022", "2023", "2024", "2025");
        }
    }

    @Test
    void stackedAreaHasABandPerSeriesAndAreaHasFillAndLine() {
        assertThat(marks(render("stacked-area").svg(), 0, "fill")).isEqualTo(1);
        assertThat(marks(render("stacked-area").svg(), 3, "fill")).isEqualTo(1);
        RenderedChart area = render("area");
        assertThat(marks(area.svg(), 0, "fill")).isEqualTo(1);
        assertThat(marks(area.svg(), 0, "stroke")).isEqualTo(1);
        assertThat(texts(parseXml2(area.svg()))).contains("0%", "14%", "5%", "2015", "2020");
    }

    @Test
    void scatterDrawsOneMarkPerRow() {
        RenderedChart c = render("scatter");
        Element svg = parseXml2(c.svg());
        // one dot per row, and one transparent circle per row carrying its tooltip
        assertThat(svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "circle").getLength()).isEqualTo(2 * results.get("unrate").rowCount());
        assertThat(Jsoup.parse(c.svg()).select("g[aria-hidden] > circle > title")).hasSize(results.get("unrate").rowCount());
        assertThat(marks(c.svg(), 0, "fill")).isEqualTo(1); // one group holds the series' dots
        assertThat(texts(parseXml2(c.svg()))).contains("4%", "10%");
    }

    @Test
    void pieAndDonutDrawOneSlicePerRowAndListSharesInTheLegend() {
        for (String type : List.of("pie", "donut")) {
            RenderedChart c = render(type);
            int rows = results.get("shares").rowCount() - 1; // the sample has two rows named "Other": one slice
            for (int k = 0; k < rows; k++) assertThat(marks(c.svg(), k, "fill")).as(type + " slice " + k).isEqualTo(1);
            Document html = Jsoup.parse(c.html());
            assertThat(html.select("ul.dd-legend li")).hasSize(rows);
            assertThat(html.select("ul.dd-legend li").first().text()).matches("Retail \\d+% \\(.*\\)");
        }
    }

    @Test
    void hbarIsAnHtmlTableWithOneRowPerResultRow() {
        RenderedChart c = render("hbar");
        assertThat(c.svg()).isEmpty();
        Document html = Jsoup.parse(c.html());
        assertThat(html.select("table.dd-hbar tbody tr")).hasSize(10);
        assertThat(html.select("table.dd-hbar tbody tr th").first().text()).isEqualTo("Intel (2025)");
        assertThat(html.select("table.dd-hbar .dd-hbar-bar").first().attr("style")).isEqualTo("width:100%");
        assertThat(html.select("table.dd-hbar .dd-hbar-value").first().text()).isEqualTo("22,000");
    }

    @Test
    void figureHasHeadingsCaptionDownloadAndTheData() {
        RenderedChart c = render("line");
        Document html = Jsoup.parse(c.html());
        assertThat(html.select("figure#c1 h3.dd-chart-title").text()).isEqualTo("Tech layoffs per month");
        assertThat(html.select("figure .dd-chart-subtitle").text()).isEqualTo("Employees laid off, as tracked by layoffs.fyi");
        assertThat(html.select("figcaption .dd-chart-source a").attr("href")).isEqualTo("https://layoffs.fyi");
        assertThat(html.select("figcaption a[download]").text()).isEqualTo("Download the data (CSV)");
        assertThat(html.select("figcaption a[download]").attr("href")).isEqualTo("data/x.csv");
        assertThat(html.select("details summary").text()).isEqualTo("Show the data");
        assertThat(html.select("details table tbody tr")).hasSize(results.get("monthly").rowCount());
        // the chart's words, not the query's column names
        assertThat(html.select("details table th[scope=col]").eachText()).containsExactly("Month", "People");
        assertThat(html.select("figure svg")).hasSize(2);
    }

    @Test
    void renderingIsDeterministic() {
        for (String type : Samples.BLOCKS.keySet()) {
            RenderedChart a = render(type), b = render(type);
            assertThat(a.html()).as(type).isEqualTo(b.html());
        }
    }

    @Test
    void idsArePrefixedSoSeveralChartsCanShareAPage() {
        ChartSpec spec = Samples.spec("line");
        RenderedChart a = renderer.render(spec, spec.check(results), "chart-1", Locale.US, null);
        RenderedChart b = renderer.render(spec, spec.check(results), "chart-2", Locale.US, null);
        List<String> idsA = ids(a.html()), idsB = ids(b.html());
        assertThat(idsA).isNotEmpty().allMatch(id -> id.startsWith("chart-1"));
        assertThat(idsB).allMatch(id -> id.startsWith("chart-2"));
        assertThat(idsA).doesNotHaveDuplicates();
        assertThat(Jsoup.parse(a.html()).select("a[download]")).isEmpty();
    }

    @Test
    void textFromDataIsEscaped() throws Exception {
        QueryResult evil = new QueryResult("evil", List.of(new Column("who", ColumnType.TEXT), new Column("n", ColumnType.INTEGER),
                new Column("grp", ColumnType.TEXT)), List.of(
                List.of("<script>alert(1)</script>", 5L, "a&b"), List.of("B \"quoted\"", 7L, "<i>x</i>")));
        for (String type : List.of("bar", "pie", "hbar", "line")) {
            ChartSpec spec = ChartSpec.parse(YamlNode.parse("type: " + type + "\ndata: evil\nx: who\ny: n\n"
                    + (type.equals("bar") ? "series: grp\n" : "") + "title: \"<b>T</b> & co\"\ny-label: \"<script>\"\n", "p.md", 1));
            RenderedChart c = renderer.render(spec, spec.check(Map.of("evil", evil)), "e", Locale.US, null);
            assertThat(c.html()).as(type).doesNotContain("<script").doesNotContain("<b>").doesNotContain("<i>");
            assertThat(c.html()).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
            if (!c.svg().isEmpty()) {
                assertThat(parseXml(c.svg()).getElementsByTagName("script").getLength()).isZero();
                assertThat(c.svg()).doesNotContain("<script");
            }
        }
    }

    @Test
    void emptyResultWithEmptyAllowDrawsNoData() throws Exception {
        QueryResult none = new QueryResult("none", List.of(new Column("month", ColumnType.DATE), new Column("n", ColumnType.INTEGER)), List.of());
        ChartSpec spec = ChartSpec.parse(YamlNode.parse("type: line\ndata: none\nx: month\ny: n\nempty: allow\n", "p.md", 1));
        RenderedChart c = renderer.render(spec, spec.check(Map.of("none", none)), "e", Locale.US, null);
        assertThat(texts(parseXml(c.svg()))).contains("No data");
        assertThat(c.description()).isEqualTo("Line chart: no data.");
    }

    @Test
    void authorAltReplacesTheGeneratedDescription() throws Exception {
        ChartSpec spec = ChartSpec.parse(YamlNode.parse(Samples.BLOCKS.get("line") + "alt: Layoffs peaked in January 2023.\n", "p.md", 1));
        RenderedChart c = renderer.render(spec, spec.check(results), "a", Locale.US, null);
        assertThat(parseXml(c.svg()).getElementsByTagNameNS("http://www.w3.org/2000/svg", "desc").item(0).getTextContent())
                .isEqualTo("Layoffs peaked in January 2023.");
    }

    @Test
    void fiveHundredPointsStayUnderFortyKilobytes() {
        ChartSpec spec = ChartSpec.parse(YamlNode.parse("type: line\ndata: synthetic\nx: week\ny: [a, b]\n", "p.md", 1));
        RenderedChart c = renderer.render(spec, spec.check(Map.of("synthetic", Samples.synthetic(500))), "s", Locale.US, null);
        assertThat(c.svg().length()).isLessThan(40_000);
        assertThat(Jsoup.parse(c.html()).select("ul.dd-legend li").eachText()).containsExactly("A", "B");
    }

    @Test
    void customColorsReplaceThePalette() {
        ChartSpec spec = ChartSpec.parse(YamlNode.parse(Samples.BLOCKS.get("line") + "colors: ['#aa0000']\n", "p.md", 1));
        RenderedChart c = renderer.render(spec, spec.check(results), "a", Locale.US, null);
        assertThat(c.svg()).contains("stroke:#aa0000").doesNotContain("--dd-s0");
    }

    /** The d of every path whose own or parent's style contains {@code style}. */
    static List<String> seriesPaths(Element svg, String style) {
        NodeList ns = svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "path");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < ns.getLength(); i++) {
            Element p = (Element) ns.item(i);
            String st = p.getAttribute("style") + ((Element) p.getParentNode()).getAttribute("style");
            if (st.contains(style)) out.add(p.getAttribute("d"));
        }
        return out;
    }

    static Element parseXml2(String svg) {
        try {
            return parseXml(svg);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static List<String> ids(String html) {
        Matcher m = Pattern.compile(" id=[\"']([^\"']+)[\"']").matcher(html);
        List<String> out = new ArrayList<>();
        while (m.find()) out.add(m.group(1));
        return out;
    }


    @Test
    void chartTextGetsTheProsesTypographicQuotesAndDashes() throws Exception {
        QueryResult r = new QueryResult("answers", List.of(new Column("year", ColumnType.TEXT), new Column("answer", ColumnType.TEXT),
                new Column("n", ColumnType.INTEGER)), List.of(List.of("2023", "Don't know", 4L), List.of("2023", "\"AI\"", 6L),
                List.of("2024", "Don't know", 5L), List.of("2024", "\"AI\"", 7L)));
        ChartSpec spec = ChartSpec.parse(YamlNode.parse("""
                type: bar
                data: answers
                x: year
                y: n
                series: answer
                title: '"AI" named as a reason, 2023--2024'
                subtitle: Employers' answers
                x-label: Year -- of the report
                y-label: Employers' count
                note: Counts are "as reported"...
                annotations:
                  - { y: 5, label: "Half --- roughly" }
                """, "p.md", 1));
        RenderedChart chart = renderer.render(spec, spec.check(Map.of("answers", r)), "c1", Locale.US, "data/x.csv");
        Document doc = Jsoup.parse(chart.html());
        assertThat(doc.select(".dd-chart-title").text()).isEqualTo("\u201cAI\u201d named as a reason, 2023\u20132024");
        assertThat(doc.select(".dd-chart-subtitle").text()).isEqualTo("Employers\u2019 answers");
        assertThat(doc.select(".dd-chart-note").first().text()).isEqualTo("Counts are \u201cas reported\u201d\u2026");
        List<String> svgText = texts(parseXml(chart.svg()));
        assertThat(svgText).contains("Year \u2013 of the report", "Half \u2014 roughly");
        assertThat(String.join(" ", svgText)).contains("Employers\u2019 count").doesNotContain("'", "\"", "--");
        // Legend entries (series named by the data) and the data table's caption and headers.
        assertThat(doc.text()).contains("Don\u2019t know", "\u201cAI\u201d").doesNotContain("Don't", "\"AI\"");
        assertThat(doc.select("table caption").text()).isEqualTo("\u201cAI\u201d named as a reason, 2023\u20132024");
        assertThat(chart.description()).contains("Don\u2019t know", "\u201cAI\u201d", "year \u2013 of the report").doesNotContain("'", "\"");
    }

    @Test
    void aLongAxisTitleEndsInAnEllipsisOnAPhoneInsteadOfRunningPastTheEdge() throws Exception {
        String label = "Technology-industry cuts announced by US employers (Challenger, Gray & Christmas)";
        ChartSpec spec = ChartSpec.parse(YamlNode.parse(Samples.BLOCKS.get("line") + "x-label: " + label + "\ny-label: " + label + "\n", "p.md", 1));
        RenderedChart chart = renderer.render(spec, spec.check(results), "c1", Locale.US, "data/x.csv");
        assertThat(texts(parseXml(chart.svg()))).contains(label);
        List<String> narrow = texts(parseXml(chart.svgNarrow()));
        assertThat(narrow).doesNotContain(label);
        List<String> cut = narrow.stream().filter(t -> t.endsWith("\u2026")).toList();
        assertThat(cut).hasSize(2).allSatisfy(t -> assertThat(label).startsWith(t.substring(0, t.length() - 1)));
        java.awt.Font tick = ChartFonts.REGULAR.deriveFont(13f);
        for (String t : cut)
            assertThat(tick.getStringBounds(t, new java.awt.font.FontRenderContext(null, true, true)).getWidth()).isLessThanOrEqualTo(ChartRenderer.NARROW - 8);
    }

    private static QueryResult yearsWithPartPeriods() {
        List<List<Object>> rows = new ArrayList<>();
        String[] years = {"2023 (May–Dec)", "2024", "2025", "2026 (Jan–May)"};
        for (int i = 0; i < years.length; i++) rows.add(List.of(years[i], new java.math.BigDecimal(100 + i * 37), i % 3 == 0));
        return new QueryResult("yearly", List.of(new Column("period", ColumnType.TEXT), new Column("cuts", ColumnType.DECIMAL),
                new Column("is_partial", ColumnType.BOOLEAN)), rows);
    }

    @Test
    void everyBarCategoryKeepsItsWholeLabelOnAPhone() throws Exception {
        ChartSpec spec = ChartSpec.parse(YamlNode.parse("type: bar\ndata: yearly\nx: period\ny: cuts\npartial: is_partial\n", "p.md", 1));
        RenderedChart chart = renderer.render(spec, spec.check(Map.of("yearly", yearsWithPartPeriods())), "c1", Locale.US, null);
        for (String svg : List.of(chart.svg(), chart.svgNarrow())) {
            List<String> texts = texts(parseXml(svg));
            assertThat(texts).noneMatch(t -> t.contains("\u2026"));
            // Wrapped lines, joined again, give every label in full (a line ends at a space or after a dash).
            String joined = String.join(" ", texts).replace("– ", "–");
            assertThat(joined).contains("2023 (May–Dec)", "2024", "2025", "2026 (Jan–May)");
        }
        assertThat(texts(parseXml(chart.svgNarrow()))).contains("(May–", "Dec)");
    }

    /** A bar chart's data: one row per category, {@code series} numeric columns s0, s1, … */
    private static QueryResult categories(List<String> names, int series) {
        List<Column> cols = new ArrayList<>(List.of(new Column("category", ColumnType.TEXT)));
        for (int k = 0; k < series; k++) cols.add(new Column("s" + k, ColumnType.DECIMAL));
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            List<Object> row = new ArrayList<>(List.of(names.get(i)));
            for (int k = 0; k < series; k++) row.add(new java.math.BigDecimal(1000 + (i * 37 + k * 11) % 400));
            rows.add(row);
        }
        return new QueryResult("d", cols, rows);
    }

    /**
     * The category names a drawing shows under its bars: the SVG's texts, wrapped lines joined again; a year may be
     * abbreviated ("’21" names 2021). For a phone drawing given as horizontal bars, the rows' names.
     */
    private static void assertNamesEveryCategory(String svg, String html, List<String> names, String what) throws Exception {
        if (svg.isEmpty()) {
            Document doc = Jsoup.parse(html);
            assertThat(doc.select(".dd-chart-plot--narrow table.dd-hbar tbody th").eachText()).as(what).isEqualTo(names);
            return;
        }
        List<String> texts = texts(parseXml(svg));
        assertThat(texts).as(what).noneMatch(t -> t.contains("\u2026"));
        String joined = " " + String.join(" ", texts).replace("– ", "–") + " ";
        for (String name : names)
            assertThat(joined.contains(" " + name + " ") || joined.contains(" " + name.replaceAll("\\b(?:19|20)(\\d\\d)\\b", "’$1") + " "))
                    .as(what + ": '" + name + "' is named in " + texts).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"bar", "stacked-bar"})
    void everyBarCategoryIsNamedInEveryPhoneDrawing(String type) throws Exception {
        List<String> years = new ArrayList<>();
        for (int y = 2015; y <= 2025; y++) years.add(String.valueOf(y));
        years.add("2026 (Jan–Jul)");
        List<String> sevenYears = List.of("2020", "2021", "2022", "2023", "2024", "2025", "2026");
        List<String> regions = List.of("North America", "Europe", "Asia", "Latin America", "Africa", "Oceania", "Middle East");
        List<String> months = new ArrayList<>();
        for (java.time.YearMonth m = java.time.YearMonth.of(2023, 5); !m.isAfter(java.time.YearMonth.of(2026, 5)); m = m.plusMonths(1))
            months.add(m.format(java.time.format.DateTimeFormatter.ofPattern("MMM yyyy", Locale.US)));
        int series = type.equals("bar") ? 1 : 3;
        String yColumns = series == 1 ? "s0" : "[s0, s1, s2]";
        for (List<String> names : List.of(years, sevenYears, regions, months)) {
            ChartSpec spec = ChartSpec.parse(YamlNode.parse("type: " + type + "\ndata: d\nx: category\ny: " + yColumns + "\n", "p.md", 1));
            RenderedChart chart = renderer.render(spec, spec.check(Map.of("d", categories(names, series))), "c1", Locale.US, null);
            assertNamesEveryCategory(chart.svgNarrow(), chart.html(), names, type + " on a phone, " + names.size() + " bars");
            // The desktop drawing names every category too, unless they are a long run of months (a calendar axis).
            if (names != months) assertNamesEveryCategory(chart.svg(), chart.html(), names, type + " on a desktop, " + names.size() + " bars");
        }
        // Chinese charts write years in full: seven years that English abbreviates on a phone are horizontal bars there.
        ChartSpec spec = ChartSpec.parse(YamlNode.parse("type: " + type + "\ndata: d\nx: category\ny: " + yColumns + "\n", "p.md", 1));
        RenderedChart zh = renderer.render(spec, spec.check(Map.of("d", categories(sevenYears, series))), "c1", Locale.SIMPLIFIED_CHINESE, null);
        assertThat(zh.svgNarrow() + zh.html()).doesNotContain("\u2019");
        assertNamesEveryCategory(zh.svgNarrow(), zh.html(), sevenYears, type + " in Chinese on a phone");
    }

    @Test
    void yearsAreAbbreviatedBeforeAnyBarGoesUnnamedAndTheFirstAndACenturyChangeKeepTheirFullYear() {
        assertThat(CategoryLabels.abbreviated(List.of("2020", "2021", "2022 (Jan–May)"))).containsExactly("2020", "’21", "’22 (Jan–May)");
        assertThat(CategoryLabels.abbreviated(List.of("1998", "1999", "2000", "2001"))).containsExactly("1998", "’99", "2000", "’01");
        assertThat(CategoryLabels.abbreviated(List.of("May 2023", "Jun 2023"))).containsExactly("May 2023", "Jun ’23");
        // Chinese years keep their unit and are not abbreviated; ambiguous abbreviations are not made.
        assertThat(CategoryLabels.abbreviated(List.of("2023年", "2024年"))).containsExactly("2023年", "2024年");
        assertThat(CategoryLabels.abbreviated(List.of("2021", "1921 vs 2021", "2121"))).doesNotContain("’21 vs ’21");
    }

    @Test
    void barLabelsThatCannotAllFitNameTheLastCategoryAndBreakNoWord() {
        java.awt.Font tick = ChartFonts.REGULAR.deriveFont(13f);
        java.awt.font.FontRenderContext frc = new java.awt.font.FontRenderContext(null, true, true);
        java.util.function.ToDoubleFunction<String> w = t -> ChartRenderer.advance(t, tick, frc);
        List<String> years = new ArrayList<>();
        for (int y = 2015; y <= 2025; y++) years.add(String.valueOf(y));
        years.add("2026 (Jan–Sep)");
        CategoryLabels.Plan plan = CategoryLabels.plan(years, 21, CategoryLabels.MAX_LINES, w, 60, 14, Locale.US);
        assertThat(plan.every()).isGreaterThan(1);
        assertThat(plan.namesAll()).isFalse();
        assertThat(plan.shows(years.size() - 1, years.size())).as("the latest, part-year bar is named").isTrue();
        List<String> last = plan.labels().get(11);
        assertThat(String.join(" ", last).replace("– ", "–")).isEqualTo("2026 (Jan–Sep)");
        // Numbers are never hyphenated; a long word may be, at three letters or more.
        assertThat(CategoryLabels.lines("2026", 15, 3, w, true)).isNull();
        assertThat(CategoryLabels.lines("Telecommunications", 60, 3, w, true)).allSatisfy(l -> assertThat(w.applyAsDouble(l)).isLessThanOrEqualTo(60))
                .satisfies(l -> assertThat(String.join("", l).replace("-", "")).isEqualTo("Telecommunications"));
    }

    private static QueryResult monthly(int months) {
        List<List<Object>> rows = new ArrayList<>();
        java.time.LocalDate d = java.time.LocalDate.of(2019, 1, 1);
        for (int i = 0; i < months; i++) rows.add(java.util.Arrays.asList(d.plusMonths(i), i == 5 ? null : new java.math.BigDecimal(1000 + (i * 37) % 400)));
        return new QueryResult("monthly", List.of(new Column("month", ColumnType.DATE), new Column("jobs", ColumnType.DECIMAL)), rows);
    }

    @Test
    void aYearAxisOnMonthlyDataStillNamesTheMonthInTooltipsTheDescriptionAndTheTable() throws Exception {
        ChartSpec spec = ChartSpec.parse(YamlNode.parse("type: line\ndata: monthly\nx: month\ny: jobs\nx-format: yyyy\n", "p.md", 1));
        RenderedChart chart = renderer.render(spec, spec.check(Map.of("monthly", monthly(30))), "c1", Locale.US, null);
        assertThat(texts(parseXml(chart.svg()))).contains("2019", "2020", "2021").noneMatch(t -> t.contains("January"));
        assertThat(titles(chart.svg())).contains("January 2019: 1,000").noneMatch(t -> t.matches("\\d{4}:.*"));
        assertThat(chart.description()).contains("January 2019 to June 2021", "No data for June 2019");
        Document doc = Jsoup.parse(chart.html());
        assertThat(doc.select(".dd-chart-data tbody th").eachText()).startsWith("January 2019", "February 2019");
    }

    @Test
    void aDenseLineHasTooltipsAtItsNotablePointsOnlyAndItsTableKeepsEveryValue() throws Exception {
        ChartSpec spec = ChartSpec.parse(YamlNode.parse("type: line\ndata: monthly\nx: month\ny: jobs\n", "p.md", 1));
        RenderedChart dense = renderer.render(spec, spec.check(Map.of("monthly", monthly(200))), "c1", Locale.US, null);
        List<String> titles = titles(dense.svg());
        assertThat(titles.size()).isBetween(2, 5);
        assertThat(titles).contains("January 2019: 1,000", "August 2035: 1,163"); // first, last
        assertThat(Jsoup.parse(dense.html()).select(".dd-chart-data tbody tr")).hasSize(200);
        RenderedChart sparse = renderer.render(spec, spec.check(Map.of("monthly", monthly(40))), "c1", Locale.US, null);
        assertThat(titles(sparse.svg())).hasSize(40);
    }

    @Test
    void paletteColoursAreClassesNotInlineStylesAndNumericTableCellsCarryNoClass() {
        Document doc = Jsoup.parse(render("bar").html());
        assertThat(doc.select(".dd-swatch[style]")).isEmpty();
        assertThat(doc.select(".dd-chart-data table.dd-numeric")).hasSize(1);
        assertThat(doc.select(".dd-chart-data td[class]")).isEmpty();
        ChartSpec own = ChartSpec.parse(YamlNode.parse(Samples.BLOCKS.get("bar") + "colors: ['#123456']\n", "p.md", 1));
        Document custom = Jsoup.parse(renderer.render(own, own.check(results), "c1", Locale.US, null).html());
        assertThat(custom.select(".dd-swatch[style]").attr("style")).isEqualTo("background:#123456");
    }

    @Test
    void theValueAxisOfEveryDrawingReachesAboveThePeak() throws Exception {
        // XChart picks ticks every 2 on an axis to 15 and ends the grid at 14, under a peak of 14.8 (the US
        // unemployment rate of April 2020): the range must widen until a labelled tick covers the data.
        List<List<Object>> rows = new ArrayList<>();
        java.time.LocalDate d = java.time.LocalDate.of(2019, 1, 1);
        for (int i = 0; i < 80; i++) rows.add(java.util.Arrays.asList(d.plusMonths(i), new java.math.BigDecimal(i == 15 ? "14.8" : "3.5")));
        QueryResult rate = new QueryResult("rate", List.of(new Column("month", ColumnType.DATE), new Column("pct", ColumnType.DECIMAL)), rows);
        ChartSpec spec = ChartSpec.parse(YamlNode.parse("type: line\ndata: rate\nx: month\ny: pct\ny-min: 0\ny-format: \"number:1\"\nx-format: yyyy\n", "p.md", 1));
        RenderedChart chart = renderer.render(spec, spec.check(Map.of("rate", rate)), "c1", Locale.US, null);
        int drawings = 0;
        for (org.jsoup.nodes.Element drawing : Jsoup.parse(chart.html()).select("svg")) {
            drawings++;
            double top = drawing.select("text").eachText().stream().filter(t -> t.matches("\\d{1,2}(\\.\\d)?"))
                    .mapToDouble(Double::parseDouble).max().orElse(0);
            assertThat(top).as("highest value label of drawing " + drawings).isGreaterThanOrEqualTo(14.8);
        }
        assertThat(drawings).isGreaterThanOrEqualTo(2);
    }

    /** The tooltips of an SVG, in order. */
    static List<String> titles(String svg) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("<(?:path|circle)[^>]*><title>([^<]*)</title>").matcher(svg);
        while (m.find()) out.add(org.jsoup.parser.Parser.unescapeEntities(m.group(1), false));
        return out;
    }
}
