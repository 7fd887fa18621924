package io.datadesk.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Chinese text on social cards: drawn in Noto Sans CJK where Inter has no glyph, broken like Chinese, never boxes. */
class SocialCardCjkTest {

    private static final String SVG = """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 200"><g>
            <text x="10" y="20" style="font-size:12px;fill:#333">裁员人数</text>
            <text x="40" y="190" text-anchor="end" style="font-size:11px;fill:#333">10万</text>
            <path d="M50 180 L390 20" style="stroke:#06c;fill:none"/></g></svg>""";

    private static String joined(List<SocialCard.DrawnText> drawn) {
        return String.join("", drawn.stream().map(SocialCard.DrawnText::text).toList());
    }

    @Test
    void everyCharacterIsDrawnInAFontThatHasItsGlyph() {
        List<SocialCard.DrawnText> drawn = SocialCard.paint(CardFonts.system(), "AI对裁员的真实影响有多大？", null, "datadesk",
                "example.org", SVG, "zh-CN").drawn();
        for (SocialCard.DrawnText d : drawn) assertThat(d.font().canDisplayUpTo(d.text())).as(d.text()).isEqualTo(-1);
        // Latin in the site's Inter, Chinese in the CJK face for mainland China, and the tick label keeps its 万
        assertThat(drawn).anyMatch(d -> d.text().equals("AI") && d.font().getFamily(java.util.Locale.ROOT).startsWith("Inter"));
        assertThat(drawn).anyMatch(d -> d.text().equals("万") && d.font().getFamily(java.util.Locale.ROOT).equals("Noto Sans CJK SC"));
        assertThat(joined(drawn)).contains("裁员人数", "10万", "有多大？");
    }

    @Test
    void aChineseHeadlineBreaksBetweenCharactersIntoEvenLinesAndNeverBeforeAFullStop() {
        List<SocialCard.DrawnText> drawn = SocialCard.paint(CardFonts.system(), "AI对裁员的真实影响有多大？", null, "datadesk",
                "example.org", SVG, "zh-CN").drawn();
        // the title's runs in its bold weight: "AI", then one run per line of Chinese
        List<String> lines = drawn.stream().filter(d -> d.font().isBold() || d.font().getFontName().contains("Bold"))
                .map(SocialCard.DrawnText::text).filter(t -> !t.equals("DATADESK")).toList();
        assertThat(lines).containsExactly("AI", "对裁员的", "真实影响", "有多大？");
    }

    @Test
    void withoutTheCjkFontTheTextIsLeftOutRatherThanDrawnAsBoxes(@TempDir Path empty) {
        CardFonts none = new CardFonts(empty);
        assertThat(none.runs("AI对裁员", false, 20f, "zh-CN")).isNull();
        assertThat(none.cannotDraw("AI对裁员", "zh-CN")).isTrue();
        assertThat(none.cannotDraw("Layoffs", "en")).isFalse();
        List<SocialCard.DrawnText> drawn = SocialCard.paint(none, "AI对裁员的真实影响有多大？", "摘要", "datadesk", "example.org", SVG,
                "zh-CN").drawn();
        for (SocialCard.DrawnText d : drawn) assertThat(d.font().canDisplayUpTo(d.text())).as(d.text()).isEqualTo(-1);
        assertThat(joined(drawn)).doesNotContain("裁", "万").contains("DATADESK", "example.org");
    }

    @Test
    void theBuildNamesThePackageOnlyForCjkTextWithoutTheFont() {
        assertThat(CardFonts.needsCjk("AI对裁员")).isTrue();
        assertThat(CardFonts.needsCjk("（")).isTrue();
        assertThat(CardFonts.needsCjk("Layoffs — “AI” 2026")).isFalse();
        assertThat(SocialCard.lacksFont("en", "Layoffs", null)).isFalse();
        assertThat(SocialCard.lacksFont("zh-CN", "裁员")).isEqualTo(!CardFonts.cjkInstalled());
    }

    @Test
    void theCollectionFaceFollowsTheLanguagesRegion() {
        assertThat(CardFonts.region("zh-CN")).isEqualTo("SC");
        assertThat(CardFonts.region("zh-TW")).isEqualTo("TC");
        assertThat(CardFonts.region("zh-Hant")).isEqualTo("TC");
        assertThat(CardFonts.region("ja")).isEqualTo("JP");
        assertThat(CardFonts.region(null)).isEqualTo("SC");
    }
}
