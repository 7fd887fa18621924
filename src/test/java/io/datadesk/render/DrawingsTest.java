package io.datadesk.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.junit.jupiter.api.Test;

/** {@link Drawings#writtenPlain} against what jsoup writes for the same drawing. */
class DrawingsTest {

    /** What {@code Drawings} asks jsoup for: the drawing parsed alone in a body and written out; null when not one svg. */
    private static String jsoupWritten(String svg) {
        List<Node> nodes = ReaderHtml.parse(svg).body().childNodes();
        return nodes.size() == 1 && nodes.get(0) instanceof Element e && e.normalName().equals("svg") ? e.outerHtml() : null;
    }

    private static List<String> goldenDrawings() throws IOException {
        List<String> out = new ArrayList<>();
        Pattern svg = Pattern.compile("<svg.*?</svg>", Pattern.DOTALL);
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/golden/charts"))) {
            for (Path f : files.sorted().toList()) {
                Matcher m = svg.matcher(Files.readString(f));
                while (m.find()) out.add(m.group());
            }
        }
        return out;
    }

    @Test
    void theChartStagesDrawingsTakeThePlainWayAndComeOutAsJsoupWritesThem() throws IOException {
        List<String> drawings = goldenDrawings();
        assertThat(drawings.size()).isGreaterThanOrEqualTo(15);
        for (String svg : drawings) {
            String plain = Drawings.writtenPlain(svg);
            assertThat(plain).as(svg.substring(0, 60)).isNotNull(); // else the chart stage's drawings would all go through jsoup again
            assertThat(plain).isEqualTo(jsoupWritten(svg));
        }
    }

    @Test
    void handWrittenCasesAreEitherLeftToJsoupOrWrittenAsJsoupWritesThem() {
        String[] cases = {
                "<svg id='a'><path d='M0,0Z'/></svg>",
                "<svg id=\"a\" viewBox=\"0 0 1 1\"><g style='fill:red'><path/></g><text x='1'>It's \"so\"</text></svg>",
                "<svg><title>Jobs: 1,000 (est.)</title><desc>Préavis 裁员</desc></svg>",
                "<svg><text>a &amp; b</text></svg>",
                "<svg><text>a > b</text></svg>",
                "<svg><style>a>b{}</style></svg>",
                "<svg><p>breaks out</p></svg>",
                "<svg><b>bold</b></svg>",
                "<svg><g></svg>",
                "<svg><g></g></svg>tail",
                "<svg></svg><svg></svg>",
                "<svg id='a' id='b'></svg>",
                "<svg id='a' ID='b'></svg>",
                "<svg hidden></svg>",
                "<svg id=a></svg>",
                "<svg  id='a'></svg>",
                "<svg id='a' ></svg>",
                "<svg id='a\u00a0b'></svg>",
                "<svg id='a\nb'></svg>",
                "<svg><text>\u0085</text></svg>",
                "<svg/>",
                "<svg><path d='M0'/ ></svg>",
                "<svg><clipPath id='c'><rect x='0'/></clipPath></svg>",
                "<svg><foreignObject><div>x</div></foreignObject></svg>",
                "<svg><text x='\"'>q</text></svg>",
                "<svg><text x=\"'\">q</text></svg>",
                "<svg><desc><g/></desc></svg>",
                "<svg><title><b>x</b></title></svg>",
                "<svg><style><g/></style></svg>",
        };
        int plain = 0;
        for (String svg : cases) {
            String fast = Drawings.writtenPlain(svg);
            if (fast != null) {
                plain++;
                assertThat(fast).as(svg).isEqualTo(jsoupWritten(svg));
            }
        }
        assertThat(plain).isGreaterThanOrEqualTo(4);
    }

    /** Random markup built from the pieces that matter; whatever the plain way writes must be jsoup's form. */
    @Test
    void randomMarkupIsEitherLeftToJsoupOrWrittenAsJsoupWritesIt() {
        // More with -Ddrawings.fuzz=40000 -Ddrawings.seed=N.
        Random random = new Random(Long.getLong("drawings.seed", 17));
        String[] names = {"svg", "g", "path", "text", "tspan", "title", "desc", "style", "defs", "clipPath", "line", "rect",
                "p", "b", "br", "div", "font", "table", "foreignObject", "Path", "G", "image", "a", "script", "math"};
        String[] attrs = {"id", "d", "x", "y", "class", "style", "viewBox", "clip-path", "transform", "ID", "xlink:href", "data-x", "x_y"};
        String[] texts = {"", "1,000", "a b", "It's", "\"q\"", "&amp;", "&", "<", ">", "\u00a0", "é", "裁员", "\t", "\n", "\r\n",
                "\u0000", "😀", "{fill:red}", "a>b", "&#39;", "&lt;", " ", "  x  ", "\u0085", "\u007f"};
        int plain = 0;
        int rounds = Integer.getInteger("drawings.fuzz", 4000);
        for (int round = 0; round < rounds; round++) {
            StringBuilder sb = new StringBuilder("<svg");
            appendAttributes(sb, random, attrs, texts);
            sb.append('>');
            appendChildren(sb, random, names, attrs, texts, 0);
            sb.append(random.nextInt(40) == 0 ? "" : "</svg>");
            if (random.nextInt(40) == 0) sb.append(texts[random.nextInt(texts.length)]);
            String svg = sb.toString();
            String fast = Drawings.writtenPlain(svg);
            if (fast != null) {
                plain++;
                assertThat(fast).as(svg).isEqualTo(jsoupWritten(svg));
            }
        }
        assertThat(plain).as("random drawings written the plain way").isGreaterThan(rounds / 10);
    }

    private static void appendChildren(StringBuilder sb, Random random, String[] names, String[] attrs, String[] texts, int depth) {
        int children = depth > 3 ? 0 : random.nextInt(4);
        for (int c = 0; c < children; c++) {
            if (random.nextInt(3) == 0) {
                sb.append(random.nextInt(4) == 0 ? texts[random.nextInt(texts.length)] : "label " + c);
                continue;
            }
            // mostly plain elements, so that many drawings take the plain way
            String name = random.nextInt(6) == 0 ? names[random.nextInt(names.length)] : names[1 + random.nextInt(10)];
            sb.append('<').append(name);
            appendAttributes(sb, random, attrs, texts);
            if (random.nextInt(3) == 0) {
                sb.append(random.nextInt(20) == 0 ? " />" : "/>");
            } else {
                sb.append('>');
                appendChildren(sb, random, names, attrs, texts, depth + 1);
                sb.append(random.nextInt(30) == 0 ? "" : "</" + name + ">");
            }
        }
    }

    private static void appendAttributes(StringBuilder sb, Random random, String[] attrs, String[] texts) {
        int count = random.nextInt(4);
        for (int a = 0; a < count; a++) {
            sb.append(random.nextInt(30) == 0 ? "  " : " ").append(attrs[random.nextInt(attrs.length)]);
            char quote = random.nextBoolean() ? '\'' : '"';
            String value = random.nextInt(3) == 0 ? texts[random.nextInt(texts.length)] : "v" + a + " w";
            if (random.nextInt(30) == 0) sb.append('=').append("bare");
            else if (random.nextInt(30) != 0) sb.append('=').append(quote).append(value).append(quote);
        }
    }
}
