package io.datadesk.chart;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The site font (Inter, Latin subset) for XChart's text measurements. The same outlines are served to browsers as
 * WOFF2 (templates/assets/fonts/), so the label widths XChart lays out are the widths readers see.
 */
final class ChartFonts {

    static final String FAMILY = "Inter";

    static final Font REGULAR = load("Inter-Regular.ttf");
    static final Font SEMIBOLD = load("Inter-SemiBold.ttf");

    private ChartFonts() {}

    private static Font load(String name) {
        try (InputStream in = ChartFonts.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("font resource missing: " + name);
            Font f = Font.createFont(Font.TRUETYPE_FONT, in);
            GraphicsEnvironment.getLocalGraphicsEnvironment().registerFont(f);
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FontFormatException e) {
            throw new IllegalStateException("bundled font " + name + " is not a TrueType font", e);
        }
    }
}
