package dev.ouroboros.patcher;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * When a swapped-in version counts as a regression: slower or failing more often than before by more
 * than the limits, judged over a window with enough calls.
 *
 * @param maxSlowdown the largest allowed ratio of mean call time after to before, at least 1 (1.25 = 25% slower)
 * @param maxFailureRateIncrease the largest allowed rise of the failure share, between 0 and 1
 * @param minCalls the fewest calls a window needs before it is judged, at least 1
 * @param window how long each observation window lasts, positive
 * @param maxWindows how many windows to wait for enough calls before the watch gives up, at least 1
 */
public record RegressionPolicy(double maxSlowdown, double maxFailureRateIncrease, long minCalls, Duration window,
        int maxWindows) {

    /** Validates the policy. */
    public RegressionPolicy {
        if (!(maxSlowdown >= 1.0)) {
            throw new IllegalArgumentException("maxSlowdown must be at least 1, was " + maxSlowdown);
        }
        if (!(maxFailureRateIncrease >= 0 && maxFailureRateIncrease <= 1)) {
            throw new IllegalArgumentException("maxFailureRateIncrease must be between 0 and 1, was "
                    + maxFailureRateIncrease);
        }
        if (minCalls < 1) {
            throw new IllegalArgumentException("minCalls must be positive, was " + minCalls);
        }
        Objects.requireNonNull(window, "window must not be null");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive, was " + window);
        }
        if (maxWindows < 1) {
            throw new IllegalArgumentException("maxWindows must be positive, was " + maxWindows);
        }
    }

    /** 25% slower or 0.1 percentage points more failures, over at least 200 calls in 1 s windows, 10 windows. */
    public static RegressionPolicy defaults() {
        return new RegressionPolicy(1.25, 0.001, 200, Duration.ofSeconds(1), 10);
    }

    /**
     * Judges one window after the swap against one before it.
     *
     * @return the reason when the window is a regression; empty when it is not or has too few calls
     */
    public Optional<String> judge(HealthSample before, HealthSample after) {
        if (after.calls() < minCalls) {
            return Optional.empty();
        }
        double rise = after.failureRate() - before.failureRate();
        if (rise > maxFailureRateIncrease) {
            return Optional.of(String.format("failure rate rose from %.4f to %.4f, more than the allowed %.4f",
                    before.failureRate(), after.failureRate(), maxFailureRateIncrease));
        }
        if (before.calls() > 0 && after.meanNanos() > before.meanNanos() * maxSlowdown) {
            return Optional.of(String.format("mean call time rose from %.0f ns to %.0f ns (x%.2f), more than the"
                    + " allowed x%.2f", before.meanNanos(), after.meanNanos(), after.meanNanos() / before.meanNanos(),
                    maxSlowdown));
        }
        return Optional.empty();
    }
}
