package io.datadesk.chart;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The advance of a label ({@link ChartRenderer#measure}) by text, font and rendering context, for every chart of the
 * process. Category labels, calendar ticks, wrapped and shortened labels try the same strings again and again (the
 * wide and the phone drawing, each candidate line of a wrap, each tick step), and each try laid the text out anew:
 * a {@code TextLayout}, which shapes the text natively. Java2D lays the same text out the same way every time, so a
 * cached advance is the advance that would be measured; pages draw their charts on several threads at once, hence a
 * concurrent map. Bounded, as {@code serve} runs for long: when full it is emptied and fills again.
 */
final class Advances {

    static final int LIMIT = 20_000;

    private static final Advances SHARED = new Advances(LIMIT);

    private final Map<TextKey, Double> cache = new ConcurrentHashMap<>();
    private final int limit;

    /** @param limit how many advances are kept before the cache is emptied */
    Advances(int limit) {
        this.limit = limit;
    }

    /** The process's cache, which every chart shares. */
    static double of(String text, Font font, FontRenderContext frc) {
        return SHARED.advance(text, font, frc);
    }

    double advance(String text, Font font, FontRenderContext frc) {
        TextKey key = new TextKey(text, font, frc);
        Double known = cache.get(key);
        if (known != null) return known;
        double advance = ChartRenderer.measure(text, font, frc);
        if (cache.size() >= limit) cache.clear();
        cache.put(key, advance);
        return advance;
    }

    int size() {
        return cache.size();
    }

    /** Forgets every advance of the process's cache (tests: a drawing from an empty cache against one from a full one). */
    static void clear() {
        SHARED.cache.clear();
    }
}
