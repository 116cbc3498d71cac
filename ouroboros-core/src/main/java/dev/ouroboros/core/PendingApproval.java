package dev.ouroboros.core;

import dev.ouroboros.mutation.MutationSeverity;
import java.time.Instant;
import java.util.Objects;

/**
 * A proven winner waiting for a person's decision, with the evidence to decide on.
 *
 * @param id          the approval id to pass to {@link ApprovalQueue#approve} or {@link ApprovalQueue#reject}
 * @param cycleId     the cycle that found it
 * @param winner      the winner: operator, region, diff, timings, class hashes
 * @param severity    the operator's severity
 * @param evidence    what it passed, in one line (tests, timing rounds)
 * @param createdAt   when it was queued
 */
public record PendingApproval(String id, String cycleId, Winner winner, MutationSeverity severity, String evidence,
        Instant createdAt) {

    /** Validates the approval. */
    public PendingApproval {
        Objects.requireNonNull(id, "id must not be null");
        Objects.requireNonNull(cycleId, "cycleId must not be null");
        Objects.requireNonNull(winner, "winner must not be null");
        Objects.requireNonNull(severity, "severity must not be null");
        Objects.requireNonNull(evidence, "evidence must not be null");
        Objects.requireNonNull(createdAt, "createdAt must not be null");
    }
}
