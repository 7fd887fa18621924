package io.datadesk.serve;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Maps request paths to files of the served folder, and refuses everything that could reach outside it. A request
 * is refused when, after decoding its percent-escapes once, any segment is {@code .} or {@code ..} or hidden, or it
 * holds a backslash or NUL, or the escapes are malformed; a file found is refused unless its real path (symbolic
 * links followed) is still inside the folder. Encoded slashes and dots ({@code %2f}, {@code %2e%2e}) are decoded
 * before the checks, so they are caught too; doubly encoded ones ({@code %252e%252e}) decode to a harmless name
 * with a literal '%' that matches no file.
 */
final class SitePaths {

    private SitePaths() {}

    /** The file a request path names inside {@code root}, or empty when refused or absent. */
    static Optional<Path> resolve(Path root, String rawPath) {
        Optional<String> rel = decode(rawPath);
        if (rel.isEmpty()) return Optional.empty();
        Path base = root.toAbsolutePath().normalize();
        Path file = base.resolve(rel.get()).normalize();
        if (!file.startsWith(base)) return Optional.empty();
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !Files.exists(file)) return Optional.empty();
        try {
            Path real = file.toRealPath();
            if (!real.startsWith(base.toRealPath())) return Optional.empty();
        } catch (java.io.IOException e) {
            return Optional.empty(); // a dangling link, or it vanished meanwhile
        }
        return Optional.of(file);
    }

    /** The site-relative path of a raw (still percent-encoded) request path, or empty when it is refused. */
    static Optional<String> decode(String rawPath) {
        if (rawPath == null || !rawPath.startsWith("/")) return Optional.empty();
        String decoded = percentDecode(rawPath);
        if (decoded == null || decoded.indexOf('\0') >= 0 || decoded.indexOf('\\') >= 0) return Optional.empty();
        String rel = decoded.substring(1);
        for (String segment : rel.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..") || segment.startsWith(".")) return Optional.empty();
        }
        if (rel.startsWith("/") || rel.contains("//")) return Optional.empty(); // an absolute path, or an empty segment
        return Optional.of(rel);
    }

    // URLDecoder is for form data: it turns '+' into a space and accepts malformed escapes leniently. Paths need
    // '+' kept and malformed escapes or invalid UTF-8 refused.
    private static String percentDecode(String s) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length()) return null;
                int hi = Character.digit(s.charAt(i + 1), 16), lo = Character.digit(s.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) return null;
                bytes.write(hi * 16 + lo);
                i += 2;
            } else if (c > 0x7f) {
                return null; // a raw request path is ASCII
            } else {
                bytes.write(c);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
