package dev.ouroboros.arena;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class TimingComparisonTest {

    @Test
    void comparesMediansAndPairedWins() {
        TimingComparison t = TimingComparison.of(List.of(100L, 300L, 200L, 400L), List.of(50L, 100L, 250L, 100L));

        assertThat(t.originalMedianNanos()).isEqualTo(250.0);
        assertThat(t.mutantMedianNanos()).isEqualTo(100.0);
        assertThat(t.speedup()).isCloseTo(2.5, within(1e-9));
        assertThat(t.mutantWinFraction()).isEqualTo(0.75);
        assertThat(t.rounds()).isEqualTo(4);
    }

    @Test
    void improvementNeedsBothSpeedupAndThreeQuartersOfTheRounds() {
        TimingComparison threeOfFour = TimingComparison.of(List.of(100L, 100L, 100L, 100L), List.of(50L, 50L, 50L, 150L));
        TimingComparison twoOfFour = TimingComparison.of(List.of(100L, 100L, 100L, 100L), List.of(50L, 50L, 150L, 150L));

        assertThat(threeOfFour.isImprovement(1.5)).isTrue();
        assertThat(threeOfFour.isImprovement(2.5)).isFalse();
        assertThat(twoOfFour.speedup()).isEqualTo(1.0);
        assertThat(twoOfFour.isImprovement(0.5)).isFalse();
    }

    @Test
    void noRoundsIsNeverAnImprovement() {
        TimingComparison none = TimingComparison.of(List.of(), List.of());

        assertThat(none.rounds()).isZero();
        assertThat(none.isImprovement(0.0)).isFalse();
    }

    @Test
    void samplesMustBePaired() {
        assertThatThrownBy(() -> TimingComparison.of(List.of(1L, 2L), List.of(1L)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 and 1");
    }

    @Test
    void carriesTheMannWhitneyPValueAndA12() {
        List<Long> original = List.of(200L, 210L, 190L, 205L, 195L, 220L, 215L, 198L, 202L);
        List<Long> mutant = List.of(100L, 110L, 90L, 105L, 95L, 120L, 115L, 98L, 102L);
        TimingComparison t = TimingComparison.of(original, mutant);

        assertThat(t.a12()).isEqualTo(1.0);
        assertThat(t.pValue()).isLessThan(0.001);
        assertThat(t.isImprovement(AcceptanceCriteria.defaults())).isTrue();
        assertThat(t.isImprovement(AcceptanceCriteria.defaults().withMinSpeedup(2.5))).isFalse();
        assertThat(t.toString()).contains("p=0.0").contains("A12=1.00");
    }

    @Test
    void fewRoundsCannotProveAnythingEvenWhenAllAreWon() {
        TimingComparison t = TimingComparison.of(List.of(100L, 101L, 102L), List.of(50L, 51L, 52L));

        assertThat(t.isImprovement(1.5)).isTrue();
        assertThat(t.pValue()).isGreaterThan(0.05);
        assertThat(t.isImprovement(AcceptanceCriteria.defaults())).isFalse();
    }

    @Test
    void oldConstructorLeavesTheStatisticsUndefined() {
        TimingComparison t = new TimingComparison(2, 1, 2, 1, 5);

        assertThat(t.pValue()).isNaN();
        assertThat(t.a12()).isNaN();
        assertThat(t.isImprovement(1.5)).isTrue();
        assertThat(t.isImprovement(AcceptanceCriteria.defaults())).isFalse();
    }
}
