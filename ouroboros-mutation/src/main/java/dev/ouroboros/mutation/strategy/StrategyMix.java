package dev.ouroboros.mutation.strategy;

import dev.ouroboros.genome.GenomeRegion;
import dev.ouroboros.genome.SourceGenome;
import dev.ouroboros.mutation.MutationCandidate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shares one candidate budget between strategies by their multipliers: a strategy with multiplier
 * {@code m} of a total {@code M} is asked for {@code budget * m / M} candidates (largest remainders
 * round), a multiplier of 0 switches it off. A strategy that gives fewer than its share (a small
 * region, an unreachable LLM endpoint) leaves the rest to the others, asked again in order for more.
 * A strategy that throws is logged with its reason and skipped; the call fails only when all of them
 * do. Candidates are listed strategy by strategy, without repeated texts.
 *
 * <p>Deterministic: strategy {@code i} gets its own {@link SplittableRandom} seeded by the
 * {@code i}-th draw of the caller's generator, whatever the multipliers.
 */
public final class StrategyMix {

    private static final Logger LOG = LoggerFactory.getLogger(StrategyMix.class);

    private final List<MutationStrategy> strategies;
    private final List<Integer> multipliers;

    private StrategyMix(Builder builder) {
        this.strategies = List.copyOf(builder.strategies);
        this.multipliers = List.copyOf(builder.multipliers);
    }

    /** Returns an empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns the strategies, in the order their candidates are listed. */
    public List<MutationStrategy> strategies() {
        return strategies;
    }

    /** Returns each strategy's multiplier, in the order of {@link #strategies()}. */
    public List<Integer> multipliers() {
        return multipliers;
    }

    /** Returns how many of {@code budget} candidates each strategy is asked for first. */
    public List<Integer> shares(int budget) {
        if (budget <= 0) {
            throw new IllegalArgumentException("budget must be positive, was " + budget);
        }
        long total = multipliers.stream().mapToLong(Integer::longValue).sum();
        int[] share = new int[multipliers.size()];
        double[] rest = new double[multipliers.size()];
        int given = 0;
        for (int i = 0; i < share.length; i++) {
            double exact = (double) budget * multipliers.get(i) / total;
            share[i] = (int) Math.floor(exact);
            rest[i] = exact - share[i];
            given += share[i];
        }
        while (given < budget) {
            int best = -1;
            for (int i = 0; i < share.length; i++) {
                if (multipliers.get(i) > 0 && (best < 0 || rest[i] > rest[best])) {
                    best = i;
                }
            }
            share[best]++;
            rest[best] = -1;
            given++;
        }
        List<Integer> out = new ArrayList<>();
        for (int s : share) {
            out.add(s);
        }
        return out;
    }

    /**
     * Proposes at most {@code budget} candidates for the region from all strategies.
     *
     * @return candidates, strategy by strategy, no two with the same text; never null
     */
    public List<MutationCandidate> propose(SourceGenome genome, GenomeRegion region, int budget,
            RandomGenerator random) {
        Objects.requireNonNull(random, "random must not be null");
        List<Integer> shares = shares(budget);
        long[] seeds = new long[strategies.size()];
        for (int i = 0; i < seeds.length; i++) {
            seeds[i] = random.nextLong();
        }
        Map<String, MutationCandidate> byText = new LinkedHashMap<>();
        boolean[] full = new boolean[strategies.size()];
        RuntimeException firstFailure = null;
        int failures = 0;
        int asked = 0;
        for (int i = 0; i < strategies.size(); i++) {
            if (shares.get(i) == 0) {
                continue;
            }
            asked++;
            try {
                List<MutationCandidate> got = ask(i, genome, region, shares.get(i), seeds[i]);
                full[i] = got.size() >= shares.get(i);
                got.forEach(c -> byText.putIfAbsent(c.mutatedSource(), c));
            } catch (RuntimeException e) {
                failures++;
                firstFailure = firstFailure == null ? e : firstFailure;
                LOG.warn("strategy {} failed on {}; the other strategies take its share: {}",
                        strategies.get(i).name(), region.id(), e.toString());
            }
        }
        if (asked > 0 && failures == asked) {
            throw firstFailure;
        }
        for (int i = 0; i < strategies.size() && byText.size() < budget; i++) {
            if (!full[i]) {
                continue;
            }
            int more = shares.get(i) + (budget - byText.size());
            try {
                ask(i, genome, region, more, seeds[i]).forEach(c -> {
                    if (byText.size() < budget) {
                        byText.putIfAbsent(c.mutatedSource(), c);
                    }
                });
            } catch (RuntimeException e) {
                LOG.warn("strategy {} failed on {} when asked for more: {}", strategies.get(i).name(), region.id(),
                        e.toString());
            }
        }
        return byText.values().stream().limit(budget).toList();
    }

    private List<MutationCandidate> ask(int i, SourceGenome genome, GenomeRegion region, int budget, long seed) {
        return strategies.get(i).propose(genome, region, budget, new SplittableRandom(seed));
    }

    /** Collects strategies and multipliers; {@link #build()} returns an immutable mix. */
    public static final class Builder {

        private final List<MutationStrategy> strategies = new ArrayList<>();
        private final List<Integer> multipliers = new ArrayList<>();

        private Builder() {
        }

        /**
         * Adds a strategy with its multiplier, its relative share of every budget.
         *
         * @throws IllegalArgumentException when the multiplier is negative or the name is taken
         */
        public Builder add(MutationStrategy strategy, int multiplier) {
            Objects.requireNonNull(strategy, "strategy must not be null");
            if (multiplier < 0) {
                throw new IllegalArgumentException("multiplier must not be negative, was " + multiplier);
            }
            if (strategies.stream().anyMatch(s -> s.name().equals(strategy.name()))) {
                throw new IllegalArgumentException("strategy names must be unique in a mix, '" + strategy.name()
                        + "' was added twice");
            }
            strategies.add(strategy);
            multipliers.add(multiplier);
            return this;
        }

        /**
         * Returns the mix.
         *
         * @throws IllegalArgumentException when no strategy has a positive multiplier
         */
        public StrategyMix build() {
            if (multipliers.stream().noneMatch(m -> m > 0)) {
                throw new IllegalArgumentException("a mix needs a strategy with a positive multiplier, had "
                        + multipliers);
            }
            return new StrategyMix(this);
        }
    }
}
