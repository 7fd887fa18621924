package io.datadesk.chart;

import java.awt.Font;
import java.awt.font.FontRenderContext;

/**
 * A string as Java2D lays it out: its text, font and rendering context, the key of the caches of label advances
 * ({@link Advances}) and outlines ({@link TextRecovery}). A plain class, not a record: a record's first hashCode and
 * equals cost a method-handle bootstrap that a short build notices.
 */
final class TextKey {
    final String text;
    final Font font;
    final FontRenderContext frc;
    private final int hash;

    TextKey(String text, Font font, FontRenderContext frc) {
        this.text = text;
        this.font = font;
        this.frc = frc;
        this.hash = (text.hashCode() * 31 + font.hashCode()) * 31 + frc.hashCode();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TextKey k && hash == k.hash && text.equals(k.text) && font.equals(k.font) && frc.equals(k.frc);
    }

    @Override
    public int hashCode() {
        return hash;
    }
}
