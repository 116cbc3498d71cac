package dev.ouroboros.arena;

import dev.ouroboros.arena.internal.CandidateBenchmark;
import dev.ouroboros.arena.internal.CpuTimeProfiler;
import dev.ouroboros.arena.internal.ForkClassPath;
import dev.ouroboros.arena.internal.HarnessLayout;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * The last and most expensive stage of the cascade: JMH scores for the few finalists, each measured
 * in the same run as the original, so that {@link BenchmarkSuite#speedTest(String)} compares
 * iteration samples taken under the same conditions.
 *
 * <p>The benchmark is precompiled into the arena ({@code CandidateBenchmark}); the candidates'
 * classes are written to a work directory that each JMH fork receives by system property, because a
 * fork inherits only the host's {@code java.class.path} (so the arena and JMH must be on it). One fork
 * per candidate, run one after another; by default sample-time mode in ns/op, warm-up 3 × 400 ms,
 * measurement 6 × 400 ms, with JMH's GC profiler (allocation B/op) and a process-CPU profiler (the
 * energy proxy). JMH's lock file is ignored ({@code -Djmh.ignoreLock=true} is set in this JVM when
 * unset, before JMH's runner is first used), so several arenas on one machine do not refuse each other.
 */
public final class FinalistBenchmark {

    /** The id under which the original is benchmarked. */
    public static final String ORIGINAL_ID = "original";

    private static final String GC_ALLOC_NORM = "gc.alloc.rate.norm";
    private static final int OUTPUT_CAP = 256 * 1024;

    private final Builder settings;

    private FinalistBenchmark(Builder b) {
        this.settings = b.copy();
    }

    /** A builder with the defaults above. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Benchmarks the original and every finalist in one JMH run.
     *
     * @param originalClasses the original's classes (binary name to bytes) that the finalists replace; not empty
     * @param finalists       each finalist's classes by candidate id ({@code [A-Za-z0-9][A-Za-z0-9._-]{0,63}},
     *                        not {@value #ORIGINAL_ID}); not empty
     * @return one {@link Benchmark} per candidate, the original's under {@value #ORIGINAL_ID}; a candidate whose
     *     workload threw or whose fork died has a failed benchmark with JMH's message
     * @throws SandboxException when JMH cannot run at all (work directory, missing generated benchmark list)
     */
    public BenchmarkSuite run(Map<String, byte[]> originalClasses, Map<String, Map<String, byte[]>> finalists) {
        Objects.requireNonNull(originalClasses, "originalClasses");
        Objects.requireNonNull(finalists, "finalists");
        if (originalClasses.isEmpty()) {
            throw new IllegalArgumentException("the original needs at least one class, had none");
        }
        if (finalists.isEmpty()) {
            throw new IllegalArgumentException("at least one finalist is needed, had none");
        }
        Map<String, Map<String, byte[]>> all = new LinkedHashMap<>();
        all.put(ORIGINAL_ID, originalClasses);
        finalists.forEach((id, classes) -> {
            if (id == null || !HarnessLayout.CANDIDATE_ID.matcher(id).matches() || id.equals(ORIGINAL_ID)) {
                throw new IllegalArgumentException("a finalist id must match " + HarnessLayout.CANDIDATE_ID
                        + " and not be '" + ORIGINAL_ID + "', was '" + id + "'");
            }
            if (classes.isEmpty()) {
                throw new IllegalArgumentException("finalist " + id + " needs at least one class, had none");
            }
            all.put(id, classes);
        });
        Path directory;
        try {
            directory = settings.workDirectory == null ? Files.createTempDirectory("ouroboros-jmh-")
                    : Files.createTempDirectory(Files.createDirectories(settings.workDirectory), "jmh-");
            new HarnessLayout(directory, List.copyOf(all.keySet()), settings.classpath, settings.testClasses,
                    settings.workloadClass).write(all);
        } catch (IOException e) {
            throw new SandboxException("cannot write the JMH work directory under "
                    + (settings.workDirectory == null ? System.getProperty("java.io.tmpdir") : settings.workDirectory)
                    + "; make it writable or choose another with workDirectory(...)", e);
        }
        try {
            return measure(directory, List.copyOf(all.keySet()));
        } finally {
            deleteQuietly(directory);
        }
    }

    private BenchmarkSuite measure(Path directory, List<String> ids) {
        if (System.getProperty("jmh.ignoreLock") == null) {
            System.setProperty("jmh.ignoreLock", "true");
        }
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include("^" + Pattern.quote(CandidateBenchmark.class.getName()) + "\\.measure$")
                .param("candidate", ids.toArray(String[]::new))
                .mode(settings.mode)
                .timeUnit(TimeUnit.NANOSECONDS)
                .forks(1)
                .warmupForks(0)
                .threads(1)
                .warmupIterations(settings.warmupIterations)
                .warmupTime(TimeValue.milliseconds(settings.warmupTime.toMillis()))
                .measurementIterations(settings.measurementIterations)
                .measurementTime(TimeValue.milliseconds(settings.measurementTime.toMillis()))
                .timeout(TimeValue.milliseconds(settings.iterationTimeout.toMillis()))
                .jvmArgs(settings.jvmArgs.toArray(String[]::new))
                .jvmArgsAppend("-D" + HarnessLayout.DIRECTORY_PROPERTY + "=" + directory)
                .shouldFailOnError(false);
        if (settings.profileAllocation) {
            options.addProfiler(GCProfiler.class);
        }
        if (settings.profileCpu) {
            options.addProfiler(CpuTimeProfiler.class);
        }
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(new Tee(captured, settings.output), true, StandardCharsets.UTF_8);
        long start = System.nanoTime();
        Collection<RunResult> results;
        // A fork gets only java.class.path: the harness and JMH must be on it (under -javaagent they are not).
        results = ForkClassPath.with(() -> runJmh(options, out), CandidateBenchmark.class, Runner.class);
        Duration wall = Duration.ofNanos(System.nanoTime() - start);
        out.flush();
        String log = captured.toString(StandardCharsets.UTF_8);
        Map<String, RunResult> byId = new HashMap<>();
        for (RunResult r : results) {
            byId.put(r.getParams().getParam("candidate"), r);
        }
        String mode = settings.mode.shortLabel();
        List<Benchmark> benchmarks = new ArrayList<>();
        for (String id : ids) {
            RunResult r = byId.get(id);
            benchmarks.add(r == null ? Benchmark.failed(id, mode, "ns/op", failureOf(log, id)) : toBenchmark(id, r));
        }
        return new BenchmarkSuite(ORIGINAL_ID, benchmarks, settings.describe(), wall);
    }

    private static Collection<RunResult> runJmh(ChainedOptionsBuilder options, PrintStream out) {
        try {
            return new Runner(options.build(), OutputFormatFactory.createFormatInstance(out, VerboseMode.NORMAL)).run();
        } catch (RunnerException e) {
            throw new SandboxException("JMH could not run the finalist benchmark: " + e.getMessage()
                    + "; the arena jar with its generated META-INF/BenchmarkList must be on java.class.path", e);
        }
    }

    private static Benchmark toBenchmark(String id, RunResult r) {
        List<Double> samples = new ArrayList<>();
        List<Double> cpuSamples = new ArrayList<>();
        r.getBenchmarkResults().forEach(br -> {
            for (IterationResult it : br.getIterationResults()) {
                samples.add(it.getPrimaryResult().getScore());
                Result<?> cpu = it.getSecondaryResults().get(CpuTimeProfiler.LABEL);
                if (cpu != null && Double.isFinite(cpu.getScore()) && cpu.getScore() >= 0) {
                    cpuSamples.add(cpu.getScore());
                }
            }
        });
        if (cpuSamples.size() != samples.size()) {
            cpuSamples.clear();
        }
        Result<?> primary = r.getPrimaryResult();
        BenchmarkParams params = r.getParams();
        double[] ci = primary.getScoreConfidence();
        var stats = primary.getStatistics();
        return new Benchmark(id, params.getMode().shortLabel(), primary.getScoreUnit(), samples, primary.getScore(),
                primary.getScoreError(), ci[0], ci[1], stats.getPercentile(50), stats.getPercentile(90),
                stats.getPercentile(99), secondary(r, GC_ALLOC_NORM), secondary(r, CpuTimeProfiler.LABEL), cpuSamples, "");
    }

    private static double secondary(RunResult r, String label) {
        Result<?> result = r.getSecondaryResults().get(label);
        return result == null ? Double.NaN : result.getScore();
    }

    /** JMH's own words about a failed candidate: its section of the log from the first failure line. */
    static String failureOf(String log, String id) {
        int section = log.indexOf("(candidate = " + id + ")");
        String part = section < 0 ? log : log.substring(section);
        int next = part.indexOf("# Parameters:", 1);
        if (next > 0) {
            part = part.substring(0, next);
        }
        int failure = part.indexOf("<failure>");
        String text = (failure >= 0 ? part.substring(failure) : part).strip();
        if (text.isEmpty()) {
            text = "JMH produced no result for candidate " + id;
        }
        return text.length() > 2_000 ? text.substring(0, 2_000) : text;
    }

    private static void deleteQuietly(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // The work directory holds only copies of class files; a leftover is harmless and named here.
            System.getLogger(FinalistBenchmark.class.getName()).log(System.Logger.Level.WARNING,
                    "could not delete JMH work directory " + directory + ": " + e);
        }
    }

    /** Copies JMH's output to the capture (capped) and to an optional user stream. */
    private static final class Tee extends OutputStream {
        private final ByteArrayOutputStream capture;
        private final PrintStream user;

        Tee(ByteArrayOutputStream capture, PrintStream user) {
            this.capture = capture;
            this.user = user;
        }

        @Override
        public void write(int b) {
            if (capture.size() < OUTPUT_CAP) {
                capture.write(b);
            }
            if (user != null) {
                user.write(b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            int room = OUTPUT_CAP - capture.size();
            if (room > 0) {
                capture.write(b, off, Math.min(room, len));
            }
            if (user != null) {
                user.write(b, off, len);
            }
        }

        @Override
        public void flush() {
            if (user != null) {
                user.flush();
            }
        }
    }

    /** Settings of a {@link FinalistBenchmark}; {@link #build()} takes a copy. */
    public static final class Builder {
        private List<Path> classpath = List.of();
        private List<String> testClasses = List.of();
        private String workloadClass = "";
        private Mode mode = Mode.SampleTime;
        private int warmupIterations = 3;
        private Duration warmupTime = Duration.ofMillis(400);
        private int measurementIterations = 6;
        private Duration measurementTime = Duration.ofMillis(400);
        private Duration iterationTimeout = Duration.ofSeconds(60);
        private List<String> jvmArgs = List.of("-Xms256m", "-Xmx512m", "-XX:+UseSerialGC");
        private boolean profileAllocation = true;
        private boolean profileCpu = true;
        private Path workDirectory;
        private PrintStream output;

        private Builder() {
        }

        /** The user's application and test classes (jars, directories) the fork loads after its own class path; default none. */
        public Builder classpath(List<Path> entries) {
            this.classpath = List.copyOf(Objects.requireNonNull(entries, "entries"));
            return this;
        }

        /** Test classes for the built-in JUnit workload ({@link ArenaWorkload#junitTests}). */
        public Builder testClasses(List<String> binaryNames) {
            this.testClasses = List.copyOf(Objects.requireNonNull(binaryNames, "binaryNames"));
            return this;
        }

        /** A user {@link ArenaWorkload} class (binary name) instead of the JUnit workload; empty for none. */
        public Builder workloadClass(String binaryName) {
            this.workloadClass = Objects.requireNonNull(binaryName, "binaryName").strip();
            return this;
        }

        /** {@code Mode.SampleTime} (default: latency percentiles) or {@code Mode.AverageTime}. */
        public Builder mode(Mode newMode) {
            if (newMode != Mode.SampleTime && newMode != Mode.AverageTime) {
                throw new IllegalArgumentException("mode must be a time per operation (SampleTime or AverageTime),"
                        + " was " + newMode);
            }
            this.mode = newMode;
            return this;
        }

        /** Warm-up iterations per fork and the length of each; default 3 × 400 ms. */
        public Builder warmup(int iterations, Duration each) {
            requireIterations("warm-up", iterations, 0, each);
            this.warmupIterations = iterations;
            this.warmupTime = each;
            return this;
        }

        /** Measured iterations per fork (the samples) and the length of each; default 6 × 400 ms. */
        public Builder measurement(int iterations, Duration each) {
            requireIterations("measurement", iterations, 1, each);
            this.measurementIterations = iterations;
            this.measurementTime = each;
            return this;
        }

        /** How long one iteration may take before JMH interrupts it; default 60 s. */
        public Builder iterationTimeout(Duration timeout) {
            requirePositiveMillis("iteration timeout", timeout);
            this.iterationTimeout = timeout;
            return this;
        }

        /** The forks' JVM options, replacing the defaults {@code -Xms256m -Xmx512m -XX:+UseSerialGC}. */
        public Builder jvmArgs(List<String> args) {
            this.jvmArgs = List.copyOf(Objects.requireNonNull(args, "args"));
            return this;
        }

        /** Whether JMH's GC profiler measures allocation per operation; default true. */
        public Builder profileAllocation(boolean on) {
            this.profileAllocation = on;
            return this;
        }

        /** Whether the process CPU time per operation is measured (energy proxy); default true. */
        public Builder profileCpu(boolean on) {
            this.profileCpu = on;
            return this;
        }

        /** Where the per-run directories go; default the system temporary directory. */
        public Builder workDirectory(Path directory) {
            this.workDirectory = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /** Also copy JMH's log to this stream; default none (the log is kept only to explain failures). */
        public Builder output(PrintStream stream) {
            this.output = Objects.requireNonNull(stream, "stream");
            return this;
        }

        /** An immutable benchmark with these settings. */
        public FinalistBenchmark build() {
            if (workloadClass.isEmpty() && testClasses.isEmpty()) {
                throw new IllegalStateException("a workload is needed: name test classes for the JUnit workload or a"
                        + " workload class, had neither");
            }
            return new FinalistBenchmark(this);
        }

        String describe() {
            return String.format(java.util.Locale.ROOT, "%s mode, 1 fork per candidate, warm-up %d x %d ms, measurement"
                    + " %d x %d ms, workload %s, jvm args %s", mode.shortLabel(), warmupIterations, warmupTime.toMillis(),
                    measurementIterations, measurementTime.toMillis(),
                    workloadClass.isEmpty() ? "JUnit tests " + testClasses : workloadClass, jvmArgs);
        }

        private Builder copy() {
            Builder b = new Builder();
            b.classpath = classpath;
            b.testClasses = testClasses;
            b.workloadClass = workloadClass;
            b.mode = mode;
            b.warmupIterations = warmupIterations;
            b.warmupTime = warmupTime;
            b.measurementIterations = measurementIterations;
            b.measurementTime = measurementTime;
            b.iterationTimeout = iterationTimeout;
            b.jvmArgs = jvmArgs;
            b.profileAllocation = profileAllocation;
            b.profileCpu = profileCpu;
            b.workDirectory = workDirectory;
            b.output = output;
            return b;
        }

        private static void requireIterations(String what, int iterations, int least, Duration each) {
            if (iterations < least) {
                throw new IllegalArgumentException(what + " iterations must be at least " + least + ", was " + iterations);
            }
            requirePositiveMillis(what + " time", each);
        }

        private static void requirePositiveMillis(String what, Duration d) {
            Objects.requireNonNull(d, what);
            if (d.toMillis() < 1) {
                throw new IllegalArgumentException(what + " must be at least 1 ms, was " + d);
            }
        }
    }
}
