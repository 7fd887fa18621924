package io.datadesk.data;

import io.datadesk.error.Diagnostics;
import io.datadesk.yaml.YamlNode;
import java.util.List;
import java.util.Map;

/**
 * Where data comes from, as an author credits it on a chart or a dataset: {@code source: layoffs.fyi} or
 * {@code source: { text: layoffs.fyi, url: https://layoffs.fyi }}.
 *
 * @param url {@code null} when the source has no link
 */
public record Attribution(String text, String url) {

    /** Reads a {@code source:} value; problems go to {@code problems} and give {@code null}. */
    public static Attribution parse(YamlNode node, Diagnostics problems) {
        if (node == null || node.isNull()) return null;
        if (!node.isMap()) {
            String text = problems.collect(() -> node.asString("source"));
            return text == null || text.isBlank() ? null : new Attribution(text.strip(), null);
        }
        Map<String, YamlNode> m = node.asMap("source");
        problems.addAll(node.unknownKeys("source key", List.of("text", "url")));
        String text = value(m, "text", problems);
        String url = value(m, "url", problems);
        if (text == null) {
            problems.add(node.error("'source' needs 'text'", "write source: { text: layoffs.fyi, url: https://layoffs.fyi }"));
            return null;
        }
        if (url != null && !url.matches("(?i)(https?://|/|\\./|\\.\\./).*")) {
            problems.add(m.get("url").error("source url must start with http://, https:// or /", ""));
            return null;
        }
        return new Attribution(text, url);
    }

    private static String value(Map<String, YamlNode> m, String key, Diagnostics problems) {
        YamlNode n = m.get(key);
        if (n == null || n.isNull()) return null;
        String s = problems.collect(() -> n.asString(key));
        return s == null ? null : s.strip();
    }
}
