package io.datadesk.build;

import static org.assertj.core.api.Assertions.assertThat;

import io.datadesk.compute.QueryCache;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Social cards are kept in .datadesk-cache/cards by what they show and drawn again only when that changes. */
class SocialCardCacheTest {

    @TempDir Path tmp;

    private static List<Path> cachedCards(Path project) throws IOException {
        Path dir = project.resolve(SiteBuilder.CACHE_DIR).resolve("cards");
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".png")).sorted().toList();
        }
    }

    @Test
    void aCardIsTakenFromTheCacheOfAnEarlierBuildAndDrawnAgainWhenWhatItShowsChanges() throws IOException {
        SiteFixture f = new SiteFixture(tmp.resolve("p"));
        f.write("datadesk.yaml", "title: Cards\nbase_url: https://example.org/\n");
        f.write("content/index.md", "---\ntitle: Home\n---\nHello.\n");
        f.write("content/story/index.md", "---\ntitle: A story\n---\nText.\n");
        new SiteBuilder(f.options(), QueryCache.none()).build();
        List<Path> cards = cachedCards(f.project);
        assertThat(cards).hasSize(2);
        byte[] drawn = Files.readAllBytes(f.project.resolve("site/story/social.png"));
        assertThat(cards.stream().map(SocialCardCacheTest::bytes)).anyMatch(b -> java.util.Arrays.equals(b, drawn));

        // A new builder (a new `datadesk build`) publishes what the cache holds: the card is not drawn again.
        byte[] marker = "not a png: proves the cached file was used".getBytes();
        for (Path card : cards) if (java.util.Arrays.equals(bytes(card), drawn)) Files.write(card, marker);
        new SiteBuilder(f.options(), QueryCache.none()).build();
        assertThat(f.project.resolve("site/story/social.png")).hasBinaryContent(marker);

        // What the card shows changed: it is drawn again, and the old entry is not used.
        f.write("content/story/index.md", "---\ntitle: Another story\n---\nText.\n");
        new SiteBuilder(f.options(), QueryCache.none()).build();
        byte[] redrawn = Files.readAllBytes(f.project.resolve("site/story/social.png"));
        assertThat(redrawn).isNotEqualTo(marker).isNotEqualTo(drawn);
        assertThat(new String(redrawn, 1, 3, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PNG");
        assertThat(cachedCards(f.project)).hasSize(3);
    }

    private static byte[] bytes(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
