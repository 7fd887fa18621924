package io.datadesk.write;

import io.datadesk.files.AtomicFiles;
import io.datadesk.config.SiteConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Social cards remembered across builds in a folder of the project's cache ({@code .datadesk-cache/cards/}), by the
 * hash of everything a card shows: a card is drawn again only when its page's title, summary or chart, the site's
 * name or address, or the drawing code itself changed. Drawing one costs far more than rendering its page.
 * Thread-safe; a missing or unreadable entry is drawn again, a cache that cannot be written is not an error.
 */
public final class CardCache {

    /**
     * Changes whenever the code that draws cards changes, so a new datadesk never reuses an old drawing: the classes
     * that draw and encode, the chart stage's classes that make the card's chart picture, the chart palette the card's mark takes from the chart stage, and the CJK font files (a card drawn
     * before {@code fonts-noto-cjk} was installed left its Chinese text out).
     */
    static String drawingVersion() {
        return DrawingVersion.VALUE;
    }

    /**
     * Computed on the first card, not when a builder is made: most builds need no card, or take every card from the
     * cache. The palette is read from the chart stage's {@code Palette} rather than through {@code SocialCard.BARS},
     * which would initialise SocialCard and with it AWT's font manager (a fifth of a nothing-changed build's start-up),
     * or {@code ChartRenderer}, whose colours start AWT's toolkit.
     */
    private static final class DrawingVersion {
        static final String VALUE = classHash(SocialCard.class, ChartPainter.class, SiteIndexes.class, CardFonts.class, PngEncoder.class,
                io.datadesk.chart.ChartPicture.class)
                + classHash(io.datadesk.chart.ChartPicture.class, "PictureReader") // package-private: named
                + Assets.sha256((io.datadesk.chart.Palette.rgb().subList(0, SocialCard.BAR_COUNT) + CardFonts.fingerprint())
                        .getBytes(StandardCharsets.UTF_8)).substring(0, 8);
    }

    private final Path dir;

    /** @param dir the cache folder; null for no cache on disk */
    public CardCache(Path dir) {
        this.dir = dir;
    }

    /** The card of {@code page}, from the cache or drawn (and then stored). */
    public byte[] card(SiteConfig config, SiteIndexes.Entry page) {
        if (dir == null) return SiteIndexes.card(config, page);
        String key = SiteIndexes.cardKey(config, page, drawingVersion());
        Path file = dir.resolve(key.substring(0, 2)).resolve(key + ".png");
        try {
            if (Files.isRegularFile(file)) return Files.readAllBytes(file);
        } catch (IOException e) {
            // unreadable: draw it again
        }
        byte[] png = SiteIndexes.card(config, page);
        store(file, png);
        return png;
    }

    private static void store(Path file, byte[] png) {
        try {
            AtomicFiles.write(file, png);
        } catch (IOException e) {
            // a cache that cannot be written only costs the next build a drawing
        }
    }

    private static String classHash(Class<?>... classes) {
        StringBuilder all = new StringBuilder();
        for (Class<?> c : classes) all.append(classFileHash(c, c.getSimpleName())).append('\n');
        return Assets.sha256(all.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The hash of the class {@code simpleName} in {@code beside}'s package. */
    private static String classHash(Class<?> beside, String simpleName) {
        return Assets.sha256((classFileHash(beside, simpleName) + '\n').getBytes(StandardCharsets.UTF_8));
    }

    private static String classFileHash(Class<?> beside, String simpleName) {
        try (InputStream in = beside.getResourceAsStream(simpleName + ".class")) {
            return in == null ? beside.getPackageName() + "." + simpleName : Assets.sha256(in.readAllBytes());
        } catch (IOException e) {
            return beside.getPackageName() + "." + simpleName;
        }
    }
}
