package dev.ouroboros.arena;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The evil-mutant gauntlet: real candidates that loop, exit, halt, hoard memory, recurse, leak a
 * thread, deadlock and flood the output, each through one pooled sandbox. Every one must end as a
 * verdict that says why, and the very next normal candidate must be evaluated correctly by the pool.
 */
class EvilMutantGauntletTest {

    @TempDir
    static Path fixtureDir;

    private static InMemoryCompiler compiler;
    private static Sandbox sandbox;
    private static Map<String, byte[]> original;
    private static Map<String, byte[]> fast;
    private static final AtomicInteger NORMALS = new AtomicInteger();
    /** The default on a 2-core machine: one worker, replaced after every misbehaving candidate. */
    private static final int POOL = 1;

    @BeforeAll
    static void buildFixture() throws Exception {
        compiler = InMemoryCompiler.create();
        List<Path> classpath = Fixture.build(compiler, fixtureDir.resolve("classes"));
        original = Fixture.compileTarget(compiler, Fixture.ORIGINAL);
        fast = Fixture.compileTarget(compiler, Fixture.FAST);
        sandbox = Sandbox.builder()
                .workerClasspath(classpath)
                .timeout(Duration.ofSeconds(12))
                .timeLimit(2.0, Duration.ofMillis(1500))
                .maxOutputBytes(64 * 1024)
                .cacheResults(false)
                .poolSize(POOL)
                .build();
        sandbox.warmUp();
    }

    @AfterAll
    static void closeAll() {
        sandbox.close();
        compiler.close();
    }

    private static SandboxVerdict evil(String id, String source) {
        SandboxVerdict verdict = sandbox.evaluate(new SandboxRequest(id, original, Fixture.compileTarget(compiler, source),
                List.of(Fixture.TEST), 0, 1));
        System.out.println("VERDICT " + verdict);
        return verdict;
    }

    /** The pool still works: a correct candidate passes all three tests, in a live worker. */
    private static void nextNormalCandidatePasses() {
        SandboxVerdict verdict = sandbox.evaluate(new SandboxRequest("normal-" + NORMALS.incrementAndGet(), original, fast,
                List.of(Fixture.TEST), 0, 1));
        System.out.println("NORMAL " + verdict);
        assertThat(verdict.outcome()).as(verdict.detail()).isEqualTo(SandboxOutcome.PASSED);
        assertThat(verdict.testsRun()).isEqualTo(3);
        assertThat(verdict.mutantNanos()).hasSize(1).allSatisfy(n -> assertThat(n).isPositive());
    }

    @Test
    void endlessLoopTimesOutAgainstTheOriginalsTime() {
        SandboxVerdict v = evil("loop", Fixture.LOOPING);

        assertThat(v.outcome()).as(v.detail()).isEqualTo(SandboxOutcome.TIMED_OUT);
        assertThat(v.detail()).contains("time limit").contains("x the original's").contains("JoinerTest.");
        assertThat(v.wallTime()).isLessThan(sandbox.timeout());
        nextNormalCandidatePasses();
    }

    /** Correctness-only candidates (no timing rounds) run in workers of their own, with C1 only: same limits. */
    @Test
    void correctnessOnlyWorkersContainLoopsExitsAndLeaksToo() {
        SandboxVerdict loop = testsOnly("loop-tests-only", Fixture.LOOPING);
        SandboxVerdict exit = testsOnly("exit-tests-only", Fixture.EXITING);
        SandboxVerdict leak = testsOnly("leak-tests-only", Fixture.LEAKING);
        SandboxVerdict normal = testsOnly("normal-tests-only-" + NORMALS.incrementAndGet(), Fixture.FAST);

        assertThat(loop.outcome()).as(loop.detail()).isEqualTo(SandboxOutcome.TIMED_OUT);
        assertThat(loop.detail()).contains("time limit").contains("JoinerTest.");
        assertThat(exit.outcome()).as(exit.detail()).isEqualTo(SandboxOutcome.WORKER_CRASHED);
        assertThat(exit.detail()).contains("status 0");
        assertThat(leak.outcome()).as(leak.detail()).isEqualTo(SandboxOutcome.THREADS_LEAKED);
        assertThat(normal.outcome()).as(normal.detail()).isEqualTo(SandboxOutcome.PASSED);
        assertThat(normal.testsRun()).isEqualTo(3);
        nextNormalCandidatePasses();
    }

    private static SandboxVerdict testsOnly(String id, String source) {
        SandboxVerdict verdict = sandbox.evaluate(new SandboxRequest(id, original, Fixture.compileTarget(compiler, source),
                List.of(Fixture.TEST), 0, 0));
        System.out.println("VERDICT " + verdict);
        return verdict;
    }

    @Test
    void systemExitKillsOnlyTheWorker() {
        SandboxVerdict v = evil("exit", Fixture.EXITING);

        assertThat(v.outcome()).as(v.detail()).isEqualTo(SandboxOutcome.WORKER_CRASHED);
        assertThat(v.detail()).contains("status 0").contains("System.exit");
        nextNormalCandidatePasses();
    }

    @Test
    void runtimeHaltKillsOnlyTheWorker() {
        SandboxVerdict v = evil("halt", Fixture.HALTING);

        assertThat(v.outcome()).as(v.detail()).isEqualTo(SandboxOutcome.WORKER_CRASHED);
        assertThat(v.detail()).contains("status 7");
        nextNormalCandidatePasses();
    }

    @Test
    void allocatingUntilOutOfMemoryIsReported() {
        SandboxVerdict v = evil("hoard", Fixture.HOARDING);

        assertThat(v.outcome()).as(v.detail()).isEqualTo(SandboxOutcome.MEMORY_EXHAUSTED);
        assertThat(v.detail()).containsAnyOf("heap exhausted", "OutOfMemoryError");
        nextNormalCandidatePasses();
    }

    @Test
    void holdingMostOfTheHeapTripsTheWatchdog() {
        SandboxVerdict v = evil("hold", Fixture.HOLDING);

        assertThat(v.outcome()).as(v.detail()).isEqualTo(SandboxOutcome.MEMORY_EXHAUSTED);
        assertThat(v.detail()).contains("heap exhausted").contains("after a garbage collection").contains("mutant tests");
        nextNormalCandidatePasses();
    }

    @Test
    void endlessRecursionFailsItsTests() {
        SandboxVerdict v = evil("recurse", Fixture.RECURSING);

        assertThat(v.outcome()).as(v.detail()).isEqualTo(SandboxOutcome.TESTS_FAILED);
        assertThat(v.detail()).contains("java.lang.StackOverflowError");
        nextNormalCandidatePasses();
    }

    @Test
    void leakedNonDaemonThreadIsNamed() {
        SandboxVerdict v = evil("leak", Fixture.LEAKING);

        assertThat(v.outcome()).as(v.detail()).isEqualTo(SandboxOutcome.THREADS_LEAKED);
        assertThat(v.detail()).contains("'leaky-");
        nextNormalCandidatePasses();
    }

    @Test
    void deadlockTimesOutNamingTheThreads() {
        SandboxVerdict v = evil("deadlock", Fixture.DEADLOCKING);

        assertThat(v.outcome()).as(v.detail()).isEqualTo(SandboxOutcome.TIMED_OUT);
        assertThat(v.detail()).contains("deadlock among threads").contains("deadlock-partner");
        nextNormalCandidatePasses();
    }

    @Test
    void floodingSystemOutNeverReachesTheProtocol() {
        SandboxVerdict v = evil("flood", Fixture.FLOODING);

        assertThat(v.outcome()).as(v.detail()).isEqualTo(SandboxOutcome.OUTPUT_FLOODED);
        assertThat(v.detail()).contains("printed more than 65536 bytes").contains("@@ouroboros 00 RESULT");
        nextNormalCandidatePasses();
    }

    @Test
    void floodingTheRawStdoutIsCaughtByTheHost() {
        SandboxVerdict v = evil("rawflood", Fixture.RAW_FLOODING);

        assertThat(v.outcome()).as(v.detail()).isEqualTo(SandboxOutcome.OUTPUT_FLOODED);
        assertThat(v.detail()).contains("raw stdout").contains("junk");
        nextNormalCandidatePasses();
    }

    @Test
    void everyMisbehavingWorkerWasReplacedNotReused() {
        SandboxVerdict v = evil("exit-again", Fixture.EXITING);
        SandboxStatistics before = sandbox.statistics();
        nextNormalCandidatePasses();
        SandboxStatistics after = sandbox.statistics();

        assertThat(v.outcome()).isEqualTo(SandboxOutcome.WORKER_CRASHED);
        assertThat(before.workersRetired()).isPositive();
        // Timed and correctness-only candidates have workers of their own: POOL of each kind at most.
        assertThat(after.workersStarted() - after.workersRetired()).isBetween(0L, 2L * POOL);
        assertThat(ProcessHandle.current().descendants()
                .filter(p -> p.info().commandLine().orElse("").contains(Sandbox.WORKER_MARKER))
                .filter(ProcessHandle::isAlive).count()).isLessThanOrEqualTo(2L * POOL);
    }
}
