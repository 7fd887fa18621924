package io.datadesk.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.datadesk.config.SiteConfig;
import io.datadesk.read.TocEntry;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.standard.StandardDialect;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.StringTemplateResolver;

/**
 * Templates evaluated with {@link QuickExpressions} give what Thymeleaf's own OGNL evaluator gives: the same text for
 * every expression of the built-in theme's kinds and for the shapes it leaves to OGNL, and an error where OGNL gives one.
 */
class QuickExpressionsTest {

    private static TemplateEngine engine(boolean quick) {
        RecordProperties.install();
        TemplateEngine e = new TemplateEngine();
        StringTemplateResolver r = new StringTemplateResolver();
        r.setTemplateMode(TemplateMode.HTML);
        e.setTemplateResolver(r);
        StandardDialect d = new StandardDialect();
        if (quick) d.setVariableExpressionEvaluator(new QuickExpressions());
        e.setDialect(d);
        return e;
    }

    private static final TemplateEngine QUICK = engine(true);
    private static final TemplateEngine OGNL = engine(false);

    private static Map<String, Object> model(PageView page) {
        Map<String, Object> m = PageViews.model(SiteConfig.defaults(), page, List.of(page), new Links("../", Map.of("site.css", "site.1234.css")),
                io.datadesk.i18n.Messages.english(), "feed.xml");
        m.put("blank", "  ");
        m.put("nothing", null);
        m.put("number", 3);
        m.put("map", new HashMap<>(Map.of("title", "from a map", "size", "s")));
        return m;
    }

    private static PageView page(String description, String author, List<String> tags) {
        return new PageView("A \"title\" & <more>", null, description, author, LocalDate.of(2024, 5, 6), null, tags, "en", 4,
                List.of(new TocEntry(2, "One", "one")), "<p>Body</p>", "posts/a/index.html", "", Map.of());
    }

    private static final List<String> EXPRESSIONS = List.of("page.title", "page.description", "page.author", "page.subtitle",
            "page.date", "page.updated", "page.tags", "page.toc", "page.readingMinutes", "page.content", "site.title",
            "site.baseUrl", "page.isHome()", "page.isArticle()", "page.isNotFound()", "page.hasProvenance()",
            "page.socialImagePath()", "!#strings.isEmpty(page.description)", "#strings.isEmpty(page.author)",
            "!#strings.isEmpty(site.baseUrl)", "!!#strings.isEmpty(page.subtitle)", "#lists.isEmpty(page.toc)",
            "!#lists.isEmpty(page.tags)", "links.asset('site.css')", "links.has('site.css')", "links.has('fonts.css')",
            "links.to(feedPath)", "links.to('sitemap.xml')", "links.home()", "dates.format(page.date)", "feedPath",
            "!page.isHome()", "blank", "!blank", "#strings.isEmpty(blank)", "nothing", "!nothing", "number", "!number",
            "map.title", "map.size", "page.tags.size()", "page.tags.isEmpty()", "page.title.length()", "#strings.replace(page.lang, '-', '_')",
            "page.isHome() ? site.title : page.title + ' · ' + site.title", "page.tags[0]", "undefinedName", "!undefinedName",
            "page.toString()", "#strings.toUpperCase(page.title)", "#strings.contains(page.content, 'Body')",
            "#strings.abbreviate(page.title, 5)", "site.absolute(page.socialImagePath())", "page.hashCode() != 0",
            // ternaries, and/or, comparisons, +, literals: OGNL's values (and/or give the deciding operand, not a boolean)
            "page.isArticle() ? 'article' : 'website'", "page.isArticle() and page.date != null",
            "page.isArticle() and page.updated != null", "page.isArticle() and !#strings.isEmpty(page.author)",
            "page.isArticle() ? page.tags : {}", "'toc-level-' + page.readingMinutes", "'#' + page.title", "page.readingMinutes > 0",
            "page.readingMinutes < 5", "page.readingMinutes >= 4", "page.readingMinutes <= 3", "number + 1", "number + number",
            "1 + number + 'x'", "'x' + 1 + 2", "page.title + (number + 1)", "page.author or page.title", "page.author and page.title",
            "nothing or blank", "nothing and blank", "blank or nothing", "blank and nothing", "page.description == page.author",
            "page.author != null", "nothing == null", "nothing != null", "number == 3", "number == '3'", "number != 4", "blank == '  '",
            "(page.isHome() or page.isArticle()) ? 'a' : 'b'", "page.isHome() ? nothing.title : 'not evaluated'",
            "page.isArticle() ? nothing.title : 'x'", "nothing ? 'a' : blank ? 'b' : 'c'", "number == 3 ? 'three' : 'other'",
            "true", "false", "null", "'text'", "{}", "!{}", "translations != null and !translations.isEmpty()",
            "page.title + nothing", "nothing + page.title", "number + nothing", "page.tags + 'x'",
            "page.readingMinutes + page.readingMinutes > 7", "!page.isHome() and !nothing", "map.size == 's'",
            "links.asset('site.css' + '')", "#strings.isEmpty(nothing or blank)", "number>2", "number > 2 and number < 4",
            "number>=3 or nothing.title", "page.date > page.updated", "page.date == page.date", "page.isArticle() && true",
            "page.isHome() || true", "'a' eq 'a'", "number - 1", "number + -1", "0 + number", "007 + number", "number + 1L",
            "page.title+'!'", "!(number == 3)", "page.isHome() ? 'x' : (page.isArticle() ? 'y' : 'z')",
            // calls with several arguments: the method OGNL picks when the name has no overloads and the types fit
            "#strings.contains(page.content, 'dd-notes-title')", "#strings.startsWith(page.title, 'A ')",
            "#strings.defaultString(page.author, 'nobody')", "#strings.replace(page.title, 'title', 'name')",
            "#strings.contains(nothing, 'x')", "#strings.contains(page.title, nothing)", "#strings.contains(number, 'x')",
            "#strings.substring(page.title, 2, 5)", "page.cardAlt(site.title, 'Untitled')", "page.cardAlt(nothing, blank)",
            // one-character literals, which OGNL reads as a Character
            "'x'", "'#' + page.toc[0].id", "'#' + page.readingMinutes", "'x' + 'y'", "'x' == 'x'", "'x' == 'xy'", "'1' == 1",
            "number == '3'", "!'x'", "'x' ? 'yes' : 'no'", "'0' ? 'yes' : 'no'", "'x' + 1", "1 + 'x'", "number + 'a'", "'·' + page.title",
            "'x' or nothing", "nothing or 'x'", "'a' < 'b'", "'b' > 'a'", "#strings.contains(page.title, 't')",
            "#strings.replace(page.lang, 'e', 'E')", "links.asset('x')", "page.cardAlt('x', 'y')");

    private static String render(TemplateEngine e, String template, Map<String, Object> model) {
        return e.process(template, new Context(Locale.ENGLISH, model));
    }

    @Test
    void expressionsGiveWhatOgnlGives() {
        for (PageView page : List.of(page("A description", "Jane", List.of("Tag", "Two")), page(null, "", List.of()), page("   ", null, List.of("x")))) {
            Map<String, Object> model = model(page);
            for (String x : EXPRESSIONS) {
                for (String template : List.of("<p th:text=\"${" + x + "}\">x</p>", "<p th:if=\"${" + x + "}\">shown</p>",
                        "<p th:attr=\"data-x=${" + x + "}\">x</p>", "<p th:utext=\"${" + x + "}\">x</p>")) {
                    String expected;
                    try {
                        expected = render(OGNL, template, model);
                    } catch (RuntimeException ognlFails) {
                        assertThat(catchThrowable(() -> render(QUICK, template, model))).as(template).isNotNull()
                                .hasMessage(ognlFails.getMessage());
                        continue;
                    }
                    assertThat(render(QUICK, template, model)).as(template).isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void nullsOnTheWayFailAsInOgnl() {
        Map<String, Object> model = model(page(null, null, List.of()));
        for (String x : List.of("nothing.title", "page.subtitle.length()", "nothing.isHome()", "#strings.isEmpty(nothing.title)")) {
            String template = "<p th:text=\"${" + x + "}\">x</p>";
            Throwable ognl = catchThrowable(() -> render(OGNL, template, model));
            Throwable quick = catchThrowable(() -> render(QUICK, template, model));
            assertThat(quick).as(x).isNotNull();
            assertThat(quick.getMessage()).as(x).isEqualTo(ognl.getMessage());
        }
    }

    @Test
    void theThemesCommonShapesAreQuickAndOthersAreNot() {
        for (String quick : List.of("page.title", "!#strings.isEmpty(page.description)", "#lists.isEmpty(page.toc)", "page.isHome()",
                "links.asset('site.css')", "dates.format(page.date)", "links.to(feedPath)"))
            assertThat(QuickExpressions.parse(quick)).as(quick).isNotSameAs(QuickExpressions.parse("a.tags[0]"));
        for (String quick : List.of("a ? b : c", "a + b", "a and b", "x == null", "page.isArticle() ? page.tags : {}",
                "'toc-level-' + h.level", "page.readingMinutes > 0", "'text'", "true", "a or b ? 'yes' : null", "a.b(c, d)",
                "#strings.contains(page.content, 'dd-notes-title')", "'x'", "'#' + h.id", "#strings.replace(x, '-', '_')"))
            assertThat(QuickExpressions.parse(quick)).as(quick).isNotSameAs(QuickExpressions.parse("a.tags[0]"));
        for (String other : List.of("a.tags[0]", "'a\\'", "#context", "param.x",
                "T(java.lang.Runtime)", "a && b", "a.b(c, 'd')x", "a || b", "a - b", "a eq b", "a.{? b}", "07", "1L", "a ? b", "a +",
                "(a", "(a or b) ? c : d", "a + (b + c)", "a ? b : c : d", "a == = b", "a or", "a andb", "!", "{1}"))
            assertThat(QuickExpressions.parse(other)).as(other).isSameAs(QuickExpressions.parse("a.tags[0]"));
    }
}
