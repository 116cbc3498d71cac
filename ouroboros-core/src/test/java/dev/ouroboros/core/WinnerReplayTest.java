package dev.ouroboros.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ouroboros.core.fixture.Roster;
import dev.ouroboros.patcher.AgentInstrumentation;
import dev.ouroboros.patcher.ClassFingerprint;
import dev.ouroboros.patcher.LivePatcher;
import dev.ouroboros.patcher.PatchBundle;
import dev.ouroboros.patcher.PatchOperation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Re-applying journaled winners at startup, with every check done again. */
class WinnerReplayTest {

    @TempDir
    Path data;

    @Test
    void winnerLiveAtShutdownIsReappliedAfterARestartAndBehavesTheSame() throws Exception {
        String original = ClassFingerprint.of(classFileOnDisk());
        runOneCycleAndSimulateARestart();
        assertThat(liveFingerprint()).isEqualTo(original);

        try (OuroborosEngine engine = OuroborosEngine.builder().config(config()).build()) {
            List<String> lines = engine.reapplyWinners();

            assertThat(lines).singleElement().asString().startsWith("re-applied ")
                    .contains("not watched: the program called", "only 0 times in the window before the swap");
            assertThat(ClassFingerprint.of(engine.liveClassBytes(Roster.class))).isNotEqualTo(original);
            assertThat(Roster.print(List.of("Ada"))).isEqualTo("1. Ada\n");
            engine.rollbackLast();
            assertThat(ClassFingerprint.of(engine.liveClassBytes(Roster.class))).isEqualTo(original);
        }
    }

    @Test
    void tamperedStoredBytesAreSkippedNamingTheFileAndNothingChanges() throws Exception {
        String original = ClassFingerprint.of(classFileOnDisk());
        runOneCycleAndSimulateARestart();
        Path stored;
        try (Stream<Path> files = Files.list(data.resolve("classes"))) {
            stored = files.filter(p -> p.toString().endsWith(".class")).findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(stored);
        bytes[bytes.length / 2] ^= 1;
        Files.write(stored, bytes);

        try (OuroborosEngine engine = OuroborosEngine.builder().config(config()).build()) {
            List<String> lines = engine.reapplyWinners();

            assertThat(lines).singleElement().asString().startsWith("skipped ").contains(stored.getFileName().toString());
            assertThat(ClassFingerprint.of(engine.liveClassBytes(Roster.class))).isEqualTo(original);
        }
    }

    /** Applies a winner, closes the engine (the swap stays), then puts the on-disk bytes back as a restart would. */
    private void runOneCycleAndSimulateARestart() throws IOException {
        try (OuroborosEngine engine = OuroborosEngine.builder().config(config()).build()) {
            EvolutionResult result = engine.runCycle();
            assertThat(result.winner()).as(result.message()).hasValueSatisfying(w -> assertThat(w.applied()).isTrue());
        }
        try (LivePatcher restart = new LivePatcher(AgentInstrumentation.obtain())) {
            restart.apply(PatchBundle.of("restart", new PatchOperation(Roster.class, classFileOnDisk(), "restart")));
        }
    }

    private String liveFingerprint() {
        try (LivePatcher patcher = new LivePatcher(AgentInstrumentation.obtain())) {
            return ClassFingerprint.of(patcher.currentBytes(Roster.class));
        }
    }

    private EvolutionConfig config() {
        return EvolutionConfig.builder().sourceRoots(Path.of("src/test/java")).target(Roster.class.getName() + "#print")
                .warmupRounds(1).measuredRounds(10).dataDirectory(data)
                // Nothing calls Roster here while it is watched: short windows, then it goes in unwatched.
                .watchWindow(Duration.ofMillis(200)).watchMaxWindows(3).build();
    }

    private static byte[] classFileOnDisk() throws IOException {
        try (InputStream in = Roster.class.getResourceAsStream("Roster.class")) {
            return in.readAllBytes();
        }
    }
}
