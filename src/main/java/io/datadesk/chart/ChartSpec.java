package io.datadesk.chart;

import io.datadesk.data.Column;
import io.datadesk.data.QueryResult;
import io.datadesk.error.ContentException;
import io.datadesk.error.Diagnostic;
import io.datadesk.error.Diagnostics;
import io.datadesk.error.Suggest;
import io.datadesk.yaml.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a {@code chart} block asks for, checked and positioned. Built by {@link #parse}; checked against the
 * page's query results by {@link #check}. Keeps the YAML nodes it came from so later errors point at the key.
 *
 * <p>{@code xFormat}/{@code yFormat} are format names as written (resolved by the renderer's format lookup) or
 * null; {@code yMin}/{@code yMax} are null when not given; {@code height} is the drawing's height/width ratio.
 */
public record ChartSpec(
        ChartType type, String data, String x, List<String> y, String series,
        String title, String subtitle, String xLabel, String yLabel, String xFormat, String yFormat,
        Double yMin, Double yMax, List<String> colors, Legend legend, double height,
        String sourceText, String sourceUrl, String note, String alt, List<Annotation> annotations, boolean allowEmpty,
        YamlNode node) {

    public enum Legend { AUTO, NONE, TOP }

    /** A reference line: vertical at {@code x} (a date or number as written) or horizontal at {@code y}. */
    public record Annotation(String x, Double y, String label, YamlNode node) {
        public boolean vertical() {
            return x != null;
        }
    }

    public static final List<String> KEYS = List.of("type", "data", "x", "y", "series", "title", "subtitle", "x-label",
            "y-label", "x-format", "y-format", "y-min", "y-max", "colors", "legend", "height", "source", "note", "alt",
            "annotations", "empty");

    static final double DEFAULT_ASPECT = 0.6;

    public ChartSpec {
        y = List.copyOf(y);
        colors = List.copyOf(colors);
        annotations = List.copyOf(annotations);
    }

    /** Reads a chart block. Reports every problem found in the block at once, each at its key or value. */
    public static ChartSpec parse(YamlNode body) {
        Diagnostics problems = new Diagnostics();
        Map<String, YamlNode> m = body.asMap("a chart block");
        problems.addAll(body.unknownKeys("chart option", KEYS));

        ChartType type = null;
        YamlNode typeNode = m.get("type");
        if (typeNode == null) {
            problems.add(body.error("a chart needs a 'type'", "add 'type: line' (or one of " + String.join(", ", ChartType.keys()) + ")"));
        } else {
            String t = problems.collect(() -> typeNode.asString("type"));
            if (t != null) {
                type = ChartType.of(t.trim()).orElse(null);
                if (type == null) {
                    String dym = Suggest.didYouMean(t.trim(), ChartType.keys());
                    problems.add(typeNode.error("unknown chart type '" + t + "'",
                            (dym.isEmpty() ? "" : dym + " ") + "Valid types: " + String.join(", ", ChartType.keys()) + "."));
                }
            }
        }
        String data = required(m, "data", body, problems, "name the query result to draw, e.g. 'data: monthly'");
        String x = required(m, "x", body, problems, "name the column for the x axis (categories for bar, pie and hbar)");
        List<String> y = new ArrayList<>();
        if (!m.containsKey("y")) {
            problems.add(body.error("a chart needs 'y'", "name the value column, or a list of columns: 'y: [a, b]'"));
        } else {
            List<YamlNode> ys = problems.collect(() -> m.get("y").asScalarOrList("y"));
            if (ys != null) for (YamlNode n : ys) {
                String s = problems.collect(() -> n.asString("each y column"));
                if (s != null) y.add(s.trim());
            }
        }
        String series = text(m, "series", problems);
        if (series != null && y.size() > 1)
            problems.add(m.get("series").error("'series' splits one y column by a category; it cannot be combined with several y columns",
                    "use either 'y: [a, b]' (wide data) or 'y: value' with 'series: group' (long data)"));

        Double yMin = number(m, "y-min", problems);
        Double yMax = number(m, "y-max", problems);
        List<String> colors = new ArrayList<>();
        if (m.containsKey("colors")) {
            List<YamlNode> cs = problems.collect(() -> m.get("colors").asScalarOrList("colors"));
            if (cs != null) for (YamlNode n : cs) {
                if (n.isNull()) { // colors: #0072b2 reads as "colors:" and a comment
                    YamlNode at = m.get("colors").isNull() ? body.keyNode("colors") : n;
                    problems.add(new Diagnostic(at.file(), at.line(), 0, "a color is missing here; an unquoted '#' starts a YAML comment",
                            YamlNode.COLOR_HINT));
                    continue;
                }
                String c = problems.collect(() -> n.asString("a color"));
                if (c == null) continue;
                c = c.trim();
                if (c.matches("#[0-9a-fA-F]{6}|#[0-9a-fA-F]{3}")) colors.add(c.toLowerCase());
                else problems.add(n.error("'" + c + "' is not a color", "write colors as #rrggbb, e.g. '#0072b2' (quote them: a bare # starts a YAML comment)"));
            }
        }
        Legend legend = Legend.AUTO;
        String l = text(m, "legend", problems);
        if (l != null) {
            switch (l.trim()) {
                case "auto" -> legend = Legend.AUTO;
                case "none" -> legend = Legend.NONE;
                case "top" -> legend = Legend.TOP;
                default -> problems.add(m.get("legend").error("unknown legend '" + l + "'", "use auto, none or top"));
            }
        }
        double height = DEFAULT_ASPECT;
        if (m.containsKey("height")) {
            Double h = problems.collect(() -> aspect(m.get("height")));
            if (h != null) height = h;
        }
        io.datadesk.data.Attribution source = io.datadesk.data.Attribution.parse(m.get("source"), problems);
        String sourceText = source == null ? null : source.text();
        String sourceUrl = source == null ? null : source.url();
        List<Annotation> annotations = new ArrayList<>();
        if (m.containsKey("annotations")) {
            List<YamlNode> as = problems.collect(() -> m.get("annotations").asList("annotations"));
            if (as != null) for (YamlNode a : as) {
                Annotation ann = problems.collect(() -> annotation(a));
                if (ann != null) annotations.add(ann);
            }
        }
        boolean allowEmpty = false;
        String empty = text(m, "empty", problems);
        if (empty != null) {
            if (empty.trim().equals("allow")) allowEmpty = true;
            else problems.add(m.get("empty").error("unknown value '" + empty + "' for 'empty'",
                    "write 'empty: allow' to draw a \"No data\" chart when the result has no rows"));
        }
        if (type != null && type.isPart() && y.size() > 1)
            problems.add(m.get("y").error("a " + type.key() + " chart shows one y column", "give one column: 'y: value'"));
        if (type == ChartType.HBAR && y.size() > 1)
            problems.add(m.get("y").error("an hbar chart shows one y column", "give one column, or use 'bar' for several series"));
        problems.throwIfAny();
        return new ChartSpec(type, data, x, y, series, text(m, "title", problems), text(m, "subtitle", problems),
                text(m, "x-label", problems), text(m, "y-label", problems), text(m, "x-format", problems),
                text(m, "y-format", problems), yMin, yMax, colors, legend, height, sourceText, sourceUrl,
                text(m, "note", problems), text(m, "alt", problems), annotations, allowEmpty, body);
    }

    /**
     * Checks the block against the page's query results: the data name, every column, numeric y values and
     * (unless {@code empty: allow}) that there are rows. Returns the result to draw.
     */
    public QueryResult check(Map<String, QueryResult> results) {
        QueryResult r = io.datadesk.data.Results.find(results, data).orElseThrow(() -> at("data")
                .fail("no query result named '" + data + "' on this page", io.datadesk.data.Results.unknownNameHint(data, results)));
        Diagnostics problems = new Diagnostics();
        List<String> needed = new ArrayList<>();
        needed.add(x);
        needed.addAll(y);
        if (series != null) needed.add(series);
        for (String col : needed) {
            if (r.indexOf(col) < 0) {
                String key = col.equals(x) ? "x" : col.equals(series) ? "series" : "y";
                String dym = Suggest.didYouMean(col, r.columnNames());
                problems.add(at(key).error("no column '" + col + "' in '" + data + "'",
                        (dym.isEmpty() ? "" : dym + " ") + "Columns: " + String.join(", ", r.columnNames()) + "."));
            }
        }
        problems.throwIfAny();
        for (String col : y) {
            Column c = r.column(col).orElseThrow();
            if (!c.type().isNumeric()) {
                Object sample = r.values(col).stream().filter(v -> v != null).findFirst().orElse(null);
                problems.add(at("y").error("column '" + col + "' is " + c.type().name().toLowerCase() + ", not a number"
                                + (sample == null ? "" : " (first value: '" + sample + "')"),
                        "y must be numeric; cast it in the query, e.g. CAST(" + col + " AS DOUBLE), or pick another column"));
            }
        }
        if (r.rowCount() == 0 && !allowEmpty)
            problems.add(at("data").error("query result '" + data + "' has no rows, so there is nothing to draw",
                    "check the query's filters, or add 'empty: allow' to show an explicit \"No data\" chart"));
        for (Annotation a : annotations)
            if (a.vertical() && !type.isXY())
                problems.add(a.node().error("a " + type.key() + " chart has no x axis to mark with a vertical line",
                        "vertical annotations ({ x: ... }) work on line, area, stacked-area and scatter charts; use { y: ... } here"));
            else if (!a.vertical() && (type.isPart() || type == ChartType.HBAR))
                problems.add(a.node().error("a " + type.key() + " chart has no y axis to mark", "remove the annotation"));
        if (type.isXY() && type != ChartType.SCATTER && r.rowCount() > 0 && r.column(x).isPresent()) {
            // Vertical annotations need an x axis of the same kind.
            boolean dates = XValues.of(r, x).isDate();
            for (Annotation a : annotations) {
                if (!a.vertical()) continue;
                if (dates && XValues.parseDate(a.x()) == null)
                    problems.add(a.node().error("annotation x '" + a.x() + "' is not a date, but the x axis shows dates", "write the date as 2022-11-30"));
                if (!dates && XValues.parseNumber(a.x()) == null)
                    problems.add(a.node().error("annotation x '" + a.x() + "' is not a number, but the x axis is numeric", ""));
            }
        }
        problems.throwIfAny();
        return r;
    }

    /** The node of an option's value (or the block itself when the option is absent), for located messages. */
    YamlNode at(String key) {
        Map<String, YamlNode> m = node.asMap("a chart block");
        return m.getOrDefault(key, node);
    }

    private static Annotation annotation(YamlNode a) {
        Map<String, YamlNode> am = a.asMap("an annotation");
        List<Diagnostic> unknown = a.unknownKeys("annotation key", List.of("x", "y", "label"));
        if (!unknown.isEmpty()) throw new ContentException(unknown);
        if (am.containsKey("x") == am.containsKey("y"))
            throw a.fail("an annotation needs either 'x' (a vertical line) or 'y' (a horizontal line)",
                    "e.g. { x: 2022-11-30, label: ChatGPT released } or { y: 0.05, label: 5% }");
        String label = am.containsKey("label") ? am.get("label").asString("label") : "";
        if (am.containsKey("x")) {
            YamlNode xn = am.get("x");
            String xv = xn.asString("annotation x").trim();
            if (XValues.parseDate(xv) == null && XValues.parseNumber(xv) == null)
                throw xn.fail("annotation x '" + xv + "' is neither a date nor a number", "write a date as 2022-11-30, or a number");
            return new Annotation(xv, null, label, xn);
        }
        YamlNode yn = am.get("y");
        String yv = yn.asString("annotation y").trim();
        Double yd = XValues.parseNumber(yv);
        if (yd == null) throw yn.fail("annotation y '" + yv + "' is not a number", "a horizontal line needs a y value such as 0.05 or 1000");
        return new Annotation(null, yd, label, yn);
    }

    private static double aspect(YamlNode n) {
        String s = n.asString("height").trim();
        try {
            if (s.contains(":")) {
                String[] p = s.split(":");
                double r = Double.parseDouble(p[1].trim()) / Double.parseDouble(p[0].trim());
                if (r >= 0.2 && r <= 2) return r;
            } else {
                double v = Double.parseDouble(s);
                if (v >= 0.2 && v <= 2) return v;
                if (v >= 120 && v <= 1200) return v / ChartRenderer.WIDE;
            }
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            // reported below
        }
        throw n.fail("height '" + s + "' is not an aspect ratio",
                "write a width:height ratio such as 16:9, a height/width ratio between 0.2 and 2 (e.g. 0.6), or a height in px at "
                        + ChartRenderer.WIDE + " px width");
    }

    private static String required(Map<String, YamlNode> m, String key, YamlNode body, Diagnostics problems, String hint) {
        String v = text(m, key, problems);
        if (v == null && !m.containsKey(key)) problems.add(body.error("a chart needs '" + key + "'", hint));
        return v == null ? null : v.trim();
    }

    private static String text(Map<String, YamlNode> m, String key, Diagnostics problems) {
        YamlNode n = m.get(key);
        if (n == null || n.isNull()) return null;
        return problems.collect(() -> n.asString(key));
    }

    private static Double number(Map<String, YamlNode> m, String key, Diagnostics problems) {
        YamlNode n = m.get(key);
        if (n == null || n.isNull()) return null;
        return problems.collect(() -> n.asDouble(key));
    }
}
