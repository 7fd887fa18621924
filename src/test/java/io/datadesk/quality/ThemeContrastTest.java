package io.datadesk.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every text/background pair of the theme's colour variables meets WCAG AA in both schemes: 4.5:1 for text,
 * 3:1 for focus rings and rules that carry meaning. axe-core checks the pairs that appear on the built pages; this
 * checks the palette itself, including pairs a page may not show today (visited links, marked text).
 */
class ThemeContrastTest {

    private static final Path CSS = QualitySites.PROJECT.resolve("templates/assets/site.css");
    private static final Pattern VAR = Pattern.compile("--([a-z0-9-]+):\\s*(#[0-9a-fA-F]{6})\\s*;");

    /** foreground, background, minimum ratio. */
    private static final List<Object[]> PAIRS = List.of(
            new Object[] {"text", "bg", 4.5}, new Object[] {"text", "bg-soft", 4.5}, new Object[] {"text", "mark", 4.5},
            new Object[] {"muted", "bg", 4.5}, new Object[] {"muted", "bg-soft", 4.5},
            new Object[] {"link", "bg", 4.5}, new Object[] {"link", "bg-soft", 4.5},
            new Object[] {"link-visited", "bg", 4.5}, new Object[] {"accent", "bg", 4.5},
            new Object[] {"focus", "bg", 3.0}, new Object[] {"rule-strong", "bg", 3.0},
            new Object[] {"logo-1", "bg", 3.0}, new Object[] {"logo-2", "bg", 3.0});

    @Test
    void lightAndDarkPalettesMeetWcagAA() throws IOException {
        String css = Files.readString(CSS);
        Map<String, String> light = vars(block(css, ":root {"));
        Map<String, String> dark = new LinkedHashMap<>(light);
        dark.putAll(vars(block(css, "@media (prefers-color-scheme: dark)")));
        assertThat(dark).as("the dark scheme redefines colours").isNotEqualTo(light);
        List<String> failures = new ArrayList<>();
        for (var scheme : Map.of("light", light, "dark", dark).entrySet()) {
            for (Object[] pair : PAIRS) {
                String fg = scheme.getValue().get((String) pair[0]);
                String bg = scheme.getValue().get((String) pair[1]);
                assertThat(fg).as("--" + pair[0]).isNotNull();
                assertThat(bg).as("--" + pair[1]).isNotNull();
                double ratio = ratio(fg, bg);
                if (ratio < (double) pair[2]) {
                    failures.add(String.format("%s: --%s %s on --%s %s is %.2f:1, needs %.1f:1", scheme.getKey(), pair[0], fg,
                            pair[1], bg, ratio, (double) pair[2]));
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void ratioMatchesWcagExamples() {
        assertThat(ratio("#000000", "#ffffff")).isCloseTo(21.0, org.assertj.core.data.Offset.offset(0.01));
        assertThat(ratio("#777777", "#ffffff")).isCloseTo(4.48, org.assertj.core.data.Offset.offset(0.01));
    }

    private static String block(String css, String start) {
        int i = css.indexOf(start);
        assertThat(i).as(start + " in site.css").isNotNegative();
        int open = css.indexOf('{', i);
        if (start.startsWith("@media")) open = css.indexOf('{', open + 1);
        return css.substring(open, css.indexOf('}', open));
    }

    private static Map<String, String> vars(String block) {
        Map<String, String> m = new LinkedHashMap<>();
        Matcher x = VAR.matcher(block);
        while (x.find()) m.put(x.group(1), x.group(2).toLowerCase());
        return m;
    }

    static double ratio(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(String hex) {
        int rgb = Integer.parseInt(hex.substring(1), 16);
        return BrowserIT.luminance("rgb(" + (rgb >> 16 & 0xff) + "," + (rgb >> 8 & 0xff) + "," + (rgb & 0xff) + ")");
    }
}
