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
 * The in-process mode: off unless asked for, refuses candidates not marked semantics-preserving, and
 * runs the same steps (tests, differential gate, timing) in the test JVM without any worker JVM.
 */
class InProcessSandboxTest {

    @TempDir
    static Path dir;

    private static InMemoryCompiler compiler;
    private static Sandbox sandbox;
    private static List<Path> joinerClasspath;
    private static List<Path> pricingClasspath;

    @BeforeAll
    static void setUp() throws Exception {
        compiler = InMemoryCompiler.create();
        joinerClasspath = Fixture.build(compiler, dir.resolve("joiner"));
        pricingClasspath = DifferentialFixture.build(compiler, dir.resolve("pricing"));
        sandbox = Sandbox.builder().workerClasspath(joinerClasspath).inProcess(true).timeout(Duration.ofSeconds(30))
                .workDirectory(dir.resolve("work")).build();
    }

    @AfterAll
    static void tearDown() {
        sandbox.close();
        compiler.close();
    }

    private static SandboxRequest joiner(String id, String source, int measured) {
        return new SandboxRequest(id, Fixture.compileTarget(compiler, Fixture.ORIGINAL), Fixture.compileTarget(compiler, source),
                List.of(Fixture.TEST), 1, measured);
    }

    @Test
    void candidateNotMarkedSemanticsPreservingIsRefused() {
        SandboxVerdict verdict = sandbox.evaluate(joiner("unmarked", Fixture.FAST, 3));

        assertThat(verdict.outcome()).isEqualTo(SandboxOutcome.REFUSED);
        assertThat(verdict.detail()).contains("runs only candidates of semantics-preserving operators")
                .contains("unmarked is not marked");
        assertThat(sandbox.statistics().workersStarted()).isZero();
    }

    @Test
    void semanticsPreservingCandidatePassesTestsDifferentialAndTimingInProcess() {
        SandboxVerdict verdict = sandbox.evaluate(joiner("marked", Fixture.FAST, 5).withSemanticsPreserving(true));
        System.out.println("IN-PROCESS " + verdict + " " + verdict.timing());

        assertThat(verdict.outcome()).as(verdict.detail()).isEqualTo(SandboxOutcome.PASSED);
        assertThat(verdict.testsRun()).isEqualTo(3);
        assertThat(verdict.originalNanos()).hasSize(5).allSatisfy(n -> assertThat(n).isPositive());
        assertThat(verdict.suite("differential").orElseThrow().cases()).singleElement()
                .satisfies(c -> assertThat(c.name()).isEqualTo("fixture.Joiner#join(I)Ljava/lang/String;"));
        assertThat(verdict.differentialInputs()).isPositive();
        assertThat(verdict.timing().speedup()).isGreaterThan(1.0);
        assertThat(sandbox.statistics().workersStarted()).isZero();
    }

    @Test
    void failingMutantIsStillRejectedInProcess() {
        SandboxVerdict verdict = sandbox.evaluate(joiner("wrong", Fixture.WRONG, 0).withSemanticsPreserving(true));

        assertThat(verdict.outcome()).isEqualTo(SandboxOutcome.TESTS_FAILED);
        assertThat(verdict.detail()).contains("JoinerTest.joinsNothing()");
    }

    @Test
    void differentialMismatchIsFoundInProcess() {
        try (Sandbox pricing = Sandbox.builder().workerClasspath(pricingClasspath).inProcess(true)
                .timeout(Duration.ofSeconds(30)).build()) {
            SandboxVerdict verdict = pricing.evaluate(new SandboxRequest("digits",
                    DifferentialFixture.compile(compiler, DifferentialFixture.ORIGINAL),
                    DifferentialFixture.compile(compiler, DifferentialFixture.DIGITS_OFF_BY_ONE),
                    List.of(DifferentialFixture.TEST), 0, 0).withSemanticsPreserving(true));

            assertThat(verdict.outcome()).as(verdict.detail()).isEqualTo(SandboxOutcome.DIFFERENTIAL_MISMATCH);
            assertThat(verdict.detail()).startsWith("diff.Pricing#digits(I)I differs from the original");
        }
    }

    @Test
    void sandboxesUseWorkerJvmsUnlessToldOtherwise() {
        try (Sandbox workers = Sandbox.builder().workerClasspath(joinerClasspath).poolSize(1).build()) {
            SandboxVerdict verdict = workers.evaluate(joiner("default-mode", Fixture.FAST, 0));

            assertThat(verdict.outcome()).as(verdict.detail()).isEqualTo(SandboxOutcome.PASSED);
            assertThat(workers.statistics().workersStarted()).isPositive();
        }
    }

    @Test
    void requestsAreNotSemanticsPreservingUnlessMarked() {
        SandboxRequest r = new SandboxRequest("r", Map.of("p.A", new byte[] {1}), Map.of("p.A", new byte[] {2}),
                List.of("p.ATest"), 0, 0);
        assertThat(r.semanticsPreserving()).isFalse();
        assertThat(r.differential()).isEqualTo(DifferentialCheck.defaults());
        assertThat(r.withSemanticsPreserving(true).semanticsPreserving()).isTrue();
    }
}
