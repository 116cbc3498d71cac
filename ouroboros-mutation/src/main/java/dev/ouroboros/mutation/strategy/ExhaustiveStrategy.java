package dev.ouroboros.mutation.strategy;

import dev.ouroboros.genome.GenomeRegion;
import dev.ouroboros.genome.SourceGenome;
import dev.ouroboros.mutation.MutationCandidate;
import dev.ouroboros.mutation.MutationOperator;
import java.util.List;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every single edit of a small region, in operator then point order. */
final class ExhaustiveStrategy implements MutationStrategy {

    private static final Logger LOG = LoggerFactory.getLogger(ExhaustiveStrategy.class);

    private final List<MutationOperator> operators;
    private final int maxNeighbourhood;

    ExhaustiveStrategy(List<MutationOperator> operators, int maxNeighbourhood) {
        this.operators = Neighbourhood.operators(operators);
        if (maxNeighbourhood <= 0) {
            throw new IllegalArgumentException("maxNeighbourhood must be positive, was " + maxNeighbourhood);
        }
        this.maxNeighbourhood = maxNeighbourhood;
    }

    @Override
    public String name() {
        return "exhaustive";
    }

    @Override
    public List<MutationCandidate> propose(SourceGenome genome, GenomeRegion region, int budget,
            RandomGenerator random) {
        Neighbourhood.checkCall(genome, region, budget, random);
        // The seed is fixed: an exhaustive list does not depend on chance, and one more than the limit
        // tells a large region without materializing all of it.
        List<MutationCandidate> all = Neighbourhood.edits(genome, region, operators, 0, maxNeighbourhood + 1);
        if (all.size() > maxNeighbourhood) {
            LOG.info("exhaustive strategy skips {}: more than {} single edits, not a small region", region.id(),
                    maxNeighbourhood);
            return List.of();
        }
        List<MutationCandidate> distinct = Neighbourhood.distinct(all);
        if (distinct.size() > budget) {
            LOG.debug("exhaustive strategy keeps the first {} of {} edits of {}", budget, distinct.size(), region.id());
            return List.copyOf(distinct.subList(0, budget));
        }
        return List.copyOf(distinct);
    }
}
