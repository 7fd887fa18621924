package io.datadesk.read;

import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.anchorlink.AnchorLinkExtension;
import com.vladsch.flexmark.ext.anchorlink.internal.AnchorLinkNodePostProcessor;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.DocumentPostProcessor;
import com.vladsch.flexmark.parser.block.DocumentPostProcessorFactory;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.NodeTracker;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import java.util.ArrayList;
import java.util.List;

/**
 * The two post-processors of datadesk's Markdown, bare links ({@link QuickAutolinkExtension}) and the headings' anchor
 * links ({@code AnchorLinkExtension}, whose rendering this extension registers too), run over one walk of the
 * document. Registered as Flexmark's node post-processors, they made Flexmark classify every node of every page
 * (a tracker of each node's class and ancestors) to hand each processor its text nodes or headings: 2 % of a
 * 1,000-page build's samples, for what a walk finds.
 *
 * <p>They run as Flexmark ran them: the link finder first, over the text nodes the document had before either ran,
 * in document order, skipping one an earlier call removed (a link finder merges a text node with the text that
 * continues it); then the anchor links, over the headings. Only nodes of exactly those classes are handed on, as
 * Flexmark's classification by class hands them. The HTML is the same (TreePostProcessingTest compares it with
 * Flexmark's own extensions on random Markdown and the flagship).
 */
final class TreePostProcessing implements Parser.ParserExtension, HtmlRenderer.HtmlRendererExtension {

    private final AnchorLinkExtension anchors = AnchorLinkExtension.create();

    static TreePostProcessing create() {
        return new TreePostProcessing();
    }

    @Override
    public void parserOptions(MutableDataHolder options) {
        // the processors read their options (AutolinkExtension's, AnchorLinkExtension's) from the document
    }

    @Override
    public void extend(Parser.Builder builder) {
        builder.postProcessorFactory(new Factory());
    }

    @Override
    public void rendererOptions(MutableDataHolder options) {
        anchors.rendererOptions(options);
    }

    @Override
    public void extend(HtmlRenderer.Builder builder, String rendererType) {
        anchors.extend(builder, rendererType);
    }

    private static final class Factory extends DocumentPostProcessorFactory {
        @Override
        public DocumentPostProcessor apply(Document document) {
            return new Processor();
        }
    }

    private static final class Processor extends DocumentPostProcessor {
        @Override
        public Document processDocument(Document document) {
            List<Node> texts = new ArrayList<>();
            List<Node> headings = new ArrayList<>();
            for (Node n : document.getDescendants()) {
                if (n.getClass() == Text.class) texts.add(n);
                else if (n.getClass() == Heading.class) headings.add(n);
            }
            QuickAutolinkExtension.Processor links = new QuickAutolinkExtension.Processor(document);
            for (Node t : texts) if (t.getParent() != null) links.process(UNTRACKED, t);
            if (!headings.isEmpty()) {
                AnchorLinkNodePostProcessor anchor = new AnchorLinkNodePostProcessor(document);
                // Flexmark's factory excludes headings inside a block quote when told to
                boolean notInQuotes = AnchorLinkExtension.ANCHORLINKS_NO_BLOCK_QUOTE.get(document);
                for (Node h : headings) {
                    if (h.getParent() == null || notInQuotes && h.getAncestorOfType(BlockQuote.class) != null) continue;
                    anchor.process(UNTRACKED, h);
                }
            }
            return document;
        }
    }

    /** What the processors report of the nodes they add and remove: kept by Flexmark for later processors, of which there are none. */
    private static final NodeTracker UNTRACKED = new NodeTracker() {
        @Override public void nodeAdded(Node node) {}
        @Override public void nodeAddedWithChildren(Node node) {}
        @Override public void nodeAddedWithDescendants(Node node) {}
        @Override public void nodeRemoved(Node node) {}
        @Override public void nodeRemovedWithChildren(Node node) {}
        @Override public void nodeRemovedWithDescendants(Node node) {}
    };
}
