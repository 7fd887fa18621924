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
 *
 * <p>{@code estimated}/{@code partial} name boolean columns that flag a row's value as an estimate or as covering
 * part of a period only (drawn hatched or lighter, and said so in the legend, description and data table);
 * {@code size} names the column that sizes a scatter chart's bubbles; {@code endLabels} puts each series' name at
 * the end of its line instead of a legend.
 */
public record ChartSpec(
        ChartType type, String data, String x, List<String> y, String series,
        String title, String subtitle, String xLabel, String yLabel, String xFormat, String yFormat,
        Double yMin, Double yMax, List<String> colors, Legend legend, double height,
        String sourceText, String sourceUrl, String sourcePublisher, String note, String alt, List<Annotation> annotations, boolean allowEmpty,
        String estimated, String partial, boolean xLog, boolean yLog, String size, String xMin, String xMax, boolean endLabels,
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
            "annotations", "empty", "estimated", "partial", "x-scale", "y-scale", "size", "x-min", "x-max", "labels");

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
        String sourcePublisher = source == null ? null : source.publisher();
        List<Annotation> annotations = new ArrayList<>();
        if (m.containsKey("annotations")) {
            List<YamlNode> as = problems.collect(() -> m.get("annotations").asList("annotations"));
            if (as != null) for (YamlNode a : as) {
                ChartType kind = type;
                Annotation ann = problems.collect(() -> annotation(a, kind));
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
        String estimated = column(m, "estimated", problems);
        String partial = column(m, "partial", problems);
        boolean xLog = scale(m, "x-scale", problems), yLog = scale(m, "y-scale", problems);
        String size = column(m, "size", problems);
        String xMin = bound(m, "x-min", problems);
        String xMax = bound(m, "x-max", problems);
        boolean endLabels = false;
        String labels = text(m, "labels", problems);
        if (labels != null) {
            if (labels.trim().equals("end")) endLabels = true;
            else if (!labels.trim().equals("legend"))
                problems.add(m.get("labels").error("unknown value '" + labels + "' for 'labels'",
                        "write 'labels: end' to name each line at its end instead of in a legend"));
        }
        if (type != null && size != null && type != ChartType.SCATTER)
            problems.add(m.get("size").error("'size' sizes the bubbles of a scatter chart", "use 'type: scatter', or remove 'size'"));
        if (type != null && endLabels && type != ChartType.LINE && type != ChartType.AREA)
            problems.add(m.get("labels").error("'labels: end' names lines at their end; a " + type.key() + " chart has none",
                    "use it on line or area charts"));
        if (type != null && xLog && !type.isXY())
            problems.add(m.get("x-scale").error("a " + type.key() + " chart has no numeric x axis to draw on a log scale", "remove 'x-scale'"));
        if (type != null && yLog && (type.isPart() || type == ChartType.HBAR || type.isStacked()))
            problems.add(m.get("y-scale").error("a " + type.key() + " chart cannot use a log scale", "remove 'y-scale', or use a line, bar or scatter chart"));
        if ((xMin != null || xMax != null) && type != null && !type.isXY())
            problems.add(m.getOrDefault("x-min", m.get("x-max")).error("'x-min'/'x-max' set a numeric or date x axis; a "
                    + type.key() + " chart has categories", "remove them"));
        if (type != null && type.isPart() && y.size() > 1)
            problems.add(m.get("y").error("a " + type.key() + " chart shows one y column", "give one column: 'y: value'"));
        if (type == ChartType.HBAR && y.size() > 1)
            problems.add(m.get("y").error("an hbar chart shows one y column", "give one column, or use 'bar' for several series"));
        problems.throwIfAny();
        // Words readers see get the prose's typographic quotes and dashes; names and formats stay as written.
        return new ChartSpec(type, data, x, y, series, smart(m, "title", problems), smart(m, "subtitle", problems),
                smart(m, "x-label", problems), smart(m, "y-label", problems), text(m, "x-format", problems),
                text(m, "y-format", problems), yMin, yMax, colors, legend, height, sourceText, sourceUrl, sourcePublisher,
                smart(m, "note", problems), smart(m, "alt", problems), annotations, allowEmpty,
                estimated, partial, xLog, yLog, size, xMin, xMax, endLabels, body);
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
        for (String k : List.of("estimated", "partial", "size")) {
            String col = k.equals("estimated") ? estimated : k.equals("partial") ? partial : size;
            if (col != null && r.indexOf(col) < 0) {
                String dym = Suggest.didYouMean(col, r.columnNames());
                problems.add(at(k).error("no column '" + col + "' in '" + data + "'",
                        (dym.isEmpty() ? "" : dym + " ") + "Columns: " + String.join(", ", r.columnNames()) + "."));
            }
        }
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
        if (size != null && r.column(size).isPresent() && !r.column(size).get().type().isNumeric())
            problems.add(at("size").error("column '" + size + "' is not a number", "bubbles are sized by a numeric column"));
        if (yLog)
            for (String col : y)
                if (r.values(col).stream().anyMatch(v -> v instanceof Number n && n.doubleValue() <= 0))
                    problems.add(at("y-scale").error("column '" + col + "' has zero or negative values, which a log scale cannot show",
                            "filter them out in the query, or remove 'y-scale: log'"));
        if (r.rowCount() == 0 && !allowEmpty)
            problems.add(at("data").error("query result '" + data + "' has no rows, so there is nothing to draw",
                    "check the query's filters, or add 'empty: allow' to show an explicit \"No data\" chart"));
        for (Annotation a : annotations)
            if (a.vertical() && !type.isXY() && !type.isCategory())
                problems.add(a.node().error("a " + type.key() + " chart has no x axis to mark with a vertical line",
                        "vertical annotations ({ x: ... }) work on line, area, scatter and bar charts; use { y: ... } here"));
            else if (a.vertical() && type.isCategory() && r.values(x).stream().noneMatch(v -> v != null && categoryMatches(v, a.x())))
                problems.add(a.node().error("annotation x '" + a.x() + "' is not one of the categories of '" + x + "'",
                        "write a category as it appears in the data, e.g. " + r.values(x).stream().filter(v -> v != null).limit(3)
                                .map(String::valueOf).reduce((p, q) -> p + ", " + q).orElse("")));
            else if (!a.vertical() && (type.isPart() || type == ChartType.HBAR))
                problems.add(a.node().error("a " + type.key() + " chart has no y axis to mark", "remove the annotation"));
        if (type.isXY() && r.rowCount() > 0 && r.column(x).isPresent()) {
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

    /** Whether a bar category (a value of x) is the one an annotation names: as text, or as the same date. */
    static boolean categoryMatches(Object value, String named) {
        if (String.valueOf(value).equals(named)) return true;
        java.time.LocalDate d = XValues.date(value), n = XValues.parseDate(named);
        return d != null && d.equals(n);
    }

    /** The node of an option's value (or the block itself when the option is absent), for located messages. */
    YamlNode at(String key) {
        Map<String, YamlNode> m = node.asMap("a chart block");
        return m.getOrDefault(key, node);
    }

    private static Annotation annotation(YamlNode a, ChartType type) {
        Map<String, YamlNode> am = a.asMap("an annotation");
        List<Diagnostic> unknown = a.unknownKeys("annotation key", List.of("x", "y", "label"));
        if (!unknown.isEmpty()) throw new ContentException(unknown);
        if (am.containsKey("x") == am.containsKey("y"))
            throw a.fail("an annotation needs either 'x' (a vertical line) or 'y' (a horizontal line)",
                    "e.g. { x: 2022-11-30, label: ChatGPT released } or { y: 0.05, label: 5% }");
        String label = am.containsKey("label") ? io.datadesk.format.Typography.smarten(am.get("label").asString("label")) : "";
        if (am.containsKey("x")) {
            YamlNode xn = am.get("x");
            String xv = xn.asString("annotation x").trim();
            // A bar chart's x names a category, checked against the data; other axes need a date or a number.
            if ((type == null || !type.isCategory()) && XValues.parseDate(xv) == null && XValues.parseNumber(xv) == null)
                throw xn.fail("annotation x '" + xv + "' is neither a date nor a number", "write a date as 2022-11-30, or a number");
            return new Annotation(xv, null, label, xn);
        }
        YamlNode yn = am.get("y");
        String yv = yn.asString("annotation y").trim();
        Double yd = XValues.parseNumber(yv);
        if (yd == null) throw yn.fail("annotation y '" + yv + "' is not a number", "a horizontal line needs a y value such as 0.05 or 1000");
        return new Annotation(null, ChartGuard.inRange(yd, yn, "annotation y"), label, yn);
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

    private static String smart(Map<String, YamlNode> m, String key, Diagnostics problems) {
        return io.datadesk.format.Typography.smarten(text(m, key, problems));
    }

    private static String text(Map<String, YamlNode> m, String key, Diagnostics problems) {
        YamlNode n = m.get(key);
        if (n == null || n.isNull()) return null;
        return problems.collect(() -> n.asString(key));
    }

    private static String column(Map<String, YamlNode> m, String key, Diagnostics problems) {
        String v = text(m, key, problems);
        return v == null ? null : v.trim();
    }

    /** x-min/x-max: a date or a number, as written (which one fits is up to the data's x axis). */
    private static String bound(Map<String, YamlNode> m, String key, Diagnostics problems) {
        String v = column(m, key, problems);
        if (v != null && XValues.parseDate(v) == null && XValues.parseNumber(v) == null) {
            problems.add(m.get(key).error("'" + v + "' is neither a date nor a number", "write a date as 2020-01-01, or a number"));
            return null;
        }
        return v;
    }

    /** An x-min/x-max bound as a position on an axis of dates (epoch day) or numbers; NaN when not given. */
    static double position(String bound, boolean dates) {
        if (bound == null) return Double.NaN;
        if (dates) {
            java.time.LocalDate d = XValues.parseDate(bound);
            return d == null ? Double.NaN : d.toEpochDay();
        }
        Double n = XValues.parseNumber(bound);
        return n == null ? Double.NaN : n;
    }

    private static boolean scale(Map<String, YamlNode> m, String key, Diagnostics problems) {
        String v = text(m, key, problems);
        if (v == null || v.trim().equals("linear")) return false;
        if (v.trim().equals("log")) return true;
        problems.add(m.get(key).error("unknown scale '" + v + "'", "use 'log' or 'linear'"));
        return false;
    }

    private static Double number(Map<String, YamlNode> m, String key, Diagnostics problems) {
        YamlNode n = m.get(key);
        if (n == null || n.isNull()) return null;
        return problems.collect(() -> ChartGuard.inRange(n.asDouble(key), n, key));
    }
}
