package io.datadesk.chart;

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
                     Function<Object, String> xFormat, Function<Object, String> yFormat, String description) {
        if (data.isEmpty()) {
            sb.append("<p class=\"dd-hbar-empty\">No data</p>\n");
            return;
        }
        double[] v = data.series().get(0).y();
        double max = 0, min = 0;
        for (double d : v) if (!Double.isNaN(d)) {
            max = Math.max(max, d);
            min = Math.min(min, d);
        }
        if (spec.yMax() != null) max = spec.yMax();
        double span = max - min == 0 ? 1 : max - min;
        String color = spec.colors().isEmpty() ? "var(--dd-s0,#0072b2)" : spec.colors().get(0);
        sb.append("<table class=\"dd-hbar\"><caption class=\"dd-visually-hidden\">").append(Html.escape(description)).append("</caption>");
        sb.append("<thead class=\"dd-visually-hidden\"><tr><th scope=\"col\">").append(Html.escape(spec.x()))
                .append("</th><th scope=\"col\">").append(Html.escape(spec.y().get(0))).append("</th></tr></thead><tbody>");
        for (int i = 0; i < v.length; i++) {
            String label = xFormat != null ? xFormat.apply(data.xs().get(i)) : Describe.xText(data.xs().get(i), data.xs(), data.xKind(), locale, false);
            String value = Double.isNaN(v[i]) ? "–" : yFormat != null ? yFormat.apply(v[i]) : AxisFormats.auto(v[i], locale);
            double pct = Double.isNaN(v[i]) ? 0 : 100 * (Math.max(0, v[i]) - Math.max(0, min)) / span;
            sb.append("<tr><th scope=\"row\">").append(Html.escape(label)).append("</th><td><span class=\"dd-hbar-track\">")
                    .append("<span class=\"dd-hbar-bar\" style=\"width:").append(SvgPost.num(pct)).append("%;background:")
                    .append(Html.escape(color)).append("\"></span></span><span class=\"dd-hbar-value\">").append(Html.escape(value))
                    .append("</span></td></tr>");
        }
        sb.append("</tbody></table>\n");
    }
}
