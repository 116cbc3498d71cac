package dev.ouroboros.arena.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * The plain-text protocol between the host and a sandbox worker, version {@value #VERSION}.
 *
 * <p>A request directory holds {@code original/} and {@code mutant/} trees of class files named by
 * binary name ({@code pkg/Foo$1.class}) and {@value #REQUEST_FILE}; the worker answers with
 * {@value #RESULT_FILE}, written to a temporary name and renamed so the host never reads half a
 * result. Both files are {@link Properties} text; lists are comma-separated.
 */
public final class WorkerProtocol {

    /** The protocol version both sides write under {@link #KEY_PROTOCOL}. */
    public static final int VERSION = 1;

    public static final String REQUEST_FILE = "request.properties";
    public static final String RESULT_FILE = "result.properties";
    public static final String ORIGINAL_DIR = "original";
    public static final String MUTANT_DIR = "mutant";
    public static final String STDOUT_FILE = "worker.out";
    public static final String STDERR_FILE = "worker.err";

    public static final String KEY_PROTOCOL = "protocol";
    public static final String KEY_CANDIDATE = "candidate.id";
    public static final String KEY_CLASSES = "classes";
    public static final String KEY_TEST_CLASSES = "test.classes";
    public static final String KEY_WARMUP = "rounds.warmup";
    public static final String KEY_MEASURED = "rounds.measured";
    /** Milliseconds of JVM uptime after which the worker gives up and halts itself. */
    public static final String KEY_DEADLINE = "deadline.millis";

    public static final String KEY_OUTCOME = "outcome";
    public static final String KEY_DETAIL = "detail";
    public static final String KEY_TESTS_RUN = "tests.run";
    public static final String KEY_ORIGINAL_NANOS = "original.nanos";
    public static final String KEY_MUTANT_NANOS = "mutant.nanos";

    /** Outcome names; they match the constants of {@code dev.ouroboros.arena.SandboxOutcome}. */
    public static final String PASSED = "PASSED";
    public static final String TESTS_FAILED = "TESTS_FAILED";
    public static final String ORIGINAL_TESTS_FAILED = "ORIGINAL_TESTS_FAILED";
    public static final String NO_TESTS_FOUND = "NO_TESTS_FOUND";
    public static final String TIMED_OUT = "TIMED_OUT";
    public static final String WORKER_CRASHED = "WORKER_CRASHED";

    /** Exit status of a worker that halted itself at its deadline (as {@code timeout(1)} does). */
    public static final int EXIT_DEADLINE = 124;
    /** Exit status of a worker that could not read its request. */
    public static final int EXIT_BAD_REQUEST = 2;

    private WorkerProtocol() {
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

    /** Writes {@code properties} to {@code file} atomically: a temporary sibling, then a rename. */
    public static void writeAtomically(Path file, Properties properties) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            properties.store(out, "ouroboros sandbox protocol " + VERSION);
        }
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
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
