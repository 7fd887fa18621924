package io.datadesk.write;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;

/**
 * The picture a link to a page shows on social media ({@code og:image}, {@code twitter:image}): a 1200×630 PNG card
 * with the site's name, the page's title and summary, drawn with Java2D at build time.
 *
 * <p>The same text gives the same bytes: nothing time-dependent is drawn and the JDK's PNG writer adds no timestamp.
 * Text is set in the bundled Inter the chart stage ships; only text it cannot show (a script outside its Latin
 * subset) falls back to an installed font, and then depends on the machine's fonts.
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
    static final List<Color> BARS = io.datadesk.chart.ChartRenderer.palette().subList(0, 4);
    private static final int MARGIN = 80;
    /** The site's font as the chart stage bundles it, so cards look like the pages; null when not on the class path. */
    private static final Font BUNDLED_REGULAR = bundled("/io/datadesk/chart/Inter-Regular.ttf");
    private static final Font BUNDLED_SEMIBOLD = bundled("/io/datadesk/chart/Inter-SemiBold.ttf");
    private static final String FALLBACK_FAMILY = pickFamily();

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
        BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            draw(g, title == null ? "" : title, summary, siteName == null ? "" : siteName, host == null ? "" : host, chartSvg);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(img, "png", out)) throw new IllegalStateException("no PNG writer in this JDK");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
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

    private static void draw(Graphics2D g, String title, String summary, String siteName, String host, String chartSvg) {
        g.setColor(PAPER);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setColor(ACCENT);
        g.fillRect(0, 0, WIDTH, 12);

        boolean chart = false;
        if (chartSvg != null) {
            java.awt.geom.Rectangle2D box = new java.awt.geom.Rectangle2D.Double(612, 72, 508, 400);
            g.setColor(Color.WHITE);
            g.fill(new java.awt.geom.RoundRectangle2D.Double(596, 56, 540, 432, 12, 12));
            try {
                // Clipped to the white panel, not the drawing: the page lets outermost tick labels overhang the
                // drawing's edge (the last year of an axis), and so does the card.
                chart = new SvgPainter((bold, size) -> font(bold, size, "0123456789")).paint(chartSvg, g, box,
                        new java.awt.geom.Rectangle2D.Double(600, 60, 532, 424));
            } catch (RuntimeException e) {
                chart = false; // a chart the painter cannot read leaves the typographic card
            }
            if (!chart) {
                g.setColor(PAPER);
                g.fillRect(596, 56, 540, 432);
            }
        }
        int textWidth = chart ? 480 : WIDTH - 2 * MARGIN;
        g.setFont(font(true, 26, siteName));
        g.setColor(ACCENT);
        g.drawString(fit(siteName.toUpperCase(java.util.Locale.ROOT), g.getFontMetrics(), textWidth), MARGIN, 104);

        // The largest title size at which the headline fits in four lines.
        int size = 72;
        List<String> lines;
        while (true) {
            g.setFont(font(true, size, title));
            lines = wrap(title, g.getFontMetrics(), textWidth, Integer.MAX_VALUE);
            int maxLines = chart ? (size > 48 ? 4 : 5) : (size > 56 ? 3 : 4);
            if (lines.size() <= maxLines || size <= (chart ? 36 : 44)) break;
            size -= 4;
        }
        FontMetrics fm = g.getFontMetrics();
        lines = wrap(title, fm, textWidth, chart ? 5 : 4);
        g.setColor(INK);
        int lineHeight = Math.round(size * 1.12f);
        int y = 150 + fm.getAscent();
        for (String l : lines) {
            g.drawString(l, MARGIN, y);
            y += lineHeight;
        }

        int footerTop = HEIGHT - 110;
        if (summary != null && !summary.isBlank() && !chart) {
            g.setFont(font(false, 30, summary));
            FontMetrics sm = g.getFontMetrics();
            int room = (footerTop - 24 - (y - lineHeight + fm.getDescent() + 28)) / Math.round(30 * 1.35f);
            g.setColor(MUTED);
            int sy = y - lineHeight + fm.getDescent() + 28 + sm.getAscent();
            for (String l : wrap(summary.strip(), sm, textWidth, Math.min(2, room))) {
                g.drawString(l, MARGIN, sy);
                sy += Math.round(30 * 1.35f);
            }
        }

        g.setColor(RULE);
        g.setStroke(new BasicStroke(2f));
        g.drawLine(MARGIN, footerTop, WIDTH - MARGIN, footerTop);
        g.setFont(font(false, 24, host));
        g.setColor(MUTED);
        g.drawString(fit(host, g.getFontMetrics(), WIDTH - 2 * MARGIN - 200), MARGIN, footerTop + 56);
        // A small bar chart, the site's mark, so the card reads as data journalism at a glance.
        int[] heights = {26, 44, 62, 36};
        int x = WIDTH - MARGIN - heights.length * 30 + 8;
        for (int i = 0; i < heights.length; i++) {
            g.setColor(BARS.get(i));
            g.fillRect(x + i * 30, footerTop + 76 - heights[i], 22, heights[i]);
        }
    }

    /** Greedy word wrap; a last line that does not fit ends in an ellipsis. */
    static List<String> wrap(String text, FontMetrics fm, int width, int maxLines) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        String[] words = text.strip().split("\\s+");
        for (int i = 0; i < words.length; i++) {
            String candidate = line.isEmpty() ? words[i] : line + " " + words[i];
            if (fm.stringWidth(candidate) <= width || line.isEmpty()) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (lines.size() == maxLines - 1) {
                lines.add(ellipsis(line + " " + String.join(" ", java.util.Arrays.copyOfRange(words, i, words.length)), fm, width));
                return lines;
            }
            lines.add(line.toString());
            line.setLength(0);
            line.append(words[i]);
        }
        if (!line.isEmpty()) lines.add(fit(line.toString(), fm, width));
        return lines;
    }

    private static String fit(String s, FontMetrics fm, int width) {
        return fm.stringWidth(s) <= width ? s : ellipsis(s, fm, width);
    }

    private static String ellipsis(String s, FontMetrics fm, int width) {
        String t = s;
        while (!t.isEmpty() && fm.stringWidth(t + "…") > width) t = t.substring(0, t.length() - 1);
        return t.stripTrailing() + "…";
    }

    private static Font font(boolean bold, float size, String text) {
        Font f = bold ? BUNDLED_SEMIBOLD : BUNDLED_REGULAR;
        String all = text.toUpperCase(java.util.Locale.ROOT) + text + "…";
        if (f != null && f.canDisplayUpTo(all) == -1) return f.deriveFont(size);
        return new Font(FALLBACK_FAMILY, bold ? Font.BOLD : Font.PLAIN, Math.round(size));
    }

    private static Font bundled(String resource) {
        try (java.io.InputStream in = SocialCard.class.getResourceAsStream(resource)) {
            return in == null ? null : Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException | java.awt.FontFormatException e) {
            return null; // an unreadable font only costs the card its typeface
        }
    }

    /** The site's type family when installed, else a sans-serif that every JDK has. */
    private static String pickFamily() {
        Set<String> installed = Set.of(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames());
        for (String f : List.of("Inter", "DejaVu Sans", "Liberation Sans")) if (installed.contains(f)) return f;
        return Font.SANS_SERIF;
    }
}
