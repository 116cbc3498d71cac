package dev.ouroboros.arena;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class TournamentSelectorPropertyTest {

    /** Three objectives: time (lower better), allocation (lower better), correctness (higher better). */
    private static FitnessScore score(String id, int time, int bytes, int correct) {
        return new FitnessScore(id, List.of(new FitnessValue("performance", time, "ns/op", false),
                new FitnessValue("memory", bytes, "B/op", false),
                new FitnessValue("correctness", correct, "passed", true)), Double.NaN, Double.NaN, Double.NaN, false, "");
    }

    @Provide
    Arbitrary<List<FitnessScore>> populations() {
        Arbitrary<int[]> triple = Arbitraries.integers().between(0, 4).array(int[].class).ofSize(3);
        return triple.list().ofMinSize(1).ofMaxSize(9).map(rows -> {
            List<FitnessScore> scores = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                int[] r = rows.get(i);
                scores.add(score("c" + i, r[0], r[1], r[2] % 2));
            }
            return scores;
        });
    }

    @Property(tries = 200)
    void aDominatedCandidateNeverBeatsItsDominator(@ForAll("populations") List<FitnessScore> population,
            @ForAll @IntRange(min = 1, max = 5) int size, @ForAll long seed) {
        for (TournamentSelector.Tournament t : TournamentSelector.ofSize(size).compete(population, 30,
                new SplittableRandom(seed))) {
            for (FitnessScore entrant : t.entrants()) {
                assertThat(entrant.dominates(t.winner()))
                        .as("%s dominates the winner %s", entrant.candidateId(), t.winner().candidateId()).isFalse();
            }
        }
    }

    @Property(tries = 200)
    void theSameSeedGivesTheSameSelection(@ForAll("populations") List<FitnessScore> population,
            @ForAll @IntRange(min = 1, max = 5) int size, @ForAll long seed) {
        TournamentSelector selector = TournamentSelector.ofSize(size);
        List<String> first = ids(selector.select(population, 25, new SplittableRandom(seed)));
        List<String> second = ids(selector.select(population, 25, new SplittableRandom(seed)));

        assertThat(second).isEqualTo(first);
    }

    @Property(tries = 200)
    void aUniqueNonDominatedCandidateWinsEveryTournamentItIsIn(@ForAll("populations") List<FitnessScore> others,
            @ForAll @IntRange(min = 0, max = 9) int position, @ForAll @IntRange(min = 1, max = 5) int size,
            @ForAll long seed) {
        int best = others.stream().mapToInt(s -> (int) s.values().get(0).value()).min().orElseThrow();
        FitnessScore champion = score("champion", best - 1, -1, 1);
        List<FitnessScore> population = new ArrayList<>(others);
        population.add(Math.min(position, population.size()), champion);
        assertThat(TournamentSelector.paretoRanks(population).stream().filter(r -> r == 0)).hasSize(1);

        int entered = 0;
        for (TournamentSelector.Tournament t : TournamentSelector.ofSize(size).compete(population, 40,
                new SplittableRandom(seed))) {
            if (t.entrants().contains(champion)) {
                entered++;
                assertThat(t.winner()).isSameAs(champion);
            } else {
                assertThat(t.winner()).isNotSameAs(champion);
            }
        }
        if (size >= population.size()) {
            assertThat(entered).isEqualTo(40);
        }
    }

    @Test
    void paretoRanksPeelFrontsAndTiesGoToTheLessCrowdedExtreme() {
        // a, b, c trade time for memory (one front); d is dominated by b; e by d.
        FitnessScore a = score("a", 1, 9, 1);
        FitnessScore b = score("b", 5, 5, 1);
        FitnessScore c = score("c", 9, 1, 1);
        FitnessScore d = score("d", 6, 6, 1);
        FitnessScore e = score("e", 7, 7, 0);
        List<FitnessScore> population = List.of(b, a, c, d, e);

        assertThat(TournamentSelector.paretoRanks(population)).containsExactly(0, 0, 0, 1, 2);
        // With every candidate entered, the front's extremes (infinite crowding) beat the middle b;
        // between the extremes a and c the earlier in the population wins.
        assertThat(TournamentSelector.ofSize(5).select(population, new SplittableRandom(1)).candidateId()).isEqualTo("a");
    }

    @Test
    void scoresOverDifferentMetricsCannotBeRanked() {
        FitnessScore other = new FitnessScore("x", List.of(new FitnessValue("energy", 1, "ns", false)), Double.NaN,
                Double.NaN, Double.NaN, false, "");
        assertThatThrownBy(() -> TournamentSelector.ofSize(2).select(List.of(score("a", 1, 1, 1), other),
                new SplittableRandom(3))).hasMessageContaining("same metrics");
        assertThatThrownBy(() -> TournamentSelector.ofSize(0)).hasMessage("tournament size must be at least 1, was 0");
    }

    private static List<String> ids(List<FitnessScore> scores) {
        return scores.stream().map(FitnessScore::candidateId).toList();
    }
}
