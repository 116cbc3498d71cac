package dev.ouroboros.arena;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One JMH run of the original and its finalists, measured in the same run, as evidence on their
 * verdicts: a {@link Benchmark} per candidate, the settings and how long the run took.
 *
 * @param originalId  the id of the original's benchmark, which must be among {@code benchmarks}
 * @param benchmarks  one per candidate, the original included; ids unique, one unit for all; never null
 * @param settings    the JMH settings in words, e.g. {@code "sample mode, 1 fork, warmup 3 x 500 ms, ..."}; never null
 * @param wallTime    how long the whole JMH run took; not negative
 */
public record BenchmarkSuite(String originalId, List<Benchmark> benchmarks, String settings, Duration wallTime) {

    /** Validates and copies. */
    public BenchmarkSuite {
        Objects.requireNonNull(originalId, "originalId");
        Objects.requireNonNull(benchmarks, "benchmarks");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(wallTime, "wallTime");
        benchmarks = List.copyOf(benchmarks);
        Set<String> ids = new HashSet<>();
        for (Benchmark b : benchmarks) {
            if (!ids.add(b.candidateId())) {
                throw new IllegalArgumentException("benchmark ids must be unique, '" + b.candidateId()
                        + "' appeared twice");
            }
        }
        if (benchmarks.stream().map(Benchmark::unit).distinct().count() > 1) {
            throw new IllegalArgumentException("benchmarks in one suite must share a unit, had "
                    + benchmarks.stream().map(Benchmark::unit).distinct().toList());
        }
        if (!ids.contains(originalId)) {
            throw new IllegalArgumentException("the original's benchmark must be in the suite, '" + originalId
                    + "' was not among " + ids);
        }
        if (wallTime.isNegative()) {
            throw new IllegalArgumentException("wallTime must not be negative, was " + wallTime);
        }
    }

    /** The original's benchmark. */
    public Benchmark original() {
        return benchmark(originalId).orElseThrow();
    }

    /** The benchmark of the candidate with this id, if it was in the run. */
    public Optional<Benchmark> benchmark(String candidateId) {
        return benchmarks.stream().filter(b -> b.candidateId().equals(candidateId)).findFirst();
    }

    /** The finalists' benchmarks: every one but the original's, in run order. */
    public List<Benchmark> finalists() {
        return benchmarks.stream().filter(b -> !b.candidateId().equals(originalId)).toList();
    }

    /** The run's wall time divided among its finalists (the original's share included); the whole run without finalists. */
    public Duration wallTimePerFinalist() {
        int n = finalists().size();
        return n == 0 ? wallTime : wallTime.dividedBy(n);
    }

    /**
     * Mann-Whitney U and Vargha-Delaney Â12 of the original's iteration samples against the candidate's,
     * both from this run; empty when either benchmark failed or is missing.
     */
    public Optional<SpeedTest> speedTest(String candidateId) {
        Optional<Benchmark> candidate = benchmark(candidateId);
        Benchmark original = original();
        if (candidate.isEmpty() || !candidate.get().succeeded() || !original.succeeded()) {
            return Optional.empty();
        }
        return Optional.of(SpeedTest.of(original.samples(), candidate.get().samples()));
    }

    /**
     * The same test on the per-iteration process CPU time per operation ({@link Benchmark#cpuSamples()}),
     * which waiting for a core on a loaded machine does not inflate; empty when either lacks CPU samples.
     */
    public Optional<SpeedTest> cpuSpeedTest(String candidateId) {
        Optional<Benchmark> candidate = benchmark(candidateId);
        Benchmark original = original();
        if (candidate.isEmpty() || candidate.get().cpuSamples().isEmpty() || original.cpuSamples().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(SpeedTest.of(original.cpuSamples(), candidate.get().cpuSamples()));
    }
}
