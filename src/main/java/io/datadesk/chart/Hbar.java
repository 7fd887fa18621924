package io.datadesk.chart;

import io.datadesk.format.Html;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Horizontal bars (rankings) as an HTML table with CSS bars, not SVG.
 *
 * <p>Why HTML: ranking labels are long ("Amazon Web Services") and a phone is narrow. In HTML the labels wrap and
 * stay at body text size while bars take the remaining width; an SVG would scale its text down with the picture.
 * A table is also what a ranking is, so screen readers get rows with a header cell each.
 */
final class Hbar {

    private Hbar() {}

    static void html(StringBuilder sb, ChartSpec spec, ChartData data, List<String> colors, Locale locale,
                     Function<Object, String> xFormat, Function<Object, String> yFormat, String description,
                     io.datadesk.i18n.Messages msg) {
        if (data.isEmpty()) {
            sb.append("<p class=\"dd-hbar-empty\">").append(Html.escape(msg.get("chart.no_data"))).append("</p>\n");
            return;
        }
        ChartData.Series series = data.series().get(0);
        double[] v = series.y();
        double max = 0, min = 0;
        for (double d : v) if (!Double.isNaN(d)) {
            max = Math.max(max, d);
            min = Math.min(min, d);
        }
        if (spec.yMax() != null) max = Math.max(max, spec.yMax());
        if (spec.yMin() != null) min = Math.min(min, spec.yMin());
        double span = max - min == 0 ? 1 : max - min;
        double zero = 100 * -min / span; // where the zero line is, as a share of the track; 0 without negatives
        // The bars' colour is the palette's first by default (chart.css); an author's colour is set once on the table.
        sb.append("<table class=\"dd-hbar").append(min < 0 ? " dd-hbar--negative" : "").append('"');
        if (!spec.colors().isEmpty()) sb.append(" style=\"--dd-hbar:").append(Html.escape(spec.colors().get(0))).append('"');
        sb.append("><caption class=\"dd-visually-hidden\">")
                .append(Html.escape(description)).append("</caption>");
        sb.append("<thead class=\"dd-visually-hidden\"><tr><th scope=\"col\">")
                .append(Html.escape(spec.xLabel() != null ? spec.xLabel() : ChartData.humanize(spec.x())))
                .append("</th><th scope=\"col\">").append(Html.escape(series.name())).append("</th></tr></thead><tbody>");
        for (int i = 0; i < v.length; i++) {
            String label = xFormat != null ? xFormat.apply(data.xs().get(i)) : Describe.xText(data.xs().get(i), data.xs(), data.xKind(), locale, false);
            boolean missing = Double.isNaN(v[i]);
            String value = missing ? "" : yFormat != null ? yFormat.apply(v[i]) : AxisFormats.auto(v[i], locale);
            // Bars grow from the zero line: to the right for positive values, to the left for negative ones.
            double width = missing ? 0 : 100 * Math.abs(v[i]) / span;
            double left = missing ? zero : v[i] < 0 ? zero - width : zero;
            String flag = missing ? "" : series.estimated()[i] ? " dd-hbar-bar--estimate" : series.partial()[i] ? " dd-hbar-bar--partial" : "";
            sb.append("<tr><th scope=\"row\">").append(Html.escape(label)).append("</th><td><span class=\"dd-hbar-track\">");
            if (min < 0) sb.append("<span class=\"dd-hbar-zero\" style=\"left:").append(SvgPost.num(zero)).append("%\"></span>");
            if (!missing)
                sb.append("<span class=\"dd-hbar-bar").append(v[i] < 0 ? " dd-hbar-bar--neg" : "").append(flag).append("\" style=\"margin-left:")
                        .append(SvgPost.num(left)).append("%;width:").append(SvgPost.num(width)).append("%\"></span>");
            sb.append("</span><span class=\"dd-hbar-value\">")
                    .append(missing ? io.datadesk.table.TableHtml.noData(msg) : Html.escape(value));
            if (!flag.isEmpty()) io.datadesk.table.TableHtml.flagSpan(sb, msg.get("chart.in_parentheses", msg.get(series.estimated()[i] ? "chart.flag_estimate" : "chart.flag_partial_short")));
            sb.append("</span></td></tr>");
        }
        sb.append("</tbody></table>\n");
    }
}
