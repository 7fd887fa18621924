package io.datadesk.write;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.SinglePixelPackedSampleModel;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
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
 * paper and every vertical edge into zeros), read straight from the image's int array, and zlib runs at a fast level,
 * on two cores (see {@link #zlib}).
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
        byte[] z = zlib(new byte[(1 + 3 * w) * h], 1 + 3 * w, h, (raw, from, to) -> filter(px, offset, stride, w, raw, from, to));
        for (int at = 0; at < z.length; at += IDAT_MAX) chunk(out, "IDAT", z, at, Math.min(IDAT_MAX, z.length - at));
        chunk(out, "IEND", new byte[0], 0);
        return out.toByteArray();
    }

    /**
     * The image data before compression, rows {@code fromRow} to {@code toRow}: each row a filter byte (2: Up) and the row's RGB bytes minus the row above's
     * (zeros above the first). A row equal to the one above (most of a card) is all zeros: it is not even filtered.
     */
    private static void filter(int[] px, int offset, int stride, int w, byte[] raw, int fromRow, int toRow) {
        int rowBytes = 1 + 3 * w;
        for (int y = fromRow; y < toRow; y++) {
            int base = offset + y * stride, at = y * rowBytes;
            raw[at++] = 2;
            if (y == 0) {
                for (int x = 0; x < w; x++) {
                    int p = px[base + x];
                    raw[at++] = (byte) (p >> 16);
                    raw[at++] = (byte) (p >> 8);
                    raw[at++] = (byte) p;
                }
            } else {
                // Most of a changed row is paper too, whose bytes stay zero: the stretches that changed are found with
                // Arrays.mismatch, which compares several pixels at a time, rather than pixel by pixel in a loop that
                // the quick compiler of a build leaves slow (the filter was a third of a card's Java samples; JFR).
                int above = base - stride;
                for (int x = 0; x < w; ) {
                    int same = Arrays.mismatch(px, base + x, base + w, px, above + x, above + w);
                    if (same < 0) break;
                    for (x += same; x < w; x++) {
                        int p = px[base + x], q = px[above + x];
                        if (p == q) break;
                        int b = at + 3 * x;
                        raw[b] = (byte) ((p >> 16) - (q >> 16)); // the low byte of the difference: arithmetic modulo 256
                        raw[b + 1] = (byte) ((p >> 8) - (q >> 8));
                        raw[b + 2] = (byte) (p - q);
                    }
                }
            }
        }
    }

    /** Writes rows {@code fromRow} (inclusive) to {@code toRow} of the image data into {@code raw}. */
    interface Rows {
        void fill(byte[] raw, int fromRow, int toRow);
    }

    /**
     * {@code raw} (each piece's rows written by {@code rowsOf} first) as one zlib stream, filtered and deflated in
     * {@link #PIECES} pieces of whole rows at once on two cores: each piece
     * is a raw deflate stream of its own, all but the last ended by a sync flush (which ends on a byte boundary and
     * does not mark the last block), so that their concatenation is one valid deflate stream; the zlib checksum
     * (Adler-32) of the whole is combined from the pieces' (zlib's adler32_combine, which java.util.zip does not
     * offer). The pigz tool compresses the same way. The pieces are fixed by the image's height, not by the cores,
     * so the bytes are the same on any machine. Measured on a card: zlib took about 6 ms of a card's 12 ms on one
     * core, and filtering the rows (Java code, compiled by C1 only in a build) about as much; the pieces let the second
     * core take half of both.
     */
    static byte[] zlib(byte[] raw, int rowBytes, int rows, Rows rowsOf) {
        int perPiece = (rows + PIECES - 1) / PIECES;
        byte[][] deflated = new byte[PIECES][];
        long[] adler = new long[PIECES];
        AtomicInteger next = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(PIECES);
        AtomicReference<Throwable> failed = new AtomicReference<>();
        Runnable work = () -> {
            for (int i; (i = next.getAndIncrement()) < PIECES; ) {
                try {
                    int fromRow = Math.min(rows, i * perPiece), toRow = Math.min(rows, (i + 1) * perPiece);
                    rowsOf.fill(raw, fromRow, toRow); // each row is made from its pixels and the row above's: no piece waits
                    int from = fromRow * rowBytes, to = toRow * rowBytes;
                    deflated[i] = deflate(raw, from, to - from, i == PIECES - 1);
                    java.util.zip.Adler32 a = new java.util.zip.Adler32();
                    a.update(raw, from, to - from);
                    adler[i] = a.getValue();
                } catch (Throwable t) {
                    failed.compareAndSet(null, t);
                } finally {
                    done.countDown();
                }
            }
        };
        // The helper takes pieces only if it starts in time; the calling thread takes whatever is left.
        if (Runtime.getRuntime().availableProcessors() > 1) ForkJoinPool.commonPool().execute(work);
        work.run();
        boolean interrupted = false;
        while (true) { // a few milliseconds at most: a cancelled build stops at its next check, not here
            try {
                done.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
        if (failed.get() != null) throw new IllegalStateException("cannot write an image", failed.get());
        ByteArrayOutputStream z = new ByteArrayOutputStream(64 * 1024);
        z.write(0x78); // zlib header: deflate, 32 KB window,
        z.write(0x01); // fastest compression (level 1), header check bits
        long sum = 1;
        for (int i = 0; i < PIECES; i++) {
            z.writeBytes(deflated[i]);
            int from = Math.min(rows, i * perPiece) * rowBytes, to = Math.min(rows, (i + 1) * perPiece) * rowBytes;
            sum = adler32Combine(sum, adler[i], to - from);
        }
        byte[] trailer = new byte[4];
        putInt(trailer, 0, (int) sum);
        z.writeBytes(trailer);
        return z.toByteArray();
    }

    /** How many pieces the image data is deflated in: a few more than two cores, so that they end close together. */
    static final int PIECES = 4;

    private static byte[] deflate(byte[] raw, int from, int length, boolean last) {
        Deflater d = new Deflater(LEVEL, true); // raw deflate: the zlib header and checksum are written once, around all pieces
        try {
            d.setInput(raw, from, length);
            if (last) d.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(1024, length / 16));
            byte[] buf = new byte[IDAT_MAX];
            while (true) {
                int n = last ? d.deflate(buf) : d.deflate(buf, 0, buf.length, Deflater.SYNC_FLUSH);
                out.write(buf, 0, n);
                // a sync flush is complete when it returns with room to spare
                if (last ? d.finished() : n < buf.length && d.needsInput()) break;
            }
            return out.toByteArray();
        } finally {
            d.end();
        }
    }

    /** The Adler-32 of two byte runs joined, from each run's Adler-32 and the second's length (zlib's adler32_combine). */
    static long adler32Combine(long adler1, long adler2, long length2) {
        final long base = 65521;
        long rem = length2 % base;
        long sum1 = adler1 & 0xffff;
        long sum2 = (rem * sum1) % base;
        sum1 += (adler2 & 0xffff) + base - 1;
        sum2 += ((adler1 >> 16) & 0xffff) + ((adler2 >> 16) & 0xffff) + base - rem;
        if (sum1 >= base) sum1 -= base;
        if (sum1 >= base) sum1 -= base;
        if (sum2 >= (base << 1)) sum2 -= (base << 1);
        if (sum2 >= base) sum2 -= base;
        return sum1 | (sum2 << 16);
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data, int length) {
        chunk(out, type, data, 0, length);
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data, int from, int length) {
        byte[] head = new byte[8];
        putInt(head, 0, length);
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(t, 0, head, 4, 4);
        out.write(head, 0, 8);
        out.write(data, from, length);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data, from, length);
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
