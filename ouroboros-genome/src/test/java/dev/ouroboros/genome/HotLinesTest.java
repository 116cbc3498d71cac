package dev.ouroboros.genome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.Test;

class HotLinesTest {

    /** Real source on disk (this very file), so that JFR's line numbers match the genome's. */
    static final class LambdaFixture {
        static volatile long sink;

        static long viaLambda(int rounds) {
            IntUnaryOperator heavy = n -> {
                String s = "";
                for (int i = 0; i < n; i++) {
                    s += i;
                }
                return s.length();
            };
            long total = 0;
            for (int r = 0; r < rounds; r++) {
                total += heavy.applyAsInt(2500);
            }
            return total;
        }
    }

    @Test
    void lambdaSamplesAreChargedToTheRegionThatEnclosesTheirLines() throws InterruptedException {
        SourceGenome genome = SourceGenome.of(List.of(Path.of("src/test/java")));
        String regionId = LambdaFixture.class.getName() + "#viaLambda(int)";
        GenomeRegion region = genome.region(regionId).orElseThrow();
        try (HotspotTracker tracker = HotspotTracker.inProcess(genome, Duration.ofMillis(10), Duration.ofSeconds(30))) {
            tracker.start();
            long end = System.nanoTime() + Duration.ofMillis(2500).toNanos();
            while (System.nanoTime() < end) {
                LambdaFixture.sink += LambdaFixture.viaLambda(3);
            }
            Thread.sleep(1500); // JFR delivers events about a second late
            tracker.stop();

            Hotspot top = tracker.ranking().get(0);
            assertThat(top.methodName()).startsWith("lambda$viaLambda$");
            assertThat(top.region()).map(GenomeRegion::id).hasValue(regionId);
            assertThat(top.hotLines(1)).singleElement()
                    .satisfies(line -> assertThat(line).isBetween(region.beginLine() + 1, region.beginLine() + 6));
        }
    }

    @Test
    void hotLinesAreOrderedBySamplesThenLine() {
        TreeMap<Integer, Long> lines = new TreeMap<>();
        lines.put(10, 3L);
        lines.put(12, 7L);
        lines.put(11, 3L);
        Hotspot h = new Hotspot("a.B", "m", "()V", 13, 13.0, Optional.empty(), lines);

        assertThat(h.hotLines(2)).containsExactly(12, 10);
        assertThat(new Hotspot("a.B", "m", "()V", 1, 1.0, Optional.empty()).lineSamples()).isEmpty();
    }

    @Test
    void lineCountsAddingUpToMoreThanTheSamplesAreRefused() {
        TreeMap<Integer, Long> lines = new TreeMap<>();
        lines.put(10, 5L);
        assertThatThrownBy(() -> new Hotspot("a.B", "m", "()V", 4, 4.0, Optional.empty(), lines))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("lineSamples must not add up to more than samples (4), added up to 5");
    }
}
