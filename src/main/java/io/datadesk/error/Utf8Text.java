package io.datadesk.error;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a text file that must be UTF-8, and says where it is not: the line and column of the first byte that is not
 * UTF-8, instead of Java's "Input length = 1".
 */
public final class Utf8Text {

    private Utf8Text() {}

    /** The file's text; a located error when it cannot be read or is not UTF-8. */
    public static String read(Path file, String displayPath, String what) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ContentException(new Diagnostic(displayPath, 0, 0, "cannot read " + what + ": " + e.getMessage(), ""));
        }
        return decode(bytes, displayPath);
    }

    /** {@code bytes} as UTF-8 text, or a located error at the first byte that is not UTF-8. */
    public static String decode(byte[] bytes, String displayPath) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult r = decoder.decode(in, out, true);
        if (r.isError()) throw new ContentException(notUtf8(bytes, in.position(), displayPath));
        r = decoder.flush(out);
        if (r.isError()) throw new ContentException(notUtf8(bytes, in.position(), displayPath));
        out.flip();
        return out.toString();
    }

    /** Whether {@code bytes} are UTF-8 text. */
    public static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** The error for a bad byte at {@code offset}: its line and column (in characters, the bad byte counting one). */
    public static Diagnostic notUtf8(byte[] bytes, int offset, String displayPath) {
        int line = 1, lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        // Columns count characters: decode the good part of the line.
        int column = new String(bytes, lineStart, offset - lineStart, StandardCharsets.UTF_8).codePointCount(0,
                new String(bytes, lineStart, offset - lineStart, StandardCharsets.UTF_8).length()) + 1;
        return new Diagnostic(displayPath, line, column, String.format("the file is not UTF-8 text: byte 0x%02X at byte offset %d",
                bytes[offset] & 0xff, offset), "save the file as UTF-8 (in most editors: Save with encoding, UTF-8)");
    }
}
