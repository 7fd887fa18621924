package io.datadesk.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * How the labels under a bar chart's categories are laid out: every category keeps its label in full, wrapped onto
 * up to {@value #MAX_LINES} lines where Unicode line breaking allows (at spaces, after dashes: "2023 (May–" / "Dec)",
 * between Chinese characters) and, for a single word wider than its bar's slot, inside the word with a hyphen. Only
 * when even that does not fit are labels thinned, and then the last category (the latest, often a part period) is
 * always one of those named, and each named label gets the width of the slots it stands for. An ellipsis is the last
 * resort, for a label that fits nowhere.
 */
final class CategoryLabels {

    static final int MAX_LINES = 3;
    /** Free space kept between neighbouring labels, px. */
    static final double GAP = 6;

    /** One label in every {@code every}, counted back from the last, each on at most {@code lines} lines. */
    record Plan(int every, int lines) {

        boolean shows(int i, int n) {
            return (n - 1 - i) % every == 0;
        }
    }

    private CategoryLabels() {}

    /** The plan for labels whose bars are {@code slot} px apart. */
    static Plan plan(List<String> labels, double slot, int maxLines, ToDoubleFunction<String> width) {
        if (labels.isEmpty()) return new Plan(1, 1);
        for (int every = 1; every <= labels.size(); every++) {
            double room = every * slot - GAP;
            int lines = 1;
            boolean fits = true;
            for (int i = labels.size() - 1; i >= 0 && fits; i -= every) {
                List<String> l = lines(labels.get(i), room, maxLines, width, every == 1);
                if (l == null) fits = false;
                else lines = Math.max(lines, l.size());
            }
            if (fits) return new Plan(every, lines);
        }
        // Nothing fits even alone: name the last category only, shortened.
        return new Plan(labels.size(), maxLines);
    }

    /**
     * The lines of one label, at most {@code max} px wide and {@code maxLines} long, or null when it does not fit
     * without cutting letters off. {@code hyphenate} allows breaking a word too wide on its own.
     */
    static List<String> lines(String label, double max, int maxLines, ToDoubleFunction<String> width, boolean hyphenate) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (String piece : pieces(label)) {
            String tryLine = cur + piece;
            if (width.applyAsDouble(tryLine.strip()) <= max) {
                cur.append(piece);
                continue;
            }
            if (cur.length() > 0 && !cur.toString().isBlank()) out.add(cur.toString().strip());
            cur = new StringBuilder(piece.stripLeading());
            while (width.applyAsDouble(cur.toString().strip()) > max) {
                if (!hyphenate) return null;
                String word = cur.toString().strip();
                int cut = word.length() - 2;
                while (cut >= 3 && width.applyAsDouble(word.substring(0, cut) + "-") > max) cut--;
                // At least three letters before the hyphen and two after, and never inside a number.
                if (cut < 3 || !Character.isLetter(word.charAt(cut - 1)) || !Character.isLetter(word.charAt(cut))
                        || ChartRenderer.isFullWidth(word.charAt(cut))) return null;
                out.add(word.substring(0, cut) + "-");
                cur = new StringBuilder(word.substring(cut));
            }
        }
        if (!cur.toString().isBlank()) out.add(cur.toString().strip());
        return out.size() <= maxLines ? out : null;
    }

    /**
     * A label cut where a line may end, by the JDK's line BreakIterator (Unicode line breaking): after a space, after
     * a dash ("(May–" / "Dec)"), and between Chinese or Japanese characters, never before closing punctuation.
     */
    static List<String> pieces(String label) {
        java.text.BreakIterator it = java.text.BreakIterator.getLineInstance(java.util.Locale.ROOT);
        it.setText(label);
        List<String> out = new ArrayList<>();
        for (int start = it.first(), end = it.next(); end != java.text.BreakIterator.DONE; start = end, end = it.next()) {
            String piece = label.substring(start, end);
            // A number keeps the Chinese unit after it ("2024年" / "11月", never "2024年11" / "月"), which Unicode
            // line breaking allows to part.
            int last = out.size() - 1;
            if (last >= 0 && Character.isDigit(out.get(last).charAt(out.get(last).length() - 1)) && ChartRenderer.isFullWidth(piece.charAt(0)))
                out.set(last, out.get(last) + piece);
            else out.add(piece);
        }
        return out;
    }
}
