package io.datadesk.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The series colours of chart.css, in both schemes: every mark has at least 3:1 contrast with the chart background
 * (WCAG 1.4.11, non-text contrast), and any two colours, and so adjacent pie and donut slices, differ clearly
 * (CIE76 ΔE of at least 15). The colours XChart draws with are the light scheme's.
 */
class ChartPaletteTest {

    private static final Path CSS = Path.of("templates/assets/chart.css");
    private static final Pattern VAR = Pattern.compile("--(dd-s\\d|dd-chart-bg):\\s*(#[0-9a-fA-F]{6})");

    static Map<String, String> vars(String block) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = VAR.matcher(block);
        while (m.find()) out.put(m.group(1), m.group(2).toLowerCase());
        return out;
    }

    static Map<String, Map<String, String>> schemes() throws IOException {
        String css = Files.readString(CSS);
        int dark = css.indexOf("@media (prefers-color-scheme: dark)");
        int forced = css.indexOf(".dd-dark .dd-chart {");
        Map<String, String> light = vars(css.substring(0, dark));
        Map<String, String> media = vars(css.substring(dark, forced));
        Map<String, String> cls = vars(css.substring(forced, css.indexOf('}', forced)));
        return Map.of("light", light, "dark (media query)", media, "dark (.dd-dark)", cls);
    }

    @Test
    void everySeriesColourHasThreeToOneContrastWithTheBackgroundInBothSchemes() throws IOException {
        List<String> failures = new ArrayList<>();
        for (var scheme : schemes().entrySet()) {
            Map<String, String> v = scheme.getValue();
            assertThat(v).as(scheme.getKey()).containsKeys("dd-chart-bg", "dd-s0", "dd-s6");
            for (int i = 0; i < ChartRenderer.PALETTE.length; i++) {
                String c = v.get("dd-s" + i);
                double r = ratio(c, v.get("dd-chart-bg"));
                if (r < 3.0) failures.add(String.format("%s: --dd-s%d %s is %.2f:1 on %s", scheme.getKey(), i, c, r, v.get("dd-chart-bg")));
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void seriesColoursAreClearlyDifferentFromEachOther() throws IOException {
        List<String> failures = new ArrayList<>();
        for (var scheme : schemes().entrySet()) {
            Map<String, String> v = scheme.getValue();
            for (int i = 0; i < ChartRenderer.PALETTE.length; i++)
                for (int j = i + 1; j < ChartRenderer.PALETTE.length; j++) {
                    double d = deltaE(v.get("dd-s" + i), v.get("dd-s" + j));
                    if (d < 15) failures.add(String.format("%s: --dd-s%d and --dd-s%d differ by ΔE %.1f", scheme.getKey(), i, j, d));
                }
        }
        assertThat(failures).isEmpty();
    }

    /** --bg and --logo-N of site.css, per scheme (its dark block redefines them). */
    static Map<String, Map<String, String>> site() throws IOException {
        String css = Files.readString(Path.of("templates/assets/site.css"));
        Pattern var = Pattern.compile("--(bg|logo-\\d):\\s*(#[0-9a-fA-F]{6})");
        int dark = css.indexOf("@media (prefers-color-scheme: dark)");
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (var part : Map.of("light", css.substring(0, dark), "dark", css.substring(dark, css.indexOf('}', dark))).entrySet()) {
            Map<String, String> v = new LinkedHashMap<>();
            Matcher m = var.matcher(part.getValue());
            while (m.find()) v.put(m.group(1), m.group(2).toLowerCase());
            out.put(part.getKey(), v);
        }
        return out;
    }

    @Test
    void seriesColoursHaveThreeToOneContrastWithTheSitesOwnBackgroundToo() throws IOException {
        Map<String, Map<String, String>> site = site(), charts = schemes();
        List<String> failures = new ArrayList<>();
        for (String scheme : List.of("light", "dark")) {
            Map<String, String> palette = charts.get(scheme.equals("light") ? "light" : "dark (media query)");
            String bg = site.get(scheme).get("bg");
            assertThat(bg).as(scheme + " --bg").isNotNull();
            for (int i = 0; i < ChartRenderer.PALETTE.length; i++) {
                double r = ratio(palette.get("dd-s" + i), bg);
                if (r < 3.0) failures.add(String.format("%s: --dd-s%d is %.2f:1 on the page's %s", scheme, i, r, bg));
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void theMastheadLogoUsesTheChartPaletteInBothSchemes() throws IOException {
        Map<String, Map<String, String>> site = site(), charts = schemes();
        for (String scheme : List.of("light", "dark")) {
            Map<String, String> palette = charts.get(scheme.equals("light") ? "light" : "dark (media query)");
            assertThat(site.get(scheme).get("logo-1")).as(scheme + " --logo-1").isEqualTo(palette.get("dd-s1"));
            assertThat(site.get(scheme).get("logo-2")).as(scheme + " --logo-2").isEqualTo(palette.get("dd-s0"));
        }
        String layout = Files.readString(Path.of("templates/layout.html"));
        String mark = layout.substring(layout.indexOf("<svg class=\"site-mark\""), layout.indexOf("</svg>", layout.indexOf("site-mark")));
        assertThat(mark).as("the logo takes its colours from site.css").doesNotContainPattern("fill=\"#");
    }

    @Test
    void xchartDrawsWithTheLightSchemesColours() throws IOException {
        Map<String, String> light = schemes().get("light");
        for (int i = 0; i < ChartRenderer.PALETTE.length; i++)
            assertThat(ChartRenderer.hex(ChartRenderer.PALETTE[i])).as("PALETTE[" + i + "]").isEqualTo(light.get("dd-s" + i));
    }

    @Test
    void theTestsMeasureWhatTheySay() {
        assertThat(ratio("#000000", "#ffffff")).isCloseTo(21, org.assertj.core.data.Offset.offset(0.01));
        assertThat(ratio("#e69f00", "#ffffff")).as("Okabe–Ito orange fails on white").isLessThan(3);
        assertThat(deltaE("#56b4e9", "#9fd4f5")).as("the two light blues that touched in dark pies").isLessThan(25);
    }

    static double ratio(String a, String b) {
        double la = luminance(a), lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double[] rgb(String hex) {
        int v = Integer.parseInt(hex.substring(1), 16);
        double[] c = {(v >> 16 & 255) / 255.0, (v >> 8 & 255) / 255.0, (v & 255) / 255.0};
        for (int i = 0; i < 3; i++) c[i] = c[i] <= 0.04045 ? c[i] / 12.92 : Math.pow((c[i] + 0.055) / 1.055, 2.4);
        return c;
    }

    static double luminance(String hex) {
        double[] c = rgb(hex);
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }

    /** CIE76 colour difference in L*a*b* (D65). */
    static double deltaE(String a, String b) {
        double[] p = lab(a), q = lab(b);
        return Math.sqrt(Math.pow(p[0] - q[0], 2) + Math.pow(p[1] - q[1], 2) + Math.pow(p[2] - q[2], 2));
    }

    private static double[] lab(String hex) {
        double[] c = rgb(hex);
        double x = (0.4124 * c[0] + 0.3576 * c[1] + 0.1805 * c[2]) / 0.95047;
        double y = 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
        double z = (0.0193 * c[0] + 0.1192 * c[1] + 0.9505 * c[2]) / 1.08883;
        double fx = f(x), fy = f(y), fz = f(z);
        return new double[] {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
    }

    private static double f(double t) {
        return t > 216.0 / 24389 ? Math.cbrt(t) : (24389.0 / 27 * t + 16) / 116;
    }
}
