package dev.ouroboros.arena;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/** Laws of the speed test that hold for every sample. */
class SpeedTestPropertyTest {

    @Property(tries = 300)
    void identicalSamplesAreNeverSignificant(@ForAll @Size(min = 1, max = 40) List<@LongRange(min = 1, max = 1_000_000) Long> x) {
        SpeedTest t = SpeedTest.of(x, x);

        assertThat(t.pValue()).isEqualTo(1.0);
        assertThat(t.a12()).isEqualTo(0.5);
        assertThat(TimingComparison.of(x, x).isImprovement(AcceptanceCriteria.defaults())).isFalse();
    }

    @Property(tries = 300)
    void a12OfShiftedSamplesIsOne(@ForAll @Size(min = 1, max = 40) List<@LongRange(min = 0, max = 1_000_000) Long> mutant,
            @ForAll @LongRange(min = 1, max = 1_000) long gap) {
        long max = mutant.stream().mapToLong(Long::longValue).max().orElseThrow();
        long min = mutant.stream().mapToLong(Long::longValue).min().orElseThrow();
        List<Long> original = mutant.stream().map(v -> v + (max - min) + gap).toList();

        SpeedTest t = SpeedTest.of(original, mutant);

        assertThat(t.a12()).isEqualTo(1.0);
        assertThat(SpeedTest.of(mutant, original).a12()).isEqualTo(0.0);
    }

    @Property(tries = 300)
    void uStatisticsAddUpToTheNumberOfPairs(
            @ForAll @Size(min = 1, max = 30) List<@LongRange(min = 0, max = 50) Long> a,
            @ForAll @Size(min = 1, max = 30) List<@LongRange(min = 0, max = 50) Long> b) {
        SpeedTest t = SpeedTest.of(a, b);
        SpeedTest swapped = SpeedTest.of(b, a);

        assertThat(t.uOriginal() + t.uMutant()).isEqualTo((double) a.size() * b.size());
        assertThat(swapped.uOriginal()).isEqualTo(t.uMutant());
        assertThat(swapped.pValue()).isCloseTo(t.pValue(), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(t.pValue()).isBetween(0.0, 1.0);
    }
}
