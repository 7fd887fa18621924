package io.datadesk.read;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where a page's Markdown can be cut into parts that Flexmark parses and renders on their own exactly as it does the
 * whole page, so that {@code serve} parses and renders again only the part an edit touched ({@link Markdown#parse(String,
 * Markdown.MarkdownPage)}).
 *
 * <p>A part starts at a line that starts in column 1 with neither a space nor a list marker, right after a blank
 * line, outside a fenced code block: there every block CommonMark knows has ended (a paragraph at a blank line, a
 * block quote and a list item at a line that does not continue them, a fence at its closing fence), and no block
 * but a list can go on past it. Pages are parsed as a whole when they hold what is page-wide or may run over a blank
 * line: link reference definitions and footnotes (anything with {@code ]:} or {@code [^}), HTML blocks (a line
 * starting with {@code <}), fences indented in a way a line scan cannot follow, and carriage returns (the line
 * counts are kept in one form). Heading ids, which Flexmark makes unique across the page, are checked after parsing
 * ({@link #idsAsOnePage}). Anything not recognised here makes the page one part: slower, never different.
 */
final class Blocks {

    private Blocks() {}

    private static final Pattern LIST_MARKER = Pattern.compile("(?:[-+*]|\\d{1,9}[.)])(?:[ \\t].*)?");

    /** The page's parts, in order, which together are the text; null when the page is to be parsed whole. */
    static List<String> split(String text) {
        if (text.indexOf('\r') >= 0) return null;
        List<String> parts = new ArrayList<>();
        int partStart = 0;
        char fence = 0; // the fence character of the open fenced code block at the top level, or 0
        int fenceLength = 0;
        boolean blankBefore = false;
        for (int at = 0; at < text.length(); ) {
            int end = text.indexOf('\n', at);
            int next = end < 0 ? text.length() : end + 1;
            String line = text.substring(at, end < 0 ? text.length() : end);
            int indent = 0;
            while (indent < line.length() && line.charAt(indent) == ' ') indent++;
            String rest = line.substring(indent);
            if (fence != 0) {
                if (indent < 4 && isFence(rest, fence) && run(rest, fence) >= fenceLength && onlySpaces(rest.substring(run(rest, fence)))) fence = 0;
                at = next;
                blankBefore = false;
                continue;
            }
            boolean blank = line.isBlank();
            if (!blank) {
                if (line.contains("]:") || line.contains("[^")) return null;
                if (indent < 4 && rest.startsWith("<")) return null;
                if (indent < 4 && (isFence(rest, '`') || isFence(rest, '~'))) {
                    if (indent > 0 || line.charAt(0) == '\t') return null; // may belong to a list item: not followed here
                    char c = rest.charAt(0);
                    if (c == '`' && rest.indexOf('`', run(rest, c)) >= 0) return null; // not a fence: a code span
                    if (blankBefore && at > partStart) {
                        parts.add(text.substring(partStart, at));
                        partStart = at;
                    }
                    fence = c;
                    fenceLength = run(rest, c);
                    at = next;
                    blankBefore = false;
                    continue;
                }
                if (blankBefore && at > partStart && indent == 0 && !Character.isWhitespace(line.charAt(0))
                        && !LIST_MARKER.matcher(line).matches()) {
                    parts.add(text.substring(partStart, at));
                    partStart = at;
                }
            }
            blankBefore = blank;
            at = next;
        }
        parts.add(text.substring(partStart));
        return parts;
    }

    private static boolean isFence(String rest, char c) {
        return rest.length() >= 3 && rest.charAt(0) == c && rest.charAt(1) == c && rest.charAt(2) == c;
    }

    /** Spaces and tabs only: what may follow a closing fence. */
    private static boolean onlySpaces(String s) {
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) != ' ' && s.charAt(i) != '\t') return false;
        return true;
    }

    private static int run(String s, char c) {
        int n = 0;
        while (n < s.length() && s.charAt(n) == c) n++;
        return n;
    }

    private static final Pattern NUMBERED = Pattern.compile("(.*)-\\d+");

    /**
     * Whether the parts' heading ids are the ids Flexmark gives the whole page: it makes a repeated id unique with a
     * number ({@code results}, {@code results-1}), which parts parsed on their own cannot know of. They are when no id
     * repeats and none is another's numbered form.
     */
    static boolean idsAsOnePage(List<Markdown.Chunk> chunks) {
        Set<String> ids = new HashSet<>();
        for (Markdown.Chunk c : chunks) for (String id : c.headingIds) if (!ids.add(id)) return false;
        for (String id : ids) {
            var m = NUMBERED.matcher(id);
            if (m.matches() && ids.contains(m.group(1))) return false;
        }
        return true;
    }
}
