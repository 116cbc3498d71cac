package dev.ouroboros.patcher;

import java.util.List;
import java.util.Objects;

/**
 * One rollback, as kept by the {@link RollbackLog}.
 *
 * @param bundleId the id of the bundle that was undone by {@link LivePatcher#rollbackLast()}, or
 *     {@code "to-version-N:<class>"} for a rollback of one class to version N; never blank
 * @param restored the version each class runs again, never empty
 * @param pauseNanos how long the one {@code redefineClasses} call took, in nanoseconds
 */
public record RollbackEntry(String bundleId, List<CodeVersion> restored, long pauseNanos) {

    /** Validates the entry and copies the version list. */
    public RollbackEntry {
        if (bundleId == null || bundleId.isBlank()) {
            throw new IllegalArgumentException("bundleId must not be blank, was '" + bundleId + "'");
        }
        Objects.requireNonNull(restored, "restored must not be null");
        if (restored.isEmpty()) {
            throw new IllegalArgumentException("restored must not be empty, bundle was '" + bundleId + "'");
        }
        if (pauseNanos < 0) {
            throw new IllegalArgumentException("pauseNanos must not be negative, was " + pauseNanos);
        }
        restored = List.copyOf(restored);
    }
}
