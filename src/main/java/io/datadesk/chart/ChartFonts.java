package io.datadesk.chart;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The site font (Inter, Latin subset) for XChart's text measurements. The same outlines are served to browsers as
 * WOFF2 (templates/assets/fonts/), so the label widths XChart lays out are the widths readers see.
 *
 * <p>The fonts are used as the {@link Font} objects made here (and fonts derived from them), never looked up by
 * name, so they are not registered with the {@code GraphicsEnvironment}: registering makes AWT read every font
 * installed on the machine first (to refuse a name that clashes), 18 % of the chart samples of a one-page build.
 */
final class ChartFonts {

    static final String FAMILY = "Inter";

    static final Font REGULAR = load("Inter-Regular.ttf");
    static final Font SEMIBOLD = load("Inter-SemiBold.ttf");

    /**
     * The charts' text at 13 px (at least 12 CSS px when the 320 px drawing fills a 360 px phone's column), and its
     * semibold. One instance each for every chart, not one derived per drawing: the text caches ({@link Advances},
     * {@link TextRecovery}) look labels up by font, and the same instance is found at once (its hash kept, equal by
     * identity) where a new one is hashed and compared attribute by attribute, for every label of every drawing.
     * A {@code Font} does not change.
     */
    static final Font TICK = REGULAR.deriveFont(13f);
    static final Font STRONG = SEMIBOLD.deriveFont(13f);

    private ChartFonts() {}

    private static Font load(String name) {
        try (InputStream in = ChartFonts.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("font resource missing: " + name);
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FontFormatException e) {
            throw new IllegalStateException("bundled font " + name + " is not a TrueType font", e);
        }
    }
}
