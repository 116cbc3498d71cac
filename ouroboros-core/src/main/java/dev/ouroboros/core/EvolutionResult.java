package dev.ouroboros.core;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How one evolution cycle ended and what it saw on the way.
 *
 * @param cycleId    unique id of the cycle
 * @param outcome    how it ended
 * @param message    one line a person can act on, never null
 * @param regionIds  the regions that were mutated (empty when the cycle was skipped early)
 * @param candidates every candidate with the gate it reached, in evaluation order
 * @param winner     the chosen winner, when the outcome is {@link EvolutionOutcome#IMPROVED}
 * @param duration   wall time of the cycle
 * @param stages     wall time per stage ({@code target}, {@code fidelity}, {@code mutate}, {@code compile},
 *                   {@code sandbox}, {@code patch}), in the order first entered
 */
public record EvolutionResult(String cycleId, EvolutionOutcome outcome, String message, List<String> regionIds,
        List<CandidateReport> candidates, Optional<Winner> winner, Duration duration, Map<String, Duration> stages) {

    /** Validates the result. */
    public EvolutionResult {
        Objects.requireNonNull(cycleId, "cycleId must not be null");
        Objects.requireNonNull(outcome, "outcome must not be null");
        Objects.requireNonNull(message, "message must not be null");
        regionIds = List.copyOf(regionIds);
        candidates = List.copyOf(candidates);
        Objects.requireNonNull(winner, "winner must not be null");
        Objects.requireNonNull(duration, "duration must not be null");
        stages = Collections.unmodifiableMap(new LinkedHashMap<>(stages));
    }

    /** Counts the candidates that stopped at the given gate. */
    public long count(CandidateStage stage) {
        return candidates.stream().filter(c -> c.stage() == stage).count();
    }
}
