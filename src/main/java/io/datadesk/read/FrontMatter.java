package io.datadesk.read;

import io.datadesk.error.ContentException;
import io.datadesk.error.Diagnostic;
import io.datadesk.error.Diagnostics;
import io.datadesk.yaml.YamlNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The YAML header of a page, between two {@code ---} lines.
 *
 * @param data the {@code data:} declarations, kept as positioned YAML for the data stage to read (null if absent)
 * @param provenance {@code provenance: false} turns off the page's "How the numbers were computed" and its links
 *     (null: the site's setting)
 */
public record FrontMatter(String title, String subtitle, String description, String author, LocalDate date,
                          LocalDate updated, boolean draft, List<String> tags, String lang, String template,
                          YamlNode data, Boolean provenance) {

    public static final List<String> KEYS = List.of("title", "subtitle", "description", "author", "date", "updated",
            "draft", "tags", "lang", "template", "data", "provenance");

    public FrontMatter {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    public Optional<LocalDate> dateOpt() {
        return Optional.ofNullable(date);
    }

    /**
     * Splits a Markdown file into front matter and body. The body keeps the front matter's lines as blank lines,
     * so that line numbers Flexmark reports for the body are line numbers of the file.
     */
    public static Split split(String source, String file) {
        String text = source.startsWith("\uFEFF") ? source.substring(1) : source;
        // The lines as text.split("\r?\n", -1) gives them, found by scanning: only the front matter's lines are
        // looked at, and the body is cut out whole (a regular-expression split and join of every page's every line
        // was 1.5 % of a 1,000-page build). Line breaks become "\n" in both parts, as that split and join made them.
        int firstEnd = lineEnd(text, 0);
        if (!text.substring(0, firstEnd).strip().equals("---")) {
            throw new ContentException(new Diagnostic(file, 1, 1, "the page has no front matter",
                    "start the file with a '---' line, then at least 'title: ...', then another '---' line"));
        }
        int yamlStart = firstEnd + 1;
        for (int i = 1, start = yamlStart; start <= text.length() && firstEnd < text.length(); i++) {
            int end = lineEnd(text, start);
            String l = text.substring(start, end).strip();
            if (l.equals("---") || l.equals("...")) {
                int yamlEnd = Math.max(yamlStart, start - 1); // the line break before the closing line, without its \r
                if (yamlEnd > yamlStart && text.charAt(yamlEnd - 1) == '\r') yamlEnd--;
                String yaml = start == yamlStart ? "" : text.substring(yamlStart, yamlEnd).replace("\r\n", "\n");
                String rest = end >= text.length() ? "" : text.substring(end + 1).replace("\r\n", "\n");
                return new Split(yaml, "\n".repeat(i + 1) + rest);
            }
            if (end >= text.length()) break;
            start = end + 1;
        }
        throw new ContentException(new Diagnostic(file, 1, 1, "the front matter is not closed",
                "add a line with '---' after the last front matter key"));
    }

    /** Where the line starting at {@code start} ends: its {@code \n}, or the end of the text. */
    private static int lineEnd(String text, int start) {
        int n = text.indexOf('\n', start);
        return n < 0 ? text.length() : n;
    }

    /** Front matter YAML (starting on line 2 of the file) and the Markdown body (line numbers preserved). */
    public record Split(String yaml, String body) {}

    /** Parses and validates front matter YAML that starts at line 2 of {@code file}. Reports all problems at once. */
    public static FrontMatter parse(String yaml, String file) {
        YamlNode root = YamlNode.parse(yaml, file, 2);
        Map<String, YamlNode> map = root.asMap("front matter");
        Diagnostics problems = new Diagnostics();
        problems.addAll(root.unknownKeys("front matter key", KEYS));
        String title = problems.collect(() -> text(map, "title"));
        if (title == null || title.isBlank()) {
            if (!map.containsKey("title") || map.get("title").isNull())
                problems.add(new Diagnostic(file, 2, 1, "front matter has no 'title'",
                        "add a line 'title: Your headline' between the '---' lines"));
        }
        String subtitle = problems.collect(() -> text(map, "subtitle"));
        String description = problems.collect(() -> text(map, "description"));
        String author = problems.collect(() -> text(map, "author"));
        LocalDate date = problems.collect(() -> date(map, "date"));
        LocalDate updated = problems.collect(() -> date(map, "updated"));
        Boolean draft = problems.collect(() -> map.containsKey("draft") ? map.get("draft").asBoolean("draft") : false);
        List<String> tags = problems.collect(() -> map.containsKey("tags")
                ? map.get("tags").asScalarOrList("tags").stream().map(n -> n.asString("a tag")).toList() : List.of());
        String lang = problems.collect(() -> text(map, "lang"));
        String template = problems.collect(() -> text(map, "template"));
        if (template != null && !template.matches("[A-Za-z0-9_-]+")) {
            problems.add(map.get("template").error("template must be a template name such as 'article', not '" + template + "'",
                    "name a file in templates/ without '.html'"));
        }
        Boolean provenance = problems.collect(() -> map.containsKey("provenance") ? map.get("provenance").asBoolean("provenance") : null);
        problems.throwIfAny();
        return new FrontMatter(title, subtitle, description, author, date, updated, Boolean.TRUE.equals(draft), tags,
                lang, template, map.get("data"), provenance);
    }

    private static String text(Map<String, YamlNode> map, String key) {
        YamlNode n = map.get(key);
        return n == null || n.isNull() ? null : n.asString(key).strip();
    }

    /**
     * The date {@code LocalDate.parse} reads from {@code yyyy-MM-dd} with four-digit year, or null when the text has
     * another form or is no date (then {@code LocalDate.parse} decides, and words the error). Why by hand: the JDK's
     * formatter builds a parse context, a field map and a resolver for each date, a tenth of reading a page's front
     * matter.
     */
    static LocalDate isoDate(String s) {
        if (s.length() != 10 || s.charAt(4) != '-' || s.charAt(7) != '-') return null;
        int year = digits(s, 0, 4), month = digits(s, 5, 7), day = digits(s, 8, 10);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > java.time.Month.of(month).length(java.time.Year.isLeap(year)))
            return null;
        return LocalDate.of(year, month, day);
    }

    /** The decimal number written by ASCII digits from {@code from} to {@code to}, or -1. */
    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return -1;
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static LocalDate date(Map<String, YamlNode> map, String key) {
        YamlNode n = map.get(key);
        if (n == null || n.isNull()) return null;
        String s = n.asString(key).strip();
        String written = s.length() > 10 ? s.substring(0, 10) : s;
        LocalDate quick = isoDate(written);
        if (quick != null) return quick;
        try {
            return LocalDate.parse(written);
        } catch (DateTimeParseException e) {
            throw n.fail(key + " must be a date written yyyy-MM-dd, not '" + s + "'", "for example " + key + ": 2026-11-29");
        }
    }
}
