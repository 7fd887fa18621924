package io.datadesk.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.datadesk.config.SiteConfig;
import io.datadesk.write.SiteIndexes;
import io.datadesk.write.SocialCard;
import io.datadesk.write.StagedSite;
import java.io.ByteArrayInputStream;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class SiteIndexesTest {

    private static final SiteConfig CONFIG = new SiteConfig("The Desk", "Data & reporting", "en-GB", "Desk staff",
            "https://example.org/reports/");

    private static final List<SiteIndexes.Entry> PAGES = List.of(
            new SiteIndexes.Entry("The Desk", null, null, "Desk staff", null, null, ""),
            new SiteIndexes.Entry("Rents <rose> & wages", "Sub", "Rents outpaced wages", "Jo Berg",
                    LocalDate.of(2026, 2, 10), null, "housing/"),
            new SiteIndexes.Entry("Jobs", null, null, "Desk staff", LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 9), "jobs/"),
            new SiteIndexes.Entry("Undated note", null, null, null, null, null, "note/"));

    @Test
    void writesFeedSitemapRobotsAndCardsWithAbsoluteUrls(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("site");
        List<String> notes;
        try (StagedSite site = StagedSite.begin(out)) {
            notes = SiteIndexes.write(site, CONFIG, PAGES);
            site.commit();
        }
        Document feed = xml(out.resolve("feed.xml"));
        Element root = feed.getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo("http://www.w3.org/2005/Atom");
        assertThat(root.getAttributeNS("http://www.w3.org/XML/1998/namespace", "lang")).isEqualTo("en-GB");
        assertThat(text(root, "updated")).isEqualTo("2026-03-09T00:00:00Z");
        var entries = root.getElementsByTagNameNS("*", "entry");
        assertThat(entries.getLength()).as("dated articles only, newest first").isEqualTo(2);
        Element first = (Element) entries.item(0);
        assertThat(text(first, "id")).isEqualTo("https://example.org/reports/jobs/");
        Element second = (Element) entries.item(1);
        assertThat(text(second, "title")).isEqualTo("Rents <rose> & wages");
        assertThat(text(second, "summary")).isEqualTo("Rents outpaced wages");
        assertThat(((Element) second.getElementsByTagNameNS("*", "link").item(0)).getAttribute("href"))
                .isEqualTo("https://example.org/reports/housing/");
        assertThat(notes).singleElement().asString().contains("1 page has no 'date:'");

        Document sitemap = xml(out.resolve("sitemap.xml"));
        var locs = sitemap.getElementsByTagNameNS("http://www.sitemaps.org/schemas/sitemap/0.9", "loc");
        assertThat(locs.getLength()).isEqualTo(4);
        for (int i = 0; i < locs.getLength(); i++) assertThat(locs.item(i).getTextContent()).startsWith("https://example.org/reports/");
        assertThat(Files.readString(out.resolve("robots.txt"))).contains("Sitemap: https://example.org/reports/sitemap.xml");
        for (String card : List.of("social.png", "housing/social.png", "jobs/social.png", "note/social.png")) {
            assertThat(out.resolve(card)).isRegularFile();
        }
    }

    @Test
    void withoutBaseUrlOnlyRobotsIsWrittenAndTheBuildSaysWhy(@TempDir Path dir) {
        Path out = dir.resolve("site");
        List<String> notes;
        try (StagedSite site = StagedSite.begin(out)) {
            notes = SiteIndexes.write(site, CONFIG.withBaseUrl(""), PAGES);
            site.commit();
        }
        assertThat(out.resolve("robots.txt")).content().doesNotContain("Sitemap");
        assertThat(out.resolve("feed.xml")).doesNotExist();
        assertThat(out.resolve("sitemap.xml")).doesNotExist();
        assertThat(out.resolve("social.png")).doesNotExist();
        assertThat(notes).singleElement().asString().contains("no base_url").contains("feed.xml").contains("base_url: https://");
    }

    @Test
    void socialCardIsA1200By630PngWithTheSameBytesEveryTime() throws Exception {
        byte[] a = SocialCard.png("A headline long enough to wrap onto a second and maybe a third line of the card",
                "The summary", "The Desk", "example.org/reports");
        byte[] b = SocialCard.png("A headline long enough to wrap onto a second and maybe a third line of the card",
                "The summary", "The Desk", "example.org/reports");
        assertThat(a).isEqualTo(b);
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(a));
        assertThat(img.getWidth()).isEqualTo(1200);
        assertThat(img.getHeight()).isEqualTo(630);
        // Title text is drawn in dark ink on the light card: the title area is not blank.
        int dark = 0;
        for (int y = 150; y < 400; y += 2) for (int x = 80; x < 1120; x += 2) if ((img.getRGB(x, y) & 0xff) < 0x60) dark++;
        assertThat(dark).isGreaterThan(1000);
        byte[] other = SocialCard.png("Another title", null, "The Desk", "example.org");
        assertThat(other).isNotEqualTo(a);
        // No tIME chunk: PNG writers that add one make every build differ.
        assertThat(new String(a, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("tIME");
    }

    @Test
    void socialCardDrawsThePagesFirstChart() throws Exception {
        String body = "<p>Intro</p><figure class=\"dd-chart\"><div class=\"dd-chart-plot--wide\">"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 100 50\" role=\"img\"><title>t</title>"
                + "<g transform=\"matrix(1,0,0,1,0,0)\" style=\"fill:var(--dd-s3,#d55e00)\"><path d=\"M0,0L100,0L100,50L0,50Z\"/></g>"
                + "</svg></div><div class=\"dd-chart-plot--narrow\"><svg viewBox=\"0 0 10 10\"><rect width=\"10\" height=\"10\" fill=\"#000\"/></svg></div></figure>";
        String svg = SocialCard.firstChart(body);
        assertThat(svg).contains("0 0 100 50").doesNotContain("0 0 10 10");
        assertThat(SocialCard.firstChart("<p>No chart</p>")).isNull();
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(SocialCard.png("Title", null, "Desk", "example.org", svg)));
        // The 100×50 chart is fitted into the right-hand panel: its orange fills the panel's middle.
        assertThat(img.getRGB(866, 272) & 0xffffff).isEqualTo(0xd55e00);
        assertThat(img.getRGB(300, 272) & 0xffffff).isNotEqualTo(0xd55e00);
        byte[] broken = SocialCard.png("Title", null, "Desk", "example.org", "<svg>not a chart</svg>");
        assertThat(ImageIO.read(new ByteArrayInputStream(broken)).getRGB(866, 272) & 0xffffff).as("typographic card").isNotEqualTo(0xd55e00);
    }

    private static Document xml(Path p) throws Exception {
        var f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(p.toFile());
    }

    private static String text(Element parent, String name) {
        for (var n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getLocalName().equals(name)) return e.getTextContent();
        }
        return null;
    }
}
