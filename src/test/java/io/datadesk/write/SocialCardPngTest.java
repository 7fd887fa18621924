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
    void imagesOfAnyHeightDecodeToTheirPixelsWhateverTheirPiecesHold() throws IOException {
        // Fewer rows than pieces (empty pieces), rows that do not divide evenly, and a card's height.
        java.util.Random random = new java.util.Random(17);
        for (int h : new int[] {1, 2, 3, 5, 7, 630}) {
            int w = 1 + random.nextInt(300);
            BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < h; y++) {
                boolean repeat = y > 0 && random.nextInt(3) > 0; // most rows equal to the one above, as on a card
                for (int x = 0; x < w; x++) img.setRGB(x, y, repeat ? img.getRGB(x, y - 1) : random.nextInt());
            }
            BufferedImage read = ImageIO.read(new ByteArrayInputStream(PngEncoder.encode(img)));
            assertThat(read.getRGB(0, 0, w, h, null, 0, w)).as("%dx%d", w, h).isEqualTo(img.getRGB(0, 0, w, h, null, 0, w));
        }
    }

    @Test
    void theImageDataIsOneZlibStreamWithTheChecksumOfTheWhole() throws Exception {
        java.util.Random random = new java.util.Random(5);
        int rowBytes = 31, rows = 41;
        byte[] raw = new byte[rowBytes * rows];
        for (int i = 0; i < raw.length; i++) raw[i] = (byte) (i % 97 < 50 ? 0 : random.nextInt());
        byte[] z = PngEncoder.zlib(raw.clone(), rowBytes, rows, (r, from, to) -> {}); // rows already written
        java.util.zip.Inflater inflater = new java.util.zip.Inflater(); // checks the zlib header and the Adler-32
        inflater.setInput(z);
        byte[] back = new byte[raw.length + 1];
        int n = inflater.inflate(back);
        assertThat(inflater.finished()).isTrue();
        assertThat(java.util.Arrays.copyOf(back, n)).isEqualTo(raw);
        assertThat(PngEncoder.zlib(raw.clone(), rowBytes, rows, (r, from, to) -> {})).isEqualTo(z); // the same bytes every time
    }

    @Test
    void adlerChecksumsOfPiecesCombineToTheWholesChecksum() {
        java.util.Random random = new java.util.Random(3);
        for (int round = 0; round < 200; round++) {
            byte[] data = new byte[random.nextInt(200_000)];
            random.nextBytes(data);
            if (round % 3 == 0) java.util.Arrays.fill(data, (byte) 0xff); // sums that wrap the modulus fastest
            int cut = data.length == 0 ? 0 : random.nextInt(data.length + 1);
            java.util.zip.Adler32 whole = new java.util.zip.Adler32(), first = new java.util.zip.Adler32(), second = new java.util.zip.Adler32();
            whole.update(data);
            first.update(data, 0, cut);
            second.update(data, cut, data.length - cut);
            assertThat(PngEncoder.adler32Combine(first.getValue(), second.getValue(), data.length - cut)).isEqualTo(whole.getValue());
        }
    }

    @Test
    void onlyOpaqueRgbImagesAreWritten() {
        assertThatThrownBy(() -> PngEncoder.encode(new BufferedImage(4, 4, BufferedImage.TYPE_INT_ARGB)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
