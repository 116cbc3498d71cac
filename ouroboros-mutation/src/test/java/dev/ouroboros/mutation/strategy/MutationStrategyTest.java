package dev.ouroboros.mutation.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ouroboros.genome.GenomeRegion;
import dev.ouroboros.genome.SourceGenome;
import dev.ouroboros.mutation.MutationCandidate;
import dev.ouroboros.mutation.MutationOperator;
import dev.ouroboros.mutation.Mutator;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MutationStrategyTest {

    private static final List<MutationOperator> GI = List.of(MutationOperator.statementDelete(),
            MutationOperator.binaryOperatorReplace(), MutationOperator.conditionNegate());

    @TempDir
    Path dir;

    private Corpus corpus;
    private SourceGenome genome;
    private GenomeRegion total;

    private void setUp() {
        corpus = new Corpus(dir);
        genome = corpus.genome();
        total = corpus.region(Corpus.SCORE, "total");
    }

    private List<MutationStrategy> strategies() {
        int hot = Corpus.lineOf(Corpus.SCORE_SOURCE, "x % 2 == 0");
        OperatorBandit bandit = OperatorBandit.of(List.of("statement-delete", "binary-operator-replace",
                "condition-negate"));
        bandit.record("condition-negate", 3, 1);
        return List.of(MutationStrategy.random(GI), MutationStrategy.hotspotWeighted(GI, Map.of(hot, 40L), 12),
                MutationStrategy.bandit(GI, bandit), MutationStrategy.exhaustive(GI, 200));
    }

    @Test
    void sameSeedGivesByteIdenticalCandidatesForEveryStrategy() {
        setUp();
        for (MutationStrategy strategy : strategies()) {
            List<MutationCandidate> first = strategy.propose(genome, total, 6, new SplittableRandom(42));
            List<MutationCandidate> second = strategy.propose(corpus.genome(), total, 6, new SplittableRandom(42));
            assertThat(first).as(strategy.name()).hasSize(6).isEqualTo(second);
            assertThat(first).as(strategy.name()).extracting(MutationCandidate::mutatedSource).doesNotHaveDuplicates();
        }
    }

    @Test
    void randomStrategyDependsOnTheSeedAndMakesTheMutatorsOwnCandidates() {
        setUp();
        MutationStrategy random = MutationStrategy.random(GI);
        List<MutationCandidate> a = random.propose(genome, total, 5, new SplittableRandom(1));
        List<MutationCandidate> b = random.propose(genome, total, 5, new SplittableRandom(2));
        assertThat(a).extracting(MutationCandidate::id).isNotEqualTo(b.stream().map(MutationCandidate::id).toList());
        for (MutationCandidate c : a) {
            List<MutationCandidate> all = Mutator.builder().operators(GI).seed(c.seed()).maxCandidates(1000).build()
                    .mutate(genome, total);
            assertThat(all).contains(c);
        }
    }

    @Test
    void hotspotWeightedStrategyTakesEditsOnHotLinesFirst() {
        setUp();
        int hot = Corpus.lineOf(Corpus.SCORE_SOURCE, "x % 2 == 0");
        MutationStrategy strategy = MutationStrategy.hotspotWeighted(GI, Map.of(hot, 90L, hot + 6, 0L), 200);
        HotspotWeightedStrategy weights = (HotspotWeightedStrategy) strategy;
        for (long seed = 0; seed < 5; seed++) {
            List<MutationCandidate> chosen = strategy.propose(genome, total, 4, new SplittableRandom(seed));
            assertThat(chosen).hasSize(4).allSatisfy(c -> assertThat(weights.weight(c)).isPositive());
        }
        List<MutationCandidate> everything = strategy.propose(genome, total, 1000, new SplittableRandom(3));
        long hotEdits = everything.stream().filter(c -> weights.weight(c) > 0).count();
        assertThat(hotEdits).isBetween(5L, (long) everything.size() - 5);
        // Every hot edit is listed before every cold one.
        assertThat(everything.subList(0, (int) hotEdits)).allSatisfy(c -> assertThat(weights.weight(c)).isPositive());
        assertThat(everything.subList((int) hotEdits, everything.size()))
                .allSatisfy(c -> assertThat(weights.weight(c)).isZero());
    }

    @Test
    void exhaustiveStrategyListsEverySingleEditOfASmallRegionAndNoneOfALargeOne() {
        setUp();
        List<MutationCandidate> all = Mutator.builder().operators(GI).maxCandidates(1000).build().mutate(genome, total);
        List<MutationCandidate> listed = MutationStrategy.exhaustive(GI, 200).propose(genome, total, 1000,
                new SplittableRandom(9));
        assertThat(listed).extracting(MutationCandidate::mutatedSource)
                .containsExactlyElementsOf(all.stream().map(MutationCandidate::mutatedSource).distinct().toList());
        assertThat(MutationStrategy.exhaustive(GI, 200).propose(genome, total, 3, new SplittableRandom(9)))
                .isEqualTo(listed.subList(0, 3));
        assertThat(MutationStrategy.exhaustive(GI, all.size() - 1).propose(genome, total, 1000,
                new SplittableRandom(9))).isEmpty();
    }

    @Test
    void banditStrategySpendsItsBudgetOnTheOperatorThatSucceeds() {
        setUp();
        OperatorBandit bandit = OperatorBandit.of(List.of("statement-delete", "binary-operator-replace",
                "condition-negate"));
        bandit.record("statement-delete", 0, 60);
        bandit.record("binary-operator-replace", 0, 60);
        bandit.record("condition-negate", 60, 0);
        List<MutationCandidate> chosen = MutationStrategy.bandit(GI, bandit).propose(genome, total, 3,
                new SplittableRandom(5));
        assertThat(chosen).hasSize(3).extracting(MutationCandidate::operator).containsOnly("condition-negate");
        // condition-negate has 3 points in total() (two ifs, one while); a budget of 5 takes all of them and fills up with others.
        List<MutationCandidate> more = MutationStrategy.bandit(GI, bandit).propose(genome, total, 5,
                new SplittableRandom(5));
        assertThat(more).hasSize(5).filteredOn(c -> c.operator().equals("condition-negate")).hasSize(3);
    }

    @Test
    void aRegionWithoutPointsGivesNoCandidateAndBadArgumentsAreRefusedWithTheValue() {
        setUp();
        GenomeRegion tiny = corpus.region(Corpus.SCORE, "tiny");
        List<MutationOperator> negate = List.of(MutationOperator.conditionNegate());
        assertThat(MutationStrategy.random(negate).propose(genome, tiny, 5, new SplittableRandom(1))).isEmpty();
        assertThat(MutationStrategy.exhaustive(negate, 10).propose(genome, tiny, 5, new SplittableRandom(1))).isEmpty();
        assertThatThrownBy(() -> MutationStrategy.random(GI).propose(genome, total, 0, new SplittableRandom(1)))
                .hasMessage("budget must be positive, was 0");
        assertThatThrownBy(() -> MutationStrategy.hotspotWeighted(GI, Map.of(0, 3L), 10))
                .hasMessageContaining("lines >= 1").hasMessageContaining("0=3");
        assertThatThrownBy(() -> MutationStrategy.random(List.of())).hasMessageContaining("must not be empty");
    }
}
