package io.datadesk.chart;

import io.datadesk.format.Html;
import io.datadesk.i18n.Messages;
import io.datadesk.table.TableHtml;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Horizontal bars (rankings) as an HTML table with CSS bars, not SVG.
 *
 * <p>Why HTML: ranking labels are long ("Amazon Web Services") and a phone is narrow. In HTML the labels wrap and
 * stay at body text size while bars take the remaining width; an SVG would scale its text down with the picture.
 * A table is also what a ranking is, so screen readers get rows with a header cell each.
 *
 * <p>The same table is a vertical bar chart's phone drawing when its categories are too many to name under the bars
 * ({@link #phone}): several series are then drawn side by side in a row, or end to end when stacked.
 */
final class Hbar {

    private Hbar() {}

    /** An {@code hbar} chart: one series, its bars in the author's colour or the palette's first. */
    static void html(StringBuilder sb, ChartSpec spec, ChartData data, List<String> colors, Locale locale,
                     Function<Object, String> xFormat, Function<Object, String> yFormat, String description, Messages msg) {
        if (data.isEmpty()) {
            sb.append("<p class=\"dd-hbar-empty\">").append(Html.escape(msg.get("chart.no_data"))).append("</p>\n");
            return;
        }
        table(sb, spec, data, null, false, null, locale, xFormat, yFormat, description, msg);
    }

    /**
     * A bar or stacked-bar chart drawn as horizontal bars for phones: one row per category, named in full.
     *
     * @param colors the CSS colour of each series
     * @param labelledBy the id of the desktop drawing, whose title and description name this table (see SvgPost.finish)
     */
    static void phone(StringBuilder sb, ChartSpec spec, ChartData data, List<String> colors, String labelledBy, Locale locale,
                      Function<Object, String> xFormat, Function<Object, String> yFormat, Messages msg) {
        table(sb, spec, data, data.series().size() > 1 ? colors : null, spec.type().isStacked(), labelledBy, locale, xFormat, yFormat, null, msg);
    }

    /**
     * @param colors each series' colour when there are several (null: one series, coloured by CSS)
     * @param labelledBy named by that drawing's title and description, or (null) by a caption holding {@code description}
     */
    private static void table(StringBuilder sb, ChartSpec spec, ChartData data, List<String> colors, boolean stacked, String labelledBy, Locale locale,
                              Function<Object, String> xFormat, Function<Object, String> yFormat, String description, Messages msg) {
        List<ChartData.Series> series = colors == null ? data.series().subList(0, 1) : data.series();
        int n = data.xs().size();
        // The scale: from the lowest to the highest value drawn (stack totals when stacked), always including zero.
        double max = 0, min = 0;
        for (int i = 0; i < n; i++) {
            double up = 0, down = 0;
            for (ChartData.Series s : series) {
                double d = s.y()[i];
                if (Double.isNaN(d)) continue;
                if (stacked) {
                    if (d >= 0) up += d;
                    else down += d;
                } else {
                    up = Math.max(up, d);
                    down = Math.min(down, d);
                }
            }
            max = Math.max(max, up);
            min = Math.min(min, down);
        }
        if (spec.yMax() != null) max = Math.max(max, spec.yMax());
        if (spec.yMin() != null) min = Math.min(min, spec.yMin());
        double span = max - min == 0 ? 1 : max - min;
        double zero = 100 * -min / span; // where the zero line is, as a share of the track; 0 without negatives
        // The bars' colour is the palette's first by default (chart.css); an author's colour is set once on the table.
        boolean phone = labelledBy != null;
        if (phone && spec.yLabel() != null)
            // What the values count, which the drawing it stands in for names above its axis ("Thousands per month").
            sb.append("<p class=\"dd-hbar-unit\">").append(Html.escape(spec.yLabel())).append("</p>");
        sb.append("<table class=\"dd-hbar").append(min < 0 ? " dd-hbar--negative" : "").append(colors != null ? " dd-hbar--series" : "")
                .append(phone && beside(data, locale, xFormat) ? " dd-hbar--beside" : "").append('"');
        if (colors == null && !spec.colors().isEmpty()) sb.append(" style=\"--dd-hbar:").append(Html.escape(spec.colors().get(0))).append('"');
        if (labelledBy != null) sb.append(" aria-labelledby=\"").append(labelledBy).append("-title ").append(labelledBy).append("-desc\">");
        else sb.append("><caption class=\"dd-visually-hidden\">").append(Html.escape(description)).append("</caption>");
        sb.append("<thead class=\"dd-visually-hidden\"><tr><th scope=\"col\">")
                .append(Html.escape(spec.xLabel() != null ? spec.xLabel() : ChartData.humanize(spec.x())))
                .append("</th><th scope=\"col\">").append(Html.escape(colors == null ? series.get(0).name() : spec.yLabel() != null ? spec.yLabel()
                        : String.join(", ", series.stream().map(ChartData.Series::name).toList()))).append("</th></tr></thead><tbody>");
        Function<Object, String> names = xFormat != null ? xFormat : Describe.xNames(data.xs(), data.xKind(), locale, false);
        for (int i = 0; i < n; i++) {
            String label = names.apply(data.xs().get(i));
            sb.append("<tr><th scope=\"row\">").append(Html.escape(label)).append("</th><td><span>"); // the track: chart.css styles it as the cell's first span
            if (min < 0) sb.append("<span class=\"dd-hbar-zero\" style=\"left:").append(SvgPost.num(zero)).append("%\"></span>");
            if (colors == null) {
                single(sb, series.get(0), i, zero, span, phone, locale, yFormat, msg);
                continue;
            }
            // Several series: side by side (one bar under the other in the row), or end to end when stacked, the
            // positive parts right of zero and the negative ones left of it, each in its series' colour.
            if (stacked) sb.append("<span class=\"dd-hbar-stack\">");
            double below = 0;
            for (ChartData.Series s : series) if (!Double.isNaN(s.y()[i]) && s.y()[i] < 0) below += s.y()[i];
            double at = zero + 100 * below / span; // where the next stacked segment starts
            boolean firstSegment = true;
            for (int pass = 0; pass < (stacked ? 2 : 1); pass++) {
                for (int k = 0; k < series.size(); k++) {
                    ChartData.Series s = series.get(k);
                    double v = s.y()[i];
                    if (Double.isNaN(v) || stacked && (pass == 0) != (v < 0)) continue;
                    double width = 100 * Math.abs(v) / span;
                    double left = stacked ? (firstSegment ? at : 0) : v < 0 ? zero - width : zero;
                    firstSegment = false;
                    sb.append("<span class=\"dd-hbar-bar").append(flag(s, i)).append("\" style=\"background:").append(Html.escape(colors.get(k)))
                            .append(';').append(offset(left)).append("width:").append(SvgPost.num(width)).append("%\"></span>");
                }
            }
            if (stacked) sb.append("</span>");
            sb.append("</span><span class=\"dd-hbar-value\">");
            if (stacked) {
                // A stack reads as its total; each part is in the legend's colours and the data table.
                double total = 0;
                boolean any = false;
                for (ChartData.Series s : series) if (!Double.isNaN(s.y()[i])) {
                    total += s.y()[i];
                    any = true;
                }
                sb.append(any ? Html.escape(value(total, locale, yFormat)) : TableHtml.noData(msg));
            } else {
                for (ChartData.Series s : series) {
                    double v = s.y()[i];
                    sb.append("<span>").append(Double.isNaN(v) ? TableHtml.noData(msg) : Html.escape(value(v, locale, yFormat))).append("</span>");
                }
            }
            sb.append("</span></td></tr>");
        }
        sb.append("</tbody></table>\n");
    }

    /** One series' bar in row {@code i}, growing from the zero line (right for gains, left for losses), and its value. */
    /** @param phone a bar chart's phone drawing: a missing value gets the dashed outline its legend and note describe */
    private static void single(StringBuilder sb, ChartData.Series series, int i, double zero, double span, boolean phone, Locale locale,
                               Function<Object, String> yFormat, Messages msg) {
        double v = series.y()[i];
        boolean missing = Double.isNaN(v);
        double width = missing ? 0 : 100 * Math.abs(v) / span;
        double left = missing ? zero : v < 0 ? zero - width : zero;
        String flag = missing ? "" : flag(series, i);
        if (!missing)
            sb.append("<span class=\"dd-hbar-bar").append(v < 0 ? " dd-hbar-bar--neg" : "").append(flag).append("\" style=\"")
                    .append(offset(left)).append("width:").append(SvgPost.num(width)).append("%\"></span>");
        else if (phone) {
            String at = offset(zero);
            sb.append("<span class=\"dd-hbar-nodata\"").append(at.isEmpty() ? "" : " style=\"" + at + "\"").append("></span>");
        }
        sb.append("</span><span class=\"dd-hbar-value\">")
                .append(missing ? TableHtml.noData(msg) : Html.escape(value(v, locale, yFormat)));
        if (!flag.isEmpty()) TableHtml.flagSpan(sb, msg.get("chart.in_parentheses", msg.get(series.estimated()[i] ? "chart.flag_estimate" : "chart.flag_partial_short")));
        sb.append("</span></td></tr>");
    }

    /** Labels short enough to stay beside their bars on a phone (years, months, short names): a shorter chart. */
    private static boolean beside(ChartData data, Locale locale, Function<Object, String> xFormat) {
        Function<Object, String> names = xFormat != null ? xFormat : Describe.xNames(data.xs(), data.xKind(), locale, false);
        for (Object x : data.xs()) {
            String label = names.apply(x);
            if (label.codePointCount(0, label.length()) > 16) return false;
        }
        return true;
    }

    /** A bar's start from the track's left end; none for a bar that starts there (most, in charts without losses). */
    private static String offset(double left) {
        String l = SvgPost.num(left);
        return l.equals("0") ? "" : "margin-left:" + l + "%;";
    }

    private static String flag(ChartData.Series s, int i) {
        return s.missing(i) ? "" : s.estimated()[i] ? " dd-hbar-bar--estimate" : s.partial()[i] ? " dd-hbar-bar--partial" : "";
    }

    private static String value(double v, Locale locale, Function<Object, String> yFormat) {
        return yFormat != null ? yFormat.apply(v) : AxisFormats.auto(v, locale);
    }
}
