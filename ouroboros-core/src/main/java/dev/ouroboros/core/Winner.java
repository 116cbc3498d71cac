package dev.ouroboros.core;

import java.util.Map;
import java.util.Objects;

/**
 * The candidate a cycle chose, with its evidence.
 *
 * @param candidateId         the mutation candidate's id
 * @param operator            the operator that produced it
 * @param regionId            the region it rewrote
 * @param diff                the unified diff against the original source
 * @param speedup             original median / winner median over the paired timing rounds
 * @param mutantWinFraction   share of paired rounds in which the winner was faster
 * @param originalMedianNanos median time of one run of the class's tests on the original
 * @param mutantMedianNanos   median time of one run of the class's tests on the winner
 * @param classSha256         SHA-256 of each class the winner changes, by binary name
 * @param applied             true when it was swapped into the running program
 */
public record Winner(String candidateId, String operator, String regionId, String diff, double speedup,
        double mutantWinFraction, double originalMedianNanos, double mutantMedianNanos,
        Map<String, String> classSha256, boolean applied) {

    /** Validates the winner. */
    public Winner {
        Objects.requireNonNull(candidateId, "candidateId must not be null");
        Objects.requireNonNull(diff, "diff must not be null");
        classSha256 = Map.copyOf(classSha256);
    }

    /** The same winner, marked applied or not. */
    public Winner withApplied(boolean nowApplied) {
        return new Winner(candidateId, operator, regionId, diff, speedup, mutantWinFraction, originalMedianNanos,
                mutantMedianNanos, classSha256, nowApplied);
    }
}
