package dev.ouroboros.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ouroboros.core.fixture.Ledger;
import dev.ouroboros.genome.GenomeChecksum;
import dev.ouroboros.patcher.AgentInstrumentation;
import dev.ouroboros.patcher.ClassFingerprint;
import dev.ouroboros.patcher.CodeVersion;
import dev.ouroboros.patcher.LivePatcher;
import dev.ouroboros.patcher.PatchBundle;
import dev.ouroboros.patcher.PatchOperation;
import dev.ouroboros.patcher.RollbackEntry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The regression watch in the engine, in this very JVM: a real self-attached agent, real sandbox workers
 * running the fixture's real tests, real redefineClasses, and a host thread doing the program's own work
 * on the patched method while the watch measures it.
 *
 * <p>The regression is not staged: {@link Ledger}'s tests feed it clean lines only, so deleting its
 * whitespace-cleaning statement passes them and is faster; the program's real lines have a blank after
 * the comma, on which the winner throws.
 */
class RegressionWatchEngineTest {

    private static final Path SOURCES = Path.of("src/test/java");

    @TempDir
    Path data;

    @Test
    void winnerThatFailsOnTheProgramsRealInputIsRolledBackToTheExactOriginalBytes() throws Exception {
        List<String> typed = lines(", ");
        long expected = Ledger.totalCents(typed);
        List<String> events = new CopyOnWriteArrayList<>();
        Path jfr = data.resolve("watch.jfr");
        try (Host host = new Host(typed); Recording recording = new Recording();
                OuroborosEngine engine = OuroborosEngine.builder().config(config())
                .listener(recorder(events)).build()) {
            byte[] before = engine.liveClassBytes(Ledger.class);
            host.start();
            recording.enable("dev.ouroboros.*");
            recording.start();

            EvolutionResult result = engine.runCycle();
            recording.stop();
            recording.dump(jfr);

            assertThat(result.outcome()).as(result.message()).isEqualTo(EvolutionOutcome.ROLLED_BACK);
            assertThat(result.message()).contains("faster on the tests' workload, but regression in this program")
                    .contains("failure rate rose").contains("rolled back to the exact prior bytes");
            Winner winner = result.winner().orElseThrow();
            assertThat(winner.applied()).isFalse();
            assertThat(winner.diff()).contains("-            line = line.replaceAll(\"\\\\s+\", \"\");");
            assertThat(engine.state().winners().winner(winner.candidateId()).orElseThrow().applied()).isFalse();
            assertThat(engine.state().history().entries()).filteredOn(e -> e.candidateId().equals(winner.candidateId()))
                    .last().satisfies(e -> assertThat(e.status()).isEqualTo(HistoryStatus.ROLLED_BACK));
            assertThat(events).containsSubsequence("PatchApplied", "RegressionDetected", "RollbackExecuted");
            assertThat(RecordingFile.readAllEvents(jfr)).extracting(e -> e.getEventType().getName())
                    .containsSubsequence("dev.ouroboros.PatchApplied", "dev.ouroboros.RegressionDetected",
                            "dev.ouroboros.RollbackExecuted", "dev.ouroboros.CycleComplete");

            // The exact original bytes: version 0 is byte for byte what ran before the cycle, the last rollback
            // handed exactly those bytes (by SHA-256) to the JVM, and the JVM runs that code again.
            assertThat(engine.versions().originalBytes(Ledger.class)).hasValueSatisfying(v0 ->
                    assertThat(v0).isEqualTo(before));
            assertThat(engine.versions().current(Ledger.class).orElseThrow().number()).isZero();
            RollbackEntry last = engine.rollbackLog().entries().get(engine.rollbackLog().entries().size() - 1);
            CodeVersion restored = last.restored().get(0);
            assertThat(restored.number()).isZero();
            assertThat(restored.sha256()).isEqualTo(GenomeChecksum.sha256(before));
            assertThat(ClassFingerprint.of(engine.liveClassBytes(Ledger.class))).isEqualTo(ClassFingerprint.of(before));
            assertThat(engine.rollbackLog().entries()).extracting(RollbackEntry::bundleId)
                    .anySatisfy(id -> assertThat(id).endsWith("~watched"));

            long failedSoFar = host.failures.get();
            long okSoFar = host.ok.get();
            Thread.sleep(300);
            assertThat(host.ok.get()).as("the program works again").isGreaterThan(okSoFar);
            assertThat(host.failures.get()).isEqualTo(failedSoFar);
            assertThat(Ledger.totalCents(typed)).isEqualTo(expected);
        }
    }

    @Test
    void winnerThatHoldsUpOnTheProgramsRealInputStaysLive() throws Exception {
        List<String> clean = lines(",");
        long expected = Ledger.totalCents(clean);
        List<String> events = new CopyOnWriteArrayList<>();
        try (Host host = new Host(clean); OuroborosEngine engine = OuroborosEngine.builder().config(config())
                .listener(recorder(events)).build()) {
            byte[] before = engine.liveClassBytes(Ledger.class);
            host.start();

            EvolutionResult result = engine.runCycle();

            assertThat(result.outcome()).as(result.message()).isEqualTo(EvolutionOutcome.IMPROVED);
            assertThat(result.message()).contains("swapped in; watched [" + Ledger.class.getName()
                    + ".totalCents(Ljava/util/List;)J]");
            Winner winner = result.winner().orElseThrow();
            assertThat(winner.applied()).isTrue();
            assertThat(events).contains("PatchApplied").doesNotContain("RegressionDetected", "RollbackExecuted");
            // The clean winner runs, not its probed copy: the current version's bytes are the winner's own.
            String sha = engine.versions().current(Ledger.class).orElseThrow().sha256();
            assertThat(sha).isEqualTo(winner.classSha256().get(Ledger.class.getName()));
            Class<?> ledger = Ledger.class;
            byte[] winnerBytes = engine.versions().bytes(ledger, engine.versions().current(ledger).orElseThrow()
                    .number()).orElseThrow();
            assertThat(ClassFingerprint.of(engine.liveClassBytes(ledger))).isEqualTo(ClassFingerprint.of(winnerBytes));
            assertThat(calls(engine.liveClassBytes(ledger))).doesNotContain("replaceAll", "exit", "nanoTime")
                    .contains("parseLong");
            assertThat(host.failures.get()).isZero();
            assertThat(Ledger.totalCents(clean)).isEqualTo(expected);

            // Only the clean winner is in the undo history: one rollback brings back the exact original.
            assertThat(engine.rollbackLast()).containsExactly(Ledger.class.getName());
            assertThat(engine.versions().current(Ledger.class).orElseThrow().number()).isZero();
            assertThat(ClassFingerprint.of(engine.liveClassBytes(Ledger.class))).isEqualTo(ClassFingerprint.of(before));
        }
    }

    @Test
    void stopDuringTheWatchRestoresTheExactOriginalAtOnce() throws Exception {
        List<String> clean = lines(",");
        AtomicReference<OuroborosEngine> self = new AtomicReference<>();
        AtomicLong liveAt = new AtomicLong();
        // Windows of 5 s: a watch left to run would take far longer than the stop allows.
        EvolutionConfig config = EvolutionConfig.builder().sourceRoots(SOURCES).target(Ledger.class.getName()
                + "#totalCents").operators("statement-delete").warmupRounds(2).measuredRounds(12).dataDirectory(data)
                .jmx(false).watchWindow(Duration.ofSeconds(5)).watchMinCalls(20).watchMaxWindows(10)
                .differential(false).build();
        try (Host host = new Host(clean); OuroborosEngine engine = OuroborosEngine.builder().config(config)
                .listener(new EvolutionListener() {
                    @Override
                    public void onPatchApplied(String cycleId, Winner winner, long pauseNanos, Instant at) {
                        // What a dream session's cancellation does when the user comes back.
                        liveAt.set(System.nanoTime());
                        self.get().stop();
                    }
                }).build()) {
            self.set(engine);
            byte[] before = engine.liveClassBytes(Ledger.class);
            host.start();

            EvolutionResult result = engine.runCycle();
            long afterStop = System.nanoTime() - liveAt.get();

            assertThat(result.outcome()).as(result.message()).isEqualTo(EvolutionOutcome.ABORTED);
            assertThat(result.message()).contains("stopped while the swapped-in winner was watched");
            assertThat(Duration.ofNanos(afterStop)).as("the cycle ends long before its first 5 s window")
                    .isLessThan(Duration.ofSeconds(4));
            assertThat(result.winner().orElseThrow().applied()).isFalse();
            assertThat(engine.versions().current(Ledger.class).orElseThrow().number()).isZero();
            assertThat(ClassFingerprint.of(engine.liveClassBytes(Ledger.class))).isEqualTo(ClassFingerprint.of(before));
            assertThat(engine.rollbackLog().entries()).extracting(RollbackEntry::bundleId)
                    .anySatisfy(id -> assertThat(id).endsWith("~watched"))
                    .anySatisfy(id -> assertThat(id).endsWith("~probe"));
        }
    }

    @Test
    void theProgramsRecordedCallsRejectAMutantThatTheTestsMissBeforeItEverRunsInTheHost() throws Exception {
        List<String> typed = lines(", ");
        EvolutionConfig config = EvolutionConfig.builder().sourceRoots(SOURCES).target(Ledger.class.getName()
                + "#totalCents").operators("statement-delete").warmupRounds(2).measuredRounds(12).dataDirectory(data)
                .jmx(false).recordWindow(Duration.ofSeconds(3)).build();
        try (Host host = new Host(typed); OuroborosEngine engine = OuroborosEngine.builder().config(config).build()) {
            byte[] before = engine.liveClassBytes(Ledger.class);
            host.start();

            EvolutionResult result = engine.runCycle();

            // Deleting the cleaning step passes the tests (clean lines only); the program's own lines, recorded
            // before the candidates ran and replayed first by the differential check, have a blank after the comma.
            assertThat(result.candidates()).as(result.message()).anySatisfy(r -> {
                assertThat(r.stage()).isEqualTo(CandidateStage.TESTS_FAILED);
                assertThat(r.detail()).contains("differential check", "recorded input");
            });
            assertThat(result.outcome()).as(result.message()).isNotIn(EvolutionOutcome.IMPROVED,
                    EvolutionOutcome.ROLLED_BACK);
            assertThat(ClassFingerprint.of(engine.liveClassBytes(Ledger.class))).isEqualTo(ClassFingerprint.of(before));
            assertThat(engine.versions().history(Ledger.class)).extracting(CodeVersion::reason)
                    .anySatisfy(reason -> assertThat(reason).startsWith("records the program's real inputs"));
            assertThat(host.failures.get()).isZero();
        }
    }

    @Test
    void reappliedWinnerThatFailsOnTheProgramsWorkAfterARestartIsRolledBackAndLeftOutNextTime() throws Exception {
        List<String> clean = lines(",");
        byte[] original;
        // First run: the program feeds clean lines; the winner holds up and is journaled applied.
        try (Host host = new Host(clean); OuroborosEngine engine = OuroborosEngine.builder().config(config()).build()) {
            original = engine.liveClassBytes(Ledger.class);
            host.start();
            EvolutionResult result = engine.runCycle();
            assertThat(result.outcome()).as(result.message()).isEqualTo(EvolutionOutcome.IMPROVED);
        }
        // What a restart does to the live class: the program runs its own class file again (the engine's own
        // rollbackLast would journal a rollback, which a restart does not).
        try (LivePatcher restart = new LivePatcher(AgentInstrumentation.obtain())) {
            restart.apply(PatchBundle.of("restart", new PatchOperation(Ledger.class, original, "restart")));
        }
        // Second run: now the program's lines have a blank after the comma, on which the winner throws.
        List<String> typed = lines(", ");
        long expected = Ledger.totalCents(typed);
        List<String> events = new CopyOnWriteArrayList<>();
        try (Host host = new Host(typed); OuroborosEngine engine = OuroborosEngine.builder().config(config())
                .listener(recorder(events)).build()) {
            host.start();
            List<String> lines = engine.reapplyWinners();

            assertThat(lines).singleElement().asString().startsWith("rolled back ").contains("failure rate rose")
                    .contains("no longer re-applied at startup");
            assertThat(events).containsSubsequence("PatchApplied", "RegressionDetected", "RollbackExecuted");
            assertThat(ClassFingerprint.of(engine.liveClassBytes(Ledger.class))).isEqualTo(ClassFingerprint.of(original));
            assertThat(engine.state().winners().winners()).singleElement().satisfies(w -> assertThat(w.applied()).isFalse());
            assertThat(engine.state().history().entries()).last()
                    .satisfies(e -> assertThat(e.status()).isEqualTo(HistoryStatus.ROLLED_BACK));
            long failedSoFar = host.failures.get();
            Thread.sleep(300);
            assertThat(host.failures.get()).as("the program works again").isEqualTo(failedSoFar);
            assertThat(Ledger.totalCents(typed)).isEqualTo(expected);
        }
        // Third run: nothing is due any more.
        try (OuroborosEngine engine = OuroborosEngine.builder().config(config()).build()) {
            assertThat(engine.reapplyWinners()).isEmpty();
        }
    }

    /** The names of the methods the class's code calls, read with ASM (the constant pool may hold stale names). */
    private static List<String> calls(byte[] classBytes) {
        org.objectweb.asm.tree.ClassNode node = new org.objectweb.asm.tree.ClassNode();
        new org.objectweb.asm.ClassReader(classBytes).accept(node, 0);
        List<String> names = new ArrayList<>();
        node.methods.forEach(m -> m.instructions.forEach(i -> {
            if (i instanceof org.objectweb.asm.tree.MethodInsnNode call) {
                names.add(call.name);
            }
        }));
        return names;
    }

    private EvolutionConfig config() {
        return EvolutionConfig.builder().sourceRoots(SOURCES).target(Ledger.class.getName() + "#totalCents")
                .operators("statement-delete").warmupRounds(2).measuredRounds(12).dataDirectory(data).jmx(false)
                .watchWindow(Duration.ofMillis(500)).watchMinCalls(50).watchMaxWindows(10)
                // The differential check may catch the deletion on generated inputs; off, so the watch is the gate
                // under test.
                .differential(false).build();
    }

    private static EvolutionListener recorder(List<String> events) {
        return new EvolutionListener() {
            @Override
            public void onPatchApplied(String cycleId, Winner winner, long pauseNanos, Instant at) {
                events.add("PatchApplied");
            }

            @Override
            public void onRegressionDetected(String bundleId, String detail) {
                events.add("RegressionDetected");
            }

            @Override
            public void onRollbackExecuted(String bundleId, List<String> classes, String reason) {
                events.add("RollbackExecuted");
            }
        };
    }

    private static List<String> lines(String separator) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            lines.add("customer-" + i + separator + (i * 37 % 1000));
        }
        return lines;
    }

    /** The program's own work: sums its ledger for request after request, as a service would, counting failures. */
    private static final class Host implements AutoCloseable {
        final AtomicLong ok = new AtomicLong();
        final AtomicLong failures = new AtomicLong();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;

        Host(List<String> lines) {
            thread = new Thread(() -> {
                while (running.get()) {
                    try {
                        Ledger.totalCents(lines);
                        ok.incrementAndGet();
                    } catch (NumberFormatException e) {
                        failures.incrementAndGet();
                    }
                    // Requests arrive about once a millisecond: a steady load that leaves the sandbox's timing a core.
                    try {
                        Thread.sleep(1);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "ledger-host");
            thread.setDaemon(true);
        }

        void start() {
            thread.start();
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            thread.join(5_000);
        }
    }
}
