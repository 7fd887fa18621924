package io.datadesk.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.print.PrintOptions;

/**
 * What a reader sees of tables, chart text and the printed page, measured in headless chromium on every article of
 * the quality sites:
 * <ul>
 *   <li>a table that does not fit shows that it scrolls (a scroll shadow is drawn over the edge where columns are
 *       hidden), can be scrolled from the keyboard and is named; on a wide screen it first uses the empty margin
 *       beside the text column; a figure never breaks across lines ("1," on one line, "818" on the next);</li>
 *   <li>chart text is at least 12 CSS px on a 360 px phone, measured as drawn (font size times the drawing's scale),
 *       in the charts datadesk draws (an author's own inline SVG is the author's);</li>
 *   <li>no two pieces of chart text overlap at 390 or 1,280 px (Chinese text measured in Noto Sans CJK);</li>
 *   <li>the PDF chromium prints holds the text of every table cell, and no collapsed "Show the data" box;</li>
 *   <li>every bar of a bar chart is named on a phone, in the drawing or as a row of horizontal bars;</li>
 *   <li>no printed page but the last ends before half its height, and each chart's drawing is printed on the page of
 *       its title.</li>
 * </ul>
 * {@link #checksCatchABrokenPage} proves that each check can fail.
 */
class ReaderLayoutIT {

    /** The smallest chart text a phone reader should have to read, in CSS px (issue 11). */
    static final double MIN_CHART_TEXT_PX = 12;

    private static Browser browser;
    private static final Map<QualitySites.Site, SiteServer> servers = new java.util.HashMap<>();

    @BeforeAll
    static void start() throws IOException {
        browser = new Browser();
        for (QualitySites.Site s : QualitySites.all()) servers.put(s, new SiteServer(s.root(), s.basePath()));
    }

    @AfterAll
    static void stop() {
        servers.values().forEach(SiteServer::close);
        if (browser != null) browser.close();
    }

    static Stream<Arguments> articles() {
        return QualitySites.all().stream().flatMap(s -> s.htmlFiles().stream().map(s::sitePath)
                .filter(p -> !p.equals("404.html") && !p.equals("index.html")).map(p -> Arguments.of(s, p)));
    }

    private static String url(QualitySites.Site site, String page) {
        return servers.get(site).url(page.replaceFirst("index\\.html$", ""));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("articles")
    void tablesNeverHideColumnsWithoutSayingSo(QualitySites.Site site, String page) {
        for (int width : new int[] {320, 1280}) {
            browser.emulate(width, "light");
            browser.load(url(site, page));
            assertThat(tableProblems(width)).as("tables of %s/%s at %d px", site.name(), page, width).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("articles")
    void chartTextIsReadableOnAPhone(QualitySites.Site site, String page) {
        browser.emulate(360, "light");
        browser.load(url(site, page));
        assertThat(smallChartText()).as("chart text under %s px on %s/%s at 360 px", MIN_CHART_TEXT_PX, site.name(), page).isEmpty();
    }

    /**
     * Every bar of every bar chart is named on a phone (issue 11): at 320, 360 and 390 px each category of the chart's
     * data table has a label in the drawing shown, whole and on screen (a year may read "’21"), or a row of the
     * horizontal bars a phone gets instead.
     */
    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("articles")
    void everyBarIsNamedOnAPhone(QualitySites.Site site, String page) {
        for (int width : new int[] {320, 360, 390}) {
            browser.emulate(width, "light");
            browser.load(url(site, page));
            assertThat(unnamedBars()).as("bars without a label on %s/%s at %d px", site.name(), page, width).isEmpty();
        }
    }

    /** The categories of the visible bar charts on the loaded page that their drawing shown does not name. */
    @SuppressWarnings("unchecked")
    static List<String> unnamedBars() {
        return (List<String>) browser.js("""
                const out = [];
                const squeeze = s => s.replace(/\\s+/g, '');
                for (const fig of document.querySelectorAll('figure.dd-chart--bar, figure.dd-chart--stacked-bar')) {
                  if (fig.getClientRects().length === 0) continue;
                  const names = [...fig.querySelectorAll('details tbody th')].map(th => th.textContent.trim());
                  const hbar = [...fig.querySelectorAll('.dd-chart-plot table.dd-hbar')].find(t => t.getClientRects().length > 0);
                  if (hbar) {
                    const rows = [...hbar.querySelectorAll('tbody th')].filter(th => th.getClientRects().length > 0).map(th => th.textContent.trim());
                    for (const n of names) if (!rows.includes(n)) out.push(fig.id + ': no row for "' + n + '"');
                    continue;
                  }
                  const svg = [...fig.querySelectorAll('.dd-chart-plot svg')].find(s => s.getClientRects().length > 0);
                  if (!svg) { out.push(fig.id + ': no drawing shown'); continue; }
                  // Labels drawn and inside the window; wrapped lines joined again (Chinese lines join without a space).
                  const shown = [...svg.querySelectorAll('text')].filter(t => {
                    const r = t.getBoundingClientRect();
                    return r.width > 0 && r.left >= 0 && r.right <= innerWidth;
                  }).map(t => t.textContent);
                  const joined = squeeze(shown.join(''));
                  for (const n of names) {
                    const short = n.replace(/\\b(?:19|20)(\\d\\d)\\b/g, '\u2019$1');
                    if (!joined.includes(squeeze(n)) && !joined.includes(squeeze(short))) out.push(fig.id + ': "' + n + '" has no label');
                  }
                }
                return out;""");
    }

    /**
     * No two pieces of chart text are drawn over each other, as chromium lays them out with the page's fonts (Noto
     * Sans CJK for Chinese): titles, subtitles, tick labels, axis titles, legends, direct labels, annotations and
     * hbar labels and values, in the drawing shown at a phone's 390 px and at 1,280 px.
     */
    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("articles")
    void chartTextNeverOverlaps(QualitySites.Site site, String page) {
        for (int width : new int[] {390, 1280}) {
            browser.emulate(width, "light");
            browser.load(url(site, page));
            assertThat(overlappingChartText()).as("overlapping chart text on %s/%s at %d px", site.name(), page, width).isEmpty();
            if (page.startsWith("zh/ai-job-cuts/index")) // the check sees the Chinese edition's chart text
                assertThat(((Number) browser.js("return [...document.querySelectorAll('figure.dd-chart svg text')].filter(t => "
                        + "t.getClientRects().length > 0 && /[\\u4e00-\\u9fff]/.test(t.textContent)).length")).intValue()).isGreaterThan(20);
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("articles")
    void printedPageHoldsEveryTableCell(QualitySites.Site site, String page) throws IOException {
        browser.emulate(1280, "light");
        browser.load(url(site, page));
        assertThat(printProblems(printed().text())).as("printed %s/%s", site.name(), page).isEmpty();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("articles")
    void printedPagesAreNeverHalfEmptyAndChartsStayWhole(QualitySites.Site site, String page) throws IOException {
        browser.emulate(1280, "light");
        browser.load(url(site, page));
        assertThat(pageProblems(printed())).as("printed pages of %s/%s", site.name(), page).isEmpty();
    }

    /** Each check above reports a page built to break it: a scrolling table without a shadow, tiny chart text, a clipped print. */
    @Test
    void checksCatchABrokenPage(@TempDir Path dir) throws IOException {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 5; i++) rows.append("<tr><td>Row ").append(i).append("</td><td class=num>1,818</td><td class=num>2,864</td>"
                + "<td class=num>3,413</td><td class=num>12,345,678</td><td>note ").append(i).append("</td></tr>");
        Files.writeString(dir.resolve("index.html"), "<!DOCTYPE html><html lang=en><head><meta charset=utf-8>"
                + "<meta name=viewport content='width=device-width'><title>Broken</title>"
                + "<style>body{margin:20px;max-width:640px} .table-scroll{overflow-x:auto} td{padding:0 3em;white-space:nowrap}"
                + " td.squeezed{white-space:normal;width:1px;padding:0} @media print{.table-scroll{overflow:hidden}}</style></head>"
                + "<body><main><div class='table-scroll'><table><tbody>" + rows + "</tbody></table></div>"
                + "<div class='table-scroll' role=region tabindex=0 aria-label=Squeezed><table><tbody><tr><td class='num squeezed'>1 818 000</td></tr></tbody></table></div>"
                + "<details class='dd-chart-data'><summary>Show the data</summary><p>hidden</p></details>"
                + "<figure class=dd-chart><svg viewBox='0 0 640 300' style='width:100%'><text x='10' y='50' font-size='13'>Tiny on a phone</text></svg></figure>"
                + "<figure class=dd-chart id=crowded><svg viewBox='0 0 640 300' style='width:100%'><text x='10' y='150' font-size='16'>裁员人数（万人）</text>"
                + "<text x='40' y='154' font-size='16'>月份</text></svg></figure>"
                + "<figure class='dd-chart dd-chart--bar' id=thinned><div class=dd-chart-plot><svg viewBox='0 0 320 200' style='width:100%'>"
                + "<text x='10' y='190' font-size='13'>2020</text><text x='200' y='190' font-size='13'>2022</text></svg></div>"
                + "<details class=dd-chart-data><table><tbody><tr><th>2020</th></tr><tr><th>2021</th></tr><tr><th>2022</th></tr></tbody></table></details></figure>"
                + "</main></body></html>");
        Files.writeString(dir.resolve("404.html"), "<!DOCTYPE html><title>404</title>");
        try (SiteServer server = new SiteServer(dir, "/")) {
            browser.emulate(320, "light");
            browser.load(server.url(""));
            List<String> tables = tableProblems(320);
            assertThat(tables).anyMatch(p -> p.contains("no scroll shadow"));
            assertThat(tables).anyMatch(p -> p.contains("not focusable"));
            assertThat(tables).anyMatch(p -> p.contains("breaks inside a figure"));
            browser.emulate(360, "light");
            browser.load(server.url(""));
            assertThat(smallChartText()).anyMatch(p -> p.contains("Tiny on a phone"));
            assertThat(overlappingChartText()).anyMatch(p -> p.contains("crowded") && p.contains("月份"));
            assertThat(unnamedBars()).containsExactly("thinned: \"2021\" has no label");
            browser.emulate(1280, "light");
            browser.load(server.url(""));
            List<String> printed = printProblems(printed().text());
            assertThat(printed).anyMatch(p -> p.contains("12,345,678"));
            assertThat(printed).anyMatch(p -> p.contains("Show the data"));
        }
        // A chart whose drawing is pushed to the next page, away from its title, after a block that cannot split and
        // leaves most of a page empty.
        Files.writeString(dir.resolve("index.html"), "<!DOCTYPE html><html lang=en><head><meta charset=utf-8><title>Split</title>"
                + "<style>.tall{height:30vh;break-inside:avoid;border:1px solid} .tall2{height:80vh;break-inside:avoid;border:1px solid}"
                + " svg{break-before:page}</style></head><body><main><p>First page text.</p><div class=tall>One block</div>"
                + "<div class=tall2>Another block</div><figure class=dd-chart><header><h3 class=dd-chart-title>A chart split in two</h3></header>"
                + "<div class=dd-chart-plot><svg viewBox='0 0 640 300'><text x='10' y='50' font-size='13'>Label under the title</text></svg></div>"
                + "</figure></main></body></html>");
        try (SiteServer server = new SiteServer(dir, "/")) {
            browser.emulate(1280, "light");
            browser.load(server.url(""));
            List<String> pages = pageProblems(printed());
            assertThat(pages).anyMatch(p -> p.contains("half empty"));
            assertThat(pages).anyMatch(p -> p.contains("A chart split in two"));
        }
    }

    /**
     * Printed pages that end before half their height (the last page excepted): a block that cannot split and did
     * not fit pushed everything after it to the next page. And charts whose drawing is not on the page of their title.
     */
    @SuppressWarnings("unchecked")
    private static List<String> pageProblems(Printed printed) {
        List<String> problems = new ArrayList<>();
        int n = printed.pages().size();
        for (int i = 0; i < n - 1; i++) {
            double used = printed.lowest()[i] / printed.height();
            if (used < 0.5) problems.add(String.format("page %d of %d is half empty: its text ends at %.0f%% of its height", i + 1, n, 100 * used));
        }
        List<Map<String, Object>> charts = (List<Map<String, Object>>) browser.js("""
                return [...document.querySelectorAll('figure.dd-chart')].map(f => {
                  const title = f.querySelector('.dd-chart-title');
                  const svg = [...f.querySelectorAll('.dd-chart-plot svg')].find(s => s.getClientRects().length > 0) || f.querySelector('.dd-chart-plot svg');
                  return {title: title ? title.textContent.trim() : '', labels: svg ? [...svg.querySelectorAll('text')].map(t => t.textContent.trim()).filter(t => t.length > 3) : []};
                }).filter(c => c.title && c.labels.length);""");
        for (Map<String, Object> chart : charts) {
            String title = ((String) chart.get("title")).replaceAll("\\s+", "");
            int at = -1;
            for (int i = 0; i < n && at < 0; i++) if (printed.pages().get(i).replaceAll("\\s+", "").contains(title)) at = i;
            if (at < 0) continue; // not printed at all: printProblems' concern for tables; a chart title is in the prose check
            String paper = printed.pages().get(at).replaceAll("\\s+", "");
            List<String> away = ((List<String>) chart.get("labels")).stream().filter(l -> !paper.contains(l.replaceAll("\\s+", ""))).toList();
            if (!away.isEmpty()) problems.add("chart \"" + chart.get("title") + "\" split: on page " + (at + 1) + " without " + away);
        }
        return problems;
    }

    /**
     * Problems with the tables on the loaded page at {@code width} px, every "Show the data" box opened: a table
     * wider than its box must be focusable, named and show a shadow over its hidden columns; at 1280 px it must
     * first break out of the text column; no number may wrap.
     */
    @SuppressWarnings("unchecked")
    private static List<String> tableProblems(int width) {
        browser.js("document.querySelectorAll('details').forEach(d => d.open = true)");
        List<Map<String, Object>> boxes = (List<Map<String, Object>>) browser.js("""
                const boxes = [...document.querySelectorAll('table')].map(t => t.closest('.table-scroll') || t.parentElement);
                return [...new Set(boxes)].filter(b => b.getClientRects().length > 0).map((b, i) => {
                  b.dataset.ddCheck = i;
                  const column = b.closest('.prose') || b.parentElement;
                  // A number (the first text of a right-aligned body cell) drawn on more than one line is broken
                  // inside the figure; headers may wrap.
                  const broken = [...b.querySelectorAll('tbody td, tbody th')].filter(c => c.matches('.num') || getComputedStyle(c).textAlign === 'right').filter(c => {
                    const walker = document.createTreeWalker(c, NodeFilter.SHOW_TEXT, n => n.data.trim() ? 1 : 3);
                    const figure = walker.nextNode();
                    if (!figure) return false;
                    const r = document.createRange();
                    r.selectNodeContents(figure);
                    return new Set([...r.getClientRects()].filter(x => x.width > 1).map(x => Math.round(x.top))).size > 1;
                  }).map(c => c.textContent);
                  return {index: i, name: b.getAttribute('aria-label') || '', role: b.getAttribute('role') || '',
                          tabindex: b.getAttribute('tabindex'), hidden: b.scrollWidth - b.clientWidth,
                          width: b.getBoundingClientRect().width, column: column.getBoundingClientRect().width,
                          inProse: b.parentElement.classList.contains('prose'), broken: broken};
                });""");
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> box : boxes) {
            String name = "table " + box.get("index") + " '" + box.get("name") + "'";
            List<String> broken = (List<String>) box.get("broken");
            if (!broken.isEmpty()) problems.add(name + " breaks inside a figure: " + broken);
            if (((Number) box.get("hidden")).doubleValue() <= 1) continue;
            if (!"0".equals(box.get("tabindex"))) problems.add(name + " scrolls but is not focusable (tabindex=0)");
            if (!"region".equals(box.get("role")) || ((String) box.get("name")).isBlank())
                problems.add(name + " scrolls but is not a named region");
            if (width >= 1280 && Boolean.TRUE.equals(box.get("inProse"))
                    && ((Number) box.get("width")).doubleValue() <= ((Number) box.get("column")).doubleValue() + 1)
                problems.add(name + " scrolls inside the text column while the margin beside it is empty");
            if (!drawsAShadow(((Number) box.get("index")).intValue()))
                problems.add(name + " hides " + box.get("hidden") + " px of columns with no scroll shadow or fade");
        }
        return problems;
    }

    /**
     * Whether the box draws something over its edge: its picture with its backgrounds differs from its picture
     * without them (the table is scrolled to the start, so the shadow is over the right edge).
     */
    private static boolean drawsAShadow(int index) {
        WebElement box = browser.driver.findElement(By.cssSelector("[data-dd-check='" + index + "']"));
        browser.js("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'}); arguments[0].scrollLeft = 0", box);
        byte[] with = box.getScreenshotAs(OutputType.BYTES);
        String saved = (String) browser.js("const s = arguments[0].style.background; arguments[0].style.background = 'none'; return s", box);
        byte[] without = box.getScreenshotAs(OutputType.BYTES);
        browser.js("arguments[0].style.background = arguments[1]", box, saved);
        return !Arrays.equals(with, without);
    }

    /** Chart text on the loaded page drawn smaller than {@link #MIN_CHART_TEXT_PX}: SVG text and hbar labels as shown. */
    @SuppressWarnings("unchecked")
    private static List<String> smallChartText() {
        List<String> small = (List<String>) browser.js("""
                const out = [];
                for (const svg of document.querySelectorAll('figure.dd-chart svg')) {
                  if (svg.getClientRects().length === 0) continue;        // the drawing for the other screen size
                  for (const t of svg.querySelectorAll('text')) {
                    if (t.getClientRects().length === 0 || !t.textContent.trim()) continue;
                    const m = t.getScreenCTM();
                    const px = parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b);
                    if (px < arguments[0]) out.push((svg.closest('figure').id || 'figure') + ': "' + t.textContent + '" at ' + px.toFixed(1) + ' px');
                  }
                }
                for (const e of document.querySelectorAll('figure.dd-chart .dd-hbar th, figure.dd-chart .dd-hbar-value')) {
                  const px = parseFloat(getComputedStyle(e).fontSize);
                  if (e.getClientRects().length > 0 && px < arguments[0]) out.push(e.closest('figure').id + ': "' + e.textContent + '" at ' + px + ' px');
                }
                return out;""", MIN_CHART_TEXT_PX);
        return small;
    }

    /**
     * Pairs of chart text on the loaded page whose boxes overlap, by more than 2 px across and a third of the smaller
     * one's height (an HTML line box may reach a little into the next line's without any glyph touching): each SVG
     * text of the drawing shown, and each line of each HTML text of the figure.
     */
    @SuppressWarnings("unchecked")
    static List<String> overlappingChartText() {
        return (List<String>) browser.js("""
                const out = [];
                const visible = e => { const s = getComputedStyle(e); return s.visibility !== 'hidden' && s.display !== 'none' && +s.opacity > 0; };
                for (const fig of document.querySelectorAll('figure.dd-chart')) {
                  if (fig.getClientRects().length === 0) continue;
                  const boxes = [];
                  for (const svg of fig.querySelectorAll('svg')) {
                    if (svg.getClientRects().length === 0) continue;   // the drawing for the other screen size
                    for (const t of svg.querySelectorAll('text')) {
                      if (!t.textContent.trim() || t.getClientRects().length === 0 || !visible(t)) continue;
                      boxes.push({text: t.textContent.trim(), r: t.getBoundingClientRect(), owner: t});
                    }
                  }
                  const walker = document.createTreeWalker(fig, NodeFilter.SHOW_TEXT, n => n.data.trim()
                      && !n.parentElement.closest('svg, details:not([open]), .dd-visually-hidden') && visible(n.parentElement) ? 1 : 3);
                  for (let n; (n = walker.nextNode());) {
                    const range = document.createRange();
                    range.selectNodeContents(n);
                    for (const r of range.getClientRects()) if (r.width > 0.5 && r.height > 0.5) boxes.push({text: n.data.trim(), r, owner: n});
                  }
                  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
                    const a = boxes[i], b = boxes[j];
                    if (a.owner === b.owner) continue;
                    const across = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
                    const down = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
                    if (across > 2 && down > Math.min(a.r.height, b.r.height) / 3)
                      out.push((fig.id || 'figure') + ': "' + a.text + '" and "' + b.text + '" overlap by '
                          + across.toFixed(1) + ' x ' + down.toFixed(1) + ' px');
                  }
                }
                return out;""");
    }

    /** A printed page: all its text, each page's text, how far down each page's text reaches, and the page height. */
    record Printed(String text, List<String> pages, double[] lowest, double height) {}

    /** The loaded page printed by chromium (A4, as a reader's browser would), read back from the PDF by PDFBox. */
    private static Printed printed() throws IOException {
        PrintOptions options = new PrintOptions();
        options.setPageSize(new org.openqa.selenium.print.PageSize(29.7, 21.0));
        String base64 = browser.driver.print(options).getContent();
        try (PDDocument pdf = Loader.loadPDF(Base64.getDecoder().decode(base64))) {
            int n = pdf.getNumberOfPages();
            double[] lowest = new double[n];
            List<String> pages = new ArrayList<>();
            for (int p = 1; p <= n; p++) {
                int page = p - 1;
                PDFTextStripper stripper = new PDFTextStripper() {
                    @Override
                    protected void writeString(String text, List<TextPosition> positions) throws IOException {
                        for (TextPosition t : positions) lowest[page] = Math.max(lowest[page], t.getYDirAdj());
                        super.writeString(text, positions);
                    }
                };
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                pages.add(stripper.getText(pdf));
            }
            return new Printed(new PDFTextStripper().getText(pdf), pages, lowest, pdf.getPage(0).getMediaBox().getHeight());
        }
    }

    /**
     * Table cells of the loaded page whose text is missing from the printed text (compared without white space, since
     * print wraps cells differently), and collapsed boxes whose summary was printed alone. Cells inside a collapsed
     * box are not expected on paper: the theme leaves such boxes out.
     */
    @SuppressWarnings("unchecked")
    private static List<String> printProblems(String printed) {
        String paper = printed.replaceAll("\\s+", "");
        List<String> cells = (List<String>) browser.js("""
                // Words for screen readers only ("no data" beside a dash) are not drawn, so not printed either; nor is
                // a chart's phone drawing (horizontal bars standing in for columns): paper gets the wide one.
                return [...document.querySelectorAll('td, th')].filter(c => !c.closest('details:not([open]), .dd-visually-hidden, .dd-chart-plot--narrow')).map(c => {
                  const copy = c.cloneNode(true);
                  copy.querySelectorAll('.dd-visually-hidden').forEach(h => h.remove());
                  return copy.textContent.trim();
                }).filter(t => t.length > 0);""");
        List<String> problems = new ArrayList<>();
        for (String cell : cells) {
            if (!paper.contains(cell.replaceAll("\\s+", ""))) problems.add("table cell not on paper: " + cell);
        }
        // A collapsed box printed as its summary alone: its summary is on paper more often than the page says it
        // elsewhere (prose may name "Show the data").
        String rest = ((String) browser.js("""
                const copy = document.body.cloneNode(true);
                copy.querySelectorAll('details:not([open])').forEach(d => d.remove());
                return copy.textContent;""")).replaceAll("\\s+", "");
        List<String> summaries = (List<String>) browser.js("""
                return [...document.querySelectorAll('details:not([open]) > summary')].map(s => s.innerText.trim()).filter(t => t);""");
        for (String summary : new java.util.LinkedHashSet<>(summaries)) {
            String s = summary.replaceAll("\\s+", "");
            if (count(paper, s) > count(rest, s)) problems.add("collapsed box printed as its summary alone: " + summary);
        }
        return problems;
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) n++;
        return n;
    }
}
