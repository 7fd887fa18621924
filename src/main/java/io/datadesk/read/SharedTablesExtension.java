package io.datadesk.read;

import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.ParagraphPreProcessor;
import com.vladsch.flexmark.parser.block.ParagraphPreProcessorFactory;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import java.util.Set;

/**
 * Flexmark's GitHub tables ({@code TablesExtension}), with its table parser made once per {@link Markdown} instead of
 * once per page. Flexmark's {@code TableParagraphPreProcessor} compiles its header-separator regular expression in
 * its constructor, which runs for every document parsed: 2.6 % of a 1,000-page build's samples. The processor keeps
 * nothing of a document (only the parser's options and that pattern), so one serves every page, also at the same
 * time. Rendering, options and dependencies are Flexmark's own, so the output is the same.
 */
final class SharedTablesExtension implements Parser.ParserExtension, HtmlRenderer.HtmlRendererExtension {

    private final TablesExtension tables = (TablesExtension) TablesExtension.create();

    static SharedTablesExtension create() {
        return new SharedTablesExtension();
    }

    @Override
    public void parserOptions(MutableDataHolder options) {
        tables.parserOptions(options);
    }

    @Override
    public void extend(Parser.Builder builder) {
        // Instead of tables.extend(builder), which registers TableParagraphPreProcessor.Factory() and nothing else.
        builder.paragraphPreProcessorFactory(new OnceFactory(com.vladsch.flexmark.ext.tables.internal.TableParagraphPreProcessor.Factory()));
    }

    @Override
    public void rendererOptions(MutableDataHolder options) {
        tables.rendererOptions(options);
    }

    @Override
    public void extend(HtmlRenderer.Builder builder, String rendererType) {
        tables.extend(builder, rendererType);
    }

    /** Flexmark's factory, asked once: every document parsed by one parser has the parser's options. */
    private static final class OnceFactory implements ParagraphPreProcessorFactory {
        private final ParagraphPreProcessorFactory factory;
        private volatile ParagraphPreProcessor made; // two pages racing to make it make two equal ones: harmless

        OnceFactory(ParagraphPreProcessorFactory factory) {
            this.factory = factory;
        }

        @Override
        public ParagraphPreProcessor apply(ParserState state) {
            ParagraphPreProcessor p = made;
            if (p == null) made = p = factory.apply(state);
            return p;
        }

        @Override
        public Set<Class<?>> getAfterDependents() {
            return factory.getAfterDependents();
        }

        @Override
        public Set<Class<?>> getBeforeDependents() {
            return factory.getBeforeDependents();
        }

        @Override
        public boolean affectsGlobalScope() {
            return factory.affectsGlobalScope();
        }
    }
}
