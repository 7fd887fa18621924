package io.datadesk.read;

import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.autolink.internal.AutolinkNodePostProcessor;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.NodePostProcessor;
import com.vladsch.flexmark.parser.block.NodePostProcessorFactory;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.NodeTracker;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/**
 * Flexmark's autolink extension ({@code AutolinkExtension}: bare URLs, {@code www.} addresses and e-mail addresses
 * become links), asked only about text that could hold one. Flexmark's post-processor unescapes every text node of
 * every paragraph and runs a link scanner and a regular expression over it: 6 % of a 1,000-page build's samples,
 * for prose that almost never has a bare link. A link needs a {@code :} (a scheme), an {@code @} (an e-mail
 * address) or {@code ww} ({@code www.}) in the text, or an entity ({@code &}) that could decode to one of them;
 * a paragraph (any block around the text) without any of those is skipped, everything else goes to Flexmark's own
 * post-processor unchanged, so the output is the same.
 */
final class QuickAutolinkExtension implements Parser.ParserExtension {

    static QuickAutolinkExtension create() {
        return new QuickAutolinkExtension();
    }

    @Override
    public void parserOptions(MutableDataHolder options) {
        // Flexmark's processor reads its own options (AutolinkExtension.IGNORE_LINKS) from the document.
    }

    @Override
    public void extend(Parser.Builder builder) {
        builder.postProcessorFactory(new Factory());
    }

    private static final class Factory extends NodePostProcessorFactory {
        Factory() {
            super(false);
            addNodes(Text.class); // as Flexmark's AutolinkNodePostProcessor.Factory
        }

        @Override
        public NodePostProcessor apply(Document document) {
            return new Processor(document);
        }
    }

    /** Flexmark's autolink post-processor for one document, asked only about text that could hold a link. */
    static final class Processor extends NodePostProcessor {
        private final Document document;
        private AutolinkNodePostProcessor autolink; // made for the first text that could hold a link
        private Node lastParent;
        private boolean lastParentMayLink;

        Processor(Document document) {
            this.document = document;
        }

        @Override
        public void process(NodeTracker state, Node node) {
            // Flexmark's processor reads the text node and the text that continues it (typographic quotes, entities):
            // all of it inside the node's parent, whose characters are checked once for all its text nodes.
            Node parent = node.getParent();
            boolean mayLink;
            if (parent == null) {
                mayLink = mayHoldLink(node.getChars());
            } else {
                if (parent != lastParent) {
                    lastParent = parent;
                    lastParentMayLink = mayHoldLink(parent.getChars());
                }
                mayLink = lastParentMayLink;
            }
            if (!mayLink) return;
            if (autolink == null) autolink = new AutolinkNodePostProcessor(document);
            autolink.process(state, node);
        }
    }

    /** Whether text could hold a URL, a www. address or an e-mail address, before or after unescaping. */
    static boolean mayHoldLink(BasedSequence chars) {
        boolean lastW = false;
        for (int i = 0, n = chars.length(); i < n; i++) {
            char c = chars.charAt(i);
            if (c == ':' || c == '@' || c == '&') return true;
            boolean w = c == 'w' || c == 'W';
            if (w && lastW) return true;
            lastW = w;
        }
        return false;
    }
}
