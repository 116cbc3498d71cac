package dev.ouroboros.arena;

import dev.ouroboros.arena.internal.SimpleFitnessMetric;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.ServiceLoader;
import java.util.function.Function;

/**
 * One objective of the multi-objective fitness that {@link TournamentSelector} ranks candidates on.
 * The eight built-in metrics of the design come from the static factories; third-party metrics are
 * implementations of this interface listed in {@code META-INF/services/dev.ouroboros.arena.FitnessMetric}
 * and found by {@link #available(ClassLoader)}.
 *
 * <p>A metric reads a candidate's {@link FitnessEvidence} and answers a number with a direction, or
 * nothing when the evidence lacks what it needs (a candidate that was never benchmarked has no
 * performance); a missing value ranks worst.
 */
public interface FitnessMetric {

    /** A short unique name, e.g. {@code "performance"}. */
    String name();

    /** The unit of the values, e.g. {@code "ns/op"}. */
    String unit();

    /** True when a higher value is better (throughput), false when lower is (time, bytes). */
    boolean higherIsBetter();

    /** The candidate's value, or empty when the evidence cannot tell. */
    OptionalDouble measure(FitnessEvidence evidence);

    /** A metric from a function, for callers that need one more objective without a class. */
    static FitnessMetric of(String name, String unit, boolean higherIsBetter,
            Function<FitnessEvidence, OptionalDouble> measure) {
        return new SimpleFitnessMetric(name, unit, higherIsBetter, measure);
    }

    /** Median of the JMH iteration samples, in nanoseconds per operation; lower is better. */
    static FitnessMetric performance() {
        return of("performance", "ns/op", false, e -> e.benchmark().filter(Benchmark::succeeded)
                .map(b -> OptionalDouble.of(b.medianSample() * b.nanosPerUnit())).orElse(OptionalDouble.empty()));
    }

    /** Bytes allocated per operation, from JMH's GC profiler ({@code gc.alloc.rate.norm}); lower is better. */
    static FitnessMetric memory() {
        return of("memory", "B/op", false, e -> e.benchmark().filter(b -> !Double.isNaN(b.allocationBytesPerOp()))
                .map(b -> OptionalDouble.of(b.allocationBytesPerOp())).orElse(OptionalDouble.empty()));
    }

    /** 1 when every correctness gate (tests, differential checks) ran and passed, otherwise 0; higher is better. */
    static FitnessMetric correctness() {
        return of("correctness", "passed", true, e -> OptionalDouble.of(e.correct() ? 1 : 0));
    }

    /** Operations per second, from JMH's aggregated score; higher is better. */
    static FitnessMetric throughput() {
        return of("throughput", "ops/s", true, e -> e.benchmark().filter(Benchmark::succeeded)
                .filter(b -> b.score() > 0)
                .map(b -> OptionalDouble.of(1e9 / (b.score() * b.nanosPerUnit()))).orElse(OptionalDouble.empty()));
    }

    /**
     * A latency percentile of one operation in nanoseconds (JMH sample mode: over every sampled
     * operation); lower is better.
     *
     * @param percentile 50, 90 or 99
     */
    static FitnessMetric latency(int percentile) {
        Function<Benchmark, Double> pick = switch (percentile) {
            case 50 -> Benchmark::p50;
            case 90 -> Benchmark::p90;
            case 99 -> Benchmark::p99;
            default -> throw new IllegalArgumentException("latency percentile must be 50, 90 or 99, was " + percentile);
        };
        return of("latency.p" + percentile, "ns", false, e -> e.benchmark().filter(Benchmark::succeeded)
                .map(b -> OptionalDouble.of(pick.apply(b) * b.nanosPerUnit())).orElse(OptionalDouble.empty()));
    }

    /** Energy proxy: CPU nanoseconds of the whole benchmark process per operation; lower is better. */
    static FitnessMetric energy() {
        return of("energy", "cpu-ns/op", false, e -> e.benchmark().filter(b -> !Double.isNaN(b.cpuNanosPerOp()))
                .map(b -> OptionalDouble.of(b.cpuNanosPerOp())).orElse(OptionalDouble.empty()));
    }

    /** Code-quality proxy: bytecode instructions of the candidate's classes (smaller is better). */
    static FitnessMetric codeQuality() {
        return of("code-quality", "instructions", false, e -> OptionalDouble.of(e.code().instructions()));
    }

    /** Maintainability proxy: summed cyclomatic complexity of the candidate's methods (lower is better). */
    static FitnessMetric maintainability() {
        return of("maintainability", "cyclomatic", false, e -> OptionalDouble.of(e.code().cyclomaticComplexity()));
    }

    /**
     * The eight metrics of the design in a fixed order: performance, memory, correctness, throughput,
     * latency p99, energy, code quality, maintainability.
     */
    static List<FitnessMetric> builtIns() {
        return List.of(performance(), memory(), correctness(), throughput(), latency(99), energy(), codeQuality(),
                maintainability());
    }

    /** The built-ins followed by every metric that {@link ServiceLoader} finds through {@code loader}. */
    static List<FitnessMetric> available(ClassLoader loader) {
        List<FitnessMetric> all = new ArrayList<>(builtIns());
        ServiceLoader.load(FitnessMetric.class, loader).forEach(all::add);
        return List.copyOf(all);
    }
}
