package io.datadesk.read;

import static org.assertj.core.api.Assertions.assertThat;

import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.misc.Extension;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;

/** One table parser shared by every page (and by pages parsed at once) renders what Flexmark's per-page one renders. */
class SharedTablesExtensionTest {

    private record Flexmark(Parser parser, HtmlRenderer renderer) {
        static Flexmark with(Extension tables) {
            MutableDataSet o = new MutableDataSet();
            o.set(Parser.EXTENSIONS, List.of(tables));
            o.set(TablesExtension.CLASS_NAME, "md-table");
            return new Flexmark(Parser.builder(o).build(), HtmlRenderer.builder(o).build());
        }

        String html(String markdown) {
            return renderer.render(parser.parse(markdown));
        }
    }

    private static final List<String> TABLES = List.of(
            "| a | b |\n|---|--:|\n| 1 | 2 |\n",
            "a | b | c\n:-- | :-: | --:\nx | y | z\nmore | cells | here | extra\n",
            "| one |\n|-----|\n| x |\n\nAnd text after.\n",
            "Not | a table\nline two\n",
            "| h |\n| --- |\n",
            "|a|b|\n|-|-|\n|1|2|\n",
            "Title\n-----\n\n| x | y |\n|---|---|\n| `a|b` | \\| |\n",
            "- item\n\n  | in | list |\n  |----|------|\n  | 1  | 2    |\n",
            "Paragraph with | a pipe and no separator.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n| 3 |\n");

    @Test
    void rendersWhatFlexmarksTablesRender() {
        Flexmark shared = Flexmark.with(SharedTablesExtension.create());
        Flexmark flexmarks = Flexmark.with(TablesExtension.create());
        for (String md : TABLES) assertThat(shared.html(md)).as(md).isEqualTo(flexmarks.html(md));
        assertThat(shared.html(TABLES.get(0))).contains("<table class=\"md-table\">", "<td align=\"right\">2</td>");
    }

    @Test
    void pagesParsedAtOnceShareItSafely() throws Exception {
        Flexmark shared = Flexmark.with(SharedTablesExtension.create());
        Flexmark flexmarks = Flexmark.with(TablesExtension.create());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                String md = TABLES.get(i % TABLES.size());
                results.add(pool.submit(() -> shared.html(md)));
            }
            for (int i = 0; i < results.size(); i++)
                assertThat(results.get(i).get()).isEqualTo(flexmarks.html(TABLES.get(i % TABLES.size())));
        } finally {
            pool.shutdownNow();
        }
    }
}
