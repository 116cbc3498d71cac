package dev.ouroboros.mutation.strategy;

import java.util.Objects;

/**
 * The smallest single replacement that turns one text into another: characters {@code [start, end)}
 * of the original give way to {@code replacement}.
 *
 * <p>In repetitive text the smallest replacement is not unique: deleting the first of two equal
 * statements can also be read as deleting the second. {@code [lowest, highest)} covers every place
 * the change could be read at (its placement when the common prefix is trimmed first and when the
 * common suffix is), and two changes may be combined only when these footprints are apart;
 * otherwise their combination has no single meaning.
 *
 * @param start       first changed character of the original (0-based)
 * @param end         end (exclusive) of the changed characters of the original, at least {@code start}
 * @param replacement the text that takes their place, never null
 * @param lowest      first original character any reading of the change touches, at most {@code start}
 * @param highest     end (exclusive) of the original characters any reading touches, at least {@code end}
 */
record TextChange(int start, int end, String replacement, int lowest, int highest) {

    TextChange {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("a change must satisfy 0 <= start <= end, was " + start + ".." + end);
        }
        Objects.requireNonNull(replacement, "replacement must not be null");
        if (lowest < 0 || lowest > start || highest < end) {
            throw new IllegalArgumentException("a footprint must satisfy 0 <= lowest <= start and end <= highest, was "
                    + lowest + ".." + highest + " for " + start + ".." + end);
        }
    }

    /** Returns the change from {@code original} to {@code mutated}: their common prefix, then suffix, trimmed. */
    static TextChange between(String original, String mutated) {
        int max = Math.min(original.length(), mutated.length());
        int prefix = commonPrefix(original, mutated, max);
        int suffix = commonSuffix(original, mutated, max - prefix);
        // The same change read from the other end: suffix first, then prefix.
        int suffixFirst = commonSuffix(original, mutated, max);
        int prefixAfter = commonPrefix(original, mutated, max - suffixFirst);
        int end = original.length() - suffix;
        return new TextChange(prefix, end, mutated.substring(prefix, mutated.length() - suffix),
                Math.min(prefix, prefixAfter), Math.max(end, original.length() - suffixFirst));
    }

    private static int commonPrefix(String a, String b, int limit) {
        int n = 0;
        while (n < limit && a.charAt(n) == b.charAt(n)) {
            n++;
        }
        return n;
    }

    private static int commonSuffix(String a, String b, int limit) {
        int n = 0;
        while (n < limit && a.charAt(a.length() - 1 - n) == b.charAt(b.length() - 1 - n)) {
            n++;
        }
        return n;
    }

    /** Returns true when every reading of the two changes leaves at least one original character between them. */
    boolean apartFrom(TextChange other) {
        return highest < other.lowest || other.highest < lowest;
    }

    /** Returns the 1-based line of the original on which the change begins. */
    int firstLine(String original) {
        return lineAt(original, start);
    }

    /** Returns the 1-based line of the original on which the change ends (its begin line for a pure insertion). */
    int lastLine(String original) {
        return lineAt(original, Math.max(start, end - 1));
    }

    private static int lineAt(String text, int offset) {
        int line = 1;
        for (int i = 0; i < Math.min(offset, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
