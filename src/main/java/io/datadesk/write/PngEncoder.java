package io.datadesk.write;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.SinglePixelPackedSampleModel;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes an opaque RGB image ({@link BufferedImage#TYPE_INT_RGB}) as a PNG file: 8-bit truecolour, no
 * interlacing, no ancillary chunks, so the same pixels always give the same bytes (with the same zlib).
 *
 * <p>Hand-written because ImageIO's PNG writer took 80 % of a social card's time (JFR of {@code bench/cards.sh}:
 * {@code PNGImageWriter.encodePass} 331 of 435 samples): it reads the pixels through the generic
 * {@code Raster.getPixels} path, one row at a time, and tries all five PNG filters on every row to pick one. A card is
 * flat paper with text and a chart: here every row gets the "Up" filter (the row above subtracted, which turns the
 * paper and every vertical edge into zeros), read straight from the image's int array, and zlib runs at a fast level.
 * The file is a little larger than ImageIO's; the pixels are the same (checked by SocialCardPngTest).
 */
final class PngEncoder {

    /**
     * zlib's level, 1–9. Levels 1–3 use zlib's fast matcher, 4 and up its lazy one: measured on a card (thread CPU),
     * level 1 took 6–7 ms and wrote 53 KB, level 4 14–16 ms and 44 KB, ImageIO's writer 33–57 ms and 43 KB.
     */
    static final int LEVEL = 1;
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final int IDAT_MAX = 1 << 16;

    private PngEncoder() {}

    /** The PNG file of {@code img}, which must be {@code TYPE_INT_RGB}. */
    static byte[] encode(BufferedImage img) {
        if (img.getType() != BufferedImage.TYPE_INT_RGB || !(img.getSampleModel() instanceof SinglePixelPackedSampleModel sm))
            throw new IllegalArgumentException("only TYPE_INT_RGB images are written, not type " + img.getType());
        int w = img.getWidth(), h = img.getHeight();
        DataBufferInt buffer = (DataBufferInt) img.getRaster().getDataBuffer();
        int[] px = buffer.getData();
        int stride = sm.getScanlineStride();
        if (img.getRaster().getSampleModelTranslateX() != 0 || img.getRaster().getSampleModelTranslateY() != 0)
            throw new IllegalArgumentException("a part of a larger image is not written");
        int offset = buffer.getOffset();

        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        out.writeBytes(SIGNATURE);
        byte[] ihdr = new byte[13];
        putInt(ihdr, 0, w);
        putInt(ihdr, 4, h);
        ihdr[8] = 8; // bits per sample
        ihdr[9] = 2; // truecolour
        chunk(out, "IHDR", ihdr, ihdr.length);

        Deflater deflater = new Deflater(LEVEL);
        try {
            byte[] row = new byte[1 + 3 * w];
            byte[] above = new byte[3 * w]; // the row before, unfiltered; zeros above the first row
            byte[] current = new byte[3 * w];
            byte[] idat = new byte[IDAT_MAX];
            int filled = 0;
            byte[] zeros = new byte[1 + 3 * w];
            zeros[0] = 2;
            for (int y = 0; y < h; y++) {
                int base = offset + y * stride;
                byte[] filtered = row;
                if (y > 0 && java.util.Arrays.equals(px, base, base + w, px, base - stride, base - stride + w)) {
                    filtered = zeros; // the same as the row above (most of a card): all zeros, and "above" stays as it is
                } else {
                    for (int x = 0, i = 0; x < w; x++) {
                        int p = px[base + x];
                        current[i++] = (byte) (p >> 16);
                        current[i++] = (byte) (p >> 8);
                        current[i++] = (byte) p;
                    }
                    row[0] = 2; // Up
                    for (int i = 0; i < current.length; i++) row[i + 1] = (byte) (current[i] - above[i]);
                    byte[] t = above;
                    above = current;
                    current = t;
                }
                deflater.setInput(filtered);
                boolean last = y == h - 1;
                if (last) deflater.finish();
                while (true) {
                    filled += deflater.deflate(idat, filled, idat.length - filled);
                    if (filled == idat.length) {
                        chunk(out, "IDAT", idat, filled);
                        filled = 0;
                    } else if (last ? deflater.finished() : deflater.needsInput()) {
                        break;
                    }
                }
            }
            if (filled > 0) chunk(out, "IDAT", idat, filled);
        } finally {
            deflater.end();
        }
        chunk(out, "IEND", new byte[0], 0);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data, int length) {
        byte[] head = new byte[8];
        putInt(head, 0, length);
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(t, 0, head, 4, 4);
        out.write(head, 0, 8);
        out.write(data, 0, length);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data, 0, length);
        byte[] tail = new byte[4];
        putInt(tail, 0, (int) crc.getValue());
        out.write(tail, 0, 4);
    }

    private static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }
}
