package io.datadesk.write;

import io.datadesk.config.SiteConfig;
import java.io.StringWriter;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The site's Atom feed (RFC 4287). Written with the JDK's StAX writer so every text is escaped correctly.
 *
 * <p>Dates come from front matter, never from the clock, so two builds of the same content give the same bytes.
 * Pages without a {@code date} are left out: a feed lists publications in time.
 */
final class AtomFeed {

    private static final String NS = "http://www.w3.org/2005/Atom";
    /** The newest entries only: feed readers poll the whole file. */
    static final int MAX_ENTRIES = 50;

    private AtomFeed() {}

    static String xml(SiteConfig config, List<SiteIndexes.Entry> pages) {
        return xml(config, pages, SiteIndexes.FEED, "", config.language());
    }

    /**
     * The feed of one language's pages.
     *
     * @param feedPath where it is published ({@code zh/feed.xml}); {@code homePath} that language's home page
     *     ({@code zh/}); {@code lang} its tag for {@code xml:lang}
     */
    static String xml(SiteConfig config, List<SiteIndexes.Entry> pages, String feedPath, String homePath, String lang) {
        String base = config.baseUrl();
        List<SiteIndexes.Entry> entries = pages.stream().filter(p -> !p.isHome() && p.published() != null)
                .sorted(Comparator.comparing(SiteIndexes.Entry::published).reversed()
                        .thenComparing(SiteIndexes.Entry::title))
                .limit(MAX_ENTRIES).toList();
        // Atom requires <updated>; with no dated page there is no honest date, so the Unix epoch marks "never".
        LocalDate updated = entries.stream().map(SiteIndexes.Entry::lastChanged).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(LocalDate.EPOCH);
        String siteAuthor = config.author().isBlank() ? config.title() : config.author();
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter x = writer(out);
            x.writeStartDocument("utf-8", "1.0");
            nl(x, 0);
            x.writeStartElement("feed");
            x.writeDefaultNamespace(NS);
            x.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", lang);
            text(x, 1, "title", config.title());
            if (!config.description().isBlank()) text(x, 1, "subtitle", config.description());
            link(x, 1, "self", "application/atom+xml", base + feedPath);
            link(x, 1, "alternate", "text/html", base + homePath);
            text(x, 1, "id", base + homePath);
            text(x, 1, "updated", timestamp(updated));
            author(x, 1, siteAuthor);
            text(x, 1, "generator", "datadesk");
            for (SiteIndexes.Entry e : entries) {
                nl(x, 1);
                x.writeStartElement("entry");
                text(x, 2, "title", e.title());
                link(x, 2, "alternate", "text/html", base + e.sitePath());
                text(x, 2, "id", base + e.sitePath());
                text(x, 2, "published", timestamp(e.published()));
                text(x, 2, "updated", timestamp(e.lastChanged()));
                if (e.author() != null && !e.author().isBlank() && !e.author().equals(siteAuthor)) author(x, 2, e.author());
                if (e.summary() != null && !e.summary().isBlank()) text(x, 2, "summary", e.summary());
                nl(x, 1);
                x.writeEndElement();
            }
            nl(x, 0);
            x.writeEndElement();
            x.writeEndDocument();
            out.write('\n');
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the Atom feed", e);
        }
        return out.toString();
    }

    /** Midnight UTC of a front matter date: Atom wants a full RFC 3339 timestamp. */
    static String timestamp(LocalDate d) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(d.atStartOfDay().atOffset(ZoneOffset.UTC));
    }

    private static void author(XMLStreamWriter x, int depth, String name) throws XMLStreamException {
        nl(x, depth);
        x.writeStartElement("author");
        text(x, depth + 1, "name", name);
        nl(x, depth);
        x.writeEndElement();
    }

    private static void link(XMLStreamWriter x, int depth, String rel, String type, String href) throws XMLStreamException {
        nl(x, depth);
        x.writeEmptyElement("link");
        x.writeAttribute("rel", rel);
        x.writeAttribute("type", type);
        x.writeAttribute("href", href);
    }

    private static void text(XMLStreamWriter x, int depth, String name, String value) throws XMLStreamException {
        nl(x, depth);
        x.writeStartElement(name);
        x.writeCharacters(value);
        x.writeEndElement();
    }

    /** StAX does not indent; a newline and two spaces a level keep the file readable for people who open it. */
    static void nl(XMLStreamWriter x, int depth) throws XMLStreamException {
        x.writeCharacters("\n" + "  ".repeat(depth));
    }

    /**
     * One factory for every feed and sitemap of the process: {@code XMLOutputFactory.newFactory()} looks the
     * implementation up again each time (system properties, {@code jaxp.properties}, the class path's service files),
     * which cost more than writing the feed on a rebuild of {@code serve}. The JDK's factory makes a new writer per
     * call; creating one is serialised all the same, since the API does not promise a thread-safe factory.
     */
    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

    static XMLStreamWriter writer(java.io.Writer out) throws javax.xml.stream.XMLStreamException {
        synchronized (XML) {
            return XML.createXMLStreamWriter(out);
        }
    }
}
