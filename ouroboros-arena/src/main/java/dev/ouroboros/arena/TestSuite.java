package dev.ouroboros.arena;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The tests one correctness gate ran against a candidate, as evidence on its verdict: the user's
 * JUnit tests of the target class, or the differential checks against the original.
 *
 * @param name  what the suite is, e.g. {@code "junit"} or {@code "differential"}; not blank
 * @param cases the tests in the order they ran; names unique; never null, may be empty (nothing ran)
 */
public record TestSuite(String name, List<TestCase> cases) {

    /** Validates and copies. */
    public TestSuite {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(cases, "cases");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a test suite needs a name, was '" + name + "'");
        }
        cases = List.copyOf(cases);
        Set<String> seen = new HashSet<>();
        for (TestCase c : cases) {
            if (!seen.add(c.name())) {
                throw new IllegalArgumentException("test case names must be unique in suite " + name + ", '"
                        + c.name() + "' appeared twice");
            }
        }
    }

    /** True when at least one test ran and every test passed: an empty suite proves nothing. */
    public boolean allPassed() {
        return !cases.isEmpty() && cases.stream().allMatch(TestCase::passed);
    }

    /** How many tests passed. */
    public long passedCount() {
        return cases.stream().filter(TestCase::passed).count();
    }

    /** The summed duration of every test. */
    public Duration totalDuration() {
        return cases.stream().map(TestCase::duration).reduce(Duration.ZERO, Duration::plus);
    }
}
