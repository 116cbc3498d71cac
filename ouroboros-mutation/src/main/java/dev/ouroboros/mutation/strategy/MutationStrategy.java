package dev.ouroboros.mutation.strategy;

import dev.ouroboros.genome.GenomeRegion;
import dev.ouroboros.genome.SourceGenome;
import dev.ouroboros.mutation.MutationCandidate;
import dev.ouroboros.mutation.MutationOperator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * One way of choosing which edits of a region become candidates: the "strategies pick operators and
 * regions" half of step 4 of the loop.
 *
 * <p>A strategy is asked for at most {@code budget} candidates of one region and takes every random
 * choice from the generator it is given, so the same genome text, region, configuration and seed give
 * byte-identical candidates in the same order. The built-in strategies reuse the
 * {@link dev.ouroboros.mutation.Mutator} and the operators for their edits, so a candidate they make
 * is the very candidate a mutator with the same operator and seed makes. Several strategies share one
 * budget through a {@link StrategyMix}, each with its multiplier. A region a strategy cannot serve
 * gives fewer candidates (possibly none), never an exception for that reason alone.
 *
 * <p>Five strategies have factories here; the sixth, LLM-guided, is
 * {@code dev.ouroboros.mutation.llm.LlmGuidedMutator}, which implements this interface.
 */
public interface MutationStrategy {

    /** Returns the strategy's kebab-case name, for logs and the history journal. */
    String name();

    /**
     * Proposes candidates for one region.
     *
     * @param budget the most candidates to return, positive
     * @param random the source of every random choice, never null
     * @return at most {@code budget} candidates, no two with the same mutated text; never null
     * @throws dev.ouroboros.genome.OuroborosException when the region's source is missing, does not
     *                                                 parse, or no longer declares the region
     */
    List<MutationCandidate> propose(SourceGenome genome, GenomeRegion region, int budget, RandomGenerator random);

    /** Returns the strategy that draws edits uniformly from every point of every operator. */
    static MutationStrategy random(List<MutationOperator> operators) {
        return new RandomStrategy(operators);
    }

    /**
     * Returns the strategy that prefers edits on hot lines: an edit weighs the samples of the source
     * lines it changes, edits are drawn without replacement in proportion to their weight, and edits
     * touching no hot line come only after all the others.
     *
     * @param lineSamples samples per 1-based source line of the region's file (as in
     *                    {@link dev.ouroboros.genome.Hotspot#lineSamples()}); lines must be positive,
     *                    counts not negative
     * @param maxPoints   the most edits looked at per call (each one is materialized to know its lines), positive
     */
    static MutationStrategy hotspotWeighted(List<MutationOperator> operators, Map<Integer, Long> lineSamples,
            int maxPoints) {
        return new HotspotWeightedStrategy(operators, lineSamples, maxPoints);
    }

    /** Returns the strategy that spends its budget on operators chosen by the bandit, by their success so far. */
    static MutationStrategy bandit(List<MutationOperator> operators, OperatorBandit bandit) {
        return new BanditStrategy(operators, bandit);
    }

    /**
     * Returns the strategy that lists every single edit of a small region: all points of all
     * operators, in operator then point order. A region with more than {@code maxNeighbourhood} edits
     * is not small and gives no candidate (logged); a budget smaller than the neighbourhood keeps its
     * first edits in that order.
     */
    static MutationStrategy exhaustive(List<MutationOperator> operators, int maxNeighbourhood) {
        return new ExhaustiveStrategy(operators, maxNeighbourhood);
    }

    /**
     * Returns the strategy that combines earlier winners of the region: every pair of winners whose
     * edits change disjoint parts of the same original text is applied together as a
     * {@link MutationBatch}; pairs are tried in a seeded random order. Winners made from another text
     * than the region's current source are ignored.
     *
     * @param winners called on every proposal; returns the winners known so far, never null
     */
    static MutationStrategy combination(Supplier<List<MutationCandidate>> winners) {
        return new CombinationStrategy(winners);
    }
}
