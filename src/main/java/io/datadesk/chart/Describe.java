package io.datadesk.chart;

import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import io.datadesk.i18n.Messages;

/**
 * The default text alternative, written from the data: what the chart shows, over what range, and its extremes —
 * the facts a sighted reader takes from a glance. Authors should still write {@code alt} to say what matters.
 */
final class Describe {

    private Describe() {}

    static String describe(ChartSpec spec, ChartData data, Function<Object, String> xFormat, Function<Object, String> yFormat, Locale locale,
                           Messages msg) {
        String kind = msg.get("chart.kind." + switch (spec.type()) {
            case LINE -> "line";
            case AREA -> "area";
            case STACKED_AREA -> "stacked_area";
            case BAR -> "bar";
            case STACKED_BAR -> "stacked_bar";
            case SCATTER -> "scatter";
            case PIE -> "pie";
            case DONUT -> "donut";
            case HBAR -> "hbar";
        });
        if (data.isEmpty()) return msg.get("chart.describe.empty", kind);
        Function<Object, String> y = yFormat != null ? yFormat : v -> AxisFormats.auto(v, locale);
        Function<Object, String> x = xFormat != null ? xFormat : xNames(data.xs(), data.xKind(), locale, false);
        String comma = msg.get("chart.describe.comma"), end = msg.get("chart.describe.end");
        List<ChartData.Series> ss = data.series();
        String what = ss.size() == 1 ? ChartData.inSentence(ss.get(0).name())
                : msg.get("chart.describe.series", ss.size(), String.join(msg.get("chart.describe.list_separator"),
                        ss.stream().map(ChartData.Series::name).limit(8).toList()) + (ss.size() > 8 ? msg.get("chart.describe.list_separator") + "…" : ""));
        String text = msg.get("chart.describe.by", msg.get("chart.describe.of", kind, what),
                ChartData.inSentence(spec.xLabel() != null ? spec.xLabel() : ChartData.humanize(spec.x())));
        if (spec.type() == ChartType.SCATTER) return text + end;
        if (!data.xs().isEmpty() && data.xKind() != XValues.Kind.CATEGORY)
            text = msg.get("chart.describe.range", text, x.apply(data.xs().get(0)), x.apply(data.xs().get(data.xs().size() - 1)));
        if (spec.type().isPart()) {
            double[] v = ss.get(0).y();
            double total = 0;
            for (double d : v) if (!Double.isNaN(d)) total += d;
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < v.length && i < 6; i++)
                parts.add(x.apply(data.xs().get(i)) + " " + Figure.share(total == 0 ? 0 : v[i] / total, locale));
            return msg.get("chart.describe.parts", text, String.join(comma, parts)) + (v.length > 6 ? msg.get("chart.describe.and_others") : "") + end;
        }
        String at = data.xKind() == XValues.Kind.CATEGORY ? "chart.describe.for" : "chart.describe.in"; // "in January 2023", "for Intel"
        StringBuilder sb = new StringBuilder(text);
        for (ChartData.Series s : ss.subList(0, Math.min(3, ss.size()))) {
            int hi = -1, lo = -1, last = -1;
            for (int i = 0; i < s.y().length; i++) {
                if (Double.isNaN(s.y()[i])) continue;
                if (hi < 0 || s.y()[i] > s.y()[hi]) hi = i;
                if (lo < 0 || s.y()[i] < s.y()[lo]) lo = i;
                last = i;
            }
            if (hi < 0) continue;
            String extremes = msg.get("chart.describe.highest", y.apply(s.y()[hi]), msg.get(at, x.apply(data.xs().get(hi))))
                    + comma + msg.get("chart.describe.lowest", y.apply(s.y()[lo]), msg.get(at, x.apply(data.xs().get(lo))));
            if (data.xKind() == XValues.Kind.DATE)
                extremes += comma + msg.get("chart.describe.latest", y.apply(s.y()[last]), msg.get("chart.describe.in", x.apply(data.xs().get(last))));
            sb.append(msg.get("chart.describe.clause_separator")).append(ss.size() > 1 ? msg.get("chart.describe.parts", s.name(), extremes) : extremes);
        }
        sb.append(end);
        flags(sb, data, x, msg);
        return sb.toString();
    }

    /** Which values are missing, estimated or partial: a reader of the description must learn what a glance shows. */
    private static void flags(StringBuilder sb, ChartData data, Function<Object, String> x, Messages msg) {
        List<String> missing = new ArrayList<>(), estimated = new ArrayList<>(), partial = new ArrayList<>();
        for (int i = 0; i < data.xs().size(); i++) {
            boolean m = false, e = false, p = false;
            for (ChartData.Series s : data.series()) {
                m |= s.missing(i);
                e |= !s.missing(i) && s.estimated()[i];
                p |= !s.missing(i) && s.partial()[i];
            }
            if (!m && !e && !p) continue; // most values: nothing to name
            String at = x.apply(data.xs().get(i));
            if (m) missing.add(at);
            if (e) estimated.add(at);
            if (p) partial.add(at);
        }
        int n = data.xs().size();
        // Sentences are separated by a space, except in languages written without spaces.
        String space = msg.countsCharacters() ? "" : " ";
        if (!missing.isEmpty()) sb.append(space).append(msg.get("chart.describe.no_data_for", list(missing, n, msg)));
        if (!estimated.isEmpty()) sb.append(space).append(msg.get("chart.describe.estimated", list(estimated, n, msg)));
        if (!partial.isEmpty()) sb.append(space).append(msg.get("chart.describe.partial", list(partial, n, msg)));
    }

    private static String list(List<String> items, int of, Messages msg) {
        String sep = msg.get("chart.describe.list_separator");
        if (items.size() <= 6) return String.join(sep, items);
        return msg.get("chart.describe.n_of", items.size(), of, String.join(sep, items.subList(0, 3)));
    }

    /**
     * An x value as readers say it. Dates are named at the precision of the whole axis: years when every value is
     * 1 January, months when every value is a first of the month, days otherwise.
     */
    static String xText(Object v, List<Object> all, XValues.Kind kind, Locale locale, boolean abbreviated) {
        return xNames(all, kind, locale, abbreviated).apply(v);
    }

    /**
     * Names x values as {@link #xText} does, with the axis's precision found once: a chart names each of its x values
     * in its data table, description, tooltips and labels, and finding the precision for each value went over the
     * whole axis each time (a 500-point axis: 250,000 dates looked at, per use).
     */
    static Function<Object, String> xNames(List<Object> all, XValues.Kind kind, Locale locale, boolean abbreviated) {
        if (kind != XValues.Kind.DATE) return v -> AxisFormats.auto(v, locale);
        boolean months = all.stream().map(XValues::date).allMatch(x -> x != null && x.getDayOfMonth() == 1);
        boolean years = months && all.stream().map(XValues::date).allMatch(x -> x.getMonthValue() == 1);
        String month = abbreviated ? "MMM" : "MMMM";
        return v -> {
            LocalDate d = XValues.date(v);
            if (d == null) return AxisFormats.auto(v, locale);
            if (years) return String.valueOf(d.getYear());
            if (months) return io.datadesk.format.ValueFormat.date(d, month + " yyyy", locale);
            return io.datadesk.format.ValueFormat.date(d, "d " + month + " yyyy", locale);
        };
    }
}
