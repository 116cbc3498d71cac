package dev.ouroboros.arena;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one real JMH run of the unit tests (1 fork per candidate, 1 warm-up and 3 measured iterations
 * of 100 ms): candidates that exist only as bytes are loaded in the forks, their JUnit tests are the
 * workload, and a candidate whose tests throw gets a failed benchmark instead of breaking the run.
 */
class FinalistBenchmarkTest {

    private static final String ORIGINAL = """
            package jmhdemo;

            public final class Joiner {
                private Joiner() {
                }

                public static String join(int n) {
                    String s = "";
                    for (int i = 0; i < n; i++) {
                        s += i + ",";
                    }
                    return s;
                }
            }
            """;

    private static final String FAST = """
            package jmhdemo;

            public final class Joiner {
                private Joiner() {
                }

                public static String join(int n) {
                    StringBuilder s = new StringBuilder();
                    for (int i = 0; i < n; i++) {
                        s.append(i).append(',');
                    }
                    return s.toString();
                }
            }
            """;

    private static final String BROKEN = ORIGINAL.replace("return s;", "throw new IllegalStateException(\"broken on purpose\");");

    private static final String TEST = """
            package jmhdemo;

            import org.junit.jupiter.api.Test;

            class JoinerTest {
                @Test
                void joinsManyNumbers() {
                    if (Joiner.join(1500).length() != 6390) {
                        throw new AssertionError("wrong length " + Joiner.join(1500).length());
                    }
                }
            }
            """;

    @Test
    void originalAndFinalistsAreMeasuredInOneRunAndAFailingFinalistIsReported(@TempDir Path tmp) throws Exception {
        List<Path> classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(Path::of).toList();
        Map<String, byte[]> original;
        Map<String, byte[]> fast;
        Map<String, byte[]> broken;
        Path userClasses = tmp.resolve("user-classes");
        try (InMemoryCompiler compiler = InMemoryCompiler.create()) {
            CompilationResult base = compiler.compile(Map.of("jmhdemo.Joiner", ORIGINAL, "jmhdemo.JoinerTest", TEST),
                    classpath, 17);
            assertThat(base.errors()).isEmpty();
            original = Map.of("jmhdemo.Joiner", base.classes().get("jmhdemo.Joiner"));
            fast = compiler.compile(Map.of("jmhdemo.Joiner", FAST), classpath, 17).classes();
            broken = compiler.compile(Map.of("jmhdemo.Joiner", BROKEN), classpath, 17).classes();
            // The user's class path holds the original application class and its test, as a build would.
            for (Map.Entry<String, byte[]> c : base.classes().entrySet()) {
                Path f = userClasses.resolve(c.getKey().replace('.', '/') + ".class");
                Files.createDirectories(f.getParent());
                Files.write(f, c.getValue());
            }
        }
        Map<String, Map<String, byte[]>> finalists = new LinkedHashMap<>();
        finalists.put("builder", fast);
        finalists.put("broken", broken);

        BenchmarkSuite suite = FinalistBenchmark.builder()
                .classpath(List.of(userClasses))
                .testClasses(List.of("jmhdemo.JoinerTest"))
                .warmup(1, Duration.ofMillis(100))
                .measurement(3, Duration.ofMillis(100))
                .workDirectory(tmp.resolve("work"))
                .output(System.out)
                .build()
                .run(original, finalists);

        Benchmark base = suite.original();
        Benchmark builder = suite.benchmark("builder").orElseThrow();
        Benchmark failed = suite.benchmark("broken").orElseThrow();
        assertThat(base.succeeded()).as(base.failure()).isTrue();
        assertThat(builder.succeeded()).as(builder.failure()).isTrue();
        assertThat(base.samples()).hasSize(3);
        assertThat(builder.samples()).hasSize(3);
        assertThat(base.unit()).isEqualTo("ns/op");
        assertThat(base.mode()).isEqualTo("sample");
        // Quadratic concatenation of 1,500 numbers against one builder: several times slower on any machine.
        assertThat(builder.medianSample() * 3).isLessThan(base.medianSample());
        assertThat(suite.speedTest("builder").orElseThrow().a12()).isEqualTo(1.0);
        assertThat(base.allocationBytesPerOp()).isGreaterThan(builder.allocationBytesPerOp() * 3);
        assertThat(builder.cpuNanosPerOp()).isPositive();
        assertThat(builder.cpuSamples()).hasSize(3);
        assertThat(suite.cpuSpeedTest("builder").orElseThrow().a12()).isEqualTo(1.0);
        assertThat(base.p99()).isGreaterThanOrEqualTo(base.p50());

        assertThat(failed.succeeded()).isFalse();
        assertThat(failed.failure()).contains("broken on purpose");
        assertThat(suite.speedTest("broken")).isEmpty();
        assertThat(suite.wallTime()).isPositive();
        assertThat(Files.list(tmp.resolve("work"))).as("work directories are deleted").isEmpty();
    }
}
