package io.datadesk.serve;

import io.datadesk.error.Diagnostic;
import java.nio.file.Path;
import org.jsoup.nodes.Entities;
import java.util.List;
import java.util.Optional;

/**
 * How a failed rebuild shows in the browser: every problem with its file, line, hint and the surrounding source lines,
 * the problem line highlighted. Shown over the last good page, or as a page of its own when there is none yet.
 * Every text is HTML-escaped: messages quote the author's content, which may hold markup.
 */
final class ErrorPage {

    static final String ELEMENT_ID = "datadesk-error";

    // Every property the site's own stylesheet might set on these elements is set here with the overlay's id, which
    // outranks element and class selectors: the overlay must look the same over any theme.
    private static final String STYLE = """
            #datadesk-error{all:initial;position:fixed;inset:0;z-index:2147483647;overflow:auto;background:#16161a;\
            color:#ececec;font:14px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;padding:2rem 1rem}\
            #datadesk-error *{box-sizing:border-box;font:inherit;color:inherit;letter-spacing:normal;text-transform:none}\
            #datadesk-error .dd-box{display:block;max-width:62rem;margin:0 auto}\
            #datadesk-error h1{display:block;font-size:1.15rem;font-weight:bold;color:#ff8a80;margin:0 0 1rem;padding:0;border:0}\
            #datadesk-error section{display:block;background:#222228;border-left:4px solid #ff5252;padding:1rem;margin:0 0 1rem}\
            #datadesk-error .dd-where{display:block;color:#82b1ff}#datadesk-error .dd-hint{display:block;color:#b9f6ca}\
            #datadesk-error pre{display:block;margin:.75rem 0 0;padding:.5rem 0;background:#111114;color:#d0d0d0;border:0;\
            border-radius:4px;white-space:pre-wrap;overflow:auto;max-width:none}\
            #datadesk-error code{display:block;background:none;padding:0;border:0;color:inherit}\
            #datadesk-error .dd-line{display:block;padding:0 .75rem}\
            #datadesk-error .dd-hit{background:#5c1a1a;color:#fff}\
            #datadesk-error .dd-no{color:#808080;user-select:none}\
            #datadesk-error p{display:block;margin:1rem 0 0;color:#b0b0b0}\
            #datadesk-error table{display:table;border-collapse:collapse;margin:.75rem 0 0;background:#111114}\
            #datadesk-error th,#datadesk-error td{display:table-cell;padding:.2rem .75rem;border:1px solid #333;text-align:left}\
            #datadesk-error th{font-weight:bold;color:#82b1ff}\
            #datadesk-error button{float:right;background:none;border:1px solid #888;color:#ddd;border-radius:4px;\
            padding:.2rem .6rem;cursor:pointer}\
            """;

    private ErrorPage() {}

    /** The overlay element, to put inside a page's body. */
    static String overlay(List<Diagnostic> problems, Path projectDir) {
        StringBuilder sb = new StringBuilder();
        sb.append("<style>").append(STYLE).append("</style>");
        sb.append("<div id=\"").append(ELEMENT_ID).append("\" role=\"alertdialog\" aria-labelledby=\"dd-title\"><div class=\"dd-box\">");
        sb.append("<button type=\"button\" onclick=\"this.closest('#").append(ELEMENT_ID)
                .append("').remove()\">Show the last good page</button>");
        int n = problems.size();
        sb.append("<h1 id=\"dd-title\">The site could not be rebuilt: ").append(n).append(" error").append(n == 1 ? "" : "s")
                .append("</h1>");
        for (Diagnostic d : problems) {
            sb.append("<section class=\"dd-problem\">");
            if (!d.location().isEmpty()) sb.append("<div class=\"dd-where\">").append(escape(d.location())).append("</div>");
            sb.append("<div class=\"dd-message\">").append(escape(d.message())).append("</div>");
            if (!d.hint().isEmpty()) sb.append("<div class=\"dd-hint\">hint: ").append(escape(d.hint())).append("</div>");
            if (!d.rows().isEmpty()) sb.append(rowsHtml(d.rows()));
            Optional<SourceExcerpt> excerpt = SourceExcerpt.of(d, projectDir);
            excerpt.ifPresent(x -> sb.append(excerptHtml(x)));
            sb.append("</section>");
        }
        sb.append("<p>Fix the file and save: this page reloads by itself.</p></div></div>");
        return sb.toString();
    }

    /** A whole page holding only the overlay: when no build has succeeded yet. */
    static String page(List<Diagnostic> problems, Path projectDir) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Build error · datadesk</title>"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"></head><body>"
                + overlay(problems, projectDir) + "</body></html>";
    }

    private static String excerptHtml(SourceExcerpt x) {
        StringBuilder sb = new StringBuilder("<pre><code>");
        int width = String.valueOf(x.firstLine() + x.lines().size() - 1).length();
        for (int i = 0; i < x.lines().size(); i++) {
            int n = x.firstLine() + i;
            sb.append("<span class=\"dd-line").append(n == x.line() ? " dd-hit" : "").append("\">")
                    .append("<span class=\"dd-no\">").append(String.format("%" + width + "d", n)).append(" | </span>")
                    .append(escape(x.lines().get(i))).append("</span>");
        }
        return sb.append("</code></pre>").toString();
    }

    /** Data that shows the problem (the rows that break an assertion): the first row is the header. */
    private static String rowsHtml(List<List<String>> rows) {
        StringBuilder sb = new StringBuilder("<table class=\"dd-rows\"><thead><tr>");
        for (String h : rows.get(0)) sb.append("<th scope=\"col\">").append(escape(h)).append("</th>");
        sb.append("</tr></thead><tbody>");
        for (List<String> r : rows.subList(1, rows.size())) {
            sb.append("<tr>");
            for (String c : r) sb.append("<td>").append(escape(c)).append("</td>");
            sb.append("</tr>");
        }
        return sb.append("</tbody></table>").toString();
    }

    /** Escaped for HTML text; only used in element content, never in attribute values. */
    static String escape(String s) {
        return Entities.escape(s);
    }
}
