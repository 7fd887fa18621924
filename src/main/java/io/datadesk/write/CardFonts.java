package io.datadesk.write;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.font.FontRenderContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The fonts social cards draw text with, character by character: the bundled Inter (the site's font, a Latin subset)
 * wherever it has the glyph, and Noto Sans CJK for the Chinese, Japanese and Korean characters it lacks, the same
 * pairing the page's CSS font stack gives a browser. Text that neither has a glyph for is left out of the card rather
 * than drawn as boxes, and {@link #cannotDraw} lets the build say so.
 *
 * <p>The CJK font is read from where Debian's package {@value #PACKAGE} installs it ({@link #DEBIAN_DIR}), not from
 * the JVM's logical fonts: those resolve through fontconfig to whatever each machine has, so the same card would get
 * different bytes on different machines. It is not bundled because one weight is 16 MB and the stack has no font
 * subsetter. So a card is byte-identical on every machine with the same {@value #PACKAGE} version (CI installs it).
 */
final class CardFonts {

    /** The package to install, as build notes and the README name it. */
    static final String PACKAGE = "fonts-noto-cjk";
    static final Path DEBIAN_DIR = Path.of("/usr/share/fonts/opentype/noto");

    /** Read on first use: loading a font starts AWT's font manager, which the card cache's key must not need. */
    private static final class Inter {
        static final Font REGULAR = bundled("/io/datadesk/chart/Inter-Regular.ttf");
        static final Font SEMIBOLD = bundled("/io/datadesk/chart/Inter-SemiBold.ttf");
    }

    /** The fonts of this machine's {@value #PACKAGE}, read on first use: an English site never pays for them. */
    static CardFonts system() {
        return Holder.INSTANCE;
    }

    private static final class Holder {
        static final CardFonts INSTANCE = new CardFonts(DEBIAN_DIR);
    }

    /**
     * The CJK font files as they are on this machine (size and time of change, or absent), without reading them: the
     * card cache's key, since the same text draws differently once the package is installed or upgraded.
     */
    static String fingerprint() {
        StringBuilder sb = new StringBuilder();
        for (String name : List.of("NotoSansCJK-Regular.ttc", "NotoSansCJK-Bold.ttc")) {
            Path f = DEBIAN_DIR.resolve(name);
            try {
                sb.append(name).append(':').append(Files.size(f)).append(':').append(Files.getLastModifiedTime(f).toMillis()).append(';');
            } catch (IOException e) {
                sb.append(name).append(":absent;");
            }
        }
        return sb.toString();
    }

    /** One stretch of text in one font. */
    record Run(String text, Font font) {}

    private final Font[] cjkRegular;
    private final Font[] cjkBold;

    /** @param dir where {@code NotoSansCJK-Regular.ttc} and {@code NotoSansCJK-Bold.ttc} are; they may be absent */
    CardFonts(Path dir) {
        cjkRegular = collection(dir.resolve("NotoSansCJK-Regular.ttc"));
        cjkBold = collection(dir.resolve("NotoSansCJK-Bold.ttc"));
    }

    /**
     * The runs {@code text} is drawn in at {@code size} px, or null when some character has a glyph in no font (the
     * caller leaves that text out). {@code lang} (a BCP 47 tag, or null) picks the CJK glyph forms: a Chinese 直 and a
     * Japanese one differ, and the collection has a face for each region.
     */
    List<Run> runs(String text, boolean bold, float size, String lang) {
        Font inter = (bold ? Inter.SEMIBOLD : Inter.REGULAR).deriveFont(size);
        Font cjk = null;
        List<Run> runs = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        Font current = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            Font f;
            if (inter.canDisplay(cp)) {
                f = inter;
            } else {
                if (cjk == null) {
                    Font face = face(bold, lang);
                    if (face == null) return null;
                    cjk = face.deriveFont(size);
                }
                if (!cjk.canDisplay(cp)) return null;
                f = cjk;
            }
            if (f != current && !run.isEmpty()) {
                runs.add(new Run(run.toString(), current));
                run.setLength(0);
            }
            current = f;
            run.appendCodePoint(cp);
            i += Character.charCount(cp);
        }
        if (!run.isEmpty()) runs.add(new Run(run.toString(), current));
        return runs;
    }

    /** Whether {@code text} has characters of the scripts the CJK font is for (Han, kana, hangul, their punctuation). */
    static boolean needsCjk(String text) {
        return text.codePoints().anyMatch(cp -> cp >= 0x2E80 && cp <= 0x9FFF || cp >= 0xAC00 && cp <= 0xD7AF
                || cp >= 0xF900 && cp <= 0xFAFF || cp >= 0xFE30 && cp <= 0xFE4F || cp >= 0xFF00 && cp <= 0xFFEF || cp >= 0x20000);
    }

    /** Whether {@value #PACKAGE}'s files are where the cards read them. */
    static boolean cjkInstalled() {
        return Files.isRegularFile(DEBIAN_DIR.resolve("NotoSansCJK-Regular.ttc")) && Files.isRegularFile(DEBIAN_DIR.resolve("NotoSansCJK-Bold.ttc"));
    }

    /** Whether some character of {@code text} has a glyph in no font of the card. */
    boolean cannotDraw(String text, String lang) {
        return text != null && runs(text, false, 12f, lang) == null;
    }

    /** The advance width of {@code text} in px; text that cannot be drawn measures 0, as it is left out. */
    double width(String text, boolean bold, float size, String lang, FontRenderContext frc) {
        List<Run> runs = runs(text, bold, size, lang);
        if (runs == null) return 0;
        double w = 0;
        for (Run r : runs) w += r.font().getStringBounds(r.text(), frc).getWidth();
        return w;
    }

    /** Draws {@code text} from {@code (x, y)} on its baseline; returns the runs drawn (null: nothing was drawn). */
    List<Run> draw(Graphics2D g, String text, boolean bold, float size, String lang, double x, double y) {
        List<Run> runs = runs(text, bold, size, lang);
        if (runs == null) return null;
        FontRenderContext frc = g.getFontRenderContext();
        double at = x;
        for (Run r : runs) {
            g.setFont(r.font());
            g.drawString(r.text(), (float) at, (float) y);
            at += r.font().getStringBounds(r.text(), frc).getWidth();
        }
        return runs;
    }

    /** Inter's ascent at {@code size}: the card's lines are spaced by the site font. */
    static int ascent(Graphics2D g, boolean bold, float size) {
        return g.getFontMetrics((bold ? Inter.SEMIBOLD : Inter.REGULAR).deriveFont(size)).getAscent();
    }

    static int descent(Graphics2D g, boolean bold, float size) {
        return g.getFontMetrics((bold ? Inter.SEMIBOLD : Inter.REGULAR).deriveFont(size)).getDescent();
    }

    /** The face of the collection for the page's language: SC for Chinese, TC/HK for Taiwan/Hong Kong, JP, KR. */
    private Font face(boolean bold, String lang) {
        Font[] all = bold ? cjkBold : cjkRegular;
        if (all == null) return null;
        String want = "Noto Sans CJK " + region(lang);
        for (Font f : all) if (f.getFamily(Locale.ROOT).equals(want)) return f;
        return all.length == 0 ? null : all[0];
    }

    static String region(String lang) {
        Locale l = lang == null ? Locale.ROOT : Locale.forLanguageTag(lang);
        return switch (l.getLanguage()) {
            case "ja" -> "JP";
            case "ko" -> "KR";
            case "zh" -> switch (l.getCountry().isEmpty() ? l.getScript() : l.getCountry()) {
                case "TW", "Hant" -> "TC";
                case "HK", "MO" -> "HK";
                default -> "SC";
            };
            default -> "SC";
        };
    }

    private static Font[] collection(Path file) {
        if (!Files.isRegularFile(file)) return null;
        try {
            return Font.createFonts(file.toFile());
        } catch (IOException | FontFormatException e) {
            return null; // an unreadable font is an absent one: the card leaves the text out and the build says so
        }
    }

    private static Font bundled(String resource) {
        try (InputStream in = CardFonts.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("datadesk's jar has no " + resource);
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException | FontFormatException e) {
            throw new IllegalStateException("datadesk's bundled font " + resource + " is unreadable", e);
        }
    }
}
