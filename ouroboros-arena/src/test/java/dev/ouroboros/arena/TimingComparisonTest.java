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
}
