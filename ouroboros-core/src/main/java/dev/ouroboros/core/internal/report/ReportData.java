package dev.ouroboros.core.internal.report;

import dev.ouroboros.core.EvolutionStatistics;
import dev.ouroboros.core.HistoryEntry;
import dev.ouroboros.core.HistoryStatus;
import dev.ouroboros.core.Winner;
import dev.ouroboros.core.WinnerEvidence;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable snapshot of everything the report shows, taken from the durable state at one moment.
 *
 * @param directory    the data directory it was read from
 * @param lastSequence the journal sequence number of the last record included
 * @param takenAt      when the snapshot was taken
 * @param history      every history entry, oldest first
 * @param winners      every winner with its latest status and evidence, in the order first recorded
 * @param statistics   the per-operator counts
 */
public record ReportData(Path directory, long lastSequence, Instant takenAt, List<HistoryEntry> history,
        List<WinnerRow> winners, EvolutionStatistics statistics) {

    /** Validates and freezes the snapshot. */
    public ReportData {
        Objects.requireNonNull(directory, "directory must not be null");
        Objects.requireNonNull(takenAt, "takenAt must not be null");
        history = List.copyOf(history);
        winners = List.copyOf(winners);
        Objects.requireNonNull(statistics, "statistics must not be null");
    }

    /**
     * One winner as the report shows it.
     *
     * @param winner     the winner's latest record
     * @param evidence   its timing evidence, when it was journaled
     * @param status     the candidate's latest history status
     * @param cycleId    the cycle that found it ("" when the history has no entry)
     * @param recordedAt when its first history entry was made (the cycle's evaluation)
     * @param proof      what it passed, as the cascade said (tests, rounds, p-value); may be empty
     */
    public record WinnerRow(Winner winner, Optional<WinnerEvidence> evidence, HistoryStatus status, String cycleId,
            Instant recordedAt, String proof) {

        /** Validates the row. */
        public WinnerRow {
            Objects.requireNonNull(winner, "winner must not be null");
            Objects.requireNonNull(evidence, "evidence must not be null");
            Objects.requireNonNull(status, "status must not be null");
            Objects.requireNonNull(cycleId, "cycleId must not be null");
            Objects.requireNonNull(recordedAt, "recordedAt must not be null");
            Objects.requireNonNull(proof, "proof must not be null");
        }
    }
}
