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
        // A link to change ends its path in "/" followed by '"' or '#': a body without either (most pages) is returned
        // as it is, without the expression's search and a copy of the whole body.
        if (!html.contains("/\"") && !html.contains("/#")) return html;
        Matcher m = DIR_HREF.matcher(html);
        if (!m.find()) return html;
        StringBuilder out = new StringBuilder(html.length() + 64);
        do {
            String anchor = m.group(2) == null ? "" : m.group(2);
            m.appendReplacement(out, Matcher.quoteReplacement("href=\"" + m.group(1) + "index.html" + anchor + "\""));
        } while (m.find());
        m.appendTail(out);
        return out.toString();
    }

    /**
     * The value of an {@code href} attribute as written (escaped, without quotes) as {@link #pointDirectoriesAtIndex}
     * leaves it in a body: the same expression on the attribute alone, which matches within one attribute's quotes.
     */
    static String pointDirectoryAtIndex(String hrefValue) {
        if (!hrefValue.endsWith("/") && !hrefValue.contains("/#")) return hrefValue;
        String attr = "href=\"" + hrefValue + "\"";
        String pointed = pointDirectoriesAtIndex(attr);
        return pointed == attr ? hrefValue : pointed.substring(6, pointed.length() - 1);
    }
}
