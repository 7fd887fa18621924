package io.datadesk.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class MarkdownTest {

    private final Markdown markdown = new Markdown();

    private Document render(String md) {
        Markdown.MarkdownPage page = markdown.parse(md);
        return Jsoup.parse(markdown.render(page, i -> "<div class=\"directive\">" + i + "</div>", i -> "VALUE" + i));
    }

    /** A cold build warms the parser up on a thread of its own while pages are parsed on others: it changes no page. */
    @Test
    void aParserWarmedUpOnAnotherThreadGivesWhatAFreshOneGives() throws InterruptedException {
        String page = "# Title\n\nSome *text* with a [link](https://example.org/).\n\n| a | b |\n|---|---|\n| 1 | 2 |\n";
        String fresh = markdown.render(markdown.parse(page), i -> "", i -> "");
        Markdown warmed = new Markdown();
        Thread t = new Thread(warmed::warmUp);
        t.start();
        String during = warmed.render(warmed.parse(page), i -> "", i -> "");
        t.join();
        assertThat(during).isEqualTo(fresh);
        assertThat(warmed.render(warmed.parse(page), i -> "", i -> "")).isEqualTo(fresh);
    }

    @Test
    void headingsGetStableIdsAnchorsAndATableOfContents() {
        Markdown.MarkdownPage page = markdown.parse("# Title\n\n## What AI changed\n\ntext\n\n### By year\n\n## What AI changed\n");
        assertThat(page.toc()).containsExactly(new TocEntry(2, "What AI changed", "what-ai-changed"),
                new TocEntry(3, "By year", "by-year"), new TocEntry(2, "What AI changed", "what-ai-changed-1"));
        Document html = Jsoup.parse(markdown.render(page, i -> "", i -> ""));
        assertThat(html.select("h2#what-ai-changed > a.heading-anchor").attr("href")).isEqualTo("#what-ai-changed");
        assertThat(html.select("h2#what-ai-changed-1")).hasSize(1);
    }

    @Test
    void supportsTheGithubExtensionsAndTypography() {
        Document html = render("""
                A "quote" -- and ~~gone~~ at https://example.org.[^n]

                - [x] done

                | a | b |
                |---|--:|
                | 1 | 2 |

                ```python
                print(1)
                ```

                [^n]: A footnote.
                """);
        assertThat(html.select("p").first().text()).contains("\u201cquote\u201d").contains("\u2013");
        assertThat(html.select("del").text()).isEqualTo("gone");
        assertThat(html.select("a[href=https://example.org]")).hasSize(1);
        assertThat(html.select("input[type=checkbox][checked]")).hasSize(1);
        assertThat(html.select("table td")).extracting(e -> e.text()).containsExactly("1", "2");
        assertThat(html.select("pre > code.language-python").text()).isEqualTo("print(1)");
        assertThat(html.select("sup a.footnote-ref").attr("href")).isEqualTo("#fn-1");
        assertThat(html.select("li#fn-1 a.footnote-backref").attr("href")).isEqualTo("#fnref-1");
    }

    @Test
    void findsDirectivesWithTheirLinesAndRendersTheirOutputInPlace() {
        String md = "\n\nIntro\n\n```sql yearly show\nselect 1\n```\n\n```chart\ntype: line\n```\n\n```sql\nselect 'plain code'\n```\n\n```table\ndata: yearly\n```\n";
        Markdown.MarkdownPage page = markdown.parse(md);
        List<Directive> ds = page.directives();
        assertThat(ds).hasExactlyElementsOfTypes(Directive.Query.class, Directive.Chart.class, Directive.Table.class);
        assertThat(ds.get(0)).isEqualTo(new Directive.Query(0, "yearly", true, "select 1\n", 5, 8));
        assertThat(ds.get(0).info()).isEqualTo("sql yearly show");
        assertThat(ds.get(0).line()).isEqualTo(5);
        assertThat(ds.get(0).bodyLine()).isEqualTo(6);
        assertThat(ds.get(0).body()).isEqualTo("select 1\n");
        assertThat(ds.get(1).line()).isEqualTo(9);
        Document html = Jsoup.parse(markdown.render(page, i -> "<div class=\"directive\">" + i + "</div>", i -> ""));
        assertThat(html.select("div.directive")).extracting(e -> e.text()).containsExactly("0", "1", "2");
        assertThat(html.select("code.language-sql").text()).isEqualTo("select 'plain code'");
    }

    @Test
    void inlineValuesAreFoundInProseButNotInCode() {
        String md = "\nCuts were {{ totals.laid_off | number }} in all,\nwith `{{ not.this }}` in code\n\n    {{ nor.this }}\n";
        Markdown.MarkdownPage page = markdown.parse(md);
        assertThat(page.inlineValues()).containsExactly(new InlineValue(0, "totals.laid_off | number", 2, 11));
        Document html = Jsoup.parse(markdown.render(page, i -> "", i -> "<b>264,320</b>"));
        assertThat(html.select("p").first().text()).isEqualTo("Cuts were <b>264,320</b> in all, with {{ not.this }} in code");
        assertThat(html.select("p b")).isEmpty(); // inline values are text, always escaped
        assertThat(html.select("pre code").text()).isEqualTo("{{ nor.this }}");
    }

    @Test
    void inlineValueKeepsQuotedFormatArgumentsIntact() {
        Markdown.MarkdownPage page = markdown.parse("Peak in {{ peak.month | date:\"MMMM yyyy\" }}.");
        assertThat(page.inlineValues().get(0).expression()).isEqualTo("peak.month | date:\"MMMM yyyy\"");
    }

    @Test
    void lineNumbersAreFlexmarksAndColumnsCountFromTheLastNewline() {
        // Markdown.Lines replaces Flexmark's Document.getLineNumber, which counted from the start on every call.
        java.util.Random random = new java.util.Random(17);
        String[] pieces = {"a", "bc ", "\n", "\r\n", "\r", "\n\r", "{{ x }}", "\n\n"};
        for (int round = 0; round < 200; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(40); i > 0; i--) text.append(pieces[random.nextInt(pieces.length)]);
            com.vladsch.flexmark.util.ast.Document doc = com.vladsch.flexmark.parser.Parser.builder().build().parse(text.toString());
            Markdown.Lines lines = new Markdown.Lines(doc.getChars());
            for (int offset = 0; offset <= text.length(); offset++)
                assertThat(lines.of(offset)).as("offset %d of %s", offset, text.toString().replace("\r", "\\r").replace("\n", "\\n"))
                        .isEqualTo(doc.getLineNumber(offset));
            for (int offset = 0; offset <= text.length(); offset++) {
                int lineStart = offset; // the column as counted before: back to the last \n, character by character
                while (lineStart > 0 && text.charAt(lineStart - 1) != '\n') lineStart--;
                assertThat(lines.column(offset)).as("column at offset %d", offset).isEqualTo(offset - lineStart + 1);
            }
        }
    }

    @Test
    void directivesAndInlineValuesKnowTheirLinesInTextWithAnyLineEndings() {
        Markdown.MarkdownPage page = markdown.parse("Intro\r\n\r\nValue {{ a.b }}\r\n\r\n```sql q\r\nselect 1\r\n```\r\n\nLast {{ c.d }}\n");
        assertThat(page.inlineValues()).extracting(InlineValue::line).containsExactly(3, 9);
        assertThat(page.directives()).extracting(Directive::line).containsExactly(5);
    }
}
