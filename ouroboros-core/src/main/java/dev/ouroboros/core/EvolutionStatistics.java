package dev.ouroboros.core;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * How well each mutation operator has done, derived from the {@link MutationHistory}.
 *
 * <p>Each candidate counts once, by the furthest it ever got across all its entries (a candidate that
 * was applied and later rolled back still counts as applied); candidates that were only ever
 * {@link HistoryStatus#SKIPPED} are not counted. These rates feed the mutation engine's bandit strategy.
 *
 * @param byOperator the counts of every operator that produced a counted candidate, by operator name (sorted)
 */
public record EvolutionStatistics(Map<String, Counts> byOperator) {

    /** Validates and freezes the map: each key is its counts' operator. */
    public EvolutionStatistics {
        byOperator = Collections.unmodifiableMap(new TreeMap<>(byOperator));
        byOperator.forEach((name, counts) -> {
            if (!name.equals(counts.operator())) {
                throw new IllegalArgumentException("counts must be keyed by their operator, was " + name + " -> "
                        + counts.operator());
            }
        });
    }

    /**
     * The counts of one operator; each gate's count includes the later gates'.
     *
     * @param operator    the operator name
     * @param candidates  candidates evaluated
     * @param compiled    candidates that compiled
     * @param passedTests candidates that passed the tests
     * @param faster      candidates faster by the required margin
     * @param applied     candidates swapped into the running program
     */
    public record Counts(String operator, long candidates, long compiled, long passedTests, long faster, long applied) {

        /** Validates the counts: never negative, each at most the one before. */
        public Counts {
            Objects.requireNonNull(operator, "operator must not be null");
            if (candidates < 0 || compiled < 0 || passedTests < 0 || faster < 0 || applied < 0) {
                throw new IllegalArgumentException("counts must not be negative, was " + candidates + "/" + compiled
                        + "/" + passedTests + "/" + faster + "/" + applied);
            }
            if (compiled > candidates || passedTests > compiled || faster > passedTests || applied > faster) {
                throw new IllegalArgumentException("each count must be at most the one before, was " + candidates + "/"
                        + compiled + "/" + passedTests + "/" + faster + "/" + applied);
            }
        }

        /** Returns faster / candidates; 0 when the operator has no candidates. */
        public double successRate() {
            return candidates == 0 ? 0.0 : (double) faster / candidates;
        }
    }

    /** Derives the statistics from history entries, in any order. */
    public static EvolutionStatistics of(List<HistoryEntry> history) {
        Map<String, String> operatorOf = new LinkedHashMap<>();
        Map<String, Set<HistoryStatus>> seen = new LinkedHashMap<>();
        for (HistoryEntry e : history) {
            operatorOf.putIfAbsent(e.candidateId(), e.operator());
            seen.computeIfAbsent(e.candidateId(), k -> EnumSet.noneOf(HistoryStatus.class)).add(e.status());
        }
        Map<String, long[]> counts = new TreeMap<>();
        seen.forEach((candidate, statuses) -> {
            if (statuses.equals(EnumSet.of(HistoryStatus.SKIPPED))) {
                return;
            }
            long[] c = counts.computeIfAbsent(operatorOf.get(candidate), k -> new long[5]);
            c[0]++;
            c[1] += statuses.stream().anyMatch(HistoryStatus::compiled) ? 1 : 0;
            c[2] += statuses.stream().anyMatch(HistoryStatus::passedTests) ? 1 : 0;
            c[3] += statuses.stream().anyMatch(HistoryStatus::faster) ? 1 : 0;
            c[4] += statuses.stream().anyMatch(HistoryStatus::applied) ? 1 : 0;
        });
        Map<String, Counts> result = new TreeMap<>();
        counts.forEach((op, c) -> result.put(op, new Counts(op, c[0], c[1], c[2], c[3], c[4])));
        return new EvolutionStatistics(result);
    }

    /** Returns the counts of one operator; all zero when it has none. */
    public Counts operator(String name) {
        return byOperator.getOrDefault(name, new Counts(name, 0, 0, 0, 0, 0));
    }

    /** Returns faster / candidates per operator, the input of the bandit strategy. */
    public Map<String, Double> successRates() {
        Map<String, Double> rates = new TreeMap<>();
        byOperator.forEach((op, c) -> rates.put(op, c.successRate()));
        return Collections.unmodifiableMap(rates);
    }
}
