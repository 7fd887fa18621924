package io.datadesk.read;

import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.sequence.Escaping;
import java.util.Set;

/**
 * Flexmark's rendering of a text node, without its three passes over text that has nothing to change. Flexmark's
 * {@code CoreNodeRenderer} writes a {@link Text} as {@code html.text(Escaping.normalizeEOL(chars.unescape()))}: a
 * regular expression looks for {@code \} or {@code &} to unescape, {@code normalizeEOL} copies the text character by
 * character to turn {@code \r} line ends into {@code \n}, and {@code text} runs another regular expression for
 * {@code & < > "} to escape. Each leaves text without those characters as it is (the prose of almost every text
 * node), and the three were a sixth of Flexmark's rendering of a 1,000-page build; such text is written as it is,
 * and any other text takes Flexmark's own path, so the HTML is the same.
 */
final class QuickTextExtension implements HtmlRenderer.HtmlRendererExtension {

    static QuickTextExtension create() {
        return new QuickTextExtension();
    }

    @Override
    public void rendererOptions(MutableDataHolder options) {}

    @Override
    public void extend(HtmlRenderer.Builder builder, String rendererType) {
        // An extension's handler replaces the core renderer's handler for the same node type.
        builder.nodeRendererFactory(options -> new Renderer());
    }

    /** Whether Flexmark's unescaping, line-end normalising and escaping all leave {@code s} as it is. */
    static boolean plain(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            switch (s.charAt(i)) {
                case '\\', '&', '\r', '<', '>', '"' -> {
                    return false;
                }
                default -> {
                }
            }
        }
        return true;
    }

    private static final class Renderer implements NodeRenderer {
        @Override
        public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
            return Set.of(new NodeRenderingHandler<>(Text.class, Renderer::text));
        }

        private static void text(Text node, NodeRendererContext ctx, HtmlWriter html) {
            String s = node.getChars().toString();
            if (plain(s)) html.append(s); // what html.text(s) appends when nothing is escaped
            else html.text(Escaping.normalizeEOL(node.getChars().unescape())); // CoreNodeRenderer's own
        }
    }
}
