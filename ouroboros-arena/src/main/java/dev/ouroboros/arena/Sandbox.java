package dev.ouroboros.arena;

import dev.ouroboros.arena.internal.SandboxWorker;
import dev.ouroboros.arena.internal.WorkerProtocol;
import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs candidates in separate worker JVMs, so that the host never runs a mutant.
 *
 * <p>Each {@link #evaluate} writes the request to a fresh directory, starts a fresh worker
 * ({@code java -cp <arena classes>:<worker class path> dev.ouroboros.arena.internal.SandboxWorker <dir>}),
 * waits up to the timeout and reads the worker's result. The worker runs the tests against the
 * original and the mutant, each in its own child-first class loader, then times both in paired
 * rounds. A worker that overruns is destroyed with its descendants ({@link SandboxOutcome#TIMED_OUT});
 * one that dies without a result ({@code System.exit}, out of memory) gives
 * {@link SandboxOutcome#WORKER_CRASHED} with the tail of its stderr. Safe for concurrent use: each
 * call has its own worker and directory.
 */
public final class Sandbox implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Sandbox.class);
    private static final int STDERR_TAIL_CHARS = 1500;
    private static final int STDOUT_TAIL_CHARS = 500;

    private final Path javaExecutable;
    private final List<Path> classpath;
    private final Duration timeout;
    private final Path workDirectory;
    private final boolean ownsWorkDirectory;
    private final boolean keepWorkFiles;
    private final Set<Process> live = ConcurrentHashMap.newKeySet();
    private final AtomicLong sequence = new AtomicLong();
    private volatile boolean closed;

    private Sandbox(Builder b, Path workDirectory, boolean ownsWorkDirectory) {
        this.javaExecutable = b.javaExecutable;
        List<Path> cp = new ArrayList<>();
        cp.add(arenaClassesLocation());
        cp.addAll(b.workerClasspath);
        this.classpath = List.copyOf(cp);
        this.timeout = b.timeout;
        this.workDirectory = workDirectory;
        this.ownsWorkDirectory = ownsWorkDirectory;
        this.keepWorkFiles = b.keepWorkFiles;
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

    /**
     * Evaluates one candidate in a fresh worker JVM.
     *
     * @return the verdict; a candidate's misbehaviour (failed tests, loops, exits, crashes) is in it
     * @throws SandboxException when the request cannot be written or the worker cannot be started
     */
    public SandboxVerdict evaluate(SandboxRequest request) {
        Objects.requireNonNull(request, "request");
        if (closed) {
            throw new IllegalStateException("the sandbox is closed");
        }
        long started = System.nanoTime();
        Path dir = prepare(request);
        List<String> command = command(dir);
        Process process;
        try {
            process = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectOutput(dir.resolve(WorkerProtocol.STDOUT_FILE).toFile())
                    .redirectError(dir.resolve(WorkerProtocol.STDERR_FILE).toFile())
                    .start();
        } catch (IOException e) {
            throw new SandboxException("cannot start a sandbox worker with " + javaExecutable + " (java.home="
                    + System.getProperty("java.home") + "); command: " + String.join(" ", command), e);
        }
        live.add(process);
        SandboxVerdict verdict;
        try {
            process.getOutputStream().close();
            boolean exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!exited) {
                destroy(process);
                verdict = verdict(request, SandboxOutcome.TIMED_OUT, "no verdict within " + timeout.toMillis()
                        + " ms; worker destroyed" + outputTail(dir), started);
            } else {
                verdict = readVerdict(request, dir, process.exitValue(), started);
            }
        } catch (InterruptedException e) {
            destroy(process);
            Thread.currentThread().interrupt();
            throw new SandboxException("interrupted while evaluating " + request.candidateId()
                    + "; its worker was destroyed", e);
        } catch (IOException e) {
            destroy(process);
            throw new SandboxException("cannot talk to the sandbox worker in " + dir, e);
        } finally {
            live.remove(process);
        }
        LOG.debug("candidate {}: {} in {} ms ({})", request.candidateId(), verdict.outcome(),
                verdict.wallTime().toMillis(), verdict.detail());
        if (!keepWorkFiles) {
            deleteTree(dir);
        }
        return verdict;
    }

    /** Destroys every live worker and, when the sandbox created its work directory, deletes it. */
    @Override
    public void close() {
        closed = true;
        for (Process p : List.copyOf(live)) {
            destroy(p);
        }
        if (ownsWorkDirectory && !keepWorkFiles) {
            deleteTree(workDirectory);
        }
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
            Properties p = new Properties();
            p.setProperty(WorkerProtocol.KEY_PROTOCOL, String.valueOf(WorkerProtocol.VERSION));
            p.setProperty(WorkerProtocol.KEY_CANDIDATE, request.candidateId());
            p.setProperty(WorkerProtocol.KEY_CLASSES, WorkerProtocol.join(request.originalClasses().keySet().stream().sorted().toList()));
            p.setProperty(WorkerProtocol.KEY_TEST_CLASSES, WorkerProtocol.join(request.testClassNames()));
            p.setProperty(WorkerProtocol.KEY_WARMUP, Integer.toString(request.warmupRounds()));
            p.setProperty(WorkerProtocol.KEY_MEASURED, Integer.toString(request.measuredRounds()));
            p.setProperty(WorkerProtocol.KEY_DEADLINE, Long.toString(workerDeadlineMillis(timeout)));
            WorkerProtocol.writeAtomically(dir.resolve(WorkerProtocol.REQUEST_FILE), p);
        } catch (IOException e) {
            throw new SandboxException("cannot write the sandbox request for " + request.candidateId() + " to " + dir
                    + ": check that the work directory is writable", e);
        }
        return dir;
    }

    /** The worker halts itself a little before the host gives up, so that it can say what was running. */
    static long workerDeadlineMillis(Duration timeout) {
        long millis = timeout.toMillis();
        long margin = Math.max(250, Math.min(2000, millis / 10));
        return Math.max(1, millis - margin);
    }

    private List<String> command(Path dir) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable.toString());
        command.add("-Xmx256m");
        command.add("-XX:+UseSerialGC");
        command.add("-Xshare:auto");
        command.add("-XX:+ExitOnOutOfMemoryError");
        command.add("-Djava.awt.headless=true");
        command.add("-cp");
        command.add(String.join(File.pathSeparator, classpath.stream().map(Path::toString).toList()));
        command.add(SandboxWorker.class.getName());
        command.add(dir.toAbsolutePath().toString());
        return command;
    }

    private SandboxVerdict readVerdict(SandboxRequest request, Path dir, int exit, long started) throws IOException {
        Path resultFile = dir.resolve(WorkerProtocol.RESULT_FILE);
        if (!Files.isRegularFile(resultFile)) {
            String why = exit == 0
                    ? "worker exited with status 0 before writing a result (System.exit or Runtime.halt in the candidate or its tests?)"
                    : "worker exited with status " + exit + " without a result";
            return verdict(request, SandboxOutcome.WORKER_CRASHED, why + outputTail(dir), started);
        }
        Properties result = WorkerProtocol.read(resultFile);
        String protocol = result.getProperty(WorkerProtocol.KEY_PROTOCOL);
        if (!String.valueOf(WorkerProtocol.VERSION).equals(protocol)
                || !request.candidateId().equals(result.getProperty(WorkerProtocol.KEY_CANDIDATE))) {
            return verdict(request, SandboxOutcome.WORKER_CRASHED, "worker wrote a result for protocol " + protocol
                    + " and candidate " + result.getProperty(WorkerProtocol.KEY_CANDIDATE) + ", expected protocol "
                    + WorkerProtocol.VERSION + " and " + request.candidateId(), started);
        }
        SandboxOutcome outcome;
        try {
            outcome = SandboxOutcome.valueOf(result.getProperty(WorkerProtocol.KEY_OUTCOME, ""));
        } catch (IllegalArgumentException e) {
            return verdict(request, SandboxOutcome.WORKER_CRASHED, "worker wrote an unknown outcome '"
                    + result.getProperty(WorkerProtocol.KEY_OUTCOME) + "'", started);
        }
        String detail = result.getProperty(WorkerProtocol.KEY_DETAIL, "");
        boolean deadline = exit == WorkerProtocol.EXIT_DEADLINE && outcome == SandboxOutcome.TIMED_OUT;
        if (exit != 0 && !deadline) {
            return verdict(request, SandboxOutcome.WORKER_CRASHED, "worker wrote " + outcome + " but exited with status "
                    + exit + outputTail(dir), started);
        }
        if (outcome == SandboxOutcome.WORKER_CRASHED) {
            detail += outputTail(dir);
        }
        List<Long> originalNanos = parseNanos(result.getProperty(WorkerProtocol.KEY_ORIGINAL_NANOS));
        List<Long> mutantNanos = parseNanos(result.getProperty(WorkerProtocol.KEY_MUTANT_NANOS));
        int testsRun = Integer.parseInt(result.getProperty(WorkerProtocol.KEY_TESTS_RUN, "0"));
        if (outcome == SandboxOutcome.PASSED
                && (originalNanos.size() != request.measuredRounds() || mutantNanos.size() != request.measuredRounds())) {
            return verdict(request, SandboxOutcome.WORKER_CRASHED, "worker passed the candidate with "
                    + originalNanos.size() + "/" + mutantNanos.size() + " timed rounds, expected "
                    + request.measuredRounds(), started);
        }
        return new SandboxVerdict(request.candidateId(), outcome, detail, testsRun, originalNanos, mutantNanos,
                Duration.ofNanos(System.nanoTime() - started));
    }

    private static List<Long> parseNanos(String value) {
        return WorkerProtocol.split(value).stream().map(Long::valueOf).toList();
    }

    private static SandboxVerdict verdict(SandboxRequest request, SandboxOutcome outcome, String detail, long started) {
        return new SandboxVerdict(request.candidateId(), outcome, detail, 0, List.of(), List.of(),
                Duration.ofNanos(System.nanoTime() - started));
    }

    private static void destroy(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                LOG.warn("sandbox worker {} did not die within 10 s of being destroyed", process.pid());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The end of the worker's stderr and stdout (the JVM reports a fatal OutOfMemoryError on stdout). */
    private static String outputTail(Path dir) {
        return tail(dir.resolve(WorkerProtocol.STDERR_FILE), STDERR_TAIL_CHARS, "; stderr: ")
                + tail(dir.resolve(WorkerProtocol.STDOUT_FILE), STDOUT_TAIL_CHARS, "; stdout: ");
    }

    private static String tail(Path file, int chars, String prefix) {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long length = raf.length();
            if (length == 0) {
                return "";
            }
            long from = Math.max(0, length - chars);
            byte[] tail = new byte[(int) (length - from)];
            raf.seek(from);
            raf.readFully(tail);
            return prefix + (from > 0 ? "..." : "") + new String(tail, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "";
        }
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
        private Path workDirectory;
        private boolean keepWorkFiles;

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
            this.workerClasspath = List.copyOf(workerClasspath);
            return this;
        }

        /** The longest one evaluation may take, worker start-up included; default 60 s. */
        public Builder timeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.toMillis() < 1000) {
                throw new IllegalArgumentException("timeout must be at least 1 s, was " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /** Where request directories are written; default a new temporary directory, deleted on close. */
        public Builder workDirectory(Path workDirectory) {
            this.workDirectory = Objects.requireNonNull(workDirectory, "workDirectory");
            return this;
        }

        /** Keeps each request directory (classes, request, result, worker output) for debugging; default false. */
        public Builder keepWorkFiles(boolean keepWorkFiles) {
            this.keepWorkFiles = keepWorkFiles;
            return this;
        }

        /** Builds the sandbox; no worker starts before the first evaluation. */
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

        private static Path defaultJava() {
            boolean windows = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows");
            return Path.of(System.getProperty("java.home"), "bin", windows ? "java.exe" : "java");
        }
    }
}
