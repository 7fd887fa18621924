package io.datadesk.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datadesk.error.ContentException;
import io.datadesk.error.Diagnostic;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class FrontMatterTest {

    @Test
    void readsEveryKey() {
        FrontMatter fm = FrontMatter.parse("""
                title: AI and job cuts
                subtitle: A second look
                description: What the data says
                author: Ana
                date: 2026-11-29
                updated: 2026-11-30
                draft: true
                tags: [ai, jobs]
                lang: fr
                template: article
                data:
                  layoffs: data/layoffs.csv
                """, "content/a.md");
        assertThat(fm.title()).isEqualTo("AI and job cuts");
        assertThat(fm.subtitle()).isEqualTo("A second look");
        assertThat(fm.date()).isEqualTo(LocalDate.of(2026, 11, 29));
        assertThat(fm.updated()).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(fm.draft()).isTrue();
        assertThat(fm.tags()).containsExactly("ai", "jobs");
        assertThat(fm.lang()).isEqualTo("fr");
        assertThat(fm.template()).isEqualTo("article");
        assertThat(fm.data()).isNotNull();
        assertThat(fm.data().line()).isEqualTo(13); // 'layoffs:' sits on line 13 of the file (front matter starts at 2)
    }

    @Test
    void missingTitleIsReported() {
        assertThatThrownBy(() -> FrontMatter.parse("subtitle: x\n", "content/a.md"))
                .isInstanceOfSatisfying(ContentException.class, e -> {
                    Diagnostic d = e.diagnostics().get(0);
                    assertThat(d.file()).isEqualTo("content/a.md");
                    assertThat(d.message()).contains("no 'title'");
                    assertThat(d.hint()).contains("title:");
                });
    }

    @Test
    void unknownKeyNamesTheLineAndSuggestsTheClosestKey() {
        assertThatThrownBy(() -> FrontMatter.parse("title: T\nsubtitel: S\n", "content/a.md"))
                .isInstanceOfSatisfying(ContentException.class, e -> {
                    Diagnostic d = e.diagnostics().get(0);
                    assertThat(d.line()).isEqualTo(3);
                    assertThat(d.column()).isEqualTo(1);
                    assertThat(d.message()).contains("unknown front matter key 'subtitel'");
                    assertThat(d.hint()).contains("did you mean 'subtitle'?");
                });
    }

    @Test
    void invalidYamlIsLocated() {
        assertThatThrownBy(() -> FrontMatter.parse("title: T\ndate: [2026\n", "content/a.md"))
                .isInstanceOfSatisfying(ContentException.class, e -> {
                    Diagnostic d = e.diagnostics().get(0);
                    assertThat(d.message()).startsWith("invalid YAML");
                    assertThat(d.line()).isBetween(3, 4);
                    assertThat(d.column()).isPositive();
                });
    }

    @Test
    void allProblemsAreReportedTogether() {
        assertThatThrownBy(() -> FrontMatter.parse("titel: T\ndate: yesterday\n", "content/a.md"))
                .isInstanceOfSatisfying(ContentException.class, e -> assertThat(e.diagnostics())
                        .extracting(Diagnostic::message)
                        .anySatisfy(m -> assertThat(m).contains("'titel'"))
                        .anySatisfy(m -> assertThat(m).contains("no 'title'"))
                        .anySatisfy(m -> assertThat(m).contains("date must be a date")));
    }

    @Test
    void splitKeepsLineNumbersOfTheBody() {
        FrontMatter.Split s = FrontMatter.split("---\ntitle: T\n---\nHello\n", "a.md");
        assertThat(s.yaml()).isEqualTo("title: T");
        assertThat(s.body().split("\n", -1)[3]).isEqualTo("Hello");
    }

    @Test
    void pageWithoutFrontMatterIsAnError() {
        assertThatThrownBy(() -> FrontMatter.split("# Hello\n", "a.md"))
                .hasMessageContaining("a.md:1:1: error: the page has no front matter");
        assertThatThrownBy(() -> FrontMatter.split("---\ntitle: x\n", "a.md"))
                .hasMessageContaining("not closed");
    }

    /** The split as it was written before (a regular-expression split into lines and a join): the reference. */
    private static FrontMatter.Split splitByLines(String source) {
        String text = source.startsWith("\uFEFF") ? source.substring(1) : source;
        String[] lines = text.split("\r?\n", -1);
        if (lines.length == 0 || !lines[0].strip().equals("---")) return null;
        for (int i = 1; i < lines.length; i++) {
            String l = lines[i].strip();
            if (l.equals("---") || l.equals("...")) {
                String yaml = String.join("\n", java.util.Arrays.copyOfRange(lines, 1, i));
                String body = "\n".repeat(i + 1) + String.join("\n", java.util.Arrays.copyOfRange(lines, i + 1, lines.length));
                return new FrontMatter.Split(yaml, body);
            }
        }
        return null;
    }

    @Test
    void splitGivesWhatASplitIntoLinesGave() {
        String[] parts = {"---", "...", "\n", "\r\n", "\r", " ", "\t", "title: T", "a", "-", "--", "\uFEFF", "# H", "x: [1, 2]"};
        java.util.Random random = new java.util.Random(5);
        for (int n = 0; n < 50000; n++) {
            StringBuilder text = new StringBuilder();
            if (random.nextInt(4) > 0) text.append("---").append(random.nextBoolean() ? "\n" : "\r\n");
            for (int k = random.nextInt(14); k >= 0; k--) text.append(parts[random.nextInt(parts.length)]);
            String source = text.toString();
            FrontMatter.Split expected = splitByLines(source);
            if (expected == null) {
                assertThatThrownBy(() -> FrontMatter.split(source, "a.md")).as(source).isInstanceOf(ContentException.class);
            } else {
                assertThat(FrontMatter.split(source, "a.md")).as(source).isEqualTo(expected);
            }
        }
    }

    @Test
    void datesAreReadAsLocalDateParseReadsThem() {
        // Every day of 1999-2032 (leap years, month ends) is read by the quick path, and as LocalDate.parse reads it.
        for (LocalDate d = LocalDate.of(1999, 1, 1); d.getYear() < 2033; d = d.plusDays(1)) {
            String s = d.toString();
            assertThat(FrontMatter.isoDate(s)).as(s).isEqualTo(LocalDate.parse(s));
        }
        // Other forms are left to LocalDate.parse (null), never read differently.
        for (String s : java.util.List.of("2023-02-29", "2024-02-30", "2024-13-01", "2024-00-10", "2024-01-00", "2024-01-32",
                "2024-1-01", "24-01-01", "2024/01/01", "abcd-ef-gh", "+2024-01-1", "2024-01-0a", "２０２４-01-01", "2024-01-01 ",
                "", "1900-02-29", "0000-01-01", "2000-02-29")) {
            LocalDate quick = FrontMatter.isoDate(s);
            if (quick == null) continue;
            assertThat(quick).as(s).isEqualTo(LocalDate.parse(s));
        }
        assertThat(FrontMatter.isoDate("2023-02-29")).isNull();
        assertThat(FrontMatter.isoDate("2000-02-29")).isEqualTo(LocalDate.of(2000, 2, 29));
        assertThat(FrontMatter.isoDate("1900-02-29")).isNull();
    }
}
