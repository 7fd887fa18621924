package io.datadesk.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.datadesk.read.Markdown;
import io.datadesk.render.ReaderHtml;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class ReaderHtmlTest {

    private final Markdown markdown = new Markdown();

    private Document render(String md) {
        String html = markdown.render(markdown.parse(md), i -> "", i -> "");
        return Jsoup.parseBodyFragment(ReaderHtml.polish(html));
    }

    @Test
    void columnAlignmentBecomesAClassAndTablesScrollInAFocusableRegion() {
        Document doc = render("| Country | Rate |\n|:---|---:|\n| Spain | 26.5 |\n");
        assertThat(doc.select("[align]")).isEmpty();
        assertThat(doc.select("td.num").text()).isEqualTo("26.5");
        assertThat(doc.select("th.num").text()).isEqualTo("Rate");
        var box = doc.selectFirst("div.table-scroll");
        assertThat(box).isNotNull();
        assertThat(box.attr("tabindex")).isEqualTo("0");
        assertThat(box.attr("role")).isEqualTo("region");
        assertThat(box.attr("aria-label")).isEqualTo("Table 1");
        assertThat(box.child(0).tagName()).isEqualTo("table");
    }

    @Test
    void aTableAlreadyInAScrollBoxIsNotWrappedAgainButItsBoxBecomesFocusable() {
        String html = ReaderHtml.polish("<details><summary>Show the data</summary><div class=\"dd-table-scroll\">"
                + "<table class=\"dd-table\"><caption>Layoffs by year</caption><tr><td>1</td></tr></table></div></details>");
        Document doc = Jsoup.parseBodyFragment(html);
        assertThat(doc.select("div.table-scroll")).isEmpty();
        var box = doc.selectFirst("div.dd-table-scroll");
        assertThat(box.attr("tabindex")).isEqualTo("0");
        assertThat(box.attr("aria-label")).isEqualTo("Layoffs by year");
    }

    @Test
    void footnotesGetAHeadingAndNamedBackLinksInsideTheirParagraph() {
        Document doc = render("Text.[^a]\n\n[^a]: The note.\n");
        var notes = doc.selectFirst("section.footnotes");
        assertThat(notes).isNotNull();
        assertThat(notes.selectFirst("h2#dd-notes-title").text()).isEqualTo("Notes");
        assertThat(notes.attr("aria-labelledby")).isEqualTo("dd-notes-title");
        var back = notes.selectFirst("a.footnote-backref");
        assertThat(back.attr("aria-label")).isEqualTo("Back to reference 1");
        assertThat(back.parent().tagName()).isEqualTo("p");
        assertThat(back.attr("href")).isEqualTo("#fnref-1");
        assertThat(doc.getElementById("fnref-1")).isNotNull();
    }

    @Test
    void inlineSvgKeepsItsCamelCaseAttributes() {
        String svg = "<figure class=\"chart\"><svg viewBox=\"0 0 10 10\" preserveAspectRatio=\"none\"><rect width=\"1\" height=\"1\"/></svg></figure>";
        String out = ReaderHtml.polish(svg);
        assertThat(out).contains("viewBox=\"0 0 10 10\"").contains("preserveAspectRatio=\"none\"");
    }

    @Test
    void codeBlocksCanBeScrolledWithTheKeyboard() {
        Document doc = render("```sql\nSELECT 1\n```\n");
        assertThat(doc.selectFirst("pre").attr("tabindex")).isEqualTo("0");
        assertThat(doc.selectFirst("pre code").className()).isEqualTo("language-sql");
    }
}
