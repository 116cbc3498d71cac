package dev.ouroboros.mutation;

import dev.ouroboros.mutation.internal.LineDiff;
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
        List<String> a = LineDiff.lines(oldText);
        List<String> b = LineDiff.lines(newText);
        List<Op> ops = LineDiff.diff(a, b);
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
