package io.datadesk.render;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small rewrites of links in rendered page bodies. */
final class HtmlLinks {

    private HtmlLinks() {}

    // href="x/" or href="../" (relative, ends in '/', no scheme, no query): a regex suffices because Flexmark
    // writes attributes in one canonical form (double quotes, no spaces around '=').
    private static final Pattern DIR_HREF = Pattern.compile("href=\"((?![a-zA-Z][a-zA-Z0-9+.-]*:|/|#)[^\"?#]*/)(#[^\"]*)?\"");

    /**
     * Adds {@code index.html} to relative links that end in '/', so that the site also works opened from disk, where
     * browsers do not look for an index file in a folder.
     */
    static String pointDirectoriesAtIndex(String html) {
        Matcher m = DIR_HREF.matcher(html);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String anchor = m.group(2) == null ? "" : m.group(2);
            m.appendReplacement(out, Matcher.quoteReplacement("href=\"" + m.group(1) + "index.html" + anchor + "\""));
        }
        m.appendTail(out);
        return out.toString();
    }
}
