package dev.ouroboros.patcher;

import java.util.List;
import java.util.Objects;

/**
 * Proof that a bundle went live.
 *
 * @param bundleId the id of the applied bundle, never blank
 * @param versions the new version of each class of the bundle, in bundle order, never empty
 * @param pauseNanos how long the one {@code redefineClasses} call took, in nanoseconds
 */
public record PatchReceipt(String bundleId, List<CodeVersion> versions, long pauseNanos) {

    /** Validates the receipt and copies the version list. */
    public PatchReceipt {
        if (bundleId == null || bundleId.isBlank()) {
            throw new IllegalArgumentException("bundleId must not be blank, was '" + bundleId + "'");
        }
        Objects.requireNonNull(versions, "versions must not be null");
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("versions must not be empty, bundle was '" + bundleId + "'");
        }
        if (pauseNanos < 0) {
            throw new IllegalArgumentException("pauseNanos must not be negative, was " + pauseNanos);
        }
        versions = List.copyOf(versions);
    }
}
