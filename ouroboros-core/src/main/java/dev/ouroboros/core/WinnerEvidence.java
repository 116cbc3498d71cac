package dev.ouroboros.core;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The timing evidence behind a {@link Winner}: how many paired rounds were measured, the rank test's
 * verdict and a confidence interval of the speed-up, as journaled with the winner.
 *
 * @param rounds      paired timing rounds of original and winner
 * @param pValue      two-sided Mann-Whitney p-value of the two samples; NaN when unknown
 * @param a12         Vargha-Delaney Â12 (0.5 no difference, 1 the winner always faster); NaN when unknown
 * @param speedupLow  lower bound of the {@link #CONFIDENCE} bootstrap interval of the median speed-up
 * @param speedupHigh upper bound of that interval
 */
public record WinnerEvidence(int rounds, double pValue, double a12, double speedupLow, double speedupHigh) {

    /** The confidence level of {@link #speedupLow()}..{@link #speedupHigh()}. */
    public static final double CONFIDENCE = 0.95;
    private static final int RESAMPLES = 2000;

    /** Validates the evidence. */
    public WinnerEvidence {
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds must be at least 1, was " + rounds);
        }
        if (!Double.isNaN(pValue) && !(pValue >= 0 && pValue <= 1)) {
            throw new IllegalArgumentException("pValue must be within [0, 1] or NaN, was " + pValue);
        }
        if (!Double.isNaN(a12) && !(a12 >= 0 && a12 <= 1)) {
            throw new IllegalArgumentException("a12 must be within [0, 1] or NaN, was " + a12);
        }
        if (!(speedupLow > 0) || !(speedupHigh >= speedupLow) || Double.isInfinite(speedupHigh)) {
            throw new IllegalArgumentException("the speed-up interval must be finite, positive and ordered, was ["
                    + speedupLow + ", " + speedupHigh + "]");
        }
    }

    /**
     * Computes the evidence from paired samples: a percentile bootstrap of the ratio of medians
     * (original / winner), each resample drawing rounds with replacement, seeded so it is replayable.
     *
     * @param originalNanos nanoseconds of the original per round
     * @param mutantNanos   nanoseconds of the winner per round, same length
     * @param pValue        the rank test's p-value
     * @param a12           the effect size
     * @param seed          seed of the resampling
     * @return the evidence; never null
     */
    public static WinnerEvidence of(List<Long> originalNanos, List<Long> mutantNanos, double pValue, double a12,
            long seed) {
        Objects.requireNonNull(originalNanos, "originalNanos must not be null");
        Objects.requireNonNull(mutantNanos, "mutantNanos must not be null");
        int n = originalNanos.size();
        if (n == 0 || n != mutantNanos.size()) {
            throw new IllegalArgumentException("paired samples must be non-empty and of equal size, were " + n + " and "
                    + mutantNanos.size());
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] ratios = new double[RESAMPLES];
        long[] a = new long[n];
        long[] b = new long[n];
        for (int r = 0; r < RESAMPLES; r++) {
            for (int i = 0; i < n; i++) {
                int pick = random.nextInt(n);
                a[i] = originalNanos.get(pick);
                b[i] = mutantNanos.get(pick);
            }
            ratios[r] = median(a) / Math.max(1.0, median(b));
        }
        Arrays.sort(ratios);
        double tail = (1 - CONFIDENCE) / 2;
        double low = ratios[(int) Math.floor(tail * (RESAMPLES - 1))];
        double high = ratios[(int) Math.ceil((1 - tail) * (RESAMPLES - 1))];
        return new WinnerEvidence(n, pValue, a12, Math.max(low, Double.MIN_NORMAL), Math.max(high, low));
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + (double) sorted[mid]) / 2;
    }
}
