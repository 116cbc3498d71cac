package dev.ouroboros.mutation.strategy;

import dev.ouroboros.genome.GenomeRegion;
import dev.ouroboros.genome.SourceGenome;
import dev.ouroboros.mutation.MutationCandidate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Crossover of earlier winners: pairs of winners of the region whose edits change disjoint parts of
 * the current source are applied together as a {@link MutationBatch}, in a seeded random order of
 * pairs; a pair whose batch is rejected is skipped with its reason logged.
 */
final class CombinationStrategy implements MutationStrategy {

    private static final Logger LOG = LoggerFactory.getLogger(CombinationStrategy.class);

    private final Supplier<List<MutationCandidate>> winners;

    CombinationStrategy(Supplier<List<MutationCandidate>> winners) {
        this.winners = Objects.requireNonNull(winners, "winners must not be null");
    }

    @Override
    public String name() {
        return "combination";
    }

    @Override
    public List<MutationCandidate> propose(SourceGenome genome, GenomeRegion region, int budget,
            RandomGenerator random) {
        Neighbourhood.checkCall(genome, region, budget, random);
        String current = genome.sourceText(region.topLevelClassName());
        List<MutationCandidate> pool = Neighbourhood.distinct(Objects.requireNonNull(winners.get(),
                "the winners supplier returned null").stream()
                .filter(w -> w.regionId().equals(region.id()) && w.originalSource().equals(current)).toList());
        List<int[]> pairs = new ArrayList<>();
        for (int i = 0; i < pool.size(); i++) {
            for (int j = i + 1; j < pool.size(); j++) {
                pairs.add(new int[] {i, j});
            }
        }
        for (int i = pairs.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            pairs.set(i, pairs.set(j, pairs.get(i)));
        }
        List<MutationCandidate> out = new ArrayList<>();
        for (int[] pair : pairs) {
            if (out.size() == budget) {
                break;
            }
            MutationCandidate a = pool.get(pair[0]);
            MutationCandidate b = pool.get(pair[1]);
            BatchResult result = MutationBatch.ofCandidates(List.of(a, b)).apply(genome);
            if (result.applied()) {
                out.addAll(result.candidates());
            } else {
                LOG.debug("combination of {} and {} skipped: {}", a.id(), b.id(), result.reason());
            }
        }
        return List.copyOf(Neighbourhood.distinct(out));
    }
}
