package io.datadesk.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.datadesk.data.QueryResult;
import io.datadesk.yaml.YamlNode;
import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jfree.svg.SVGGraphics2D;
import org.junit.jupiter.api.Test;

class AdvancesTest {

    static final Font TICK = ChartFonts.REGULAR.deriveFont(13f);
    static final Font STRONG = ChartFonts.SEMIBOLD.deriveFont(13f);
    static final FontRenderContext SVG_FRC = new SVGGraphics2D(10, 10).getFontRenderContext();
    static final FontRenderContext FRC = new FontRenderContext(null, true, true);

    static List<String> labels() {
        List<String> out = new ArrayList<>(List.of("2020", "\u201921", "May \u201923", "North America", "Latin America", "Q3 2024",
                "100K", "\u22121,234.5", "2026 (Jan\u2013Jul)", "\u5e74\u5ea6", "AI \u88c1\u5458", "Wide label", "W", "i", " "));
        Random r = new Random(7);
        for (int i = 0; i < 300; i++) {
            StringBuilder sb = new StringBuilder();
            for (int k = 0, n = 1 + r.nextInt(14); k < n; k++) sb.append("abcdefghijklmnopqrstuvwxyz ABCXYZ0123456789.,\u2019\u2026\u4e2d".charAt(r.nextInt(48)));
            out.add(sb.toString());
        }
        return out;
    }

    @Test
    void aCachedAdvanceIsTheAdvanceTheTextIsMeasuredAt() {
        Advances.clear();
        for (String s : labels())
            for (Font f : List.of(TICK, STRONG))
                for (FontRenderContext frc : List.of(SVG_FRC, FRC)) {
                    double measured = ChartRenderer.measure(s, f, frc);
                    assertThat(ChartRenderer.advance(s, f, frc)).as(s).isEqualTo(measured); // first: laid out and kept
                    assertThat(ChartRenderer.advance(s, f, frc)).as(s).isEqualTo(measured); // then: from the cache
                }
        // the weights are told apart: the semibold "Wide label" is wider, from the cache as when measured
        assertThat(ChartRenderer.advance("Wide label", STRONG, SVG_FRC)).isGreaterThan(ChartRenderer.advance("Wide label", TICK, SVG_FRC));
        assertThat(ChartRenderer.advance("", TICK, SVG_FRC)).isZero();
    }

    @Test
    void threadsMeasuringTheSameLabelsAtOnceGetWhatOneThreadMeasures() throws Exception {
        Advances.clear();
        List<String> labels = labels();
        List<Double> expected = new ArrayList<>();
        for (String s : labels) expected.add(ChartRenderer.measure(s, TICK, SVG_FRC));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> wrong = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                long seed = t;
                wrong.add(pool.submit(() -> {
                    List<Integer> order = new ArrayList<>();
                    for (int i = 0; i < labels.size(); i++) order.add(i);
                    Collections.shuffle(order, new Random(seed));
                    List<String> bad = new ArrayList<>();
                    for (int round = 0; round < 3; round++)
                        for (int i : order)
                            if (ChartRenderer.advance(labels.get(i), TICK, SVG_FRC) != expected.get(i)) bad.add(labels.get(i));
                    return bad;
                }));
            }
            for (Future<List<String>> f : wrong) assertThat(f.get()).isEmpty();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFullCacheIsEmptiedAndStillAnswersRight() {
        Advances cache = new Advances(50);
        for (int i = 0; i < 50; i++) cache.advance("label " + i, TICK, SVG_FRC);
        assertThat(cache.size()).isEqualTo(50);
        cache.advance("one more", TICK, SVG_FRC);
        assertThat(cache.size()).isEqualTo(1); // emptied, then the new one kept
        for (int i = 0; i < 120; i++)
            assertThat(cache.advance("label " + i, TICK, SVG_FRC)).isEqualTo(ChartRenderer.measure("label " + i, TICK, SVG_FRC));
        assertThat(cache.size()).isLessThanOrEqualTo(50);
    }

    @Test
    void chartsDrawnFromAnEmptyCacheAndFromAFullOneAreTheSame() {
        ChartRenderer renderer = new ChartRenderer();
        List<String> first = new ArrayList<>(), again = new ArrayList<>();
        for (int pass = 0; pass < 2; pass++) {
            Advances.clear();
            for (var e : ChartGoldenTest.CASES.entrySet()) {
                ChartSpec spec = ChartSpec.parse(YamlNode.parse(e.getValue(), "c.md", 1));
                QueryResult r = spec.check(ChartGoldenTest.results());
                RenderedChart c = renderer.render(spec, r, "chart-1", Locale.US, "data.csv");
                RenderedChart warm = renderer.render(spec, r, "chart-1", Locale.US, "data.csv"); // every label cached by now
                assertThat(warm.html()).as(e.getKey()).isEqualTo(c.html());
                (pass == 0 ? first : again).add(c.html());
            }
        }
        assertThat(again).isEqualTo(first);
    }
}
