package dev.ouroboros.core;

import dev.ouroboros.mutation.MutationCandidate;
import java.time.Instant;

/**
 * Receives the engine's progress, stage by stage; every method has an empty default.
 *
 * <p>Callbacks run on the engine's thread: keep them short. An exception thrown by a listener is
 * logged and never disturbs the cycle.
 */
public interface EvolutionListener {

    /** A cycle started (the {@code CycleStart} marker). */
    default void onCycleStart(String cycleId, Instant at) {
    }

    /** The cycle chose the region it will mutate, and says why (hotspot samples or configured target). */
    default void onTargetChosen(String cycleId, String regionId, String why) {
    }

    /** A candidate was generated (the {@code MutationGenerated} marker). */
    default void onMutationGenerated(String cycleId, MutationCandidate candidate) {
    }

    /** A candidate left the cascade (the {@code FitnessEvaluated} marker). */
    default void onCandidateEvaluated(String cycleId, CandidateReport report) {
    }

    /** A winner was swapped into the running program (the {@code PatchApplied} marker). */
    default void onPatchApplied(String cycleId, Winner winner, long pauseNanos, Instant at) {
    }

    /** The cycle ended (the {@code CycleComplete} marker). */
    default void onCycleComplete(EvolutionResult result) {
    }
}
