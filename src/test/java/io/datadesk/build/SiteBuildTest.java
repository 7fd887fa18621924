package io.datadesk.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Builds a small content tree with the real templates and checks the site a reader gets. */
class SiteBuildTest {

    @TempDir Path dir;
    SiteFixture fx;

    @BeforeEach
    void content() {
        fx = new SiteFixture(dir)
                .write("datadesk.yaml", "title: Test Desk\ndescription: Numbers\nlanguage: en\nauthor: Desk\nbase_url: https://user.github.io/repo\n")
                .write("content/index.md", "---\ntitle: Home\n---\nRead [the report](report/) or [the note](notes/one/).\n")
                .write("content/report/index.md", """
                        ---
                        title: The report
                        subtitle: With a subtitle
                        description: What we found
                        date: 2026-11-01
                        ---
                        ## First section

                        Text with a note.[^a] ![chart](img/pic.png)

                        ### Detail

                        Back to [home](../) and [first](#first-section).

                        ## Second section

                        [^a]: The footnote.
                        """)
                .write("content/report/img/pic.png", "not really a png")
                .write("content/notes/one.md", "---\ntitle: Older note\ndate: 2025-01-01\n---\nHello.\n")
                .write("content/notes/draft.md", "---\ntitle: Draft\ndraft: true\n---\nSecret.\n");
    }

    @Test
    void buildsEveryPageWithCleanUrlsAndCopiesOtherFiles() throws Exception {
        BuildResult result = fx.build();
        assertThat(result.pages()).containsExactlyInAnyOrder("", "report/", "notes/one/");
        Path site = dir.resolve("site");
        assertThat(site.resolve("index.html")).exists();
        assertThat(site.resolve("report/index.html")).exists();
        assertThat(site.resolve("notes/one/index.html")).exists();
        assertThat(site.resolve("notes/draft/index.html")).doesNotExist();
        assertThat(site.resolve("report/img/pic.png")).hasContent("not really a png");
        assertThat(site.resolve("404.html")).exists();
        assertThat(site.resolve(".nojekyll")).exists();
    }

    @Test
    void draftsAreBuiltOnRequest() {
        BuildResult result = new SiteBuilder(fx.options().withDrafts(true)).build();
        assertThat(result.pages()).contains("notes/draft/");
    }

    @Test
    void articlePageHasHeadMetadataTocFootnotesAndHashedAssets() throws Exception {
        fx.build();
        Document doc = Jsoup.parse(dir.resolve("site/report/index.html").toFile());
        assertThat(doc.title()).isEqualTo("The report · Test Desk");
        assertThat(doc.select("h1").text()).isEqualTo("The report");
        assertThat(doc.select(".subtitle").text()).isEqualTo("With a subtitle");
        assertThat(doc.select("meta[name=description]").attr("content")).isEqualTo("What we found");
        assertThat(doc.select("meta[name=viewport]")).hasSize(1);
        assertThat(doc.select("link[rel=canonical]").attr("href")).isEqualTo("https://user.github.io/repo/report/");
        assertThat(doc.select("meta[property=og:title]").attr("content")).isEqualTo("The report");
        assertThat(doc.select("meta[name=twitter:card]")).hasSize(1);
        assertThat(doc.select("time[datetime=2026-11-01]")).isNotEmpty();
        assertThat(doc.select("nav[aria-label=On this page] a")).extracting(Element::text)
                .containsExactly("First section", "Detail", "Second section", "Notes");
        assertThat(doc.select("h2#first-section")).hasSize(1);
        assertThat(doc.select("li#fn-1 a.footnote-backref")).hasSize(1);
        String css = doc.select("link[rel=stylesheet][href*=site.]").attr("href");
        assertThat(css).matches("\\.\\./assets/site\\.[0-9a-f]{10}\\.css");
        assertThat(doc.select("script")).isEmpty();
    }

    @Test
    void homeListsArticlesNewestFirst() throws Exception {
        fx.build();
        Document home = Jsoup.parse(dir.resolve("site/index.html").toFile());
        assertThat(home.select(".card h3 a")).extracting(Element::text).containsExactly("The report", "Older note");
        assertThat(home.select(".card h3 a").first().attr("href")).isEqualTo("report/index.html");
    }

    @Test
    void everyInternalLinkAndAnchorResolves() {
        fx.build();
        assertThat(SiteLinks.broken(dir.resolve("site"))).isEmpty();
    }

    @Test
    void notFoundPageLinksFromTheBaseUrlPath() throws Exception {
        fx.build();
        Document doc = Jsoup.parse(dir.resolve("site/404.html").toFile());
        assertThat(doc.select("link[rel=stylesheet][href*=site.]").attr("href")).startsWith("/repo/assets/site.");
        assertThat(doc.select("a.site-title").attr("href")).isEqualTo("/repo/index.html");
    }
}
