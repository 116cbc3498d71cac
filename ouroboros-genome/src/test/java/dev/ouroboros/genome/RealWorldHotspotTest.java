package dev.ouroboros.genome;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.apache.commons.lang3.StringUtils;
import org.junit.jupiter.api.Test;

/** The hotspot tracker on a real workload: commons-lang3's compiled code, mapped onto its unpacked sources. */
class RealWorldHotspotTest {

    static volatile long sink;

    @Test
    void levenshteinWorkloadRanksLevenshteinFirstWithItsHotLinesInTheInnerLoop() throws InterruptedException {
        SourceGenome genome = SourceGenome.of(List.of(RealWorldGenomeTest.RealWorld.sources()));
        String expected = "org.apache.commons.lang3.StringUtils#getLevenshteinDistance(CharSequence,CharSequence)";
        try (HotspotTracker tracker = HotspotTracker.inProcess(genome, Duration.ofMillis(10), Duration.ofSeconds(30))) {
            tracker.start();
            workload(Duration.ofMillis(3000));
            Thread.sleep(1500); // JFR delivers events about a second late
            tracker.stop();

            Hotspot top = tracker.ranking().get(0);
            GenomeRegion region = top.region().orElseThrow();
            assertThat(region.id()).isEqualTo(expected);
            assertThat(top.samples()).isGreaterThan(15); // of ~300 possible: the shared 2-core machine may starve us
            assertThat(top.lineSamples()).isNotEmpty();
            assertThat(top.lineSamples().keySet())
                    .allSatisfy(line -> assertThat(line).isBetween(region.beginLine(), region.endLine()));

            MutationPoint innerLoop = genome.mutationPoints(region).stream()
                    .filter(p -> p.kind() == MutationPointKind.LOOP && p.index() == 2).findFirst().orElseThrow();
            assertThat(top.hotLines(1)).singleElement()
                    .satisfies(line -> assertThat(line).isBetween(innerLoop.beginLine(), innerLoop.endLine()));
        }
    }

    private static void workload(Duration d) {
        Random random = new Random(7);
        String a = randomText(random, 1200);
        String b = randomText(random, 1200);
        long end = System.nanoTime() + d.toNanos();
        while (System.nanoTime() < end) {
            sink += StringUtils.getLevenshteinDistance(a, b);
            sink += StringUtils.isBlank(a) ? 1 : 0;
        }
    }

    private static String randomText(Random random, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append((char) ('a' + random.nextInt(4)));
        }
        return out.toString();
    }
}
