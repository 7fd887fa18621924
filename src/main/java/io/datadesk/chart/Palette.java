package io.datadesk.chart;

import java.util.ArrayList;
import java.util.List;

/**
 * The series colours of the light scheme, in order (the dark scheme's are in chart.css): Okabe–Ito, reordered so the
 * first colours are distinct for every kind of colour vision and on dark too. Kept apart from {@link ChartRenderer},
 * whose {@code java.awt.Color} constants start AWT's toolkit: the social-card cache's key reads the palette in every
 * build with a {@code base_url}, also when every card comes from the cache.
 */
public final class Palette {

    private Palette() {}

    private static final int[] RGB = {0x0072b2, 0xc47a00, 0x009e73, 0xd55e00, 0xcc79a7, 0x8a63d2, 0x9b8a00};

    /** The colours as 0xRRGGBB. */
    public static List<Integer> rgb() {
        List<Integer> out = new ArrayList<>(RGB.length);
        for (int c : RGB) out.add(c);
        return List.copyOf(out);
    }
}
