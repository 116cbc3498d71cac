package dev.ouroboros.core;

import dev.ouroboros.mutation.MutationCandidate;
import java.time.Instant;
import java.util.List;

/**
 * Receives the engine's progress, stage by stage; every method has an empty default.
 *
 * <p>The methods are the twelve markers of the design; the engine also emits each as a JFR event
 * ({@code dev.ouroboros.<Marker>}, category "Ouroboros") and an SLF4J line on the
 * {@code dev.ouroboros.telemetry} logger. Callbacks run on the engine's thread: keep them short. An exception thrown by a listener is
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

    /** A candidate's tests started in a sandbox worker (the {@code TestStarted} marker). */
    default void onTestStarted(String cycleId, String candidateId, List<String> testClasses) {
    }

    /** A candidate's sandbox evaluation ended (the {@code TestCompleted} marker); outcome as the sandbox named it. */
    default void onTestCompleted(String cycleId, String candidateId, String outcome, String detail) {
    }

    /** A candidate left the cascade (the {@code FitnessEvaluated} marker). */
    default void onCandidateEvaluated(String cycleId, CandidateReport report) {
    }

    /**
     * A winner was approved to go live (the {@code SelectionApproved} marker).
     *
     * @param approvedBy {@code automatic}, {@code approve-major} or the name given to
     *                   {@link ApprovalQueue#approve(String, String)}
     */
    default void onSelectionApproved(String cycleId, Winner winner, String approvedBy) {
    }

    /** A winner was swapped into the running program (the {@code PatchApplied} marker). */
    default void onPatchApplied(String cycleId, Winner winner, long pauseNanos, Instant at) {
    }

    /** The cycle ended (the {@code CycleComplete} marker). */
    default void onCycleComplete(EvolutionResult result) {
    }

    /** The machine went idle and a dream session started (the {@code DreamSessionStart} marker). */
    default void onDreamSessionStart(long sessionId, String trigger) {
    }

    /** A dream session ended (the {@code DreamSessionEnd} marker), e.g. because activity returned. */
    default void onDreamSessionEnd(long sessionId, String reason) {
    }

    /** A swapped-in bundle regressed after the swap (the {@code RegressionDetected} marker). */
    default void onRegressionDetected(String bundleId, String detail) {
    }

    /** A bundle was rolled back to the exact prior bytes (the {@code RollbackExecuted} marker). */
    default void onRollbackExecuted(String bundleId, List<String> classes, String reason) {
    }
}
