package dev.ouroboros.mutation.strategy;

import dev.ouroboros.genome.GenomeRegion;
import dev.ouroboros.genome.SourceGenome;
import dev.ouroboros.mutation.MutationCandidate;
import dev.ouroboros.mutation.MutationOperator;
import dev.ouroboros.mutation.Mutator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The single edits of a region as the {@link Mutator} makes them, shared by the built-in strategies
 * so that a strategy's candidate is exactly the mutator's candidate for the same operator, point and seed.
 */
final class Neighbourhood {

    private Neighbourhood() {
    }

    /** Validates an operator list: not null, not empty, no null entries, unique names; returns an immutable copy. */
    static List<MutationOperator> operators(List<MutationOperator> operators) {
        Objects.requireNonNull(operators, "operators must not be null");
        if (operators.isEmpty()) {
            throw new IllegalArgumentException("operators must not be empty, was " + operators);
        }
        Set<String> names = new HashSet<>();
        for (MutationOperator op : operators) {
            Objects.requireNonNull(op, "operators must not contain null");
            if (!names.add(op.name())) {
                throw new IllegalArgumentException("operator names must be unique, '" + op.name() + "' appears twice");
            }
        }
        return List.copyOf(operators);
    }

    static void checkCall(SourceGenome genome, GenomeRegion region, int budget, Object random) {
        Objects.requireNonNull(genome, "genome must not be null");
        Objects.requireNonNull(region, "region must not be null");
        Objects.requireNonNull(random, "random must not be null");
        if (budget <= 0) {
            throw new IllegalArgumentException("budget must be positive, was " + budget);
        }
    }

    /**
     * Returns at most {@code max} single edits of the given operators, chosen by the mutator's seeded
     * shuffle when there are more, listed in operator then point order.
     */
    static List<MutationCandidate> edits(SourceGenome genome, GenomeRegion region, List<MutationOperator> operators,
            long seed, int max) {
        return Mutator.builder().operators(operators).seed(seed).maxCandidates(max).build().mutate(genome, region);
    }

    /** Returns the candidates in order without later ones whose mutated text repeats an earlier one. */
    static List<MutationCandidate> distinct(List<MutationCandidate> candidates) {
        Map<String, MutationCandidate> byText = new LinkedHashMap<>();
        for (MutationCandidate c : candidates) {
            byText.putIfAbsent(c.mutatedSource(), c);
        }
        return new ArrayList<>(byText.values());
    }
}
