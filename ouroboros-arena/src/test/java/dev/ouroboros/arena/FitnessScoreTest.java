package dev.ouroboros.arena;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FitnessScoreTest {

    private static final BytecodeShape SHAPE = new BytecodeShape(100, 10, 3);
    private static final List<TestSuite> PASSED = List.of(new TestSuite("junit",
            List.of(TestCase.passed("T.a()", Duration.ofMillis(3)))));

    private static Benchmark bench(String id, double... samples) {
        List<Double> list = java.util.Arrays.stream(samples).boxed().toList();
        double mean = list.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        return new Benchmark(id, "sample", "ns/op", list, mean, 1, mean - 1, mean + 1, mean, mean * 1.5, mean * 2,
                4096, mean * 1.2, "");
    }

    private static BenchmarkSuite suite(Benchmark original, Benchmark candidate) {
        return new BenchmarkSuite("original", List.of(original, candidate), "test", Duration.ofSeconds(9));
    }

    private static final Benchmark ORIGINAL = bench("original", 100, 104, 98, 101, 103, 99, 102, 100);

    @Test
    void aClearlyFasterCorrectCandidateIsAnImprovement() {
        BenchmarkSuite s = suite(ORIGINAL, bench("fast", 50, 52, 49, 51, 50, 53, 48, 50));
        FitnessScore score = FitnessScore.evaluate(new FitnessEvidence("fast", PASSED, Optional.of(s), SHAPE),
                FitnessMetric.builtIns(), AcceptanceCriteria.defaults());

        assertThat(score.improvement()).as(score.reason()).isTrue();
        assertThat(score.speedup()).isCloseTo(2.0, org.assertj.core.data.Offset.offset(0.05));
        assertThat(score.a12()).isEqualTo(1.0);
        assertThat(score.pValue()).isLessThan(0.01);
        assertThat(score.reason()).startsWith("faster: speed-up 2.0");
    }

    private static Benchmark withCpu(Benchmark b, double... cpu) {
        return new Benchmark(b.candidateId(), b.mode(), b.unit(), b.samples(), b.score(), b.scoreError(), b.ciLower(),
                b.ciUpper(), b.p50(), b.p90(), b.p99(), b.allocationBytesPerOp(), b.cpuNanosPerOp(),
                java.util.Arrays.stream(cpu).boxed().toList(), "");
    }

    @Test
    void aWallClockWinThatCpuTimeDoesNotConfirmIsRejected() {
        // The original's fork ran while the machine was busier: wall time doubled, CPU time did not move.
        Benchmark original = withCpu(ORIGINAL, 50, 51, 49, 50, 52, 50, 49, 51);
        Benchmark candidate = withCpu(bench("copy", 50, 52, 49, 51, 50, 53, 48, 50), 50, 49, 51, 50, 52, 49, 50, 51);
        FitnessEvidence evidence = new FitnessEvidence("copy", PASSED, Optional.of(suite(original, candidate)), SHAPE);

        FitnessScore confirmed = FitnessScore.evaluate(evidence, FitnessMetric.builtIns(), AcceptanceCriteria.defaults());
        FitnessScore wallOnly = FitnessScore.evaluate(evidence, FitnessMetric.builtIns(), AcceptanceCriteria.defaults(),
                false);

        assertThat(confirmed.improvement()).isFalse();
        assertThat(confirmed.reason()).contains("not confirmed on CPU time").contains("CPU time speed-up 1.00x");
        assertThat(wallOnly.improvement()).as(wallOnly.reason()).isTrue();
    }

    @Test
    void aWinConfirmedOnCpuTimeIsAccepted() {
        Benchmark original = withCpu(ORIGINAL, 90, 91, 89, 90, 92, 90, 89, 91);
        Benchmark candidate = withCpu(bench("fast", 50, 52, 49, 51, 50, 53, 48, 50), 45, 44, 46, 45, 47, 44, 45, 46);
        FitnessScore score = FitnessScore.evaluate(new FitnessEvidence("fast", PASSED,
                Optional.of(suite(original, candidate)), SHAPE), FitnessMetric.builtIns(), AcceptanceCriteria.defaults());

        assertThat(score.improvement()).as(score.reason()).isTrue();
        assertThat(score.reason()).contains("CPU time speed-up 2.00x");
    }

    @Test
    void overlappingSamplesAreNotSignificant() {
        BenchmarkSuite s = suite(ORIGINAL, bench("same", 99, 103, 100, 102, 98, 104, 101, 100));
        FitnessScore score = FitnessScore.evaluate(new FitnessEvidence("same", PASSED, Optional.of(s), SHAPE),
                FitnessMetric.builtIns(), AcceptanceCriteria.defaults());

        assertThat(score.improvement()).isFalse();
        assertThat(score.reason()).contains("not significant");
    }

    @Test
    void aFasterCandidateThatFailedATestIsRejected() {
        BenchmarkSuite s = suite(ORIGINAL, bench("fast", 50, 52, 49, 51, 50, 53, 48, 50));
        List<TestSuite> failed = List.of(PASSED.get(0), new TestSuite("differential",
                List.of(TestCase.failed("join(0)", Duration.ZERO, "expected \"\" but was null"))));
        FitnessScore score = FitnessScore.evaluate(new FitnessEvidence("fast", failed, Optional.of(s), SHAPE),
                FitnessMetric.builtIns(), AcceptanceCriteria.defaults());

        assertThat(score.improvement()).isFalse();
        assertThat(score.reason()).contains("not correct");
        assertThat(score.value("correctness").orElseThrow().value()).isZero();
    }

    @Test
    void aSignificantButSmallGainIsBelowTheMinimumSpeedup() {
        BenchmarkSuite s = suite(ORIGINAL, bench("slightly", 97, 96, 95, 97, 96, 95, 97, 96));
        FitnessScore lenient = FitnessScore.evaluate(new FitnessEvidence("slightly", PASSED, Optional.of(s), SHAPE),
                FitnessMetric.builtIns(), AcceptanceCriteria.defaults().withMinSpeedup(1.01));
        FitnessScore strict = FitnessScore.evaluate(new FitnessEvidence("slightly", PASSED, Optional.of(s), SHAPE),
                FitnessMetric.builtIns(), AcceptanceCriteria.defaults());

        assertThat(lenient.improvement()).as(lenient.reason()).isTrue();
        assertThat(strict.improvement()).isFalse();
        assertThat(strict.reason()).contains("speed-up below 1.05");
    }

    @Test
    void aFailedBenchmarkIsNeverAnImprovement() {
        BenchmarkSuite s = suite(ORIGINAL, Benchmark.failed("bad", "sample", "ns/op", "<failure> boom"));
        FitnessScore score = FitnessScore.evaluate(new FitnessEvidence("bad", PASSED, Optional.of(s), SHAPE),
                FitnessMetric.builtIns(), AcceptanceCriteria.defaults());

        assertThat(score.improvement()).isFalse();
        assertThat(score.reason()).isEqualTo("benchmark of bad failed: <failure> boom");
        assertThat(score.value("performance").orElseThrow().measured()).isFalse();
    }

    @Test
    void theEightBuiltInMetricsReadTheEvidence() {
        Benchmark fast = new Benchmark("fast", "sample", "us/op", List.of(2.0, 2.0, 4.0), 2.5, 0.1, 2.4, 2.6, 2.0, 3.0,
                7.0, 512, 2600, "");
        Benchmark originalInMicros = new Benchmark("original", "sample", "us/op", List.of(4.0, 4.0, 5.0), 4.2, 0.1, 4.1,
                4.3, 4.0, 5.0, 9.0, 1024, 5000, "");
        BenchmarkSuite s = suite(originalInMicros, fast);
        FitnessScore score = FitnessScore.evaluate(new FitnessEvidence("fast", PASSED, Optional.of(s),
                new BytecodeShape(80, 7, 3)), FitnessMetric.builtIns(), AcceptanceCriteria.defaults());

        assertThat(score.values()).extracting(FitnessValue::metric).containsExactly("performance", "memory",
                "correctness", "throughput", "latency.p99", "energy", "code-quality", "maintainability");
        assertThat(score.values()).extracting(FitnessValue::value)
                .containsExactly(2000.0, 512.0, 1.0, 400_000.0, 7000.0, 2600.0, 80.0, 7.0);
        FitnessScore original = FitnessScore.evaluate(new FitnessEvidence("original", PASSED, Optional.of(s), SHAPE),
                FitnessMetric.builtIns(), AcceptanceCriteria.defaults());
        assertThat(score.delta(original, "code-quality")).isEqualTo(-20);
        assertThat(score.delta(original, "maintainability")).isEqualTo(-3);
        assertThat(original.reason()).isEqualTo("the original itself");
    }

    @Test
    void bytecodeShapeCountsDecisionsAsComplexity() {
        String straight = "package s; public class A { static int f(int x) { return x + 1; } }";
        String branchy = "package s; public class A { static int f(int x) { if (x > 0) { return x + 1; }"
                + " switch (x) { case -1: return 0; case -2: return 1; default: return 2; } } }";
        try (InMemoryCompiler compiler = InMemoryCompiler.create()) {
            BytecodeShape a = BytecodeShape.of(compiler.compile(Map.of("s.A", straight), List.of(), 17).classes());
            BytecodeShape b = BytecodeShape.of(compiler.compile(Map.of("s.A", branchy), List.of(), 17).classes());

            // Constructor (1) + f (1): no decision. Branchy f: 1 + one if + two switch cases = 4.
            assertThat(a.cyclomaticComplexity()).isEqualTo(2);
            assertThat(b.cyclomaticComplexity()).isEqualTo(5);
            assertThat(b.instructions()).isGreaterThan(a.instructions());
            assertThat(a.methods()).isEqualTo(2);
        }
    }

    @Test
    void evidenceMustBelongToTheSuiteItNames() {
        BenchmarkSuite s = suite(ORIGINAL, bench("fast", 50, 52));
        assertThatThrownBy(() -> new FitnessEvidence("other", PASSED, Optional.of(s), SHAPE))
                .hasMessageContaining("no benchmark for candidate 'other'");
    }

    @Test
    void metricsFoundByServiceLoaderFollowTheBuiltIns() {
        assertThat(FitnessMetric.available(getClass().getClassLoader())).extracting(FitnessMetric::name)
                .startsWith("performance", "memory", "correctness", "throughput", "latency.p99", "energy",
                        "code-quality", "maintainability")
                .contains("test-only.constant");
    }
}
