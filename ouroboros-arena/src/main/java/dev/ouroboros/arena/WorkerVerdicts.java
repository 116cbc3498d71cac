package dev.ouroboros.arena;

import dev.ouroboros.arena.internal.WorkerProcess;
import dev.ouroboros.arena.internal.WorkerProtocol;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns what a worker said, or how it died, into a {@link SandboxVerdict}: checks a {@code RESULT}
 * against its request, and names the cause when the worker ended without one.
 */
final class WorkerVerdicts {

    private static final Logger LOG = LoggerFactory.getLogger(WorkerVerdicts.class);

    private WorkerVerdicts() {
    }

    /** Reads a worker's (or the in-process worker's, {@code worker} null) result. */
    static SandboxVerdict read(SandboxRequest request, Properties result, WorkerProcess worker, long started) {
        String protocol = result.getProperty(WorkerProtocol.KEY_PROTOCOL);
        if (!String.valueOf(WorkerProtocol.VERSION).equals(protocol)
                || !request.candidateId().equals(result.getProperty(WorkerProtocol.KEY_CANDIDATE))) {
            return crashed(request, worker, "worker wrote a result for protocol " + protocol
                    + " and candidate " + result.getProperty(WorkerProtocol.KEY_CANDIDATE) + ", expected protocol "
                    + WorkerProtocol.VERSION + " and " + request.candidateId(), started);
        }
        SandboxOutcome outcome;
        try {
            outcome = SandboxOutcome.valueOf(result.getProperty(WorkerProtocol.KEY_OUTCOME, ""));
        } catch (IllegalArgumentException e) {
            return crashed(request, worker, "worker wrote an unknown outcome '"
                    + result.getProperty(WorkerProtocol.KEY_OUTCOME) + "'", started);
        }
        String detail = result.getProperty(WorkerProtocol.KEY_DETAIL, "");
        if (outcome == SandboxOutcome.WORKER_CRASHED) {
            detail += tail(worker);
        }
        List<Long> originalNanos;
        List<Long> mutantNanos;
        int testsRun;
        try {
            originalNanos = parseNanos(result.getProperty(WorkerProtocol.KEY_ORIGINAL_NANOS));
            mutantNanos = parseNanos(result.getProperty(WorkerProtocol.KEY_MUTANT_NANOS));
            testsRun = Integer.parseInt(result.getProperty(WorkerProtocol.KEY_TESTS_RUN, "0"));
        } catch (NumberFormatException e) {
            return crashed(request, worker, "worker wrote unreadable numbers: " + e.getMessage(), started);
        }
        // Fewer rounds than asked: the worker's sequential screen stopped an obvious loser early (at least 5).
        int least = Math.min(5, request.measuredRounds());
        if (outcome == SandboxOutcome.PASSED && (originalNanos.size() != mutantNanos.size()
                || originalNanos.size() > request.measuredRounds() || originalNanos.size() < least)) {
            return crashed(request, worker, "worker passed the candidate with " + originalNanos.size() + "/"
                    + mutantNanos.size() + " timed rounds, expected " + least + ".." + request.measuredRounds(), started);
        }
        List<TestSuite> evidence;
        int inputs;
        try {
            List<TestCase> cases = new ArrayList<>();
            inputs = differentialCases(result, cases);
            evidence = cases.isEmpty() && !result.containsKey(WorkerProtocol.KEY_DIFF_COUNT) ? List.of()
                    : List.of(new TestSuite("differential", cases));
        } catch (IllegalArgumentException e) {
            return crashed(request, worker, "worker wrote unreadable differential evidence: " + e.getMessage(), started);
        }
        Map<String, Duration> phases = new LinkedHashMap<>();
        try {
            for (String pair : WorkerProtocol.split(result.getProperty(WorkerProtocol.KEY_PHASES))) {
                int colon = pair.lastIndexOf(':');
                phases.put(pair.substring(0, colon), Duration.ofNanos(Long.parseLong(pair.substring(colon + 1))));
            }
        } catch (RuntimeException e) {
            return crashed(request, worker, "worker wrote an unreadable time breakdown: " + e.getMessage(), started);
        }
        return new SandboxVerdict(request.candidateId(), outcome, detail, testsRun, originalNanos, mutantNanos,
                Duration.ofNanos(System.nanoTime() - started), evidence, inputs, phases);
    }

    /** Reads the differential gate's per-method reports into cases; returns the inputs compared in all. */
    static int differentialCases(Properties result, List<TestCase> cases) {
        int n = Integer.parseInt(result.getProperty(WorkerProtocol.KEY_DIFF_COUNT, "0"));
        int inputs = 0;
        for (int i = 0; i < n; i++) {
            String prefix = "differential." + i + ".";
            int generated = Integer.parseInt(result.getProperty(prefix + "generated", "0"));
            int recorded = Integer.parseInt(result.getProperty(prefix + "recorded", "0"));
            inputs += generated + recorded;
            String message = result.getProperty(prefix + "message", "");
            String counts = generated + " generated and " + recorded + " recorded inputs";
            cases.add(new TestCase(result.getProperty(prefix + "method", "method " + i),
                    TestCase.Outcome.valueOf(result.getProperty(prefix + "outcome", "ABORTED")),
                    Duration.ofNanos(Long.parseLong(result.getProperty(prefix + "nanos", "0"))),
                    message.isEmpty() ? counts : counts + "; " + message));
        }
        return inputs;
    }

    /** The worker's stdout ended after it took the candidate: an exit, a halt, or the JVM's out-of-memory exit. */
    static SandboxVerdict died(SandboxRequest request, WorkerProcess worker, long started) {
        int status = worker.exitStatus();
        String tail = worker.outputTail();
        if (status == WorkerProtocol.EXIT_OUT_OF_MEMORY || tail.contains("OutOfMemoryError")) {
            return of(request, SandboxOutcome.MEMORY_EXHAUSTED, "the worker ran out of heap and exited with status "
                    + status + " (-XX:+ExitOnOutOfMemoryError)" + tail, started);
        }
        String why = status == 0
                ? "worker exited with status 0 before writing a result (System.exit or Runtime.halt in the candidate or its tests?)"
                : "worker exited with status " + status + " without a result (System.exit, Runtime.halt or a JVM crash?)";
        return of(request, SandboxOutcome.WORKER_CRASHED, why + tail, started);
    }

    static SandboxVerdict crashed(SandboxRequest request, WorkerProcess worker, String why, long started) {
        return of(request, SandboxOutcome.WORKER_CRASHED, why + tail(worker), started);
    }

    /** The worker's last output; empty in process (no worker). */
    private static String tail(WorkerProcess worker) {
        return worker == null ? "" : worker.outputTail();
    }

    private static List<Long> parseNanos(String value) {
        return WorkerProtocol.split(value).stream().map(Long::valueOf).toList();
    }

    static SandboxVerdict of(SandboxRequest request, SandboxOutcome outcome, String detail, long started) {
        String d = detail.length() > 4000 ? detail.substring(0, 4000) + "..." : detail;
        return new SandboxVerdict(request.candidateId(), outcome, d, 0, List.of(), List.of(),
                Duration.ofNanos(System.nanoTime() - started));
    }

    static void keep(Path dir, SandboxVerdict verdict) {
        Properties p = new Properties();
        p.setProperty(WorkerProtocol.KEY_CANDIDATE, verdict.candidateId());
        p.setProperty(WorkerProtocol.KEY_OUTCOME, verdict.outcome().name());
        p.setProperty(WorkerProtocol.KEY_DETAIL, verdict.detail());
        p.setProperty(WorkerProtocol.KEY_TESTS_RUN, Integer.toString(verdict.testsRun()));
        p.setProperty(WorkerProtocol.KEY_ORIGINAL_NANOS, WorkerProtocol.join(verdict.originalNanos()));
        p.setProperty(WorkerProtocol.KEY_MUTANT_NANOS, WorkerProtocol.join(verdict.mutantNanos()));
        try {
            WorkerProtocol.write(dir.resolve(WorkerProtocol.RESULT_FILE), p);
        } catch (IOException e) {
            LOG.debug("cannot keep the result in {}: {}", dir, e.toString());
        }
    }
}
