package dev.ouroboros.mutation.strategy;

import dev.ouroboros.genome.GenomeRegion;
import dev.ouroboros.genome.SourceGenome;
import dev.ouroboros.mutation.MutationCandidate;
import dev.ouroboros.mutation.MutationOperator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.random.RandomGenerator;

/**
 * Prefers edits on hot lines. Each edit weighs the samples of the original lines it changes; edits
 * are drawn without replacement with probability proportional to weight (Efraimidis–Spirakis keys
 * {@code log(u) / w}), and edits on cold lines follow in random order once the hot ones are used up.
 */
final class HotspotWeightedStrategy implements MutationStrategy {

    private final List<MutationOperator> operators;
    private final TreeMap<Integer, Long> lineSamples;
    private final int maxPoints;

    HotspotWeightedStrategy(List<MutationOperator> operators, Map<Integer, Long> lineSamples, int maxPoints) {
        this.operators = Neighbourhood.operators(operators);
        Objects.requireNonNull(lineSamples, "lineSamples must not be null");
        for (Map.Entry<Integer, Long> e : lineSamples.entrySet()) {
            if (e.getKey() == null || e.getValue() == null || e.getKey() < 1 || e.getValue() < 0) {
                throw new IllegalArgumentException("lineSamples must map lines >= 1 to counts >= 0, had "
                        + e.getKey() + "=" + e.getValue());
            }
        }
        if (maxPoints <= 0) {
            throw new IllegalArgumentException("maxPoints must be positive, was " + maxPoints);
        }
        this.lineSamples = new TreeMap<>(lineSamples);
        this.maxPoints = maxPoints;
    }

    @Override
    public String name() {
        return "hotspot-weighted";
    }

    @Override
    public List<MutationCandidate> propose(SourceGenome genome, GenomeRegion region, int budget,
            RandomGenerator random) {
        Neighbourhood.checkCall(genome, region, budget, random);
        List<MutationCandidate> edits = Neighbourhood.distinct(
                Neighbourhood.edits(genome, region, operators, random.nextLong(), maxPoints));
        List<Keyed> keyed = new ArrayList<>();
        for (MutationCandidate c : edits) {
            long weight = weight(c);
            double u = random.nextDouble();
            // log(u) <= 0, so a heavier edit gets a key nearer 0; cold edits sort after every hot one.
            double key = weight > 0 ? Math.log(u) / weight : Double.NEGATIVE_INFINITY;
            keyed.add(new Keyed(c, weight > 0, key, u));
        }
        keyed.sort(Comparator.comparing(Keyed::hot).thenComparingDouble(Keyed::key).thenComparingDouble(Keyed::u)
                .reversed());
        return keyed.stream().limit(budget).map(Keyed::candidate).toList();
    }

    /** Returns the samples on the original lines the candidate changes. */
    long weight(MutationCandidate candidate) {
        TextChange change = TextChange.between(candidate.originalSource(), candidate.mutatedSource());
        int first = change.firstLine(candidate.originalSource());
        int last = change.lastLine(candidate.originalSource());
        return lineSamples.subMap(first, true, last, true).values().stream().mapToLong(Long::longValue).sum();
    }

    private record Keyed(MutationCandidate candidate, boolean hot, double key, double u) {
    }
}
