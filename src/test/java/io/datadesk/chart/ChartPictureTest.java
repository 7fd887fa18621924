package io.datadesk.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.datadesk.chart.ChartPicture.Group;
import io.datadesk.chart.ChartPicture.Label;
import io.datadesk.chart.ChartPicture.Mark;
import io.datadesk.chart.ChartPicture.Node;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/**
 * The chart stage's picture of a drawing, which social cards paint: styles resolved as the page's light scheme shows
 * them, the drawing's nesting, transforms and clips kept, and the markup read as jsoup's XML parser reads it.
 */
class ChartPictureTest {

    private static final String SVG = "<?xml version=\"1.0\"?><!-- a figure -->"
            + "<svg xmlns='http://www.w3.org/2000/svg' id='c' viewBox='0 0 200 100'><title>T &amp; t</title>"
            + "<style><![CDATA[ #c .grid{fill:var(--dd-chart-grid,#dddddd);stroke:none} .s1, .s2 {stroke:var(--dd-s1,#c47a00);stroke-width:4} ]]></style>"
            + "<style>.dim{fill-opacity:0.5}</style>"
            + "<defs><clipPath id='k'><rect x='1' y='2' width='3' height='4' transform='translate(5,6)'/></clipPath></defs>"
            + "<g class='grid' transform='translate(0,6)' clip-path='url(#k)'><rect x='0' y='10' width='200' height='4'/><text x='1' y='2'>  Q&amp;A\n  <tspan>&lt;1&gt;</tspan>&nbsp;万 </text></g>"
            + "<path class='s1 dim' d='M0,50l200,0' fill='none' stroke-linecap='round'/>"
            + "<rect class='dim' FILL='#0072b2' x='0' y='80' width='50' height='10'/>"
            + "<g fill='transparent'><path d='M0,0h1v1z'><title>tooltip</title></path></g>"
            + "<g display='none'><rect width='9' height='9' fill='#000'/></g>"
            + "<text x='200' y='90' style='font-size:20px;font-weight:700' text-anchor='end' fill='url(#hatch) #123456'>2026</text>"
            + "</svg>";

    @Test
    void stylesAreResolvedAndTheDrawingsNestingKept() {
        ChartPicture p = ChartPicture.of(SVG);
        assertThat(p.viewBox()).containsExactly(0, 0, 200, 100);
        List<Node> nodes = p.nodes();
        assertThat(nodes).hasSize(4).as("the tooltip's transparent shape and the hidden group paint nothing: left out");

        Group grid = (Group) nodes.get(0);
        assertThat(grid.transform()).containsExactly(1, 0, 0, 1, 0, 6);
        assertThat(grid.clip().parts()).singleElement().satisfies(part -> {
            assertThat(part.geometry()).isEqualTo(new ChartPicture.Rect(1, 2, 3, 4));
            assertThat(part.transform()).containsExactly(1, 0, 0, 1, 5, 6);
        });
        Mark gridLine = (Mark) grid.children().get(0);
        assertThat(gridLine.fill()).as("the CSS variable's fallback, from the class rule").isEqualTo(new Color(0xdddddd));
        assertThat(gridLine.stroke()).isNull();
        assertThat(gridLine.transform()).isNull();
        Label label = (Label) grid.children().get(1);
        assertThat(label.text()).as("entities decoded, white space collapsed as the page shows it").isEqualTo("Q&A <1> 万");
        assertThat(label.size()).isEqualTo(16f);

        Mark series = (Mark) nodes.get(1);
        assertThat(series.fill()).isNull();
        assertThat(series.stroke()).as("a rule for two classes; opacity for the fill only").isEqualTo(new Color(0xc47a00));
        assertThat(series.strokeWidth()).isEqualTo(4f);
        assertThat(series.cap()).isEqualTo(BasicStroke.CAP_ROUND);
        ChartPicture.Path path = (ChartPicture.Path) series.geometry();
        assertThat(path.ops()).containsExactly(ChartPicture.Path.MOVE, ChartPicture.Path.LINE);
        assertThat(path.coords()).containsExactly(0, 50, 200, 50);

        Mark bar = (Mark) nodes.get(2);
        assertThat(bar.fill()).as("presentation attributes are matched without regard to case, and take the class's opacity")
                .isEqualTo(new Color(0x00, 0x72, 0xb2, 128));

        Label year = (Label) nodes.get(3);
        assertThat(year.text()).isEqualTo("2026");
        assertThat(year.bold()).isTrue();
        assertThat(year.size()).isEqualTo(20f);
        assertThat(year.anchor()).isEqualTo("end");
        assertThat(year.fill()).as("a pattern's fallback colour").isEqualTo(new Color(0x123456));
    }

    @Test
    void aDrawingWithoutAUsableViewBoxHasNoPicture() {
        assertThat(ChartPicture.of("<svg viewBox='0 0 0 50'><rect width='1' height='1'/></svg>")).isNull();
        assertThat(ChartPicture.of("<svg><rect width='1' height='1'/></svg>")).isNull();
        assertThat(ChartPicture.of("<div>no drawing</div>")).isNull();
    }

    /** The chart stage's own drawings keep every label and series: a line chart as a page's first chart. */
    @Test
    void aChartStageDrawingKeepsItsLabelsAndSeries() {
        List<List<Object>> rows = new ArrayList<>();
        for (int m = 0; m < 24; m++) rows.add(List.of(java.time.LocalDate.of(2020 + m / 12, m % 12 + 1, 1), (long) (100 + 7 * m)));
        var result = new io.datadesk.data.QueryResult("monthly", List.of(new io.datadesk.data.Column("month", io.datadesk.data.ColumnType.DATE),
                new io.datadesk.data.Column("value", io.datadesk.data.ColumnType.INTEGER)), rows);
        ChartSpec spec = ChartSpec.parse(io.datadesk.yaml.YamlNode.parse("type: line\ndata: monthly\nx: month\ny: value\n", "t.md", 1));
        String svg = new ChartRenderer().render(spec, result, "chart-1", java.util.Locale.ENGLISH, null).svg();
        List<String> labels = new ArrayList<>();
        List<Color> strokes = new ArrayList<>();
        collect(ChartPicture.of(svg).nodes(), labels, strokes);
        assertThat(labels).contains("2020", "2021");
        assertThat(strokes).as("the first series in the palette's first colour").contains(ChartRenderer.palette().get(0));
    }

    private static void collect(List<Node> nodes, List<String> labels, List<Color> strokes) {
        for (Node n : nodes) {
            if (n instanceof Group g) collect(g.children(), labels, strokes);
            if (n instanceof Label l) labels.add(l.text());
            if (n instanceof Mark m && m.stroke() != null) strokes.add(m.stroke());
        }
    }

    /**
     * The hand-written number scanner finds what the regular expression it replaced ({@code PictureReader.NUMBER})
     * finds, on chart attributes and on random strings of the characters that matter (signs, points, exponents).
     */
    @Test
    void numbersAreThoseTheRegularExpressionFinds() {
        List<String> inputs = new ArrayList<>(List.of("M49.4,357.5H634.5V358.5H48.9V357.5Z", "matrix(1,0,0,1,-3.5e2,+.5)", "1.2.3",
                "-.5-.5", "5e", "5e+", "5E-3x", "1.e5", "+-3", ".", "-", "", "0 0 640 390", "rgb(12, 34,56)", "4 2.5", "1e99999"));
        Random random = new Random(17);
        String alphabet = "0123456789.-+eE, xM";
        for (int n = 0; n < 2000; n++) {
            StringBuilder sb = new StringBuilder();
            for (int k = random.nextInt(12); k > 0; k--) sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            inputs.add(sb.toString());
        }
        for (String s : inputs) {
            Matcher m = PictureReader.NUMBER.matcher(s);
            List<Double> expected = new ArrayList<>();
            while (m.find()) expected.add(Double.parseDouble(m.group()));
            assertThat(PictureReader.numbers(s)).as(s).containsExactly(expected.stream().mapToDouble(Double::doubleValue).toArray());
        }
        assertThat(PictureReader.numbers(null)).isEmpty();
    }

    /**
     * The scanner reads elements, attributes and text as jsoup's XML parser did when cards parsed the SVG with it:
     * names of elements as written, attributes matched without regard to case, entities decoded, text collapsed.
     */
    @Test
    void theMarkupIsReadAsJsoupsXmlParserReadsIt() {
        String messy = "<svg viewBox=\"0 0 10 10\" ><g a=1 b = 'x &lt; y' c=\"&quot;q&quot;\" d><TEXT x='1'>up</TEXT>"
                + "<text>a<q>b</q> &#x4e07;&#20154; &foo; \u00a0 c<![CDATA[ raw  data ]]></text><rect/><path></path></g>"
                + "<style>.a{fill:red}<!-- c --></style></svg> trailing";
        for (String svg : List.of(SVG, messy)) {
            PictureReader.El mine = PictureReader.Scanner.scan(svg).first("svg");
            org.jsoup.nodes.Element theirs = org.jsoup.Jsoup.parse(svg, "", org.jsoup.parser.Parser.xmlParser()).getElementsByTag("svg").first();
            same(mine, theirs);
        }
    }

    private static void same(PictureReader.El mine, org.jsoup.nodes.Element theirs) {
        assertThat(mine.tag).isEqualTo(theirs.tagName());
        for (org.jsoup.nodes.Attribute a : theirs.attributes()) {
            assertThat(mine.attr(a.getKey())).as(a.getKey()).isEqualTo(a.getValue());
            assertThat(mine.attr(a.getKey().toUpperCase(java.util.Locale.ROOT))).isEqualTo(theirs.attr(a.getKey().toUpperCase(java.util.Locale.ROOT)));
        }
        assertThat(mine.text()).as("text of " + theirs.tagName()).isEqualTo(theirs.text());
        assertThat(mine.data()).as("data of " + theirs.tagName()).isEqualTo(theirs.data());
        assertThat(mine.children()).hasSameSizeAs(theirs.children());
        for (int i = 0; i < theirs.children().size(); i++) same(mine.children().get(i), theirs.child(i));
    }
}
