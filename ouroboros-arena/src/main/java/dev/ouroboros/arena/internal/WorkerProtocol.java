package dev.ouroboros.arena.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * The line protocol between the host and a pooled sandbox worker, version {@value #VERSION}.
 *
 * <p>The host writes commands to the worker's stdin, one per line: {@code HELLO <version> <token>},
 * then {@code EVAL <payload>} for each candidate, and {@code QUIT}. The worker answers on its real
 * stdout, one message per line, each starting with {@value #MARKER}, a space, the token and a space:
 * {@code READY <payload>}, {@code FATAL <payload>}, {@code BEGIN <payload>}, {@code RESULT <payload>}.
 * A payload is a {@link Properties} text in Base64, so a line never holds a line break. Before any
 * user code runs the worker points {@code System.out} and {@code System.err} at capped in-memory
 * captures, so what a candidate prints never reaches the channel; bytes that still reach the raw
 * stdout (through {@code FileDescriptor.out} or the JVM itself) are noise the host counts and skips.
 * Class files travel in a request directory ({@code original/} and {@code mutant/} trees named by
 * binary name), which the {@code EVAL} payload names.
 */
public final class WorkerProtocol {

    /** The protocol version both sides check in the handshake. */
    public static final int VERSION = 3;

    /** Starts every worker-to-host message, followed by the session token. */
    public static final String MARKER = "@@ouroboros";

    public static final String HELLO = "HELLO";
    public static final String EVAL = "EVAL";
    public static final String QUIT = "QUIT";
    public static final String READY = "READY";
    public static final String FATAL = "FATAL";
    public static final String BEGIN = "BEGIN";
    public static final String RESULT = "RESULT";

    public static final String REQUEST_FILE = "request.properties";
    public static final String RESULT_FILE = "result.properties";
    public static final String ORIGINAL_DIR = "original";
    public static final String MUTANT_DIR = "mutant";

    public static final String KEY_PROTOCOL = "protocol";
    public static final String KEY_CANDIDATE = "candidate.id";
    public static final String KEY_DIR = "dir";
    public static final String KEY_CLASSES = "classes";
    /** The mutant's classes when it brings new ones (helpers); absent means the same as {@link #KEY_CLASSES}. */
    public static final String KEY_MUTANT_CLASSES = "mutant.classes";
    public static final String KEY_TEST_CLASSES = "test.classes";
    public static final String KEY_WARMUP = "rounds.warmup";
    public static final String KEY_MEASURED = "rounds.measured";
    /** Milliseconds from the worker's receipt of the request after which it gives up. */
    public static final String KEY_BUDGET = "budget.millis";
    /** A mutant run may take this factor times the original's run ... */
    public static final String KEY_LIMIT_FACTOR = "limit.factor";
    /** ... plus this many milliseconds. */
    public static final String KEY_LIMIT_CONSTANT = "limit.constant.millis";
    /** Bytes one test run may print to System.out and System.err together. */
    public static final String KEY_OUTPUT_LIMIT = "output.max.bytes";
    /**
     * A hash of the original classes and the test classes: a worker that already saw the original
     * pass these tests skips that run and reuses its figures (test count, time, thread leaks).
     */
    public static final String KEY_ORIGINAL_KEY = "original.key";
    /** "WALL" or "THREAD_CPU": the clock of the timing rounds. */
    public static final String KEY_CLOCK = "timing.clock";

    /** "false" turns the differential gate off. */
    public static final String KEY_DIFF_ENABLED = "differential.enabled";
    public static final String KEY_DIFF_SEED = "differential.seed";
    /** Generated inputs per changed method, at most. */
    public static final String KEY_DIFF_INPUTS = "differential.inputs";
    /** Milliseconds per changed method for both versions' calls. */
    public static final String KEY_DIFF_MILLIS = "differential.millis";
    /** The changed methods, each {@code pkg.Foo#name(desc)}. */
    public static final String KEY_DIFF_METHODS = "differential.methods";
    /** In the request directory: {@code recorded.count}, {@code recorded.<i>.method}, {@code recorded.<i>.arguments}. */
    public static final String RECORDED_FILE = "recorded.properties";
    /** Result: how many methods the gate reported on; then {@code differential.<i>.method/outcome/...}. */
    public static final String KEY_DIFF_COUNT = "differential.count";

    /** Result: where the worker's time went, {@code phase:nanos} pairs (load, original-tests, mutant-tests, differential, timing). */
    public static final String KEY_PHASES = "phases";

    public static final String KEY_OUTCOME = "outcome";
    public static final String KEY_DETAIL = "detail";
    public static final String KEY_TESTS_RUN = "tests.run";
    public static final String KEY_ORIGINAL_NANOS = "original.nanos";
    public static final String KEY_MUTANT_NANOS = "mutant.nanos";
    /** "true" when the worker must not take another candidate (it leaked something, or aborted). */
    public static final String KEY_RECYCLE = "recycle";
    public static final String KEY_PID = "pid";

    /** Outcome names; they match the constants of {@code dev.ouroboros.arena.SandboxOutcome}. */
    public static final String PASSED = "PASSED";
    public static final String TESTS_FAILED = "TESTS_FAILED";
    public static final String ORIGINAL_TESTS_FAILED = "ORIGINAL_TESTS_FAILED";
    public static final String NO_TESTS_FOUND = "NO_TESTS_FOUND";
    public static final String TIMED_OUT = "TIMED_OUT";
    public static final String WORKER_CRASHED = "WORKER_CRASHED";
    public static final String MEMORY_EXHAUSTED = "MEMORY_EXHAUSTED";
    public static final String THREADS_LEAKED = "THREADS_LEAKED";
    public static final String OUTPUT_FLOODED = "OUTPUT_FLOODED";
    public static final String DIFFERENTIAL_MISMATCH = "DIFFERENTIAL_MISMATCH";

    /** Exit status of a worker that aborted a candidate after reporting it (time, memory, output). */
    public static final int EXIT_ABORTED = 124;
    /** Exit status of a worker that could not start (bad handshake, no JUnit launcher). */
    public static final int EXIT_BAD_START = 2;
    /** Exit status of the JVM's {@code -XX:+ExitOnOutOfMemoryError}. */
    public static final int EXIT_OUT_OF_MEMORY = 3;

    private WorkerProtocol() {
    }

    /** One worker-to-host line, without its line break. */
    public static String message(String token, String verb, Properties payload) {
        return MARKER + " " + token + " " + verb + " " + encode(payload);
    }

    /** One host-to-worker command line carrying a payload, without its line break. */
    public static String command(String verb, Properties payload) {
        return verb + " " + encode(payload);
    }

    /** Base64 of the properties' text form. */
    public static String encode(Properties payload) {
        StringWriter text = new StringWriter();
        try {
            payload.store(text, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getEncoder().encodeToString(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Decodes a payload.
     *
     * @throws IllegalArgumentException when it is not Base64 of a properties text
     */
    public static Properties decode(String payload) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(new String(Base64.getDecoder().decode(payload.strip()), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new IllegalArgumentException("unreadable payload: " + e, e);
        }
        return p;
    }

    /** Writes class files under {@code root} by binary name. */
    public static void writeClasses(Path root, Map<String, byte[]> classes) throws IOException {
        for (Map.Entry<String, byte[]> e : classes.entrySet()) {
            Path file = classFile(root, e.getKey());
            Files.createDirectories(file.getParent());
            Files.write(file, e.getValue());
        }
    }

    /** The path of class {@code binaryName} under {@code root}. */
    public static Path classFile(Path root, String binaryName) {
        return root.resolve(binaryName.replace('.', '/') + ".class");
    }

    /** Reads a properties file. */
    public static Properties read(Path file) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        }
        return p;
    }

    /** Writes a properties file (for the work files kept for debugging). */
    public static void write(Path file, Properties properties) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            properties.store(out, "ouroboros sandbox protocol " + VERSION);
        }
    }

    /** Joins a list for a properties value. */
    public static String join(List<?> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    /** Splits a properties list value; an absent or blank value is an empty list. */
    public static List<String> split(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return new ArrayList<>(Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList());
    }

    /** A throwable as it appears in a verdict's detail: class, message and first cause. */
    public static String describe(Throwable t) {
        String message = t.getMessage();
        String text = t.getClass().getName() + (message == null ? "" : ": " + message);
        Throwable cause = t.getCause();
        if (cause != null && cause != t) {
            text += " (caused by " + cause.getClass().getName()
                    + (cause.getMessage() == null ? "" : ": " + cause.getMessage()) + ")";
        }
        return text;
    }
}
