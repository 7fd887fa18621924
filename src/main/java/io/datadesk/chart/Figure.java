package io.datadesk.chart;

import io.datadesk.format.Html;
import io.datadesk.i18n.Messages;
import io.datadesk.data.QueryResult;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** The {@code <figure>} around a chart: headings, legend, the SVGs (or hbar's HTML bars), caption and data. */
final class Figure {

    private Figure() {}

    static String html(ChartSpec spec, ChartData data, QueryResult result, String id, String wide, String narrow,
                       List<String> colors, Locale locale, Function<Object, String> xFormat, Function<Object, String> yFormat,
                       String csvHref, String description, Messages msg) {
        StringBuilder sb = new StringBuilder(wide.length() + narrow.length() + 4096);
        sb.append("<figure class=\"dd-chart dd-chart--").append(spec.type().key()).append("\" id=\"").append(Html.escape(id)).append("\">\n");
        if (spec.title() != null || spec.subtitle() != null) {
            sb.append("<header class=\"dd-chart-header\">");
            if (spec.title() != null) sb.append("<h3 class=\"dd-chart-title\">").append(Html.escape(spec.title())).append("</h3>");
            if (spec.subtitle() != null) sb.append("<p class=\"dd-chart-subtitle\">").append(Html.escape(spec.subtitle())).append("</p>");
            sb.append("</header>\n");
        }
        legend(sb, spec, data, colors, locale, yFormat, xFormat, msg);
        if (spec.type() == ChartType.HBAR) {
            Hbar.html(sb, spec, data, colors, locale, xFormat, yFormat, description, msg);
        } else {
            // The SVG is inline rather than an <img src>: inline SVG inherits the page's CSS custom properties and
            // fonts (dark scheme, Inter), its <title>/<desc> reach screen readers, and it costs no extra request.
            // In HTML an inline <svg> is in the SVG namespace without saying so; the drawings keep xmlns as files.
            sb.append("<div class=\"dd-chart-plot dd-chart-plot--wide\">").append(inline(wide)).append("</div>\n");
            sb.append("<div class=\"dd-chart-plot dd-chart-plot--narrow\">");
            // No phone drawing: its bars could not all be named, so a phone gets them as horizontal bars.
            if (narrow.isEmpty()) Hbar.phone(sb, spec, data, colors, id + "-w", locale, xFormat, yFormat, msg);
            else sb.append(inline(narrow));
            sb.append("</div>\n");
        }
        sb.append("<figcaption class=\"dd-chart-caption\">");
        if (spec.note() != null) sb.append("<p class=\"dd-chart-note\">").append(Html.escape(spec.note())).append("</p>");
        String flags = flagNote(spec, data, msg);
        if (!flags.isEmpty()) sb.append("<p class=\"dd-chart-note dd-chart-flags\">").append(Html.escape(flags)).append("</p>");
        if (spec.sourceText() != null) {
            sb.append("<p class=\"dd-chart-source\">").append(Html.escape(msg.get("chart.source")));
            if (spec.sourceUrl() != null) sb.append("<a href=\"").append(Html.escape(spec.sourceUrl())).append("\">")
                    .append(Html.escape(spec.sourceText())).append("</a>");
            else sb.append(Html.escape(spec.sourceText()));
            sb.append("</p>");
        }
        if (csvHref != null) sb.append("<p class=\"dd-chart-download\"><a href=\"").append(Html.escape(csvHref))
                .append("\" download>").append(Html.escape(msg.get("chart.download"))).append("</a></p>");
        sb.append("\n<details class=\"dd-chart-data\"><summary>").append(Html.escape(msg.get("chart.show_data"))).append("</summary>\n");
        sb.append(dataTable(spec, data, locale, xFormat, yFormat, msg));
        sb.append("</details>\n</figcaption>\n</figure>\n");
        return sb.toString();
    }

    private static final String XMLNS = " xmlns=\"http://www.w3.org/2000/svg\"";

    /** An SVG drawing as it goes inline in the page: without its namespace declaration, which HTML implies. */
    static String inline(String svg) {
        return svg.startsWith("<svg" + XMLNS) ? "<svg" + svg.substring(4 + XMLNS.length()) : svg;
    }

    /** The sentence that explains the chart's marks for missing, estimated and partial values; "" when there are none. */
    static String flagNote(ChartSpec spec, ChartData data, Messages msg) {
        if (data.isEmpty()) return "";
        boolean bars = spec.type().isCategory() || spec.type() == ChartType.HBAR;
        List<String> parts = new java.util.ArrayList<>();
        if (bars) {
            if (data.anyEstimated()) parts.add(msg.get("chart.hatched_estimates"));
            if (data.anyPartial()) parts.add(msg.get("chart.lighter_partial"));
        } else if (data.anyEstimated() || data.anyPartial()) {
            parts.add(msg.get(data.anyEstimated() && data.anyPartial() ? "chart.dashed_both"
                    : data.anyEstimated() ? "chart.dashed_estimates" : "chart.dashed_partial"));
        }
        if (data.anyMissing() && !spec.type().isPart() && spec.type() != ChartType.SCATTER)
            parts.add(msg.get(bars ? (spec.type() == ChartType.HBAR ? "chart.missing_dash"
                    : spec.type().isStacked() ? "chart.missing_stack"
                    : "chart.missing_outline")
                    : "chart.missing_gaps"));
        // Sentences are joined by a space, except in languages written without spaces (their full stop ends one).
        return String.join(msg.countsCharacters() ? "" : " ", parts);
    }

    /** Legend entries for the marks of missing, estimated and partial values. */
    private static void flagLegend(StringBuilder sb, ChartSpec spec, ChartData data, Messages msg) {
        boolean bars = spec.type().isCategory();
        if (data.anyMissing() && bars && !spec.type().isStacked())
            sb.append("<li><span class=\"dd-swatch dd-swatch--nodata\"></span>").append(Html.escape(msg.get("chart.no_data"))).append("</li>");
        if (data.anyEstimated())
            sb.append("<li><span class=\"dd-swatch ").append(bars ? "dd-swatch--estimate" : "dd-swatch--line dd-swatch--dashed").append("\"></span>").append(Html.escape(msg.get("chart.estimate"))).append("</li>");
        if (data.anyPartial())
            sb.append("<li><span class=\"dd-swatch ").append(bars ? "dd-swatch--partial" : "dd-swatch--line dd-swatch--dashed").append("\"></span>").append(Html.escape(msg.get("chart.partial"))).append("</li>");
    }

    private static final java.util.regex.Pattern PALETTE_VAR = java.util.regex.Pattern.compile("var\\(--dd-s(\\d+),#[0-9a-f]{6}\\)");

    /**
     * The end of a swatch's class attribute and its colour: a palette colour is a class ({@code dd-c2}, defined in
     * chart.css), which weighs less than the same inline style repeated on every legend entry; an author's colour
     * stays an inline style.
     */
    static String colour(String css) {
        java.util.regex.Matcher m = PALETTE_VAR.matcher(css);
        if (m.matches()) return " dd-c" + m.group(1) + "\"";
        return "\" style=\"background:" + Html.escape(css) + "\"";
    }

    private static boolean hasFlagLegend(ChartSpec spec, ChartData data) {
        return data.anyEstimated() || data.anyPartial() || data.anyMissing() && spec.type().isCategory() && !spec.type().isStacked();
    }

    private static void legend(StringBuilder sb, ChartSpec spec, ChartData data, List<String> colors, Locale locale,
                               Function<Object, String> yFormat, Function<Object, String> xFormat, Messages msg) {
        if (spec.type() == ChartType.HBAR || data.isEmpty()) return;
        if (spec.legend() == ChartSpec.Legend.NONE || spec.endLabels()) {
            if (!hasFlagLegend(spec, data) || spec.type().isPart()) return;
            sb.append("<ul class=\"dd-legend\">");
            flagLegend(sb, spec, data, msg);
            sb.append("</ul>\n");
            return;
        }
        if (spec.type().isPart()) {
            double[] v = data.series().get(0).y();
            double total = 0;
            for (double d : v) if (!Double.isNaN(d)) total += d;
            sb.append("<ul class=\"dd-legend dd-legend--parts\">");
            Function<Object, String> names = xFormat != null ? xFormat : Describe.xNames(data.xs(), data.xKind(), locale, false);
            for (int i = 0; i < v.length; i++) {
                String name = names.apply(data.xs().get(i));
                String value = yFormat != null ? yFormat.apply(v[i]) : AxisFormats.auto(v[i], locale);
                String pct = share(total == 0 ? 0 : v[i] / total, locale);
                sb.append("<li><span class=\"dd-swatch").append(colour(colors.get(i))).append("></span>")
                        .append(Html.escape(name)).append(" <span class=\"dd-legend-value\">").append(Html.escape(pct + msg.get("chart.in_parentheses", value))).append("</span></li>");
            }
            sb.append("</ul>\n");
            return;
        }
        boolean named = data.series().size() >= 2 || spec.legend() == ChartSpec.Legend.TOP;
        if (!named && !hasFlagLegend(spec, data)) return;
        sb.append("<ul class=\"dd-legend\">");
        for (int i = 0; named && i < data.series().size(); i++) {
            sb.append("<li><span class=\"dd-swatch").append(spec.type() == ChartType.LINE ? " dd-swatch--line" : "")
                    .append(colour(colors.get(i))).append("></span>")
                    .append(Html.escape(data.series().get(i).name())).append("</li>");
        }
        flagLegend(sb, spec, data, msg);
        sb.append("</ul>\n");
    }

    /**
     * The numbers behind the chart as an accessible table, in the chart's words: its axis labels as headers (never
     * the query's column names), its formats in the cells, one column per series, missing values as "no data" and
     * estimates and partial periods flagged. Compact axis formats give way to exact numbers here.
     */
    static String dataTable(ChartSpec spec, ChartData data, Locale locale, Function<Object, String> xFormat, Function<Object, String> yFormat,
                            Messages msg) {
        Function<Object, String> y = yFormat == null || spec.yFormat().trim().startsWith("compact") ? v -> AxisFormats.auto(v, locale) : yFormat;
        String caption = spec.title() != null ? spec.title() : msg.get("chart.the_data");
        String xHeader = spec.xLabel() != null ? spec.xLabel() : ChartData.humanize(spec.x());
        List<String> headers = new java.util.ArrayList<>();
        List<Boolean> numeric = new java.util.ArrayList<>();
        List<List<io.datadesk.table.TableHtml.Cell>> rows = new java.util.ArrayList<>();
        headers.add(xHeader);
        numeric.add(false);
        if (spec.type() == ChartType.SCATTER) {
            ChartData.Series first = data.series().isEmpty() ? null : data.series().get(0);
            boolean many = data.series().size() > 1;
            if (many) {
                headers.add(spec.series() != null ? ChartData.humanize(spec.series()) : msg.get("chart.series"));
                numeric.add(false);
            }
            headers.add(spec.yLabel() != null ? spec.yLabel() : first == null ? ChartData.humanize(spec.y().get(0)) : first.name());
            numeric.add(true);
            if (spec.size() != null) {
                headers.add(ChartData.humanize(spec.size()));
                numeric.add(true);
            }
            if (many && spec.yLabel() == null) headers.set(headers.size() - (spec.size() != null ? 2 : 1), ChartData.humanize(spec.y().get(0)));
            for (ChartData.Series s : data.series())
                for (int i = 0; i < s.y().length; i++) {
                    List<io.datadesk.table.TableHtml.Cell> row = new java.util.ArrayList<>();
                    double x = s.x()[i];
                    row.add(io.datadesk.table.TableHtml.Cell.of(data.xKind() == XValues.Kind.DATE
                            ? Describe.xText(java.time.LocalDate.ofEpochDay(Math.round(x)), List.of(), XValues.Kind.DATE, locale, false)
                            : xFormat != null ? xFormat.apply(x) : AxisFormats.auto(x, locale)));
                    if (many) row.add(io.datadesk.table.TableHtml.Cell.of(s.name()));
                    row.add(new io.datadesk.table.TableHtml.Cell(y.apply(s.y()[i]), s.estimated()[i] ? msg.get("chart.flag_estimate") : null));
                    if (spec.size() != null) row.add(io.datadesk.table.TableHtml.Cell.of(AxisFormats.auto(s.size()[i], locale)));
                    rows.add(row);
                }
            return io.datadesk.table.TableHtml.renderGrid(caption, caption, headers, numeric, rows, msg);
        }
        for (ChartData.Series s : data.series()) {
            headers.add(s.name());
            numeric.add(true);
        }
        boolean parts = spec.type().isPart();
        double total = 0;
        if (parts) {
            for (double d : data.series().get(0).y()) if (!Double.isNaN(d)) total += d;
            headers.add(msg.get("chart.share"));
            numeric.add(true);
        }
        Function<Object, String> names = xFormat != null ? xFormat : Describe.xNames(data.xs(), data.xKind(), locale, false);
        for (int i = 0; i < data.xs().size(); i++) {
            List<io.datadesk.table.TableHtml.Cell> row = new java.util.ArrayList<>();
            row.add(io.datadesk.table.TableHtml.Cell.of(names.apply(data.xs().get(i))));
            for (ChartData.Series s : data.series()) {
                double v = s.y()[i];
                String flag = s.missing(i) ? null : s.estimated()[i] ? msg.get("chart.flag_estimate") : s.partial()[i] ? msg.get("chart.flag_partial") : null;
                row.add(new io.datadesk.table.TableHtml.Cell(Double.isNaN(v) ? null : y.apply(v), flag));
            }
            if (parts) {
                double v = data.series().get(0).y()[i];
                row.add(io.datadesk.table.TableHtml.Cell.of(Double.isNaN(v) ? null : share(total == 0 ? 0 : v / total, locale)));
            }
            rows.add(row);
        }
        return io.datadesk.table.TableHtml.renderGrid(caption, caption, headers, numeric, rows, msg);
    }

    /**
     * A share of a whole as readers expect it in a legend: whole percent, but one decimal below 10% so that a small
     * slice never reads "0%" (0.6%), and two below 0.1%.
     */
    static String share(double fraction, Locale locale) {
        double pct = 100 * fraction;
        double a = Math.abs(pct);
        int decimals = a == 0 || a >= 10 ? 0 : a >= 0.1 ? 1 : 2;
        return AxisFormats.number(pct, decimals, false, locale) + "%";
    }
}
