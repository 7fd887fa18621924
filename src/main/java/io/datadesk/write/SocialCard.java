package io.datadesk.write;

import io.datadesk.chart.ChartPicture;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.FutureTask;

/**
 * The picture a link to a page shows on social media ({@code og:image}, {@code twitter:image}): a 1200×630 PNG card
 * with the site's name, the page's title and summary, drawn with Java2D at build time.
 *
 * <p>The same text gives the same bytes: nothing time-dependent is drawn and {@link PngEncoder} writes no timestamp.
 * Text is set in the bundled Inter the chart stage ships, and Chinese, Japanese and Korean characters in Noto Sans
 * CJK from the {@code fonts-noto-cjk} package ({@link CardFonts}); text no font can show is left out, never boxes.
 */
public final class SocialCard {

    public static final int WIDTH = 1200;
    public static final int HEIGHT = 630;

    private static final Color PAPER = new Color(0xfbfaf7);
    private static final Color INK = new Color(0x1b1d21);
    private static final Color MUTED = new Color(0x4f5560);
    private static final Color ACCENT = new Color(0xa8481a);
    private static final Color RULE = new Color(0xd9dce1);
    /** The site's mark: the charts' first four colours, which have 3:1 contrast with a light background. */
    static final int BAR_COUNT = 4; // a compile-time constant: CardCache reads it without initialising this class
    static final List<Color> BARS = io.datadesk.chart.ChartRenderer.palette().subList(0, BAR_COUNT);
    private static final int MARGIN = 80;

    private SocialCard() {}

    /**
     * Draws a card.
     *
     * @param title the page's headline (wrapped to at most four lines, smaller type for long ones)
     * @param summary one sentence under the title, or null
     * @param siteName shown above the title
     * @param host shown at the bottom, such as {@code example.github.io/reports}
     */
    public static byte[] png(String title, String summary, String siteName, String host) {
        return png(title, summary, siteName, host, null);
    }

    /**
     * Draws a card; with {@code chartSvg} (a chart from the page, as the chart stage writes it) the chart fills the
     * right half and the title the left, so a shared link shows what the story found.
     */
    public static byte[] png(String title, String summary, String siteName, String host, String chartSvg) {
        return png(title, summary, siteName, host, chartSvg, null);
    }

    /**
     * Draws a card for a page in {@code lang} (a BCP 47 tag, or null): the language picks where a line may break
     * (between any two Chinese characters, never before a 。) and the regional forms of CJK glyphs.
     */
    public static byte[] png(String title, String summary, String siteName, String host, String chartSvg, String lang) {
        return encode(paint(CardFonts.system(), title, summary, siteName, host, chartSvg, lang).image);
    }

    /**
     * The text a card draws, each stretch with the font it is drawn in, in drawing order: the site name, the
     * headline's lines, the summary's lines, the chart's labels and the host. Text no font can show is not in it.
     */
    public static List<DrawnText> texts(String title, String summary, String siteName, String host, String chartSvg, String lang) {
        return paint(CardFonts.system(), title, summary, siteName, host, chartSvg, lang).drawn;
    }

    /** One stretch of text on a card and the font it was drawn in. */
    public record DrawnText(String text, Font font) {}

    /**
     * Whether some text of a card is Chinese, Japanese or Korean while the CJK font is not installed (the text is
     * left out of the card): the build names the package. Asks the file system only, so a build whose cards all
     * come from the cache never loads a font.
     */
    public static boolean lacksFont(String lang, String... texts) {
        for (String t : texts) if (t != null && CardFonts.needsCjk(t) && !CardFonts.cjkInstalled()) return true;
        return false;
    }

    /** The package that gives cards their CJK glyphs, for build notes. */
    public static final String CJK_FONT_PACKAGE = CardFonts.PACKAGE;

    static Painted paint(CardFonts fonts, String title, String summary, String siteName, String host, String chartSvg, String lang) {
        BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = graphics(img);
        Pen pen = new Pen(g, fonts, lang);
        try {
            g.setColor(PAPER);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setColor(ACCENT);
            g.fillRect(0, 0, WIDTH, 12);
            ChartPicture drawing = null;
            if (chartSvg != null) {
                try {
                    drawing = ChartPicture.of(chartSvg); // the chart stage reads its own drawing
                } catch (RuntimeException e) {
                    drawing = null; // a chart the painter cannot read leaves the typographic card
                }
            }
            if (drawing == null) {
                draw(g, pen, title == null ? "" : title, summary, siteName == null ? "" : siteName, host == null ? "" : host, false);
                return new Painted(img, List.copyOf(pen.drawn));
            }
            // The chart's panel and the text do not overlap: the chart is painted on a second core while this thread
            // draws the text (half of a card with a chart was its chart; bench/cards.sh). Same pixels as one after the
            // other: each pixel is painted by one of the two, over the paper painted above.
            ChartPicture chart = drawing;
            FutureTask<List<DrawnText>> chartPainted = new FutureTask<>(() -> chart(img, fonts, lang, chart));
            // The helper takes the chart only if it starts in time; else this thread paints it after the text.
            if (Runtime.getRuntime().availableProcessors() > 1) ForkJoinPool.commonPool().execute(chartPainted);
            draw(g, pen, title == null ? "" : title, summary, siteName == null ? "" : siteName, host == null ? "" : host, true);
            chartPainted.run(); // nothing when the helper has it
            List<DrawnText> drawn = new ArrayList<>();
            try {
                drawn.addAll(uninterruptibly(chartPainted));
            } catch (ExecutionException e) {
                if (e.getCause() instanceof Error error) throw error;
                // The painter failed halfway: the typographic card, as for a chart it cannot read.
                return paint(fonts, title, summary, siteName, host, null, lang);
            }
            drawn.addAll(pen.drawn); // the chart's labels first, as when it was painted before the text
            return new Painted(img, List.copyOf(drawn));
        } finally {
            g.dispose();
        }
    }

    /** A card's canvas: anti-aliased shapes and text, fractional text metrics. */
    private static Graphics2D graphics(BufferedImage img) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        return g;
    }

    /** Paints the chart's white panel and the chart on {@code img}, in a canvas and pen of its own; the text it drew. */
    private static List<DrawnText> chart(BufferedImage img, CardFonts fonts, String lang, ChartPicture drawing) {
        Graphics2D g = graphics(img);
        try {
            Pen pen = new Pen(g, fonts, lang);
            g.setColor(Color.WHITE);
            panel(g);
            // Clipped to the white panel, not the drawing: the page lets outermost tick labels overhang the drawing's
            // edge (the last year of an axis), and so does the card.
            new ChartPainter(pen).paint(drawing, g, new Rectangle2D.Double(612, 72, 508, 400),
                    new Rectangle2D.Double(600, 60, 532, 424));
            return pen.drawn;
        } finally {
            g.dispose();
        }
    }

    /**
     * The chart's white panel, a rectangle with corners rounded by 6 px. Its edges lie on whole pixels, so anti-aliasing
     * changes only the corners' pixels: the rest is filled as plain rectangles, and the rounded shape is anti-aliased in
     * the four corners alone, which gives the pixels of filling it whole (a seventh of a card's chart painting).
     */
    private static void panel(Graphics2D g) {
        int x = 596, y = 56, w = 540, h = 432, r = 6;
        g.fillRect(x + r, y, w - 2 * r, h);
        g.fillRect(x, y + r, r, h - 2 * r);
        g.fillRect(x + w - r, y + r, r, h - 2 * r);
        Shape rounded = new RoundRectangle2D.Double(x, y, w, h, 2 * r, 2 * r);
        Shape clip = g.getClip();
        for (int[] c : new int[][] {{x, y}, {x + w - r, y}, {x, y + h - r}, {x + w - r, y + h - r}}) {
            g.clipRect(c[0], c[1], r, r);
            g.fill(rounded);
            g.setClip(clip);
        }
    }

    /** The result of {@code task}, waiting for it uninterruptibly: a few milliseconds at most. */
    private static <T> T uninterruptibly(FutureTask<T> task) throws ExecutionException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return task.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    record Painted(BufferedImage image, List<DrawnText> drawn) {}

    private static byte[] encode(BufferedImage img) {
        return PngEncoder.encode(img); // not ImageIO's writer: four fifths of a card's time (see PngEncoder)
    }

    /**
     * Draws and measures a card's text in the card's fonts ({@link CardFonts}), remembering what it drew. The chart
     * painter draws its labels through it too, so a Chinese tick label keeps its 万.
     */
    static final class Pen implements ChartPainter.Pen {
        private final Graphics2D g;
        private final CardFonts fonts;
        final String lang;
        final List<DrawnText> drawn = new ArrayList<>();

        Pen(Graphics2D g, CardFonts fonts, String lang) {
            this.g = g;
            this.fonts = fonts;
            this.lang = lang;
        }

        @Override
        public double width(String text, boolean bold, float size) {
            return fonts.width(text, bold, size, lang, g.getFontRenderContext());
        }

        @Override
        public void draw(Graphics2D on, String text, boolean bold, float size, double x, double y) {
            List<CardFonts.Run> runs = fonts.draw(on, text, bold, size, lang, x, y);
            if (runs != null) for (CardFonts.Run r : runs) drawn.add(new DrawnText(r.text(), r.font()));
        }

        Locale locale() {
            return lang == null ? Locale.ROOT : Locale.forLanguageTag(lang);
        }
    }

    /**
     * The first chart drawing in a page body: the SVG inside the first {@code <figure>} that has one, preferring the
     * wide drawing where a chart has one for phones too. Null when the page has no chart.
     */
    public static String firstChart(String bodyHtml) {
        if (bodyHtml == null || !bodyHtml.contains("<svg")) return null;
        var doc = org.jsoup.Jsoup.parseBodyFragment(bodyHtml);
        doc.outputSettings().prettyPrint(false);
        for (var figure : doc.select("figure")) {
            var svgs = figure.select("svg").stream().filter(e -> e.hasAttr("viewbox") || e.hasAttr("viewBox")).toList();
            if (svgs.isEmpty()) continue;
            var wide = svgs.stream().filter(e -> e.parents().stream().noneMatch(p -> p.className().contains("narrow"))).findFirst();
            return wide.orElse(svgs.get(0)).outerHtml();
        }
        return null;
    }

    /** The card's text and mark, beside the chart's panel ({@code chart}) or across the card. */
    private static void draw(Graphics2D g, Pen pen, String title, String summary, String siteName, String host, boolean chart) {
        int textWidth = chart ? 480 : WIDTH - 2 * MARGIN;
        g.setColor(ACCENT);
        pen.draw(g, fit(siteName.toUpperCase(pen.locale()), pen, true, 26, textWidth), true, 26, MARGIN, 104);

        // The largest title size at which the headline fits in four lines.
        int size = 72;
        List<String> lines;
        while (true) {
            lines = wrap(title, pen, true, size, textWidth, Integer.MAX_VALUE);
            int maxLines = chart ? (size > 48 ? 4 : 5) : (size > 56 ? 3 : 4);
            if (lines.size() <= maxLines || size <= (chart ? 36 : 44)) break;
            size -= 4;
        }
        lines = wrap(title, pen, true, size, balanced(title, pen, size, textWidth, lines.size()), chart ? 5 : 4);
        g.setColor(INK);
        int lineHeight = Math.round(size * 1.12f);
        int y = 150 + CardFonts.ascent(g, true, size);
        for (String l : lines) {
            pen.draw(g, l, true, size, MARGIN, y);
            y += lineHeight;
        }

        int footerTop = HEIGHT - 110;
        if (summary != null && !summary.isBlank() && !chart) {
            int descent = CardFonts.descent(g, true, size);
            int room = (footerTop - 24 - (y - lineHeight + descent + 28)) / Math.round(30 * 1.35f);
            g.setColor(MUTED);
            int sy = y - lineHeight + descent + 28 + CardFonts.ascent(g, false, 30);
            for (String l : wrap(summary.strip(), pen, false, 30, textWidth, Math.min(2, room))) {
                pen.draw(g, l, false, 30, MARGIN, sy);
                sy += Math.round(30 * 1.35f);
            }
        }

        g.setColor(RULE);
        g.setStroke(new BasicStroke(2f));
        g.drawLine(MARGIN, footerTop, WIDTH - MARGIN, footerTop);
        g.setColor(MUTED);
        pen.draw(g, fit(host, pen, false, 24, WIDTH - 2 * MARGIN - 200), false, 24, MARGIN, footerTop + 56);
        // A small bar chart, the site's mark, so the card reads as data journalism at a glance.
        int[] heights = {26, 44, 62, 36};
        int x = WIDTH - MARGIN - heights.length * 30 + 8;
        for (int i = 0; i < heights.length; i++) {
            g.setColor(BARS.get(i));
            g.fillRect(x + i * 30, footerTop + 76 - heights[i], 22, heights[i]);
        }
    }

    /**
     * The narrowest width at which a headline without spaces (Chinese, Japanese) still takes {@code lines} lines, so
     * that its lines are of even length: greedy filling would leave a last line of one character and a 。. Headlines
     * with spaces keep the full width, as before.
     */
    private static double balanced(String title, Pen pen, int size, int width, int lines) {
        if (lines < 2 || title.codePoints().noneMatch(SocialCard::spaceless)) return width;
        int lo = width / 2, hi = width;
        while (lo < hi) {
            int mid = (lo + hi) / 2;
            if (wrap(title, pen, true, size, mid, Integer.MAX_VALUE).size() <= lines) hi = mid;
            else lo = mid + 1;
        }
        return hi;
    }

    /**
     * Greedy line filling; a last line that does not fit ends in an ellipsis. Lines break at spaces, and inside
     * text without spaces (Chinese, Japanese) where the language's line-break rules allow: between two ideographs,
     * never before a closing mark such as 。 or ） nor after an opening one.
     */
    static List<String> wrap(String text, Pen pen, boolean bold, float size, double width, int maxLines) {
        List<String> pieces = new ArrayList<>();
        List<Boolean> spaced = new ArrayList<>();
        for (String word : text.strip().split("\\s+")) {
            List<String> parts = breaks(word, pen.locale());
            for (int i = 0; i < parts.size(); i++) {
                pieces.add(parts.get(i));
                spaced.add(i == 0 && pieces.size() > 1); // a space before a word, none inside one
            }
        }
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < pieces.size(); i++) {
            String joint = spaced.get(i) ? " " : "";
            String candidate = line.isEmpty() ? pieces.get(i) : line + joint + pieces.get(i);
            if (pen.width(candidate, bold, size) <= width || line.isEmpty()) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (lines.size() == maxLines - 1) {
                StringBuilder rest = new StringBuilder(line);
                for (int j = i; j < pieces.size(); j++) rest.append(spaced.get(j) ? " " : "").append(pieces.get(j));
                lines.add(ellipsis(rest.toString(), pen, bold, size, width));
                return lines;
            }
            lines.add(line.toString());
            line.setLength(0);
            line.append(pieces.get(i));
        }
        if (!line.isEmpty()) lines.add(fit(line.toString(), pen, bold, size, width));
        return lines;
    }

    /**
     * Where a word without spaces may break, by the JDK's line-break rules (which keep 。，）” with the character
     * before them); a word of Latin letters only is one piece, as before, so English cards break only at spaces.
     */
    private static List<String> breaks(String word, Locale locale) {
        if (word.codePoints().noneMatch(SocialCard::spaceless)) return List.of(word);
        java.text.BreakIterator it = java.text.BreakIterator.getLineInstance(locale);
        it.setText(word);
        List<String> parts = new ArrayList<>();
        for (int start = it.first(), end = it.next(); end != java.text.BreakIterator.DONE; start = end, end = it.next())
            parts.add(word.substring(start, end));
        return parts;
    }

    /** Characters of scripts written without spaces between words. */
    private static boolean spaceless(int cp) {
        Character.UnicodeScript s = Character.UnicodeScript.of(cp);
        return s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA
                || s == Character.UnicodeScript.KATAKANA || (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFFEF);
    }

    private static String fit(String s, Pen pen, boolean bold, float size, double width) {
        return pen.width(s, bold, size) <= width ? s : ellipsis(s, pen, bold, size, width);
    }

    private static String ellipsis(String s, Pen pen, boolean bold, float size, double width) {
        String t = s;
        while (!t.isEmpty() && pen.width(t + "…", bold, size) > width) t = t.substring(0, t.length() - 1);
        return t.stripTrailing() + "…";
    }
}
