package io.datadesk.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Cards are written by {@link PngEncoder}: a valid PNG of exactly the pixels drawn, the same bytes every time. */
class SocialCardPngTest {

    private static final String CHART = """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 300"><title>Units</title>
            <path d="M40 250 L120 200 L200 220 L280 120 L360 60" fill="none" stroke="#1f5f8b" stroke-width="3"/>
            <text x="40" y="290" font-size="14">2021</text><text x="330" y="290" font-size="14">2025</text></svg>""";

    @Test
    void aCardDecodesToExactlyThePixelsDrawn() throws IOException {
        for (String chart : new String[] {null, CHART}) {
            BufferedImage drawn = SocialCard.paint(CardFonts.system(), "What is the real impact of AI on job cuts?",
                    "Layoffs attributed to AI are a small share.", "The Desk", "example.org/desk", chart, "en").image();
            byte[] png = PngEncoder.encode(drawn);
            BufferedImage read = ImageIO.read(new ByteArrayInputStream(png));
            assertThat(read.getWidth()).isEqualTo(SocialCard.WIDTH);
            assertThat(read.getHeight()).isEqualTo(SocialCard.HEIGHT);
            int[] expected = drawn.getRGB(0, 0, drawn.getWidth(), drawn.getHeight(), null, 0, drawn.getWidth());
            int[] actual = read.getRGB(0, 0, read.getWidth(), read.getHeight(), null, 0, read.getWidth());
            assertThat(actual).as(chart == null ? "card without a chart" : "card with a chart").isEqualTo(expected);
            // Not a blank card: the test would pass on one.
            assertThat(java.util.Arrays.stream(expected).distinct().count()).isGreaterThan(20);
            assertThat(PngEncoder.encode(drawn)).isEqualTo(png);
        }
    }

    @Test
    void pixelsOfEveryValueSurviveTheUpFilter() throws IOException {
        // Rows that differ from the row above by every amount, wrapping below zero: what the filter's byte arithmetic gets wrong first.
        BufferedImage img = new BufferedImage(256, 7, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 7; y++)
            for (int x = 0; x < 256; x++) img.setRGB(x, y, (x << 16) | (((x * 7 + y * 91) & 0xff) << 8) | ((255 - x + y * 37) & 0xff));
        BufferedImage read = ImageIO.read(new ByteArrayInputStream(PngEncoder.encode(img)));
        assertThat(read.getRGB(0, 0, 256, 7, null, 0, 256)).isEqualTo(img.getRGB(0, 0, 256, 7, null, 0, 256));
    }

    @Test
    void onlyOpaqueRgbImagesAreWritten() {
        assertThatThrownBy(() -> PngEncoder.encode(new BufferedImage(4, 4, BufferedImage.TYPE_INT_ARGB)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
