package io.datadesk.read;

import com.vladsch.flexmark.html.IndependentLinkResolverFactory;
import com.vladsch.flexmark.html.LinkResolver;
import com.vladsch.flexmark.html.renderer.LinkResolverBasicContext;
import com.vladsch.flexmark.html.renderer.LinkType;
import com.vladsch.flexmark.html.renderer.ResolvedLink;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.NullableDataKey;

/**
 * Links a translation's author wrote to files beside the original ({@code [the data](data/cuts.csv)} in
 * {@code content/cuts/index.zh.md}) lead to those files: a translation is published one folder deeper
 * ({@code zh/cuts/}) but the files only once, beside the original ({@code cuts/data/cuts.csv}). So a relative link to a
 * file (its name has an extension other than {@code .html}) is read from the original page's folder, as the author
 * sees it in the content folder. Links to pages ({@code coded-events/}) stay in the translation's language, and a
 * link that already leaves the language's folder ({@code ../../cuts/data/cuts.csv}) is kept as written.
 */
final class TranslationLinks implements LinkResolver {

    /**
     * Where the page being rendered is published and where its original is ({@code zh/cuts/} and {@code cuts/});
     * null for a page that is not a translation.
     */
    record Paths(String sitePath, String originalPath) {}

    static final NullableDataKey<Paths> PATHS = new NullableDataKey<>("DATADESK_TRANSLATION_PATHS");

    static final class Factory extends IndependentLinkResolverFactory {
        @Override
        public LinkResolver apply(LinkResolverBasicContext context) {
            return new TranslationLinks();
        }
    }

    @Override
    public ResolvedLink resolveLink(Node node, LinkResolverBasicContext context, ResolvedLink link) {
        Paths paths = PATHS.get(context.getDocument());
        if (paths == null || !(link.getLinkType() == LinkType.LINK || link.getLinkType() == LinkType.IMAGE)) return link;
        String url = rebase(link.getUrl(), paths.sitePath(), paths.originalPath());
        return url == null ? link : link.withUrl(url);
    }

    /**
     * {@code url} as written in the translation at {@code sitePath}, pointed at the file beside the original at
     * {@code originalPath}; null when it stays as written (external, absolute, an anchor, a page, or already leaving
     * the translation's language folder).
     */
    static String rebase(String url, String sitePath, String originalPath) {
        if (url.isEmpty() || url.startsWith("#") || url.startsWith("/") || url.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) return null;
        int cut = indexOfAny(url, "?#");
        String path = cut < 0 ? url : url.substring(0, cut);
        String rest = cut < 0 ? "" : url.substring(cut);
        String last = path.substring(path.lastIndexOf('/') + 1);
        if (last.isEmpty() || !last.contains(".") || last.matches("(?i).*\\.html?") || last.equals(".") || last.equals("..")) return null;
        int ups = 0;
        while (path.startsWith("../", ups * 3)) ups++;
        if (ups > segments(originalPath)) return null; // leaves the language's folder: the author pointed it already
        String target = normalize(originalPath + path);
        if (target == null) return null;
        return "../".repeat(segments(sitePath)) + target + rest;
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) if (chars.indexOf(s.charAt(i)) >= 0) return i;
        return -1;
    }

    private static int segments(String folder) {
        int n = 0;
        for (String s : folder.split("/")) if (!s.isEmpty()) n++;
        return n;
    }

    /** {@code a/b/../c} as {@code a/c}; null when it climbs above the site's root. */
    private static String normalize(String path) {
        java.util.Deque<String> out = new java.util.ArrayDeque<>();
        String[] parts = path.split("/", -1);
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (p.equals("..")) {
                if (out.isEmpty()) return null;
                out.removeLast();
            } else if (!p.equals(".") && !(p.isEmpty() && i < parts.length - 1)) {
                out.addLast(p);
            }
        }
        return String.join("/", out);
    }
}
