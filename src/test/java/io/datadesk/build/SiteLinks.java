package io.datadesk.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Test helper: every internal link and anchor of a built site that does not resolve. */
public final class SiteLinks {

    private SiteLinks() {}

    public static List<String> broken(Path site) {
        Map<Path, Document> parsed = new HashMap<>();
        List<String> broken = new ArrayList<>();
        try (Stream<Path> files = Files.walk(site)) {
            for (Path page : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                if (page.getFileName().toString().equals("404.html")) continue; // links from the site root by design
                Document doc = parse(parsed, page);
                for (Element e : doc.select("[href], [src]")) {
                    if (e.tagName().equals("link") && e.attr("rel").equals("canonical")) continue;
                    String url = e.hasAttr("href") ? e.attr("href") : e.attr("src");
                    if (url.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) continue; // http:, https:, mailto:, data:
                    String path = url.contains("#") ? url.substring(0, url.indexOf('#')) : url;
                    String anchor = url.contains("#") ? url.substring(url.indexOf('#') + 1) : "";
                    Path target = path.isEmpty() ? page : page.getParent().resolve(path).normalize();
                    String from = site.relativize(page) + " -> " + url;
                    if (!target.startsWith(site) || !Files.isRegularFile(target)) broken.add(from);
                    else if (!anchor.isEmpty() && target.toString().endsWith(".html")
                            && parse(parsed, target).getElementById(anchor) == null) broken.add(from + " (no such anchor)");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return broken;
    }

    private static Document parse(Map<Path, Document> cache, Path p) {
        return cache.computeIfAbsent(p, x -> {
            try {
                return Jsoup.parse(x.toFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
