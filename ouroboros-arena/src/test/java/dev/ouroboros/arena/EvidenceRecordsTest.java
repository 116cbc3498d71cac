package dev.ouroboros.arena;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvidenceRecordsTest {

    @Test
    void anEmptyTestSuiteProvesNothing() {
        TestSuite empty = new TestSuite("junit", List.of());
        TestSuite mixed = new TestSuite("junit", List.of(TestCase.passed("A.a()", Duration.ofMillis(2)),
                TestCase.failed("A.b()", Duration.ofMillis(5), "expected 1 but was 2")));

        assertThat(empty.allPassed()).isFalse();
        assertThat(mixed.allPassed()).isFalse();
        assertThat(mixed.passedCount()).isEqualTo(1);
        assertThat(mixed.totalDuration()).isEqualTo(Duration.ofMillis(7));
    }

    @Test
    void recordsStateTheBrokenRuleAndTheValue() {
        assertThatThrownBy(() -> new TestCase("A.a()", TestCase.Outcome.PASSED, Duration.ofMillis(-1), ""))
                .hasMessage("duration must not be negative, was PT-0.001S");
        assertThatThrownBy(() -> new TestSuite("junit", List.of(TestCase.passed("A.a()", Duration.ZERO),
                TestCase.passed("A.a()", Duration.ZERO))))
                .hasMessage("test case names must be unique in suite junit, 'A.a()' appeared twice");
        assertThatThrownBy(() -> new Benchmark("x", "sample", "ns/op", List.of(), 1, 1, 1, 1, 1, 1, 1, 1, 1, ""))
                .hasMessage("a successful benchmark needs at least one sample, had none for x");
        assertThatThrownBy(() -> new Benchmark("x", "sample", "ns/op", List.of(-1.0), 1, 1, 1, 1, 1, 1, 1, 1, 1, ""))
                .hasMessage("samples must be finite and not negative, had -1.0");
        Benchmark ok = new Benchmark("x", "avgt", "us/op", List.of(3.0, 1.0, 2.0), 2, 0.5, 1.5, 2.5, 2, 3, 3, 0, 1, "");
        assertThatThrownBy(() -> new BenchmarkSuite("original", List.of(ok), "", Duration.ZERO))
                .hasMessage("the original's benchmark must be in the suite, 'original' was not among [x]");
        Benchmark micros = new Benchmark("original", "avgt", "ns/op", List.of(3.0), 3, 0, 3, 3, 3, 3, 3, 0, 1, "");
        assertThatThrownBy(() -> new BenchmarkSuite("original", List.of(micros, ok), "", Duration.ZERO))
                .hasMessage("benchmarks in one suite must share a unit, had [ns/op, us/op]");
        assertThat(ok.medianSample()).isEqualTo(2.0);
        assertThat(ok.nanosPerUnit()).isEqualTo(1000.0);
    }

    @Test
    void aSuiteSplitsItsWallTimeAmongFinalistsAndComparesThemWithTheOriginal() {
        Benchmark original = new Benchmark("original", "avgt", "ns/op", List.of(10.0, 11.0, 12.0), 11, 1, 10, 12, 11,
                12, 12, 0, 1, "");
        Benchmark a = new Benchmark("a", "avgt", "ns/op", List.of(5.0, 6.0, 7.0), 6, 1, 5, 7, 6, 7, 7, 0, 1, "");
        Benchmark b = Benchmark.failed("b", "avgt", "ns/op", "fork died");
        BenchmarkSuite suite = new BenchmarkSuite("original", List.of(original, a, b), "", Duration.ofSeconds(18));

        assertThat(suite.wallTimePerFinalist()).isEqualTo(Duration.ofSeconds(9));
        assertThat(suite.finalists()).containsExactly(a, b);
        assertThat(suite.speedTest("a").orElseThrow().a12()).isEqualTo(1.0);
        assertThat(suite.speedTest("b")).isEmpty();
        assertThat(b.score()).isNaN();
    }
}
