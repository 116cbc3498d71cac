package dev.ouroboros.arena;

import java.util.List;
import java.util.Objects;

/**
 * The quick timing screen of the cascade: the original and the mutant timed in paired rounds in
 * the same worker, order swapped every round. It only lets promising candidates through to the
 * expensive, statistically sound comparison; it never proves a speed-up on its own.
 *
 * @param originalMedianNanos median nanoseconds of one full test run of the original; NaN when no rounds
 * @param mutantMedianNanos   median nanoseconds of one full test run of the mutant; NaN when no rounds
 * @param speedup             originalMedianNanos / mutantMedianNanos (above 1: the mutant is faster)
 * @param mutantWinFraction   share of paired rounds where the mutant was strictly faster, 0 to 1
 * @param rounds              number of paired rounds; 0 means there is nothing to compare
 */
public record TimingComparison(double originalMedianNanos, double mutantMedianNanos, double speedup,
        double mutantWinFraction, int rounds) {

    /** The least share of paired rounds the mutant must win to count as an improvement. */
    public static final double MIN_WIN_FRACTION = 0.75;

    /** Validates the counts. */
    public TimingComparison {
        if (rounds < 0) {
            throw new IllegalArgumentException("rounds must be at least 0, was " + rounds);
        }
        if (rounds > 0 && !(mutantWinFraction >= 0 && mutantWinFraction <= 1)) {
            throw new IllegalArgumentException("mutantWinFraction must be within [0, 1], was " + mutantWinFraction);
        }
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
        return new TimingComparison(original, mutant, original / mutant, (double) wins / n, n);
    }

    /**
     * True when {@code speedup >= minSpeedup} and the mutant won at least {@value #MIN_WIN_FRACTION}
     * of the paired rounds. A skeleton screen: the JMH and Mann-Whitney gate comes later.
     */
    public boolean isImprovement(double minSpeedup) {
        return rounds > 0 && speedup >= minSpeedup && mutantWinFraction >= MIN_WIN_FRACTION;
    }

    private static double median(List<Long> samples) {
        long[] sorted = samples.stream().mapToLong(Long::longValue).sorted().toArray();
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + (double) sorted[mid]) / 2;
    }

    @Override
    public String toString() {
        return rounds == 0 ? "TimingComparison[no rounds]" : String.format(java.util.Locale.ROOT,
                "TimingComparison[original %.3f ms, mutant %.3f ms, speedup %.2fx, mutant won %.0f%% of %d rounds]",
                originalMedianNanos / 1e6, mutantMedianNanos / 1e6, speedup, mutantWinFraction * 100, rounds);
    }
}
