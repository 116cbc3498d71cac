package dev.ouroboros.arena;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One candidate to evaluate in a sandbox worker: the original and mutant bytes of the same
 * classes, the tests that must pass, and how many rounds to time.
 *
 * @param candidateId     names the candidate in verdicts and logs; not blank
 * @param originalClasses the original class bytes keyed by binary name (every class of the unit,
 *                        as loaded by the running program); not empty
 * @param mutantClasses   the mutant class bytes, for the same binary names, plus any new class the mutant's
 *                        unit brings (a helper such as a memo table); none may be dropped
 * @param testClassNames  binary names of the JUnit test classes to run; at least one
 * @param warmupRounds    untimed rounds of each version before measuring; at least 0
 * @param measuredRounds  paired timed rounds; at least 0 (0: the tests decide, no timing screen; the
 *                        verdict then carries no timings and is never an improvement)
 * @param differential    the differential gate after the tests; {@link DifferentialCheck#defaults()} (on)
 *                        unless given
 * @param semanticsPreserving true when the candidate comes from a semantics-preserving operator: only
 *                        such candidates may run in an in-process sandbox ({@link Sandbox.Builder#inProcess})
 */
public record SandboxRequest(String candidateId, Map<String, byte[]> originalClasses, Map<String, byte[]> mutantClasses,
        List<String> testClassNames, int warmupRounds, int measuredRounds, DifferentialCheck differential,
        boolean semanticsPreserving) {

    /** A request with the default differential gate (on), not marked semantics-preserving. */
    public SandboxRequest(String candidateId, Map<String, byte[]> originalClasses, Map<String, byte[]> mutantClasses,
            List<String> testClassNames, int warmupRounds, int measuredRounds) {
        this(candidateId, originalClasses, mutantClasses, testClassNames, warmupRounds, measuredRounds,
                DifferentialCheck.defaults(), false);
    }

    /** Validates the rules above and copies the collections (the byte arrays are shared). */
    public SandboxRequest {
        Objects.requireNonNull(candidateId, "candidateId");
        if (candidateId.isBlank()) {
            throw new IllegalArgumentException("candidateId must not be blank, was '" + candidateId + "'");
        }
        originalClasses = Map.copyOf(Objects.requireNonNull(originalClasses, "originalClasses"));
        mutantClasses = Map.copyOf(Objects.requireNonNull(mutantClasses, "mutantClasses"));
        testClassNames = List.copyOf(Objects.requireNonNull(testClassNames, "testClassNames"));
        if (originalClasses.isEmpty()) {
            throw new IllegalArgumentException("originalClasses must not be empty");
        }
        if (!mutantClasses.keySet().containsAll(originalClasses.keySet())) {
            throw new IllegalArgumentException("the mutant must hold every class of the original (it may add helpers),"
                    + " were " + originalClasses.keySet() + " and " + mutantClasses.keySet());
        }
        for (String name : mutantClasses.keySet()) {
            if (name.isBlank() || name.contains("/") || name.endsWith(".class")) {
                throw new IllegalArgumentException("class keys must be binary names like pkg.Foo$1, was '" + name + "'");
            }
            if (mutantClasses.get(name).length == 0
                    || originalClasses.containsKey(name) && originalClasses.get(name).length == 0) {
                throw new IllegalArgumentException("class bytes must not be empty, were for " + name);
            }
        }
        if (testClassNames.isEmpty()) {
            throw new IllegalArgumentException("at least one test class is needed, had none");
        }
        for (String test : testClassNames) {
            if (test.isBlank() || test.contains(",")) {
                throw new IllegalArgumentException("test class names must be binary names, was '" + test + "'");
            }
        }
        if (warmupRounds < 0) {
            throw new IllegalArgumentException("warmupRounds must be at least 0, was " + warmupRounds);
        }
        if (measuredRounds < 0) {
            throw new IllegalArgumentException("measuredRounds must be at least 0, was " + measuredRounds);
        }
        Objects.requireNonNull(differential, "differential");
    }

    /** The same request with another differential gate. */
    public SandboxRequest withDifferential(DifferentialCheck check) {
        return new SandboxRequest(candidateId, originalClasses, mutantClasses, testClassNames, warmupRounds, measuredRounds,
                check, semanticsPreserving);
    }

    /** The same request, marked as coming (or not) from a semantics-preserving operator. */
    public SandboxRequest withSemanticsPreserving(boolean preserving) {
        return new SandboxRequest(candidateId, originalClasses, mutantClasses, testClassNames, warmupRounds, measuredRounds,
                differential, preserving);
    }
}
