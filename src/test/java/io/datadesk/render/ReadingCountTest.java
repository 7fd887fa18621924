package io.datadesk.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The reading-time counts are hand-written in one pass for speed; they must count exactly what the regular
 * expressions they replace counted (the reading time of every existing page stays the same).
 */
class ReadingCountTest {

    // What ReaderHtml used before: the definition the hand-written code follows.
    private static final Pattern CJK = Pattern.compile(
            "[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}\\p{IsHangul}\\u3000-\\u303f\\uff00-\\uffef]");

    private static int regexWords(String text) {
        String rest = CJK.matcher(text).replaceAll(" ");
        return rest.isBlank() ? 0 : rest.trim().split("\\s+").length;
    }

    private static int regexCjk(String text) {
        int n = 0;
        var m = CJK.matcher(text);
        while (m.find()) n++;
        return n;
    }

    @Test
    void cjkIsTheSameSetOfCodePointsAsThePattern() {
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++)
            if (ReaderHtml.isCjk(cp) != CJK.matcher(new String(Character.toChars(cp))).matches())
                throw new AssertionError("differs at U+" + Integer.toHexString(cp));
    }

    @Test
    void wordsAndCharactersAreCountedAsTheRegularExpressionsCountedThem() {
        String[] pieces = {"a", "word", " ", "  ", "\t", "\n", "\r", "\f", "\u000B", "\u0000", "\u001c", "\u00a0", "\u2003",
                "中", "文字", "ア", "한", "。", "\uff01", "\ud840\udc00", "\ud800", "\udc00", "é", "—", "1,234"};
        Random r = new Random(17);
        for (int i = 0; i < 50_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int n = r.nextInt(8); n > 0; n--) sb.append(pieces[r.nextInt(pieces.length)]);
            String text = sb.toString();
            assertThat(ReaderHtml.words(text)).as("words of %s", escape(text)).isEqualTo(regexWords(text));
            assertThat(ReaderHtml.cjkCharacters(text)).as("CJK characters of %s", escape(text)).isEqualTo(regexCjk(text));
        }
        assertThat(ReaderHtml.words("Five words, and 中文 between.")).isEqualTo(4); // the Chinese is counted by the character
    }

    private static String escape(String s) {
        StringBuilder sb = new StringBuilder();
        s.chars().forEach(c -> sb.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return sb.toString();
    }
}
