package dev.ouroboros.arena.bench;

import dev.ouroboros.arena.AcceptanceCriteria;
import dev.ouroboros.arena.Benchmark;
import dev.ouroboros.arena.BenchmarkSuite;
import dev.ouroboros.arena.BytecodeShape;
import dev.ouroboros.arena.CompilationResult;
import dev.ouroboros.arena.FinalistBenchmark;
import dev.ouroboros.arena.FitnessEvidence;
import dev.ouroboros.arena.FitnessMetric;
import dev.ouroboros.arena.FitnessScore;
import dev.ouroboros.arena.InMemoryCompiler;
import dev.ouroboros.arena.SpeedTest;
import dev.ouroboros.arena.TestCase;
import dev.ouroboros.arena.TestSuite;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code scripts/bench arena-jmh}: JMH wall time per finalist on the examples' hot class. It compiles
 * its own copies of {@code OrderReport} (quadratic {@code +=}), a {@code StringBuilder} variant and an
 * identical copy (A/A), with {@code Order}, {@code Orders} and a workload that renders a 2,000-order
 * day, then runs {@link FinalistBenchmark} with its default settings twice: original + copy + builder
 * in one run, original + builder in another, then {@code bench.aa} (10) A/A runs of the original against an
 * identical copy. It prints each candidate's figures, the speed-up with its p-value and Â12, the fitness
 * verdicts, the A/A false-win count, and a last {@code RESULT arena-jmh ...} line.
 */
public final class ArenaJmhBench {

    private static final String PKG = "dev.ouroboros.examples.demo";

    /** The user's workload: one operation renders a full day of orders. Loaded per candidate, child-first. */
    private static final String WORKLOAD = """
            package dev.ouroboros.examples.demo;

            import dev.ouroboros.arena.ArenaWorkload;
            import java.util.List;
            import org.openjdk.jmh.infra.Blackhole;

            public final class OrderReportWorkload implements ArenaWorkload {
                private List<Order> day;

                @Override
                public void setUp(ClassLoader candidateLoader) {
                    day = Orders.sample(2_000, 7);
                }

                @Override
                public void run(ClassLoader candidateLoader, Blackhole blackhole) {
                    blackhole.consume(OrderReport.toCsv(day));
                }
            }
            """;

    private ArenaJmhBench() {
    }

    public static void main(String[] args) throws Exception {
        Path user = Files.createTempDirectory("arena-jmh-bench-");
        try {
            measure(user);
        } finally {
            try (var files = Files.walk(user)) {
                for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static void measure(Path user) throws Exception {
        List<Path> classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(Path::of).toList();
        Map<String, byte[]> original;
        Map<String, byte[]> builder;
        try (InMemoryCompiler compiler = InMemoryCompiler.create()) {
            CompilationResult app = compiler.compile(Map.of(DemoSources.ORDER, DemoSources.ORDER_SOURCE,
                    DemoSources.ORDERS, DemoSources.ORDERS_SOURCE, DemoSources.REPORT, DemoSources.REPORT_SOURCE,
                    PKG + ".OrderReportWorkload", WORKLOAD), classpath, 17);
            require(app);
            for (Map.Entry<String, byte[]> c : app.classes().entrySet()) {
                Path f = user.resolve(c.getKey().replace('.', '/') + ".class");
                Files.createDirectories(f.getParent());
                Files.write(f, c.getValue());
            }
            original = Map.of(PKG + ".OrderReport", app.classes().get(PKG + ".OrderReport"));
            CompilationResult fast = compiler.compile(Map.of(DemoSources.REPORT, DemoSources.BUILDER), List.of(user), 17);
            require(fast);
            builder = fast.classes();
        }
        FinalistBenchmark jmh = FinalistBenchmark.builder()
                .classpath(List.of(user))
                .workloadClass(PKG + ".OrderReportWorkload")
                .build();

        Map<String, Map<String, byte[]>> three = new LinkedHashMap<>();
        three.put("copy", original);
        three.put("builder", builder);
        BenchmarkSuite run1 = jmh.run(original, three);
        BenchmarkSuite run2 = jmh.run(original, Map.of("builder", builder));

        System.out.println("settings: " + run1.settings());
        report("run 1 (original + copy + builder)", run1, original, builder);
        report("run 2 (original + builder)", run2, original, builder);

        SpeedTest speed = run1.speedTest("builder").orElseThrow(() -> new IllegalStateException(
                "builder failed: " + run1.benchmark("builder").map(Benchmark::failure).orElse("missing")));
        SpeedTest aa = run1.speedTest("copy").orElseThrow();
        SpeedTest cpu = run1.cpuSpeedTest("builder").orElseThrow();
        FitnessScore builderScore = score(run1, "builder", builder);
        FitnessScore copyScore = score(run1, "copy", original);
        double speedup = run1.original().medianSample() / run1.benchmark("builder").orElseThrow().medianSample();
        // A/A: the original against an identical copy, each in its own run; how often is the copy "faster"?
        int aaRuns = Integer.getInteger("bench.aa", 10);
        int aaWins = 0;
        int aaWallOnlyWins = 0;
        List<Double> aaWall = new java.util.ArrayList<>();
        for (int i = 0; i < aaRuns; i++) {
            BenchmarkSuite r = jmh.run(original, Map.of("copy", original));
            aaWall.add(seconds(r.wallTime()));
            FitnessScore confirmed = score(r, "copy", original);
            FitnessEvidence evidence = new FitnessEvidence("copy", List.of(new TestSuite("junit",
                    List.of(TestCase.passed("OrderReportTest (5 tests)", Duration.ZERO)))), Optional.of(r),
                    BytecodeShape.of(original));
            FitnessScore wallOnly = FitnessScore.evaluate(evidence, FitnessMetric.builtIns(), AcceptanceCriteria.defaults(),
                    false);
            aaWins += confirmed.improvement() ? 1 : 0;
            aaWallOnlyWins += wallOnly.improvement() ? 1 : 0;
            System.out.printf(Locale.ROOT, "A/A %d: wall %.1f s, %s%n", i + 1, seconds(r.wallTime()), confirmed.reason());
        }
        double aaWallMedian = aaWall.isEmpty() ? Double.NaN : aaWall.stream().sorted().toList().get(aaWall.size() / 2);
        System.out.printf(Locale.ROOT, "A/A: %d of %d declared winners (wall clock alone: %d); one-finalist run wall"
                + " time median %.1f s%n", aaWins, aaRuns, aaWallOnlyWins, aaWallMedian);
        System.out.printf(Locale.ROOT, "RESULT arena-jmh aa_winners=%d aa_runs=%d aa_winners_wall_only=%d"
                + " wall_s_one_finalist_median=%.1f wall_s_per_finalist=%.1f wall_s_run3=%.1f wall_s_run2=%.1f"
                        + " wall_s_per_finalist_run2=%.1f speedup_builder=%.1f p_builder=%.4f a12_builder=%.2f"
                        + " cpu_p_builder=%.4f cpu_a12_builder=%.2f builder_accepted=%s aa_p=%.4f aa_a12=%.2f aa_accepted=%s samples=%d alloc_b_op_original=%.0f"
                        + " alloc_b_op_builder=%.0f%n",
                aaWins, aaRuns, aaWallOnlyWins, aaWallMedian, seconds(run1.wallTimePerFinalist()), seconds(run1.wallTime()), seconds(run2.wallTime()),
                seconds(run2.wallTimePerFinalist()), speedup, speed.pValue(), speed.a12(), cpu.pValue(), cpu.a12(), builderScore.improvement(),
                aa.pValue(), aa.a12(), copyScore.improvement(), speed.mutantCount(),
                run1.original().allocationBytesPerOp(), run1.benchmark("builder").orElseThrow().allocationBytesPerOp());
    }

    private static void report(String title, BenchmarkSuite suite, Map<String, byte[]> original, Map<String, byte[]> builder) {
        System.out.printf(Locale.ROOT, "%s: wall %.1f s, %.1f s per finalist%n", title, seconds(suite.wallTime()),
                seconds(suite.wallTimePerFinalist()));
        for (Benchmark b : suite.benchmarks()) {
            System.out.printf(Locale.ROOT, "  %-8s %s%n", b.candidateId(), b.succeeded() ? String.format(Locale.ROOT,
                    "median %.3f ms, score %.3f ± %.3f ms (99.9%%), p50 %.3f p90 %.3f p99 %.3f ms, %.0f B/op,"
                            + " cpu %.3f ms/op, samples %s ms, cpu samples %s ms", b.medianSample() / 1e6, b.score() / 1e6,
                    b.scoreError() / 1e6, b.p50() / 1e6, b.p90() / 1e6, b.p99() / 1e6, b.allocationBytesPerOp(),
                    b.cpuNanosPerOp() / 1e6, millis(b.samples()), millis(b.cpuSamples())) : "FAILED " + b.failure());
        }
        for (Benchmark b : suite.finalists()) {
            FitnessScore s = score(suite, b.candidateId(), b.candidateId().equals("builder") ? builder : original);
            System.out.println("  " + b.candidateId() + ": " + s.reason());
        }
    }

    private static FitnessScore score(BenchmarkSuite suite, String id, Map<String, byte[]> classes) {
        // The unit tests' verdict is outside this benchmark; both candidates are known correct.
        List<TestSuite> tests = List.of(new TestSuite("junit", List.of(TestCase.passed("OrderReportTest (5 tests)",
                Duration.ZERO))));
        return FitnessScore.evaluate(new FitnessEvidence(id, tests, Optional.of(suite), BytecodeShape.of(classes)),
                FitnessMetric.builtIns(), AcceptanceCriteria.defaults());
    }

    private static List<String> millis(List<Double> nanos) {
        return nanos.stream().map(s -> String.format(Locale.ROOT, "%.2f", s / 1e6)).toList();
    }

    private static double seconds(Duration d) {
        return d.toMillis() / 1000.0;
    }

    private static void require(CompilationResult r) {
        if (!r.success()) {
            throw new IllegalStateException("benchmark sources do not compile: " + r.errors());
        }
    }
}
