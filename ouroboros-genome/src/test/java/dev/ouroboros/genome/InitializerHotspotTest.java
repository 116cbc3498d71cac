package dev.ouroboros.genome;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Constructor and class-initializer frames ({@code <init>}, {@code <clinit>}) of real JFR recordings
 * map to their regions. The fixtures are real source on disk (this very file), so that JFR's line
 * numbers match the genome's.
 */
class InitializerHotspotTest {

    @TempDir
    Path dir;

    /** Two constructors and a field initializer that every constructor runs. */
    static final class Built {
        static volatile long sink;
        private final String padded = "x".repeat(40_000).replace('x', 'y'); // compiled into every constructor
        final long value;

        Built(String label) {
            value = label.length() + padded.length();
        }

        Built(int rounds) {
            long total = 0;
            for (int r = 0; r < rounds; r++) {
                String s = "";
                for (int i = 0; i < 300; i++) {
                    s += i;
                }
                total += s.length();
            }
            value = total;
        }
    }

    /** Two static initializer blocks: a cheap one, then an expensive one. */
    static final class Warmed {
        static final long FIRST;
        static final long SECOND;

        static {
            FIRST = System.nanoTime() & 1;
        }

        static {
            long total = 0;
            for (int r = 0; r < 60; r++) {
                String s = "";
                for (int i = 0; i < 300; i++) {
                    s += i;
                }
                total += s.length();
            }
            SECOND = total;
        }
    }

    private static final String BUILT = Built.class.getName();
    private static final String WARMED = Warmed.class.getName();

    @Test
    void constructorSamplesMapToTheOverloadWhoseBodyIsHot() throws Exception {
        SourceGenome genome = SourceGenome.of(List.of(Path.of("src/test/java")));
        GenomeRegion region = genome.region(BUILT + "#<init>(int)").orElseThrow();

        List<Hotspot> ranking = record(() -> Built.sink += new Built(20).value);

        Hotspot top = ranking.get(0);
        assertThat(top.className()).isEqualTo(BUILT);
        assertThat(top.methodName()).isEqualTo("<init>");
        assertThat(top.descriptor()).isEqualTo("(I)V");
        assertThat(top.region()).map(GenomeRegion::id).hasValue(BUILT + "#<init>(int)");
        assertThat(top.hotLines(1)).singleElement()
                .satisfies(line -> assertThat(line).isBetween(region.beginLine(), region.endLine()));
    }

    @Test
    void fieldInitializerSamplesMapToTheConstructorThatRanThemByDescriptor() throws Exception {
        SourceGenome genome = SourceGenome.of(List.of(Path.of("src/test/java")));
        GenomeRegion byString = genome.region(BUILT + "#<init>(String)").orElseThrow();
        GenomeRegion byInt = genome.region(BUILT + "#<init>(int)").orElseThrow();

        List<Hotspot> ranking = record(() -> Built.sink += new Built("label").value);

        Hotspot top = ranking.get(0);
        assertThat(top.methodName()).isEqualTo("<init>");
        assertThat(top.descriptor()).isEqualTo("(Ljava/lang/String;)V");
        assertThat(top.region()).map(GenomeRegion::id).hasValue(BUILT + "#<init>(String)");
        // The hot line is the field initializer, outside both constructors: the descriptor decided.
        int hot = top.hotLines(1).get(0);
        assertThat(hot).isLessThan(byString.beginLine()).isLessThan(byInt.beginLine());
    }

    @Test
    void classInitializerSamplesMapToTheStaticBlockOfTheirLine() throws Exception {
        SourceGenome genome = SourceGenome.of(List.of(Path.of("src/test/java")));
        GenomeRegion second = genome.region(WARMED + "#<clinit>[1]").orElseThrow();
        URL classes = Warmed.class.getProtectionDomain().getCodeSource().getLocation();

        // A class initializer runs once per class loader: load the class afresh, again and again.
        List<Hotspot> all = recordAll(genome, () -> {
            try (URLClassLoader loader = new URLClassLoader(new URL[] {classes}, ClassLoader.getPlatformClassLoader())) {
                Class.forName(WARMED, true, loader);
            }
        });

        Hotspot top = all.stream().filter(h -> h.className().equals(WARMED)).findFirst().orElseThrow();
        assertThat(top.methodName()).isEqualTo("<clinit>");
        assertThat(top.region()).map(GenomeRegion::id).hasValue(WARMED + "#<clinit>[1]");
        assertThat(top.hotLines(1)).singleElement()
                .satisfies(line -> assertThat(line).isBetween(second.beginLine(), second.endLine()));
        assertThat(all.indexOf(top)).as("the class initializer dominates the workload").isZero();
    }

    @Test
    void staticInitializersAreLeftOutOfTheRankingOfPatchableRegions() throws Exception {
        SourceGenome genome = SourceGenome.of(List.of(Path.of("src/test/java")));
        URL classes = Warmed.class.getProtectionDomain().getCodeSource().getLocation();
        Path file = dir.resolve("clinit.jfr");
        try (Recording recording = new Recording()) {
            recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10)).withStackTrace();
            recording.start();
            burn(() -> {
                try (URLClassLoader loader = new URLClassLoader(new URL[] {classes}, ClassLoader.getPlatformClassLoader())) {
                    Class.forName(WARMED, true, loader);
                }
            });
            recording.stop();
            recording.dump(file);
        }
        List<Hotspot> patchable = HotspotTracker.fromRecording(file, genome);
        assertThat(patchable).noneMatch(h -> h.methodName().equals("<clinit>"));
    }

    private interface Work {
        void run() throws Exception;
    }

    private List<Hotspot> record(Work work) throws Exception {
        return recordAll(SourceGenome.of(List.of(Path.of("src/test/java"))), work).stream()
                .filter(h -> h.region().isPresent()).toList();
    }

    /** Records the work with JFR into a file and ranks every attributed method of it. */
    private List<Hotspot> recordAll(SourceGenome genome, Work work) throws Exception {
        Path file = dir.resolve("profile.jfr");
        try (Recording recording = new Recording()) {
            recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10)).withStackTrace();
            recording.start();
            burn(work);
            recording.stop();
            recording.dump(file);
        }
        return HotspotTracker.fromRecording(file, genome, h -> true);
    }

    private static void burn(Work work) throws Exception {
        long end = System.nanoTime() + Duration.ofMillis(2000).toNanos();
        while (System.nanoTime() < end) {
            work.run();
        }
    }
}
