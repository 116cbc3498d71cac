package dev.ouroboros.arena.bench;

import dev.ouroboros.arena.AcceptanceCriteria;
import dev.ouroboros.arena.CompilationResult;
import dev.ouroboros.arena.InMemoryCompiler;
import dev.ouroboros.arena.Sandbox;
import dev.ouroboros.arena.SandboxOutcome;
import dev.ouroboros.arena.SandboxRequest;
import dev.ouroboros.arena.SandboxStatistics;
import dev.ouroboros.arena.SandboxVerdict;
import dev.ouroboros.arena.TimingClock;
import dev.ouroboros.arena.TimingComparison;
import dev.ouroboros.patcher.PreflightCheck;
import dev.ouroboros.patcher.PreflightReport;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * {@code scripts/bench arena}: (a) cascade throughput — candidates per second through compile,
 * pre-flight and the targeted tests in a warm worker pool, compilation pipelined with evaluation;
 * (b) the statistical decision — A/A comparisons of the original against an identical copy (declared
 * winners should be 0) and comparisons of a known faster variant (should be detected nearly always).
 * Tunables (system properties): bench.candidates (200), bench.aa (50), bench.known (20),
 * bench.warmup (3), bench.measured (15).
 */
public final class ArenaBench {

    private record Compiled(String name, String source, CompilationResult result, String rejected, long compileNanos) {
    }

    private static final Compiled END = new Compiled("", "", null, null, 0);

    private ArenaBench() {
    }

    public static void main(String[] args) throws Exception {
        int candidates = Integer.getInteger("bench.candidates", 200);
        int aaComparisons = Integer.getInteger("bench.aa", 50);
        int knownComparisons = Integer.getInteger("bench.known", 20);
        int warmup = Integer.getInteger("bench.warmup", 3);
        int measured = Integer.getInteger("bench.measured", 15);
        List<Path> testClasspath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(s -> !s.isBlank()).map(Path::of).toList();
        Path dir = Files.createTempDirectory("ouroboros-arena-bench-");
        try (InMemoryCompiler compiler = InMemoryCompiler.create()) {
            CompilationResult app = compiler.compile(Map.of(DemoSources.ORDER, DemoSources.ORDER_SOURCE, DemoSources.ORDERS,
                    DemoSources.ORDERS_SOURCE, DemoSources.REPORT, DemoSources.REPORT_SOURCE, DemoSources.TEST,
                    DemoSources.TEST_SOURCE), testClasspath, 17);
            require(app.success(), "the demo compiles: " + app.diagnostics());
            Path classes = dir.resolve("classes");
            for (Map.Entry<String, byte[]> e : app.classes().entrySet()) {
                Path file = classes.resolve(e.getKey().replace('.', '/') + ".class");
                Files.createDirectories(file.getParent());
                Files.write(file, e.getValue());
            }
            List<Path> workerClasspath = new ArrayList<>();
            workerClasspath.add(classes);
            workerClasspath.addAll(testClasspath);
            List<Path> compileClasspath = List.of(classes);
            Map<String, byte[]> original = compile(compiler, DemoSources.REPORT_SOURCE, compileClasspath).classes();

            String throughput = throughput(compiler, workerClasspath, compileClasspath, original, candidates);
            String wall = decision(compiler, workerClasspath, compileClasspath, original, aaComparisons,
                    knownComparisons, warmup, measured, TimingClock.WALL);
            String cpu = decision(compiler, workerClasspath, compileClasspath, original, aaComparisons,
                    knownComparisons, warmup, measured, TimingClock.THREAD_CPU);
            System.out.println("RESULT arena " + throughput + " " + wall + " " + cpu);
        } finally {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static String throughput(InMemoryCompiler compiler, List<Path> workerClasspath, List<Path> compileClasspath,
            Map<String, byte[]> original, int n) throws Exception {
        List<String[]> mutants = DemoSources.mutants();
        Map<String, Integer> outcomes = new TreeMap<>();
        long[] evalNanos = new long[n];
        long[] compileNanos = new long[n];
        Sandbox.Builder builder = Sandbox.builder().workerClasspath(workerClasspath);
        if (Integer.getInteger("bench.pool", 0) > 0) {
            builder.correctnessPoolSize(Integer.getInteger("bench.pool"));
        }
        try (Sandbox sandbox = builder.build()) {
            // Warm every worker of the pool (correctness-only candidates have workers of their own) and the
            // compiler: JVM start, JUnit engines, javac's class path index.
            List<Thread> warmers = new ArrayList<>();
            for (int w = 0; w < sandbox.correctnessPoolSize(); w++) {
                int worker = w;
                List<Compiled> warm = new ArrayList<>();
                for (int i = 0; i < 5; i++) {
                    warm.add(compileCandidate(compiler, "warm-" + worker + "-" + i, "\n".repeat(1000 + 10 * worker + i)
                            + DemoSources.BUILDER, compileClasspath, original));
                }
                Thread t = new Thread(() -> warm.forEach(c -> sandbox.evaluate(new SandboxRequest(c.name(), original,
                        c.result().classes(), List.of(DemoSources.TEST), 0, 0))), "bench-warm-" + w);
                t.start();
                warmers.add(t);
            }
            for (Thread t : warmers) {
                t.join();
            }
            SandboxStatistics before = sandbox.statistics();
            BlockingQueue<Compiled> queue = new ArrayBlockingQueue<>(4);
            CpuMeter cpu = CpuMeter.start();
            long start = System.nanoTime();
            Thread producer = new Thread(() -> {
                try {
                    for (int i = 0; i < n; i++) {
                        String[] m = mutants.get(i % mutants.size());
                        // Leading blank lines shift the line-number table: distinct bytes, same behaviour.
                        queue.put(compileCandidate(compiler, "c" + i + "-" + m[0], "\n".repeat(i / mutants.size())
                                + m[1], compileClasspath, original));
                    }
                    queue.put(END);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "bench-compiler");
            producer.start();
            long[] evalTotal = new long[1];
            long[] inputs = new long[1];
            Map<String, List<Long>> phases = new java.util.LinkedHashMap<>();
            Map<String, List<Long>> testsByOutcome = new TreeMap<>();
            // As many evaluators as the pool has workers, each taking the next compiled candidate.
            java.util.concurrent.atomic.AtomicInteger taken = new java.util.concurrent.atomic.AtomicInteger();
            Runnable evaluator = () -> {
                try {
                    for (Compiled c = queue.take(); c != END; c = queue.take()) {
                        int i = taken.getAndIncrement();
                        SandboxVerdict v = null;
                        long t = System.nanoTime();
                        if (c.rejected() == null) {
                            v = sandbox.evaluate(new SandboxRequest(c.name(), original, c.result().classes(),
                                    List.of(DemoSources.TEST), 0, 0));
                        }
                        long nanos = System.nanoTime() - t;
                        synchronized (outcomes) {
                            compileNanos[i] = c.compileNanos();
                            if (v == null) {
                                outcomes.merge(c.rejected(), 1, Integer::sum);
                                continue;
                            }
                            evalNanos[i] = nanos;
                            evalTotal[0] += nanos;
                            outcomes.merge(v.outcome().name(), 1, Integer::sum);
                            long inWorker = 0;
                            for (Map.Entry<String, java.time.Duration> p : v.phases().entrySet()) {
                                phases.computeIfAbsent(p.getKey(), k -> new ArrayList<>()).add(p.getValue().toNanos());
                                inWorker += p.getValue().toNanos();
                            }
                            phases.computeIfAbsent("host+protocol", k -> new ArrayList<>()).add(nanos - inWorker);
                            java.time.Duration tests = v.phases().get("mutant-tests");
                            if (tests != null) {
                                testsByOutcome.computeIfAbsent(v.outcome().name(), k -> new ArrayList<>())
                                        .add(tests.toNanos());
                            }
                            inputs[0] += v.differentialInputs();
                        }
                    }
                    queue.put(END); // let the other evaluators stop too
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            };
            List<Thread> evaluators = new ArrayList<>();
            for (int e = 0; e < sandbox.correctnessPoolSize(); e++) {
                Thread t = new Thread(evaluator, "bench-evaluator-" + e);
                t.start();
                evaluators.add(t);
            }
            for (Thread t : evaluators) {
                t.join();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuPerCandidate = cpu.stop() / 1e6 / n;
            SandboxStatistics after = sandbox.statistics();
            long evaluated = Arrays.stream(evalNanos).filter(x -> x > 0).count();
            double rate = n / seconds;
            System.out.printf(Locale.ROOT, "(a) cascade throughput: %d candidates in %.2f s = %.1f candidates/s "
                    + "(%d correctness worker(s), warm; compile pipelined with evaluation)%n", n, seconds, rate,
                    sandbox.correctnessPoolSize());
            System.out.printf(Locale.ROOT, "    compile + pre-flight: mean %.1f ms, p50 %.1f ms; sandbox evaluation (tests): "
                    + "mean %.1f ms, p50 %.1f ms over %d evaluated%n", mean(compileNanos), p50(compileNanos),
                    evalTotal[0] / 1e6 / Math.max(1, evaluated), p50(Arrays.stream(evalNanos).filter(x -> x > 0).toArray()),
                    evaluated);
            StringBuilder breakdown = new StringBuilder("    where the evaluation time goes (mean ms per candidate that reached"
                    + " the phase, p50, count):");
            for (Map.Entry<String, List<Long>> e : phases.entrySet()) {
                long[] xs = e.getValue().stream().mapToLong(Long::longValue).toArray();
                breakdown.append(String.format(Locale.ROOT, " %s %.1f/%.1f (%d);", e.getKey(), mean(xs), p50(xs), xs.length));
            }
            System.out.println(breakdown);
            StringBuilder byOutcome = new StringBuilder("    mutant tests by outcome (mean/p50 ms, count):");
            for (Map.Entry<String, List<Long>> e : testsByOutcome.entrySet()) {
                long[] xs = e.getValue().stream().mapToLong(Long::longValue).toArray();
                byOutcome.append(String.format(Locale.ROOT, " %s %.1f/%.1f (%d);", e.getKey(), mean(xs), p50(xs), xs.length));
            }
            System.out.println(byOutcome);
            System.out.printf(Locale.ROOT, "    differential inputs compared: %d in all, %.1f per evaluated candidate%n", inputs[0],
                    inputs[0] / (double) Math.max(1, evaluated));
            System.out.printf(Locale.ROOT, "    CPU time (host + workers): %.1f ms per candidate, so %d cores of"
                    + " their own would bound this run at %.1f candidates/s%n", cpuPerCandidate,
                    Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().availableProcessors() * 1000 / cpuPerCandidate);
            System.out.println("    outcomes: " + outcomes + "; workers started " + (after.workersStarted()
                    - before.workersStarted()) + ", retired " + (after.workersRetired() - before.workersRetired()));
            return String.format(Locale.ROOT, "throughput_per_s=%.1f candidates=%d cpu_ms_per_candidate=%.1f"
                    + " compile_ms_p50=%.1f eval_ms_p50=%.1f", rate, n, cpuPerCandidate, p50(compileNanos),
                    p50(Arrays.stream(evalNanos).filter(x -> x > 0).toArray()));
        }
    }

    private static String decision(InMemoryCompiler compiler, List<Path> workerClasspath, List<Path> compileClasspath,
            Map<String, byte[]> original, int aa, int known, int warmup, int measured, TimingClock clock) {
        AcceptanceCriteria criteria = AcceptanceCriteria.defaults();
        AcceptanceCriteria strict = criteria.withAlpha(0.01);
        Map<String, byte[]> copy = compile(compiler, DemoSources.REPORT_SOURCE, compileClasspath).classes();
        Map<String, byte[]> faster = compile(compiler, DemoSources.SPLIT, compileClasspath).classes();
        try (Sandbox sandbox = Sandbox.builder().workerClasspath(workerClasspath).cacheResults(false)
                .timingClock(clock).build()) {
            sandbox.warmUp();
            int aaWins = 0;
            int aaScreenWins = 0;
            int aaStrictWins = 0;
            List<Double> aaSpeedups = new ArrayList<>();
            long start = System.nanoTime();
            for (int i = 0; i < aa; i++) {
                TimingComparison t = timed(sandbox, "aa-" + i, original, copy, warmup, measured);
                aaSpeedups.add(t.speedup());
                aaWins += t.isImprovement(criteria) ? 1 : 0;
                aaScreenWins += t.isImprovement(1.05) ? 1 : 0;
                aaStrictWins += t.isImprovement(strict) ? 1 : 0;
            }
            double aaSeconds = (System.nanoTime() - start) / 1e9;
            int detected = 0;
            int strictDetected = 0;
            List<Double> speedups = new ArrayList<>();
            List<Double> pValues = new ArrayList<>();
            start = System.nanoTime();
            for (int i = 0; i < known; i++) {
                TimingComparison t = timed(sandbox, "known-" + i, original, faster, warmup, measured);
                speedups.add(t.speedup());
                pValues.add(t.pValue());
                detected += t.isImprovement(criteria) ? 1 : 0;
                strictDetected += t.isImprovement(strict) ? 1 : 0;
            }
            double knownSeconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "(b) decision, clock %s, %s (%d warm-up + %d measured paired rounds per comparison)%n",
                    clock, criteria, warmup, measured);
            System.out.printf(Locale.ROOT, "    A/A: %d of %d comparisons declared a winner (alpha 0.01: %d; old 75%%-of-rounds"
                    + " screen at 1.05x: %d); speed-up range %.3f..%.3f; %.1f s%n", aaWins, aa, aaStrictWins, aaScreenWins,
                    min(aaSpeedups), max(aaSpeedups), aaSeconds);
            System.out.printf(Locale.ROOT, "    known faster variant (two strings, split at 75%%): detected in %d of %d"
                    + " (alpha 0.01: %d); median speed-up %.3f (range %.3f..%.3f); max p %.4f; %.1f s%n", detected, known,
                    strictDetected, median(speedups),
                    min(speedups), max(speedups), max(pValues), knownSeconds);
            String k = clock == TimingClock.WALL ? "wall" : "cpu";
            return String.format(Locale.ROOT, "aa_winners_%s=%d aa_winners_%s_alpha01=%d aa_comparisons=%d known_detected_%s=%d"
                    + " known_detected_%s_alpha01=%d known_comparisons=%d known_speedup_%s=%.2f", k, aaWins, k, aaStrictWins,
                    aa, k, detected, k, strictDetected, known, k, median(speedups));
        }
    }

    private static TimingComparison timed(Sandbox sandbox, String id, Map<String, byte[]> original,
            Map<String, byte[]> mutant, int warmup, int measured) {
        SandboxVerdict v = sandbox.evaluate(new SandboxRequest(id, original, mutant, List.of(DemoSources.TEST), warmup,
                measured));
        require(v.outcome() == SandboxOutcome.PASSED, id + ": " + v.outcome() + " " + v.detail());
        return v.timing();
    }

    private static Compiled compileCandidate(InMemoryCompiler compiler, String name, String source,
            List<Path> classpath, Map<String, byte[]> original) {
        long t = System.nanoTime();
        CompilationResult r = compiler.compile(Map.of(DemoSources.REPORT, source), classpath, 17);
        String rejected = null;
        if (!r.success()) {
            rejected = "COMPILE_FAILED";
        } else if (!r.classes().keySet().equals(original.keySet())) {
            rejected = "NOT_REDEFINABLE";
        } else {
            for (Map.Entry<String, byte[]> e : r.classes().entrySet()) {
                PreflightReport report = PreflightCheck.check(original.get(e.getKey()), e.getValue());
                if (!report.redefinable()) {
                    rejected = "NOT_REDEFINABLE";
                    break;
                }
            }
        }
        return new Compiled(name, source, r, rejected, System.nanoTime() - t);
    }

    private static CompilationResult compile(InMemoryCompiler compiler, String source, List<Path> classpath) {
        CompilationResult r = compiler.compile(Map.of(DemoSources.REPORT, source), classpath, 17);
        require(r.success(), "compiles: " + r.diagnostics());
        return r;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }

    private static double mean(long[] nanos) {
        return Arrays.stream(nanos).average().orElse(0) / 1e6;
    }

    private static double p50(long[] nanos) {
        if (nanos.length == 0) {
            return 0;
        }
        long[] s = nanos.clone();
        Arrays.sort(s);
        return s[s.length / 2] / 1e6;
    }

    private static double median(List<Double> xs) {
        List<Double> s = xs.stream().sorted().toList();
        return s.isEmpty() ? Double.NaN : s.get(s.size() / 2);
    }

    private static double min(List<Double> xs) {
        return xs.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    private static double max(List<Double> xs) {
        return xs.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }
}
