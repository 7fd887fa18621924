package io.datadesk.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which tables a block of SQL names: what the query cache keys a result by, so a name missed is a stale result. */
class SqlTablesTest {

    private static final List<String> TABLES = List.of("yearly", "costs", "Sales");

    @Test
    void mentionedNeverMissesATableWhateverTheQuoting() {
        // An assertion's message line with an apostrophe, before its SQL.
        assertThat(SqlTables.mentioned("message: each year's total\nselect * from yearly where x <> y", TABLES)).containsExactly("yearly");
        // An escaped quote in E'…' that a reader of string literals takes for the end of the string.
        assertThat(SqlTables.mentioned("select E'it\\'s', n from costs join \"SALES\" using (y)", TABLES)).containsExactly("costs", "Sales");
        // Words inside names do not count.
        assertThat(SqlTables.mentioned("select yearly_total from costs_2024", TABLES)).isEmpty();
    }

    /** {@link SqlTables#mentioned} as first written, one code point at a time: the fast path must say the same. */
    private static List<String> mentionedByCodePoints(String text, List<String> tables) {
        java.util.Set<String> words = new java.util.HashSet<>();
        int n = text.length();
        for (int i = 0; i < n; ) {
            int start = i;
            while (i < n && (Character.isLetterOrDigit(text.codePointAt(i)) || text.charAt(i) == '_'))
                i += Character.charCount(text.codePointAt(i));
            if (i > start) words.add(text.substring(start, i).toLowerCase(java.util.Locale.ROOT));
            else i++;
        }
        return tables.stream().filter(t -> words.contains(t.toLowerCase(java.util.Locale.ROOT))).toList();
    }

    @Test
    void mentionedReadsWordsAsCodePointsDo() {
        List<String> tables = List.of("yearly", "costs", "Sales", "données", "数据", "t_2", "x");
        String alphabet = "yearlycostsSALESdonnées数据t_2x _-.,;()\"'\n\té2\uD83D\uDE00\uD835\uDC00\u0660\u00A0";
        java.util.SplittableRandom random = new java.util.SplittableRandom(17);
        for (int k = 0; k < 20_000; k++) {
            StringBuilder sb = new StringBuilder();
            int len = random.nextInt(40);
            for (int i = 0; i < len; i++) {
                if (random.nextInt(4) == 0) sb.append(tables.get(random.nextInt(tables.size())));
                else sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = sb.toString();
            assertThat(SqlTables.mentioned(text, tables)).as(text).isEqualTo(mentionedByCodePoints(text, tables));
        }
    }

    @Test
    void referencedSkipsStringsAndComments() {
        assertThat(SqlTables.referenced("select 'yearly' as t from costs -- sales", TABLES)).containsExactly("costs");
    }
}
