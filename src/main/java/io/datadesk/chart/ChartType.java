package io.datadesk.chart;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The kinds of chart a {@code chart} block can ask for, by the name authors write. */
public enum ChartType {
    LINE("line"), AREA("area"), STACKED_AREA("stacked-area"), BAR("bar"), STACKED_BAR("stacked-bar"),
    SCATTER("scatter"), PIE("pie"), DONUT("donut"), HBAR("hbar");

    private final String key;

    ChartType(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Optional<ChartType> of(String key) {
        return Arrays.stream(values()).filter(t -> t.key.equals(key)).findFirst();
    }

    public static List<String> keys() {
        return Arrays.stream(values()).map(ChartType::key).toList();
    }

    boolean isPart() {
        return this == PIE || this == DONUT;
    }

    boolean isXY() {
        return this == LINE || this == AREA || this == STACKED_AREA || this == SCATTER;
    }

    boolean isCategory() {
        return this == BAR || this == STACKED_BAR;
    }

    boolean isStacked() {
        return this == STACKED_AREA || this == STACKED_BAR;
    }
}
