package dev.ouroboros.patcher;

import java.util.Objects;

/**
 * Why a watched bundle was judged a regression.
 *
 * @param bundleId the bundle that made things worse, never blank
 * @param before the counters of a window before the swap, never null
 * @param after the counters of the window after the swap, never null
 * @param reason which limit was passed, with both values, never blank
 */
public record RegressionReport(String bundleId, HealthSample before, HealthSample after, String reason) {

    /** Validates the report. */
    public RegressionReport {
        if (bundleId == null || bundleId.isBlank()) {
            throw new IllegalArgumentException("bundleId must not be blank, was '" + bundleId + "'");
        }
        Objects.requireNonNull(before, "before must not be null");
        Objects.requireNonNull(after, "after must not be null");
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("reason must not be blank, was '" + reason + "'");
        }
    }
}
