package dev.ouroboros.mutation.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Line-level shortest edit script (Myers' O(ND) algorithm) behind {@link dev.ouroboros.mutation.UnifiedDiff}.
 *
 * <p>Common leading and trailing lines are matched first, so a local rewrite of a large file costs
 * only its changed middle. Should the middle differ in more than {@value #MAX_EDITS} lines, it is
 * reported as one deletion followed by one insertion: still a correct diff, no longer minimal.
 */
public final class LineDiff {

    /** Edit distance beyond which the search stops and the middle is replaced wholesale. */
    static final int MAX_EDITS = 2_000;

    private LineDiff() {
    }

    /** What happens to one line. */
    public enum Type {
        /** The line is in both texts. */
        EQUAL,
        /** The line is only in the old text. */
        DELETE,
        /** The line is only in the new text. */
        INSERT
    }

    /**
     * One step of the edit script.
     *
     * @param type     what happens
     * @param oldIndex index of the line in the old text; for an insertion, the number of old lines before it
     * @param newIndex index of the line in the new text; for a deletion, the number of new lines before it
     */
    public record Op(Type type, int oldIndex, int newIndex) {
    }

    /** Splits text after every {@code '\n'}, keeping terminators; a last line without one is kept as is. */
    public static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                out.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            out.add(text.substring(start));
        }
        return out;
    }

    /** Returns a shortest edit script that turns {@code a} into {@code b}, in text order. */
    public static List<Op> diff(List<String> a, List<String> b) {
        int prefix = 0;
        while (prefix < a.size() && prefix < b.size() && a.get(prefix).equals(b.get(prefix))) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < a.size() - prefix && suffix < b.size() - prefix
                && a.get(a.size() - 1 - suffix).equals(b.get(b.size() - 1 - suffix))) {
            suffix++;
        }
        List<Op> ops = new ArrayList<>(a.size() + b.size());
        for (int i = 0; i < prefix; i++) {
            ops.add(new Op(Type.EQUAL, i, i));
        }
        List<String> midA = a.subList(prefix, a.size() - suffix);
        List<String> midB = b.subList(prefix, b.size() - suffix);
        List<Op> middle = myers(midA, midB);
        if (middle == null) {
            middle = new ArrayList<>();
            for (int i = 0; i < midA.size(); i++) {
                middle.add(new Op(Type.DELETE, i, 0));
            }
            for (int j = 0; j < midB.size(); j++) {
                middle.add(new Op(Type.INSERT, midA.size(), j));
            }
        }
        for (Op op : middle) {
            ops.add(new Op(op.type(), op.oldIndex() + prefix, op.newIndex() + prefix));
        }
        for (int i = 0; i < suffix; i++) {
            ops.add(new Op(Type.EQUAL, a.size() - suffix + i, b.size() - suffix + i));
        }
        return ops;
    }

    /** Myers' greedy forward search with a per-round snapshot for the backtrack; null past MAX_EDITS. */
    private static List<Op> myers(List<String> a, List<String> b) {
        int n = a.size();
        int m = b.size();
        int max = n + m;
        int offset = max + 1;
        int[] v = new int[2 * max + 3];
        List<int[]> trace = new ArrayList<>();
        int found = -1;
        for (int d = 0; d <= max && d <= MAX_EDITS; d++) {
            // Snapshot of v over k in [-d-1, d+1], taken before round d: the backtrack needs exactly that.
            trace.add(Arrays.copyOfRange(v, offset - d - 1, offset + d + 2));
            boolean done = false;
            for (int k = -d; k <= d; k += 2) {
                int x = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]))
                        ? v[offset + k + 1] : v[offset + k - 1] + 1;
                int y = x - k;
                while (x < n && y < m && a.get(x).equals(b.get(y))) {
                    x++;
                    y++;
                }
                v[offset + k] = x;
                if (x >= n && y >= m) {
                    done = true;
                    break;
                }
            }
            if (done) {
                found = d;
                break;
            }
        }
        if (found < 0) {
            return null;
        }
        List<Op> reversed = new ArrayList<>();
        int x = n;
        int y = m;
        for (int d = found; d >= 0; d--) {
            int[] snap = trace.get(d);
            int k = x - y;
            int prevK = (k == -d || (k != d && at(snap, d, k - 1) < at(snap, d, k + 1))) ? k + 1 : k - 1;
            int prevX = d == 0 ? 0 : at(snap, d, prevK);
            int prevY = d == 0 ? 0 : prevX - prevK;
            while (x > prevX && y > prevY) {
                x--;
                y--;
                reversed.add(new Op(Type.EQUAL, x, y));
            }
            if (d > 0) {
                if (x == prevX) {
                    reversed.add(new Op(Type.INSERT, x, prevY));
                } else {
                    reversed.add(new Op(Type.DELETE, prevX, y));
                }
            }
            x = prevX;
            y = prevY;
        }
        Collections.reverse(reversed);
        return reversed;
    }

    private static int at(int[] snapshot, int d, int k) {
        return snapshot[k + d + 1];
    }
}
