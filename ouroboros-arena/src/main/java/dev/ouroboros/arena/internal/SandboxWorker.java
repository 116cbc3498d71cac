package dev.ouroboros.arena.internal;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Entry point of a sandbox worker JVM: {@code SandboxWorker <requestDir>}.
 *
 * <p>It reads the request, evaluates the candidate ({@link WorkerSession}), writes
 * {@value WorkerProtocol#RESULT_FILE} atomically and halts with status 0. A daemon guard halts
 * the JVM with status {@value WorkerProtocol#EXIT_DEADLINE} shortly before the host's timeout,
 * after writing a {@code TIMED_OUT} result that says what was running. The worker halts instead
 * of exiting so that threads or shutdown hooks left behind by a candidate cannot keep it alive.
 */
public final class SandboxWorker {

    private final Path requestDir;
    private final String candidateId;
    private final AtomicBoolean finished = new AtomicBoolean();
    private final WorkerProgress progress = new WorkerProgress();

    private SandboxWorker(Path requestDir, String candidateId) {
        this.requestDir = requestDir;
        this.candidateId = candidateId;
    }

    /** Runs one request; see the class comment for the exit statuses. */
    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: SandboxWorker <requestDir>");
            Runtime.getRuntime().halt(WorkerProtocol.EXIT_BAD_REQUEST);
        }
        Path dir = Path.of(args[0]);
        Properties request;
        try {
            request = WorkerProtocol.read(dir.resolve(WorkerProtocol.REQUEST_FILE));
        } catch (IOException e) {
            System.err.println("cannot read the request in " + dir + ": " + e);
            Runtime.getRuntime().halt(WorkerProtocol.EXIT_BAD_REQUEST);
            return;
        }
        String protocol = request.getProperty(WorkerProtocol.KEY_PROTOCOL);
        if (!String.valueOf(WorkerProtocol.VERSION).equals(protocol)) {
            System.err.println("this worker speaks protocol " + WorkerProtocol.VERSION + ", the request is " + protocol);
            Runtime.getRuntime().halt(WorkerProtocol.EXIT_BAD_REQUEST);
        }
        SandboxWorker worker = new SandboxWorker(dir, request.getProperty(WorkerProtocol.KEY_CANDIDATE, ""));
        worker.startGuard(Long.parseLong(request.getProperty(WorkerProtocol.KEY_DEADLINE, "60000")));
        Properties result;
        try {
            result = new WorkerSession(dir, request, worker.progress).evaluate();
        } catch (LinkageError e) {
            String hint = String.valueOf(e.getMessage()).contains("org/junit/platform")
                    ? "the JUnit Platform Launcher is not on the worker class path"
                            + " (add org.junit.platform:junit-platform-launcher to the test class path): "
                    : "the worker could not link its classes during " + worker.progress.describe() + ": ";
            result = WorkerSession.result(WorkerProtocol.WORKER_CRASHED, hint + WorkerProtocol.describe(e), 0);
        } catch (Throwable t) {
            t.printStackTrace();
            result = WorkerSession.result(WorkerProtocol.WORKER_CRASHED,
                    "worker failed during " + worker.progress.describe() + ": " + WorkerProtocol.describe(t), 0);
        }
        worker.finish(result, 0);
    }

    private void startGuard(long deadlineMillis) {
        Thread guard = new Thread(() -> {
            long remaining = deadlineMillis - ManagementFactory.getRuntimeMXBean().getUptime();
            try {
                while (remaining > 0) {
                    Thread.sleep(remaining);
                    remaining = deadlineMillis - ManagementFactory.getRuntimeMXBean().getUptime();
                }
            } catch (InterruptedException e) {
                return;
            }
            finish(WorkerSession.result(WorkerProtocol.TIMED_OUT, "worker deadline of " + deadlineMillis
                    + " ms reached during " + progress.describe(), 0), WorkerProtocol.EXIT_DEADLINE);
        }, "ouroboros-deadline-guard");
        guard.setDaemon(true);
        guard.setPriority(Thread.MAX_PRIORITY);
        guard.start();
    }

    /** Writes the first result only and halts; a later caller (the guard or main) waits to be halted. */
    private void finish(Properties result, int status) {
        if (!finished.compareAndSet(false, true)) {
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return;
        }
        result.setProperty(WorkerProtocol.KEY_PROTOCOL, String.valueOf(WorkerProtocol.VERSION));
        result.setProperty(WorkerProtocol.KEY_CANDIDATE, candidateId);
        int exit = status;
        try {
            WorkerProtocol.writeAtomically(requestDir.resolve(WorkerProtocol.RESULT_FILE), result);
        } catch (IOException | RuntimeException e) {
            System.err.println("cannot write the result: " + e);
            exit = exit == 0 ? 1 : exit;
        }
        System.out.flush();
        System.err.flush();
        Runtime.getRuntime().halt(exit);
    }
}
