package io.datadesk.build;

import io.datadesk.error.Diagnostic;
import io.datadesk.read.SourcePage;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * Checks that every internal link of a built site leads somewhere: each {@code href}/{@code src}/{@code srcset} that
 * is not external resolves to a file of the site, and each {@code #anchor} names an element id on the target page.
 * Links to the site's own {@code base_url} count as internal. Errors name the Markdown file and the line holding the
 * link when it is found there, else the built page and its line (a link from a template).
 */
public final class LinkCheck {

    private static final String ORIGIN_HOST = "datadesk.invalid";
    private static final String[][] ATTRIBUTES = {
        {"a[href]", "href"}, {"link[href]", "href"}, {"area[href]", "href"}, {"img[src]", "src"},
        {"script[src]", "src"}, {"source[src]", "src"}, {"video[src]", "src"}, {"audio[src]", "src"},
        {"track[src]", "src"}, {"iframe[src]", "src"}, {"embed[src]", "src"}, {"video[poster]", "poster"},
        {"img[srcset]", "srcset"}, {"source[srcset]", "srcset"}, {"use[href]", "href"}, {"image[href]", "href"},
    };

    private final SiteFiles site;
    private final String baseUrl;
    private final String basePath;
    private final Map<String, SourcePage> sources;
    private final Map<String, Set<String>> idsByPage = new HashMap<>();

    /**
     * @param baseUrl the site's {@code base_url} (ending in '/'), or empty
     * @param sources the Markdown page behind each built HTML file, by site path ({@code hello/index.html})
     */
    public LinkCheck(SiteFiles site, String baseUrl, Map<String, SourcePage> sources) {
        this.site = site;
        this.baseUrl = baseUrl;
        String path = baseUrl.isEmpty() ? "/" : URI.create(baseUrl).getPath();
        this.basePath = path == null || path.isEmpty() ? "/" : path;
        this.sources = sources;
    }

    /** Every broken link of the site, page by page in site order. */
    public List<Diagnostic> check() {
        List<Diagnostic> problems = new ArrayList<>();
        for (String page : site.paths()) {
            if (!page.endsWith(".html")) continue;
            Document doc = parse(page);
            for (String[] sel : ATTRIBUTES) {
                for (Element e : doc.select(sel[0])) {
                    String value = e.attr(sel[1]);
                    List<String> refs = sel[1].equals("srcset") ? srcset(value) : List.of(value);
                    for (String ref : refs) {
                        String problem = problem(page, ref.strip());
                        if (problem != null) problems.add(locate(page, e, ref.strip(), problem));
                    }
                }
            }
        }
        return problems;
    }

    /** What is wrong with one link from {@code page}, or null. */
    private String problem(String page, String ref) {
        if (ref.isEmpty()) return "the link is empty";
        String lower = ref.toLowerCase(Locale.ROOT);
        if (!baseUrl.isEmpty() && ref.startsWith(baseUrl)) {
            ref = "/" + ref.substring(baseUrl.length());
            lower = ref; // now a path from the site root
            if (!basePath.equals("/")) ref = basePath + ref.substring(1);
        } else if (lower.startsWith("//") || lower.matches("^[a-z][a-z0-9+.-]*:.*")) {
            return null; // external: http(s), mailto, tel, data, javascript…
        }
        URI resolved;
        try {
            resolved = new URI("http", ORIGIN_HOST, "/" + page, null).resolve(new URI(escapeSpaces(ref)));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return "the link is not a valid URL";
        }
        String path = resolved.getRawPath();
        if (path == null || path.isEmpty()) path = "/" + page;
        if (ref.startsWith("/")) {
            if (!path.startsWith(basePath))
                return "the link starts with '/' but the site is published under " + basePath + "; use a relative link";
            path = "/" + path.substring(basePath.length());
        }
        if (path.startsWith("/..") || path.contains("/../")) return "the link leads outside the site";
        String target = URLDecoder.decode(path.substring(1).replace("+", "%2B"), StandardCharsets.UTF_8);
        String file = target;
        if (file.isEmpty() || file.endsWith("/")) file = file + "index.html";
        if (!site.paths().contains(file)) {
            if (site.paths().contains(file + "/index.html")) file = file + "/index.html";
            else return "the link points to " + (target.isEmpty() ? "the home page" : target) + ", which the site does not have";
        }
        String fragment = resolved.getRawFragment();
        if (fragment != null && !fragment.isEmpty() && file.endsWith(".html")) {
            String id = URLDecoder.decode(fragment.replace("+", "%2B"), StandardCharsets.UTF_8);
            if (!ids(file).contains(id))
                return "the anchor #" + id + " does not exist on " + (file.equals(page) ? "this page" : file);
        }
        return null;
    }

    private static String escapeSpaces(String ref) {
        return ref.replace(" ", "%20");
    }

    private Set<String> ids(String page) {
        return idsByPage.computeIfAbsent(page, p -> {
            Set<String> ids = new HashSet<>();
            Document doc = parse(p);
            doc.select("[id]").forEach(e -> ids.add(e.id()));
            doc.select("a[name]").forEach(e -> ids.add(e.attr("name")));
            return ids;
        });
    }

    private Document parse(String page) {
        String html = new String(site.read(page).orElseThrow(), StandardCharsets.UTF_8);
        return Jsoup.parse(html, "", Parser.htmlParser().setTrackPosition(true));
    }

    private static List<String> srcset(String value) {
        List<String> urls = new ArrayList<>();
        for (String candidate : value.split(",")) {
            String c = candidate.strip();
            if (!c.isEmpty()) urls.add(c.split("\\s+")[0]);
        }
        return urls;
    }

    /** The Markdown line holding the link if it is written there, else the line of the built page. */
    private Diagnostic locate(String page, Element e, String ref, String problem) {
        String message = "broken link '" + ref + "': " + problem;
        SourcePage source = sources.get(page);
        if (source != null) {
            int line = lineIn(source, ref);
            if (line > 0) return new Diagnostic(source.displayPath(), line, 0, message, "fix or remove the link");
        }
        int htmlLine = e.sourceRange().isTracked() ? e.sourceRange().start().lineNumber() : 0;
        String where = source != null ? " (the link comes from the template rendering " + source.displayPath() + ")" : "";
        return new Diagnostic(page, htmlLine, 0, message + where, "fix the link in the template that writes it");
    }

    private static int lineIn(SourcePage source, String ref) {
        List<String> forms = new ArrayList<>(List.of(ref));
        // Links to folders were given 'index.html' when rendered; the author wrote them without.
        if (ref.contains("index.html")) forms.add(ref.replace("index.html", ""));
        try {
            List<String> lines = Files.readAllLines(source.file(), StandardCharsets.UTF_8);
            for (String form : forms) {
                if (form.isEmpty()) continue;
                for (int i = 0; i < lines.size(); i++) if (lines.get(i).contains("(" + form) || lines.get(i).contains("\"" + form)) return i + 1;
            }
        } catch (IOException ignored) {
            // the built page's location is reported instead
        }
        return 0;
    }
}
