package dev.ouroboros.mutation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A strict applier of unified diffs, written for tests: every context and deleted line must match exactly. */
final class DiffApplier {

    private static final Pattern HUNK = Pattern.compile("@@ -(\\d+),(\\d+) \\+(\\d+),(\\d+) @@\n");

    private DiffApplier() {
    }

    static String apply(String oldText, String diff) {
        if (diff.isEmpty()) {
            return oldText;
        }
        List<String> old = lines(oldText);
        List<String> d = lines(diff);
        if (!d.get(0).startsWith("--- ") || !d.get(1).startsWith("+++ ")) {
            throw new IllegalArgumentException("missing file headers: " + d.get(0) + d.get(1));
        }
        StringBuilder out = new StringBuilder();
        int consumed = 0;
        int i = 2;
        while (i < d.size()) {
            Matcher m = HUNK.matcher(d.get(i));
            if (!m.matches()) {
                throw new IllegalArgumentException("expected a hunk header, got " + d.get(i));
            }
            int oldStart = Integer.parseInt(m.group(1));
            int oldCount = Integer.parseInt(m.group(2));
            int newCount = Integer.parseInt(m.group(4));
            int firstOld = oldCount == 0 ? oldStart : oldStart - 1;
            if (firstOld < consumed) {
                throw new IllegalArgumentException("hunks overlap or go backwards at " + d.get(i));
            }
            while (consumed < firstOld) {
                out.append(old.get(consumed++));
            }
            i++;
            int seenOld = 0;
            int seenNew = 0;
            while (i < d.size() && !d.get(i).startsWith("@@")) {
                String line = d.get(i);
                String content = line.substring(1);
                if (i + 1 < d.size() && d.get(i + 1).startsWith("\\")) {
                    content = content.substring(0, content.length() - 1);
                    i++;
                }
                switch (line.charAt(0)) {
                    case ' ' -> {
                        expect(old, consumed++, content);
                        out.append(content);
                        seenOld++;
                        seenNew++;
                    }
                    case '-' -> {
                        expect(old, consumed++, content);
                        seenOld++;
                    }
                    case '+' -> {
                        out.append(content);
                        seenNew++;
                    }
                    default -> throw new IllegalArgumentException("bad hunk line " + line);
                }
                i++;
            }
            if (seenOld != oldCount || seenNew != newCount) {
                throw new IllegalArgumentException("hunk counts " + oldCount + "/" + newCount + " but lines "
                        + seenOld + "/" + seenNew);
            }
        }
        while (consumed < old.size()) {
            out.append(old.get(consumed++));
        }
        return out.toString();
    }

    private static void expect(List<String> old, int index, String content) {
        if (index >= old.size() || !old.get(index).equals(content)) {
            throw new IllegalArgumentException("line " + (index + 1) + " does not match: " + content);
        }
    }

    private static List<String> lines(String text) {
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
}
