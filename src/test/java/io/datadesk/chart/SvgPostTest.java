package io.datadesk.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SvgPostTest {

    @Test
    void straightPathsUseHAndVAndDropRepeatedPoints() {
        assertThat(SvgPost.straightPath("M44.3,213.5L44.3,213.5L314,213.5L314.5,213.5L314.5,214.5L314,214.5L44.3,214.5L43.8,214.5L43.8,213.5Z"))
                .isEqualTo("M44.3,213.5H314.5V214.5H43.8V213.5Z"); // steps going on the same way are one edge
        // a step back is kept: the outline doubles back on itself there
        assertThat(SvgPost.straightPath("M0,0L5,0L3,0L3,4L3,6L3,5")).isEqualTo("M0,0H5H3V6V5");
        assertThat(SvgPost.straightPath("M1,2L3,4L5,4Z")).isEqualTo("M1,2L3,4H5Z");
        // a lone point keeps a zero-length step, which round caps draw as a dot
        assertThat(SvgPost.straightPath("M1,2L1,2")).isEqualTo("M1,2H1");
        assertThat(SvgPost.straightPath("M1,2L1,2M5,6L7,6")).isEqualTo("M1,2H1M5,6H7");
        // after Z the pen is back at the start of the subpath
        assertThat(SvgPost.straightPath("M0,0L5,0L5,5ZL0,9")).isEqualTo("M0,0H5V5ZV9");
        // curves are left alone
        assertThat(SvgPost.straightPath("M0,0C1,1,2,2,3,3")).isEqualTo("M0,0C1,1,2,2,3,3");
    }

    @Test
    void consecutiveGroupsWithTheSameAttributesBecomeOne() {
        String body = "<g class='s2' transform='matrix(1,0,0,1,0,22)' clip-path='url(#c)'><path d='M1,1L2,1L2,5L1,5Z'/></g>"
                + "<g class='s2' transform='matrix(1,0,0,1,0,22)' clip-path='url(#c)'><path d='M3,1L4,1L4,5L3,5Z'/></g>"
                + "<g><text x='1' y='2' class='s0'>2022</text></g>"
                + "<g class='s2' transform='matrix(1,0,0,1,0,22)' clip-path='url(#c)'><path d='M5,1L6,1L6,5L5,5Z'/></g>";
        assertThat(SvgPost.compactGeometry(body)).isEqualTo(
                "<g class='s2' transform='translate(0,22)' clip-path='url(#c)'><path d='M1,1H2V5H1Z'/><path d='M3,1H4V5H3Z'/></g>"
                + "<text x='1' y='2' class='s0'>2022</text>"
                + "<g class='s2' transform='translate(0,22)' clip-path='url(#c)'><path d='M5,1H6V5H5Z'/></g>");
    }

    /** A random text of up to {@code max} pieces. */
    private static String pieces(Random r, List<String> pieces, int max) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0, n = r.nextInt(max + 1); k < n; k++) sb.append(pieces.get(r.nextInt(pieces.size())));
        return sb.toString();
    }

    @Test
    void backgroundRectanglesGoAsTheExpressionRemovedThem() {
        String bg = SvgPost.rgb(ChartRenderer.BACKGROUND);
        assertThat(SvgPost.withoutBackground("<g><rect x='0' y='0' width='640' height='400' style='fill:" + bg + ";stroke:none'/><rect style='fill:rgb(1,2,3)'/></g>"))
                .isEqualTo("<g><rect style='fill:rgb(1,2,3)'/></g>");
        List<String> pieces = List.of("<rect ", "<rect", "x='1' ", "fill:" + bg, "fill:" + bg.substring(0, bg.length() - 1), "/>", ">", "/",
                " ", "<", "'", "style='", ";", "<g>", "</g>");
        Random r = new Random(23);
        for (int i = 0; i < 100_000; i++) {
            String s = pieces(r, pieces, 14);
            assertThat(SvgPost.withoutBackground(s)).as(s).isEqualTo(RegexSvgPost.withoutBackground(s));
        }
    }

    @Test
    void geometryIsCompactedAsTheExpressionsCompactedIt() {
        List<String> pieces = List.of("<g ", "<g>", "<g><text ", "<text ", "x='1' ", ">", "</text>", "</g>", "<path ", "<path d='", "M", "L",
                "Z", "C", "1", "2.5", "-3", ",", " ", ".", "'", "/>", "/", "2022", "<", "class='s2'", "class='s3'",
                "transform='matrix(1,0,0,1,0,22)'", "' />", " >", "M1,2L1,2", "L3,2", "L3,4", "</text></g>");
        Random r = new Random(29);
        for (int i = 0; i < 100_000; i++) {
            String s = pieces(r, pieces, 20);
            assertThat(SvgPost.compactGeometry(s)).as(s).isEqualTo(RegexSvgPost.compactGeometry(s));
        }
        // Groups of paths as JFreeSVG writes them: runs of equal and different attributes, with texts between.
        List<String> groups = List.of("<g class='s2'><path d='M1,1L2,1L2,5L1,5Z'/></g>", "<g class='s2'><path d='M3,1L4,1Z'/><path d='M0,0L0,0'/></g>",
                "<g class='s3'><path d='M1,1L2,1'/></g>", "<g><text x='1' y='2' class='s0'>2022</text></g>", "<g class='s2'><rect/></g>",
                "<g class='s2'></g>", "<path d='M1,1L2,1'/>");
        for (int i = 0; i < 20_000; i++) {
            String s = pieces(r, groups, 10);
            assertThat(SvgPost.compactGeometry(s)).as(s).isEqualTo(RegexSvgPost.compactGeometry(s));
        }
    }

    @Test
    void pathsAreStraightenedAsWhenTheirStepsWereReadByExpression() {
        Random r = new Random(31);
        String alphabet = "MLZC0123.-, ";
        List<String> numbers = List.of("0", "1", "2.5", "-3", "10");
        for (int i = 0; i < 100_000; i++) {
            StringBuilder sb = new StringBuilder();
            if (r.nextBoolean()) { // any characters
                for (int k = 0, n = r.nextInt(20); k < n; k++) sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
            } else { // steps, on few coordinates so that points repeat and steps run straight
                for (int k = 0, n = r.nextInt(10); k < n; k++) {
                    sb.append("MLLLZ".charAt(r.nextInt(5)));
                    if (r.nextInt(8) > 0) sb.append(numbers.get(r.nextInt(numbers.size()))).append(r.nextInt(6) > 0 ? "," : " ")
                            .append(numbers.get(r.nextInt(numbers.size())));
                }
            }
            String d = sb.toString();
            assertThat(SvgPost.straightPath(d)).as(d).isEqualTo(RegexSvgPost.straightPath(d));
        }
    }

    @Test
    void stylesBecomeClassesAsWhenTheExpressionFoundThem() {
        assertThat(SvgPost.styleClasses("<a style='x'/><b style='x'/><c style='y'/>", "c1"))
                .containsExactly("<style>#c1 .s0{x}</style>", "<a class='s0'/><b class='s0'/><c style='y'/>");
        List<String> pieces = List.of("style='", "fill:red", "stroke:none;", "'", "<path ", "/>", "x", ";", "style='fill:red'", "style=", " ");
        Random r = new Random(37);
        for (int i = 0; i < 100_000; i++) {
            String s = pieces(r, pieces, 16);
            assertThat(SvgPost.styleClasses(s, "c2")).as(s).containsExactly(RegexSvgPost.styleClasses(s, "c2"));
        }
    }

    /** The regular expressions {@code shortDecimals} and {@code noPointZero} replaced, as SvgPost used them. */
    static final Pattern LONG_DECIMAL = Pattern.compile("(\\d\\.\\d\\d)\\d+");
    static final Pattern POINT_ZERO = Pattern.compile("(\\d)\\.0(?![0-9])");

    @Test
    void numbersAreCutAsTheRegularExpressionsCutThem() {
        assertThat(SvgPost.shortDecimals("x1.23456 0.125 3.14 stroke-width:2.5;fill-opacity:0.2509804;8.0001"))
                .isEqualTo("x1.23 0.12 3.14 stroke-width:2.5;fill-opacity:0.25;8.00");
        assertThat(SvgPost.noPointZero("stroke-width:1.0;x='12.0' y='3.05' 4.0")).isEqualTo("stroke-width:1;x='12' y='3.05' 4");
        Random r = new Random(17);
        String alphabet = "0123456789..00x;' -";
        for (int i = 0; i < 200_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int k = 0, n = r.nextInt(24); k < n; k++) sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
            String s = sb.toString();
            assertThat(SvgPost.shortDecimals(s)).as(s).isEqualTo(LONG_DECIMAL.matcher(s).replaceAll("$1"));
            assertThat(SvgPost.noPointZero(s)).as(s).isEqualTo(POINT_ZERO.matcher(s).replaceAll("$1"));
        }
    }

    @Test
    void colorsAndDefaultsAreReplacedAsStringReplaceInOrderWouldReplaceThem() {
        List<String> keys = new ArrayList<>(), values = new ArrayList<>();
        for (int i = 0; i < ChartRenderer.PALETTE.length; i++) {
            keys.add(SvgPost.rgb(ChartRenderer.PALETTE[i]));
            values.add("var(--dd-s" + i + "," + ChartRenderer.hex(ChartRenderer.PALETTE[i]) + ")");
        }
        keys.add(SvgPost.rgb(new Color(0x22, 0x22, 0x22))); // an author's colour that is also the text colour: the first wins
        values.add("#222222");
        for (Color c : new Color[] {ChartRenderer.TEXT, ChartRenderer.MUTED, ChartRenderer.GRID, ChartRenderer.AXIS}) {
            keys.add(SvgPost.rgb(c));
            values.add("var(--x," + ChartRenderer.hex(c) + ")");
        }
        List<String> defaults = List.of(";stroke-opacity:1.0", ";fill-opacity:1.0", ";stroke-miterlimit:10.0", ";stroke-linecap:square");
        List<String> none = List.of("", "", "", "");
        List<String> all = new ArrayList<>(keys), allValues = new ArrayList<>(values);
        all.addAll(defaults);
        allValues.addAll(none);
        // SVG as JFreeSVG writes it, in random order: elements, style declarations, numbers and every key
        List<String> pieces = new ArrayList<>(List.of("<path d='M1,2L3,4Z' style='", "<g ", "<text x='0' y='0' ", "'/>", "</g>", ">", "fill:",
                "stroke:", "stroke-width:1.0", "stroke-width:2.5", ";", "; ", "' ", "fill-opacity: 1; ", "font-size: 13px;", "1.0", "10.0",
                "rgb(1,2,3)", "rgb(254,254,254)", ";stroke-linejoin:round", ";stroke-dasharray:4.0,3.0", "2020", "r", "gb"));
        pieces.addAll(keys);
        pieces.addAll(defaults);
        Random r = new Random(3);
        for (int i = 0; i < 50_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int k = 0, n = r.nextInt(16); k < n; k++) sb.append(pieces.get(r.nextInt(pieces.size())));
            String s = sb.toString();
            String colors = s;
            for (int k = 0; k < keys.size(); k++) colors = colors.replace(keys.get(k), values.get(k));
            assertThat(SvgPost.replaceEach(s, keys, values)).as(s).isEqualTo(colors);
            String plain = s;
            for (String d : defaults) plain = plain.replace(d, "");
            assertThat(SvgPost.replaceEach(s, defaults, none)).as(s).isEqualTo(plain);
            // SvgPost.finish replaces both in one pass: what the colours and then the defaults gave
            String both = colors;
            for (String d : defaults) both = both.replace(d, "");
            assertThat(SvgPost.replaceEach(s, all, allValues)).as(s).isEqualTo(both);
        }
    }

    /** The expressions placedText, textStyles and translations replaced, with their replacements, as SvgPost used them. */
    static final Pattern PLACED_TEXT = Pattern.compile(
            "<g transform='matrix\\(1,0,0,1,([-0-9.]+),([-0-9.]+)\\)'><text x='0' y='0' (style='[^']*')>([^<]*)</text></g>");
    static final Pattern TEXT_STYLE = Pattern.compile("style='fill: ([^;]+); fill-opacity: 1; +font-size: ([0-9.]+)px;( font-weight: ([a-z0-9]+);)?'");
    static final Pattern TRANSLATE = Pattern.compile("transform='matrix\\(1,0,0,1,([-0-9.]+),([-0-9.]+)\\)'");

    @Test
    void labelsStylesAndTranslationsAreRewrittenAsTheRegularExpressionsRewroteThem() {
        String label = "<g transform='matrix(1,0,0,1,6,324.9)'><text x='0' y='0' style='fill: var(--dd-chart-muted,#5e5e5e); fill-opacity: 1;  "
                + "font-size: 13px; font-weight: 600;'>\u22121,500</text></g>";
        assertThat(SvgPost.textStyles(SvgPost.placedText(label)))
                .isEqualTo("<text x='6' y='324.9' style='fill:var(--dd-chart-muted,#5e5e5e);font-size:13px;font-weight:600'>\u22121,500</text>");
        assertThat(SvgPost.translations("<g transform='matrix(1,0,0,1,0,0)'><g transform='matrix(1,0,0,1,-2.5,22)'>"))
                .isEqualTo("<g ><g transform='translate(-2.5,22)'>");
        List<String> pieces = List.of("<g transform='matrix(1,0,0,1,", "transform='matrix(1,0,0,1,", "12.5", "-3", "0", ",", ".",
                ")'><text x='0' y='0' style='", ")'", "'", ">", "<", "2020", "</text></g>", "</text>", "style='fill: ",
                "var(--dd-chart-text,#222)", "; fill-opacity: 1;", " ", "  ", "font-size: ", "13", "px;", " font-weight: ", "bold", "600",
                ";'", ";", "x", "<path d='M1,2'/>");
        Random r = new Random(11);
        for (int i = 0; i < 100_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int k = 0, n = r.nextInt(18); k < n; k++) sb.append(pieces.get(r.nextInt(pieces.size())));
            String s = sb.toString();
            assertThat(SvgPost.placedText(s)).as(s).isEqualTo(PLACED_TEXT.matcher(s).replaceAll("<text x='$1' y='$2' $3>$4</text>"));
            assertThat(SvgPost.textStyles(s)).as(s).isEqualTo(TEXT_STYLE.matcher(s).replaceAll(m -> "style='fill:" + m.group(1)
                    + ";font-size:" + m.group(2) + "px" + (m.group(4) == null ? "" : ";font-weight:" + m.group(4)) + "'"));
            assertThat(SvgPost.translations(s)).as(s).isEqualTo(TRANSLATE.matcher(s).replaceAll(m -> m.group(1).equals("0")
                    && m.group(2).equals("0") ? "" : "transform='translate(" + m.group(1) + "," + m.group(2) + ")'"));
        }
    }

    @Test
    void hexColoursAreWrittenAsFormatWroteThem() {
        Random r = new Random(5);
        for (int i = 0; i < 10_000; i++) {
            Color c = new Color(r.nextInt(0x1000000));
            assertThat(ChartRenderer.hex(c)).isEqualTo(String.format(java.util.Locale.ROOT, "#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue()));
        }
        assertThat(ChartRenderer.hex(new Color(0, 0x72, 0xb2))).isEqualTo("#0072b2");
    }
}
