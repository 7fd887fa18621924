package io.datadesk.read;

import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.parser.InlineParser;
import com.vladsch.flexmark.parser.InlineParserExtension;
import com.vladsch.flexmark.parser.InlineParserExtensionFactory;
import com.vladsch.flexmark.parser.LightInlineParser;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataKey;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.data.NullableDataKey;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * The Flexmark extension that makes data directives part of Markdown: it parses {@code {{ … }}} as an inline node
 * (inside code spans and code blocks Flexmark never calls inline extensions, so they stay literal there), and
 * renders directive fences and inline values with output that the later stages computed.
 */
final class DirectiveExtension implements Parser.ParserExtension, HtmlRenderer.HtmlRendererExtension {

    /** Rendered output for this document; set on the Document before rendering. */
    static final NullableDataKey<Outputs> OUTPUTS = new NullableDataKey<>("DATADESK_OUTPUTS");
    /** Directive fence node → directive index; set on the Document after parsing. */
    static final DataKey<Map<Node, Integer>> DIRECTIVE_INDEX = new DataKey<>("DATADESK_DIRECTIVES", Map.of());
    static final DataKey<Map<Node, Integer>> INLINE_INDEX = new DataKey<>("DATADESK_INLINES", Map.of());

    /** The HTML of each directive and the text of each inline value, by index. */
    record Outputs(IntFunction<String> directiveHtml, IntFunction<String> inlineText, IntFunction<Markdown.Link> inlineLink) {}

    @Override
    public void rendererOptions(MutableDataHolder options) {}

    @Override
    public void parserOptions(MutableDataHolder options) {}

    @Override
    public void extend(Parser.Builder builder) {
        builder.customInlineParserExtensionFactory(new InlineValueParserFactory());
    }

    @Override
    public void extend(HtmlRenderer.Builder builder, String rendererType) {
        builder.nodeRendererFactory(options -> new Renderer());
    }

    private static final class Renderer implements NodeRenderer {
        @Override
        public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
            return Set.of(new NodeRenderingHandler<>(FencedCodeBlock.class, this::fence),
                    new NodeRenderingHandler<>(InlineValueNode.class, this::inline));
        }

        private void fence(FencedCodeBlock node, NodeRendererContext ctx, HtmlWriter html) {
            Integer index = DIRECTIVE_INDEX.get(ctx.getDocument()).get(node);
            Outputs outputs = OUTPUTS.get(ctx.getDocument());
            if (index == null || outputs == null) {
                ctx.delegateRender();
                return;
            }
            html.line();
            html.raw(outputs.directiveHtml().apply(index));
            html.line();
        }

        private void inline(InlineValueNode node, NodeRendererContext ctx, HtmlWriter html) {
            Integer index = INLINE_INDEX.get(ctx.getDocument()).get(node);
            Outputs outputs = OUTPUTS.get(ctx.getDocument());
            // Values from data are text: html.text() escapes them.
            if (outputs == null || index == null) {
                html.text(node.getChars().toString());
                return;
            }
            Markdown.Link link = outputs.inlineLink().apply(index);
            if (link != null) html.raw("<a id=\"" + link.id() + "\" href=\"" + link.href() + "\">");
            html.text(outputs.inlineText().apply(index));
            if (link != null) html.raw("</a>");
        }
    }

    private static final class InlineValueParserFactory implements InlineParserExtensionFactory {
        @Override
        public CharSequence getCharacters() {
            return "{";
        }

        @Override
        public InlineParserExtension apply(LightInlineParser parser) {
            return new InlineValueParser();
        }

        @Override
        public Set<Class<?>> getAfterDependents() {
            return null;
        }

        @Override
        public Set<Class<?>> getBeforeDependents() {
            return null;
        }

        @Override
        public boolean affectsGlobalScope() {
            return false;
        }
    }

    private static final class InlineValueParser implements InlineParserExtension {
        @Override
        public void finalizeDocument(InlineParser inlineParser) {}

        @Override
        public void finalizeBlock(InlineParser inlineParser) {}

        @Override
        public boolean parse(LightInlineParser parser) {
            if (parser.peek(1) != '{') return false;
            BasedSequence input = parser.getInput();
            int start = parser.getIndex();
            int end = input.indexOf("}}", start + 2);
            if (end < 0) return false;
            parser.flushTextNode();
            parser.getBlock().appendChild(new InlineValueNode(input.subSequence(start, end + 2)));
            parser.setIndex(end + 2);
            return true;
        }
    }
}
