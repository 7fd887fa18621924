package io.datadesk.chart;

import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The default text alternative, written from the data: what the chart shows, over what range, and its extremes —
 * the facts a sighted reader takes from a glance. Authors should still write {@code alt} to say what matters.
 */
final class Describe {

    private Describe() {}

    static String describe(ChartSpec spec, ChartData data, Function<Object, String> xFormat, Function<Object, String> yFormat, Locale locale) {
        String kind = switch (spec.type()) {
            case LINE -> "Line chart";
            case AREA -> "Area chart";
            case STACKED_AREA -> "Stacked area chart";
            case BAR -> "Bar chart";
            case STACKED_BAR -> "Stacked bar chart";
            case SCATTER -> "Scatter plot";
            case PIE -> "Pie chart";
            case DONUT -> "Donut chart";
            case HBAR -> "Bar chart";
        };
        if (data.isEmpty()) return kind + ": no data.";
        Function<Object, String> y = yFormat != null ? yFormat : v -> AxisFormats.auto(v, locale);
        Function<Object, String> x = xFormat != null ? xFormat : v -> xText(v, data.xs(), data.xKind(), locale, false);
        StringBuilder sb = new StringBuilder(kind).append(" of ");
        List<ChartData.Series> ss = data.series();
        if (ss.size() == 1) sb.append(ChartData.inSentence(ss.get(0).name()));
        else sb.append(ss.size()).append(" series (").append(String.join(", ", ss.stream().map(ChartData.Series::name).limit(8).toList()))
                .append(ss.size() > 8 ? ", …)" : ")");
        sb.append(" by ").append(ChartData.inSentence(spec.xLabel() != null ? spec.xLabel() : ChartData.humanize(spec.x())));
        if (spec.type() == ChartType.SCATTER) return sb.append('.').toString();
        if (!data.xs().isEmpty() && data.xKind() != XValues.Kind.CATEGORY)
            sb.append(", ").append(x.apply(data.xs().get(0))).append(" to ").append(x.apply(data.xs().get(data.xs().size() - 1)));
        if (spec.type().isPart()) {
            double[] v = ss.get(0).y();
            double total = 0;
            for (double d : v) if (!Double.isNaN(d)) total += d;
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < v.length && i < 6; i++)
                parts.add(x.apply(data.xs().get(i)) + " " + Figure.share(total == 0 ? 0 : v[i] / total, locale));
            return sb.append(": ").append(String.join(", ", parts)).append(v.length > 6 ? ", and others." : ".").toString();
        }
        String at = data.xKind() == XValues.Kind.CATEGORY ? " for " : " in "; // "in January 2023", "for Intel"
        for (ChartData.Series s : ss.subList(0, Math.min(3, ss.size()))) {
            int hi = -1, lo = -1, last = -1;
            for (int i = 0; i < s.y().length; i++) {
                if (Double.isNaN(s.y()[i])) continue;
                if (hi < 0 || s.y()[i] > s.y()[hi]) hi = i;
                if (lo < 0 || s.y()[i] < s.y()[lo]) lo = i;
                last = i;
            }
            if (hi < 0) continue;
            sb.append("; ").append(ss.size() > 1 ? s.name() + ": " : "")
                    .append("highest ").append(y.apply(s.y()[hi])).append(at).append(x.apply(data.xs().get(hi)))
                    .append(", lowest ").append(y.apply(s.y()[lo])).append(at).append(x.apply(data.xs().get(lo)));
            if (data.xKind() == XValues.Kind.DATE) sb.append(", latest ").append(y.apply(s.y()[last])).append(" in ").append(x.apply(data.xs().get(last)));
        }
        sb.append('.');
        flags(sb, data, x);
        return sb.toString();
    }

    /** Which values are missing, estimated or partial: a reader of the description must learn what a glance shows. */
    private static void flags(StringBuilder sb, ChartData data, Function<Object, String> x) {
        List<String> missing = new ArrayList<>(), estimated = new ArrayList<>(), partial = new ArrayList<>();
        for (int i = 0; i < data.xs().size(); i++) {
            String at = x.apply(data.xs().get(i));
            boolean m = false, e = false, p = false;
            for (ChartData.Series s : data.series()) {
                m |= s.missing(i);
                e |= !s.missing(i) && s.estimated()[i];
                p |= !s.missing(i) && s.partial()[i];
            }
            if (m) missing.add(at);
            if (e) estimated.add(at);
            if (p) partial.add(at);
        }
        int n = data.xs().size();
        if (!missing.isEmpty()) sb.append(" No data for ").append(list(missing, n)).append('.');
        if (!estimated.isEmpty()) sb.append(" Estimated: ").append(list(estimated, n)).append('.');
        if (!partial.isEmpty()) sb.append(" Partial period: ").append(list(partial, n)).append('.');
    }

    private static String list(List<String> items, int of) {
        if (items.size() <= 6) return String.join(", ", items);
        return items.size() + " of " + of + " (" + String.join(", ", items.subList(0, 3)) + ", …)";
    }

    /**
     * An x value as readers say it. Dates are named at the precision of the whole axis: years when every value is
     * 1 January, months when every value is a first of the month, days otherwise.
     */
    static String xText(Object v, List<Object> all, XValues.Kind kind, Locale locale, boolean abbreviated) {
        if (kind == XValues.Kind.DATE) {
            LocalDate d = XValues.date(v);
            if (d != null) {
                boolean months = all.stream().map(XValues::date).allMatch(x -> x != null && x.getDayOfMonth() == 1);
                boolean years = months && all.stream().map(XValues::date).allMatch(x -> x.getMonthValue() == 1);
                TextStyle style = abbreviated ? TextStyle.SHORT : TextStyle.FULL;
                if (years) return String.valueOf(d.getYear());
                if (months) return d.getMonth().getDisplayName(style, locale) + " " + d.getYear();
                return d.getDayOfMonth() + " " + d.getMonth().getDisplayName(style, locale) + " " + d.getYear();
            }
        }
        return AxisFormats.auto(v, locale);
    }
}
