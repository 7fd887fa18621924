package io.datadesk.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Links to folders get {@code index.html}; other links and bodies without such links are left as they are. */
class HtmlLinksTest {

    /** The rewrite without the quick returns: the expression over every body, as it was before them. */
    private static String everyBody(String html) {
        Matcher m = Pattern.compile("href=\"((?![a-zA-Z][a-zA-Z0-9+.-]*:|/|#)[^\"?#]*/)(#[^\"]*)?\"").matcher(html);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String anchor = m.group(2) == null ? "" : m.group(2);
            m.appendReplacement(out, Matcher.quoteReplacement("href=\"" + m.group(1) + "index.html" + anchor + "\""));
        }
        m.appendTail(out);
        return out.toString();
    }

    @Test
    void foldersGetTheirIndexFile() {
        assertThat(HtmlLinks.pointDirectoriesAtIndex("<a href=\"../\">up</a> <a href=\"posts/a/#top\">a</a>"))
                .isEqualTo("<a href=\"../index.html\">up</a> <a href=\"posts/a/index.html#top\">a</a>");
        assertThat(HtmlLinks.pointDirectoriesAtIndex("<a href=\"https://example.org/\">x</a> <a href=\"/abs/\">y</a> <a href=\"#h\">z</a>"))
                .isEqualTo("<a href=\"https://example.org/\">x</a> <a href=\"/abs/\">y</a> <a href=\"#h\">z</a>");
        String plain = "<h2 id=\"a\"><a href=\"#a\" class=\"heading-anchor\">A</a></h2><p>Text and 1/2.</p>";
        assertThat(HtmlLinks.pointDirectoriesAtIndex(plain)).isSameAs(plain);
    }

    @Test
    void randomBodiesAreRewrittenAsTheExpressionRewritesThem() {
        String[] parts = {"<a href=\"", "\">", "</a>", "x", "/", "../", "#", "a/", "?q", "https:", "//", "\"", " ", "href=\"",
                "index.html", "/#", "/\"", "mailto:", "p"};
        Random random = new Random(11);
        for (int i = 0; i < 20000; i++) {
            StringBuilder s = new StringBuilder();
            for (int k = random.nextInt(16); k >= 0; k--) s.append(parts[random.nextInt(parts.length)]);
            String html = s.toString();
            assertThat(HtmlLinks.pointDirectoriesAtIndex(html)).as(html).isEqualTo(everyBody(html));
        }
    }
}
