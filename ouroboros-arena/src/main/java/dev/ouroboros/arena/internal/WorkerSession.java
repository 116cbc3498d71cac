package dev.ouroboros.arena.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;

/**
 * One candidate's evaluation inside a pooled worker: load both versions in fresh loaders, prove the
 * original passes its tests, prove the mutant passes the same tests within its time limit without
 * leaking threads or flooding the output, then time both in paired rounds.
 */
final class WorkerSession {

    /**
     * What the original did on its first correctness run in this worker, and the {@link FailFastPlan}
     * it also passed (empty: mutants run their tests in one launcher run).
     */
    record OriginalRun(int testsRun, long nanos, boolean leaked, List<List<String>> failFast) {
    }

    private static final int MAX_DETAIL = 2000;
    /** How long threads started by a run get to end after it, in milliseconds. */
    private static final long THREAD_GRACE_MILLIS = 200;
    /** The watchdog's extra time past a differential call's own limit, in case stopping the call fails. */
    private static final long BACKSTOP_NANOS = 1_000_000_000L;

    private final Properties request;
    private final TestRunner runner;
    private final WorkerProgress progress;
    private final WorkerWatchdog watchdog;
    private final OutputCapture output;
    private final double limitFactor;
    private final long limitConstantNanos;
    private final long outputLimit;
    private final Map<String, OriginalRun> provenOriginals;
    private boolean recycle;
    private final Properties evidence = new Properties();
    private String differentialOutcome;
    private final Map<String, Long> phaseNanos = new LinkedHashMap<>();
    private String phase = "load";
    private long phaseStart = System.nanoTime();

    private final ClassLoader parent;
    private final boolean inProcess;

    WorkerSession(Properties request, TestRunner runner, WorkerProgress progress, WorkerWatchdog watchdog,
            OutputCapture output, Map<String, OriginalRun> provenOriginals) {
        this(request, runner, progress, watchdog, output, provenOriginals, WorkerSession.class.getClassLoader(), false);
    }

    /**
     * @param parent    the loader that sees the user's test class path
     * @param inProcess true in the host JVM: only threads whose context loader is a candidate's count as leaks
     */
    WorkerSession(Properties request, TestRunner runner, WorkerProgress progress, WorkerWatchdog watchdog,
            OutputCapture output, Map<String, OriginalRun> provenOriginals, ClassLoader parent, boolean inProcess) {
        this.parent = parent;
        this.inProcess = inProcess;
        this.request = request;
        this.provenOriginals = provenOriginals;
        this.runner = runner;
        this.progress = progress;
        this.watchdog = watchdog;
        this.output = output;
        this.limitFactor = Double.parseDouble(request.getProperty(WorkerProtocol.KEY_LIMIT_FACTOR, "2"));
        this.limitConstantNanos = Long.parseLong(request.getProperty(WorkerProtocol.KEY_LIMIT_CONSTANT, "2000")) * 1_000_000L;
        this.outputLimit = Long.parseLong(request.getProperty(WorkerProtocol.KEY_OUTPUT_LIMIT, "1048576"));
    }

    /** Evaluates the candidate and returns the result properties (outcome, detail, counts, timings, recycle). */
    Properties evaluate() throws IOException {
        Properties result = evaluateCandidate();
        enter("");
        result.putAll(evidence);
        result.setProperty(WorkerProtocol.KEY_PHASES, WorkerProtocol.join(phaseNanos.entrySet().stream()
                .map(e -> e.getKey() + ":" + e.getValue()).toList()));
        if (recycle) {
            result.setProperty(WorkerProtocol.KEY_RECYCLE, "true");
        }
        return result;
    }

    /** Ends the current phase of the time breakdown and starts {@code next}. */
    private void enter(String next) {
        long now = System.nanoTime();
        phaseNanos.merge(phase, now - phaseStart, Long::sum);
        phase = next;
        phaseStart = now;
    }

    private Properties evaluateCandidate() throws IOException {
        Path dir = Path.of(request.getProperty(WorkerProtocol.KEY_DIR));
        List<String> classNames = WorkerProtocol.split(request.getProperty(WorkerProtocol.KEY_CLASSES));
        List<String> testNames = WorkerProtocol.split(request.getProperty(WorkerProtocol.KEY_TEST_CLASSES));
        int warmup = Integer.parseInt(request.getProperty(WorkerProtocol.KEY_WARMUP, "0"));
        int measured = Integer.parseInt(request.getProperty(WorkerProtocol.KEY_MEASURED, "1"));
        Set<Thread> atStart = liveThreads();
        runner.useCpuClock("THREAD_CPU".equals(request.getProperty(WorkerProtocol.KEY_CLOCK)));
        Map<String, byte[]> originalBytes = readClasses(dir.resolve(WorkerProtocol.ORIGINAL_DIR), classNames);
        Map<String, byte[]> mutantBytes = readClasses(dir.resolve(WorkerProtocol.MUTANT_DIR),
                WorkerProtocol.split(request.getProperty(WorkerProtocol.KEY_MUTANT_CLASSES,
                        request.getProperty(WorkerProtocol.KEY_CLASSES))));
        String originalKey = request.getProperty(WorkerProtocol.KEY_ORIGINAL_KEY, "");
        CandidateClassLoader mutantLoader = new CandidateClassLoader("mutant", parent, mutantBytes, testNames);
        // The original's loader and test classes are made only when something runs them: its first test
        // run in this worker, or timing rounds. A tests-only candidate of a proven original needs neither.
        boolean originalRuns = originalKey.isEmpty() || !provenOriginals.containsKey(originalKey) || warmup + measured > 0;
        CandidateClassLoader originalLoader = originalRuns
                ? new CandidateClassLoader("original", parent, originalBytes, testNames) : null;

        progress.phase("loading the test classes");
        List<Class<?>> originalTests = new ArrayList<>();
        List<Class<?>> mutantTests = new ArrayList<>();
        for (String name : testNames) {
            try {
                if (originalRuns) {
                    originalTests.add(Class.forName(name, false, originalLoader));
                }
            } catch (ClassNotFoundException | LinkageError e) {
                return result(WorkerProtocol.ORIGINAL_TESTS_FAILED, "test class " + name
                        + " cannot be loaded with the original classes: " + WorkerProtocol.describe(e), 0);
            }
            try {
                mutantTests.add(Class.forName(name, false, mutantLoader));
            } catch (ClassNotFoundException | LinkageError e) {
                return result(WorkerProtocol.TESTS_FAILED, "test class " + name
                        + " cannot be loaded with the mutant classes: " + WorkerProtocol.describe(e), 0);
            }
        }

        OriginalRun proven = originalKey.isEmpty() ? null : provenOriginals.get(originalKey);
        if (proven == null) {
            enter("original-tests");
            progress.phase("original tests");
            Set<Thread> before = liveThreads();
            long originalStart = System.nanoTime();
            TestRunner.Run original = run(originalLoader, originalTests, false);
            long nanos = System.nanoTime() - originalStart;
            if (original.failed()) {
                return result(WorkerProtocol.ORIGINAL_TESTS_FAILED,
                        "the original fails its own tests: " + original.failures().get(0), original.testsRun());
            }
            if (original.testsRun() == 0) {
                return result(WorkerProtocol.NO_TESTS_FOUND, "no tests found in " + testNames, 0);
            }
            // Mutants of a proven original take their tests cheap first and stop at the first failing
            // batch; the original must pass in that order too, else they keep the one-run order. The
            // first run's times include JUnit's warm-up, so the plan is made again from the batched run.
            List<List<String>> failFast = List.of();
            Map<String, Long> times = original.testNanos();
            for (int attempt = 0; attempt < 2 && !originalKey.isEmpty(); attempt++) {
                List<List<String>> plan = FailFastPlan.of(times, new HashSet<>(testNames));
                if (plan.isEmpty() || plan.equals(failFast)) {
                    failFast = plan;
                    break;
                }
                TestRunner.Run batched = runBatches(originalLoader, originalTests, plan, false);
                if (batched.failed() || batched.testsRun() != original.testsRun()) {
                    failFast = List.of();
                    break;
                }
                failFast = plan;
                times = batched.testNanos();
            }
            boolean leaked = !leakedSince(before).isEmpty();
            proven = new OriginalRun(original.testsRun(), nanos, leaked, failFast);
            if (!originalKey.isEmpty()) {
                provenOriginals.put(originalKey, proven);
            }
        }
        long slowestOriginal = proven.nanos();
        if (proven.leaked()) {
            // The tests themselves leave threads behind: not the mutant's fault, but this worker is spent.
            recycle = true;
        }
        enter("mutant-tests");
        progress.phase("mutant tests");
        Set<Thread> before = liveThreads();
        TestRunner.Run mutant = runMutant(mutantLoader, mutantTests, slowestOriginal, proven.failFast());
        List<Thread> mutantLeaks = leakedSince(before);
        if (mutant.failed()) {
            return result(WorkerProtocol.TESTS_FAILED, mutant.failures().get(0), mutant.testsRun());
        }
        if (mutant.testsRun() != proven.testsRun()) {
            return result(WorkerProtocol.TESTS_FAILED, "the mutant ran " + mutant.testsRun()
                    + " tests, the original " + proven.testsRun(), mutant.testsRun());
        }
        if (!mutantLeaks.isEmpty() && !proven.leaked()) {
            recycle = true;
            return result(WorkerProtocol.THREADS_LEAKED, "the mutant's tests left " + mutantLeaks.size()
                    + " thread(s) running that the original's do not: " + describe(mutantLeaks), mutant.testsRun());
        }
        String mismatch = differential(dir, parent, originalBytes, mutantBytes);
        if (mismatch != null) {
            return result(differentialOutcome, mismatch, mutant.testsRun());
        }

        List<Long> originalNanos = new ArrayList<>();
        List<Long> mutantNanos = new ArrayList<>();
        enter("timing");
        for (int round = 0; round < warmup + measured; round++) {
            boolean warm = round < warmup;
            progress.phase(warm ? "warm-up round " + (round + 1) : "timing round " + (round - warmup + 1));
            boolean originalFirst = round % 2 == 0;
            TestRunner.Run o;
            TestRunner.Run m;
            if (originalFirst) {
                long start = System.nanoTime();
                o = run(originalLoader, originalTests, false);
                slowestOriginal = Math.max(slowestOriginal, System.nanoTime() - start);
                m = runMutant(mutantLoader, mutantTests, slowestOriginal, List.of());
            } else {
                m = runMutant(mutantLoader, mutantTests, slowestOriginal, List.of());
                long start = System.nanoTime();
                o = run(originalLoader, originalTests, false);
                slowestOriginal = Math.max(slowestOriginal, System.nanoTime() - start);
            }
            if (o.failed()) {
                return result(WorkerProtocol.ORIGINAL_TESTS_FAILED, "the original failed during "
                        + progress.describe() + " (a flaky test?): " + o.failures().get(0), o.testsRun());
            }
            if (m.failed()) {
                return result(WorkerProtocol.TESTS_FAILED, "failed during " + progress.describe() + ": "
                        + m.failures().get(0), m.testsRun());
            }
            if (!warm) {
                originalNanos.add(o.nanos());
                mutantNanos.add(m.nanos());
                if (originalNanos.size() < measured && lostEveryRound(originalNanos, mutantNanos, measured)) {
                    break;
                }
            }
        }
        if (!leakedSince(atStart).isEmpty()) {
            recycle = true;
        }
        Properties passed = result(WorkerProtocol.PASSED, "", mutant.testsRun());
        passed.setProperty(WorkerProtocol.KEY_ORIGINAL_NANOS, WorkerProtocol.join(originalNanos));
        passed.setProperty(WorkerProtocol.KEY_MUTANT_NANOS, WorkerProtocol.join(mutantNanos));
        return passed;
    }

    /**
     * Runs the differential gate in fresh loaders of their own (a call stopped for its time may leave
     * classes half-initialized; the timing rounds must not see that). Records the evidence; returns
     * the failure detail, with the outcome left in the evidence, or null when the mutant matched.
     */
    private String differential(Path dir, ClassLoader parent, Map<String, byte[]> originalBytes,
            Map<String, byte[]> mutantBytes) throws IOException {
        if ("false".equals(request.getProperty(WorkerProtocol.KEY_DIFF_ENABLED, "false"))) {
            return null;
        }
        List<String> methods = WorkerProtocol.split(request.getProperty(WorkerProtocol.KEY_DIFF_METHODS));
        List<DifferentialTester.Recorded> recorded = new ArrayList<>();
        Path recordedFile = dir.resolve(WorkerProtocol.RECORDED_FILE);
        if (Files.exists(recordedFile)) {
            Properties r = WorkerProtocol.read(recordedFile);
            int n = Integer.parseInt(r.getProperty("recorded.count", "0"));
            for (int i = 0; i < n; i++) {
                recorded.add(new DifferentialTester.Recorded(r.getProperty("recorded." + i + ".method"),
                        r.getProperty("recorded." + i + ".arguments", "")));
            }
        }
        enter("differential");
        progress.phase("differential testing");
        DifferentialTester.Settings settings = new DifferentialTester.Settings(
                Long.parseLong(request.getProperty(WorkerProtocol.KEY_DIFF_SEED, "0")),
                Integer.parseInt(request.getProperty(WorkerProtocol.KEY_DIFF_INPUTS, "50")),
                Long.parseLong(request.getProperty(WorkerProtocol.KEY_DIFF_MILLIS, "200")) * 1_000_000L,
                limitFactor, limitConstantNanos, request.getProperty(WorkerProtocol.KEY_ORIGINAL_KEY, ""),
                DifferentialTester.MIN_ORIGINAL_CALL_NANOS);
        DifferentialTester tester = new DifferentialTester(
                () -> new CandidateClassLoader("original-differential", parent, originalBytes, List.of()),
                () -> new CandidateClassLoader("mutant-differential", parent, mutantBytes, List.of()),
                settings, new DifferentialTester.Guard() {
                    @Override
                    public void enter(boolean mutant, long limitNanos, String why) {
                        if (mutant) {
                            // The gate stops the call at its limit itself; the watchdog is the backstop.
                            watchdog.limitRun(limitNanos + BACKSTOP_NANOS, why);
                            output.startRun(outputLimit, bytes -> watchdog.abort(WorkerProtocol.OUTPUT_FLOODED,
                                    "the mutant printed more than " + outputLimit + " bytes in one call, during "
                                            + progress.describe() + "; it began: " + output.head()));
                        } else {
                            output.startRun(Long.MAX_VALUE, bytes -> { });
                        }
                    }

                    @Override
                    public void exit() {
                        watchdog.clearRunLimit();
                    }
                });
        DifferentialTester.Report report;
        try {
            report = tester.run(methods, recorded);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during differential testing", e);
        }
        evidence.setProperty(WorkerProtocol.KEY_DIFF_COUNT, Integer.toString(report.methods().size()));
        for (int i = 0; i < report.methods().size(); i++) {
            DifferentialTester.MethodReport m = report.methods().get(i);
            String prefix = "differential." + i + ".";
            evidence.setProperty(prefix + "method", m.method());
            evidence.setProperty(prefix + "outcome", m.outcome());
            evidence.setProperty(prefix + "generated", Integer.toString(m.generated()));
            evidence.setProperty(prefix + "recorded", Integer.toString(m.recorded()));
            evidence.setProperty(prefix + "nanos", Long.toString(m.nanos()));
            String message = m.message();
            evidence.setProperty(prefix + "message", message.length() > 500 ? message.substring(0, 500) + "..." : message);
        }
        recycle |= report.recycle();
        if (report.outcome() == null) {
            return null;
        }
        differentialOutcome = report.outcome();
        return report.detail();
    }

    /**
     * The sequential screen's early stop: after max(5, a third of the measured rounds), a mutant slower
     * than the original in every round so far is an obvious loser and the remaining rounds are skipped.
     * An equally fast mutant loses 5 coin flips in a row once in 32; a faster one practically never.
     */
    static boolean lostEveryRound(List<Long> original, List<Long> mutant, int measured) {
        int minimum = Math.max(5, measured / 3);
        if (original.size() < minimum) {
            return false;
        }
        for (int i = 0; i < original.size(); i++) {
            if (mutant.get(i) <= original.get(i)) {
                return false;
            }
        }
        return true;
    }

    /** Runs the mutant's tests within their time limit: in one launcher run, or by the batches of a non-empty plan. */
    private TestRunner.Run runMutant(ClassLoader loader, List<Class<?>> tests, long originalNanos,
            List<List<String>> failFast) {
        long limit = (long) (limitFactor * originalNanos) + limitConstantNanos;
        watchdog.limitRun(limit, String.format(Locale.ROOT,
                "the mutant's tests ran past their time limit of %d ms (%.1f x the original's %d ms + %d ms)",
                limit / 1_000_000, limitFactor, originalNanos / 1_000_000, limitConstantNanos / 1_000_000));
        try {
            return failFast.isEmpty() ? run(loader, tests, true) : runBatches(loader, tests, failFast, true);
        } finally {
            watchdog.clearRunLimit();
        }
    }

    private TestRunner.Run run(ClassLoader loader, List<Class<?>> tests, boolean mutant) {
        captureOutput(mutant);
        return runner.run(loader, tests);
    }

    private TestRunner.Run runBatches(ClassLoader loader, List<Class<?>> tests, List<List<String>> batches,
            boolean mutant) {
        captureOutput(mutant);
        return runner.runBatches(loader, tests, batches);
    }

    private void captureOutput(boolean mutant) {
        output.startRun(outputLimit, bytes -> watchdog.abort(
                mutant ? WorkerProtocol.OUTPUT_FLOODED : WorkerProtocol.ORIGINAL_TESTS_FAILED,
                (mutant ? "the mutant's tests" : "the original's tests") + " printed more than " + outputLimit
                        + " bytes in one run, during " + progress.describe() + "; it began: " + output.head()));
    }

    /** Every live thread of the JVM. */
    static Set<Thread> liveThreads() {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] threads = new Thread[root.activeCount() + 16];
        int n;
        while ((n = root.enumerate(threads, true)) == threads.length) {
            threads = new Thread[threads.length * 2];
        }
        Set<Thread> set = new HashSet<>();
        for (int i = 0; i < n; i++) {
            set.add(threads[i]);
        }
        return set;
    }

    /** Threads started since {@code before} that are still alive after a short grace period. */
    private List<Thread> leakedSince(Set<Thread> before) {
        List<Thread> leaked = leakedThreadsSince(before);
        if (inProcess) {
            // The host starts threads of its own meanwhile; a candidate's threads inherit its loader as context.
            leaked.removeIf(t -> !(t.getContextClassLoader() instanceof CandidateClassLoader));
        }
        return leaked;
    }

    static List<Thread> leakedThreadsSince(Set<Thread> before) {
        long end = System.nanoTime() + THREAD_GRACE_MILLIS * 1_000_000L;
        List<Thread> leaked = new ArrayList<>();
        for (Thread t : liveThreads()) {
            if (before.contains(t) || !t.isAlive() || isSharedPoolWorker(t)) {
                continue;
            }
            long wait = (end - System.nanoTime()) / 1_000_000L;
            if (wait > 0) {
                try {
                    t.join(wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (t.isAlive()) {
                leaked.add(t);
            }
        }
        return leaked;
    }

    private static boolean isSharedPoolWorker(Thread t) {
        return t instanceof ForkJoinWorkerThread w && w.getPool() == ForkJoinPool.commonPool();
    }

    private static String describe(List<Thread> threads) {
        return threads.stream().limit(5).map(t -> "'" + t.getName() + "'" + (t.isDaemon() ? " (daemon)" : "")
                + " " + t.getState()).toList().toString();
    }

    static Properties result(String outcome, String detail, int testsRun) {
        Properties p = new Properties();
        p.setProperty(WorkerProtocol.KEY_OUTCOME, outcome);
        p.setProperty(WorkerProtocol.KEY_DETAIL,
                detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL) + "..." : detail);
        p.setProperty(WorkerProtocol.KEY_TESTS_RUN, Integer.toString(testsRun));
        return p;
    }

    private static Map<String, byte[]> readClasses(Path root, List<String> names) throws IOException {
        Map<String, byte[]> classes = new LinkedHashMap<>();
        for (String name : names) {
            classes.put(name, Files.readAllBytes(WorkerProtocol.classFile(root, name)));
        }
        return classes;
    }
}
