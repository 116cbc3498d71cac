package dev.ouroboros.genome;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HotspotTrackerTest {

    @TempDir
    Path root;

    /** A method that is slow the way real code is: quadratic string building inside JDK code. */
    static final class HotFixture {
        static volatile int sink;

        static String build(int n) {
            String s = "";
            for (int i = 0; i < n; i++) {
                s += i;
            }
            return s;
        }

        static void cold() {
            sink++;
        }
    }

    @Test
    void hotMethodIsRankedFirstAndJdkFramesAreChargedToTheProgramMethod() throws Exception {
        SourceGenome genome = genomeWithFixtureSource();
        try (HotspotTracker tracker = HotspotTracker.inProcess(genome, Duration.ofMillis(10), Duration.ofSeconds(30))) {
            tracker.start();
            burn(Duration.ofMillis(2500));
            Thread.sleep(1500); // JFR delivers events about a second late
            tracker.stop();

            List<Hotspot> ranking = tracker.ranking();
            assertThat(ranking).isNotEmpty();
            Hotspot top = ranking.get(0);
            assertThat(top.className()).isEqualTo(HotFixture.class.getName());
            assertThat(top.methodName()).isEqualTo("build");
            assertThat(top.region()).hasValueSatisfying(r ->
                    assertThat(r.id()).isEqualTo(HotFixture.class.getName() + "#build(int)"));
            assertThat(top.samples()).isGreaterThan(10); // of ~250 possible: the shared 2-core machine may starve us
        }
    }

    @Test
    void offlineRecordingGivesTheSameTopMethod() throws Exception {
        SourceGenome genome = genomeWithFixtureSource();
        Path file = root.resolve("profile.jfr");
        try (Recording recording = new Recording()) {
            recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10)).withStackTrace();
            recording.start();
            burn(Duration.ofMillis(1500));
            recording.stop();
            recording.dump(file);
        }
        List<Hotspot> ranking = HotspotTracker.fromRecording(file, genome);
        assertThat(ranking).first().extracting(Hotspot::methodName).isEqualTo("build");
    }

    @Test
    void samplesOfThreadsNamedOuroborosAreIgnored() throws Exception {
        SourceGenome genome = genomeWithFixtureSource();
        try (HotspotTracker tracker = HotspotTracker.inProcess(genome, Duration.ofMillis(10), Duration.ofSeconds(30))) {
            tracker.start();
            Thread worker = new Thread(() -> burn(Duration.ofMillis(1500)), "ouroboros-test-worker");
            worker.start();
            worker.join();
            Thread.sleep(1500);
            tracker.stop();
            assertThat(tracker.ranking()).noneMatch(h -> h.methodName().equals("build"));
        }
    }

    private static void burn(Duration d) {
        long end = System.nanoTime() + d.toNanos();
        while (System.nanoTime() < end) {
            HotFixture.sink += HotFixture.build(3000).length();
            HotFixture.cold();
        }
    }

    /** The genome only needs the file to exist and to declare the method for the region. */
    private SourceGenome genomeWithFixtureSource() throws IOException {
        String pkg = HotspotTrackerTest.class.getPackageName();
        Path file = root.resolve(pkg.replace('.', '/')).resolve("HotspotTrackerTest.java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, """
                package %s;
                class HotspotTrackerTest {
                    static final class HotFixture {
                        static String build(int n) { return ""; }
                        static void cold() { }
                    }
                }
                """.formatted(pkg));
        return SourceGenome.of(List.of(root));
    }
}
