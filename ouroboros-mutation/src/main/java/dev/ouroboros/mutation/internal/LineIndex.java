package dev.ouroboros.mutation.internal;

import java.util.Arrays;

/**
 * The offsets of the line starts of one text, so that "which line holds offset n" costs a binary
 * search instead of a scan: the mutator diffs many candidates of one large file.
 */
public final class LineIndex {

    private final int[] newlines;

    private LineIndex(int[] newlines) {
        this.newlines = newlines;
    }

    /** Indexes the {@code '\n'} characters of {@code text}. */
    public static LineIndex of(String text) {
        int[] found = new int[64];
        int count = 0;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            if (count == found.length) {
                found = Arrays.copyOf(found, count * 2);
            }
            found[count++] = i;
        }
        return new LineIndex(Arrays.copyOf(found, count));
    }

    /** Returns how many {@code '\n'} lie before {@code offset}: the 0-based line number of that offset. */
    public int lineOf(int offset) {
        int at = Arrays.binarySearch(newlines, offset);
        return at >= 0 ? at : -at - 1;
    }

    /** Returns the offset where 0-based line {@code line} starts; -1 when the text has no such line. */
    public int lineStart(int line) {
        if (line == 0) {
            return 0;
        }
        return line < 0 || line > newlines.length ? -1 : newlines[line - 1] + 1;
    }

    /** Counts the {@code '\n'} before {@code end} in {@code text} without an index. */
    public static int newlinesBefore(String text, int end) {
        int count = 0;
        for (int i = text.indexOf('\n'); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) {
            count++;
        }
        return count;
    }
}
