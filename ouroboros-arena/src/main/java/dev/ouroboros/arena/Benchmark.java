package dev.ouroboros.arena;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What JMH measured for one candidate in one run, as evidence on its verdict: the iteration samples
 * that the statistics compare, the score with its 99.9% confidence interval, latency percentiles,
 * allocation and CPU time per operation.
 *
 * <p>Times are per operation in {@link #unit()} ({@code "ns/op"} from {@link FinalistBenchmark}); lower
 * is faster. A failed benchmark (the workload threw, the fork died) has no samples and says why in
 * {@link #failure()}; every figure is then NaN.
 *
 * @param candidateId          the candidate's id ({@code "original"} for the original); not blank
 * @param mode                 the JMH mode, e.g. {@code "sample"} or {@code "avgt"}; never null
 * @param unit                 the unit of samples, score, interval and percentiles, e.g. {@code "ns/op"}; not blank
 * @param samples              the primary score of each measurement iteration in run order; empty only when failed
 * @param score                JMH's aggregated primary score; NaN when failed
 * @param scoreError           half-width of the 99.9% confidence interval; NaN when failed or with ≤ 2 iterations
 * @param ciLower              lower end of the 99.9% confidence interval; NaN as {@code scoreError}
 * @param ciUpper              upper end of the 99.9% confidence interval; NaN as {@code scoreError}
 * @param p50                  median time of one operation (sample mode: over every sampled operation;
 *                             average-time mode: over the iteration scores); NaN when failed
 * @param p90                  90th percentile, as p50
 * @param p99                  99th percentile, as p50
 * @param allocationBytesPerOp bytes allocated per operation ({@code gc.alloc.rate.norm}); NaN when not measured
 * @param cpuNanosPerOp        process CPU nanoseconds per operation (every thread of the fork, JIT and GC
 *                             included); NaN when not measured
 * @param cpuSamples           process CPU nanoseconds per operation of each measurement iteration, in run
 *                             order; empty when not measured or failed; never null
 * @param failure              why the benchmark produced no result; empty when it succeeded; never null
 */
public record Benchmark(String candidateId, String mode, String unit, List<Double> samples, double score,
        double scoreError, double ciLower, double ciUpper, double p50, double p90, double p99,
        double allocationBytesPerOp, double cpuNanosPerOp, List<Double> cpuSamples, String failure) {

    /** Validates and copies. */
    public Benchmark {
        Objects.requireNonNull(candidateId, "candidateId");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(samples, "samples");
        Objects.requireNonNull(failure, "failure");
        if (candidateId.isBlank()) {
            throw new IllegalArgumentException("a benchmark needs a candidate id, was '" + candidateId + "'");
        }
        if (unit.isBlank()) {
            throw new IllegalArgumentException("a benchmark needs a unit, was '" + unit + "'");
        }
        Objects.requireNonNull(cpuSamples, "cpuSamples");
        samples = List.copyOf(samples);
        cpuSamples = List.copyOf(cpuSamples);
        for (double s : samples) {
            if (!(s >= 0) || Double.isInfinite(s)) {
                throw new IllegalArgumentException("samples must be finite and not negative, had " + s);
            }
        }
        for (double s : cpuSamples) {
            if (!(s >= 0) || Double.isInfinite(s)) {
                throw new IllegalArgumentException("CPU samples must be finite and not negative, had " + s);
            }
        }
        if (failure.isEmpty() && samples.isEmpty()) {
            throw new IllegalArgumentException("a successful benchmark needs at least one sample, had none for "
                    + candidateId);
        }
        if (!failure.isEmpty() && !(samples.isEmpty() && cpuSamples.isEmpty())) {
            throw new IllegalArgumentException("a failed benchmark carries no samples, had " + samples.size() + " and "
                    + cpuSamples.size() + " CPU samples for " + candidateId);
        }
    }

    /** A benchmark without per-iteration CPU samples. */
    public Benchmark(String candidateId, String mode, String unit, List<Double> samples, double score,
            double scoreError, double ciLower, double ciUpper, double p50, double p90, double p99,
            double allocationBytesPerOp, double cpuNanosPerOp, String failure) {
        this(candidateId, mode, unit, samples, score, scoreError, ciLower, ciUpper, p50, p90, p99, allocationBytesPerOp,
                cpuNanosPerOp, List.of(), failure);
    }

    /** A benchmark that produced no result, with the reason. */
    public static Benchmark failed(String candidateId, String mode, String unit, String failure) {
        if (failure == null || failure.isBlank()) {
            throw new IllegalArgumentException("a failed benchmark needs a reason, was '" + failure + "'");
        }
        double nan = Double.NaN;
        return new Benchmark(candidateId, mode, unit, List.of(), nan, nan, nan, nan, nan, nan, nan, nan, nan, List.of(),
                failure);
    }

    /** True when JMH produced samples. */
    public boolean succeeded() {
        return failure.isEmpty();
    }

    /** The median of the iteration samples; NaN when failed. */
    public double medianSample() {
        if (samples.isEmpty()) {
            return Double.NaN;
        }
        double[] sorted = samples.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /**
     * Nanoseconds in one unit of time of {@link #unit()} ({@code "ns/op"} → 1, {@code "us/op"} → 1,000);
     * NaN for a unit that is not a time per operation.
     */
    public double nanosPerUnit() {
        String u = unit.toLowerCase(Locale.ROOT);
        int slash = u.indexOf('/');
        String time = slash < 0 ? u : u.substring(0, slash);
        if (slash >= 0 && !u.substring(slash + 1).equals("op")) {
            return Double.NaN;
        }
        return switch (time) {
            case "ns" -> 1;
            case "us", "µs" -> 1e3;
            case "ms" -> 1e6;
            case "s" -> 1e9;
            default -> Double.NaN;
        };
    }

    @Override
    public String toString() {
        if (!succeeded()) {
            return "Benchmark[" + candidateId + " failed: " + failure.lines().findFirst().orElse("") + "]";
        }
        return String.format(Locale.ROOT, "Benchmark[%s %s %.1f ± %.1f %s, p50 %.1f, p99 %.1f, %d samples, %.0f B/op,"
                + " cpu %.1f ns/op]", candidateId, mode, score, scoreError, unit, p50, p99, samples.size(),
                allocationBytesPerOp, cpuNanosPerOp);
    }
}
