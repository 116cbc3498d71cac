package dev.ouroboros.arena;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One long-lived worker takes candidate after candidate; a worker killed from outside is replaced; verdicts are cached. */
class SandboxPoolTest {

    @TempDir
    static Path fixtureDir;

    private static InMemoryCompiler compiler;
    private static List<Path> classpath;
    private static Map<String, byte[]> original;
    /** Shared by the tests that measure deltas of its statistics, to save JVM starts. */
    private static Sandbox sandbox;
    private static int variants = 100;

    @BeforeAll
    static void buildFixture() throws Exception {
        compiler = InMemoryCompiler.create();
        classpath = Fixture.build(compiler, fixtureDir.resolve("classes"));
        original = Fixture.compileTarget(compiler, Fixture.ORIGINAL);
        sandbox = Sandbox.builder().workerClasspath(classpath).timeout(Duration.ofSeconds(15)).poolSize(1).build();
        assertThat(sandbox.evaluate(request("warm", fastVariant(0))).outcome()).isEqualTo(SandboxOutcome.PASSED);
    }

    @AfterAll
    static void closeAll() {
        sandbox.close();
        compiler.close();
        assertThat(liveWorkerPids()).as("close destroys every worker").isEmpty();
    }

    /** A candidate this class has not evaluated yet. */
    private static synchronized Map<String, byte[]> freshVariant() {
        return fastVariant(++variants);
    }

    /** Distinct bytes for the same behaviour: leading blank lines shift the line-number table. */
    private static Map<String, byte[]> fastVariant(int blankLines) {
        return Fixture.compileTarget(compiler, "\n".repeat(blankLines) + Fixture.FAST);
    }

    private static SandboxRequest request(String id, Map<String, byte[]> mutant) {
        // Pool mechanics: the differential gate stops the original on edge inputs and recycles workers, off here.
        return new SandboxRequest(id, original, mutant, List.of(Fixture.TEST), 0, 1)
                .withDifferential(DifferentialCheck.disabled());
    }

    /** Live worker JVMs of both kinds. */
    private static List<Long> liveWorkerPids() {
        return ProcessHandle.current().descendants()
                .filter(p -> p.info().commandLine().orElse("").contains(Sandbox.WORKER_MARKER))
                .filter(ProcessHandle::isAlive).map(ProcessHandle::pid).toList();
    }

    /** Live workers that time candidates (the requests here have a timing round); correctness-only ones left out. */
    private static List<String> liveTestsOnlyWorkers() {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .map(p -> p.info().commandLine().orElse(""))
                .filter(c -> c.contains(Sandbox.WORKER_MARKER) && c.contains(Sandbox.TESTS_ONLY_JIT)).toList();
    }

    private static List<Long> liveTimingWorkerPids() {
        return ProcessHandle.current().descendants()
                .filter(p -> p.info().commandLine().orElse("").contains(Sandbox.WORKER_MARKER))
                .filter(p -> !p.info().commandLine().orElse("").contains(Sandbox.TESTS_ONLY_JIT))
                .filter(ProcessHandle::isAlive).map(ProcessHandle::pid).toList();
    }

    @Test
    void oneWorkerServesManyCandidates() {
        SandboxStatistics before = sandbox.statistics();
        for (int i = 0; i < 5; i++) {
            SandboxVerdict v = sandbox.evaluate(request("c" + i, freshVariant()));
            System.out.println("VERDICT " + v.candidateId() + " " + v.outcome() + " " + v.wallTime().toMillis() + " ms");
            assertThat(v.outcome()).as(v.detail()).isEqualTo(SandboxOutcome.PASSED);
            assertThat(v.testsRun()).isEqualTo(3);
        }

        SandboxStatistics after = sandbox.statistics();
        assertThat(after.evaluations() - before.evaluations()).isEqualTo(5);
        assertThat(after.workersStarted()).isEqualTo(before.workersStarted());
        assertThat(after.workersRetired()).isEqualTo(before.workersRetired());
        assertThat(liveTimingWorkerPids()).hasSize(1);
    }

    @Test
    void workerKilledFromOutsideIsReplacedAndTheRunGoesOn() throws InterruptedException {
        List<Long> pids = liveTimingWorkerPids();
        assertThat(pids).hasSize(1);
        long started = sandbox.statistics().workersStarted();
        ProcessHandle killed = ProcessHandle.of(pids.get(0)).orElseThrow();
        killed.destroyForcibly();
        killed.onExit().join();

        SandboxVerdict after = sandbox.evaluate(request("after-kill", freshVariant()));

        assertThat(after.outcome()).as(after.detail()).isEqualTo(SandboxOutcome.PASSED);
        assertThat(sandbox.statistics().workersStarted()).isEqualTo(started + 1);
        assertThat(liveTimingWorkerPids()).hasSize(1).doesNotContain(pids.get(0));
    }

    @Test
    void sameCandidateIsEvaluatedOnceAndThenAnsweredFromTheCache() {
        Map<String, byte[]> mutant = freshVariant();
        SandboxStatistics before = sandbox.statistics();
        SandboxVerdict first = sandbox.evaluate(request("first", mutant));
        SandboxVerdict again = sandbox.evaluate(request("again", Map.copyOf(mutant)));
        SandboxVerdict otherRounds = sandbox.evaluate(new SandboxRequest("rounds", original, mutant,
                List.of(Fixture.TEST), 0, 2));
        SandboxStatistics after = sandbox.statistics();

        assertThat(again.candidateId()).isEqualTo("again");
        assertThat(again.outcome()).isEqualTo(first.outcome());
        assertThat(again.mutantNanos()).isEqualTo(first.mutantNanos());
        assertThat(otherRounds.mutantNanos()).hasSize(2);
        assertThat(after.cacheHits() - before.cacheHits()).isEqualTo(1);
        assertThat(after.evaluations() - before.evaluations()).isEqualTo(2);
    }

    @Test
    void builderStatesEachBrokenLimit() {
        int cores = Runtime.getRuntime().availableProcessors();
        assertThatThrownBy(() -> Sandbox.builder().poolSize(0))
                .hasMessage("poolSize must be between 1 and the " + cores + " available processors, was 0");
        assertThatThrownBy(() -> Sandbox.builder().poolSize(cores + 1))
                .hasMessageContaining("was " + (cores + 1));
        assertThatThrownBy(() -> Sandbox.builder().timeLimit(0.5, Duration.ofSeconds(1)))
                .hasMessage("time limit factor must be a finite number of at least 1, was 0.5");
        assertThatThrownBy(() -> Sandbox.builder().timeLimit(2, Duration.ofMillis(10)))
                .hasMessage("time limit constant must be at least 50 ms, was PT0.01S");
        assertThatThrownBy(() -> Sandbox.builder().maxOutputBytes(10))
                .hasMessage("maxOutputBytes must be at least 1024, was 10");
        assertThatThrownBy(() -> Sandbox.builder().maxCandidatesPerWorker(0))
                .hasMessage("maxCandidatesPerWorker must be at least 1, was 0");
    }

    @Test
    void workerIsReplacedAfterItsQuotaAndTheCacheCanBeSwitchedOff() {
        try (Sandbox sandbox = Sandbox.builder().workerClasspath(classpath).poolSize(1).maxCandidatesPerWorker(2)
                .cacheResults(false).build()) {
            for (int i = 0; i < 3; i++) {
                SandboxVerdict v = sandbox.evaluate(request("q" + i, fastVariant(0)));
                assertThat(v.outcome()).as(v.detail()).isEqualTo(SandboxOutcome.PASSED);
            }

            assertThat(sandbox.statistics().cacheHits()).isZero();
            assertThat(sandbox.statistics().evaluations()).isEqualTo(3);
            assertThat(sandbox.statistics().workersRetired()).isEqualTo(1);
            assertThat(sandbox.statistics().workersStarted()).isEqualTo(2);
        }
    }

    @Test
    void testsOnlyRequestPassesWithoutTimingsInACorrectnessWorker() throws InterruptedException {
        SandboxVerdict v = sandbox.evaluate(new SandboxRequest("tests-only", original, freshVariant(),
                List.of(Fixture.TEST), 0, 0));

        assertThat(v.outcome()).as(v.detail()).isEqualTo(SandboxOutcome.PASSED);
        // Correctness-only candidates run in workers with the C1 compiler only; timed ones never do. The
        // process table is read until it shows the worker (up to 5 s): a command line read from /proc can
        // come back empty for a moment (once in a CI run, the worker had answered and was alive).
        long deadline = System.nanoTime() + 5_000_000_000L;
        List<String> testsOnly = liveTestsOnlyWorkers();
        while (testsOnly.size() != 1 && System.nanoTime() < deadline) {
            Thread.sleep(50);
            testsOnly = liveTestsOnlyWorkers();
        }
        assertThat(testsOnly).hasSize(1);
        assertThat(liveTimingWorkerPids()).hasSize(1);
        assertThat(v.testsRun()).isEqualTo(3);
        assertThat(v.originalNanos()).isEmpty();
        assertThat(v.timing().rounds()).isZero();
        assertThat(v.timing().isImprovement(AcceptanceCriteria.defaults())).isFalse();
    }

    @Test
    void threadCpuClockSeesTheQuadraticOriginalAsSlower() {
        try (Sandbox cpu = Sandbox.builder().workerClasspath(classpath).poolSize(1).timingClock(TimingClock.THREAD_CPU)
                .build()) {
            SandboxVerdict v = cpu.evaluate(new SandboxRequest("cpu", original, fastVariant(0), List.of(Fixture.TEST), 1, 7));
            TimingComparison t = v.timing();
            System.out.println("CPU " + t);

            assertThat(v.outcome()).as(v.detail()).isEqualTo(SandboxOutcome.PASSED);
            assertThat(v.mutantNanos()).allSatisfy(n -> assertThat(n).isPositive());
            assertThat(t.speedup()).as(t.toString()).isGreaterThan(3.0);
            assertThat(t.isImprovement(AcceptanceCriteria.defaults())).as(t.toString()).isTrue();

            // The same work moved to a pool thread is still charged: no phantom speed-up.
            SandboxVerdict offloaded = cpu.evaluate(new SandboxRequest("offloaded", original,
                    Fixture.compileTarget(compiler, Fixture.OFFLOADED), List.of(Fixture.TEST), 1, 7));
            System.out.println("CPU offloaded " + offloaded.timing());
            assertThat(offloaded.outcome()).as(offloaded.detail()).isEqualTo(SandboxOutcome.PASSED);
            assertThat(offloaded.timing().speedup()).as(offloaded.timing().toString()).isLessThan(1.5);
        }
    }
}
