package io.datadesk.render;

import io.datadesk.compute.Provenance;
import java.text.BreakIterator;
import java.util.List;
import java.util.Locale;
import io.datadesk.i18n.Messages;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.TextNode;

/**
 * The reader's side of provenance: each inline value is a link to its entry in an end section, "How the numbers were
 * computed", which quotes the sentence the number stands in, gives the shown and the exact value, the query (its
 * SQL collapsed in a {@code <details>}) and the datasets with their publishers, and links back. Plain links and
 * {@code <details>}: no JavaScript.
 */
public final class ProvenanceHtml {

    /** The section's id: the contents link to it. */
    public static final String SECTION_ID = "dd-how";

    /**
     * The section is a page of its own beside the article, this file in the article's folder: with the SQL of every
     * query and an entry per number it weighs more than the article's prose (131 KB of the flagship's 511), and a
     * reader who follows a number's link gets it; one who reads the article does not pay for it.
     */
    public static final String PAGE = "how-computed.html";

    /** The article, seen from {@link #PAGE}: every article is its folder's index.html. */
    private static final String ARTICLE = "index.html";
    /**
     * The block a number's sentence is read from, and footnote numbers (not prose), as parsed selectors: a selector
     * given as text is parsed again on every call, once per number of a long page. These evaluators keep no state.
     */
    private static final org.jsoup.select.Evaluator BLOCK =
            org.jsoup.select.QueryParser.parse("p, li, td, th, blockquote, h1, h2, h3, h4, h5, h6, dd, dt, figcaption, caption");
    private static final org.jsoup.select.Evaluator FOOTNOTE_REF =
            org.jsoup.select.QueryParser.parse("sup.footnote-ref, a.footnote-ref, sup[id^=fnref]");
    public static final String TITLE = "How the numbers were computed";

    private ProvenanceHtml() {}

    /** The id of the link that an inline value is (index from 0). */
    public static String numberId(int index) {
        // No class on the link: a long article has hundreds, and the stylesheet finds them by this id prefix.
        return "dd-num-" + (index + 1);
    }

    /** The id of an inline value's entry in the section. */
    public static String entryId(int index) {
        return "dd-how-" + (index + 1);
    }

    /** The id of a query's part of the section: numbers and figures from that query link to it. */
    public static String queryId(String query) {
        return "dd-how-q-" + query.toLowerCase(Locale.ROOT);
    }

    /** The link a figure (chart or table) carries to the part of the section about its query. */
    public static String figureLink(String query, Messages msg) {
        return "<p class=\"dd-how-link\"><a href=\"" + PAGE + "#" + queryId(query) + "\">" + esc(msg.get("how.link")) + "</a></p>";
    }

    /**
     * The body with a link from each chart and table to the part of the section about its query: in the chart's
     * caption, or at the end of the table's box.
     */
    public static String linkFigures(String bodyHtml, Provenance provenance, Messages msg) {
        if (provenance.queries().stream().allMatch(q -> q.figures().isEmpty())) return bodyHtml;
        Document doc = ReaderHtml.parse(bodyHtml);
        linkFigures(doc, provenance, msg);
        return doc.body().html();
    }

    /** As {@link #linkFigures(String, Provenance, Messages)}, on a body {@link ReaderHtml#parse parsed} already; changes it. */
    public static void linkFigures(Document doc, Provenance provenance, Messages msg) {
        java.util.Map<String, Element> byId = byId(doc);
        for (Provenance.Query q : provenance.queries()) {
            for (String id : q.figures()) {
                Element figure = byId.get(id);
                if (figure == null) continue;
                Element caption = figure.selectFirst("> figcaption");
                if (caption != null) caption.append(figureLink(q.name(), msg));
                else figure.after(figureLink(q.name(), msg)); // a table's scroll box: the link goes below it
            }
        }
    }

    /**
     * The section for a page whose rendered body is {@code bodyHtml} (with the inline values as links, see
     * {@link #numberId}); empty when the page has no provenance to show. Numbers are listed in page order, under
     * the sentence they stand in (quoted once for all its numbers); each names its query, whose SQL, datasets and
     * figures follow once in "The queries".
     *
     * @param locale the page's language, for finding sentence boundaries
     */
    public static String section(String bodyHtml, Provenance provenance, Locale locale, Messages msg) {
        return provenance.isEmpty() ? "" : section(Jsoup.parseBodyFragment(bodyHtml), provenance, locale, msg);
    }

    /**
     * As {@link #section(String, Provenance, Locale, Messages)}, from the body as a document: the one the page's
     * other steps parsed (parsing a long page's HTML again cost as much as the section's own work). Reads it only.
     */
    public static String section(Document body, Provenance provenance, Locale locale, Messages msg) {
        return section(body, new Drawings(), provenance, locale, msg);
    }

    /** As above, for a body whose chart drawings were kept out of it ({@link Drawings}). */
    static String section(Document body, Drawings drawings, Provenance provenance, Locale locale, Messages msg) {
        if (provenance.isEmpty()) return "";
        java.util.Map<String, Element> byId = byId(body);
        java.util.Map<Element, Element> copies = new java.util.IdentityHashMap<>();
        BreakIterator sentences = BreakIterator.getSentenceInstance(locale);
        return section(i -> sentence(byId.get(numberId(i)), i, sentences, drawings, copies), provenance, msg);
    }

    /**
     * The sentences around the numbers of one part of a body (a part of the page's Markdown, rendered and parsed on
     * its own), by inline value index: what {@link #section} quotes for them. A number's sentence lies within its
     * block, so a part's sentences are the whole body's.
     */
    static java.util.Map<Integer, String[]> sentencesIn(Document part, Drawings drawings, Locale locale) {
        java.util.Map<Integer, String[]> out = new java.util.HashMap<>();
        java.util.Map<Element, Element> copies = new java.util.IdentityHashMap<>();
        BreakIterator it = BreakIterator.getSentenceInstance(locale);
        for (var e : byId(part).entrySet()) {
            if (!e.getKey().startsWith("dd-num-")) continue;
            int index;
            try {
                index = Integer.parseInt(e.getKey().substring("dd-num-".length())) - 1;
            } catch (NumberFormatException notOurs) {
                continue;
            }
            if (index >= 0 && e.getKey().equals(numberId(index))) out.put(index, sentence(e.getValue(), index, it, drawings, copies));
        }
        return out;
    }

    /** As above, with each number's sentence from {@code sentenceOf} (null: the number is not in the body). */
    static String section(java.util.function.IntFunction<String[]> sentenceOf, Provenance provenance, Messages msg) {
        if (provenance.isEmpty()) return "";
        // The section is made from the provenance, the words and each number's sentence only: a prose edit that
        // touches no sentence with a number (most) finds it made. Escaping every number's entry again was a tenth of
        // a prose edit's samples under serve.
        java.util.Map<Integer, String[]> found = new java.util.HashMap<>(); // each number's sentence, looked up once
        List<Object> sentences = new java.util.ArrayList<>();
        for (Provenance.Query q : provenance.queries())
            for (Provenance.Number n : q.numbers()) {
                String[] parts = found.computeIfAbsent(n.index(), i -> {
                    String[] p = sentenceOf.apply(i);
                    return p == null ? NO_SENTENCE : p;
                });
                sentences.add(java.util.Arrays.asList(parts));
            }
        List<Object> key = List.of(provenance, msg.key(), sentences);
        synchronized (SECTIONS) {
            String done = SECTIONS.get(key);
            if (done != null) return done;
        }
        String done = sectionFrom(i -> {
            String[] parts = found.get(i);
            return parts == NO_SENTENCE ? null : parts;
        }, provenance, msg);
        synchronized (SECTIONS) {
            SECTIONS.put(key, done);
        }
        return done;
    }

    private static final String[] NO_SENTENCE = {};

    /** The sections last made by {@link #section(java.util.function.IntFunction, Provenance, Messages)}, by what they are made from. */
    private static final java.util.Map<List<Object>, String> SECTIONS = new java.util.LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(java.util.Map.Entry<List<Object>, String> eldest) {
            return size() > 8;
        }
    };

    private static String sectionFrom(java.util.function.IntFunction<String[]> sentenceOf, Provenance provenance, Messages msg) {
        StringBuilder sb = new StringBuilder();
        sb.append("<section class=\"how-computed\" id=\"").append(SECTION_ID).append("\" aria-labelledby=\"")
                .append(SECTION_ID).append("-title\">\n<h2 id=\"").append(SECTION_ID).append("-title\">").append(esc(msg.get("how.title"))).append("</h2>\n");
        sb.append("<p>").append(esc(msg.get("how.intro"))).append("</p>\n");
        java.util.TreeMap<Integer, Provenance.Number> numbers = new java.util.TreeMap<>();
        java.util.Map<Integer, String> queryOf = new java.util.HashMap<>();
        for (Provenance.Query q : provenance.queries())
            for (Provenance.Number n : q.numbers()) {
                numbers.put(n.index(), n);
                queryOf.put(n.index(), q.name());
            }
        if (!numbers.isEmpty()) {
            sb.append("<ol class=\"how-sentences\">\n");
            String open = null; // the sentence of the list item being written
            for (Provenance.Number n : numbers.values()) {
                String[] parts = sentenceOf.apply(n.index());
                String item = parts == null ? "#" + n.index() : parts[0] + n.shown() + parts[1];
                if (open == null || !open.equals(item)) {
                    if (open != null) sb.append("</ul></li>\n");
                    sb.append("<li>");
                    // Escaped only for the number that opens its sentence's item: the sentence is quoted once, and
                    // escaping it again for every number it holds was a fifth of a first prose edit's samples (serve).
                    if (parts != null) sb.append("<blockquote class=\"how-sentence\"><p>").append(esc(parts[0])).append("<strong>")
                            .append(esc(n.shown())).append("</strong>").append(esc(parts[1])).append("</p></blockquote>");
                    sb.append("<ul>");
                    open = item;
                }
                number(sb, n, queryOf.get(n.index()), msg);
            }
            sb.append("</ul></li>\n</ol>\n");
        }
        return sb.append(queries(provenance, msg)).append("</section>\n").toString();
    }

    /**
     * "The queries" part of the section, from the page's queries alone: kept for the last few pages' queries, so that
     * an edit of the prose (which leaves them as they were) does not escape every query's SQL again.
     */
    private static String queries(Provenance provenance, Messages msg) {
        List<Object> key = List.of(provenance, msg.key());
        synchronized (QUERIES) {
            String done = QUERIES.get(key);
            if (done != null) return done;
        }
        StringBuilder sb = new StringBuilder();
        sb.append("<h3 id=\"").append(SECTION_ID).append("-queries\">").append(esc(msg.get("how.queries"))).append("</h3>\n");
        for (Provenance.Query q : provenance.queries()) query(sb, q, msg);
        String done = sb.toString();
        synchronized (QUERIES) {
            QUERIES.put(key, done);
        }
        return done;
    }

    /** The queries parts last made, by provenance and messages: a handful of pages, as serve edits them. */
    private static final java.util.Map<List<Object>, String> QUERIES = new java.util.LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(java.util.Map.Entry<List<Object>, String> eldest) {
            return size() > 8;
        }
    };

    private static void query(StringBuilder sb, Provenance.Query q, Messages msg) {
        String and = esc(msg.get("how.and")), comma = esc(msg.get("how.comma")), end = esc(msg.get("how.end"));
        String id = queryId(q.name());
        // No accessible name on purpose: a named <section> is a region landmark, and one per query would crowd the
        // landmark list and repeat the names of the tables' own regions (axe: landmark-unique). The h4 still
        // heads it for screen readers' heading navigation.
        sb.append("<section class=\"how-query\" id=\"").append(id).append("\">\n");
        String name = "<code>" + esc(q.name()) + "</code>";
        sb.append("<h4 id=\"").append(id).append("-title\">").append(q.sql() == null ? msg.get("how.dataset", name) : name).append("</h4>\n");
        if (!q.inputs().isEmpty() || !q.via().isEmpty()) {
            sb.append("<p class=\"how-inputs\">").append(esc(msg.get(q.sql() == null ? "how.read_from" : "how.computed_from")));
            for (int i = 0; i < q.inputs().size(); i++) {
                Provenance.Input in = q.inputs().get(i);
                sb.append(i == 0 ? "" : i == q.inputs().size() - 1 ? and : comma);
                sb.append("<code>").append(esc(in.file())).append("</code>");
                if (in.publisher() != null) {
                    sb.append(esc(msg.get("how.published_by")));
                    if (in.url() != null) sb.append("<a href=\"").append(attr(in.url())).append("\">").append(esc(in.publisher())).append("</a>");
                    else sb.append(esc(in.publisher()));
                }
            }
            if (!q.via().isEmpty()) {
                sb.append(q.inputs().isEmpty() ? "" : esc(msg.get("how.via_separator")))
                        .append(esc(msg.get(q.via().size() == 1 ? "how.through_query" : "how.through_queries")));
                for (int i = 0; i < q.via().size(); i++)
                    sb.append(i == 0 ? "" : comma).append("<a href=\"#").append(queryId(q.via().get(i))).append("\"><code>")
                            .append(esc(q.via().get(i))).append("</code></a>");
            }
            sb.append(end).append("</p>\n");
        }
        if (q.sql() != null)
            sb.append("<details class=\"query\"><summary>").append(msg.get("how.sql_of", name)).append("</summary>")
                    .append("<pre><code class=\"language-sql\">").append(esc(q.sql().strip())).append("</code></pre></details>\n");
        if (!q.figures().isEmpty()) {
            sb.append("<p class=\"how-figures\">").append(esc(msg.get("how.shown_in")));
            for (int i = 0; i < q.figures().size(); i++) {
                String f = q.figures().get(i);
                sb.append(i == 0 ? "" : i == q.figures().size() - 1 ? and : comma).append("<a href=\"").append(ARTICLE).append('#').append(attr(f)).append("\">")
                        .append(esc(f.startsWith("chart-") ? msg.get("how.chart", f.substring(6)) : msg.get("how.table", f.substring(f.lastIndexOf('-') + 1))))
                        .append("</a>");
            }
            sb.append(end).append("</p>\n");
        }
        sb.append("</section>\n");
    }

    /**
     * One number, tersely (a long article has hundreds): shown value, the exact one when rounding changed it, the
     * column and row it is read from, its query, and the way back.
     */
    private static void number(StringBuilder sb, Provenance.Number n, String query, Messages msg) {
        sb.append("<li id=\"").append(entryId(n.index())).append("\"><b>").append(esc(n.shown())).append("</b>");
        if (!sameNumber(n.shown(), n.exact())) sb.append(esc(msg.get("how.exactly", n.exact())));
        sb.append(esc(msg.get("how.colon"))).append(esc(n.column()));
        if (!n.row().isEmpty()) sb.append(esc(msg.get("how.where", n.row())));
        sb.append(msg.get("how.in", "<a href=\"#" + queryId(query) + "\">" + esc(query) + "</a>")).append(esc(msg.get("how.end")))
                .append(msg.countsCharacters() ? "" : " ").append("<a href=\"").append(ARTICLE).append('#')
                .append(numberId(n.index())).append("\">").append(esc(msg.get("how.back_to", n.shown()))).append("</a></li>\n");
    }

    /** Whether a shown value is the exact one but for grouping ({@code 2,710} and {@code 2710}): nothing to add. */
    static boolean sameNumber(String shown, String exact) {
        if (shown.equals(exact)) return true;
        String digits = shown.replaceAll("[,\u00a0\u202f' ]", "").replace('\u2212', '-');
        return digits.equals(exact);
    }

    /**
     * The sentence around inline value {@code index}: the text before it and after it, or null when the value is
     * not in the body. Sentence boundaries are the JDK's ({@link BreakIterator}) for the page's language.
     */
    static String[] sentence(Document body, int index, Locale locale) {
        return sentence(body.getElementById(numberId(index)), index, BreakIterator.getSentenceInstance(locale), new Drawings(),
                new java.util.IdentityHashMap<>());
    }

    /** The sentences of inline values {@code indexes}, read as {@link #section} reads them (one copy per block): for tests. */
    static List<String[]> sentences(Document body, List<Integer> indexes, Locale locale) {
        java.util.Map<Element, Element> copies = new java.util.IdentityHashMap<>();
        BreakIterator it = BreakIterator.getSentenceInstance(locale);
        List<String[]> out = new java.util.ArrayList<>();
        for (int i : indexes) out.add(sentence(body.getElementById(numberId(i)), i, it, new Drawings(), copies));
        return out;
    }

    /**
     * As above, for the inline value's {@code link} (null when not in the body), with the page language's sentences.
     * {@code copies} holds each block's copy, made once for all the numbers in it (a paragraph may hold a dozen):
     * each number's link is swapped for a marker while the text is read, then put back.
     */
    private static String[] sentence(Element link, int index, BreakIterator it, Drawings drawings, java.util.Map<Element, Element> copies) {
        if (link == null) return null;
        Element block = link.closest(BLOCK);
        if (block == null) block = link.parent();
        String marker = "\uE000";
        Element copy = copies.computeIfAbsent(block, b -> {
            Element c = b.clone();
            drawings.unstash(c); // a drawing's labels are text of the block too
            c.select(FOOTNOTE_REF).remove(); // footnote numbers are not prose
            return c;
        });
        Element mark = copy.getElementById(numberId(index));
        if (mark == null) return null;
        TextNode stand = new TextNode(marker);
        mark.replaceWith(stand);
        String text;
        try {
            text = copy.text();
        } finally {
            stand.replaceWith(mark);
        }
        int at = text.indexOf(marker);
        it.setText(text);
        int end = it.following(at);
        int start = it.previous();
        if (start > at) start = 0;
        if (end == BreakIterator.DONE) end = text.length();
        String s = text.substring(start, end).strip();
        int m = s.indexOf(marker);
        return new String[] {s.substring(0, m), s.substring(m + marker.length())};
    }

    /**
     * Every element with an id, by id (the first in document order, as {@code getElementById} finds it), from one
     * walk of the page: looking each figure and number up with {@code getElementById} walked the whole page, inline
     * charts and all, once per lookup.
     */
    private static java.util.Map<String, Element> byId(Document doc) {
        java.util.Map<String, Element> out = new java.util.HashMap<>();
        for (Element e : doc.getAllElements()) {
            String id = e.id();
            if (!id.isEmpty()) out.putIfAbsent(id, e);
        }
        return out;
    }

    private static String esc(String s) {
        return Entities.escape(s);
    }

    private static String attr(String s) {
        return Entities.escape(s).replace("\"", "&quot;");
    }

    /** Every id the section links to in the body, for tests: the number links and the figures. */
    static List<String> targets(Provenance p) {
        List<String> out = new java.util.ArrayList<>();
        for (Provenance.Query q : p.queries()) {
            for (Provenance.Number n : q.numbers()) out.add(numberId(n.index()));
            out.addAll(q.figures());
        }
        return out;
    }
}
