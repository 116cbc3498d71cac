package dev.ouroboros.arena;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real javac, real worker JVMs, real JUnit Platform: each ordinary candidate kind ends in its verdict.
 * Misbehaving candidates are in {@link EvilMutantGauntletTest}.
 */
class SandboxTest {

    @TempDir
    static Path fixtureDir;

    private static InMemoryCompiler compiler;
    private static Sandbox sandbox;
    private static Map<String, byte[]> original;
    private static List<Path> workerClasspath;

    @BeforeAll
    static void buildFixture() throws Exception {
        compiler = InMemoryCompiler.create();
        workerClasspath = Fixture.build(compiler, fixtureDir.resolve("classes"));
        original = Fixture.compileTarget(compiler, Fixture.ORIGINAL);
        sandbox = Sandbox.builder()
                .workerClasspath(workerClasspath)
                .timeout(Duration.ofSeconds(30))
                .workDirectory(fixtureDir.resolve("work"))
                .build();
    }

    @AfterAll
    static void closeAll() {
        sandbox.close();
        compiler.close();
    }

    private static SandboxRequest request(String id, String mutantSource, String testClass, int warmup, int measured) {
        return new SandboxRequest(id, original, Fixture.compileTarget(compiler, mutantSource), List.of(testClass),
                warmup, measured);
    }

    @Test
    void correctnessOnlyMutantStopsAtItsFirstFailingBatchCheapTestsFirst() {
        // A proven original first: its times (joinsTwoThousand dwarfs the two others) make the plan.
        SandboxVerdict fast = sandbox.evaluate(request("fast-tests-only", Fixture.FAST, Fixture.TEST, 0, 0));
        SandboxVerdict wrong = sandbox.evaluate(request("wrong-tests-only", Fixture.WRONG, Fixture.TEST, 0, 0));

        assertThat(fast.outcome()).as(fast.detail()).isEqualTo(SandboxOutcome.PASSED);
        assertThat(fast.testsRun()).isEqualTo(3);
        assertThat(wrong.outcome()).as(wrong.detail()).isEqualTo(SandboxOutcome.TESTS_FAILED);
        assertThat(wrong.detail()).contains("joinsNothing");
        // joinsNothing and joinsThree ran together first and failed: the expensive test never ran.
        assertThat(wrong.testsRun()).as(wrong.detail()).isEqualTo(2);
    }

    @Test
    void obviousLoserStopsTimingEarly() {
        // Reversed roles: the quadratic join is the "mutant" of the StringBuilder one, ~20x slower.
        SandboxVerdict verdict = sandbox.evaluate(new SandboxRequest("loser", Fixture.compileTarget(compiler, Fixture.FAST),
                original, List.of(Fixture.TEST), 1, 15));

        assertThat(verdict.outcome()).as(verdict.detail()).isEqualTo(SandboxOutcome.PASSED);
        assertThat(verdict.originalNanos()).hasSizeGreaterThanOrEqualTo(5).hasSizeLessThan(15);
        assertThat(verdict.timing().speedup()).isLessThan(1.0);
        assertThat(verdict.timing().isImprovement(AcceptanceCriteria.defaults())).isFalse();
    }

    @Test
    void fasterCorrectMutantPassesWithSpeedup() {
        SandboxVerdict verdict = sandbox.evaluate(request("fast", Fixture.FAST, Fixture.TEST, 3, 9));
        System.out.println("VERDICT " + verdict + " " + verdict.timing());

        assertThat(verdict.outcome()).as(verdict.detail()).isEqualTo(SandboxOutcome.PASSED);
        assertThat(verdict.passed()).isTrue();
        assertThat(verdict.candidateId()).isEqualTo("fast");
        assertThat(verdict.testsRun()).isEqualTo(3);
        assertThat(verdict.originalNanos()).hasSize(9).allSatisfy(n -> assertThat(n).isPositive());
        assertThat(verdict.mutantNanos()).hasSize(9);
        TimingComparison timing = verdict.timing();
        assertThat(timing.rounds()).isEqualTo(9);
        assertThat(timing.speedup()).as(timing.toString()).isGreaterThan(1.5);
        assertThat(timing.isImprovement(1.2)).as(timing.toString()).isTrue();
    }

    @Test
    void identicalCandidateIsNotAnImprovement() {
        SandboxVerdict verdict = sandbox.evaluate(request("same", Fixture.ORIGINAL, Fixture.TEST, 2, 9));
        System.out.println("VERDICT " + verdict + " " + verdict.timing());

        assertThat(verdict.outcome()).as(verdict.detail()).isEqualTo(SandboxOutcome.PASSED);
        assertThat(verdict.timing().isImprovement(1.5)).as(verdict.timing().toString()).isFalse();
    }

    @Test
    void wrongMutantFailsNamingTheTest() {
        SandboxVerdict verdict = sandbox.evaluate(request("wrong", Fixture.WRONG, Fixture.TEST, 1, 3));
        System.out.println("VERDICT " + verdict + " " + verdict.timing());

        assertThat(verdict.outcome()).isEqualTo(SandboxOutcome.TESTS_FAILED);
        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.detail()).contains("JoinerTest.joinsNothing()").contains("none");
        // The tests that ran before the run stopped (cheap ones first: see the fail-fast test below).
        assertThat(verdict.testsRun()).isBetween(2, 3);
        assertThat(verdict.originalNanos()).isEmpty();
        assertThat(verdict.timing().rounds()).isZero();
    }

    @Test
    void brokenTestsBlameTheOriginal() {
        SandboxVerdict verdict = sandbox.evaluate(request("broken", Fixture.FAST, Fixture.BROKEN_TEST, 1, 3));
        System.out.println("VERDICT " + verdict + " " + verdict.timing());

        assertThat(verdict.outcome()).isEqualTo(SandboxOutcome.ORIGINAL_TESTS_FAILED);
        assertThat(verdict.detail()).contains("BrokenJoinerTest.expectsSemicolons()").contains("0;1");
    }

    @Test
    void testClassWithoutTestsIsReported() {
        SandboxVerdict verdict = sandbox.evaluate(request("empty", Fixture.FAST, Fixture.EMPTY_TEST, 1, 3));
        System.out.println("VERDICT " + verdict + " " + verdict.timing());

        assertThat(verdict.outcome()).as(verdict.detail()).isEqualTo(SandboxOutcome.NO_TESTS_FOUND);
        assertThat(verdict.detail()).contains(Fixture.EMPTY_TEST);
    }

    @Test
    void workerWithoutTheJUnitLauncherSaysWhatIsMissing() {
        List<Path> withoutLauncher = workerClasspath.stream()
                .filter(p -> !p.getFileName().toString().startsWith("junit-platform-launcher")).toList();
        assertThat(withoutLauncher).hasSize(workerClasspath.size() - 1);
        try (Sandbox bare = Sandbox.builder().workerClasspath(withoutLauncher).timeout(Duration.ofSeconds(8)).build()) {
            SandboxVerdict verdict = bare.evaluate(request("bare", Fixture.FAST, Fixture.TEST, 0, 1));

            assertThat(verdict.outcome()).isEqualTo(SandboxOutcome.WORKER_CRASHED);
            assertThat(verdict.detail()).contains("add org.junit.platform:junit-platform-launcher to the test class path");
        }
    }

    @Test
    void workerClasspathStartsWithTheArenaClasses() {
        assertThat(sandbox.workerClasspath().get(0))
                .isEqualTo(Path.of(Sandbox.class.getProtectionDomain().getCodeSource().getLocation().getPath()));
        assertThat(sandbox.workerClasspath().subList(1, sandbox.workerClasspath().size())).isEqualTo(workerClasspath);
    }
}
