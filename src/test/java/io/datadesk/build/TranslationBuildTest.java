package io.datadesk.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Translations by file name: {@code index.zh.md} beside {@code index.md} is published under {@code zh/}, shares its
 * original's datasets and queries, and both versions link to each other.
 */
class TranslationBuildTest {

    @TempDir Path dir;
    SiteFixture fx;

    static final String ORIGINAL = """
            ---
            title: Cuts
            date: 2026-11-29
            data:
              cuts: data/cuts.csv
            ---
            ```sql yearly
            select year, sum(people) as laid_off from cuts group by year order by year
            ```

            ```assert
            select * from yearly where laid_off < 0
            ```

            Companies cut {{ yearly[year=2024].laid_off | number }} jobs in 2024.
            """;

    static final String TRANSLATION = """
            ---
            title: 裁员
            date: 2026-11-29
            ---
            ```sql labels
            select year, '第' || year || '年' as label, laid_off from yearly
            ```

            2024年，企业裁员{{ yearly[year=2024].laid_off | number }}人。

            ```table
            data: labels
            ```
            """;

    @BeforeEach
    void project() {
        fx = new SiteFixture(dir).write("datadesk.yaml", """
                        title: Desk
                        language: en
                        base_url: https://desk.example.org/
                        languages:
                          en: { name: English }
                          zh: { name: 简体中文, title: 数据台, description: 用数据说话 }
                          fr: { name: Français }
                        """)
                .write("content/index.md", "---\ntitle: Home\n---\nWelcome.\n")
                .write("content/index.zh.md", "---\ntitle: 首页\n---\n欢迎。\n")
                .write("content/cuts/data/cuts.csv", "company,people,year\nAcme,1200,2023\nBeta,300,2023\nGamma,15000,2024\n")
                .write("content/cuts/index.md", ORIGINAL)
                .write("content/cuts/index.zh.md", TRANSLATION);
    }

    private SiteFixture.Run build() {
        SiteFixture.Run run = fx.cli("build");
        assertThat(run.code()).as(run.err()).isZero();
        return run;
    }

    private Document page(String rel) throws Exception {
        return Jsoup.parse(dir.resolve("site/" + rel).toFile());
    }

    @Test
    void aTranslationIsPublishedUnderItsLanguageAndReadsItsOriginalsQueries() throws Exception {
        build();
        Document zh = page("zh/cuts/index.html");
        assertThat(zh.selectFirst("html").attr("lang")).isEqualTo("zh-CN");
        assertThat(zh.selectFirst("h1").text()).isEqualTo("裁员");
        // The original's query, the translation's own query after it, formatted the Chinese way.
        assertThat(zh.selectFirst(".prose").text()).contains("企业裁员15,000人");
        assertThat(zh.select("table td").eachText()).contains("第2024年", "第2023年");
        assertThat(page("zh/index.html").selectFirst("h1").text()).isEqualTo("首页");
        assertThat(page("cuts/index.html").selectFirst("html").attr("lang")).isEqualTo("en");
    }

    @Test
    void eachLanguagesHomeListsItsOwnArticlesAndSiteTitle() throws Exception {
        build();
        Document zhHome = page("zh/index.html");
        assertThat(zhHome.select(".card h3 a").eachText()).containsExactly("裁员");
        assertThat(zhHome.selectFirst(".site-title").text()).isEqualTo("数据台");
        assertThat(page("index.html").select(".card h3 a").eachText()).containsExactly("Cuts");
        assertThat(page("index.html").selectFirst(".site-title").text()).isEqualTo("Desk");
    }

    @Test
    void hreflangAlternatesAreSymmetricWithXDefault() throws Exception {
        build();
        for (String rel : List.of("cuts/index.html", "zh/cuts/index.html", "index.html", "zh/index.html")) {
            Map<String, String> alt = alternates(page(rel));
            assertThat(alt).as(rel).containsOnlyKeys("en", "zh-CN", "x-default");
            assertThat(alt.get("x-default")).isEqualTo(alt.get("en"));
        }
        assertThat(alternates(page("cuts/index.html"))).isEqualTo(alternates(page("zh/cuts/index.html")));
        assertThat(alternates(page("cuts/index.html")).get("zh-CN")).isEqualTo("https://desk.example.org/zh/cuts/");
        // Every alternate names a page whose own alternates point back at it.
        for (String rel : List.of("cuts/index.html", "zh/cuts/index.html"))
            for (String url : alternates(page(rel)).values()) {
                String back = url.replace("https://desk.example.org/", "") + "index.html";
                assertThat(alternates(page(back)).values()).contains("https://desk.example.org/" + rel.replace("index.html", ""));
            }
    }

    @Test
    void theLanguageSwitcherIsPlainLinksMarkedWithTheirLanguage() throws Exception {
        build();
        Document zh = page("zh/cuts/index.html");
        List<Element> links = zh.select(".language-switcher a");
        assertThat(links).extracting(Element::text).containsExactly("English", "简体中文");
        assertThat(links).extracting(a -> a.attr("hreflang")).containsExactly("en", "zh-CN");
        assertThat(links).extracting(a -> a.attr("lang")).containsExactly("en", "zh-CN");
        assertThat(links.get(0).attr("href")).isEqualTo("../../cuts/index.html");
        assertThat(links.get(1).attr("aria-current")).isEqualTo("page");
        assertThat(zh.select("script")).isEmpty();
        assertThat(page("cuts/index.html").select(".language-switcher a").get(1).attr("href")).isEqualTo("../zh/cuts/index.html");
    }

    @Test
    void aPageWithoutTranslationHasNoSwitcherNorAlternates() throws Exception {
        fx.write("content/solo/index.md", "---\ntitle: Solo\n---\nAlone.\n");
        build();
        Document solo = page("solo/index.html");
        assertThat(solo.select(".language-switcher")).isEmpty();
        assertThat(solo.select("link[hreflang]")).isEmpty();
    }

    @Test
    void redefiningAnInheritedQueryIsALocatedError() {
        fx.write("content/cuts/index.zh.md", TRANSLATION.replace("```sql labels", "```sql yearly"));
        SiteFixture.Run run = fx.cli("build");
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("content/cuts/index.zh.md:5:").contains("query name 'yearly' is already used by a query of content/cuts/index.md");
    }

    @Test
    void aTranslationMayCreditAnInheritedDatasetInItsLanguageButNotRedeclareIt() throws Exception {
        fx.write("content/cuts/index.md", ORIGINAL.replace("  cuts: data/cuts.csv", "  cuts: { path: data/cuts.csv, source: { text: Layoffs tracker, url: \"https://layoffs.fyi/\" } }"))
                .write("content/cuts/index.zh.md", TRANSLATION.replace("date: 2026-11-29", "date: 2026-11-29\ndata:\n  cuts: { source: { text: 裁员追踪, url: \"https://layoffs.fyi/\" } }"));
        build();
        assertThat(page("zh/cuts/index.html").select("#dd-sources li").eachText()).containsExactly("裁员追踪");
        assertThat(page("cuts/index.html").select("#dd-sources li").eachText()).containsExactly("Layoffs tracker");
        fx.write("content/cuts/index.zh.md", TRANSLATION.replace("date: 2026-11-29", "date: 2026-11-29\ndata:\n  cuts: data/other.csv"));
        SiteFixture.Run run = fx.cli("build");
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("content/cuts/index.zh.md:5:3: error: dataset 'cuts' is the original page's, which this translation shares");
    }

    @Test
    void aLangThatContradictsTheFileNameIsALocatedError() {
        fx.write("content/cuts/index.zh.md", TRANSLATION.replace("date: 2026-11-29", "date: 2026-11-29\nlang: fr"));
        SiteFixture.Run run = fx.cli("build");
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("content/cuts/index.zh.md:4:1: error: the front matter says 'lang: fr' but the file name says this page is in 'zh'");
        fx.write("content/cuts/index.zh.md", TRANSLATION.replace("date: 2026-11-29", "date: 2026-11-29\nlang: zh-CN"));
        build();
    }

    @Test
    void aNamedPageAndItsTranslationLiveSideBySide() throws Exception {
        fx.write("content/about.md", "---\ntitle: About\n---\nAbout us.\n").write("content/about.fr.md", "---\ntitle: À propos\n---\nNous.\n");
        build();
        assertThat(page("fr/about/index.html").selectFirst("html").attr("lang")).isEqualTo("fr");
        assertThat(alternates(page("about/index.html"))).containsOnlyKeys("en", "fr", "x-default");
    }

    @Test
    void unknownLanguageSettingsAndCodesAreLocatedErrors() {
        fx.write("datadesk.yaml", "title: Desk\nlanguage: en\nlanguages:\n  zh: { name: 中文, titel: x }\n  qq: { name: Q }\n");
        SiteFixture.Run run = fx.cli("build");
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("datadesk.yaml:4:").contains("unknown language setting 'titel'")
                .contains("datadesk.yaml:5:3: error: 'qq' is not a language code");
    }

    private static Map<String, String> alternates(Document d) {
        return d.select("link[rel=alternate][hreflang]").stream()
                .collect(Collectors.toMap(e -> e.attr("hreflang"), e -> e.attr("href"), (a, b) -> a, TreeMap::new));
    }
}
