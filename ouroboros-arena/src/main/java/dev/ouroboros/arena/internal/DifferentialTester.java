package dev.ouroboros.arena.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The differential gate inside a worker: calls each changed method (and each method with recorded
 * inputs) on recorded and generated inputs, once with the original's classes and once with the
 * mutant's, each from its own fresh loader, and compares the outcomes by {@link Canon canonical
 * value}: the result, or the exception's type; the receiver's fields and the arguments after the
 * call. See {@link DifferentialCall} for which methods can be called and how.
 *
 * <p>Calls run on a {@link CallLane}, one batch per version and method (a hand-over per call would
 * cost a thread switch each, which on a loaded machine is most of the time): first the original on
 * every input while the method's time lasts, then the mutant on the inputs the original completed.
 * The caller watches the running call: an original past its per-call time has that input skipped,
 * its thread stopped and fresh loaders made (a stopped call may leave classes half-initialized); a
 * mutant past its limit (factor x the original's call on that input + constant) ends the gate as
 * {@code TIMED_OUT}.
 */
final class DifferentialTester {

    /** Hooks around each call: the worker's watchdog and output capture. Called on the lane's thread. */
    interface Guard {
        void enter(boolean mutant, long limitNanos, String why);

        void exit();
    }

    /**
     * @param originalKey a hash of the original classes and tests; when not empty, the original's outcomes
     *                    are kept in this JVM and reused for the next candidate of the same original
     * @param originalCallNanos the least time an original call gets before it is stopped (a quarter of the
     *                    method's time if that is more)
     */
    record Settings(long seed, int inputsPerMethod, long nanosPerMethod, double limitFactor, long limitConstantNanos,
            String originalKey, long originalCallNanos) {
    }

    /** The original's outcomes on one method's inputs, reusable while the original, the seed and the budget stay. */
    private record OriginalOutcomes(List<Planned> planned, int slowOriginal) {
    }

    private static final int MAX_KEPT_OUTCOMES = 256;
    /**
     * The original is the same for every candidate of a cycle and the inputs are a function of the
     * seed, so its outcomes are computed once per worker: the gate then costs the mutant's calls only,
     * and an original that is slow on an edge input is stopped once, not once per candidate.
     */
    private static final Map<String, OriginalOutcomes> ORIGINAL_OUTCOMES = new LinkedHashMap<>();

    /** A recorded call: the method as {@code pkg.Foo#name(desc)} and its encoded arguments. */
    record Recorded(String method, String arguments) {
    }

    /** What the gate did for one method; outcome is PASSED, FAILED, SKIPPED or ABORTED. */
    record MethodReport(String method, String outcome, int generated, int recorded, long nanos, String message) {
    }

    /** The gate's result: {@code outcome} null when the mutant matched the original everywhere. */
    record Report(List<MethodReport> methods, String outcome, String detail, boolean recycle) {
        int inputs() {
            return methods.stream().mapToInt(m -> m.generated() + m.recorded()).sum();
        }
    }

    private static final int RENDER = 160;
    /** The first generated inputs of a method sweep the edge values (see {@link InputGenerator}). */
    private static final int EDGE_SWEEP = 16;
    /** The least time an original call gets before any input of its method completed. */
    private static final long COLD_CALL_NANOS = 1_000_000_000L;
    /** The least time an original call gets before it is stopped. */
    static final long MIN_ORIGINAL_CALL_NANOS = 20_000_000L;
    private static final long IDLE_CHECK_NANOS = 50_000_000L;

    private final Supplier<ClassLoader> originals;
    private final Supplier<ClassLoader> mutants;
    private final Settings settings;
    private final Guard guard;
    private ClassLoader originalLoader;
    private ClassLoader mutantLoader;
    private boolean recycle;

    DifferentialTester(Supplier<ClassLoader> originals, Supplier<ClassLoader> mutants, Settings settings, Guard guard) {
        this.originals = originals;
        this.mutants = mutants;
        this.settings = settings;
        this.guard = guard;
    }

    Report run(List<String> changedMethods, List<Recorded> recorded) throws InterruptedException {
        Map<String, List<String>> replay = new LinkedHashMap<>();
        changedMethods.forEach(m -> replay.put(m, new ArrayList<>()));
        recorded.forEach(r -> replay.computeIfAbsent(r.method(), k -> new ArrayList<>()).add(r.arguments()));
        freshLoaders();
        List<MethodReport> reports = new ArrayList<>();
        try (CallLane lane = new CallLane()) {
            for (Map.Entry<String, List<String>> e : replay.entrySet()) {
                boolean generate = changedMethods.contains(e.getKey());
                MethodRun run = new MethodRun(e.getKey(), lane, e.getValue(), generate ? settings.inputsPerMethod() : 0);
                reports.add(run.test());
                if (run.failure != null) {
                    return new Report(reports, run.failureOutcome, run.failure, recycle);
                }
                if (run.laneStuck) {
                    break;
                }
            }
        }
        return new Report(reports, null, "", recycle);
    }

    /**
     * Loads and links the gate's own classes by running it once on a JDK method, so that a worker's
     * first candidate does not pay for that in its differential budget.
     */
    static void warmUp() {
        ClassLoader system = ClassLoader.getSystemClassLoader();
        Guard none = new Guard() {
            @Override
            public void enter(boolean mutant, long limitNanos, String why) {
            }

            @Override
            public void exit() {
            }
        };
        try {
            new DifferentialTester(() -> system, () -> system, new Settings(1, 20, 50_000_000L, 2.0, 1_000_000_000L, "", 10_000_000_000L), none)
                    .run(List.of("java.lang.Math#max(II)I", "java.lang.String#<init>([C)V"), List.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // Only a warm-up: a worker that cannot run it still serves candidates, whose gate reports the cause.
        }
    }

    private void freshLoaders() {
        originalLoader = originals.get();
        mutantLoader = mutants.get();
    }

    /** What the lane is doing, for the caller that watches it. */
    private static final class Progress {
        volatile int index = -1;
        volatile long callStart;
        volatile long callLimit;
        volatile boolean inCall;

        void begin(int i, long limit) {
            index = i;
            callLimit = limit;
            callStart = System.nanoTime();
            inCall = true;
        }

        void end() {
            inCall = false;
        }
    }

    /** The original's outcome on input {@code index}; null outcome when the original refused to build it. */
    private record Planned(int index, DifferentialCall.Outcome outcome) {
    }

    /** One method's inputs. */
    private final class MethodRun {
        final String method;
        final CallLane lane;
        final List<String> recordedArguments;
        final int generatedInputs;
        final long start = System.nanoTime();
        final long base;
        /** The method's time counts from its first completed input: loading its classes is not the budget's. */
        volatile long budgetStart;
        int slowOriginal;
        String failure;
        String failureOutcome;
        boolean laneStuck;
        DifferentialCall original;
        DifferentialCall mutant;

        MethodRun(String method, CallLane lane, List<String> recordedArguments, int generatedInputs) {
            this.method = method;
            this.lane = lane;
            this.recordedArguments = recordedArguments;
            this.generatedInputs = generatedInputs;
            this.base = new SplittableRandom(settings.seed() * 31 + method.hashCode()).nextLong();
        }

        int total() {
            return recordedArguments.size() + generatedInputs;
        }

        boolean recorded(int i) {
            return i < recordedArguments.size();
        }

        String label(int i) {
            return recorded(i) ? "recorded input " + (i + 1) : "generated input " + (i - recordedArguments.size() + 1);
        }

        DifferentialCall.Input input(int i, DifferentialCall call, ClassLoader loader) throws ReflectiveOperationException {
            if (recorded(i)) {
                return call.recordedInput(recordedArguments.get(i), loader);
            }
            int k = i - recordedArguments.size();
            long seed = base + k * 0x9E3779B97F4A7C15L;
            return call.generatedInput(new InputGenerator(new SplittableRandom(seed), k < EDGE_SWEEP ? k : -1));
        }

        MethodReport test() throws InterruptedException {
            try {
                resolve();
            } catch (DifferentialCall.NotCallable e) {
                return report("SKIPPED", 0, 0, e.getMessage());
            }
            String key = settings.originalKey().isEmpty() ? null : String.join("|", settings.originalKey(), method,
                    Long.toString(settings.seed()), Integer.toString(generatedInputs), Long.toString(settings.nanosPerMethod()),
                    String.join(" ", recordedArguments));
            OriginalOutcomes kept;
            synchronized (ORIGINAL_OUTCOMES) {
                kept = key == null ? null : ORIGINAL_OUTCOMES.get(key);
            }
            List<Planned> planned;
            if (kept != null) {
                planned = kept.planned();
                slowOriginal = kept.slowOriginal();
            } else {
                planned = runOriginal();
                if (key != null && !laneStuck) {
                    synchronized (ORIGINAL_OUTCOMES) {
                        if (ORIGINAL_OUTCOMES.size() >= MAX_KEPT_OUTCOMES) {
                            ORIGINAL_OUTCOMES.clear();
                        }
                        ORIGINAL_OUTCOMES.put(key, new OriginalOutcomes(List.copyOf(planned), slowOriginal));
                    }
                }
            }
            List<Planned> done = List.copyOf(planned);
            int recordedRun = (int) done.stream().filter(p -> p.outcome() != null && recorded(p.index())).count();
            int generatedRun = (int) done.stream().filter(p -> p.outcome() != null && !recorded(p.index())).count();
            if (laneStuck) {
                return report("ABORTED", generatedRun, recordedRun,
                        "the original's call did not stop after its time; the worker will be replaced");
            }
            Progress progress = new Progress();
            String[] mismatch = new String[1];
            Future<Void> batch = lane.submit(() -> {
                mismatch[0] = mutantBatch(done, progress);
                return null;
            });
            if (!watch(batch, progress)) {
                recycle = true;
                lane.kill();
                failure = timeLimit(done.stream().filter(p -> p.index() == progress.index).findFirst().orElseThrow(),
                        progress.callLimit) + "; input " + render(progress.index);
                failureOutcome = WorkerProtocol.TIMED_OUT;
                return report("FAILED", generatedRun, recordedRun, failure);
            }
            if (mismatch[0] != null) {
                failure = mismatch[0];
                failureOutcome = WorkerProtocol.DIFFERENTIAL_MISMATCH;
                return report("FAILED", generatedRun, recordedRun, failure);
            }
            List<String> notes = new ArrayList<>();
            if (slowOriginal > 0) {
                notes.add(slowOriginal + " input(s) skipped: the original ran past its call time");
            }
            long refused = done.stream().filter(p -> p.outcome() == null).count();
            if (refused > 0) {
                notes.add(refused + " input(s) skipped: the original refused to build them");
            }
            return report("PASSED", generatedRun, recordedRun, String.join("; ", notes));
        }

        /** The original on every input while the method's time lasts, stopping and skipping calls past their time. */
        private List<Planned> runOriginal() throws InterruptedException {
            List<Planned> planned = Collections.synchronizedList(new ArrayList<>());
            int next = 0;
            while (next < total() && !laneStuck) {
                Progress progress = new Progress();
                int from = next;
                Future<Void> batch = lane.submit(() -> {
                    originalBatch(from, progress, planned);
                    return null;
                });
                if (watch(batch, progress)) {
                    break;
                }
                int killedAt = progress.index;
                slowOriginal++;
                laneStuck = !lane.kill();
                // A stop can land in JDK code that is initializing a class, which then stays unusable in this
                // JVM (seen: ProxyGenerator$PrimitiveTypeInfo, breaking JUnit's annotation proxies): the worker
                // finishes this candidate and is replaced.
                recycle = true;
                // Whatever the stopped thread added from the killed input on is not an outcome.
                planned.removeIf(p -> p.index() >= killedAt);
                next = killedAt + 1;
                freshLoaders();
                try {
                    resolve();
                } catch (DifferentialCall.NotCallable x) {
                    throw new IllegalStateException("the method resolved before and not after new loaders: " + x.getMessage(), x);
                }
            }
            return List.copyOf(planned);
        }

        /** On the lane: the original on inputs {@code from}.. while the method's time lasts. */
        private void originalBatch(int from, Progress progress, List<Planned> planned) {
            long cap = Math.max(settings.originalCallNanos(), settings.nanosPerMethod() / 4);
            for (int i = from; i < total() && !spent() && !Thread.currentThread().isInterrupted(); i++) {
                progress.index = i;
                DifferentialCall.Input in;
                try {
                    in = input(i, original, originalLoader);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    planned.add(new Planned(i, null));
                    continue;
                }
                // Until an input completed, the calls also load and link the method's classes: a cold first
                // call on a loaded machine must not be mistaken for a slow original (its stop costs a worker).
                long callCap = budgetStart == 0 ? Math.max(cap, COLD_CALL_NANOS) : cap;
                guard.enter(false, callCap, "");
                try {
                    progress.begin(i, callCap);
                    planned.add(new Planned(i, original.invoke(in)));
                    if (budgetStart == 0) {
                        budgetStart = System.nanoTime();
                    }
                } finally {
                    progress.end();
                    guard.exit();
                }
            }
        }

        /** On the lane: the mutant on every input the original completed; the first difference, or null. */
        private String mutantBatch(List<Planned> planned, Progress progress) {
            for (Planned p : planned) {
                if (p.outcome() == null) {
                    continue;
                }
                progress.index = p.index();
                DifferentialCall.Input in;
                try {
                    in = input(p.index(), mutant, mutantLoader);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    return fail(p.index(), "the original built the input, the mutant's classes threw " + WorkerProtocol.describe(
                            e instanceof java.lang.reflect.InvocationTargetException x ? x.getCause() : e));
                }
                long limit = (long) (settings.limitFactor() * p.outcome().nanos()) + settings.limitConstantNanos();
                DifferentialCall.Outcome m;
                guard.enter(true, limit, timeLimit(p, limit));
                try {
                    progress.begin(p.index(), limit);
                    m = mutant.invoke(in);
                } finally {
                    progress.end();
                    guard.exit();
                }
                String difference = p.outcome().differenceTo(m, RENDER);
                if (difference != null) {
                    return fail(p.index(), difference);
                }
            }
            return null;
        }

        /**
         * Waits for a batch, watching its running call.
         *
         * @return true when the batch ended; false when a call ran past its limit (the lane must be killed)
         */
        private boolean watch(Future<Void> batch, Progress progress) throws InterruptedException {
            while (true) {
                long wait = IDLE_CHECK_NANOS;
                if (progress.inCall) {
                    wait = progress.callStart + progress.callLimit - System.nanoTime();
                    if (wait <= 0 && progress.inCall) {
                        return false;
                    }
                }
                try {
                    batch.get(Math.max(1, wait), TimeUnit.NANOSECONDS);
                    return true;
                } catch (TimeoutException e) {
                    // check the running call again
                } catch (ExecutionException e) {
                    throw new IllegalStateException("the differential harness failed: " + e.getCause(), e.getCause());
                }
            }
        }

        private boolean spent() {
            long b = budgetStart;
            return b != 0 && System.nanoTime() - b >= settings.nanosPerMethod();
        }

        private String timeLimit(Planned p, long limit) {
            return String.format(Locale.ROOT, "the mutant's call of %s on %s ran past its time limit of %d ms"
                    + " (%.1f x the original's %.1f ms + %d ms), during differential testing", method, label(p.index()),
                    limit / 1_000_000, settings.limitFactor(), p.outcome().nanos() / 1e6,
                    settings.limitConstantNanos() / 1_000_000);
        }

        private String fail(int index, String difference) {
            return method + " differs from the original on " + label(index) + " " + render(index) + ": " + difference;
        }

        /** The input as the original received it, rebuilt from its source (the call may have changed the arguments). */
        private String render(int index) {
            try {
                return input(index, original, originalLoader).render(RENDER);
            } catch (ReflectiveOperationException | RuntimeException e) {
                return "(cannot be shown: " + e + ")";
            }
        }

        private void resolve() throws DifferentialCall.NotCallable {
            original = DifferentialCall.resolve(method, originalLoader);
            mutant = DifferentialCall.resolve(method, mutantLoader);
        }

        private MethodReport report(String outcome, int generated, int recorded, String message) {
            return new MethodReport(method, outcome, generated, recorded, System.nanoTime() - start, message);
        }
    }
}
