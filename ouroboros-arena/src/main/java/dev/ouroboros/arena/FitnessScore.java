package dev.ouroboros.arena;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * A candidate's multi-objective fitness and the verdict on whether it beats the original.
 *
 * <p>The values feed {@link TournamentSelector}; the verdict does not come from them. A candidate is
 * an improvement only when it passed every correctness gate and the statistics on its JMH iteration
 * samples against the original's, <em>measured in the same JMH run</em>, say it is faster under the
 * {@link AcceptanceCriteria}: Mann-Whitney p below alpha, Vargha-Delaney Â12 at least 0.5 + minEffect,
 * and a median speed-up of at least minSpeedup. By default the same criteria must also hold on the
 * per-iteration process CPU time per operation when both benchmarks have it: JMH's forks run one
 * after another, so a change of machine load between the original's fork and the candidate's moves
 * wall-clock samples but hardly moves CPU time, and a wall-clock "win" that CPU time does not confirm
 * is rejected.
 *
 * @param candidateId the candidate's id; not blank
 * @param values      one value per metric, in the metrics' order; metric names unique; never null
 * @param speedup     original median / candidate median of the JMH samples; NaN when not benchmarked
 * @param pValue      two-sided Mann-Whitney p of the samples; NaN when not benchmarked
 * @param a12         Vargha-Delaney Â12 (1: every candidate iteration faster than every original one); NaN when not benchmarked
 * @param improvement true when the criteria above were all met
 * @param reason      why it is or is not an improvement, in words; never null
 */
public record FitnessScore(String candidateId, List<FitnessValue> values, double speedup, double pValue, double a12,
        boolean improvement, String reason) {

    /** Validates and copies. */
    public FitnessScore {
        Objects.requireNonNull(candidateId, "candidateId");
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(reason, "reason");
        if (candidateId.isBlank()) {
            throw new IllegalArgumentException("a score needs a candidate id, was '" + candidateId + "'");
        }
        values = List.copyOf(values);
        Set<String> names = new HashSet<>();
        for (FitnessValue v : values) {
            if (!names.add(v.metric())) {
                throw new IllegalArgumentException("metric names must be unique in a score, '" + v.metric()
                        + "' appeared twice");
            }
        }
        if (improvement && !(speedup >= 1)) {
            throw new IllegalArgumentException("an improvement needs a speed-up of at least 1, was " + speedup);
        }
    }

    /**
     * Scores a candidate on {@code metrics} and decides whether it beats the original of the JMH run it
     * was measured in.
     *
     * @param candidate the evidence; its benchmark suite holds the original's samples from the same run
     * @param metrics   the objectives, names unique; not empty
     * @param criteria  when the statistics prove it faster
     */
    public static FitnessScore evaluate(FitnessEvidence candidate, List<FitnessMetric> metrics, AcceptanceCriteria criteria) {
        return evaluate(candidate, metrics, criteria, true);
    }

    /**
     * Like {@link #evaluate(FitnessEvidence, List, AcceptanceCriteria)}; with {@code confirmOnCpu} false the
     * wall-clock samples alone decide (for workloads whose gain is less waiting, not less computing).
     */
    public static FitnessScore evaluate(FitnessEvidence candidate, List<FitnessMetric> metrics, AcceptanceCriteria criteria,
            boolean confirmOnCpu) {
        Objects.requireNonNull(candidate, "candidate");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(criteria, "criteria");
        if (metrics.isEmpty()) {
            throw new IllegalArgumentException("at least one fitness metric is needed, had none");
        }
        List<FitnessValue> values = new ArrayList<>();
        for (FitnessMetric m : metrics) {
            OptionalDouble v = m.measure(candidate);
            values.add(new FitnessValue(m.name(), v.isPresent() ? v.getAsDouble() : Double.NaN, m.unit(), m.higherIsBetter()));
        }
        double nan = Double.NaN;
        Optional<BenchmarkSuite> suite = candidate.benchmarks();
        if (suite.isEmpty()) {
            return new FitnessScore(candidate.candidateId(), values, nan, nan, nan, false, "not benchmarked");
        }
        if (candidate.candidateId().equals(suite.get().originalId())) {
            return new FitnessScore(candidate.candidateId(), values, 1, nan, nan, false, "the original itself");
        }
        Benchmark original = suite.get().original();
        Benchmark mine = candidate.benchmark().orElseThrow();
        if (!original.succeeded() || !mine.succeeded()) {
            Benchmark failed = original.succeeded() ? mine : original;
            return new FitnessScore(candidate.candidateId(), values, nan, nan, nan, false, "benchmark of "
                    + failed.candidateId() + " failed: " + failed.failure().lines().findFirst().orElse(""));
        }
        SpeedTest test = suite.get().speedTest(candidate.candidateId()).orElseThrow();
        double speedup = original.medianSample() / mine.medianSample();
        String figures = String.format(Locale.ROOT, "speed-up %.2fx, p=%.4f, A12=%.2f (%s), %d+%d JMH iterations",
                speedup, test.pValue(), test.a12(), test.effectMagnitude(), test.originalCount(), test.mutantCount());
        Optional<SpeedTest> cpu = confirmOnCpu ? suite.get().cpuSpeedTest(candidate.candidateId()) : Optional.empty();
        double cpuSpeedup = cpu.isEmpty() ? Double.NaN : median(original.cpuSamples()) / median(mine.cpuSamples());
        if (cpu.isPresent()) {
            figures += String.format(Locale.ROOT, "; CPU time speed-up %.2fx, p=%.4f, A12=%.2f", cpuSpeedup,
                    cpu.get().pValue(), cpu.get().a12());
        }
        String rejected = !candidate.correct() ? "not correct: a correctness gate failed or none ran"
                : !(test.pValue() < criteria.alpha()) ? "not significant: p >= alpha " + criteria.alpha()
                : !(test.a12() >= 0.5 + criteria.minEffect()) ? "effect too small: A12 < " + (0.5 + criteria.minEffect())
                : !(speedup >= criteria.minSpeedup()) ? "speed-up below " + criteria.minSpeedup()
                : cpu.isPresent() && !(cpu.get().pValue() < criteria.alpha() && cpu.get().a12() >= 0.5 + criteria.minEffect()
                        && cpuSpeedup >= criteria.minSpeedup()) ? "not confirmed on CPU time"
                : null;
        return new FitnessScore(candidate.candidateId(), values, speedup, test.pValue(), test.a12(), rejected == null,
                (rejected == null ? "faster: " : "rejected, " + rejected + ": ") + figures);
    }

    private static double median(List<Double> samples) {
        double[] sorted = samples.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /** The value of the named metric, if it is in this score. */
    public Optional<FitnessValue> value(String metric) {
        return values.stream().filter(v -> v.metric().equals(metric)).findFirst();
    }

    /**
     * This score's value minus {@code other}'s for the named metric (for code quality and
     * maintainability: the size and complexity a mutant adds); NaN when either lacks it.
     */
    public double delta(FitnessScore other, String metric) {
        double mine = value(metric).map(FitnessValue::value).orElse(Double.NaN);
        double theirs = other.value(metric).map(FitnessValue::value).orElse(Double.NaN);
        return mine - theirs;
    }

    /**
     * True when this score is at least as good as {@code other} on every metric and better on one
     * (Pareto dominance; an unmeasured value is worst). Both must score the same metrics in the same order.
     */
    public boolean dominates(FitnessScore other) {
        requireSameMetrics(other);
        boolean strictly = false;
        for (int i = 0; i < values.size(); i++) {
            double mine = values.get(i).oriented();
            double theirs = other.values.get(i).oriented();
            if (mine < theirs) {
                return false;
            }
            if (mine > theirs) {
                strictly = true;
            }
        }
        return strictly;
    }

    void requireSameMetrics(FitnessScore other) {
        Objects.requireNonNull(other, "other");
        List<String> mine = values.stream().map(FitnessValue::metric).toList();
        List<String> theirs = other.values.stream().map(FitnessValue::metric).toList();
        if (!mine.equals(theirs)) {
            throw new IllegalArgumentException("scores must have the same metrics in the same order to be compared, had "
                    + mine + " (" + candidateId + ") and " + theirs + " (" + other.candidateId + ")");
        }
    }
}
