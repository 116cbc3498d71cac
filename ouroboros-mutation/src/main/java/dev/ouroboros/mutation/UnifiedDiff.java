package dev.ouroboros.mutation;

import dev.ouroboros.mutation.internal.LineDiff;
import dev.ouroboros.mutation.internal.LineIndex;
import dev.ouroboros.mutation.internal.LineDiff.Op;
import java.util.List;
import java.util.Objects;

/**
 * Writes the minimal unified diff between two texts, the form a reviewer reads and
 * {@code git apply} or {@code patch -p1} accepts.
 *
 * <p>Lines are split after {@code '\n'} and compared with their terminators, so a change of line
 * ending is a change; a last line without a terminator is marked {@code \ No newline at end of file}.
 * The line matching is a shortest edit script (Myers), so the diff of a local rewrite shows only
 * the changed lines and their context.
 */
public final class UnifiedDiff {

    private UnifiedDiff() {
    }

    /**
     * Returns the unified diff that turns {@code oldText} into {@code newText}.
     *
     * @param oldName      the name after {@code ---}, for example {@code a/com/acme/Report.java}
     * @param newName      the name after {@code +++}, for example {@code b/com/acme/Report.java}
     * @param contextLines unchanged lines shown around each change, usually 3; not negative
     * @return the diff, or the empty string when the texts are equal; never null
     */
    public static String between(String oldText, String newText, String oldName, String newName, int contextLines) {
        Objects.requireNonNull(oldText, "oldText must not be null");
        Objects.requireNonNull(newText, "newText must not be null");
        Objects.requireNonNull(oldName, "oldName must not be null");
        Objects.requireNonNull(newName, "newName must not be null");
        if (contextLines < 0) {
            throw new IllegalArgumentException("contextLines must not be negative, was " + contextLines);
        }
        if (oldText.equals(newText)) {
            return "";
        }
        return window(oldText, newText, oldName, newName, contextLines, 0, 0, null);
    }

    /**
     * The same diff when the caller knows where the change lies: the texts are equal before
     * {@code equalPrefix} and after {@code oldText.length() - equalSuffix} (in the new text, after
     * {@code newText.length() - equalSuffix}), and {@code lines} indexes the line starts of
     * {@code oldText}. Costs time in the size of the change, not of the texts.
     */
    static String between(String oldText, String newText, String oldName, String newName, int contextLines,
            int equalPrefix, int equalSuffix, LineIndex lines) {
        return window(oldText, newText, oldName, newName, contextLines, equalPrefix, equalSuffix, lines);
    }

    private static String window(String oldText, String newText, String oldName, String newName, int contextLines,
            int equalPrefix, int equalSuffix, LineIndex lines) {
        // Only the changed middle and its context are split into lines: a one-line edit of a
        // 10,000-line file must not cost two full splits. Lines outside the window are equal in both
        // texts and farther than the context from any change, so no hunk would show them anyway.
        int prefix = equalPrefix;
        int limit = Math.min(oldText.length(), newText.length());
        while (prefix < limit && oldText.charAt(prefix) == newText.charAt(prefix)) {
            prefix++;
        }
        int suffix = Math.min(equalSuffix, limit - prefix);
        while (suffix < limit - prefix
                && oldText.charAt(oldText.length() - 1 - suffix) == newText.charAt(newText.length() - 1 - suffix)) {
            suffix++;
        }
        int from = oldText.lastIndexOf('\n', prefix - 1) + 1;
        for (int n = 0; n < contextLines && from > 0; n++) {
            from = oldText.lastIndexOf('\n', from - 2) + 1;
        }
        int skipped = lines != null ? lines.lineOf(from) : LineIndex.newlinesBefore(oldText, from);
        int oldEnd = windowEnd(oldText, oldText.length() - suffix, contextLines);
        int newEnd = newText.length() - (oldText.length() - oldEnd);
        List<String> a = LineDiff.lines(oldText.substring(from, oldEnd));
        List<String> b = LineDiff.lines(newText.substring(from, newEnd));
        return render(new Shifted(a, skipped), new Shifted(b, skipped), offset(LineDiff.diff(a, b), skipped),
                oldName, newName, contextLines);
    }

    /** The same diff computed over every line of both texts: the reference the windowed one must equal. */
    static String betweenWholeTexts(String oldText, String newText, String oldName, String newName, int contextLines) {
        if (oldText.equals(newText)) {
            return "";
        }
        List<String> a = LineDiff.lines(oldText);
        List<String> b = LineDiff.lines(newText);
        return render(a, b, LineDiff.diff(a, b), oldName, newName, contextLines);
    }

    private static String render(List<String> a, List<String> b, List<Op> ops, String oldName, String newName,
            int contextLines) {
        StringBuilder out = new StringBuilder();
        out.append("--- ").append(oldName).append('\n');
        out.append("+++ ").append(newName).append('\n');
        int i = 0;
        while (i < ops.size()) {
            if (ops.get(i).type() == LineDiff.Type.EQUAL) {
                i++;
                continue;
            }
            // ops[i] starts a hunk; extend it while the next change is within 2 * context equal lines.
            int lastChange = i;
            int j = i + 1;
            int equalRun = 0;
            while (j < ops.size()) {
                if (ops.get(j).type() == LineDiff.Type.EQUAL) {
                    equalRun++;
                    if (equalRun > 2 * contextLines) {
                        break;
                    }
                } else {
                    lastChange = j;
                    equalRun = 0;
                }
                j++;
            }
            int from = Math.max(0, i - contextLines);
            int to = Math.min(ops.size(), lastChange + 1 + contextLines);
            writeHunk(out, ops.subList(from, to), a, b);
            i = to;
        }
        return out.toString();
    }

    /**
     * Returns the end of the window: past the line holding {@code suffixStart} (a position in the
     * common suffix, so the same line ends both texts' windows) and {@code contextLines} more.
     */
    private static int windowEnd(String text, int suffixStart, int contextLines) {
        int end = suffixStart;
        for (int n = 0; n <= contextLines && end < text.length(); n++) {
            int newline = text.indexOf('\n', end);
            end = newline < 0 ? text.length() : newline + 1;
        }
        return end;
    }

    private static List<Op> offset(List<Op> ops, int lines) {
        return lines == 0 ? ops : ops.stream().map(op -> new Op(op.type(), op.oldIndex() + lines, op.newIndex() + lines)).toList();
    }

    /** A window of lines addressed by their line numbers in the whole text. */
    private static final class Shifted extends java.util.AbstractList<String> {

        private final List<String> lines;
        private final int first;

        Shifted(List<String> lines, int first) {
            this.lines = lines;
            this.first = first;
        }

        @Override
        public String get(int index) {
            return lines.get(index - first);
        }

        @Override
        public int size() {
            return first + lines.size();
        }
    }

    private static void writeHunk(StringBuilder out, List<Op> hunk, List<String> a, List<String> b) {
        int oldCount = 0;
        int newCount = 0;
        for (Op op : hunk) {
            if (op.type() != LineDiff.Type.INSERT) {
                oldCount++;
            }
            if (op.type() != LineDiff.Type.DELETE) {
                newCount++;
            }
        }
        Op first = hunk.get(0);
        // An empty range names the line before it, as diff(1) does.
        int oldStart = oldCount == 0 ? first.oldIndex() : first.oldIndex() + 1;
        int newStart = newCount == 0 ? first.newIndex() : first.newIndex() + 1;
        out.append("@@ -").append(oldStart).append(',').append(oldCount)
                .append(" +").append(newStart).append(',').append(newCount).append(" @@\n");
        for (Op op : hunk) {
            switch (op.type()) {
                case EQUAL -> line(out, ' ', a.get(op.oldIndex()));
                case DELETE -> line(out, '-', a.get(op.oldIndex()));
                case INSERT -> line(out, '+', b.get(op.newIndex()));
                default -> throw new IllegalStateException("unknown diff op " + op);
            }
        }
    }

    private static void line(StringBuilder out, char prefix, String line) {
        out.append(prefix).append(line);
        if (!line.endsWith("\n")) {
            out.append("\n\\ No newline at end of file\n");
        }
    }
}
