package io.datadesk.format;

/**
 * The one escaper for text and attribute values that datadesk writes into HTML and SVG itself (tables, charts, the
 * SQL under a query): the same five characters serve both, and control characters, which XML forbids, become
 * spaces. Hand-written rather than a library call because it is these few lines, and it must not change output
 * that the golden tests pin down. Templates escape through Thymeleaf.
 */
public final class Html {

    private Html() {}

    public static String escape(String s) {
        if (s == null) return "";
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t') sb.append(' '); // control characters are not allowed in XML
                    else sb.append(c);
                }
            }
        }
        return sb.toString();
    }
}
