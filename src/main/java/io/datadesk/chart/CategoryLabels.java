package io.datadesk.chart;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.function.ToDoubleFunction;

/**
 * How the labels under a bar chart's categories are laid out. Every category keeps its label, in this order of
 * preference:
 * <ol>
 * <li>in full, wrapped onto up to {@value #MAX_LINES} lines where Unicode line breaking allows (at spaces, after
 * dashes: "2023 (May–" / "Dec)", between Chinese characters); a word wider than its bar's slot, such as a year under a
 * narrow bar, may reach into its neighbours' free space, and a long word may be hyphenated;</li>
 * <li>with years abbreviated as English-language newsrooms do on narrow charts ("2020 ’21 ’22"): the first label,
 * and any whose century differs from the one before, keep the full year;</li>
 * <li>only when neither fits, thinned: one label in every few, counted back from the last (the latest category, often
 * a part period, is always named), each given the width of the slots it stands for. The phone drawing never shows a
 * thinned axis (ChartRenderer draws its bars as an hbar instead); the desktop drawing of a long monthly series may.</li>
 * </ol>
 * An ellipsis is the last resort, for a label that fits nowhere.
 */
final class CategoryLabels {

    static final int MAX_LINES = 3;
    /** Free space kept between neighbouring labels, px. */
    static final double GAP = 6;

    /**
     * One label in every {@code every}, counted back from the last; {@code labels} holds the lines of each, empty for
     * a category not named, null for one named but fitting nowhere (the caller shortens it).
     */
    record Plan(int every, List<List<String>> labels) {

        boolean shows(int i, int n) {
            return (n - 1 - i) % every == 0;
        }

        /** Whether every category is named. */
        boolean namesAll() {
            return every == 1;
        }

        /** The most lines any label takes. */
        int height() {
            int h = 1;
            for (List<String> l : labels) if (l != null) h = Math.max(h, l.size());
            return h;
        }
    }

    private CategoryLabels() {}

    /**
     * The plan for labels whose bars are {@code slot} px apart; {@code left} and {@code right} are the px from the
     * first and the last bar's centre to the drawing's edges, into which those labels may reach. Years are
     * abbreviated only in languages whose newsrooms do so.
     */
    static Plan plan(List<String> labels, double slot, int maxLines, ToDoubleFunction<String> width, double left, double right,
                     Locale locale) {
        if (labels.isEmpty()) return new Plan(1, List.of());
        List<List<String>> all = everyOne(labels, slot, maxLines, width, left, right);
        if (all != null) return new Plan(1, all);
        // "’21" is an English-language newsroom habit; Chinese, Japanese and Korean charts write years in full.
        boolean cjk = List.of("zh", "ja", "ko").contains(locale.getLanguage());
        List<String> shortened = cjk ? labels : abbreviated(labels);
        if (!shortened.equals(labels)) {
            all = everyOne(shortened, slot, maxLines, width, left, right);
            if (all != null) return new Plan(1, all);
        }
        int n = labels.size();
        for (int every = 2; every <= n; every++) {
            double room = every * slot - GAP;
            List<List<String>> out = new ArrayList<>(Collections.nCopies(n, List.of()));
            boolean fits = true;
            for (int i = n - 1; i >= 0 && fits; i -= every) {
                List<String> l = lines(labels.get(i), room, maxLines, width, false);
                if (l == null) fits = false;
                else out.set(i, l);
            }
            if (fits) return new Plan(every, out);
        }
        // Nothing fits even alone: name the last category only, shortened by the caller.
        List<List<String>> last = new ArrayList<>(Collections.nCopies(n, List.of()));
        last.set(n - 1, null);
        return new Plan(n, last);
    }

    /** Every label's lines when all of them fit side by side, else null. */
    private static List<List<String>> everyOne(List<String> labels, double slot, int maxLines, ToDoubleFunction<String> width,
                                               double left, double right) {
        int n = labels.size();
        double room = slot - GAP;
        List<List<String>> out = new ArrayList<>(n);
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            String label = labels.get(i);
            List<String> l = lines(label, room, maxLines, width, false);
            if (l == null) {
                // A word wider than its slot (a year under a narrow bar) may reach into the free space its neighbours
                // leave, checked below; failing that, a long word is hyphenated in its own slot.
                l = lines(label, Math.max(room, widestPiece(label, width)), maxLines, width, false);
                if (l != null && !clear(l, i, w, slot, width)) l = lines(label, room, maxLines, width, true);
            }
            if (l == null) return null;
            out.add(l);
            w[i] = widest(l, width);
        }
        for (int i = 1; i < n; i++) if ((w[i - 1] + w[i]) / 2 + GAP > slot) return null;
        if (w[0] / 2 > left || w[n - 1] / 2 > right) return null;
        return out;
    }

    /** Whether lines {@code l} of label {@code i} keep clear of the label before it. */
    private static boolean clear(List<String> l, int i, double[] w, double slot, ToDoubleFunction<String> width) {
        return i == 0 || (w[i - 1] + widest(l, width)) / 2 + GAP <= slot;
    }

    private static double widest(List<String> lines, ToDoubleFunction<String> width) {
        double m = 0;
        for (String s : lines) m = Math.max(m, width.applyAsDouble(s));
        return m;
    }

    private static double widestPiece(String label, ToDoubleFunction<String> width) {
        double m = 0;
        for (String p : pieces(label)) m = Math.max(m, width.applyAsDouble(p.strip()));
        return m;
    }

    /** A four-digit year of the 20th or 21st century, not part of a longer number and not followed by a CJK unit. */
    private static final Pattern YEAR = Pattern.compile("(?<![\\d’'])(19|20)(\\d\\d)(?![\\d\\p{IsHan}])");

    /**
     * The labels with years abbreviated ("2021" as "’21", "May 2023" as "May ’23"), as the FT and The Economist do on
     * narrow charts. The first label keeps the full year, and so does any whose century differs from the one before
     * ("1999, 2000"), so no year is ambiguous. Unchanged when abbreviating would make two labels read alike.
     */
    static List<String> abbreviated(List<String> labels) {
        List<String> out = new ArrayList<>(labels.size());
        String century = null;
        for (int i = 0; i < labels.size(); i++) {
            String label = labels.get(i);
            Matcher m = YEAR.matcher(label);
            if (!m.find()) {
                out.add(label);
                continue;
            }
            boolean keep = i == 0 || !m.group(1).equals(century);
            century = m.group(1);
            out.add(keep ? label : m.replaceAll("’$2"));
        }
        return new HashSet<>(out).size() == new HashSet<>(labels).size() ? out : labels;
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
        BreakIterator it = BreakIterator.getLineInstance(Locale.ROOT);
        it.setText(label);
        List<String> out = new ArrayList<>();
        for (int start = it.first(), end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
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
