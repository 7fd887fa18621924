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

    /**
     * A translation's links to files beside its original are written as in the original ({@code data/cuts.csv}) and
     * lead to the one published copy; links to pages stay in the translation's language; a link that already leaves
     * the language's folder is kept; and {@code datadesk check} finds no broken link.
     */
    @Test
    void aTranslationsLinksToTheOriginalsFilesResolveFromTheOriginalsFolder() throws Exception {
        fx.write("content/cuts/appendix/index.md", "---\ntitle: Appendix\n---\nMore.\n")
                .write("content/cuts/appendix/index.zh.md", "---\ntitle: 附录\n---\n更多。\n")
                .write("content/cuts/index.zh.md", TRANSLATION + "\n[数据](data/cuts.csv)、[附录](appendix/)、"
                        + "[原文的数据](../../cuts/data/cuts.csv)、[原文](../../cuts/)、[小节](#top)\n")
                .write("content/index.zh.md", "---\ntitle: 首页\n---\n[数据](cuts/data/cuts.csv)\n");
        build();
        List<String> hrefs = page("zh/cuts/index.html").select(".prose p a").eachAttr("href");
        assertThat(hrefs).contains("../../cuts/data/cuts.csv", "appendix/index.html", "../../cuts/index.html", "#top");
        assertThat(hrefs).doesNotContain("data/cuts.csv", "../../../cuts/data/cuts.csv");
        assertThat(page("zh/index.html").select(".prose a").eachAttr("href")).contains("../cuts/data/cuts.csv");
        SiteFixture.Run check = fx.cli("check");
        assertThat(check.err()).doesNotContain("cuts.csv");
    }

    @Test
    void aLanguageMayGiveItsOwnAuthorForTheFooterAndTheFeed() throws Exception {
        fx.write("datadesk.yaml", """
                title: Desk
                language: en
                author: The Desk
                base_url: https://desk.example.org/
                languages:
                  zh: { name: 简体中文, author: 数据台编辑部 }
                """);
        build();
        assertThat(page("zh/cuts/index.html").selectFirst(".site-footer-title").text()).contains("数据台编辑部").doesNotContain("The Desk");
        assertThat(page("cuts/index.html").selectFirst(".site-footer-title").text()).contains("The Desk");
        assertThat(Files.readString(dir.resolve("site/zh/feed.xml"))).contains("<name>数据台编辑部</name>").doesNotContain("The Desk");
        // a language's home page is the feed's own link, not one of its entries
        assertThat(Files.readString(dir.resolve("site/zh/feed.xml"))).doesNotContain("<id>https://desk.example.org/zh/</id>\n    <published>");
        assertThat(Jsoup.parse(Files.readString(dir.resolve("site/zh/feed.xml")), "", org.jsoup.parser.Parser.xmlParser())
                .select("entry link").eachAttr("href")).containsExactly("https://desk.example.org/zh/cuts/");
    }

    /** Hosts serve the one 404.html for a missing Chinese address too: it says so in Chinese, with the Chinese home and articles. */
    @Test
    void theNotFoundPageSpeaksEveryLanguageOfTheSite() throws Exception {
        build();
        Document notFound = page("404.html");
        assertThat(notFound.selectFirst("html").attr("lang")).isEqualTo("en");
        Element zh = notFound.selectFirst("section[lang=zh-CN]");
        assertThat(zh).isNotNull();
        assertThat(zh.selectFirst("h2").text()).isEqualTo("页面不存在");
        assertThat(zh.selectFirst("p").text()).isEqualTo("返回首页，查看全部报道。");
        assertThat(zh.select("a").eachAttr("href")).containsExactly("/zh/index.html", "/zh/cuts/index.html");
        assertThat(zh.select("li").eachText()).containsExactly("裁员");
        assertThat(notFound.selectFirst("main > .prose p").text()).isEqualTo("Go to the home page to see every report.");
        assertThat(notFound.select("main > div.prose li").eachText()).containsExactly("Cuts");
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

    @Test
    void theSitemapListsEveryVersionOfATranslatedPage() throws Exception {
        build();
        Document sitemap = Jsoup.parse(Files.readString(dir.resolve("site/sitemap.xml")), "", org.jsoup.parser.Parser.xmlParser());
        Element cuts = sitemap.select("url").stream().filter(u -> u.selectFirst("loc").text().equals("https://desk.example.org/cuts/"))
                .findFirst().orElseThrow();
        Element zh = sitemap.select("url").stream().filter(u -> u.selectFirst("loc").text().equals("https://desk.example.org/zh/cuts/"))
                .findFirst().orElseThrow();
        for (Element url : List.of(cuts, zh))
            assertThat(url.select("xhtml|link").stream().map(l -> l.attr("hreflang") + " " + l.attr("href")).toList())
                    .containsExactlyInAnyOrder("en https://desk.example.org/cuts/", "zh-CN https://desk.example.org/zh/cuts/",
                            "x-default https://desk.example.org/cuts/");
        assertThat(Files.readString(dir.resolve("site/sitemap.xml"))).contains("xmlns:xhtml=\"http://www.w3.org/1999/xhtml\"");
    }

    @Test
    void eachLanguageHasItsOwnFeed() throws Exception {
        build();
        Document en = Jsoup.parse(Files.readString(dir.resolve("site/feed.xml")), "", org.jsoup.parser.Parser.xmlParser());
        Document zh = Jsoup.parse(Files.readString(dir.resolve("site/zh/feed.xml")), "", org.jsoup.parser.Parser.xmlParser());
        assertThat(en.select("entry > title").eachText()).containsExactly("Cuts");
        assertThat(zh.select("entry > title").eachText()).containsExactly("裁员");
        assertThat(zh.selectFirst("feed").attr("xml:lang")).isEqualTo("zh-CN");
        assertThat(zh.selectFirst("feed > title").text()).isEqualTo("数据台");
        assertThat(zh.select("feed > link[rel=self]").attr("href")).isEqualTo("https://desk.example.org/zh/feed.xml");
        assertThat(page("zh/cuts/index.html").select("link[type=application/atom+xml]").attr("href")).isEqualTo("../../zh/feed.xml");
        assertThat(page("cuts/index.html").select("link[type=application/atom+xml]").attr("href")).isEqualTo("../feed.xml");
        assertThat(page("zh/cuts/index.html").select(".site-footer a").eachAttr("href")).contains("../../zh/feed.xml");
    }

    /** A page built with charts, tables, notes, provenance and SQL shown, to check every text datadesk writes. */
    static final String RICH = """
            ---
            title: %s
            author: %s
            date: 2026-11-29
            data:
              cuts: { path: data/cuts.csv, source: { text: Layoffs.fyi, url: "https://layoffs.fyi/" } }
            ---
            ```sql yearly show
            select year, sum(people) as laid_off, case when year = 2024 then null else 1 end as other from cuts group by year order by year
            ```

            ## %s

            %s {{ yearly[year=2024].laid_off | number }} {{ yearly[year=2024].laid_off | compact }}.[^1]

            ```chart
            type: bar
            data: yearly
            x: year
            y: [laid_off, other]
            title: %s
            ```

            ```table
            data: yearly
            ```

            [^1]: %s
            """;

    @Test
    void noEnglishTextOfDatadeskOnAChinesePage() throws Exception {
        fx.write("content/cuts/index.md", RICH.formatted("Cuts", "Jo", "The count", "Companies cut", "Cuts per year", "A note."))
                .write("content/cuts/index.zh.md", RICH.formatted("裁员", "张三", "总数", "企业裁员", "每年裁员人数", "一条注释。")
                        .replaceAll("(?s)data:\n  cuts: \\{[^\n]*\n", "").replace("```sql yearly show\n", "```sql yearly2 show\n"));
        build();
        java.util.Set<String> english = new java.util.HashSet<>();
        io.datadesk.i18n.MessageCatalog.builtIn().texts("en").forEach((k, v) -> {
            String t = v.replaceAll("\\{\\d}", "").strip();
            // Texts that are the same in both languages or too short to mean anything alone ("CSV", ": ") are not English.
            if (t.length() > 3 && !t.equals(io.datadesk.i18n.MessageCatalog.builtIn().texts("zh").get(k))) english.add(t);
        });
        // The article (chart descriptions, legends, tooltips, tables), its how-computed page, the Chinese home page's
        // list, and the 404 page's Chinese section.
        Element notFound = page("404.html").selectFirst("section[lang=zh-CN]");
        assertThat(notFound).isNotNull();
        List<Element> zhPages = List.of(page("zh/cuts/index.html"), page("zh/cuts/how-computed.html"), page("zh/index.html"), notFound);
        for (Element zh : zhPages) {
            zh.select("pre, code, script, style").remove(); // SQL and code are the author's
            List<String> texts = new java.util.ArrayList<>();
            for (Element e : zh.getAllElements()) {
                texts.add(e.ownText());
                for (String a : List.of("aria-label", "title", "alt", "content", "summary")) if (e.hasAttr(a)) texts.add(e.attr(a));
            }
            for (String t : texts) {
                for (String en : english)
                    assertThat(t).as("English '" + en + "' on a zh page").doesNotContain(en);
                // Chinese punctuation is full width: no "估计值 (" or "2024年: " written by the tool
                assertThat(t).as("half-width punctuation beside Chinese").doesNotContainPattern("[\\u4e00-\\u9fff] ?[(:,;]|\\)[\\u4e00-\\u9fff]");
            }
        }
        assertThat(page("zh/cuts/index.html").text()).contains("发布于", "阅读约", "数据来源", "下载数据", "显示数据", "注释", "数字是如何计算的", "无数据", "柱状图");
    }

    @Test
    void aFrenchPageSpeaksFrench() throws Exception {
        fx.write("content/cuts/index.md", RICH.formatted("Cuts", "Jo", "The count", "Companies cut", "Cuts per year", "A note."));
        fx.write("content/cuts/index.fr.md", RICH.formatted("Licenciements", "Jo", "Le total", "Les entreprises ont supprimé",
                "Licenciements par an", "Une note.").replaceAll("(?s)data:\n  cuts: \\{[^\n]*\n", "").replace("```sql yearly show\n", "```sql yearly2 show\n"));
        build();
        Document fr = page("fr/cuts/index.html");
        assertThat(fr.selectFirst("html").attr("lang")).isEqualTo("fr");
        assertThat(fr.text()).contains("Publié le 29 novembre 2026", "min de lecture", "Sources des données", "Télécharger les données",
                "Afficher les données", "Comment les nombres ont été calculés", "Notes");
        assertThat(fr.selectFirst(".prose").text()).containsPattern("15.000 15.k");
    }

    @Test
    void aLanguageWithoutMessagesFallsBackToEnglishWithANote() throws Exception {
        fx.write("content/cuts/index.xx.md", "---\ntitle: Xx\ndate: 2026-11-29\n---\nText {{ yearly[year=2024].laid_off | number }}.\n");
        SiteFixture.Run run = build();
        assertThat(run.out() + run.err()).contains("no messages for language 'xx'");
        Document xx = page("xx/cuts/index.html");
        assertThat(xx.selectFirst("html").attr("lang")).isEqualTo("xx");
        assertThat(xx.text()).contains("Published", "min read");
        assertThat(page("xx/cuts/how-computed.html").text()).contains("How the numbers were computed");
    }

    @Test
    void aKeyMissingFromASitesLanguageFallsBackToEnglishWithANote() throws Exception {
        fx.write("templates/i18n/de.yaml", "article:\n  published: Veröffentlicht am\n")
                .write("content/cuts/index.de.md", "---\ntitle: Kürzungen\ndate: 2026-11-29\n---\nText.\n")
                .write("templates/i18n/zh.yaml", "article:\n  published: 发布日期\n");
        SiteFixture.Run run = fx.cli("build", "--templates", dir.resolve("templates").toString());
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out() + run.err()).contains("templates/i18n/de.yaml has no message 'article.reading_time': English used");
        Document de = page("de/cuts/index.html");
        assertThat(de.text()).contains("Veröffentlicht am 29 November 2026", "1 min read");
        // A site's file overrides the built-in one key by key: the other Chinese texts stay.
        assertThat(page("zh/cuts/index.html").text()).contains("发布日期", "阅读约");
    }

    private static Map<String, String> alternates(Document d) {
        return d.select("link[rel=alternate][hreflang]").stream()
                .collect(Collectors.toMap(e -> e.attr("hreflang"), e -> e.attr("href"), (a, b) -> a, TreeMap::new));
    }
}
