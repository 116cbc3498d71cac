package dev.ouroboros.mutation.strategy;

import dev.ouroboros.genome.GenomeRegion;
import dev.ouroboros.genome.SourceGenome;
import dev.ouroboros.mutation.MutationCandidate;
import dev.ouroboros.mutation.MutationOperator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Spends the budget slot by slot on the operator the {@link OperatorBandit} chooses; each chosen
 * operator then gives that many of its points, drawn by the mutator's seeded shuffle. An operator
 * whose points run out leaves the draw, and its unused slots are chosen again among the others.
 */
final class BanditStrategy implements MutationStrategy {

    private final List<MutationOperator> operators;
    private final OperatorBandit bandit;

    BanditStrategy(List<MutationOperator> operators, OperatorBandit bandit) {
        this.operators = Neighbourhood.operators(operators);
        this.bandit = Objects.requireNonNull(bandit, "bandit must not be null");
    }

    @Override
    public String name() {
        return "operator-bandit";
    }

    @Override
    public List<MutationCandidate> propose(SourceGenome genome, GenomeRegion region, int budget,
            RandomGenerator random) {
        Neighbourhood.checkCall(genome, region, budget, random);
        Map<String, MutationOperator> byName = new LinkedHashMap<>();
        operators.forEach(op -> byName.put(op.name(), op));
        Set<String> open = new LinkedHashSet<>(byName.keySet());
        Map<String, Integer> given = new LinkedHashMap<>();
        Map<String, Long> seeds = new LinkedHashMap<>();
        List<MutationCandidate> out = new ArrayList<>();
        while (out.size() < budget && !open.isEmpty()) {
            Map<String, Integer> slots = new LinkedHashMap<>();
            for (int i = out.size(); i < budget; i++) {
                slots.merge(bandit.choose(open, random), 1, Integer::sum);
            }
            for (Map.Entry<String, Integer> slot : slots.entrySet()) {
                String name = slot.getKey();
                int already = given.getOrDefault(name, 0);
                int want = already + slot.getValue();
                // Same seed per operator and call: asking again for more returns the earlier points plus new ones.
                long seed = seeds.computeIfAbsent(name, k -> random.nextLong());
                List<MutationCandidate> edits = Neighbourhood.edits(genome, region, List.of(byName.get(name)), seed, want);
                List<MutationCandidate> fresh = edits.stream()
                        .filter(c -> out.stream().noneMatch(o -> o.mutatedSource().equals(c.mutatedSource())))
                        .limit(slot.getValue()).toList();
                out.addAll(fresh);
                given.put(name, already + fresh.size());
                if (edits.size() < want || fresh.size() < slot.getValue()) {
                    open.remove(name);
                }
            }
        }
        return List.copyOf(out.subList(0, Math.min(budget, out.size())));
    }

}
