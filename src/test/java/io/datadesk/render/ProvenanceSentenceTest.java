package io.datadesk.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** The sentence quoted for each number of "How the numbers were computed", read with one copy of each block. */
class ProvenanceSentenceTest {

    private static String link(int index, String shown) {
        return "<a id=\"" + ProvenanceHtml.numberId(index) + "\" href=\"#how-" + index + "\">" + shown + "</a>";
    }

    @Test
    void numbersSharingABlockGetTheSentencesTheyGetAlone() {
        String body = "<p>In 2023 there were " + link(0, "1,234") + " events. Of them " + link(1, "56") + " named <em>AI "
                + link(2, "(4.5%)") + "</em>.<sup class=\"footnote-ref\"><a href=\"#fn1\">1</a></sup> Then " + link(3, "7")
                + " more.</p>\n<ul><li>A list item with " + link(4, "8") + " and " + link(5, "9") + ".</li><li>Another: "
                + link(6, "10") + "</li></ul>\n<p>第一句有" + link(7, "11") + "个。第二句有" + link(8, "12") + "个。</p>"
                + "<table><tr><td>" + link(9, "13") + "</td><td>" + link(10, "14") + " of " + link(11, "15") + "</td></tr></table>";
        Document doc = Jsoup.parseBodyFragment(body);
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i <= 12; i++) all.add(i); // 12 is not in the body
        for (Locale locale : List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE)) {
            List<String[]> shared = ProvenanceHtml.sentences(doc, all, locale);
            for (int i : all) {
                String[] alone = ProvenanceHtml.sentence(doc, i, locale);
                assertThat(shared.get(i)).as("number %d", i).isEqualTo(alone);
            }
            assertThat(shared.get(1)).containsExactly("Of them ", " named AI (4.5%).");
            assertThat(shared.get(7)).containsExactly("第一句有", "个。");
            assertThat(shared.get(12)).isNull();
            // reading the sentences left the page as it was
            assertThat(doc.body().html()).isEqualTo(Jsoup.parseBodyFragment(body).body().html());
        }
    }
}
