package io.datadesk.chart;

import io.datadesk.data.Column;
import io.datadesk.data.ColumnType;
import io.datadesk.data.QueryResult;
import io.datadesk.error.BuildCancelled;
import io.datadesk.i18n.MessageCatalog;
import io.datadesk.i18n.Messages;
import io.datadesk.yaml.YamlNode;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jfree.svg.SVGGraphics2D;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.PieChart;
import org.knowm.xchart.PieSeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.AxesChart;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.CategoryStyler;
import org.knowm.xchart.style.PieStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws a checked {@link ChartSpec} with XChart onto JFreeSVG and returns the SVG and its {@code <figure>}.
 *
 * <p>Each chart is drawn twice, at {@value #WIDE} and {@value #NARROW} px: an SVG scales as a picture, so one drawn
 * for a desktop column would shrink its 13 px labels to 7 px on a phone. CSS (chart.css) shows the one that fits.
 * Thread-safe: no state between calls.
 */
public final class ChartRenderer {

    static final int WIDE = 640;
    static final int NARROW = 320;

    // Colours XChart draws with. They are placeholders: SvgPost swaps each for a CSS custom property (with this
    // colour as fallback), so chart.css can restyle text, grid and series for the dark scheme.
    static final Color TEXT = new Color(0x22, 0x22, 0x22);
    static final Color MUTED = new Color(0x5e, 0x5e, 0x5e);
    static final Color GRID = new Color(0xdd, 0xdd, 0xdd);
    static final Color AXIS = new Color(0x33, 0x33, 0x33);
    static final Color ANNOTATION = new Color(0x77, 0x77, 0x77);
    static final Color BACKGROUND = new Color(0xfe, 0xfe, 0xfe);
    /** The series colours: {@link Palette}. */
    static final Color[] PALETTE = colors(Palette.rgb());

    private static Color[] colors(List<Integer> rgb) {
        Color[] out = new Color[rgb.size()];
        for (int i = 0; i < out.length; i++) out[i] = new Color(rgb.get(i));
        return out;
    }

    /** The series colours of the light scheme, in order (the dark scheme's are in chart.css). */
    public static List<Color> palette() {
        return List.of(PALETTE);
    }

    /**
     * An axis title that fits the drawing's width: a long one would run past the edge on a phone and be cut off
     * mid-letter, so it ends in an ellipsis instead (the data table and the description give it whole). XChart
     * centres the x title on the plot, right of the y tick labels, so that one gets about 56 px less than the width.
     */
    static String fitLabel(String label, Font font, double max) {
        FontRenderContext frc = new FontRenderContext(null, true, true);
        if (font.getStringBounds(label, frc).getWidth() <= max) return label;
        String t = label;
        while (t.length() > 1 && font.getStringBounds(t + "\u2026", frc).getWidth() > max) t = t.substring(0, t.length() - 1);
        return t.strip() + "\u2026";
    }

    /** Marks the x tick labels XChart lays out only to reserve their space; we draw the real ones. */
    private static final String PLACEHOLDER = "\u00d8";

    /**
     * Placeholders alternate: XChart draws no x labels at all when neighbours repeat. The zero-width space changes
     * neither the outline nor the width.
     */
    private static String placeholder(int i) {
        return i % 2 == 0 ? PLACEHOLDER : PLACEHOLDER + "\u200b";
    }

    private final AxisFormats.Lookup formats;

    public ChartRenderer() {
        this(AxisFormats.BUILT_IN);
    }

    /** @param formats resolves {@code x-format}/{@code y-format} names (pass ValueFormat's lookup when it lands) */
    public ChartRenderer(AxisFormats.Lookup formats) {
        this(formats, true);
    }

    /** Whether the tick labels are painted by {@link TickLabels}; false: by XChart (the tests compare the two). */
    private final boolean ownTickLabels;

    ChartRenderer(AxisFormats.Lookup formats, boolean ownTickLabels) {
        this.formats = formats;
        this.ownTickLabels = ownTickLabels;
    }

    private static final AtomicBoolean STARTED = new AtomicBoolean();

    /**
     * Draws two small charts (a monthly line, bars by category) on a daemon thread of their own and throws them away,
     * once per process. The first chart of a process otherwise pays, on its page's thread, for starting AWT's fonts
     * (the font configuration, the bundled Inter), loading and linking XChart, JFreeSVG and Java2D's text classes and
     * running them interpreted: most of a one-page report's chart time. Called when a page with charts has been
     * parsed, this runs beside the page's data loading, when a core is mostly idle. The caches it fills (advances,
     * outlines) hold what a measurement gives, so no chart changes (AdvancesTest).
     */
    public static void startEarly() {
        if (!STARTED.compareAndSet(false, true)) return;
        Thread t = new Thread(ChartRenderer::warmUp, "datadesk-chart-start");
        t.setDaemon(true);
        t.start();
    }

    private static void warmUp() {
        try {
            warmUpCharts();
        } catch (RuntimeException | LinkageError e) {
            // Nothing to report: a chart that cannot be drawn fails in the same way on its page, which reports it.
        }
    }

    /** The charts {@link #startEarly} draws: a monthly line and bars by category, the most common kinds. */
    static List<RenderedChart> warmUpCharts() {
        List<List<Object>> months = new ArrayList<>(), regions = new ArrayList<>();
        for (int i = 0; i < 24; i++) months.add(Arrays.asList(LocalDate.of(2020, 1, 1).plusMonths(i), 800.0 + i * 37 % 300));
        for (String r : List.of("North", "South", "East", "West")) regions.add(Arrays.asList(r, 5000.0 + r.length() * 1500));
        Map<String, QueryResult> results = Map.of(
                "m", new QueryResult("m", List.of(new Column("month", ColumnType.DATE), new Column("value", ColumnType.DECIMAL)), months),
                "r", new QueryResult("r", List.of(new Column("region", ColumnType.TEXT), new Column("value", ColumnType.DECIMAL)), regions));
        ChartRenderer renderer = new ChartRenderer();
        List<RenderedChart> drawn = new ArrayList<>();
        for (String yaml : List.of("type: line\ndata: m\nx: month\ny: value\ntitle: Per month\n",
                "type: bar\ndata: r\nx: region\ny: value\ntitle: By region\n")) {
            ChartSpec spec = ChartSpec.parse(YamlNode.parse(yaml, "(chart warm-up)", 1));
            drawn.add(renderer.render(spec, spec.check(results), "warm-up", Locale.ENGLISH, null));
        }
        return drawn;
    }

    /**
     * Renders a chart block.
     *
     * @param result the result named by {@code data:}, checked with {@link ChartSpec#check}
     * @param idPrefix unique within the page (several charts share one document), e.g. "chart-3"
     * @param csvHref where the caller wrote the result as CSV, linked as "Download the data (CSV)"; null for no link
     */
    public RenderedChart render(ChartSpec spec, QueryResult result, String idPrefix, Locale locale, String csvHref) {
        return render(spec, result, idPrefix, locale, csvHref, MessageCatalog.builtIn().forLocale(locale));
    }

    /** As above, with the words of the chart (legends, "No data", the description, the caption's links) from {@code msg}. */
    public RenderedChart render(ChartSpec spec, QueryResult result, String idPrefix, Locale locale, String csvHref,
                                Messages msg) {
        BuildCancelled.check(); // drawing is the build's longest step: a cancelled build draws no more
        Function<Object, String> yFormat = format(spec, "y-format", spec.yFormat(), locale);
        Function<Object, String> xFormat = format(spec, "x-format", spec.xFormat(), locale);
        ChartData data = ChartData.of(spec, result);
        BuildCancelled.check();
        // Ticks may name years on a monthly axis; a tooltip, the description and the table name each month.
        Function<Object, String> pointX = pointFormat(xFormat, data);
        List<String> colors = colors(spec, data);
        // Descriptions name exact numbers: "89,709", not the axis's compact "89.7K".
        Function<Object, String> exact = spec.yFormat() != null && spec.yFormat().trim().startsWith("compact") ? null
                // "percent:0" rounds 0.6% to "1%" on an axis; a description names the value as the prose does
                : spec.yFormat() != null && spec.yFormat().trim().startsWith("percent") ? v -> v instanceof Number n ? Figure.share(n.doubleValue(), locale) : String.valueOf(v)
                : yFormat;
        String description = spec.alt() != null ? spec.alt() : Describe.describe(spec, data, pointX, exact, locale, msg);
        String wide = "", narrow = "";
        if (spec.type() != ChartType.HBAR) {
            wide = draw(spec, data, idPrefix + "-w", null, WIDE, locale, xFormat, pointX, yFormat, description, colors, msg).svg();
            // The phone drawing is named and described by the desktop one's <title> and <desc>, which it does not repeat.
            Drawing phone = draw(spec, data, idPrefix + "-n", idPrefix + "-w", NARROW, locale, xFormat, pointX, yFormat, description, colors, msg);
            // A phone never gets bars some of which are unnamed: when even wrapped and abbreviated labels cannot name
            // every category, its bars are drawn as an hbar, whose rows name each one in full.
            narrow = phone.namesAll() ? phone.svg() : "";
        }
        String html = Figure.html(spec, data, result, idPrefix, wide, narrow, colors, locale, pointX, yFormat, csvHref, description, msg);
        return new RenderedChart(wide, narrow, html, description);
    }

    /**
     * The format that names one x value: the author's {@code x-format} when it tells every value apart, else (a
     * "yyyy" format on monthly dates) null, which names dates at the data's own precision ("May 2023").
     */
    static Function<Object, String> pointFormat(Function<Object, String> xFormat, ChartData data) {
        if (xFormat == null || data.xKind() != XValues.Kind.DATE) return xFormat;
        Set<String> seen = new HashSet<>();
        for (Object x : data.xs()) if (!seen.add(xFormat.apply(x))) return null;
        return xFormat;
    }

    private Function<Object, String> format(ChartSpec spec, String key, String name, Locale locale) {
        if (name == null) return null;
        try {
            return formats.resolve(name, locale);
        } catch (IllegalArgumentException e) {
            throw spec.at(key).fail(e.getMessage(), "");
        }
    }

    /** CSS colour per series: the author's, or the palette's custom properties. */
    static List<String> colors(ChartSpec spec, ChartData data) {
        int n = spec.type().isPart() || spec.type() == ChartType.HBAR ? data.xs().size() : data.series().size();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (!spec.colors().isEmpty()) out.add(spec.colors().get(i % spec.colors().size()));
            else out.add("var(--dd-s" + (i % PALETTE.length) + "," + hex(PALETTE[i % PALETTE.length]) + ")");
        }
        return out;
    }

    // ---------------------------------------------------------------- drawing

    /** One drawing, and whether it names every bar category (always true for charts without categories). */
    private record Drawing(String svg, boolean namesAll) {}

    /** @param labelledBy the id of the drawing whose title and description this one shares, or null (see SvgPost.finish) */
    private Drawing draw(ChartSpec spec, ChartData data, String id, String labelledBy, int width, Locale locale,
                        Function<Object, String> xFormat, Function<Object, String> pointX, Function<Object, String> yFormat, String description, List<String> colors,
                        Messages msg) {
        boolean narrow = width == NARROW;
        int height = (int) Math.round(width * spec.height() * (narrow ? 1.25 : 1));
        Font tick = ChartFonts.TICK;
        Font strong = ChartFonts.STRONG;
        TextRecovery texts = new TextRecovery(List.of(tick, strong));
        // Room above the plot for the y-axis label, newsroom style: horizontal above the axis, not rotated.
        int top = spec.yLabel() != null && !spec.type().isPart() ? 22 : 6;
        SVGGraphics2D svg = canvas(id, width, height + top);
        TextRecoveringGraphics g = new TextRecoveringGraphics(svg, texts);
        g.translate(0, top);

        Color[] seriesColors = seriesColors(spec, colors.size());
        boolean empty = data.isEmpty();
        Chart<?, ?> chart;
        Overlay overlay = new Overlay(top);
        // Room at the right for the names of lines drawn at their ends (labels: end).
        int reserve = 0;
        if (spec.endLabels() && !empty) {
            FontRenderContext frc = svg.getFontRenderContext();
            for (ChartData.Series ser : data.series()) reserve = Math.max(reserve, (int) Math.ceil(advance(ser.name(), tick, frc)) + 10);
            reserve = Math.min(reserve, width / 3);
        }
        int plotWidth = width - reserve;
        if (spec.type().isPart() && !empty) {
            chart = pie(spec, data, width, height, seriesColors);
        } else if (spec.type().isCategory() && !empty) {
            chart = bars(spec, data, width, height, tick, texts, yFormat, locale, seriesColors, overlay);
        } else {
            chart = xy(spec, data, plotWidth, height, tick, texts, xFormat, yFormat, locale, seriesColors, overlay, empty);
        }
        int chartHeight = height;
        if (spec.type().isCategory() && !empty) {
            // Category labels that wrap need lines under the axis; the plot gives up that height. The slot width is
            // estimated before layout (the y labels take about 50 px); Overlay lays the labels out on the real one.
            double slot = (plotWidth - 56.0) / Math.max(1, data.xs().size());
            FontRenderContext frc = svg.getFontRenderContext();
            int lines = CategoryLabels.plan(categoryLabels(data, xFormat, locale), slot, CategoryLabels.MAX_LINES, s -> advance(s, tick, frc),
                    54 + slot / 2, slot / 2 + 4, locale).height();
            overlay.labelLines = lines;
            int extra = (int) Math.ceil((lines - 1) * tick.getSize2D() * 1.2);
            // An x-axis title moves down below the extra lines (XChart lays it out under one line of labels);
            // without one, the plot gives up their height.
            boolean titled = spec.xLabel() != null;
            chartHeight = titled ? height : height - extra;
            if (lines > 1) {
                chart = bars(spec, data, plotWidth, chartHeight, tick, texts, yFormat, locale, seriesColors, overlay);
                if (titled) {
                    AxesChartStyler st = (AxesChartStyler) chart.getStyler();
                    st.setAxisTitlePadding(st.getAxisTitlePadding() + extra);
                }
            }
        }
        // The first drawing is also coverData's first layout: usually its ticks cover the data and it is kept; when
        // not, the range is widened as coverData does and the chart drawn again on a new canvas.
        boolean checkCover = chart instanceof AxesChart<?, ?> && !empty && !spec.type().isPart()
                && !spec.yLog() && overlay.yTicks != null;
        // The tick labels are painted without XChart's text layout (see TickLabels); the x axis's only when they are
        // placeholders (calendar and category axes: the overlay draws their labels).
        boolean xPlaceholders = overlay.calendar || overlay.categories || data.xKind() == XValues.Kind.CATEGORY;
        TickLabels labels = ownTickLabels && chart instanceof AxesChart<?, ?> axes && !empty ? TickLabels.install(axes, tick, xPlaceholders) : null;
        if (checkCover) overlay.yTicks.clear();
        paint(chart, g.paintingTickLabels(labels), labels, plotWidth, chartHeight);
        if (checkCover && widen(spec, data, chart, overlay)) {
            coverData(spec, data, (AxesChart<?, ?>) chart, overlay, plotWidth, chartHeight, 1, labels);
            texts.placed().clear();
            svg = canvas(id, width, height + top);
            g = new TextRecoveringGraphics(svg, texts).paintingTickLabels(labels);
            g.translate(0, top);
            paint(chart, g, labels, plotWidth, chartHeight);
        }
        g.flush();

        svg.setTransform(new AffineTransform());
        svg.setClip(null);
        List<Marks.Hit> hits = List.of();
        if (chart instanceof AxesChart<?, ?> axes && !empty) {
            overlay.draw(svg, axes, spec, data, texts, tick, strong, locale, xFormat, plotWidth);
            // A phone drawing that cannot name every bar is replaced by horizontal bars (see render): nothing more of
            // it is drawn or written.
            if (narrow && !overlay.namesAll) return new Drawing("", false);
            Marks marks = new Marks(svg, axes, top).in(msg);
            Function<Double, String> yText = v -> yFormat != null ? yFormat.apply(v) : AxisFormats.auto(v, locale);
            Function<Object, String> xNames = pointX != null ? pointX : Describe.xNames(data.xs(), data.xKind(), locale, false);
            Function<Integer, String> xText = i -> xNames.apply(data.xs().get(i));
            switch (spec.type()) {
                case BAR, STACKED_BAR -> marks.bars(data, spec.type().isStacked(), barFill(data), overlay.yMin, seriesColors, xText, yText);
                case LINE, AREA -> marks.lines(data, spec.type() == ChartType.AREA, overlay.yMin, overlay.yMax, seriesColors, xText, yText);
                case SCATTER -> {
                    Function<Double, String> xNum = v -> data.xKind() == XValues.Kind.DATE ? Describe.xText(LocalDate.ofEpochDay(Math.round(v)),
                            List.of(), XValues.Kind.DATE, locale, false) : xFormat != null ? xFormat.apply(v) : AxisFormats.auto(v, locale);
                    marks.points(data, seriesColors, spec.size() != null, plotWidth, xNum, yText, v -> AxisFormats.auto(v, locale));
                }
                default -> { }
            }
            if (spec.endLabels()) marks.endLabels(data, seriesColors, tick, axes.getScreenXFromChart(overlay.xMax) + 6);
            hits = marks.hits();
        }
        if (spec.yLabel() != null && !spec.type().isPart()) {
            svg.setFont(tick);
            svg.setPaint(MUTED);
            svg.drawString(fitLabel(spec.yLabel(), tick, width - (narrow ? 8 : 16)), (float) (narrow ? 4 : 8), 15f);
        }
        if (empty) {
            svg.setFont(strong);
            svg.setPaint(MUTED);
            String noData = msg.get("chart.no_data");
            float w = (float) advance(noData, strong, svg.getFontRenderContext());
            svg.drawString(noData, (width - w) / 2f, top + height / 2f);
        }
        // Tooltips only on the wide drawing: phones cannot hover, and each costs bytes on every page view.
        return new Drawing(SvgPost.finish(svg.getSVGElement(), id, width, height + top, spec.title(), description,
                labelledBy, seriesColors, colors,
                narrow ? List.of() : hits), overlay.namesAll);
    }

    /** The labels of a bar chart's categories, as drawn under them (abbreviated months). */
    static List<String> categoryLabels(ChartData data, Function<Object, String> xFormat, Locale locale) {
        List<String> out = new ArrayList<>();
        Function<Object, String> names = xFormat != null ? xFormat : Describe.xNames(data.xs(), data.xKind(), locale, true);
        for (Object x : data.xs()) out.add(names.apply(x));
        return out;
    }

    private static Color[] seriesColors(ChartSpec spec, int n) {
        Color[] out = new Color[Math.max(1, n)];
        for (int i = 0; i < out.length; i++) {
            if (!spec.colors().isEmpty()) out[i] = Color.decode(expand(spec.colors().get(i % spec.colors().size())));
            else out[i] = PALETTE[i % PALETTE.length];
        }
        return out;
    }

    /** The share of each category's slot its bars fill (XChart's available space fill). */
    static double barFill(ChartData data) {
        return data.xs().size() > 24 ? 0.85 : 0.7;
    }

    /** A new SVG canvas for drawing {@code id}: ids prefixed, numbers compact, text in the charts' font. */
    private static SVGGraphics2D canvas(String id, int width, int height) {
        SVGGraphics2D svg = new SVGGraphics2D(width, height);
        svg.setDefsKeyPrefix(id + "-");
        svg.setGeomDoubleConverter(SvgPost::num);
        svg.setTransformDoubleConverter(SvgPost::num);
        svg.setFontFunction(f -> ChartFonts.FAMILY);
        return svg;
    }

    /**
     * XChart picks its own tick step, which need not divide our rounded range: a peak of 14.8 on an axis to 15 with
     * ticks every 2 ends the grid at 14, under the data. A dry run reads the ticks XChart would draw; when the
     * outermost tick falls inside the data, the range is widened to the next tick and the chart laid out again.
     * Layouts {@code from} on are dry runs here: the caller's drawing was layout 0 (see draw).
     */
    private static void coverData(ChartSpec spec, ChartData data, AxesChart<?, ?> chart,
                                  Overlay overlay, int width, int height, int from, TickLabels labels) {
        for (int attempt = from; attempt < 2; attempt++) {
            overlay.yTicks.clear();
            paint(chart, new MeasuringGraphics(new SVGGraphics2D(width, height), labels), labels, width, height);
            if (!widen(spec, data, chart, overlay)) break;
        }
        overlay.yTicks.clear();
    }

    /** One layout and paint of the chart; XChart measures the tick labels again each time (see TickLabels). */
    private static void paint(Chart<?, ?> chart, java.awt.Graphics2D g, TickLabels labels, int width, int height) {
        if (labels != null) labels.reset();
        chart.paint(g, width, height);
    }

    /**
     * After a layout: when the ticks XChart asked us to label ({@code overlay.yTicks}) end inside the data, widens the
     * y range to the next tick on that side and returns true.
     */
    private static boolean widen(ChartSpec spec, ChartData data, Chart<?, ?> chart, Overlay overlay) {
        double hi = spec.type().isStacked() ? Arrays.stream(data.stackTotals()).max().orElse(1) : data.maxY();
        double lo = spec.type().isStacked() ? Math.min(0, data.minY()) : data.minY();
        // XChart also asks labels for the range's ends and for ticks beyond them (it draws only those inside):
        // only ticks inside the range we set are drawn, so only they say where the grid ends.
        double slack = (overlay.yMax - overlay.yMin) * 1e-9; // XChart pads the ends it asks about by 1e-6 of the range
        // A sorted set, not a stream's distinct().sorted(): this runs after every layout of every chart, mostly before
        // the JIT has compiled it, where a stream pipeline costs many times a loop (17 samples of a data build).
        TreeSet<Double> inside = new TreeSet<>();
        for (Double t : overlay.yTicks) if (t >= overlay.yMin - slack && t <= overlay.yMax + slack) inside.add(t);
        List<Double> ticks = new ArrayList<>(inside);
        if (ticks.size() < 2) return false;
        double step = ticks.get(1) - ticks.get(0);
        double top = ticks.get(ticks.size() - 1), bottom = ticks.get(0);
        double eps = step * 1e-6;
        boolean grow = spec.yMax() == null && hi > top + eps, shrink = spec.yMin() == null && lo < bottom - eps;
        if (!grow && !shrink) return false;
        if (grow) overlay.yMax = Math.ceil((hi - eps) / step) * step;
        if (shrink) overlay.yMin = Math.floor((lo + eps) / step) * step;
        yAxis((AxesChartStyler) chart.getStyler(), new double[] {overlay.yMin, overlay.yMax}, false);
        return true;
    }

    private static void newsroom(AxesChartStyler s, Font tick, Locale locale, Color[] colors) {
        s.setChartBackgroundColor(BACKGROUND);
        s.setPlotBackgroundColor(BACKGROUND);
        s.setPlotBorderVisible(false);
        s.setChartTitleVisible(false);
        s.setLegendVisible(false); // the legend is HTML above the chart: it wraps on phones and reads at text size
        s.setPlotGridVerticalLinesVisible(false);
        s.setPlotGridHorizontalLinesVisible(true);
        s.setPlotGridLinesColor(GRID);
        s.setPlotGridLinesStroke(new BasicStroke(1f));
        s.setAxisTicksMarksVisible(false);
        s.setAxisTicksLineVisible(false);
        s.setPlotTicksMarksVisible(false);
        s.setAxisTickLabelsFont(tick);
        s.setAxisTickLabelsColor(MUTED);
        s.setAxisTitleFont(tick);
        s.setXAxisTitleColor(MUTED);
        s.setYAxisTitleColor(MUTED);
        s.setYAxisTitleVisible(false);
        s.setAxisTickPadding(6);
        s.setAxisTitlePadding(6);
        s.setChartPadding(6);
        s.setPlotMargin(0);
        s.setChartFontColor(TEXT);
        s.setBaseFont(tick);
        s.setLegendFont(tick);
        s.setAnnotationTextFont(tick);
        s.setLocale(locale);
        s.setTimezone(TimeZone.getTimeZone("UTC"));
        s.setSeriesColors(colors);
        s.setAntiAlias(true);
        s.setYAxisTickMarkSpacingHint(44);
    }

    private XYChart xy(ChartSpec spec, ChartData data, int width, int height, Font tick, TextRecovery texts,
                       Function<Object, String> xFormat, Function<Object, String> yFormat, Locale locale,
                       Color[] colors, Overlay overlay, boolean empty) {
        XYChart c = new XYChart(width, height);
        AxesChartStyler s = c.getStyler();
        newsroom(s, tick, locale, colors);
        c.getStyler().setMarkerSize(spec.type() == ChartType.SCATTER ? 7 : 0);
        // Lines run to the plot's edges (the grid's width); scatter dots keep a margin so none is cut in half.
        s.setPlotContentSize(spec.type() == ChartType.SCATTER ? 0.94 : 1.0);
        boolean dates = data.xKind() == XValues.Kind.DATE;
        xAxisTitle(c::setXAxisTitle, s, spec, tick, width, texts);
        if (empty) {
            c.addSeries(" ", new double[] {0, 1}, new double[] {Double.NaN, Double.NaN});
            s.setXAxisTicksVisible(false);
            s.setYAxisTicksVisible(false);
            s.setPlotGridHorizontalLinesVisible(false);
            return c;
        }
        valueAxis(c, spec, yRange(spec, data, spec.type() == ChartType.AREA || spec.type() == ChartType.STACKED_AREA), overlay, texts, yFormat, locale);
        s.setXAxisLogarithmic(spec.xLog());
        s.setYAxisLogarithmicDecadeOnly(true);
        s.setXAxisLogarithmicDecadeOnly(true);
        // Bubbles need room at the plot's edges so the largest is not cut in half.
        if (spec.size() != null) s.setPlotContentSize(0.84);
        if (dates || data.xKind() == XValues.Kind.CATEGORY) {
            // Calendar-aligned ticks are ours (CalendarTicks); XChart's x labels only reserve a line of space.
            int[] count = {0};
            // Equally spaced x values make XChart lay out a label per value; a handful is enough to reserve the row.
            s.setXAxisMaxLabelCount(6);
            c.setCustomXAxisTickLabelsFormatter(v -> texts.registerHidden(placeholder(count[0]++)));
            overlay.calendar = dates;
        } else {
            c.setCustomXAxisTickLabelsFormatter(v -> texts.register(xFormat != null ? xFormat.apply(v) : AxisFormats.number(v, 2, false, locale)));
        }
        double xMin = Double.POSITIVE_INFINITY, xMax = Double.NEGATIVE_INFINITY;
        for (ChartData.Series ser : data.series())
            for (double x : ser.x()) {
                xMin = Math.min(xMin, x);
                xMax = Math.max(xMax, x);
            }
        double fromX = ChartSpec.position(spec.xMin(), dates), toX = ChartSpec.position(spec.xMax(), dates);
        if (!Double.isNaN(fromX)) xMin = fromX;
        if (!Double.isNaN(toX)) xMax = toX;
        if (spec.type() != ChartType.SCATTER || !Double.isNaN(fromX) || !Double.isNaN(toX)) {
            s.setXAxisMin(xMin);
            s.setXAxisMax(xMax == xMin ? xMin + 1 : xMax);
        }
        overlay.xMin = xMin;
        overlay.xMax = xMax;
        List<ChartData.Series> series = data.series();
        if (spec.type() == ChartType.STACKED_AREA) series = stacked(series);
        // Stacked areas are cumulative sums drawn top band first, so each lower band covers the one above it.
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < series.size(); i++) order.add(i);
        if (spec.type() == ChartType.STACKED_AREA) Collections.reverse(order);
        for (int i : order) {
            ChartData.Series ser = series.get(i);
            double[] y = ser.y();
            if (spec.type() == ChartType.LINE || spec.type() == ChartType.AREA) {
                // Estimates and partial periods are drawn dashed by Marks; XChart draws the solid rest.
                y = y.clone();
                for (int k = 0; k < y.length; k++) if (ser.flagged(k)) y[k] = Double.NaN;
            }
            XYSeries xs = c.addSeries("s" + i, ser.x(), y);
            Color col = colors[i % colors.length];
            xs.setLineColor(col);
            xs.setMarkerColor(col);
            switch (spec.type()) {
                case SCATTER -> {
                    xs.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                    xs.setMarker(SeriesMarkers.CIRCLE);
                    xs.setMarkerColor(new Color(col.getRed(), col.getGreen(), col.getBlue(), 191)); // overlapping dots stay visible
                    if (spec.size() != null) xs.setMarker(SeriesMarkers.NONE); // bubbles are drawn by Marks
                }
                case AREA -> {
                    xs.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
                    xs.setFillColor(new Color(col.getRed(), col.getGreen(), col.getBlue(), 64));
                    xs.setMarker(SeriesMarkers.NONE);
                    xs.setLineStyle(new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                }
                case STACKED_AREA -> {
                    xs.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
                    xs.setFillColor(col);
                    xs.setMarker(SeriesMarkers.NONE);
                    xs.setLineStyle(new BasicStroke(1f));
                }
                default -> {
                    xs.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
                    xs.setMarker(SeriesMarkers.NONE);
                    xs.setLineStyle(new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                }
            }
        }
        overlay.xs = data.xs();
        overlay.xPos = data.xPos();
        return c;
    }

    private static List<ChartData.Series> stacked(List<ChartData.Series> series) {
        List<ChartData.Series> out = new ArrayList<>();
        double[] run = null;
        for (ChartData.Series s : series) {
            double[] y = s.y().clone();
            // A band with a missing value leaves a gap, and so does every band stacked on it: its top is unknown.
            for (int i = 0; i < y.length; i++) y[i] = (run == null ? 0 : run[i]) + y[i];
            run = y;
            out.add(new ChartData.Series(s.name(), s.x(), y));
        }
        return out;
    }

    private CategoryChart bars(ChartSpec spec, ChartData data, int width, int height, Font tick, TextRecovery texts,
                               Function<Object, String> yFormat, Locale locale, Color[] colors, Overlay overlay) {
        CategoryChart c = new CategoryChart(width, height);
        CategoryStyler s = c.getStyler();
        newsroom(s, tick, locale, colors);
        s.setStacked(spec.type() == ChartType.STACKED_BAR);
        s.setOverlapped(false);
        s.setAvailableSpaceFill(barFill(data));
        xAxisTitle(c::setXAxisTitle, s, spec, tick, width, texts);
        double[] range = yRange(spec, data, !spec.yLog());
        valueAxis(c, spec, range, overlay, texts, yFormat, locale);
        List<String> placeholders = new ArrayList<>();
        for (int i = 0; i < data.xs().size(); i++) placeholders.add(texts.registerHidden(placeholder(i)));
        for (int i = 0; i < data.series().size(); i++) {
            double[] y = data.series().get(i).y();
            List<Double> ys = new ArrayList<>();
            // A missing value is a zero-height bar to XChart; Marks draws the visible no-data mark in its place.
            for (double v : y) ys.add(Double.isNaN(v) ? (spec.yLog() ? range[0] : 0.0) : v);
            CategorySeries cs = c.addSeries("s" + i, placeholders, ys);
            cs.setFillColor(colors[i % colors.length]);
            cs.setLineColor(colors[i % colors.length]);
        }
        overlay.categories = true;
        overlay.xs = data.xs();
        return c;
    }

    private PieChart pie(ChartSpec spec, ChartData data, int width, int height, Color[] colors) {
        PieChart c = new PieChart(width, height);
        PieStyler s = c.getStyler();
        s.setChartBackgroundColor(BACKGROUND);
        s.setPlotBackgroundColor(BACKGROUND);
        s.setPlotBorderVisible(false);
        s.setChartTitleVisible(false);
        s.setLegendVisible(false); // values and shares are in the HTML legend: readable, and no labels to collide
        s.setLabelsVisible(false);
        s.setSumVisible(false);
        s.setChartPadding(6);
        s.setPlotContentSize(0.92);
        s.setSliceBorderWidth(0); // XChart 4.0.3 mirrors the border lines of clockwise pies; each slice keeps its 1px outline
        s.setStartAngleInDegrees(0);
        s.setClockwiseDirectionType(PieStyler.ClockwiseDirectionType.CLOCKWISE);
        s.setSeriesColors(colors);
        s.setDefaultSeriesRenderStyle(spec.type() == ChartType.DONUT ? PieSeries.PieSeriesRenderStyle.Donut : PieSeries.PieSeriesRenderStyle.Pie);
        s.setDonutThickness(0.42);
        double[] y = data.series().get(0).y();
        for (int i = 0; i < data.xs().size(); i++) {
            PieSeries p = c.addSeries("s" + i, Double.isNaN(y[i]) ? 0 : Math.max(0, y[i]));
            p.setFillColor(colors[i % colors.length]);
        }
        return c;
    }

    /** Rounded y range: bars and areas start at zero unless told; the top is the next round step above the data. */
    static double[] yRange(ChartSpec spec, ChartData data, boolean fromZero) {
        if (spec.yLog()) {
            // Whole decades: a log axis reads by powers of ten.
            double min = data.series().stream().flatMapToDouble(x -> Arrays.stream(x.y())).filter(d -> d > 0).min().orElse(1);
            double max = Math.max(min, data.maxY());
            double from = spec.yMin() != null && spec.yMin() > 0 ? spec.yMin() : Math.pow(10, Math.floor(Math.log10(min)));
            double to = spec.yMax() != null ? spec.yMax() : Math.pow(10, Math.ceil(Math.log10(max)));
            return new double[] {from, to > from ? to : from * 10};
        }
        double lo = data.minY(), hi = spec.type().isStacked() ? Arrays.stream(data.stackTotals()).max().orElse(1) : data.maxY();
        if (spec.type().isStacked()) lo = Math.min(0, lo);
        for (ChartSpec.Annotation a : spec.annotations()) if (!a.vertical()) {
            lo = Math.min(lo, a.y());
            hi = Math.max(hi, a.y());
        }
        if (fromZero || lo >= 0 && lo < hi * 0.35) lo = Math.min(0, lo);
        if (spec.yMin() != null) lo = spec.yMin();
        if (spec.yMax() != null) hi = spec.yMax();
        if (hi <= lo) hi = lo + 1;
        double step = niceStep((hi - lo) / 5);
        double min = spec.yMin() != null ? lo : Math.floor(lo / step) * step;
        double max = spec.yMax() != null ? hi : Math.ceil(hi / step) * step;
        return new double[] {min, max};
    }

    /**
     * The value (y) axis of bar and XY charts alike: its range and scale, and tick labels in the chart's format,
     * each value XChart asks about recorded so that coverData can tell where the grid ends.
     */
    private static void valueAxis(AxesChart<?, ?> c, ChartSpec spec, double[] range, Overlay overlay, TextRecovery texts,
                                  Function<Object, String> yFormat, Locale locale) {
        AxesChartStyler s = (AxesChartStyler) c.getStyler();
        s.setYAxisLogarithmic(spec.yLog());
        yAxis(s, range, spec.yLog());
        overlay.yMin = range[0];
        overlay.yMax = range[1];
        List<Double> yTicks = new ArrayList<>();
        overlay.yTicks = yTicks;
        // XChart asks for the label of each tick several times a layout (to size the axis, then to draw): each value
        // is formatted once.
        Map<Double, String> labels = new HashMap<>();
        c.setCustomYAxisTickLabelsFormatter(v -> {
            yTicks.add(v);
            return texts.register(labels.computeIfAbsent(v, x -> yLabel(x, yFormat, locale)));
        });
    }

    /**
     * XChart leaves out a tick that falls exactly on the axis end when the plot fills its area, which would drop
     * the "0" under a baseline. A range wider by a millionth keeps both end ticks and moves nothing visibly.
     */
    private static void yAxis(AxesChartStyler s, double[] range, boolean log) {
        if (log) {
            s.setYAxisMin(range[0] / (1 + 1e-6));
            s.setYAxisMax(range[1] * (1 + 1e-6));
            return;
        }
        double pad = (range[1] - range[0]) * 1e-6;
        s.setYAxisMin(range[0] - pad);
        s.setYAxisMax(range[1] + pad);
    }

    static double niceStep(double raw) {
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / p;
        return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10) * p;
    }

    private static String yLabel(Double v, Function<Object, String> yFormat, Locale locale) {
        double r = Math.abs(v) < 1e-9 ? 0 : v; // XChart's tick arithmetic leaves -0.0 and 1e-17 behind
        return yFormat != null ? yFormat.apply(r) : AxisFormats.number(r, 2, false, locale);
    }

    static double advance(String s, Font f, FontRenderContext frc) {
        if (s.isEmpty()) return 0;
        return Advances.of(s, f, frc);
    }

    /** {@link #advance} laid out, without the cache. */
    static double measure(String s, Font f, FontRenderContext frc) {
        // CJK ideographs, kana, hangul and full-width punctuation are not in the bundled Inter; the browser draws them
        // with a CJK font (see site.css), in which practically every such character advances exactly 1 em. They are
        // measured as 1 em here, the same on every machine whatever fonts it has, so CJK labels are spaced as drawn.
        int cjk = 0;
        StringBuilder rest = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (isFullWidth(cp)) cjk++;
            else rest.appendCodePoint(cp);
            i += Character.charCount(cp);
        }
        double latin = rest.length() == 0 ? 0 : cjk == 0 ? new TextLayout(s, f, frc).getAdvance() : new TextLayout(rest.toString(), f, frc).getAdvance();
        return latin + cjk * f.getSize2D();
    }

    /** Characters a CJK font draws 1 em wide: Han, kana, hangul, CJK and full-width punctuation. */
    /**
     * The x-axis title, if the chart has one. XChart reserves a title's height from its glyph outlines in the
     * measuring font, which has no CJK glyphs: a title wholly in CJK characters measured 0 px high and was drawn over
     * the tick labels. Such a title gets its one line of height as padding instead.
     */
    private static void xAxisTitle(Consumer<String> setTitle, AxesChartStyler s,
                                   ChartSpec spec, Font tick, int width, TextRecovery texts) {
        if (spec.xLabel() == null) {
            s.setXAxisTitleVisible(false);
            return;
        }
        setTitle.accept(texts.register(fitLabel(spec.xLabel(), tick, width - 56)));
        if (spec.xLabel().codePoints().filter(cp -> !Character.isWhitespace(cp)).allMatch(ChartRenderer::isFullWidth))
            s.setAxisTitlePadding(6 + (int) Math.ceil(tick.getSize2D()));
    }

    static boolean isFullWidth(int cp) {
        Character.UnicodeScript sc = Character.UnicodeScript.of(cp);
        return sc == Character.UnicodeScript.HAN || sc == Character.UnicodeScript.HIRAGANA || sc == Character.UnicodeScript.KATAKANA
                || sc == Character.UnicodeScript.HANGUL || (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF01 && cp <= 0xFF60);
    }

    /** "#rrggbb", lower case; by hand: String.format is the dearer way, and every chart names its colours. */
    static String hex(Color c) {
        int rgb = c.getRGB() & 0xffffff;
        char[] out = new char[7];
        out[0] = '#';
        for (int i = 6; i >= 1; i--, rgb >>>= 4) out[i] = Character.forDigit(rgb & 0xf, 16);
        return new String(out);
    }

    private static String expand(String hex) {
        return hex.length() == 4 ? "#" + hex.charAt(1) + hex.charAt(1) + hex.charAt(2) + hex.charAt(2) + hex.charAt(3) + hex.charAt(3) : hex;
    }

    /** What we draw over XChart's plot: calendar ticks, category labels, annotations, the zero line. */
    static final class Overlay {
        final int offset;
        double yMin, yMax, xMin, xMax;
        boolean calendar, categories;
        /** Lines of text reserved under the x axis for wrapped category labels. */
        int labelLines = 1;
        /** Whether every bar category got a label (false when they had to be thinned). */
        boolean namesAll = true;
        /** The y values XChart asked us to label, in the last layout (see coverData). */
        List<Double> yTicks;
        List<Object> xs = List.of();
        double[] xPos = new double[0];
        double plotLeft = Double.NaN, plotRight = Double.NaN;

        Overlay(int offset) {
            this.offset = offset;
        }

        void draw(SVGGraphics2D g, AxesChart<?, ?> c, ChartSpec spec, ChartData data,
                  TextRecovery texts, Font tick, Font strong, Locale locale, Function<Object, String> xFormat, int width) {
            FontRenderContext frc = g.getFontRenderContext();
            List<TextRecovery.Placed> slots = texts.placed().stream().filter(TextRecovery.Placed::hidden).toList();
            double baseline = slots.stream().mapToDouble(TextRecovery.Placed::y).max().orElse(Double.NaN);
            double top = offset + c.getScreenYFromChart(yMax), bottom = offset + c.getScreenYFromChart(yMin);
            g.setFont(tick);
            g.setPaint(MUTED);
            if (calendar) {
                double left = c.getScreenXFromChart(xMin), right = c.getScreenXFromChart(xMax);
                LocalDate from = LocalDate.ofEpochDay((long) xMin), to = LocalDate.ofEpochDay((long) xMax);
                List<CalendarTicks.Tick> ticks = xFormat == null
                        ? CalendarTicks.ticks(from, to, minMonths(xs), right - left, s -> advance(s, tick, frc), locale)
                        : CalendarTicks.ticks(from, to, minMonths(xs), right - left, s -> advance(s, tick, frc) * 1.3, locale).stream()
                                .map(t -> new CalendarTicks.Tick(t.date(), xFormat.apply(t.date()))).toList();
                String previous = null;
                for (CalendarTicks.Tick t : ticks) {
                    // An author's format can be coarser than the ticks ("yyyy" on quarterly ticks): name each once.
                    if (t.label().equals(previous)) continue;
                    previous = t.label();
                    double x = c.getScreenXFromChart(t.date().toEpochDay());
                    double w = advance(t.label(), tick, frc);
                    double lx = Math.max(2, Math.min(width - w - 2, x - w / 2)); // keep end labels inside the picture
                    g.drawString(t.label(), (float) lx, (float) baseline);
                    g.setPaint(GRID);
                    g.draw(new Line2D.Double(x, bottom, x, bottom + 4));
                    g.setPaint(MUTED);
                }
            } else if (categories || data.xKind() == XValues.Kind.CATEGORY) {
                // Category centres. Bars: XChart maps category i to the left edge of its slot, so the centre is half
                // a slot further (its own labels may be thinned, so they cannot be counted on). Lines: the value itself.
                double[] centre = new double[xs.size()];
                double slot = c.getScreenXFromChart(1) - c.getScreenXFromChart(0);
                for (int i = 0; i < centre.length; i++) centre[i] = c.getScreenXFromChart(i) + (categories ? slot / 2 : 0);
                int n = xs.size();
                List<String> labels = new ArrayList<>();
                double widest = 0;
                Function<Object, String> names = xFormat != null ? xFormat : Describe.xNames(xs, data.xKind(), locale, true);
                for (int i = 0; i < n; i++) {
                    String l = names.apply(xs.get(i));
                    labels.add(l);
                    widest = Math.max(widest, advance(l, tick, frc));
                }
                double first = centre.length == 0 ? Double.NaN : centre[0], last = centre.length == 0 ? Double.NaN : centre[n - 1];
                double spacing = Math.abs(slot);
                double line = tick.getSize2D() * 1.2;
                if (categories) {
                    // Bars: every category keeps its label in full where it can (see CategoryLabels).
                    CategoryLabels.Plan plan = CategoryLabels.plan(labels, spacing, labelLines, s -> advance(s, tick, frc),
                            first - 2, width - 2 - last, locale);
                    namesAll = plan.namesAll();
                    double room = plan.every() * spacing - CategoryLabels.GAP;
                    for (int i = 0; i < n; i++) {
                        if (!plan.shows(i, n)) continue;
                        List<String> lines = plan.labels().get(i);
                        if (lines == null) lines = wrap(labels.get(i), room, labelLines, tick, frc); // fits nowhere: shortened
                        for (int k = 0; k < lines.size(); k++) {
                            double w = advance(lines.get(k), tick, frc);
                            double lx = Math.max(2, Math.min(width - w - 2, centre[i] - w / 2));
                            g.drawString(lines.get(k), (float) lx, (float) (baseline + k * line));
                        }
                    }
                } else {
                    double maxLabel = Math.max(24, Math.min(widest, width / 3.0));
                    int every = Math.max(1, (int) Math.ceil((maxLabel + 10) / Math.max(1, spacing)));
                    for (int i = 0; i < n; i += every) {
                        double cx = centre[i];
                        String l = ellipsize(labels.get(i), maxLabel, tick, frc);
                        double w = advance(l, tick, frc);
                        double lx = Math.max(2, Math.min(width - w - 2, cx - w / 2));
                        g.drawString(l, (float) lx, (float) baseline);
                    }
                }
                if (categories && !Double.isNaN(first)) {
                    plotLeft = first - spacing / 2;
                    plotRight = last + spacing / 2;
                }
            }
            // A darker baseline at zero (or at the axis bottom): the one line the eye measures bars from.
            double zero = yMin <= 0 && yMax >= 0 ? 0 : yMin;
            double zy = offset + c.getScreenYFromChart(zero);
            double pl = categories ? plotLeft : c.getScreenXFromChart(xMin);
            double pr = categories ? plotRight : c.getScreenXFromChart(xMax);
            g.setPaint(AXIS);
            g.setStroke(new BasicStroke(1f));
            if (spec.type() != ChartType.SCATTER && !Double.isNaN(pl)) g.draw(new Line2D.Double(pl, zy, pr, zy));

            for (ChartSpec.Annotation a : spec.annotations()) {
                g.setPaint(ANNOTATION);
                g.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 3f}, 0f));
                if (a.vertical()) {
                    double x;
                    if (categories) {
                        // A mark at a bar category: a line through the middle of its slot.
                        int at = -1;
                        for (int i = 0; i < xs.size() && at < 0; i++) if (ChartSpec.categoryMatches(xs.get(i), a.x())) at = i;
                        if (at < 0) continue;
                        double slot = c.getScreenXFromChart(1) - c.getScreenXFromChart(0);
                        x = c.getScreenXFromChart(at) + slot / 2;
                    } else {
                        double v = calendar ? XValues.parseDate(a.x()) == null ? Double.NaN : XValues.parseDate(a.x()).toEpochDay()
                                : XValues.parseNumber(a.x()) == null ? Double.NaN : XValues.parseNumber(a.x());
                        if (Double.isNaN(v) || v < xMin || v > xMax) continue;
                        x = c.getScreenXFromChart(v);
                    }
                    g.draw(new Line2D.Double(x, top, x, bottom));
                    g.setFont(tick);
                    double w = advance(a.label(), tick, frc);
                    boolean leftSide = x + 4 + w > width - 4;
                    g.setPaint(TEXT);
                    if (!a.label().isEmpty()) g.drawString(a.label(), (float) (leftSide ? x - 4 - w : x + 4), (float) (top + 12));
                } else {
                    double y = offset + c.getScreenYFromChart(a.y());
                    double l = Double.isNaN(pl) ? 40 : pl, r = Double.isNaN(pr) ? width - 8 : pr;
                    g.draw(new Line2D.Double(l, y, r, y));
                    g.setPaint(TEXT);
                    double w = advance(a.label(), tick, frc);
                    if (!a.label().isEmpty()) g.drawString(a.label(), (float) (r - w), (float) (y - 4));
                }
            }
        }

        private static int minMonths(List<Object> xs) {
            boolean months = xs.stream().map(XValues::date).allMatch(d -> d != null && d.getDayOfMonth() == 1);
            if (!months) return 0;
            return xs.stream().map(XValues::date).allMatch(d -> d.getMonthValue() == 1) ? 12 : 1;
        }

        /** Word-wraps a label into at most {@code maxLines} lines of {@code max} px; a word too wide is shortened with "…". */
        static List<String> wrap(String s, double max, int maxLines, Font f, FontRenderContext frc) {
            List<String> lines = new ArrayList<>();
            StringBuilder cur = new StringBuilder();
            for (String word : s.split(" ")) {
                String tryLine = cur.length() == 0 ? word : cur + " " + word;
                if (cur.length() > 0 && advance(tryLine, f, frc) > max) {
                    lines.add(cur.toString());
                    cur = new StringBuilder(word);
                } else {
                    cur = new StringBuilder(tryLine);
                }
            }
            if (cur.length() > 0) lines.add(cur.toString());
            if (lines.size() > maxLines) {
                List<String> kept = new ArrayList<>(lines.subList(0, maxLines));
                kept.set(maxLines - 1, String.join(" ", lines.subList(maxLines - 1, lines.size())));
                lines = kept;
            }
            List<String> out = new ArrayList<>();
            for (String l : lines) out.add(ellipsize(l, Math.max(max, 20), f, frc));
            return out;
        }

        private static String ellipsize(String s, double max, Font f, FontRenderContext frc) {
            if (advance(s, f, frc) <= max) return s;
            String t = s;
            while (t.length() > 1 && advance(t + "\u2026", f, frc) > max) t = t.substring(0, t.length() - 1);
            return t.strip() + "\u2026";
        }
    }

}
