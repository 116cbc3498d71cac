package dev.ouroboros.arena;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the arena learned about one candidate that a {@link FitnessMetric} may score: the test
 * suites it ran (JUnit, differential), the JMH run it was measured in, and the shape of its bytecode.
 *
 * @param candidateId the candidate's id, the same as its benchmark's in {@code benchmarks}; not blank
 * @param testSuites  the correctness gates it went through; never null, empty when none ran
 * @param benchmarks  the JMH run that measured it together with the original; empty when it was not a finalist
 * @param code        its bytecode size and complexity; never null
 */
public record FitnessEvidence(String candidateId, List<TestSuite> testSuites, Optional<BenchmarkSuite> benchmarks,
        BytecodeShape code) {

    /** Validates and copies. */
    public FitnessEvidence {
        Objects.requireNonNull(candidateId, "candidateId");
        Objects.requireNonNull(testSuites, "testSuites");
        Objects.requireNonNull(benchmarks, "benchmarks");
        Objects.requireNonNull(code, "code");
        if (candidateId.isBlank()) {
            throw new IllegalArgumentException("evidence needs a candidate id, was '" + candidateId + "'");
        }
        testSuites = List.copyOf(testSuites);
        if (benchmarks.isPresent() && benchmarks.get().benchmark(candidateId).isEmpty()) {
            throw new IllegalArgumentException("the benchmark suite has no benchmark for candidate '" + candidateId
                    + "'; give the suite it was measured in");
        }
    }

    /** This candidate's benchmark, when it was measured. */
    public Optional<Benchmark> benchmark() {
        return benchmarks.flatMap(s -> s.benchmark(candidateId));
    }

    /** True when at least one suite ran and every suite had tests that all passed. */
    public boolean correct() {
        return !testSuites.isEmpty() && testSuites.stream().allMatch(TestSuite::allPassed);
    }
}
