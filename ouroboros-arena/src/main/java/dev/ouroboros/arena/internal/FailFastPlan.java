package dev.ouroboros.arena.internal;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.platform.engine.DiscoverySelector;

/**
 * The order in which a mutant's correctness run takes its tests so that a failing mutant fails
 * early: the cheap tests first, together in one launcher run, then each expensive test on its own,
 * fastest first, stopping at the first failing batch (the times are the original's, from its first
 * run in the worker). Only plain JUnit Jupiter test methods of the given top-level test classes are
 * split; anything else (nested classes, templates, other engines) keeps the one-run order.
 */
final class FailFastPlan {

    /** A test costs a batch of its own when it took at least this share of all tests' time. */
    static final double HEAVY_SHARE = 0.25;

    private static final Pattern PLAIN_METHOD = Pattern.compile(
            "\\[engine:junit-jupiter]/\\[class:([^\\]/]+)]/\\[method:([^(\\]/]+)\\(([^)\\]]*)\\)]");

    private FailFastPlan() {
    }

    /**
     * Batches of test unique IDs, cheap ones first; empty when splitting would not save anything (no
     * test stands out) or the tests are not all plain methods of {@code testClassNames}.
     */
    static List<List<String>> of(Map<String, Long> testNanos, Set<String> testClassNames) {
        if (testNanos.size() < 2) {
            return List.of();
        }
        long total = 0;
        for (Map.Entry<String, Long> e : testNanos.entrySet()) {
            Matcher m = PLAIN_METHOD.matcher(e.getKey());
            if (!m.matches() || !testClassNames.contains(m.group(1))) {
                return List.of();
            }
            total += Math.max(0, e.getValue());
        }
        List<String> byTime = testNanos.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey())).map(Map.Entry::getKey).toList();
        List<String> cheap = new ArrayList<>();
        List<List<String>> batches = new ArrayList<>();
        for (String id : byTime) {
            if (testNanos.get(id) >= HEAVY_SHARE * total) {
                batches.add(List.of(id));
            } else {
                cheap.add(id);
            }
        }
        if (batches.isEmpty() || cheap.isEmpty() && batches.size() < 2) {
            return List.of();
        }
        if (!cheap.isEmpty()) {
            batches.add(0, List.copyOf(cheap));
        }
        return List.copyOf(batches);
    }

    /** Selects the method of a plan's unique ID in the given loaded test classes (the candidate's). */
    static DiscoverySelector selector(String uniqueId, List<Class<?>> testClasses) {
        Matcher m = PLAIN_METHOD.matcher(uniqueId);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a plain Jupiter test method: " + uniqueId);
        }
        Class<?> type = testClasses.stream().filter(c -> c.getName().equals(m.group(1))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("test class " + m.group(1) + " of " + uniqueId
                        + " is not among " + testClasses.stream().map(Class::getName).sorted(Comparator.naturalOrder()).toList()));
        return selectMethod(type, m.group(2), m.group(3));
    }
}
