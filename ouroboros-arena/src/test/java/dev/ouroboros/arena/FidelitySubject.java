package dev.ouroboros.arena;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A class compiled by Maven (with {@code -parameters}) whose loaded bytes the fidelity test captures
 * back from a forked JVM and compares with the same source compiled in memory. It has the constructs
 * whose encoding a rebuilt class file may shuffle: constants, string concatenation (invokedynamic),
 * lambdas, a switch, a try-catch and a loop.
 */
public final class FidelitySubject {

    static final int LIMIT = 42;
    static final String PREFIX = "item-";

    private final List<String> names;
    private int calls;

    public FidelitySubject(List<String> names) {
        this.names = List.copyOf(names);
    }

    public String render(int width) {
        calls++;
        return names.stream().map(n -> PREFIX + n.toUpperCase(Locale.ROOT)).limit(Math.min(width, LIMIT))
                .collect(Collectors.joining(", ", "[", "] after " + calls + " calls"));
    }

    public static int classify(String s) {
        switch (s.length()) {
            case 0:
                return -1;
            case 1:
                return 1;
            case 7:
                return 7;
            default:
                return s.chars().map(c -> c % 3).sum();
        }
    }

    public static long parseOr(String text, long fallback) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    public static int sumTo(int n) {
        int total = 0;
        for (int i = 0; i <= n; i++) {
            total += i % 2 == 0 ? i : -i;
        }
        return total;
    }
}
