package dev.ouroboros.core;

import dev.ouroboros.core.internal.journal.Journal;
import dev.ouroboros.core.internal.journal.JournalRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything that happened to every candidate, durable across crashes.
 *
 * <p>Each {@code append} is one journal record and returns once it is acknowledged (forced to the
 * device). Later states of a candidate — {@code PENDING_APPROVAL} → {@code APPROVED} / {@code REJECTED}
 * → {@code APPLIED} → {@code ROLLED_BACK} — are further entries: the latest entry for a candidate is its
 * status, which is how the approval queue survives a restart. Obtain it from {@link EngineState#history()}.
 * Thread-safe.
 */
public final class MutationHistory {

    static final String TYPE = "candidate";

    private final Journal journal;
    private final List<HistoryEntry> entries = new ArrayList<>();
    private final Map<String, HistoryEntry> latest = new LinkedHashMap<>();

    MutationHistory(Journal journal) {
        this.journal = journal;
    }

    /**
     * Appends one entry and returns once it is durable.
     *
     * @param speedup original / candidate median time; {@code NaN} when not timed
     * @return the entry with its sequence number and time; never null
     * @throws DataDirectoryException when it could not be made durable (nothing is recorded then)
     */
    public HistoryEntry append(String cycleId, String candidateId, String operator, String regionId,
            HistoryStatus status, String detail, double speedup, long seed) {
        // Validate before anything reaches the journal: a record that cannot be replayed must never be written.
        HistoryEntry draft = new HistoryEntry(1, Instant.EPOCH, cycleId, candidateId, operator, regionId, status, detail,
                speedup, seed);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("cycle", draft.cycleId());
        fields.put("candidate", draft.candidateId());
        fields.put("operator", draft.operator());
        fields.put("region", draft.regionId());
        fields.put("status", draft.status().name());
        fields.put("detail", draft.detail());
        fields.put("speedup", draft.speedup());
        fields.put("seed", draft.seed());
        synchronized (journal) {
            return apply(journal.append(TYPE, fields));
        }
    }

    /**
     * Appends what the cascade reported for one candidate; its stage becomes the status.
     *
     * @return the durable entry; never null
     */
    public HistoryEntry append(String cycleId, String regionId, long seed, CandidateReport report) {
        Objects.requireNonNull(report, "report must not be null");
        return append(cycleId, report.candidateId(), report.operator(), regionId, HistoryStatus.of(report.stage()),
                report.detail(), report.speedup(), seed);
    }

    /**
     * Appends a later status of a candidate already in the history (e.g. {@code APPROVED} after
     * {@code PENDING_APPROVAL}), keeping its cycle, operator, region, speedup and seed.
     *
     * @return the durable entry; never null
     * @throws IllegalArgumentException when the history has no entry for the candidate
     */
    public HistoryEntry transition(String candidateId, HistoryStatus status, String detail) {
        synchronized (journal) {
            HistoryEntry last = latest.get(candidateId);
            if (last == null) {
                throw new IllegalArgumentException("the history has no candidate " + candidateId
                        + "; append its cascade result before changing its status");
            }
            return append(last.cycleId(), candidateId, last.operator(), last.regionId(), status, detail, last.speedup(),
                    last.seed());
        }
    }

    /** Returns every entry, oldest first. */
    public List<HistoryEntry> entries() {
        synchronized (journal) {
            return List.copyOf(entries);
        }
    }

    /** Returns the entries of one region, oldest first. */
    public List<HistoryEntry> byRegion(String regionId) {
        synchronized (journal) {
            return entries.stream().filter(e -> e.regionId().equals(regionId)).toList();
        }
    }

    /** Returns the entries of one operator, oldest first. */
    public List<HistoryEntry> byOperator(String operator) {
        synchronized (journal) {
            return entries.stream().filter(e -> e.operator().equals(operator)).toList();
        }
    }

    /** Returns the latest entry of a candidate: its current status. */
    public Optional<HistoryEntry> latest(String candidateId) {
        synchronized (journal) {
            return Optional.ofNullable(latest.get(candidateId));
        }
    }

    /**
     * Returns the latest entry of every candidate whose current status is the given one, in the order the
     * candidates first appeared; {@code latestWithStatus(PENDING_APPROVAL)} is the approval queue.
     */
    public List<HistoryEntry> latestWithStatus(HistoryStatus status) {
        synchronized (journal) {
            return latest.values().stream().filter(e -> e.status() == status).toList();
        }
    }

    /** Rebuilds the view from one journal record at open. */
    void replay(JournalRecord r) {
        apply(r);
    }

    private HistoryEntry apply(JournalRecord r) {
        HistoryEntry e = new HistoryEntry(r.sequence(), r.time(), r.string("cycle"), r.string("candidate"),
                r.string("operator"), r.string("region"), HistoryStatus.valueOf(r.string("status")), r.string("detail"),
                r.doubleValue("speedup"), r.longValue("seed"));
        entries.add(e);
        latest.put(e.candidateId(), e);
        return e;
    }
}
