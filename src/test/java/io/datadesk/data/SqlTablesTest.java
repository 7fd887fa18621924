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

    @Test
    void referencedSkipsStringsAndComments() {
        assertThat(SqlTables.referenced("select 'yearly' as t from costs -- sales", TABLES)).containsExactly("costs");
    }
}
