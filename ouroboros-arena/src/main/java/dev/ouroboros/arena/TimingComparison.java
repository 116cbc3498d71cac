package dev.ouroboros.arena;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The timing screen of the cascade: the original and the mutant timed in paired rounds in the same
 * worker, order swapped every round, with the statistics that decide whether the mutant is faster.
 *
 * <p>Two rules are offered. {@link #isImprovement(AcceptanceCriteria)} is the sound one: a
 * Mann-Whitney U test at the criteria's alpha, a Vargha-Delaney Â12 effect size and a least median
 * speed-up (see {@link SpeedTest}). {@link #isImprovement(double)} is the older screen (median
 * speed-up plus three quarters of the paired rounds won), kept for callers that use it; an A/A
 * comparison passes it more often than chance should allow, so do not take it as proof.
 *
 * @param originalMedianNanos median nanoseconds of one full test run of the original; NaN when no rounds
 * @param mutantMedianNanos   median nanoseconds of one full test run of the mutant; NaN when no rounds
 * @param speedup             originalMedianNanos / mutantMedianNanos (above 1: the mutant is faster)
 * @param mutantWinFraction   share of paired rounds where the mutant was strictly faster, 0 to 1
 * @param rounds              number of paired rounds; 0 means there is nothing to compare
 * @param pValue              two-sided Mann-Whitney p-value of the two samples; NaN when no rounds
 * @param a12                 Vargha-Delaney Â12 (0.5 no difference, 1 the mutant always faster); NaN when no rounds
 */
public record TimingComparison(double originalMedianNanos, double mutantMedianNanos, double speedup,
        double mutantWinFraction, int rounds, double pValue, double a12) {

    /** The least share of paired rounds the mutant must win under {@link #isImprovement(double)}. */
    public static final double MIN_WIN_FRACTION = 0.75;

    /** Validates the counts and ranges. */
    public TimingComparison {
        if (rounds < 0) {
            throw new IllegalArgumentException("rounds must be at least 0, was " + rounds);
        }
        if (rounds > 0 && !(mutantWinFraction >= 0 && mutantWinFraction <= 1)) {
            throw new IllegalArgumentException("mutantWinFraction must be within [0, 1], was " + mutantWinFraction);
        }
        if (!Double.isNaN(pValue) && !(pValue >= 0 && pValue <= 1)) {
            throw new IllegalArgumentException("pValue must be within [0, 1] or NaN, was " + pValue);
        }
        if (!Double.isNaN(a12) && !(a12 >= 0 && a12 <= 1)) {
            throw new IllegalArgumentException("a12 must be within [0, 1] or NaN, was " + a12);
        }
    }

    /** The comparison without statistics (p-value and Â12 NaN), as it was built before they existed. */
    public TimingComparison(double originalMedianNanos, double mutantMedianNanos, double speedup,
            double mutantWinFraction, int rounds) {
        this(originalMedianNanos, mutantMedianNanos, speedup, mutantWinFraction, rounds, Double.NaN, Double.NaN);
    }

    /** Compares paired samples: {@code original.get(i)} and {@code mutant.get(i)} come from round i. */
    public static TimingComparison of(List<Long> originalNanos, List<Long> mutantNanos) {
        Objects.requireNonNull(originalNanos, "originalNanos");
        Objects.requireNonNull(mutantNanos, "mutantNanos");
        if (originalNanos.size() != mutantNanos.size()) {
            throw new IllegalArgumentException("paired samples must have equal sizes, were "
                    + originalNanos.size() + " and " + mutantNanos.size());
        }
        int n = originalNanos.size();
        if (n == 0) {
            return new TimingComparison(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);
        }
        int wins = 0;
        for (int i = 0; i < n; i++) {
            if (mutantNanos.get(i) < originalNanos.get(i)) {
                wins++;
            }
        }
        double original = median(originalNanos);
        double mutant = median(mutantNanos);
        SpeedTest test = SpeedTest.of(originalNanos, mutantNanos);
        return new TimingComparison(original, mutant, original / mutant, (double) wins / n, n, test.pValue(), test.a12());
    }

    /**
     * The older screen: true when {@code speedup >= minSpeedup} and the mutant won at least
     * {@value #MIN_WIN_FRACTION} of the paired rounds. No significance test; prefer
     * {@link #isImprovement(AcceptanceCriteria)}.
     */
    public boolean isImprovement(double minSpeedup) {
        return rounds > 0 && speedup >= minSpeedup && mutantWinFraction >= MIN_WIN_FRACTION;
    }

    /**
     * True when the timings prove the mutant faster under {@code criteria}: p-value below alpha,
     * Â12 at least 0.5 + minEffect, speed-up at least minSpeedup. Never true without rounds.
     */
    public boolean isImprovement(AcceptanceCriteria criteria) {
        Objects.requireNonNull(criteria, "criteria");
        return rounds > 0 && pValue < criteria.alpha() && a12 >= 0.5 + criteria.minEffect()
                && speedup >= criteria.minSpeedup();
    }

    private static double median(List<Long> samples) {
        long[] sorted = samples.stream().mapToLong(Long::longValue).sorted().toArray();
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + (double) sorted[mid]) / 2;
    }

    @Override
    public String toString() {
        return rounds == 0 ? "TimingComparison[no rounds]" : String.format(Locale.ROOT,
                "TimingComparison[original %.3f ms, mutant %.3f ms, speedup %.2fx, mutant won %.0f%% of %d rounds,"
                        + " p=%.4f, A12=%.2f]",
                originalMedianNanos / 1e6, mutantMedianNanos / 1e6, speedup, mutantWinFraction * 100, rounds, pValue, a12);
    }
}
