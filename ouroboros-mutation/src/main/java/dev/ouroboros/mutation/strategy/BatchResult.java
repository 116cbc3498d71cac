package dev.ouroboros.mutation.strategy;

import dev.ouroboros.mutation.MutationCandidate;
import java.util.List;
import java.util.Objects;

/**
 * What became of a {@link MutationBatch}: either every edit applied and each changed compilation unit
 * parses (one candidate per unit), or nothing applied and {@code reason} says why.
 *
 * @param applied    true when every edit applied
 * @param reason     why the batch was rejected; empty when applied
 * @param candidates one candidate per changed compilation unit, in order of first edit; empty when rejected
 */
public record BatchResult(boolean applied, String reason, List<MutationCandidate> candidates) {

    /** Validates the result: an applied batch has candidates and no reason, a rejected one the reverse. */
    public BatchResult {
        Objects.requireNonNull(reason, "reason must not be null");
        Objects.requireNonNull(candidates, "candidates must not be null");
        if (applied && (!reason.isEmpty() || candidates.isEmpty())) {
            throw new IllegalArgumentException("an applied batch has candidates and no reason, had reason '"
                    + reason + "' and " + candidates.size() + " candidates");
        }
        if (!applied && (reason.isBlank() || !candidates.isEmpty())) {
            throw new IllegalArgumentException("a rejected batch has a reason and no candidates, had reason '"
                    + reason + "' and " + candidates.size() + " candidates");
        }
        candidates = List.copyOf(candidates);
    }

    static BatchResult applied(List<MutationCandidate> candidates) {
        return new BatchResult(true, "", candidates);
    }

    static BatchResult rejected(String reason) {
        return new BatchResult(false, reason, List.of());
    }
}
