package dev.ouroboros.arena.internal;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One daemon thread that runs the differential gate's calls, so that a call past its time can be
 * abandoned and stopped without stopping the caller. A stopped lane starts a new thread for the
 * next call. {@link Thread#stop()} is the only way to end code that never checks for interruption;
 * it is used on candidate code (and on an original that runs too long on a generated input) inside
 * a disposable worker, whose loaders are then thrown away.
 */
final class CallLane implements AutoCloseable {

    private static final long STOP_GRACE_MILLIS = 1000;

    private ExecutorService executor;
    private volatile Thread thread;
    private int started;

    /** Runs {@code call} on the lane's thread and waits at most {@code timeoutNanos} for it. */
    <T> T call(Callable<T> call, long timeoutNanos) throws TimeoutException, ExecutionException, InterruptedException {
        return submit(call).get(Math.max(1, timeoutNanos), TimeUnit.NANOSECONDS);
    }

    /** Starts {@code call} on the lane's thread. */
    <T> Future<T> submit(Callable<T> call) {
        if (executor == null) {
            executor = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "ouroboros-differential-" + (++started));
                t.setDaemon(true);
                thread = t;
                return t;
            });
        }
        return executor.submit(call);
    }

    /**
     * Stops the call that is running past its time and lets the next call start a fresh thread.
     *
     * @return true when the thread ended; false when it survived (it catches {@code ThreadDeath}, or
     *     sits in native code): the worker must then be recycled
     */
    @SuppressWarnings({"deprecation", "removal"})
    boolean kill() {
        Thread t = thread;
        ExecutorService e = executor;
        executor = null;
        thread = null;
        if (e != null) {
            e.shutdownNow();
        }
        if (t == null) {
            return true;
        }
        try {
            t.stop();
        } catch (UnsupportedOperationException | SecurityException x) {
            t.interrupt();
        }
        try {
            t.join(STOP_GRACE_MILLIS);
        } catch (InterruptedException x) {
            Thread.currentThread().interrupt();
        }
        return !t.isAlive();
    }

    /** Ends the lane's thread after its last call. */
    @Override
    public void close() {
        if (executor != null) {
            executor.shutdown();
            try {
                if (!executor.awaitTermination(STOP_GRACE_MILLIS, TimeUnit.MILLISECONDS)) {
                    kill();
                }
            } catch (InterruptedException x) {
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
    }
}
