package io.datadesk.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.datadesk.data.Column;
import io.datadesk.data.ColumnType;
import io.datadesk.data.QueryResult;
import io.datadesk.yaml.YamlNode;
import java.awt.Font;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.jfree.svg.SVGGraphics2D;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

/**
 * {@link TickLabels} paints the tick labels in place of XChart: the SVG must be the one XChart's own label painting
 * (outlines turned back into text, placeholders recorded) gives, byte for byte, for every kind of axis.
 */
class TickLabelsTest {

    private final ChartRenderer ours = new ChartRenderer(AxisFormats.BUILT_IN, true);
    private final ChartRenderer xcharts = new ChartRenderer(AxisFormats.BUILT_IN, false);

    @Test
    void chartsAreTheSameAsWhenXChartPaintsTheLabels() {
        Random random = new Random(17);
        List<String> types = List.of("line", "area", "bar", "stacked-bar", "scatter", "stacked-area");
        List<String> formats = Arrays.asList(null, "compact", "percent", "number:1", "currency", "signed", "integer");
        List<Locale> locales = List.of(Locale.US, Locale.GERMANY, Locale.FRANCE, Locale.forLanguageTag("zh-CN"));
        int compared = 0;
        for (int i = 0; i < 120; i++) {
            String type = types.get(i % types.size());
            String format = formats.get(random.nextInt(formats.size()));
            Locale locale = locales.get(random.nextInt(locales.size()));
            // ranges from fractions to billions, some crossing zero
            double scale = Math.pow(10, random.nextInt(11) - 2);
            double offset = random.nextInt(4) == 0 ? -scale * random.nextDouble() : 0;
            int n = 3 + random.nextInt(30);
            boolean dates = !type.contains("bar") && random.nextBoolean();
            List<List<Object>> rows = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                Object x = dates ? LocalDate.of(2020, 1, 1).plusMonths(k) : type.contains("bar") ? "Cat " + k : (Object) (double) k;
                rows.add(Arrays.asList(x, offset + scale * random.nextDouble(), scale * random.nextDouble()));
            }
            ColumnType xType = dates ? ColumnType.DATE : type.contains("bar") ? ColumnType.TEXT : ColumnType.DECIMAL;
            QueryResult result = new QueryResult("r", List.of(new Column("x", xType), new Column("a", ColumnType.DECIMAL),
                    new Column("b", ColumnType.DECIMAL)), rows);
            String yaml = "type: " + type + "\ndata: r\nx: x\ny: " + (random.nextBoolean() ? "a" : "[a, b]") + "\ntitle: T\n"
                    + (format != null ? "y-format: " + format + "\n" : "")
                    + (random.nextInt(3) == 0 ? "y-label: Things\n" : "");
            ChartSpec spec = ChartSpec.parse(YamlNode.parse(yaml, "(test)", 1));
            QueryResult checked = spec.check(Map.of("r", result));
            RenderedChart a = ours.render(spec, checked, "c", locale, null);
            RenderedChart b = xcharts.render(spec, checked, "c", locale, null);
            assertThat(a.svg()).as(yaml + locale).isEqualTo(b.svg());
            assertThat(a.svgNarrow()).as(yaml + locale).isEqualTo(b.svgNarrow());
            compared++;
        }
        assertThat(compared).isEqualTo(120);
    }

    @Test
    void theLabelsAreOursAndXChartPaintsNone() {
        XYChart chart = new XYChart(640, 400);
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setYAxisTitleVisible(false);
        chart.addSeries("s", new double[] {100, 101, 102}, new double[] {0, 500, 1000}); // x labels unlike the y ones
        Font tick = ChartFonts.REGULAR.deriveFont(13f);
        TextRecovery texts = new TextRecovery(List.of(tick));
        List<String> asked = new ArrayList<>();
        chart.setCustomYAxisTickLabelsFormatter(v -> {
            String s = String.valueOf(Math.round(v));
            asked.add(s);
            return texts.register(s); // recoverable, as before: a label XChart filled would show up as text too
        });
        TickLabels labels = TickLabels.install(chart, tick, false);
        assertThat(labels).isNotNull();
        SVGGraphics2D svg = new SVGGraphics2D(640, 400);
        TextRecoveringGraphics g = new TextRecoveringGraphics(svg, texts).paintingTickLabels(labels);
        labels.reset();
        chart.paint(g, 640, 400);
        // XChart measured the labels (so it reserved their width) and then found its y labels switched off
        assertThat(asked).contains("0", "1000");
        assertThat(chart.getStyler().isYAxisTicksVisible()).isFalse();
        List<String> drawn = texts.placed().stream().map(TextRecovery.Placed::text).toList();
        assertThat(drawn).contains("0", "1000").doesNotHaveDuplicates();
        assertThat(svg.getSVGElement()).contains(">1000</text>");
        // The next paint lays the labels out again.
        labels.reset();
        assertThat(chart.getStyler().isYAxisTicksVisible()).isTrue();
        assertThat(chart.getStyler().isXAxisTicksVisible()).as("real x labels are XChart's").isTrue();
    }

    @Test
    void placeholdersAreRecordedWhereXChartWouldHaveFilledThem() {
        List<TextRecovery.Placed> ours = placeholders(true), xcharts = placeholders(false);
        assertThat(xcharts).isNotEmpty().allMatch(TextRecovery.Placed::hidden);
        assertThat(ours).hasSameSizeAs(xcharts);
        for (int i = 0; i < ours.size(); i++) {
            assertThat(ours.get(i).x()).isEqualTo(xcharts.get(i).x());
            assertThat(ours.get(i).y()).isEqualTo(xcharts.get(i).y());
        }
    }

    /** The hidden x placeholders of a chart painted with TickLabels or by XChart. */
    private static List<TextRecovery.Placed> placeholders(boolean ours) {
        XYChart chart = new XYChart(320, 300);
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setYAxisTitleVisible(false);
        chart.getStyler().setXAxisMaxLabelCount(6);
        chart.addSeries("s", new double[] {0, 1, 2, 3, 4, 5, 6, 7}, new double[] {3, 5, 1, 8, 2, 9, 4, 6});
        Font tick = ChartFonts.REGULAR.deriveFont(13f);
        TextRecovery texts = new TextRecovery(List.of(tick));
        int[] n = {0};
        chart.setCustomXAxisTickLabelsFormatter(v -> texts.registerHidden(n[0]++ % 2 == 0 ? "\u00d8" : "\u00d8\u200b"));
        chart.setCustomYAxisTickLabelsFormatter(v -> texts.register(String.valueOf(Math.round(v))));
        chart.getStyler().setAxisTickLabelsFont(tick);
        TickLabels labels = ours ? TickLabels.install(chart, tick, true) : null;
        TextRecoveringGraphics g = new TextRecoveringGraphics(new SVGGraphics2D(320, 300), texts).paintingTickLabels(labels);
        g.translate(0, 22);
        if (labels != null) labels.reset();
        chart.paint(g, 320, 300);
        if (ours) assertThat(chart.getStyler().isXAxisTicksVisible()).as("XChart's x loop was skipped").isFalse();
        return texts.placed().stream().filter(TextRecovery.Placed::hidden).toList();
    }
}
