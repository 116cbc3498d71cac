package dev.ouroboros.core.internal;

import dev.ouroboros.core.CandidateReport;
import dev.ouroboros.core.EngineState;
import dev.ouroboros.core.EvolutionListener;
import dev.ouroboros.mutation.MutationCandidate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Journals every candidate's fate into the engine's durable history as the cycle reports it.
 *
 * <p>The record is durable before the next stage starts, so a crash loses at most the candidate being
 * evaluated, never one that was reported.
 */
public final class HistoryRecorder implements EvolutionListener {

    private final EngineState state;
    private final long seed;
    private final Map<String, String> regionOfCandidate = new ConcurrentHashMap<>();

    public HistoryRecorder(EngineState state, long seed) {
        this.state = state;
        this.seed = seed;
    }

    @Override
    public void onMutationGenerated(String cycleId, MutationCandidate candidate) {
        regionOfCandidate.put(candidate.id(), candidate.regionId());
    }

    @Override
    public void onCandidateEvaluated(String cycleId, CandidateReport report) {
        // Removed once journaled: the engine runs for the life of the program, the map must not grow with it.
        String region = regionOfCandidate.remove(report.candidateId());
        if (region == null) {
            region = "unknown";
        }
        state.history().append(cycleId, region, seed, report);
    }
}
