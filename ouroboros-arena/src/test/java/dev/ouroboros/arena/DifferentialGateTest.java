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
 * The differential gate in real worker JVMs: mutants that pass a weak test suite are caught on
 * generated inputs (another result, another exception type, another receiver state), an equivalent
 * mutant passes, a recorded input finds what no generator does, and a mutant that loops on a
 * generated input is stopped by the time limit.
 */
class DifferentialGateTest {

    @TempDir
    static Path dir;

    private static InMemoryCompiler compiler;
    private static Sandbox sandbox;
    private static Map<String, byte[]> original;

    @BeforeAll
    static void setUp() throws Exception {
        compiler = InMemoryCompiler.create();
        List<Path> classpath = DifferentialFixture.build(compiler, dir.resolve("classes"));
        original = DifferentialFixture.compile(compiler, DifferentialFixture.ORIGINAL);
        sandbox = Sandbox.builder().workerClasspath(classpath).poolSize(1).timeout(Duration.ofSeconds(40))
                .timeLimit(2.0, Duration.ofMillis(800)).workDirectory(dir.resolve("work")).build();
    }

    @AfterAll
    static void tearDown() {
        sandbox.close();
        compiler.close();
    }

    private static SandboxVerdict evaluate(String id, String source) {
        return sandbox.evaluate(new SandboxRequest(id, original, DifferentialFixture.compile(compiler, source),
                List.of(DifferentialFixture.TEST), 0, 0));
    }

    @Test
    void offByOneOnAnEdgeValueTheTestsMissIsCaught() {
        SandboxVerdict verdict = evaluate("digits", DifferentialFixture.DIGITS_OFF_BY_ONE);
        System.out.println("VERDICT " + verdict);

        assertThat(verdict.outcome()).as(verdict.detail()).isEqualTo(SandboxOutcome.DIFFERENTIAL_MISMATCH);
        assertThat(verdict.detail()).startsWith("diff.Pricing#digits(I)I differs from the original on generated input")
                .contains("original returned ").contains(", mutant returned ");
        assertThat(verdict.testsRun()).isEqualTo(5);
        TestSuite suite = verdict.suite("differential").orElseThrow();
        assertThat(suite.cases()).anySatisfy(c -> {
            assertThat(c.name()).isEqualTo("diff.Pricing#digits(I)I");
            assertThat(c.outcome()).isEqualTo(TestCase.Outcome.FAILED);
        });
        assertThat(verdict.differentialInputs()).isPositive();
    }

    @Test
    void equivalentMutantPassesWithItsInputsAsEvidence() {
        SandboxVerdict verdict = evaluate("total", DifferentialFixture.TOTAL_EQUIVALENT);
        System.out.println("VERDICT " + verdict);

        assertThat(verdict.outcome()).as(verdict.detail()).isEqualTo(SandboxOutcome.PASSED);
        TestSuite suite = verdict.suite("differential").orElseThrow();
        assertThat(suite.cases()).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("diff.Pricing#total(Ljava/util/List;)J");
            assertThat(c.outcome()).isEqualTo(TestCase.Outcome.PASSED);
            assertThat(c.message()).matches("\\d+ generated and 0 recorded inputs.*");
        });
        assertThat(verdict.differentialInputs()).isBetween(1, 50);
    }

    @Test
    void anotherExceptionTypeIsAMismatch() {
        SandboxVerdict verdict = evaluate("percent", DifferentialFixture.PERCENT_OTHER_EXCEPTION);

        assertThat(verdict.outcome()).as(verdict.detail()).isEqualTo(SandboxOutcome.DIFFERENTIAL_MISMATCH);
        assertThat(verdict.detail()).contains("diff.Pricing#percent(II)I")
                .contains("original threw java.lang.ArithmeticException, mutant threw java.lang.IllegalArgumentException");
    }

    @Test
    void receiverStateAfterTheCallIsCompared() {
        SandboxVerdict verdict = evaluate("add", DifferentialFixture.ADD_FORGETS_STATE);

        assertThat(verdict.outcome()).as(verdict.detail()).isEqualTo(SandboxOutcome.DIFFERENTIAL_MISMATCH);
        assertThat(verdict.detail()).contains("diff.Pricing#add(I)I").contains("new Pricing().(")
                .contains("the receiver after the call is Pricing[count=");
    }

    @Test
    void recordedInputFindsWhatGeneratedInputsMiss() {
        Map<String, byte[]> mutant = DifferentialFixture.compile(compiler, DifferentialFixture.GREET_SPECIAL_CASE);
        SandboxRequest plain = new SandboxRequest("greet", original, mutant, List.of(DifferentialFixture.TEST), 0, 0);
        SandboxVerdict generatedOnly = sandbox.evaluate(plain);
        SandboxVerdict withRecorded = sandbox.evaluate(plain.withDifferential(DifferentialCheck.defaults()
                .withRecordedInputs(List.of(RecordedInput.of("diff.Pricing", "greet", "(Ljava/lang/String;)Ljava/lang/String;",
                        "Ada Lovelace")))));
        System.out.println("VERDICT " + withRecorded);

        assertThat(generatedOnly.outcome()).as(generatedOnly.detail()).isEqualTo(SandboxOutcome.PASSED);
        assertThat(withRecorded.outcome()).as(withRecorded.detail()).isEqualTo(SandboxOutcome.DIFFERENTIAL_MISMATCH);
        assertThat(withRecorded.detail()).contains("on recorded input 1 (\"Ada Lovelace\")")
                .contains("original returned \"Hello, Ada Lovelace\", mutant returned \"Hi Ada\"");
    }

    @Test
    void disabledGateLetsTheTestsDecide() {
        SandboxVerdict verdict = sandbox.evaluate(new SandboxRequest("digits-off", original,
                DifferentialFixture.compile(compiler, DifferentialFixture.DIGITS_OFF_BY_ONE), List.of(DifferentialFixture.TEST),
                0, 0).withDifferential(DifferentialCheck.disabled()));

        assertThat(verdict.outcome()).as(verdict.detail()).isEqualTo(SandboxOutcome.PASSED);
        assertThat(verdict.evidence()).isEmpty();
        assertThat(verdict.differentialInputs()).isZero();
    }

    @Test
    void mutantLoopingOnAGeneratedInputIsStoppedAndThePoolGoesOn() {
        SandboxVerdict verdict = evaluate("loops", DifferentialFixture.DIGITS_LOOPS);
        System.out.println("VERDICT " + verdict);

        assertThat(verdict.outcome()).as(verdict.detail()).isEqualTo(SandboxOutcome.TIMED_OUT);
        assertThat(verdict.detail()).contains("the mutant's call of diff.Pricing#digits(I)I")
                .contains("ran past its time limit").contains("during differential testing");
        assertThat(verdict.wallTime()).isLessThan(Duration.ofSeconds(30));

        SandboxVerdict next = evaluate("after-loop", DifferentialFixture.TOTAL_EQUIVALENT);
        assertThat(next.outcome()).as(next.detail()).isEqualTo(SandboxOutcome.PASSED);
    }
}
