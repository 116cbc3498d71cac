package dev.ouroboros.mutation.strategy;

import dev.ouroboros.genome.GenomeRegion;
import dev.ouroboros.genome.SourceGenome;
import dev.ouroboros.mutation.MutationCandidate;
import dev.ouroboros.mutation.MutationOperator;
import java.util.List;
import java.util.random.RandomGenerator;

/** Draws edits uniformly from every point of every operator: the mutator's seeded shuffle, seeded from the caller. */
final class RandomStrategy implements MutationStrategy {

    private final List<MutationOperator> operators;

    RandomStrategy(List<MutationOperator> operators) {
        this.operators = Neighbourhood.operators(operators);
    }

    @Override
    public String name() {
        return "random";
    }

    @Override
    public List<MutationCandidate> propose(SourceGenome genome, GenomeRegion region, int budget,
            RandomGenerator random) {
        Neighbourhood.checkCall(genome, region, budget, random);
        return Neighbourhood.distinct(Neighbourhood.edits(genome, region, operators, random.nextLong(), budget));
    }
}
