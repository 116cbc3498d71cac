package dev.ouroboros.arena;

import dev.ouroboros.arena.internal.CandidateKey;
import dev.ouroboros.arena.internal.InProcessWorker;
import dev.ouroboros.arena.internal.WorkerCommand;
import dev.ouroboros.arena.internal.WorkerPool;
import dev.ouroboros.arena.internal.WorkerPool.WorkerStartException;
import dev.ouroboros.arena.internal.WorkerProcess;
import dev.ouroboros.arena.internal.WorkerProtocol;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs candidates in a pool of long-lived worker JVMs, so that the host never runs a mutant and a
 * candidate costs its test time rather than a JVM start.
 *
 * <p>{@link #evaluate} writes the candidate's classes to a request directory, hands it to an idle
 * worker over the worker's stdin ({@code dev.ouroboros.arena.internal.WorkerProtocol}) and waits
 * for its verdict. The worker runs the tests against the original and the mutant, each in its own
 * fresh child-first class loader, then times both in paired rounds. Per candidate, a mutant run may
 * take {@code timeLimitFactor} times the original's run plus {@code timeLimitConstant}, the whole
 * evaluation at most {@code timeout}; the worker also watches its heap (90% of the old generation
 * after a collection), threads the candidate leaves running and what it prints. A worker that hit a
 * limit, leaked something, died ({@code System.exit}, {@code Runtime.halt}, out of memory), hung or
 * broke the protocol is destroyed and replaced in the background; the run goes on. Verdicts are
 * cached by {@link CandidateKey a SHA-256 of the candidate}, so the same bytes are never evaluated
 * twice in one sandbox's life. Safe for concurrent use: up to {@link #poolSize()} candidates of each
 * kind run at once (timed candidates and correctness-only ones have workers of their own).
 */
public final class Sandbox implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Sandbox.class);

    /** A system property set on every worker JVM, first on its command line, to tell workers apart in {@code ps}. */
    public static final String WORKER_MARKER = "ouroboros.sandbox.worker";

    /** The JIT option of workers that serve correctness-only candidates (no timing rounds): C1 only. */
    public static final String TESTS_ONLY_JIT = WorkerCommand.TESTS_ONLY_JIT;

    private final Path javaExecutable;
    private final List<Path> classpath;
    private final Duration timeout;
    private final double timeLimitFactor;
    private final Duration timeLimitConstant;
    private final long maxOutputBytes;
    private final int maxCandidatesPerWorker;
    private final boolean cacheResults;
    private final TimingClock timingClock;
    private final int poolSize;
    private final int correctnessPoolSize;
    private final Path workDirectory;
    private final boolean ownsWorkDirectory;
    private final boolean keepWorkFiles;
    /** Workers for candidates with timing rounds (full tiered JIT). */
    private final WorkerPool pool;
    /** Workers for correctness-only candidates (no timing rounds), with {@link #TESTS_ONLY_JIT}. */
    private final WorkerPool testPool;
    private final boolean inProcess;
    private final java.net.URLClassLoader inProcessClasspath;
    private final InProcessWorker inProcessWorker;
    private final Map<String, SandboxVerdict> cache = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong evaluations = new AtomicLong();
    private final AtomicLong cacheHits = new AtomicLong();
    private volatile boolean closed;

    private Sandbox(Builder b, Path workDirectory, boolean ownsWorkDirectory) {
        this.javaExecutable = b.javaExecutable;
        List<Path> cp = new ArrayList<>();
        cp.add(arenaClassesLocation());
        cp.addAll(b.workerClasspath);
        this.classpath = List.copyOf(cp);
        this.timeout = b.timeout;
        this.timeLimitFactor = b.timeLimitFactor;
        this.timeLimitConstant = b.timeLimitConstant;
        this.maxOutputBytes = b.maxOutputBytes;
        this.maxCandidatesPerWorker = b.maxCandidatesPerWorker;
        this.cacheResults = b.cacheResults;
        this.timingClock = b.timingClock;
        this.poolSize = b.poolSize;
        this.workDirectory = workDirectory;
        this.ownsWorkDirectory = ownsWorkDirectory;
        this.keepWorkFiles = b.keepWorkFiles;
        this.pool = new WorkerPool(() -> spawn(true), poolSize);
        this.correctnessPoolSize = b.correctnessPoolSize;
        this.testPool = new WorkerPool(() -> spawn(false), correctnessPoolSize);
        this.inProcess = b.inProcess;
        if (inProcess) {
            java.net.URL[] urls = b.workerClasspath.stream().map(p -> {
                try {
                    return p.toUri().toURL();
                } catch (java.net.MalformedURLException e) {
                    throw new IllegalArgumentException("worker class path entry " + p + " is not a valid URL", e);
                }
            }).toArray(java.net.URL[]::new);
            this.inProcessClasspath = new java.net.URLClassLoader("ouroboros-in-process", urls, Sandbox.class.getClassLoader());
            this.inProcessWorker = new InProcessWorker(inProcessClasspath);
        } else {
            this.inProcessClasspath = null;
            this.inProcessWorker = null;
        }
    }

    /** Starts configuring a sandbox; {@link Builder#workerClasspath} is required. */
    public static Builder builder() {
        return new Builder();
    }

    /** The worker's class path: the arena's own classes first, then the user's test class path. */
    public List<Path> workerClasspath() {
        return classpath;
    }

    /** The longest one evaluation may take before its worker is destroyed. */
    public Duration timeout() {
        return timeout;
    }

    /** How many worker JVMs serve candidates with timing rounds at once. */
    public int poolSize() {
        return poolSize;
    }

    /** How many worker JVMs serve correctness-only candidates (no timing rounds) at once. */
    public int correctnessPoolSize() {
        return correctnessPoolSize;
    }

    /**
     * Starts the pool's workers for timed candidates now, in the background, so that the first candidates
     * do not wait for a JVM. Correctness-only candidates (no timing rounds) run in workers of their own,
     * with the C1 compiler only ({@link #TESTS_ONLY_JIT}); those start with the first such candidate.
     */
    public void warmUp() {
        if (!inProcess) {
            pool.warmUp();
        }
    }

    /** Counters of this sandbox's life so far. */
    public SandboxStatistics statistics() {
        return new SandboxStatistics(evaluations.get(), cacheHits.get(), pool.started() + testPool.started(),
                pool.retired() + testPool.retired());
    }

    /**
     * Evaluates one candidate in a pooled worker JVM, or answers from the result cache.
     *
     * @return the verdict; a candidate's misbehaviour (failed tests, loops, exits, crashes, leaks,
     *     floods) is in it, never thrown
     * @throws SandboxException when the request cannot be written or no worker JVM can be started
     */
    public SandboxVerdict evaluate(SandboxRequest request) {
        Objects.requireNonNull(request, "request");
        if (closed) {
            throw new IllegalStateException("the sandbox is closed");
        }
        long started = System.nanoTime();
        String key = CandidateKey.of(request.originalClasses(), request.mutantClasses(), request.testClassNames(),
                request.warmupRounds(), request.measuredRounds()) + DifferentialPlan.key(request.differential());
        SandboxVerdict cached = cacheResults ? cache.get(key) : null;
        if (cached != null) {
            cacheHits.incrementAndGet();
            return cached.reissued(request.candidateId(), Duration.ofNanos(System.nanoTime() - started));
        }
        if (inProcess && !request.semanticsPreserving()) {
            return WorkerVerdicts.of(request, SandboxOutcome.REFUSED, "the in-process sandbox runs only candidates of"
                    + " semantics-preserving operators, and " + request.candidateId() + " is not marked as one"
                    + " (SandboxRequest.semanticsPreserving): evaluate it in a sandbox with worker JVMs", started);
        }
        evaluations.incrementAndGet();
        Path dir = prepare(request);
        Exchange exchange;
        try {
            exchange = inProcess ? inProcess(request, dir, started) : exchange(request, dir, started);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SandboxException("interrupted while evaluating " + request.candidateId()
                    + "; its worker was destroyed", e);
        }
        SandboxVerdict verdict = exchange.verdict();
        LOG.debug("candidate {}: {} in {} ms ({})", request.candidateId(), verdict.outcome(),
                verdict.wallTime().toMillis(), verdict.detail());
        if (cacheResults && exchange.cacheable()) {
            cache.putIfAbsent(key, verdict);
        }
        if (keepWorkFiles) {
            WorkerVerdicts.keep(dir, verdict);
        } else {
            deleteTree(dir);
        }
        return verdict;
    }

    /** Destroys every worker and, when the sandbox created its work directory, deletes it. */
    @Override
    public void close() {
        closed = true;
        pool.close();
        testPool.close();
        if (inProcessClasspath != null) {
            try {
                inProcessClasspath.close();
            } catch (IOException e) {
                LOG.debug("cannot close the in-process class path: {}", e.toString());
            }
        }
        if (ownsWorkDirectory && !keepWorkFiles) {
            deleteTree(workDirectory);
        }
    }

    private record Exchange(SandboxVerdict verdict, boolean cacheable) {
    }

    private Exchange inProcess(SandboxRequest request, Path dir, long started) throws InterruptedException {
        long budgetMillis = timeout.toMillis() - Math.max(250, Math.min(2000, timeout.toMillis() / 10));
        Properties result;
        try {
            result = inProcessWorker.evaluate(requestPayload(request, dir, budgetMillis), budgetMillis);
        } catch (IllegalStateException e) {
            throw new SandboxException(e.getMessage(), e);
        }
        return new Exchange(WorkerVerdicts.read(request, result, null, started), true);
    }

    private Exchange exchange(SandboxRequest request, Path dir, long started) throws InterruptedException {
        long deadline = started + timeout.toNanos();
        WorkerPool pool = request.warmupRounds() + request.measuredRounds() == 0 ? testPool : this.pool;
        for (int attempt = 1; ; attempt++) {
            WorkerProcess worker;
            try {
                worker = pool.acquire();
            } catch (WorkerStartException e) {
                if (e.environment()) {
                    throw new SandboxException(e.getMessage(), e.getCause());
                }
                return new Exchange(WorkerVerdicts.of(request, SandboxOutcome.WORKER_CRASHED, "the worker could not start: "
                        + e.getMessage(), started), false);
            }
            boolean healthy = false;
            try {
                worker.startCandidate();
                long budgetMillis = (deadline - System.nanoTime()) / 1_000_000L;
                budgetMillis -= Math.max(250, Math.min(2000, budgetMillis / 10));
                if (budgetMillis < 1) {
                    healthy = true;
                    return new Exchange(WorkerVerdicts.of(request, SandboxOutcome.TIMED_OUT, "no time left for the candidate after "
                            + "waiting " + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms for a worker",
                            started), false);
                }
                if (!worker.send(WorkerProtocol.command(WorkerProtocol.EVAL, requestPayload(request, dir, budgetMillis)))) {
                    if (attempt == 1) {
                        continue;
                    }
                    return new Exchange(WorkerVerdicts.crashed(request, worker, "the worker's stdin was closed", started), false);
                }
                boolean begun = false;
                while (true) {
                    WorkerProcess.Message m = worker.await(deadline);
                    if (m == null) {
                        return new Exchange(WorkerVerdicts.of(request, SandboxOutcome.TIMED_OUT, "no verdict within "
                                + timeout.toMillis() + " ms; worker " + worker.pid() + " destroyed", started), true);
                    }
                    switch (m.verb()) {
                        case WorkerProtocol.BEGIN -> begun = true;
                        case WorkerProtocol.RESULT -> {
                            SandboxVerdict v = WorkerVerdicts.read(request, m.payload(), worker, started);
                            healthy = v.outcome() != SandboxOutcome.WORKER_CRASHED
                                    && !Boolean.parseBoolean(m.payload().getProperty(WorkerProtocol.KEY_RECYCLE))
                                    && worker.served() < maxCandidatesPerWorker;
                            return new Exchange(v, true);
                        }
                        case WorkerProcess.FLOOD -> {
                            return new Exchange(WorkerVerdicts.of(request, SandboxOutcome.OUTPUT_FLOODED,
                                    m.payload().getProperty(WorkerProtocol.KEY_DETAIL) + worker.outputTail(), started), true);
                        }
                        case WorkerProcess.EOF -> {
                            if (!begun && attempt == 1) {
                                break; // died before it took the candidate: try a fresh worker once
                            }
                            return new Exchange(WorkerVerdicts.died(request, worker, started), true);
                        }
                        default -> {
                            return new Exchange(WorkerVerdicts.crashed(request, worker, "the worker broke the protocol with '"
                                    + m.verb() + "' " + m.payload().getProperty(WorkerProtocol.KEY_DETAIL, ""), started), true);
                        }
                    }
                    if (m.verb().equals(WorkerProcess.EOF)) {
                        break;
                    }
                }
            } finally {
                if (healthy) {
                    pool.release(worker);
                } else {
                    pool.retire(worker);
                }
            }
        }
    }

    private Properties requestPayload(SandboxRequest request, Path dir, long budgetMillis) {
        Properties p = new Properties();
        p.setProperty(WorkerProtocol.KEY_PROTOCOL, String.valueOf(WorkerProtocol.VERSION));
        p.setProperty(WorkerProtocol.KEY_CANDIDATE, request.candidateId());
        p.setProperty(WorkerProtocol.KEY_DIR, dir.toAbsolutePath().toString());
        p.setProperty(WorkerProtocol.KEY_CLASSES, WorkerProtocol.join(request.originalClasses().keySet().stream().sorted().toList()));
        p.setProperty(WorkerProtocol.KEY_MUTANT_CLASSES, WorkerProtocol.join(request.mutantClasses().keySet().stream().sorted().toList()));
        p.setProperty(WorkerProtocol.KEY_TEST_CLASSES, WorkerProtocol.join(request.testClassNames()));
        p.setProperty(WorkerProtocol.KEY_WARMUP, Integer.toString(request.warmupRounds()));
        p.setProperty(WorkerProtocol.KEY_MEASURED, Integer.toString(request.measuredRounds()));
        p.setProperty(WorkerProtocol.KEY_BUDGET, Long.toString(budgetMillis));
        p.setProperty(WorkerProtocol.KEY_LIMIT_FACTOR, Double.toString(timeLimitFactor));
        p.setProperty(WorkerProtocol.KEY_LIMIT_CONSTANT, Long.toString(timeLimitConstant.toMillis()));
        p.setProperty(WorkerProtocol.KEY_OUTPUT_LIMIT, Long.toString(maxOutputBytes));
        p.setProperty(WorkerProtocol.KEY_CLOCK, timingClock.name());
        p.setProperty(WorkerProtocol.KEY_ORIGINAL_KEY, CandidateKey.of(request.originalClasses(), Map.of(),
                request.testClassNames(), 0, 0));
        DifferentialPlan.describe(request, p);
        return p;
    }

    private Path prepare(SandboxRequest request) {
        String safeId = request.candidateId().replaceAll("[^A-Za-z0-9._-]", "_");
        if (safeId.length() > 60) {
            safeId = safeId.substring(0, 60);
        }
        Path dir = workDirectory.resolve(sequence.incrementAndGet() + "-" + safeId);
        try {
            Files.createDirectories(dir);
            WorkerProtocol.writeClasses(dir.resolve(WorkerProtocol.ORIGINAL_DIR), request.originalClasses());
            WorkerProtocol.writeClasses(dir.resolve(WorkerProtocol.MUTANT_DIR), request.mutantClasses());
            DifferentialPlan.writeRecorded(request.differential(), dir);
            if (keepWorkFiles) {
                WorkerProtocol.write(dir.resolve(WorkerProtocol.REQUEST_FILE), requestPayload(request, dir, timeout.toMillis()));
            }
        } catch (IOException e) {
            throw new SandboxException("cannot write the sandbox request for " + request.candidateId() + " to " + dir
                    + ": check that the work directory is writable", e);
        }
        return dir;
    }

    private WorkerProcess spawn(boolean timing) throws WorkerStartException {
        List<String> command = WorkerCommand.of(javaExecutable, WORKER_MARKER, classpath, timing);
        WorkerProcess worker;
        try {
            worker = WorkerProcess.start(command, maxOutputBytes);
        } catch (IOException e) {
            throw new WorkerStartException("cannot start a sandbox worker with " + javaExecutable + " (java.home="
                    + System.getProperty("java.home") + "); command: " + String.join(" ", command), e, true);
        }
        String problem;
        try {
            problem = worker.awaitReady(timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problem = "interrupted while waiting for the worker's handshake";
        }
        if (problem != null) {
            worker.destroy();
            throw new WorkerStartException(problem + " (command: " + String.join(" ", command) + ")", null, false);
        }
        return worker;
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    LOG.debug("cannot delete {}: {}", p, e.toString());
                }
            });
        } catch (IOException e) {
            LOG.debug("cannot delete {}: {}", root, e.toString());
        }
    }

    private static Path arenaClassesLocation() {
        CodeSource source = Sandbox.class.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            throw new SandboxException("cannot find where the arena's classes were loaded from, so sandbox workers"
                    + " cannot be started: load Ouroboros from a jar or directory on the class path");
        }
        try {
            return Path.of(source.getLocation().toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new SandboxException("the arena's classes come from " + source.getLocation()
                    + ", which is not a local file; sandbox workers need a local jar or directory", e);
        }
    }

    /** Configures a {@link Sandbox}; only the worker class path is required. */
    public static final class Builder {
        private Path javaExecutable = defaultJava();
        private List<Path> workerClasspath;
        private Duration timeout = Duration.ofSeconds(60);
        private double timeLimitFactor = 2.0;
        private Duration timeLimitConstant = Duration.ofSeconds(2);
        private long maxOutputBytes = 1 << 20;
        private int maxCandidatesPerWorker = 100;
        private boolean cacheResults = true;
        private TimingClock timingClock = TimingClock.WALL;
        private int poolSize = defaultPoolSize();
        private int correctnessPoolSize = Runtime.getRuntime().availableProcessors();
        private Path workDirectory;
        private boolean keepWorkFiles;
        private boolean inProcess;

        private Builder() {
        }

        /** The {@code java} launcher of the workers; default {@code ${java.home}/bin/java}. */
        public Builder javaExecutable(Path javaExecutable) {
            this.javaExecutable = Objects.requireNonNull(javaExecutable, "javaExecutable");
            return this;
        }

        /**
         * The user's test class path: application classes, test classes and the JUnit jars
         * (including {@code junit-platform-launcher}). Required. The arena's own classes are put in
         * front of it.
         */
        public Builder workerClasspath(List<Path> workerClasspath) {
            Objects.requireNonNull(workerClasspath, "workerClasspath");
            workerClasspath.forEach(p -> Objects.requireNonNull(p, "workerClasspath entry"));
            // Absolute: the workers run in their own working directory, where relative entries mean nothing.
            this.workerClasspath = workerClasspath.stream().map(p -> p.toAbsolutePath().normalize()).toList();
            return this;
        }

        /** The absolute cap on one evaluation, waiting for a worker included; default 60 s. */
        public Builder timeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.toMillis() < 1000) {
                throw new IllegalArgumentException("timeout must be at least 1 s, was " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /**
         * A mutant's test run may take {@code factor} times the original's run in the same worker
         * plus {@code constant}; default 2.0 x + 2 s. A run past it ends as {@link SandboxOutcome#TIMED_OUT}.
         */
        public Builder timeLimit(double factor, Duration constant) {
            Objects.requireNonNull(constant, "constant");
            if (!(factor >= 1.0) || Double.isInfinite(factor)) {
                throw new IllegalArgumentException("time limit factor must be a finite number of at least 1, was " + factor);
            }
            if (constant.isNegative() || constant.toMillis() < 50) {
                throw new IllegalArgumentException("time limit constant must be at least 50 ms, was " + constant);
            }
            this.timeLimitFactor = factor;
            this.timeLimitConstant = constant;
            return this;
        }

        /**
         * Bytes one test run may print ({@code System.out} and {@code System.err} together); default
         * 1 MiB. A mutant past it ends as {@link SandboxOutcome#OUTPUT_FLOODED}.
         */
        public Builder maxOutputBytes(long maxOutputBytes) {
            if (maxOutputBytes < 1024) {
                throw new IllegalArgumentException("maxOutputBytes must be at least 1024, was " + maxOutputBytes);
            }
            this.maxOutputBytes = maxOutputBytes;
            return this;
        }

        /** Candidates one worker takes before it is replaced anyway (class-loader and JIT hygiene); default 100. */
        public Builder maxCandidatesPerWorker(int maxCandidatesPerWorker) {
            if (maxCandidatesPerWorker < 1) {
                throw new IllegalArgumentException("maxCandidatesPerWorker must be at least 1, was " + maxCandidatesPerWorker);
            }
            this.maxCandidatesPerWorker = maxCandidatesPerWorker;
            return this;
        }

        /** What the timing rounds measure of each test method; default {@link TimingClock#WALL}. */
        public Builder timingClock(TimingClock timingClock) {
            this.timingClock = Objects.requireNonNull(timingClock, "timingClock");
            return this;
        }

        /** Whether verdicts are cached by candidate hash for the sandbox's life; default true. */
        public Builder cacheResults(boolean cacheResults) {
            this.cacheResults = cacheResults;
            return this;
        }

        /**
         * Worker JVMs serving candidates at once; between 1 and the available processors; default
         * half the processors, at least 1 (1 on a 2-core machine: the host compiles meanwhile).
         */
        public Builder poolSize(int poolSize) {
            this.poolSize = checkedPoolSize("poolSize", poolSize);
            return this;
        }

        /**
         * Worker JVMs serving correctness-only candidates (no timing rounds) at once; between 1 and the
         * available processors; default all of them: nothing is timed, so concurrent candidates and the
         * host's compilations cannot skew a measurement.
         */
        public Builder correctnessPoolSize(int size) {
            this.correctnessPoolSize = checkedPoolSize("correctnessPoolSize", size);
            return this;
        }

        /** Where request directories are written; default a new temporary directory, deleted on close. */
        public Builder workDirectory(Path workDirectory) {
            this.workDirectory = Objects.requireNonNull(workDirectory, "workDirectory");
            return this;
        }

        /** Keeps each request directory (classes, request, result) for debugging; default false. */
        public Builder keepWorkFiles(boolean keepWorkFiles) {
            this.keepWorkFiles = keepWorkFiles;
            return this;
        }

        /**
         * Runs candidates in the host JVM instead of worker JVMs; default false. Only candidates whose
         * request is marked {@link SandboxRequest#semanticsPreserving()} run; the others get a
         * {@link SandboxOutcome#REFUSED} verdict. The same steps run (tests, differential gate, timing)
         * in fresh child-first loaders over the worker class path; the time, budget and heap limits
         * stop the candidate's thread. There is no output limit and a leaked thread stays in the host,
         * which is why only semantics-preserving candidates qualify. The host needs the JUnit Platform
         * Launcher on its own class path.
         */
        public Builder inProcess(boolean inProcess) {
            this.inProcess = inProcess;
            return this;
        }

        /** Builds the sandbox; no worker starts before the first evaluation or {@link Sandbox#warmUp()}. */
        public Sandbox build() {
            if (workerClasspath == null) {
                throw new IllegalStateException("workerClasspath is required: the user's test class path"
                        + " (application classes, test classes, JUnit jars)");
            }
            if (!Files.isExecutable(javaExecutable)) {
                throw new IllegalStateException("the worker java executable " + javaExecutable
                        + " does not exist or is not executable: set javaExecutable to a JDK's bin/java");
            }
            try {
                boolean owns = workDirectory == null;
                Path dir = owns ? Files.createTempDirectory("ouroboros-sandbox-") : Files.createDirectories(workDirectory);
                return new Sandbox(this, dir, owns);
            } catch (IOException e) {
                throw new SandboxException("cannot create the sandbox work directory "
                        + (workDirectory == null ? "in " + System.getProperty("java.io.tmpdir") : workDirectory), e);
            }
        }

        private static int checkedPoolSize(String what, int size) {
            int cores = Runtime.getRuntime().availableProcessors();
            if (size < 1 || size > cores) {
                throw new IllegalArgumentException(what + " must be between 1 and the " + cores
                        + " available processors, was " + size);
            }
            return size;
        }

        private static int defaultPoolSize() {
            return Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        }

        private static Path defaultJava() {
            boolean windows = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows");
            return Path.of(System.getProperty("java.home"), "bin", windows ? "java.exe" : "java");
        }
    }
}
