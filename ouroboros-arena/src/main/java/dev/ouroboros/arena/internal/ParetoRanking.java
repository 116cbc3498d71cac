package dev.ouroboros.arena.internal;

import dev.ouroboros.arena.FitnessScore;
import dev.ouroboros.arena.FitnessValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Non-dominated sorting and crowding distance (as in NSGA-II) over a population of scores: rank 0 is
 * the Pareto front, rank 1 the front once rank 0 is removed, and so on; within a front, a larger
 * crowding distance means a less crowded point (the front's extremes get infinity).
 */
public final class ParetoRanking {

    private final int[] ranks;
    private final double[] crowding;

    private ParetoRanking(int[] ranks, double[] crowding) {
        this.ranks = ranks;
        this.crowding = crowding;
    }

    /** Ranks a population; every score must have the same metrics in the same order. */
    public static ParetoRanking of(List<FitnessScore> population) {
        int n = population.size();
        boolean[][] dominates = new boolean[n][n];
        int[] dominatedBy = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j && population.get(i).dominates(population.get(j))) {
                    dominates[i][j] = true;
                    dominatedBy[j]++;
                }
            }
        }
        int[] ranks = new int[n];
        Arrays.fill(ranks, -1);
        double[] crowding = new double[n];
        List<Integer> front = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (dominatedBy[i] == 0) {
                front.add(i);
            }
        }
        int rank = 0;
        while (!front.isEmpty()) {
            for (int i : front) {
                ranks[i] = rank;
            }
            assignCrowding(population, front, crowding);
            List<Integer> next = new ArrayList<>();
            for (int i : front) {
                for (int j = 0; j < n; j++) {
                    if (dominates[i][j] && --dominatedBy[j] == 0) {
                        next.add(j);
                    }
                }
            }
            next.sort(null);
            front = next;
            rank++;
        }
        return new ParetoRanking(ranks, crowding);
    }

    /** The Pareto rank of the score at {@code index}: 0 for the non-dominated front. */
    public int rank(int index) {
        return ranks[index];
    }

    /** The crowding distance of the score at {@code index} within its front; infinity at a front's extremes. */
    public double crowding(int index) {
        return crowding[index];
    }

    private static void assignCrowding(List<FitnessScore> population, List<Integer> front, double[] crowding) {
        for (int i : front) {
            crowding[i] = 0;
        }
        if (front.size() <= 2) {
            for (int i : front) {
                crowding[i] = Double.POSITIVE_INFINITY;
            }
            return;
        }
        int metrics = population.get(front.get(0)).values().size();
        for (int m = 0; m < metrics; m++) {
            final int metric = m;
            List<Integer> sorted = new ArrayList<>(front);
            sorted.sort(Comparator.<Integer>comparingDouble(i -> value(population, i, metric))
                    .thenComparingInt(Integer::intValue));
            double low = value(population, sorted.get(0), metric);
            double high = value(population, sorted.get(sorted.size() - 1), metric);
            double range = high - low;
            if (!Double.isFinite(range) || range == 0) {
                continue;
            }
            crowding[sorted.get(0)] = Double.POSITIVE_INFINITY;
            crowding[sorted.get(sorted.size() - 1)] = Double.POSITIVE_INFINITY;
            for (int k = 1; k < sorted.size() - 1; k++) {
                double gap = value(population, sorted.get(k + 1), metric) - value(population, sorted.get(k - 1), metric);
                if (Double.isFinite(gap)) {
                    crowding[sorted.get(k)] += gap / range;
                }
            }
        }
    }

    private static double value(List<FitnessScore> population, int index, int metric) {
        FitnessValue v = population.get(index).values().get(metric);
        return v.oriented();
    }
}
