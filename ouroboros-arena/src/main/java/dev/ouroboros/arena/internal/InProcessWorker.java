package dev.ouroboros.arena.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The in-process sandbox: the same steps as a worker JVM ({@link WorkerSession}: tests, differential
 * gate, timing) in fresh child-first loaders inside the host JVM, for candidates of
 * semantics-preserving operators only (the host's {@code Sandbox} refuses the others before they
 * get here). One candidate at a time, on a thread of its own: the watchdog's time, budget and heap
 * limits stop that thread instead of halting a JVM. There is no output capture (the host's
 * {@code System.out} is left alone) and leaked threads stay in the host; both are why this mode is
 * off by default.
 */
public final class InProcessWorker {

    private static final long STOP_GRACE_MILLIS = 500;

    private final ClassLoader parent;
    private final WorkerProgress progress = new WorkerProgress();
    private final OutputCapture output = new OutputCapture();
    private final Map<String, WorkerSession.OriginalRun> provenOriginals = new HashMap<>();
    private final AtomicReference<Properties> reported = new AtomicReference<>();
    private final WorkerWatchdog watchdog;
    private TestRunner runner;
    private volatile Thread candidateThread;

    /** @param parent the loader that sees the user's test class path (application, tests, JUnit) */
    public InProcessWorker(ClassLoader parent) {
        this.parent = parent;
        this.watchdog = new WorkerWatchdog((verb, p) -> reported.compareAndSet(null, p), status -> stopCandidate(),
                progress);
        watchdog.start();
    }

    /**
     * Evaluates one request (the worker protocol's {@code EVAL} payload) within {@code budgetMillis}.
     *
     * @return the result properties, as a worker would have sent them
     * @throws IllegalStateException when the JUnit Platform Launcher is not on the host's class path
     */
    public synchronized Properties evaluate(Properties request, long budgetMillis) throws InterruptedException {
        if (runner == null) {
            try {
                runner = new TestRunner(progress);
            } catch (LinkageError e) {
                throw new IllegalStateException("the in-process sandbox needs the JUnit Platform Launcher on the host's"
                        + " class path (org.junit.platform:junit-platform-launcher): " + WorkerProtocol.describe(e), e);
            }
        }
        String id = request.getProperty(WorkerProtocol.KEY_CANDIDATE, "");
        reported.set(null);
        progress.phase("starting");
        watchdog.begin(id, budgetMillis);
        Thread t = new Thread(() -> run(request), "ouroboros-in-process-" + id);
        t.setDaemon(true);
        candidateThread = t;
        t.start();
        t.join(budgetMillis + STOP_GRACE_MILLIS * 4);
        if (t.isAlive()) {
            watchdog.abort(WorkerProtocol.TIMED_OUT, "the candidate's budget ran out, during " + progress.describe());
            t.join(STOP_GRACE_MILLIS);
        }
        candidateThread = null;
        Properties result = reported.get();
        if (result == null) {
            result = WorkerSession.result(WorkerProtocol.WORKER_CRASHED, "the in-process evaluation ended without a result"
                    + (t.isAlive() ? " and its thread could not be stopped" : ""), 0);
        }
        result.setProperty(WorkerProtocol.KEY_CANDIDATE, id);
        result.setProperty(WorkerProtocol.KEY_PROTOCOL, String.valueOf(WorkerProtocol.VERSION));
        return result;
    }

    private void run(Properties request) {
        Properties result;
        try {
            result = new WorkerSession(request, runner, progress, watchdog, output, provenOriginals, parent, true).evaluate();
        } catch (ThreadDeath stopped) {
            return; // the watchdog stopped this candidate after reporting it
        } catch (Throwable t) {
            result = WorkerSession.result(WorkerProtocol.WORKER_CRASHED, "the in-process evaluation failed during "
                    + progress.describe() + ": " + WorkerProtocol.describe(t), 0);
        }
        progress.test(null);
        watchdog.complete(result);
    }

    @SuppressWarnings({"deprecation", "removal"})
    private void stopCandidate() {
        Thread t = candidateThread;
        if (t != null && t.isAlive()) {
            try {
                t.stop();
            } catch (UnsupportedOperationException e) {
                t.interrupt();
            }
        }
    }
}
