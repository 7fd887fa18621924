package io.datadesk.data;

import io.datadesk.error.Diagnostics;
import io.datadesk.format.Typography;
import io.datadesk.yaml.YamlNode;
import java.util.List;
import java.util.Map;

/**
 * Where data comes from, as an author credits it on a chart or a dataset: {@code source: layoffs.fyi},
 * {@code source: { text: layoffs.fyi, url: https://layoffs.fyi }}, or with the publisher named apart so that a page
 * lists each publisher once with its series under it: {@code source: { publisher: US Bureau of Labor Statistics,
 * text: "unemployment rate (UNRATE), via FRED", url: ... }}.
 *
 * @param text the whole credit as readers see it under a chart ("US Bureau of Labor Statistics, unemployment rate
 *     (UNRATE), via FRED"): the publisher and the text joined by a comma when both are given, the full-width "，"
 *     when either side of it is Chinese or Japanese ("美国劳工统计局，失业率")
 * @param url {@code null} when the source has no link
 * @param publisher who published the data when the author named it apart, else {@code null}
 */
public record Attribution(String text, String url, String publisher) {

    public Attribution(String text, String url) {
        this(text, url, null);
    }

    /**
     * The comma between a publisher and its series: a credit does not know its page's language (one dataset serves
     * every edition), so the script on either side of the comma decides, as a Chinese typesetter would.
     */
    static String comma(String before, String after) {
        return wide(before.codePointBefore(before.length())) || wide(after.codePointAt(0)) ? "，" : ", ";
    }

    /** Han, kana and the full-width forms: text set without spaces, whose punctuation is full width. */
    private static boolean wide(int cp) {
        Character.UnicodeScript s = Character.UnicodeScript.of(cp);
        return s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA || s == Character.UnicodeScript.KATAKANA
                || (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFFEF);
    }

    /** Reads a {@code source:} value; problems go to {@code problems} and give {@code null}. */
    public static Attribution parse(YamlNode node, Diagnostics problems) {
        if (node == null || node.isNull()) return null;
        if (!node.isMap()) {
            String text = problems.collect(() -> node.asString("source"));
            return text == null || text.isBlank() ? null : new Attribution(Typography.smarten(text.strip()), null);
        }
        Map<String, YamlNode> m = node.asMap("source");
        problems.addAll(node.unknownKeys("source key", List.of("text", "url", "publisher")));
        String text = value(m, "text", problems);
        String url = value(m, "url", problems);
        String publisher = value(m, "publisher", problems);
        if (publisher != null && publisher.isEmpty()) publisher = null;
        if (text == null && publisher == null) {
            problems.add(node.error("'source' needs 'text'", "write source: { text: layoffs.fyi, url: https://layoffs.fyi }"));
            return null;
        }
        if (publisher != null)
            text = text == null || text.isEmpty() ? publisher : text.startsWith(publisher) ? text : publisher + comma(publisher, text) + text;
        if (url != null && !url.matches("(?i)(https?://|/|\\./|\\.\\./).*")) {
            problems.add(m.get("url").error("source url must start with http://, https:// or /", ""));
            return null;
        }
        return new Attribution(Typography.smarten(text), url, Typography.smarten(publisher));
    }

    private static String value(Map<String, YamlNode> m, String key, Diagnostics problems) {
        YamlNode n = m.get(key);
        if (n == null || n.isNull()) return null;
        String s = problems.collect(() -> n.asString(key));
        return s == null ? null : s.strip();
    }
}
