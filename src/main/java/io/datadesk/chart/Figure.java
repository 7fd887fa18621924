package io.datadesk.chart;

import io.datadesk.data.QueryResult;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** The {@code <figure>} around a chart: headings, legend, the SVGs (or hbar's HTML bars), caption and data. */
final class Figure {

    private Figure() {}

    static String html(ChartSpec spec, ChartData data, QueryResult result, String id, String wide, String narrow,
                       List<String> colors, Locale locale, Function<Object, String> xFormat, Function<Object, String> yFormat,
                       String csvHref, String description) {
        StringBuilder sb = new StringBuilder(wide.length() + narrow.length() + 4096);
        sb.append("<figure class=\"dd-chart dd-chart--").append(spec.type().key()).append("\" id=\"").append(Html.escape(id)).append("\">\n");
        if (spec.title() != null || spec.subtitle() != null) {
            sb.append("<header class=\"dd-chart-header\">");
            if (spec.title() != null) sb.append("<h3 class=\"dd-chart-title\">").append(Html.escape(spec.title())).append("</h3>");
            if (spec.subtitle() != null) sb.append("<p class=\"dd-chart-subtitle\">").append(Html.escape(spec.subtitle())).append("</p>");
            sb.append("</header>\n");
        }
        legend(sb, spec, data, colors, locale, yFormat, xFormat);
        if (spec.type() == ChartType.HBAR) {
            Hbar.html(sb, spec, data, colors, locale, xFormat, yFormat, description);
        } else {
            // The SVG is inline rather than an <img src>: inline SVG inherits the page's CSS custom properties and
            // fonts (dark scheme, Inter), its <title>/<desc> reach screen readers, and it costs no extra request.
            sb.append("<div class=\"dd-chart-plot dd-chart-plot--wide\">").append(wide).append("</div>\n");
            sb.append("<div class=\"dd-chart-plot dd-chart-plot--narrow\">").append(narrow).append("</div>\n");
        }
        sb.append("<figcaption class=\"dd-chart-caption\">");
        if (spec.note() != null) sb.append("<p class=\"dd-chart-note\">").append(Html.escape(spec.note())).append("</p>");
        if (spec.sourceText() != null) {
            sb.append("<p class=\"dd-chart-source\">Source: ");
            if (spec.sourceUrl() != null) sb.append("<a href=\"").append(Html.escape(spec.sourceUrl())).append("\">")
                    .append(Html.escape(spec.sourceText())).append("</a>");
            else sb.append(Html.escape(spec.sourceText()));
            sb.append("</p>");
        }
        if (csvHref != null) sb.append("<p class=\"dd-chart-download\"><a href=\"").append(Html.escape(csvHref))
                .append("\" download>Download the data (CSV)</a></p>");
        sb.append("\n<details class=\"dd-chart-data\"><summary>Show the data</summary>\n");
        sb.append(dataTable(result, locale, spec.title()));
        sb.append("</details>\n</figcaption>\n</figure>\n");
        return sb.toString();
    }

    private static void legend(StringBuilder sb, ChartSpec spec, ChartData data, List<String> colors, Locale locale,
                               Function<Object, String> yFormat, Function<Object, String> xFormat) {
        if (spec.legend() == ChartSpec.Legend.NONE || spec.type() == ChartType.HBAR || data.isEmpty()) return;
        if (spec.type().isPart()) {
            double[] v = data.series().get(0).y();
            double total = 0;
            for (double d : v) if (!Double.isNaN(d)) total += d;
            sb.append("<ul class=\"dd-legend dd-legend--parts\">");
            for (int i = 0; i < v.length; i++) {
                String name = xFormat != null ? xFormat.apply(data.xs().get(i)) : Describe.xText(data.xs().get(i), data.xs(), data.xKind(), locale, false);
                String value = yFormat != null ? yFormat.apply(v[i]) : AxisFormats.auto(v[i], locale);
                String pct = AxisFormats.number(total == 0 ? 0 : 100 * v[i] / total, 0, false, locale) + "%";
                sb.append("<li><span class=\"dd-swatch\" style=\"background:").append(Html.escape(colors.get(i))).append("\"></span>")
                        .append(Html.escape(name)).append(" <span class=\"dd-legend-value\">").append(Html.escape(pct)).append(" (")
                        .append(Html.escape(value)).append(")</span></li>");
            }
            sb.append("</ul>\n");
            return;
        }
        if (data.series().size() < 2 && spec.legend() != ChartSpec.Legend.TOP) return;
        sb.append("<ul class=\"dd-legend\">");
        for (int i = 0; i < data.series().size(); i++) {
            sb.append("<li><span class=\"dd-swatch").append(spec.type() == ChartType.LINE ? " dd-swatch--line" : "")
                    .append("\" style=\"background:").append(Html.escape(colors.get(i))).append("\"></span>")
                    .append(Html.escape(data.series().get(i).name())).append("</li>");
        }
        sb.append("</ul>\n");
    }

    /** The numbers behind the chart as an accessible table, formatted as tables on the page are. */
    static String dataTable(QueryResult result, Locale locale, String title) {
        return io.datadesk.table.TableHtml.renderAllWithRowHeaders(result, locale, title);
    }
}
