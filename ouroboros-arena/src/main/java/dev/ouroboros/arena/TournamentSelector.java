package dev.ouroboros.arena;

import dev.ouroboros.arena.internal.ParetoRanking;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * k-tournament selection over multi-objective {@link FitnessScore}s: pick k distinct candidates at
 * random, and the best of them wins. "Best" is the lowest Pareto rank (non-dominated sorting over the
 * whole population), then the largest crowding distance within the front (a less crowded trade-off
 * keeps the population diverse), then the earlier position in the population list — so a selection
 * depends only on the population and the random generator, and the same seed gives the same winners.
 *
 * <p>A Pareto-dominated candidate never beats its dominator in a tournament they share, because its
 * rank is strictly higher. Selection chooses parents and finalists; it does not decide that anything
 * beats the original (see {@link FitnessScore#improvement()}).
 */
public final class TournamentSelector {

    private final int size;

    private TournamentSelector(int size) {
        this.size = size;
    }

    /**
     * A selector holding tournaments of {@code size} entrants (fewer when the population is smaller).
     *
     * @param size k, at least 1 (1 is a uniform random pick; 2 is the usual binary tournament)
     */
    public static TournamentSelector ofSize(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("tournament size must be at least 1, was " + size);
        }
        return new TournamentSelector(size);
    }

    /** k, the number of entrants per tournament. */
    public int size() {
        return size;
    }

    /**
     * One tournament's entrants and winner.
     *
     * @param entrants the candidates drawn, in draw order; not empty
     * @param winner   the best of them
     */
    public record Tournament(List<FitnessScore> entrants, FitnessScore winner) {

        /** Validates and copies. */
        public Tournament {
            entrants = List.copyOf(entrants);
            Objects.requireNonNull(winner, "winner");
            if (!entrants.contains(winner)) {
                throw new IllegalArgumentException("the winner must be an entrant, " + winner.candidateId() + " was not");
            }
        }
    }

    /** Holds one tournament over {@code population} with entrants drawn from {@code random}. */
    public Tournament compete(List<FitnessScore> population, RandomGenerator random) {
        return compete(population, 1, random).get(0);
    }

    /** The winner of one tournament. */
    public FitnessScore select(List<FitnessScore> population, RandomGenerator random) {
        return compete(population, random).winner();
    }

    /** The winners of {@code count} independent tournaments (a winner may win again), ranking the population once. */
    public List<FitnessScore> select(List<FitnessScore> population, int count, RandomGenerator random) {
        return compete(population, count, random).stream().map(Tournament::winner).toList();
    }

    /** {@code count} independent tournaments over the population, ranking it once. */
    public List<Tournament> compete(List<FitnessScore> population, int count, RandomGenerator random) {
        Objects.requireNonNull(population, "population");
        Objects.requireNonNull(random, "random");
        if (population.isEmpty()) {
            throw new IllegalArgumentException("a tournament needs at least one candidate, the population was empty");
        }
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative, was " + count);
        }
        for (FitnessScore s : population) {
            population.get(0).requireSameMetrics(Objects.requireNonNull(s, "population element"));
        }
        ParetoRanking ranking = ParetoRanking.of(population);
        int n = population.size();
        int k = Math.min(size, n);
        List<Tournament> tournaments = new ArrayList<>(count);
        int[] indexes = new int[n];
        for (int t = 0; t < count; t++) {
            for (int i = 0; i < n; i++) {
                indexes[i] = i;
            }
            // Partial Fisher-Yates: the first k slots become k distinct entrants.
            for (int i = 0; i < k; i++) {
                int j = i + random.nextInt(n - i);
                int swap = indexes[i];
                indexes[i] = indexes[j];
                indexes[j] = swap;
            }
            int best = indexes[0];
            List<FitnessScore> entrants = new ArrayList<>(k);
            for (int i = 0; i < k; i++) {
                int e = indexes[i];
                entrants.add(population.get(e));
                if (better(ranking, e, best)) {
                    best = e;
                }
            }
            tournaments.add(new Tournament(entrants, population.get(best)));
        }
        return tournaments;
    }

    /** The Pareto rank of every score (0 = non-dominated), in population order. */
    public static List<Integer> paretoRanks(List<FitnessScore> population) {
        Objects.requireNonNull(population, "population");
        for (FitnessScore s : population) {
            population.get(0).requireSameMetrics(s);
        }
        ParetoRanking ranking = ParetoRanking.of(population);
        List<Integer> ranks = new ArrayList<>(population.size());
        for (int i = 0; i < population.size(); i++) {
            ranks.add(ranking.rank(i));
        }
        return ranks;
    }

    private static boolean better(ParetoRanking ranking, int a, int b) {
        if (ranking.rank(a) != ranking.rank(b)) {
            return ranking.rank(a) < ranking.rank(b);
        }
        int crowd = Double.compare(ranking.crowding(a), ranking.crowding(b));
        return crowd != 0 ? crowd > 0 : a < b;
    }
}
