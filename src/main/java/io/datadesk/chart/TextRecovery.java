package io.datadesk.chart;

import java.awt.Font;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.geom.PathIterator;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The strings XChart may draw, and where it drew them. See {@link TextRecoveringGraphics} for why.
 *
 * <p>Strings are registered as they are produced (by our axis formatters, titles); outlines are computed lazily,
 * once per (string, font), and indexed by their bounds so that the many non-text fills cost one map lookup.
 * "Hidden" strings are placeholders that only reserve space for labels we draw ourselves: their position is
 * recorded and nothing is painted.
 */
final class TextRecovery {

    record Match(String text, Font font, boolean hidden) {}

    /** Where a recovered string was drawn: its baseline origin in user space. */
    record Placed(String text, double x, double y, boolean hidden) {}

    private final List<Font> fonts;
    private final Set<String> pending = new LinkedHashSet<>();
    private final Set<String> hidden = new LinkedHashSet<>();
    private final Set<String> indexed = new LinkedHashSet<>();
    private final Map<Bounds, List<Candidate>> byBounds = new HashMap<>();
    private final List<Placed> placed = new ArrayList<>();

    private record Candidate(Match match, long geometry) {}

    /**
     * A shape's bounds, in floats. A plain class rather than a record: it is looked up for every shape XChart fills,
     * and a record's equals and hashCode go through method handles, dear before the JIT has compiled them.
     */
    private static final class Bounds {
        final float x, y, w, h;

        private Bounds(float x, float y, float w, float h) {
            this.x = x;
            this.y = y;
            this.w = w;
            this.h = h;
        }

        static Bounds of(Rectangle2D b) {
            return new Bounds((float) b.getX(), (float) b.getY(), (float) b.getWidth(), (float) b.getHeight());
        }

        @Override
        public boolean equals(Object o) {
            // compared as the record compared its float components: by their bits
            return o instanceof Bounds b && Float.compare(x, b.x) == 0 && Float.compare(y, b.y) == 0
                    && Float.compare(w, b.w) == 0 && Float.compare(h, b.h) == 0;
        }

        @Override
        public int hashCode() {
            return ((Float.hashCode(x) * 31 + Float.hashCode(y)) * 31 + Float.hashCode(w)) * 31 + Float.hashCode(h);
        }
    }

    TextRecovery(List<Font> fonts) {
        this.fonts = List.copyOf(fonts);
    }

    /** A string that XChart may draw. Returns it, so formatters can register and return in one step. */
    String register(String text) {
        if (text != null && !text.isBlank() && !indexed.contains(text)) pending.add(text);
        return text;
    }

    /** A placeholder that reserves a label's space; it is recorded where drawn and never painted. */
    String registerHidden(String text) {
        hidden.add(text);
        return register(text);
    }

    List<Placed> placed() {
        return placed;
    }

    Match match(Shape shape, FontRenderContext frc) {
        if (!(shape instanceof Path2D)) return null;
        if (!pending.isEmpty()) index(frc);
        List<Candidate> candidates = byBounds.get(Bounds.of(shape.getBounds2D()));
        if (candidates == null) return null;
        long geometry = geometry(shape);
        for (Candidate c : candidates) if (c.geometry == geometry) return c.match;
        return null;
    }

    void placed(Match m, AffineTransform at) {
        placed.add(new Placed(m.text(), at.getTranslateX(), at.getTranslateY(), m.hidden()));
    }

    /** A string placed directly (not recovered from an outline), recorded as {@link #placed(Match, AffineTransform)} does. */
    void placed(String text, AffineTransform at, boolean hidden) {
        placed.add(new Placed(text, at.getTranslateX(), at.getTranslateY(), hidden));
    }

    /**
     * The bounds of a string's outline as {@code new TextLayout(text, font, frc).getOutline(null).getBounds2D()} gives
     * them (in floats, as a glyph outline's {@code Path2D.Float} gives them), from the process's outline cache.
     */
    static Rectangle2D outlineBounds(String text, Font font, FontRenderContext frc) {
        Bounds b = cached(new TextKey(text, font, frc)).bounds;
        return new Rectangle2D.Float(b.x, b.y, b.w, b.h);
    }

    private void index(FontRenderContext frc) {
        for (String text : pending) {
            for (Font font : fonts) {
                Outline outline = cached(new TextKey(text, font, frc));
                byBounds.computeIfAbsent(outline.bounds, k -> new ArrayList<>())
                        .add(new Candidate(new Match(text, font, hidden.contains(text)), outline.geometry));
            }
            indexed.add(text);
        }
        pending.clear();
    }

    /** What {@link #match} compares of a string's outline: its bounds and its fingerprint. */
    private record Outline(Bounds bounds, long geometry) {}

    /**
     * Outlines by string, font and rendering context, for every chart of the process: a page's charts (and its wide
     * and narrow drawings) share most of their labels, and laying a string out is most of the cost of indexing it.
     * The same inputs give the same outline (Java2D is deterministic), so the cache changes no output. Pages draw on
     * several threads at once: a concurrent map, whose reads take no lock. Bounded, as {@code serve} runs for long:
     * when full it is emptied and fills again.
     */
    private static final Map<TextKey, Outline> OUTLINES = new ConcurrentHashMap<>();

    private static Outline cached(TextKey key) {
        Outline outline = OUTLINES.get(key);
        if (outline == null) {
            outline = outline(key);
            if (OUTLINES.size() >= 20_000) OUTLINES.clear();
            OUTLINES.put(key, outline);
        }
        return outline;
    }

    private static Outline outline(TextKey key) {
        Shape outline = new TextLayout(key.text, key.font, key.frc).getOutline(null);
        return new Outline(Bounds.of(outline.getBounds2D()), geometry(outline));
    }

    /**
     * A 64-bit fingerprint of an outline: every segment type and coordinate bit pattern. Two different strings with
     * the same bounds and fingerprint would have to collide in 64 bits, which we accept.
     */
    private static long geometry(Shape s) {
        long h = 0xcbf29ce484222325L;
        float[] c = new float[6];
        for (PathIterator it = s.getPathIterator(null); !it.isDone(); it.next()) {
            int type = it.currentSegment(c);
            h = (h ^ type) * 0x100000001b3L;
            int n = switch (type) {
                case PathIterator.SEG_MOVETO, PathIterator.SEG_LINETO -> 2;
                case PathIterator.SEG_QUADTO -> 4;
                case PathIterator.SEG_CUBICTO -> 6;
                default -> 0;
            };
            for (int i = 0; i < n; i++) h = (h ^ Float.floatToIntBits(c[i])) * 0x100000001b3L;
        }
        return h;
    }
}
