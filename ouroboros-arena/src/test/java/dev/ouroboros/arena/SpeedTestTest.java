package dev.ouroboros.arena;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpeedTestTest {

    @Test
    void completeSeparationOfFiveAgainstFiveMatchesTheNormalApproximation() {
        // U = 25 of 25, mean 12.5, sigma sqrt(25 * 11 / 12); z = (12.5 - 0.5) / sigma = 2.5067; p = 0.01219
        SpeedTest t = SpeedTest.of(List.of(6, 7, 8, 9, 10), List.of(1, 2, 3, 4, 5));

        assertThat(t.uOriginal()).isEqualTo(25.0);
        assertThat(t.uMutant()).isEqualTo(0.0);
        assertThat(t.z()).isCloseTo(2.5067, within(1e-3));
        assertThat(t.pValue()).isCloseTo(0.01219, within(2e-4));
        assertThat(t.a12()).isEqualTo(1.0);
        assertThat(t.mutantFasterAt(0.05)).isTrue();
        assertThat(t.effectMagnitude()).isEqualTo("large");
    }

    @Test
    void tiesCountHalfInUAndA12() {
        SpeedTest t = SpeedTest.of(List.of(1, 2, 2, 3), List.of(2, 3, 3, 4));

        assertThat(t.uOriginal()).isEqualTo(3.0);
        assertThat(t.uMutant()).isEqualTo(13.0);
        assertThat(t.a12()).isEqualTo(3.0 / 16);
        assertThat(t.mutantFasterAt(0.05)).isFalse();
    }

    @Test
    void welchTMatchesAHandComputedCase() {
        // means 12 and 7, variances 2.5 and 2.5: t = 5, df = 8, two-sided p = 0.00105
        SpeedTest t = SpeedTest.of(List.of(10, 11, 12, 13, 14), List.of(5, 6, 7, 8, 9));

        assertThat(t.welchT()).isCloseTo(5.0, within(1e-9));
        assertThat(t.welchPValue()).isCloseTo(0.00105, within(2e-5));
    }

    @Test
    void welchIsUndefinedWithoutVariance() {
        SpeedTest t = SpeedTest.of(List.of(3, 3, 3), List.of(3, 3, 3));

        assertThat(t.welchT()).isNaN();
        assertThat(t.pValue()).isEqualTo(1.0);
        assertThat(t.z()).isZero();
    }

    @Test
    void slowerMutantIsNeverFaster() {
        SpeedTest t = SpeedTest.of(List.of(1, 2, 3, 4, 5, 6), List.of(10, 11, 12, 13, 14, 15));

        assertThat(t.pValue()).isLessThan(0.01);
        assertThat(t.a12()).isZero();
        assertThat(t.mutantFasterAt(0.05)).isFalse();
    }

    @Test
    void emptyOrNonFiniteSamplesAreRefused() {
        assertThatThrownBy(() -> SpeedTest.of(List.of(), List.of(1)))
                .hasMessage("both samples need at least one value, had 0 and 1");
        assertThatThrownBy(() -> SpeedTest.of(new double[] {1, Double.NaN}, new double[] {1}))
                .hasMessage("samples must be finite numbers, had NaN");
    }

    @Test
    void acceptanceCriteriaStateEachBrokenRule() {
        assertThat(AcceptanceCriteria.defaults()).isEqualTo(new AcceptanceCriteria(0.05, 0.14, 1.05));
        assertThatThrownBy(() -> new AcceptanceCriteria(0, 0.14, 1.05)).hasMessage("alpha must be within (0, 1), was 0.0");
        assertThatThrownBy(() -> new AcceptanceCriteria(0.05, 0.6, 1.05))
                .hasMessage("minEffect must be within [0, 0.5], was 0.6");
        assertThatThrownBy(() -> AcceptanceCriteria.defaults().withMinSpeedup(0.9))
                .hasMessage("minSpeedup must be a finite number of at least 1, was 0.9");
    }
}
