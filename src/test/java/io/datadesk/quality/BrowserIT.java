package io.datadesk.quality;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The reader's view, in headless chromium: every page of every quality site, served over HTTP under its published
 * path, at 320 and 375 px (phones) and 1280 px (a laptop), in the light and the dark scheme. Each must load with no console
 * errors and no failed requests, have zero axe-core violations (colour contrast included), show every image and
 * chart, and never scroll sideways. The contents links must scroll to their headings, the 404 page must work at any
 * depth, and the site must work opened from disk.
 */
class BrowserIT {

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

    static Stream<Arguments> pages() {
        return QualitySites.all().stream().flatMap(s -> s.htmlFiles().stream().map(s::sitePath)
                .filter(p -> !p.equals("404.html"))
                .flatMap(p -> Stream.of("light", "dark").map(scheme -> Arguments.of(s, p, scheme))));
    }

    static Stream<Arguments> articles() {
        return QualitySites.all().stream().flatMap(s -> s.htmlFiles().stream().map(s::sitePath)
                // Articles only: not the 404 page, a language's home page, or an article's "how computed" page.
                .filter(p -> !p.equals("404.html") && !p.matches("([a-z]{2}/)?index\\.html") && !p.endsWith("how-computed.html"))
                .map(p -> Arguments.of(s, p)));
    }

    @ParameterizedTest(name = "{0}: {1} ({2})")
    @MethodSource("pages")
    void pageReadsWellInTheBrowser(QualitySites.Site site, String page, String scheme) {
        String url = servers.get(site).url(page.replaceFirst("index\\.html$", ""));
        // 320 px: the narrowest phones still in use; 375 px: a common phone; 1280 px: a laptop.
        for (int width : new int[] {320, 375, 1280}) {
            String where = site.name() + "/" + page + " at " + width + " px, " + scheme;
            browser.emulate(width, scheme);
            browser.load(url);
            assertThat(browser.js("return window.innerWidth")).as("viewport of " + where).isEqualTo((long) width);

            assertThat(browser.js("return document.documentElement.scrollWidth")).as("page width (no sideways scrolling) " + where)
                    .isEqualTo((long) width);
            assertThat(browser.js("return [...document.images].filter(i => !i.complete || i.naturalWidth === 0).map(i => i.src)"))
                    .as("images that did not load " + where).asList().isEmpty();
            assertFiguresVisible(where, width);
            if (width != 320) assertThat(violations()).as("axe-core violations " + where).isEmpty();
            assertSchemeApplied(where, scheme);
            assertThat(browser.failedRequests()).as("failed requests " + where).isEmpty();
            assertThat(browser.consoleErrors()).as("console errors " + where).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("articles")
    void contentsLinksScrollToTheirHeadings(QualitySites.Site site, String page) {
        String url = servers.get(site).url(page.replaceFirst("index\\.html$", ""));
        browser.emulate(1280, "light");
        browser.load(url);
        // In-page entries; the contents also link to the page's "how computed" page (checked by LinkCheckIT).
        List<WebElement> links = browser.driver.findElements(By.cssSelector(".toc-sidebar a[href^='#']"));
        if (links.isEmpty()) {
            assertThat(browser.driver.findElements(By.cssSelector(".prose h2"))).as("a page with sections has contents").isEmpty();
            return;
        }
        assertThat(browser.driver.findElement(By.cssSelector(".toc-inline")).isDisplayed()).as("phone contents hidden on wide screens").isFalse();
        for (int i = 0; i < links.size(); i++) {
            browser.js("window.scrollTo({top: 0, behavior: 'instant'})");
            WebElement link = browser.driver.findElements(By.cssSelector(".toc-sidebar a[href^='#']")).get(i);
            String id = fragment(link);
            click(link);
            assertScrolledTo(id, page + " sidebar link #" + id);
        }

        // On a phone the contents are a collapsed <details> at the top; opening it needs no JavaScript.
        browser.emulate(375, "light");
        browser.load(url);
        assertThat(browser.driver.findElement(By.cssSelector(".toc-sidebar")).isDisplayed()).isFalse();
        WebElement firstLink = browser.driver.findElement(By.cssSelector(".toc-inline a"));
        assertThat(firstLink.isDisplayed()).as("contents start collapsed").isFalse();
        click(browser.driver.findElement(By.cssSelector(".toc-inline summary")));
        List<WebElement> phoneLinks = browser.driver.findElements(By.cssSelector(".toc-inline a[href^='#']"));
        WebElement last = phoneLinks.get(phoneLinks.size() - 1);
        String id = fragment(last);
        click(last);
        assertScrolledTo(id, page + " phone contents link #" + id);
    }

    /** The id a link points at: the browser gives hrefs percent-encoded (a Chinese heading's id is not ASCII). */
    private static String fragment(WebElement link) {
        String raw = link.getAttribute("href").replaceFirst(".*#", "");
        return java.net.URLDecoder.decode(raw.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("articles")
    void printingKeepsTheArticleAndChartsWithoutNavigation(QualitySites.Site site, String page) {
        browser.emulate(1280, "light");
        browser.driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            browser.load(servers.get(site).url(page.replaceFirst("index\\.html$", "")));
            for (String hidden : List.of(".masthead", ".toc-sidebar", ".toc-inline", ".site-footer")) {
                Object display = browser.js("const e = document.querySelector(arguments[0]); return e ? getComputedStyle(e).display : 'none'", hidden);
                assertThat(display).as(hidden + " when printing " + page).isEqualTo("none");
            }
            assertThat(browser.js("return getComputedStyle(document.querySelector('article')).display")).isNotEqualTo("none");
            assertFiguresVisible("printing " + page, 1280);
            assertThat(luminance((String) browser.js("return getComputedStyle(document.body).color"))).as("black text on paper").isLessThan(0.01);
        } finally {
            browser.driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }
    }

    @Test
    void notFoundPageWorksAtAnyDepth() {
        for (QualitySites.Site site : QualitySites.all()) {
            browser.emulate(1280, "light");
            browser.load(servers.get(site).url("no/such/report/here/"));
            assertThat(browser.driver.getTitle()).contains("Page not found");
            assertStyled(site.name() + " 404 page served at depth");
            assertThat(browser.failedRequests()).as("failed requests other than the page itself")
                    .allMatch(r -> r.startsWith("404 ") && r.endsWith("/no/such/report/here/"));
            click(browser.driver.findElement(By.cssSelector(".site-title")));
            assertThat(browser.driver.getCurrentUrl()).isEqualTo(servers.get(site).url("index.html"));
            assertStyled(site.name() + " home reached from the 404 page");
        }
    }

    @Test
    void siteWorksOpenedFromDisk() {
        for (QualitySites.Site site : QualitySites.all()) {
            browser.emulate(1280, "light");
            browser.load(site.root().resolve("index.html").toUri().toString());
            assertStyled(site.name() + " home from disk");
            List<WebElement> reports = browser.driver.findElements(By.cssSelector(".card h3 a"));
            assertThat(reports).as("reports listed on the home page").isNotEmpty();
            click(reports.get(0));
            assertThat(browser.driver.getCurrentUrl()).startsWith("file:").endsWith("/index.html");
            assertStyled(site.name() + " first report from disk");
            assertThat(browser.js("return [...document.images].every(i => i.complete && i.naturalWidth > 0)")).isEqualTo(true);
            click(browser.driver.findElement(By.cssSelector(".site-title")));
            assertThat(browser.driver.getCurrentUrl()).isEqualTo(site.root().resolve("index.html").toUri().toString());
            assertThat(browser.consoleErrors()).as("console errors browsing from disk").isEmpty();
        }
    }

    /** Each check above can fail: a page with a broken image, a too-wide block and grey-on-white text is caught. */
    @Test
    void gatesCatchABrokenPage(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws IOException {
        java.nio.file.Files.writeString(dir.resolve("index.html"), "<!DOCTYPE html><html lang=en><head><meta charset=utf-8>"
                + "<meta name=viewport content='width=device-width'><title>Broken</title></head><body><main>"
                + "<p style='color:#bbb;background:#fff'>Too pale to read</p><img src='missing.png' alt='A chart'>"
                + "<div style='width:2000px'>Too wide</div></main></body></html>");
        java.nio.file.Files.writeString(dir.resolve("404.html"), "<!DOCTYPE html><title>404</title>");
        try (SiteServer server = new SiteServer(dir, "/")) {
            browser.emulate(375, "light");
            browser.load(server.url(""));
            assertThat((Long) browser.js("return document.documentElement.scrollWidth")).isGreaterThan(375);
            assertThat(browser.js("return [...document.images].filter(i => !i.complete || i.naturalWidth === 0).length")).isEqualTo(1L);
            assertThat(violations()).anyMatch(v -> v.startsWith("color-contrast"));
            assertThat(browser.failedRequests()).anyMatch(r -> r.startsWith("404 ") && r.endsWith("/missing.png"));
            assertThat(browser.consoleErrors()).anyMatch(e -> e.contains("missing.png"));
            assertSchemeApplied("a light page", "light");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> assertSchemeApplied("a page without a dark scheme", "dark"))
                    .isInstanceOf(AssertionError.class);
        }
    }

    /** The gates must have seen at least one chart, or "charts are visible" would pass without checking anything. */
    @Test
    void qualitySitesHaveCharts() {
        long figures = QualitySites.all().stream().flatMap(s -> s.htmlFiles().stream()).filter(f -> {
            try {
                return !org.jsoup.Jsoup.parse(f.toFile(), "UTF-8").select("figure svg").isEmpty();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).count();
        assertThat(figures).isPositive();
    }

    private void assertFiguresVisible(String where, int width) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> figures = (List<Map<String, Object>>) browser.js("""
                return [...document.querySelectorAll('figure')].map(f => {
                  // A chart may carry several drawings (one for phones, one for wide screens): the shown one counts.
                  // A bar chart's phone drawing may be horizontal bars, an HTML table.
                  const drawings = [...f.querySelectorAll('svg, img, .dd-chart-plot table')];
                  const g = drawings.length === 0 ? f : (drawings.find(d => d.getClientRects().length > 0) || drawings[0]);
                  const r = g.getBoundingClientRect();
                  const style = getComputedStyle(g);
                  return {id: f.id || f.className, width: r.width, height: r.height, left: r.left, right: r.right,
                          shown: style.display !== 'none' && style.visibility !== 'hidden' && +style.opacity > 0};
                });""");
        for (Map<String, Object> f : figures) {
            String name = "figure " + f.get("id") + " " + where;
            assertThat(f.get("shown")).as(name + " shown").isEqualTo(true);
            assertThat(((Number) f.get("width")).doubleValue()).as(name + " width").isGreaterThan(100);
            assertThat(((Number) f.get("height")).doubleValue()).as(name + " height").isGreaterThan(50);
            assertThat(((Number) f.get("left")).doubleValue()).as(name + " left edge").isGreaterThanOrEqualTo(0);
            assertThat(((Number) f.get("right")).doubleValue()).as(name + " right edge").isLessThanOrEqualTo(width + 0.5);
        }
    }

    /** The page's background follows the scheme: light in light, dark in dark. */
    private void assertSchemeApplied(String where, String scheme) {
        // The first opaque background from body up; a page that sets none shows the browser's white canvas.
        String bg = (String) browser.js("""
                for (const e of [document.body, document.documentElement]) {
                  const c = getComputedStyle(e).backgroundColor;
                  if (c !== 'transparent' && !/rgba\\(.*,\\s*0\\)$/.test(c)) return c;
                }
                return 'rgb(255, 255, 255)';""");
        double luminance = luminance(bg);
        if (scheme.equals("dark")) assertThat(luminance).as("dark background " + where + " (" + bg + ")").isLessThan(0.1);
        else assertThat(luminance).as("light background " + where + " (" + bg + ")").isGreaterThan(0.8);
    }

    private void assertStyled(String where) {
        assertThat(browser.js("return getComputedStyle(document.querySelector('.masthead')).borderBottomStyle"))
                .as("the site stylesheet applies: " + where).isEqualTo("solid");
        assertThat(browser.failedRequests().stream().filter(r -> !r.startsWith("404 ") || r.contains("/assets/")).toList())
                .as("failed requests " + where).isEmpty();
    }

    /**
     * A real click on an element, first scrolled into view at once: the theme scrolls smoothly, and a click at the
     * position where an element is still gliding to would land on something else.
     */
    private static void click(WebElement e) {
        browser.js("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", e);
        e.click();
    }

    private void assertScrolledTo(String id, String what) {
        try {
            new WebDriverWait(browser.driver, Duration.ofSeconds(5)).until(d -> Boolean.TRUE.equals(browser.js("""
                    const el = document.getElementById(arguments[0]);
                    if (!el) return false;
                    const top = el.getBoundingClientRect().top;
                    const atBottom = Math.ceil(window.scrollY + window.innerHeight) >= document.documentElement.scrollHeight - 1;
                    return decodeURIComponent(location.hash) === '#' + arguments[0] && top >= -1 && top < window.innerHeight - 20 && (top < 80 || atBottom);
                    """, id)));
        } catch (org.openqa.selenium.TimeoutException e) {
            Object state = browser.js("const el = document.getElementById(arguments[0]); return {hash: location.hash, "
                    + "top: el ? el.getBoundingClientRect().top : null, scrollY: window.scrollY}", id);
            throw new AssertionError(what + " did not scroll its heading into view: " + state, e);
        }
    }

    private List<String> violations() {
        // axe-core needs tens of seconds on a long page of a loaded 2-core machine; its own default limit is 30 s.
        Results results = new AxeBuilder().setTimeout(180).analyze(browser.driver);
        assertThat(results.isErrored()).as("axe-core ran: " + results.getErrorMessage()).isFalse();
        assertThat(results.getPasses()).as("axe-core checked rules").isNotEmpty();
        List<String> out = new ArrayList<>();
        for (Rule r : results.getViolations()) {
            for (CheckedNode n : r.getNodes()) {
                out.add(r.getId() + " (" + r.getHelp() + ") at " + n.getTarget() + ": " + n.getHtml()
                        + (n.getFailureSummary() == null ? "" : " — " + n.getFailureSummary().replace('\n', ' ')));
            }
        }
        return out;
    }

    /** Relative luminance (WCAG) of a CSS rgb()/rgba() colour. */
    static double luminance(String css) {
        String[] parts = css.replaceAll("[^0-9.,]", "").split(",");
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = Double.parseDouble(parts[i]) / 255.0;
            c[i] = v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }
}
