package dev.ouroboros.mutation.llm;

import dev.ouroboros.mutation.MutationCandidate;
import java.util.List;
import java.util.Objects;

/**
 * What one call of {@link LlmGuidedMutator#generate} gave: the candidates made from acceptable
 * replies and a rejection for every request that gave none.
 *
 * @param candidates the candidates, in request order, never null
 * @param rejections the rejections, in request order, never null
 */
public record LlmOutcome(List<MutationCandidate> candidates, List<LlmRejection> rejections) {

    /** Validates and freezes the outcome. */
    public LlmOutcome {
        candidates = List.copyOf(Objects.requireNonNull(candidates, "candidates must not be null"));
        rejections = List.copyOf(Objects.requireNonNull(rejections, "rejections must not be null"));
    }
}
