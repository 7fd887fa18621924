package io.datadesk.compute;

import static org.assertj.core.api.Assertions.assertThat;

import io.datadesk.data.Column;
import io.datadesk.data.ColumnType;
import io.datadesk.data.QueryResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QueryCacheTest {

    @TempDir Path dir;

    private static final QueryResult RESULT = new QueryResult("yearly",
            List.of(new Column("year", ColumnType.INTEGER), new Column("share", ColumnType.DECIMAL),
                    new Column("big", ColumnType.BOOLEAN), new Column("day", ColumnType.DATE),
                    new Column("at", ColumnType.TIMESTAMP), new Column("name", ColumnType.TEXT)),
            List.of(Arrays.asList(2023L, 0.125, true, LocalDate.of(2023, 1, 31), LocalDateTime.of(2023, 1, 31, 12, 5, 7), "Acme <Inc> ✓"),
                    Arrays.asList(2024L, null, false, null, null, null)));

    @Test
    void aStoredResultComesBackExactlyAlsoInALaterBuild() {
        String key = QueryCache.key("select 1", Map.of("layoffs", "abc"));
        QueryCache.inFolder(dir).put(key, RESULT);
        QueryResult back = QueryCache.inFolder(dir).get(key).orElseThrow(); // a new instance: as the next `datadesk build`
        assertThat(back).isEqualTo(RESULT);
        assertThat(back.rows().get(0).get(0)).isInstanceOf(Long.class);
        assertThat(back.rows().get(0).get(3)).isInstanceOf(LocalDate.class);
        assertThat(back.rows().get(1).get(1)).isNull();
    }

    @Test
    void theKeyChangesWithTheSqlAndWithEveryInputButNotWithTheCaseOfTableNames() {
        String key = QueryCache.key("select * from t", Map.of("t", "h1", "u", "h2"));
        assertThat(QueryCache.key("select * from t", Map.of("T", "h1", "u", "h2"))).isEqualTo(key);
        assertThat(QueryCache.key("select * from t ", Map.of("t", "h1", "u", "h2"))).isNotEqualTo(key);
        assertThat(QueryCache.key("select * from t", Map.of("t", "h1", "u", "h3"))).isNotEqualTo(key);
        assertThat(QueryCache.key("select * from t", Map.of("t", "h2", "u", "h1"))).isNotEqualTo(key);
        assertThat(QueryCache.key("select * from t", Map.of("t", "h1"))).isNotEqualTo(key);
    }

    @Test
    void aChangedCsvChangesItsHashAndSoMissesTheCache() throws IOException {
        Path csv = dir.resolve("data.csv");
        Files.writeString(csv, "a,b\n1,2\n");
        QueryCache cache = QueryCache.inFolder(dir.resolve("cache"));
        String before = QueryCache.key("select sum(a) from data", Map.of("data", ContentHashes.file(csv)));
        cache.put(before, RESULT);
        // Same size, written within the same timestamp tick: the hash must still see the change.
        Files.writeString(csv, "a,b\n1,3\n");
        String after = QueryCache.key("select sum(a) from data", Map.of("data", ContentHashes.file(csv)));
        assertThat(after).isNotEqualTo(before);
        assertThat(cache.get(after)).isEmpty();
        assertThat(cache.get(before)).contains(RESULT);
        Files.delete(csv);
        assertThat(ContentHashes.file(csv)).isEqualTo(ContentHashes.MISSING);
    }

    @Test
    void aCorruptEntryIsAMissAndIsReplaced() throws IOException {
        FileQueryCache cache = new FileQueryCache(dir);
        String key = QueryCache.key("select 1", Map.of());
        for (Corruption c : Corruption.values()) {
            cache.put(key, RESULT);
            Path file = cache.fileOf(key);
            c.apply(file);
            assertThat(cache.get(key)).as(c.name()).isEmpty();
            assertThat(file).as(c.name()).doesNotExist(); // dropped, not kept around to be trusted later
            cache.put(key, RESULT);
            assertThat(cache.get(key)).as(c.name()).contains(RESULT);
        }
    }

    @Test
    void anEntryStoredUnderAnotherKeyIsNotTrusted() throws IOException {
        FileQueryCache cache = new FileQueryCache(dir);
        String a = QueryCache.key("select 1", Map.of()), b = QueryCache.key("select 2", Map.of());
        cache.put(a, RESULT);
        Files.createDirectories(cache.fileOf(b).getParent());
        Files.copy(cache.fileOf(a), cache.fileOf(b)); // a sound file, but for a different query
        assertThat(cache.get(b)).isEmpty();
        assertThat(cache.get(a)).contains(RESULT);
    }

    @Test
    void theCacheFolderIsSafeToDelete() throws IOException {
        QueryCache cache = QueryCache.inFolder(dir.resolve("q"));
        String key = QueryCache.key("select 1", Map.of());
        cache.put(key, RESULT);
        deleteTree(dir.resolve("q"));
        assertThat(cache.get(key)).isEmpty();
        cache.put(key, RESULT);
        assertThat(cache.get(key)).contains(RESULT);
    }

    @Test
    void resultHashesDistinguishValuesAndTypes() {
        QueryResult other = new QueryResult("yearly", List.of(new Column("year", ColumnType.INTEGER)), List.of(List.of(2023L)));
        QueryResult asText = new QueryResult("yearly", List.of(new Column("year", ColumnType.TEXT)), List.of(List.of("2023")));
        assertThat(ContentHashes.of(RESULT)).isEqualTo(ContentHashes.of(RESULT));
        assertThat(ContentHashes.of(other)).isNotEqualTo(ContentHashes.of(asText));
    }

    private enum Corruption {
        FLIPPED_BYTE {
            @Override
            void apply(Path f) throws IOException {
                byte[] b = Files.readAllBytes(f);
                b[b.length / 2] ^= 0x01;
                Files.write(f, b);
            }
        },
        TRUNCATED {
            @Override
            void apply(Path f) throws IOException {
                byte[] b = Files.readAllBytes(f);
                Files.write(f, Arrays.copyOf(b, b.length / 2));
            }
        },
        EMPTY {
            @Override
            void apply(Path f) throws IOException {
                Files.write(f, new byte[0]);
            }
        },
        GARBAGE {
            @Override
            void apply(Path f) throws IOException {
                Files.writeString(f, "not a cache file at all, but long enough to pass a length check.......");
            }
        };

        abstract void apply(Path f) throws IOException;
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted((x, y) -> y.getNameCount() - x.getNameCount()).toList()) Files.delete(p);
        }
    }
}
