package io.datadesk.yaml;

import io.datadesk.error.ContentException;
import io.datadesk.error.Diagnostic;
import io.datadesk.error.Suggest;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * A YAML node that knows where it stands in its file, so every error about configuration, front matter or a
 * directive block can name the file, line and column.
 *
 * <p>Why not plain {@code Load.loadFromString}: it returns maps and lists without positions. We compose
 * snakeyaml-engine's node graph instead and keep each node's start mark. Scalars stay strings; callers convert
 * them ({@link #asInt}, {@link #asDouble}, {@link #asBoolean}) so that a type error can be reported at the value.
 */
public final class YamlNode {

    private final Node node;
    private final String file;
    private final int lineOffset;

    /**
     * The deepest nesting a YAML text may have. snakeyaml-engine recurses once per level and has no limit of its own:
     * a few thousand levels ({@code tags: [[[[…]]]]}) overflowed the stack, an Error with no file or line. So the
     * depth is estimated before parsing, from the text. Real front matter and block options use a handful of levels.
     */
    public static final int MAX_NESTING = 50;

    /**
     * The line and column (1-based, within {@code text}) where nesting first goes deeper than {@link #MAX_NESTING},
     * or null. An upper bound of YAML's own nesting, counted by hand because it must come before the parser:
     * block levels (a stack of indentations), compact sequences on one line ({@code - - - x}), and flow brackets
     * (brackets inside quotes count too, which can only over-count).
     */
    static int[] tooDeep(String text) {
        java.util.ArrayDeque<Integer> indents = new java.util.ArrayDeque<>();
        int flow = 0, lineNo = 0;
        for (String line : text.split("\n", -1)) {
            lineNo++;
            int indent = 0;
            while (indent < line.length() && line.charAt(indent) == ' ') indent++;
            if (indent == line.length() || line.charAt(indent) == '#') continue;
            while (!indents.isEmpty() && indents.peek() > indent) indents.pop();
            if (indents.isEmpty() || indents.peek() < indent) indents.push(indent);
            int depth = indents.size();
            int i = indent;
            while (i + 1 < line.length() && (line.charAt(i) == '-' || line.charAt(i) == '?') && line.charAt(i + 1) == ' ') {
                depth++;
                i += 2;
                while (i < line.length() && line.charAt(i) == ' ') i++;
            }
            if (depth + flow > MAX_NESTING) return new int[] {lineNo, i + 1};
            for (int c = i; c < line.length(); c++) {
                char ch = line.charAt(c);
                if (ch == '[' || ch == '{') {
                    if (depth + ++flow > MAX_NESTING) return new int[] {lineNo, c + 1};
                } else if ((ch == ']' || ch == '}') && flow > 0) flow--;
            }
        }
        return null;
    }

    private YamlNode(Node node, String file, int lineOffset) {
        this.node = node;
        this.file = file;
        this.lineOffset = lineOffset;
    }

    /**
     * Parses one YAML document. {@code firstLine} is the 1-based line in {@code file} where {@code text} starts, so
     * positions are reported in the file's terms (front matter starts at line 2, a fenced block after its fence).
     * An empty document gives an empty mapping.
     */
    public static YamlNode parse(String text, String file, int firstLine) {
        int[] deep = tooDeep(text);
        if (deep != null)
            throw new ContentException(new Diagnostic(file, deep[0] + firstLine - 1, deep[1], "YAML nested more than " + MAX_NESTING
                    + " levels deep", "front matter and chart or table options need a few levels; flatten the structure"));
        LoadSettings settings = LoadSettings.builder().setLabel(file).setAllowDuplicateKeys(false).build();
        try {
            Composer composer = new Composer(settings, new ParserImpl(settings, new StreamReader(settings, new StringReader(text))));
            Optional<Node> root = composer.getSingleNode();
            Node n = root.orElseGet(() -> new MappingNode(org.snakeyaml.engine.v2.nodes.Tag.MAP, List.of(),
                    org.snakeyaml.engine.v2.common.FlowStyle.BLOCK));
            return new YamlNode(n, file, firstLine - 1);
        } catch (MarkedYamlEngineException e) {
            int[] color = unquotedColor(text);
            if (color != null)
                throw new ContentException(new Diagnostic(file, color[0] + firstLine, color[1] + 1,
                        "invalid YAML: the unquoted '#' of a color starts a comment, which hides the rest of this line", COLOR_HINT));
            Mark m = e.getProblemMark().or(e::getContextMark).orElse(null);
            int line = m == null ? firstLine : m.getLine() + firstLine;
            int col = m == null ? 0 : m.getColumn() + 1;
            String problem = e.getProblem() == null ? "invalid YAML" : e.getProblem();
            String context = e.getContext() == null ? "" : " (" + e.getContext() + ")";
            throw new ContentException(new Diagnostic(file, line, col, "invalid YAML: " + problem + context,
                    "check indentation, and quote values that contain ': ' or start with a special character such as '{', '[', '*' or '&'"));
        } catch (RuntimeException e) {
            throw new ContentException(new Diagnostic(file, firstLine, 0, "invalid YAML: " + e.getMessage(), ""));
        }
    }

    /** What to do about a color written without quotes, whose '#' YAML reads as the start of a comment. */
    public static final String COLOR_HINT = "quote colors: a '#' after a space or '[' starts a YAML comment; "
            + "write e.g. colors: ['#0072b2', '#d55e00']";

    private static final java.util.regex.Pattern HEX_COLOR = java.util.regex.Pattern.compile("#[0-9a-fA-F]{3}(?:[0-9a-fA-F]{3})?\\b");

    /**
     * The 0-based line and column of the first '#' in {@code text} that YAML reads as a comment although it looks
     * like a color ({@code #0072b2}), or {@code null}. Quotes are followed so that {@code '#0072b2'} is not counted.
     */
    public static int[] unquotedColor(String text) {
        String[] lines = text.split("\n", -1);
        for (int ln = 0; ln < lines.length; ln++) {
            String l = lines[ln];
            char quote = 0;
            for (int i = 0; i < l.length(); i++) {
                char c = l.charAt(i);
                if (quote != 0) {
                    if (c == quote) quote = 0;
                } else if (c == '\'' || c == '"') {
                    if (i == 0 || " \t[{,:-".indexOf(l.charAt(i - 1)) >= 0) quote = c;
                } else if (c == '#') {
                    boolean comment = i == 0 || " \t[{,".indexOf(l.charAt(i - 1)) >= 0;
                    if (!comment) continue;
                    if (HEX_COLOR.matcher(l).region(i, l.length()).lookingAt()) return new int[] {ln, i};
                    break; // a real comment: the rest of the line is not YAML
                }
            }
        }
        return null;
    }

    public String file() {
        return file;
    }

    /** 1-based line of this node in {@link #file()}. */
    public int line() {
        return node.getStartMark().map(m -> m.getLine() + 1 + lineOffset).orElse(lineOffset + 1);
    }

    /** 1-based column of this node. */
    public int column() {
        return node.getStartMark().map(m -> m.getColumn() + 1).orElse(0);
    }

    public boolean isMap() {
        return node instanceof MappingNode;
    }

    public boolean isList() {
        return node instanceof SequenceNode;
    }

    public boolean isScalar() {
        return node instanceof ScalarNode;
    }

    /** A scalar that was written as {@code ~}, {@code null} or nothing at all. */
    public boolean isNull() {
        return node instanceof ScalarNode s && s.getTag().getValue().endsWith(":null");
    }

    /** A problem located at this node. */
    public Diagnostic error(String message, String hint) {
        return new Diagnostic(file, line(), column(), message, hint);
    }

    /** Throws a {@link ContentException} located at this node. */
    public ContentException fail(String message, String hint) {
        return new ContentException(error(message, hint));
    }

    /** The entries of a mapping, keys in document order. Each key's own position is kept, see {@link #keyNode}. */
    public Map<String, YamlNode> asMap(String what) {
        if (!(node instanceof MappingNode m)) throw fail(what + " must be a mapping of 'key: value' lines, not " + kind(), "");
        Map<String, YamlNode> out = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            YamlNode key = new YamlNode(t.getKeyNode(), file, lineOffset);
            out.put(key.scalar(), new YamlNode(t.getValueNode(), file, lineOffset));
        }
        return out;
    }

    /** The node of a key in this mapping (for errors about the key itself, such as an unknown option). */
    public YamlNode keyNode(String key) {
        if (node instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                YamlNode k = new YamlNode(t.getKeyNode(), file, lineOffset);
                if (key.equals(k.scalar())) return k;
            }
        }
        return this;
    }

    /**
     * Reports every key of this mapping that is not in {@code allowed}, with the closest allowed key suggested.
     * Returns the problems rather than throwing so a caller can report all of them at once.
     */
    public List<Diagnostic> unknownKeys(String what, Collection<String> allowed) {
        List<Diagnostic> out = new ArrayList<>();
        if (!(node instanceof MappingNode m)) return out;
        for (NodeTuple t : m.getValue()) {
            YamlNode k = new YamlNode(t.getKeyNode(), file, lineOffset);
            String name = k.scalar();
            if (!allowed.contains(name)) {
                String hint = Suggest.didYouMean(name, allowed);
                out.add(k.error("unknown " + what + " '" + name + "'",
                        (hint.isEmpty() ? "" : hint + " ") + "Valid keys: " + String.join(", ", allowed) + "."));
            }
        }
        return out;
    }

    public List<YamlNode> asList(String what) {
        if (node instanceof SequenceNode s) {
            List<YamlNode> out = new ArrayList<>();
            for (Node n : s.getValue()) out.add(new YamlNode(n, file, lineOffset));
            return out;
        }
        throw fail(what + " must be a list, not " + kind(), "write one '- item' per line, or [a, b]");
    }

    /** A single value or a list of values, as a list (for options such as {@code y: a} or {@code y: [a, b]}). */
    public List<YamlNode> asScalarOrList(String what) {
        return isList() ? asList(what) : List.of(this);
    }

    /** The text of a scalar. Fails on a mapping or list. */
    public String asString(String what) {
        if (node instanceof ScalarNode) return scalar();
        throw fail(what + " must be a single value, not " + kind(), "");
    }

    public int asInt(String what) {
        String s = asString(what).trim();
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw fail(what + " must be a whole number, not '" + s + "'", "");
        }
    }

    public double asDouble(String what) {
        String s = asString(what).trim();
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw fail(what + " must be a number, not '" + s + "'", "");
        }
    }

    public boolean asBoolean(String what) {
        String s = asString(what).trim().toLowerCase();
        return switch (s) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw fail(what + " must be true or false, not '" + s + "'", "");
        };
    }

    /** Plain Java view (String, List, Map) for passing on to templates; positions are lost. */
    public Object toJava() {
        if (node instanceof ScalarNode) return isNull() ? null : scalar();
        if (node instanceof SequenceNode) return asList("value").stream().map(YamlNode::toJava).toList();
        Map<String, Object> out = new LinkedHashMap<>();
        asMap("value").forEach((k, v) -> out.put(k, v.toJava()));
        return out;
    }

    private String scalar() {
        return node instanceof ScalarNode s ? s.getValue() : "";
    }

    private String kind() {
        return node instanceof MappingNode ? "a mapping" : node instanceof SequenceNode ? "a list" : "a single value";
    }

    @Override
    public String toString() {
        return file + ":" + line() + ":" + column() + " " + toJava();
    }
}
