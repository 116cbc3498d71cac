package dev.ouroboros.core;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of the {@link MutationHistory}: what happened to one candidate at one moment.
 *
 * @param sequence    the journal sequence number of the record (1, 2, ...); orders all entries
 * @param time        when the entry was made durable
 * @param cycleId     the cycle that evaluated the candidate
 * @param candidateId the mutation candidate's id
 * @param operator    the operator that produced it
 * @param regionId    the region it rewrote
 * @param status      where the candidate stands after this entry
 * @param detail      why (compiler line, failing test, timing, who approved); never null, may be empty
 * @param speedup     original median time / candidate median time; {@code NaN} when not timed
 * @param seed        the seed the candidate was generated with, for replay
 */
public record HistoryEntry(long sequence, Instant time, String cycleId, String candidateId, String operator,
        String regionId, HistoryStatus status, String detail, double speedup, long seed) {

    /** Validates the entry. */
    public HistoryEntry {
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence must be at least 1, was " + sequence);
        }
        Objects.requireNonNull(time, "time must not be null");
        Objects.requireNonNull(cycleId, "cycleId must not be null");
        Objects.requireNonNull(candidateId, "candidateId must not be null");
        Objects.requireNonNull(operator, "operator must not be null");
        Objects.requireNonNull(regionId, "regionId must not be null");
        Objects.requireNonNull(status, "status must not be null");
        Objects.requireNonNull(detail, "detail must not be null");
        if (Double.isInfinite(speedup)) {
            throw new IllegalArgumentException("speedup must be finite or NaN (not timed), was " + speedup);
        }
    }

    /** True when the candidate was timed. */
    public boolean timed() {
        return !Double.isNaN(speedup);
    }
}
