package io.datadesk.chart;

/** Escaping for text and attribute values in HTML and SVG (the same five characters serve both). */
final class Html {

    private Html() {}

    static String escape(String s) {
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
