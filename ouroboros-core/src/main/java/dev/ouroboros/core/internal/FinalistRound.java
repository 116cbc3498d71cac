package dev.ouroboros.core.internal;

import dev.ouroboros.arena.AcceptanceCriteria;
import dev.ouroboros.arena.BenchmarkSuite;
import dev.ouroboros.arena.BytecodeShape;
import dev.ouroboros.arena.FinalistBenchmark;
import dev.ouroboros.arena.FitnessEvidence;
import dev.ouroboros.arena.FitnessMetric;
import dev.ouroboros.arena.FitnessScore;
import dev.ouroboros.arena.TestSuite;
import dev.ouroboros.arena.TournamentSelector;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The last two steps of the cascade for the candidates that passed the quick timing screen: a JMH run
 * of the original and the best few finalists in one run, then a tournament over their multi-objective
 * fitness among those whose JMH samples prove them faster.
 *
 * <p>The screen's paired rounds run inside a worker JVM that also runs tests; JMH measures each
 * finalist in a fresh fork with warm-up, so a winner must convince two independent measurements. A
 * finalist JMH does not confirm is dropped, however fast the screen said it was.
 */
final class FinalistRound {

    /** The objectives the tournament ranks on: time, allocation, tail latency, code size. */
    static final List<FitnessMetric> METRICS = List.of(FitnessMetric.performance(), FitnessMetric.memory(),
            FitnessMetric.latency(99), FitnessMetric.codeQuality());

    private FinalistRound() {
    }

    /**
     * A candidate that passed every correctness gate and the timing screen.
     *
     * @param candidateId   the mutation candidate's id
     * @param classes       every class of the mutant's compilation unit (binary name to bytes)
     * @param suites        the correctness gates the mutant passed in the sandbox (its JUnit run, the differential check)
     * @param screenSpeedup the timing screen's median speed-up, used to pick the finalists
     */
    record Entry(String candidateId, Map<String, byte[]> classes, List<TestSuite> suites, double screenSpeedup) {
        Entry {
            Objects.requireNonNull(candidateId, "candidateId");
            classes = Map.copyOf(classes);
            suites = List.copyOf(suites);
        }
    }

    /**
     * What the round decided.
     *
     * @param winner   the chosen finalist's candidate id; empty when JMH confirmed none
     * @param scores   each benchmarked finalist's score, by candidate id
     * @param suite    the JMH run
     * @param summary  one line per finalist, for the cycle's evidence
     */
    record Decision(Optional<String> winner, Map<String, FitnessScore> scores, BenchmarkSuite suite, String summary) {
    }

    /**
     * Benchmarks the {@code max} finalists with the best screen speed-up against the original.
     *
     * @param original  the original's classes of the unit
     * @param entries   the screen's finalists, not empty
     * @param max       how many to benchmark, at least 1
     * @param tests     the test classes the JMH workload runs
     * @param classpath the user's classes and test classes
     */
    static Decision run(Map<String, byte[]> original, List<Entry> entries, int max, List<String> tests,
            List<Path> classpath, AcceptanceCriteria criteria, RandomGenerator random) {
        if (entries.isEmpty() || max < 1) {
            throw new IllegalArgumentException("a finalist round needs finalists and max >= 1, had " + entries.size()
                    + " and " + max);
        }
        List<Entry> chosen = entries.stream().sorted(Comparator.comparingDouble(Entry::screenSpeedup).reversed())
                .limit(max).toList();
        // JMH ids allow only [A-Za-z0-9._-]: candidates are benchmarked under positional ids.
        Map<String, Map<String, byte[]>> finalists = new LinkedHashMap<>();
        Map<String, Entry> byJmhId = new LinkedHashMap<>();
        for (int i = 0; i < chosen.size(); i++) {
            String id = "f" + i;
            finalists.put(id, chosen.get(i).classes());
            byJmhId.put(id, chosen.get(i));
        }
        BenchmarkSuite suite = FinalistBenchmark.builder().classpath(classpath).testClasses(tests).build()
                .run(original, finalists);
        Map<String, FitnessScore> scores = new LinkedHashMap<>();
        List<FitnessScore> improvements = new ArrayList<>();
        StringBuilder summary = new StringBuilder();
        for (Map.Entry<String, Entry> e : byJmhId.entrySet()) {
            Entry entry = e.getValue();
            FitnessEvidence evidence = new FitnessEvidence(e.getKey(), entry.suites(), Optional.of(suite),
                    BytecodeShape.of(entry.classes()));
            FitnessScore score = FitnessScore.evaluate(evidence, METRICS, criteria);
            scores.put(entry.candidateId(), score);
            if (score.improvement()) {
                improvements.add(score);
            }
            summary.append(entry.candidateId()).append(": JMH ").append(score.reason()).append('\n');
        }
        Optional<String> winner = Optional.empty();
        if (!improvements.isEmpty()) {
            // Every proven finalist enters one tournament: the lowest Pareto rank wins, then the less crowded.
            FitnessScore best = TournamentSelector.ofSize(improvements.size()).select(improvements, random);
            winner = Optional.of(byJmhId.get(best.candidateId()).candidateId());
        }
        return new Decision(winner, scores, suite, summary.toString().strip());
    }
}
