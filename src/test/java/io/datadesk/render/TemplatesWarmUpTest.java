package io.datadesk.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.datadesk.config.SiteConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Templates#warmUp}, which a build runs on a thread of its own while its first page with directives computes
 * its data: its stand-in page leaves nothing behind that a build reports or publishes.
 */
class TemplatesWarmUpTest {

    @TempDir Path dir;

    @Test
    void aWarmedUpEngineRendersWhatAFreshOneRendersAndTheStandInNotesNothing() throws Exception {
        // A Chinese site's home page with a message only its Chinese file has: the English stand-in lacks it.
        write("home.html", "<html><body><h1 th:text=\"#{only.chinese}\">x</h1><p th:text=\"${page.title}\">t</p></body></html>");
        write("i18n/zh.yaml", "only:\n  chinese: 只有中文\n");
        // A template that wants what the stand-in does not have fails quietly in the warm-up.
        write("article.html", "<html><body><p th:text=\"${page.results['sales'].rows.size()}\">n</p></body></html>");

        Templates warmed = new Templates(Theme.load(dir, "templates"), "templates");
        Thread t = new Thread(warmed::warmUp); // as a build runs it: on a thread of its own
        t.start();
        t.join();
        assertThat(warmed.messages().drainNotes()).isEmpty();

        Templates fresh = new Templates(Theme.load(dir, "templates"), "templates");
        SiteConfig config = new SiteConfig("站点", "", "zh", "", "");
        String[] html = new String[2];
        for (int i = 0; i < 2; i++) {
            Templates templates = i == 0 ? warmed : fresh;
            var msg = templates.messages().forLocale(Locale.CHINESE);
            PageView home = new PageView("首页", null, "", "", null, null, List.of(), "zh", 1, List.of(), "<p>你好</p>", "", "",
                    Map.of(), List.of(), List.of(), "", "", "");
            Map<String, Object> model = PageViews.model(config, home, List.of(), new Links("", Map.of()), msg, "feed.xml");
            html[i] = templates.render("home", model, Locale.CHINESE, "content/index.md") + "\n"
                    + templates.render("404", notFoundModel(config, templates), Locale.CHINESE, "404.html");
        }
        assertThat(html[0]).contains("只有中文", "首页").isEqualTo(html[1]);
        assertThat(warmed.messages().drainNotes()).isEqualTo(fresh.messages().drainNotes());
    }

    @Test
    void theViewsStandInIsAPageTheReadStageAcceptsAndViewsWithItsFiguresLinked() {
        // PageViews.warmUp throws what the read or view stage throws: a stand-in that no longer parses (a directive's
        // syntax changed) would otherwise warm up nothing, silently, in every build.
        PageViews views = new PageViews(new io.datadesk.read.Markdown());
        PageView view = views.warmUp();
        // The paths a data page's view takes: the inline value linked to its entry, the figures linked from the
        // section, the section itself.
        assertThat(view.content()).contains("href=\"how-computed.html#", "id=\"chart-1\"", "<table");
        assertThat(view.hasProvenance()).isTrue();
        assertThat(views.warmUp()).isEqualTo(view);
    }

    private static Map<String, Object> notFoundModel(SiteConfig config, Templates templates) {
        var msg = templates.messages().forLocale(Locale.CHINESE);
        Map<String, Object> model = PageViews.model(config, PageViews.notFound(config, msg), List.of(),
                new Links("", Map.of("site.css", "assets/site.1.css", "fonts.css", "assets/fonts.1.css", "chart.css", "assets/chart.1.css",
                        "favicon.svg", "assets/favicon.1.svg")), msg, "feed.xml");
        model.put("translations", List.of());
        model.put("otherLanguages", List.of());
        return model;
    }

    private void write(String rel, String text) throws IOException {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }
}
