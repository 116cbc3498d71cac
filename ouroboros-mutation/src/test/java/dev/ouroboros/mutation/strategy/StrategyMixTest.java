package dev.ouroboros.mutation.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ouroboros.genome.GenomeRegion;
import dev.ouroboros.genome.SourceGenome;
import dev.ouroboros.mutation.MutationCandidate;
import dev.ouroboros.mutation.MutationOperator;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StrategyMixTest {

    private static final List<MutationOperator> GI = List.of(MutationOperator.statementDelete(),
            MutationOperator.binaryOperatorReplace(), MutationOperator.conditionNegate());

    @TempDir
    Path dir;

    @Test
    void sharesFollowTheMultipliersAndZeroSwitchesAStrategyOff() {
        StrategyMix mix = StrategyMix.builder().add(MutationStrategy.random(GI), 3)
                .add(MutationStrategy.exhaustive(GI, 50), 1).add(MutationStrategy.combination(List::of), 0).build();
        assertThat(mix.shares(10)).containsExactly(8, 2, 0);
        assertThat(mix.shares(4)).containsExactly(3, 1, 0);
        assertThat(mix.shares(1)).containsExactly(1, 0, 0);
        assertThat(mix.multipliers()).containsExactly(3, 1, 0);
    }

    @Test
    void aStrategyThatGivesLessLeavesItsShareToTheOthersAndTheMixIsDeterministic() {
        Corpus corpus = new Corpus(dir);
        SourceGenome genome = corpus.genome();
        GenomeRegion total = corpus.region(Corpus.SCORE, "total");
        // total() has more than 5 single edits, so the exhaustive strategy gives none of its 6 of 8.
        StrategyMix mix = StrategyMix.builder().add(MutationStrategy.exhaustive(GI, 5), 3)
                .add(MutationStrategy.random(GI), 1).build();
        List<MutationCandidate> made = mix.propose(genome, total, 8, new SplittableRandom(11));
        assertThat(made).hasSize(8);
        assertThat(made).extracting(MutationCandidate::mutatedSource).doesNotHaveDuplicates();
        assertThat(made).isEqualTo(mix.propose(genome, total, 8, new SplittableRandom(11)));
    }

    @Test
    void aMixNeedsAPositiveMultiplierAndUniqueNames() {
        assertThatThrownBy(() -> StrategyMix.builder().add(MutationStrategy.random(GI), 0).build())
                .hasMessage("a mix needs a strategy with a positive multiplier, had [0]");
        assertThatThrownBy(() -> StrategyMix.builder().add(MutationStrategy.random(GI), -2))
                .hasMessage("multiplier must not be negative, was -2");
        assertThatThrownBy(() -> StrategyMix.builder().add(MutationStrategy.random(GI), 1)
                .add(MutationStrategy.random(GI), 1)).hasMessageContaining("'random' was added twice");
    }
}
