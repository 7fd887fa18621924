package io.datadesk.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** The social card paints a chart as the page shows it: the chart's class styles, and labels that overhang its edge. */
class ChartPainterTest {

    private static BufferedImage paint(String svg, Rectangle2D box, Rectangle2D visible) {
        BufferedImage img = new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 300, 200);
        new ChartPainter(ChartPainter.pen((bold, size) -> new Font(Font.SANS_SERIF, Font.PLAIN, Math.round(size))))
                .paint(io.datadesk.chart.ChartPicture.of(svg), g, box, visible);
        g.dispose();
        return img;
    }

    @Test
    void classRulesOfTheChartsStyleSheetAreApplied() {
        String svg = "<svg xmlns='http://www.w3.org/2000/svg' id='c' viewBox='0 0 200 100'>"
                + "<style>#c .grid{fill:var(--dd-chart-grid,#dddddd);stroke:none}#c .s1{stroke:var(--dd-s1,#c47a00);stroke-width:4}"
                + ".part{fill:#0072b2;fill-opacity:0.5}</style>"
                + "<g class='grid'><rect x='0' y='10' width='200' height='4'/></g>"
                + "<path class='s1' d='M0,50L200,50' fill='none'/>"
                + "<rect class='part' x='0' y='80' width='50' height='10'/>"
                + "<rect fill='url(#hatch)' x='100' y='80' width='50' height='10'/></svg>";
        BufferedImage img = paint(svg, new Rectangle2D.Double(0, 0, 200, 100), new Rectangle2D.Double(0, 0, 200, 100));
        assertThat(img.getRGB(100, 12) & 0xffffff).as("grid in the grid colour, not black").isEqualTo(0xdddddd);
        assertThat(img.getRGB(100, 50) & 0xffffff).as("series stroke").isEqualTo(0xc47a00);
        assertThat(img.getRGB(20, 85) & 0xffffff).as("lighter (partial) bar").isNotEqualTo(0x0072b2).isNotEqualTo(0xffffff);
        assertThat(img.getRGB(120, 85) & 0xffffff).as("a pattern is not painted as black").isEqualTo(0xffffff);
    }

    @Test
    void aLabelThatOverhangsTheDrawingIsPaintedWhereThereIsRoom() {
        // The last year under an x axis is centred on the drawing's right edge, as on the page.
        String svg = "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 200 100'><style>.s0{fill:#000000;font-size:20px}</style>"
                + "<text x='200' y='90' class='s0' text-anchor='middle'>2026</text></svg>";
        Rectangle2D box = new Rectangle2D.Double(20, 20, 200, 100);
        BufferedImage clipped = paint(svg, box, box);
        BufferedImage whole = paint(svg, box, new Rectangle2D.Double(0, 0, 300, 200));
        int inkClipped = 0, inkWhole = 0;
        for (int x = 221; x < 260; x++)
            for (int y = 90; y < 115; y++) {
                if ((clipped.getRGB(x, y) & 0xff) < 128) inkClipped++;
                if ((whole.getRGB(x, y) & 0xff) < 128) inkWhole++;
            }
        assertThat(inkClipped).isZero();
        assertThat(inkWhole).as("the right half of '2026' past the drawing's edge").isPositive();
    }
}
