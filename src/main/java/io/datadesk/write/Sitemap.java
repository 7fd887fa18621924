package io.datadesk.write;

import java.io.StringWriter;
import java.util.Comparator;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** {@code sitemap.xml} (sitemaps.org protocol 0.9): every page's absolute URL and, when known, when it last changed. */
final class Sitemap {

    private static final String NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static final String XHTML = "http://www.w3.org/1999/xhtml";

    private Sitemap() {}

    private static void alternate(XMLStreamWriter x, String hreflang, String href) throws XMLStreamException {
        AtomFeed.nl(x, 2);
        x.writeEmptyElement("xhtml", "link", XHTML);
        x.writeAttribute("rel", "alternate");
        x.writeAttribute("hreflang", hreflang);
        x.writeAttribute("href", href);
    }

    static String xml(String baseUrl, List<SiteIndexes.Entry> pages) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter x = AtomFeed.writer(out);
            x.writeStartDocument("utf-8", "1.0");
            AtomFeed.nl(x, 0);
            x.writeStartElement("urlset");
            x.writeDefaultNamespace(NS);
            // Pages in several languages list every version, themselves included, as Google's sitemap extension asks.
            java.util.Map<String, List<SiteIndexes.Entry>> versions = new java.util.HashMap<>();
            for (SiteIndexes.Entry p : pages) versions.computeIfAbsent(p.key(), k -> new java.util.ArrayList<>()).add(p);
            boolean translated = versions.values().stream().anyMatch(v -> v.size() > 1);
            if (translated) x.writeNamespace("xhtml", XHTML);
            for (SiteIndexes.Entry p : pages.stream().sorted(Comparator.comparing(SiteIndexes.Entry::sitePath)).toList()) {
                AtomFeed.nl(x, 1);
                x.writeStartElement("url");
                AtomFeed.nl(x, 2);
                x.writeStartElement("loc");
                x.writeCharacters(baseUrl + p.sitePath());
                x.writeEndElement();
                if (p.lastChanged() != null) {
                    AtomFeed.nl(x, 2);
                    x.writeStartElement("lastmod");
                    x.writeCharacters(p.lastChanged().toString());
                    x.writeEndElement();
                }
                List<SiteIndexes.Entry> all = versions.get(p.key());
                if (all.size() > 1) {
                    for (SiteIndexes.Entry v : all.stream().sorted(Comparator.comparing(SiteIndexes.Entry::sitePath)).toList())
                        alternate(x, v.lang() == null ? "x-default" : v.lang(), baseUrl + v.sitePath());
                    for (SiteIndexes.Entry v : all) if (v.edition() == null) alternate(x, "x-default", baseUrl + v.sitePath());
                }
                AtomFeed.nl(x, 1);
                x.writeEndElement();
            }
            AtomFeed.nl(x, 0);
            x.writeEndElement();
            x.writeEndDocument();
            out.write('\n');
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the sitemap", e);
        }
        return out.toString();
    }
}
