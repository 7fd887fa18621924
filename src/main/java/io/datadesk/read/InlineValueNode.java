package io.datadesk.read;

import com.vladsch.flexmark.util.ast.DoNotDecorate;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/** Flexmark AST node for {@code {{ … }}} in prose. Internal to the read stage. */
final class InlineValueNode extends Node implements DoNotDecorate {

    InlineValueNode(BasedSequence chars) {
        super(chars);
    }

    String expression() {
        BasedSequence c = getChars();
        return c.subSequence(2, c.length() - 2).toString().strip();
    }

    @Override
    public BasedSequence[] getSegments() {
        return EMPTY_SEGMENTS;
    }
}
