package dev.ouroboros.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ouroboros.core.fixture.Roster;
import dev.ouroboros.genome.GenomeChecksum;
import dev.ouroboros.genome.SourceNotFoundException;
import dev.ouroboros.patcher.ClassFingerprint;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The engine used from code, in this very JVM: a real self-attached agent, real javac, real
 * sandbox worker JVMs running the fixture's real tests, a real redefineClasses.
 */
class OuroborosEngineTest {

    private static final Path SOURCES = Path.of("src/test/java");
    private static final String TARGET = Roster.class.getName() + "#print";

    @org.junit.jupiter.api.io.TempDir
    static Path data;

    @Test
    void dryRunFindsTheWinnerButLeavesTheLiveClassAlone() {
        EvolutionConfig config = base().approval(ApprovalMode.DISABLED).build();
        try (OuroborosEngine engine = OuroborosEngine.builder().config(config).build()) {
            byte[] before = engine.liveClassBytes(Roster.class);
            EvolutionResult result = engine.runCycle();

            assertThat(result.outcome()).as(result.message()).isEqualTo(EvolutionOutcome.IMPROVED);
            assertThat(result.winner()).hasValueSatisfying(w -> {
                assertThat(w.applied()).isFalse();
                assertThat(w.operator()).isEqualTo("string-builder-in-loop");
                assertThat(w.diff()).contains("-            out += n + \". \" + name + \"\\n\";");
                assertThat(w.speedup()).isGreaterThan(1.1);
            });
            assertThat(GenomeChecksum.sha256(engine.liveClassBytes(Roster.class)))
                    .isEqualTo(GenomeChecksum.sha256(before));
        }
    }

    @Test
    void winnerIsSwappedInBehavesTheSameAndRollsBackToTheExactBytes() {
        List<String> names = List.of("Ada", "Grace", "Barbara");
        String expected = Roster.print(names);
        List<String> events = new ArrayList<>();
        EvolutionConfig config = base().build();
        try (OuroborosEngine engine = OuroborosEngine.builder().config(config).listener(new EvolutionListener() {
            @Override
            public void onCandidateEvaluated(String cycleId, CandidateReport report) {
                events.add("evaluated " + report.stage());
            }

            @Override
            public void onPatchApplied(String cycleId, Winner winner, long pauseNanos, java.time.Instant at) {
                events.add("applied");
            }
        }).build()) {
            // The JVM rebuilds class files when asked for them, so "the same code" is compared by fingerprint.
            String before = ClassFingerprint.of(engine.liveClassBytes(Roster.class));
            EvolutionResult result = engine.runCycle();

            assertThat(result.outcome()).as(result.message()).isEqualTo(EvolutionOutcome.IMPROVED);
            assertThat(result.winner().orElseThrow().applied()).isTrue();
            assertThat(events).contains("evaluated FASTER").endsWith("applied");
            assertThat(new String(engine.liveClassBytes(Roster.class), java.nio.charset.StandardCharsets.ISO_8859_1))
                    .contains("java/lang/StringBuilder");
            assertThat(Roster.print(names)).isEqualTo(expected);

            assertThat(engine.rollbackLast()).containsExactly(Roster.class.getName());
            assertThat(ClassFingerprint.of(engine.liveClassBytes(Roster.class))).isEqualTo(before);
            assertThat(Roster.print(names)).isEqualTo(expected);
        }
    }

    @Test
    void everyCandidateAndTheWinnerAreJournaledAndSurviveARestart(@org.junit.jupiter.api.io.TempDir Path data) {
        EvolutionConfig config = base().dataDirectory(data).build();
        String candidate;
        try (OuroborosEngine engine = OuroborosEngine.builder().config(config).build()) {
            EvolutionResult result = engine.runCycle();
            candidate = result.winner().orElseThrow().candidateId();
            engine.rollbackLast();
        }
        try (EngineState state = EngineState.open(data)) {
            assertThat(state.history().entries()).extracting(HistoryEntry::status)
                    .containsSubsequence(HistoryStatus.FASTER, HistoryStatus.APPROVED, HistoryStatus.APPLIED,
                            HistoryStatus.ROLLED_BACK);
            assertThat(state.winners().winner(candidate)).hasValueSatisfying(w -> assertThat(w.applied()).isFalse());
            assertThat(state.winners().classBytes(candidate)).containsOnlyKeys(Roster.class.getName());
            assertThat(state.statistics().operator("string-builder-in-loop").faster()).isEqualTo(1);
        }
    }

    @Test
    void activityReturningDuringEvaluationAbortsTheCycleAndNothingIsSwapped() throws Exception {
        EvolutionConfig config = base().trigger(CycleTrigger.IMMEDIATE).build();
        java.util.concurrent.CompletableFuture<EvolutionResult> done = new java.util.concurrent.CompletableFuture<>();
        java.util.concurrent.atomic.AtomicReference<OuroborosEngine> self = new java.util.concurrent.atomic.AtomicReference<>();
        try (OuroborosEngine engine = OuroborosEngine.builder().config(config).listener(new EvolutionListener() {
            @Override
            public void onTestStarted(String cycleId, String candidateId, List<String> testClasses) {
                // What a dream session's cancellation does when the user comes back: ask the cycle to stop.
                self.get().stop();
            }

            @Override
            public void onCycleComplete(EvolutionResult result) {
                done.complete(result);
            }
        }).build()) {
            self.set(engine);
            String before = ClassFingerprint.of(engine.liveClassBytes(Roster.class));
            engine.start();
            EvolutionResult result = done.get(2, java.util.concurrent.TimeUnit.MINUTES);

            assertThat(result.outcome()).as(result.message()).isEqualTo(EvolutionOutcome.ABORTED);
            assertThat(result.winner()).isEmpty();
            assertThat(ClassFingerprint.of(engine.liveClassBytes(Roster.class))).isEqualTo(before);
        }
    }

    @Test
    void missingSourceRootFailsTheBuildWithTheDirectory() {
        EvolutionConfig config = EvolutionConfig.builder().sourceRoots(Path.of("no/such/dir")).target(TARGET).build();
        assertThatThrownBy(() -> OuroborosEngine.builder().config(config).build())
                .isInstanceOf(SourceNotFoundException.class)
                .hasMessageContaining("no/such/dir");
    }

    @Test
    void targetWithoutSourceIsSkippedWithTheMissingFile() {
        EvolutionConfig config = EvolutionConfig.builder().sourceRoots(SOURCES).target("java.lang.String#trim")
                .dataDirectory(data).build();
        try (OuroborosEngine engine = OuroborosEngine.builder().config(config).build()) {
            EvolutionResult result = engine.runCycle();
            assertThat(result.outcome()).isEqualTo(EvolutionOutcome.SKIPPED);
            assertThat(result.message()).contains("no source for target class java.lang.String")
                    .contains("java/lang/String.java");
        }
    }

    @Test
    void unknownMethodIsSkippedNamingTheTarget() {
        EvolutionConfig config = EvolutionConfig.builder().sourceRoots(SOURCES)
                .target(Roster.class.getName() + "#nope").dataDirectory(data).build();
        try (OuroborosEngine engine = OuroborosEngine.builder().config(config).build()) {
            EvolutionResult result = engine.runCycle();
            assertThat(result.outcome()).isEqualTo(EvolutionOutcome.SKIPPED);
            assertThat(result.message()).contains("#nope names no method");
        }
    }

    private static EvolutionConfig.Builder base() {
        return EvolutionConfig.builder().sourceRoots(SOURCES).target(TARGET).warmupRounds(2).measuredRounds(10)
                .dataDirectory(data);
    }
}
