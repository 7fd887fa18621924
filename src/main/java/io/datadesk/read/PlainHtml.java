package io.datadesk.read;

import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.BulletList;
import com.vladsch.flexmark.ast.BulletListItem;
import com.vladsch.flexmark.ast.OrderedListItem;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.Emphasis;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.OrderedList;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.StrongEmphasis;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ast.TextBase;
import com.vladsch.flexmark.ast.ThematicBreak;
import com.vladsch.flexmark.ext.anchorlink.AnchorLink;
import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.ext.tables.TableBody;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.ext.tables.TableHead;
import com.vladsch.flexmark.ext.tables.TableRow;
import com.vladsch.flexmark.ext.tables.TableSeparator;
import com.vladsch.flexmark.ext.typographic.TypographicQuotes;
import com.vladsch.flexmark.ext.typographic.TypographicSmarts;
import com.vladsch.flexmark.parser.ListOptions;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.sequence.Escaping;
import com.vladsch.flexmark.util.sequence.SequenceUtils;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The HTML Flexmark's renderer writes for a page of plain prose, as a tree of elements and escaped text, made
 * straight from the parsed document without the renderer: the steps after it ({@code render.QuickPolish}) read
 * Flexmark's HTML back into such a tree, and writing the text only to read it again was a fifth of a 1,000-page
 * build (Flexmark's renderer with its per-document set-up and its line writer, then the polish's reader).
 *
 * <p>Why hand-written: Flexmark has no tree output. This class knows only the node kinds of plain prose (headings,
 * paragraphs, emphasis, code, links, lists, block quotes, rules, tables, fenced code, typographic quotes) with the
 * options {@link Markdown} sets, and gives up (null) on any other node, on anything whose output depends on an
 * option or a case it does not model (a link title, a table caption or column span, an empty heading id); the page
 * then takes Flexmark's renderer as before. Each kind is written as Flexmark's {@code CoreNodeRenderer},
 * {@code TableNodeRenderer}, {@code AnchorLinkNodeRenderer} and {@code TypographicNodeRenderer} write it: the same
 * tags, attributes in the same order, text escaped with Flexmark's own {@link Escaping}, and line ends where its
 * writer puts them ({@link #line}). {@code PlainHtmlTest} compares the result with the renderer's on random
 * Markdown, the flagship and the benchmark pages.
 */
public final class PlainHtml {

    /**
     * An element as Flexmark writes it: a name, attributes in order ({key, value as written, escaped}) and children,
     * each an Element or a String of text as written (escaped; two texts are never next to each other). A void
     * element ({@code hr}, {@code br}) has no children.
     */
    public record Element(String name, List<String[]> attrs, List<Object> kids) {
        Element(String name) {
            this(name, new ArrayList<>(2), new ArrayList<>());
        }
    }

    private final ListOptions listOptions;
    private final Iterator<String> headingIds;
    private final Element body = new Element("body");
    private String headingId; // of the heading being written
    /** Whether what was written so far ends a line (or nothing was written): Flexmark's writer adds a line end only where none is. */
    private boolean atLineStart = true;

    private PlainHtml(DataHolder options, List<String> headingIds) {
        this.listOptions = ListOptions.get(options);
        this.headingIds = headingIds.iterator();
    }

    /**
     * The body of {@code doc} as Flexmark writes it with {@code options}, or null when it holds anything this class
     * does not write. {@code headingIds} are the ids of the document's headings in order, as Flexmark's id generator
     * gives them.
     */
    static Element of(Document doc, DataHolder options, List<String> headingIds) {
        PlainHtml w = new PlainHtml(options, headingIds);
        return w.children(doc, w.body) ? w.body : null;
    }

    private boolean children(Node parent, Element into) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) if (!node(n, into)) return false;
        return true;
    }

    /** Writes one node into {@code into}; false for a node this class does not write. */
    private boolean node(Node n, Element into) {
        if (n instanceof Text) {
            // As QuickTextExtension: text without \ & \r < > " is what Flexmark's three passes over it give.
            String s = n.getChars().toString();
            text(into, QuickTextExtension.plain(s) ? s : Escaping.escapeHtml(Escaping.normalizeEOL(n.getChars().unescape()), false));
        } else if (n instanceof SoftLineBreak) {
            raw(into, "\n");
        } else if (n instanceof Paragraph p) {
            if (p.getFirstChild() == null) return true; // Flexmark writes nothing for an empty paragraph
            if (p.getParent() instanceof ListItem item && item.isParagraphWrappingDisabled(p, listOptions, p.getDocument()))
                return children(p, into);
            return blockLine(into, new Element("p"), p);
        } else if (n instanceof Emphasis) {
            return inline(into, "em", n);
        } else if (n instanceof StrongEmphasis) {
            return inline(into, "strong", n);
        } else if (n instanceof Heading h) {
            return heading(into, h);
        } else if (n instanceof Code c) {
            Element code = open(into, "code");
            text(code, Escaping.escapeHtml(Escaping.collapseWhitespace(c.getText(), true), false));
        } else if (n instanceof Link link) {
            if (link.getTitle().isNotNull()) return false;
            Element a = new Element("a");
            a.attrs().add(new String[] {"href", Escaping.escapeHtml(link.getUrl().unescape(), true)});
            into.kids().add(a);
            atLineStart = false;
            return children(link, a);
        } else if (n instanceof BulletList || n instanceof OrderedList) {
            Element list = new Element(n instanceof BulletList ? "ul" : "ol");
            if (n instanceof OrderedList ol && listOptions.isOrderedListManualStart() && ol.getStartNumber() != 1)
                list.attrs().add(new String[] {"start", String.valueOf(ol.getStartNumber())});
            return blockIndent(into, list, n);
        } else if (n.getClass() == BulletListItem.class || n.getClass() == OrderedListItem.class) { // not task items
            ListItem item = (ListItem) n;
            if (item.getMarkerSuffix().isNotNull() && !item.getMarkerSuffix().isEmpty()) return false;
            return blockLine(into, new Element("li"), item);
        } else if (n instanceof FencedCodeBlock f) {
            return fence(into, f);
        } else if (n instanceof BlockQuote) {
            return blockIndent(into, new Element("blockquote"), n);
        } else if (n instanceof ThematicBreak) {
            line(into);
            into.kids().add(new Element("hr"));
            atLineStart = false;
            line(into);
        } else if (n instanceof TableBlock) {
            Element table = new Element("table");
            table.attrs().add(new String[] {"class", "md-table"});
            return blockIndent(into, table, n);
        } else if (n instanceof TableHead || n instanceof TableBody) {
            return blockLine(into, new Element(n instanceof TableHead ? "thead" : "tbody"), n);
        } else if (n instanceof TableSeparator) {
            return true; // not written
        } else if (n instanceof TableRow) {
            return blockLine(into, new Element("tr"), n);
        } else if (n instanceof TableCell cell) {
            if (cell.getSpan() != 1) return false;
            Element e = new Element(cell.isHeader() ? "th" : "td");
            if (cell.getAlignment() != null) e.attrs().add(new String[] {"align", cell.getAlignment().name().toLowerCase(java.util.Locale.ROOT)});
            into.kids().add(e);
            atLineStart = false;
            return children(cell, e);
        } else if (n instanceof TypographicSmarts s) {
            raw(into, s.getTypographicText());
        } else if (n instanceof TypographicQuotes q) {
            if (q.getTypographicOpening() != null && !q.getTypographicOpening().isEmpty()) raw(into, q.getTypographicOpening());
            if (!children(q, into)) return false;
            if (q.getTypographicClosing() != null && !q.getTypographicClosing().isEmpty()) raw(into, q.getTypographicClosing());
        } else if (n instanceof HtmlEntity) {
            text(into, Escaping.escapeHtml(n.getChars().unescape(), false));
        } else if (n instanceof AnchorLink link) {
            return anchor(into, link);
        } else if (n instanceof HardLineBreak) {
            into.kids().add(new Element("br"));
            raw(into, "\n");
        } else if (n.getClass() == TextBase.class) {
            return children(n, into);
        } else {
            return false;
        }
        return true;
    }

    private boolean heading(Element into, Heading h) {
        String id = headingIds.hasNext() ? headingIds.next() : null;
        if (id == null || id.isEmpty()) return false;
        for (Node d : h.getDescendants()) if (d instanceof Link) return false; // a link inside the heading's anchor
        Element e = new Element("h" + h.getLevel());
        e.attrs().add(new String[] {"id", Escaping.escapeHtml(id, true)});
        headingId = id;
        try {
            return blockLine(into, e, h);
        } finally {
            headingId = null;
        }
    }

    /** The heading text as the link to its own anchor (Markdown sets the anchor extension to wrap the text). */
    private boolean anchor(Element into, AnchorLink link) {
        if (headingId == null || !(link.getParent() instanceof Heading)) return false;
        Element a = new Element("a");
        a.attrs().add(new String[] {"href", Escaping.escapeHtml("#" + headingId, true)});
        a.attrs().add(new String[] {"class", "heading-anchor"});
        into.kids().add(a);
        atLineStart = false;
        return children(link, a);
    }

    private boolean fence(Element into, FencedCodeBlock f) {
        line(into);
        Element pre = open(into, "pre");
        Element code = new Element("code");
        var info = f.getInfo();
        if (info.isNotNull() && !info.isBlank())
            code.attrs().add(new String[] {"class", Escaping.escapeHtml("language-" + f.getInfoDelimitedByAny(SequenceUtils.SPACE_TAB_SET).unescape(), true)});
        pre.kids().add(code);
        String content = f.getContentChars().normalizeEOL();
        if (!content.isEmpty()) text(code, Escaping.escapeHtml(content, false));
        atLineStart = false;
        line(into);
        return true;
    }

    /** An inline element around the node's children. */
    private boolean inline(Element into, String name, Node n) {
        return children(n, open(into, name));
    }

    /** As Flexmark's {@code tagLine}: the element on a line of its own, its children inside. */
    private boolean blockLine(Element into, Element e, Node n) {
        line(into);
        into.kids().add(e);
        atLineStart = false;
        if (!children(n, e)) return false;
        atLineStart = false;
        line(into);
        return true;
    }

    /** As Flexmark's {@code tagIndent}/{@code tagLineIndent} (with no indent): its start tag and end tag each end a line. */
    private boolean blockIndent(Element into, Element e, Node n) {
        line(into);
        into.kids().add(e);
        atLineStart = false;
        line(e);
        if (!children(n, e)) return false;
        line(e);
        atLineStart = false;
        line(into);
        return true;
    }

    private Element open(Element into, String name) {
        Element e = new Element(name);
        into.kids().add(e);
        atLineStart = false;
        return e;
    }

    /** Flexmark's writer drops the spaces and tabs that would start a line (outside {@code pre}). */
    private static String stripLeading(String s) {
        int i = 0;
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) i++;
        return i == 0 ? s : s.substring(i);
    }

    /** Ends the line unless it has just ended, as Flexmark's writer does before and after a block. */
    private void line(Element into) {
        if (!atLineStart) raw(into, "\n");
    }

    private void raw(Element into, String s) {
        if (s.isEmpty()) return;
        text(into, s);
    }

    private void text(Element into, String s) {
        if (atLineStart) s = stripLeading(s);
        if (s.isEmpty()) return;
        List<Object> kids = into.kids();
        int last = kids.size() - 1;
        if (last >= 0 && kids.get(last) instanceof String t) kids.set(last, t + s);
        else kids.add(s);
        atLineStart = s.charAt(s.length() - 1) == '\n';
    }
}
