package dev.ouroboros.arena.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fixed number of long-lived worker JVMs. An evaluation {@link #acquire}s a ready worker (waiting
 * for one while all are busy), then {@link #release}s it for the next candidate or {@link #retire}s
 * it when it died, hung, misbehaved or leaked something; a retired worker is destroyed and a
 * replacement starts at once in the background, so the next candidate rarely waits for a JVM.
 */
public final class WorkerPool implements AutoCloseable {

    /** Starts one worker and completes its handshake, or fails with {@link WorkerStartException}. */
    @FunctionalInterface
    public interface Spawner {
        WorkerProcess spawn() throws WorkerStartException;
    }

    /** A worker that could not start or did not complete its handshake. */
    public static final class WorkerStartException extends Exception {
        private static final long serialVersionUID = 1L;
        private final boolean environment;

        /**
         * @param environment true when no process could be started at all (a missing java), false
         *                    when a started worker refused or failed the handshake
         */
        public WorkerStartException(String message, Throwable cause, boolean environment) {
            super(message, cause);
            this.environment = environment;
        }

        public boolean environment() {
            return environment;
        }
    }

    private final Spawner spawner;
    private final int size;
    private final Semaphore permits;
    private final Deque<CompletableFuture<WorkerProcess>> ready = new ArrayDeque<>();
    private final ExecutorService starter = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "ouroboros-worker-starter");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong started = new AtomicLong();
    private final AtomicLong retired = new AtomicLong();
    private volatile boolean closed;

    public WorkerPool(Spawner spawner, int size) {
        this.spawner = spawner;
        this.size = size;
        this.permits = new Semaphore(size, true);
    }

    /** Starts every worker now, in the background, so that the first candidates do not wait for them. */
    public synchronized void warmUp() {
        while (ready.size() < size && permits.availablePermits() == size && !closed) {
            ready.addLast(spawnAsync());
        }
    }

    /**
     * Takes a ready worker, starting one when none is idle; blocks while all workers are busy.
     *
     * @throws WorkerStartException when the worker cannot start; the permit is given back
     */
    public WorkerProcess acquire() throws InterruptedException, WorkerStartException {
        permits.acquire();
        try {
            while (true) {
                CompletableFuture<WorkerProcess> next;
                synchronized (this) {
                    if (closed) {
                        throw new IllegalStateException("the sandbox is closed");
                    }
                    next = ready.pollFirst();
                }
                WorkerProcess worker = next == null ? spawnCounted() : join(next);
                if (worker.isAlive()) {
                    return worker;
                }
                worker.destroy();
                retired.incrementAndGet();
            }
        } catch (InterruptedException | WorkerStartException | RuntimeException e) {
            permits.release();
            throw e;
        }
    }

    /** Gives a healthy worker back for the next candidate. */
    public void release(WorkerProcess worker) {
        synchronized (this) {
            if (!closed) {
                ready.addLast(CompletableFuture.completedFuture(worker));
                permits.release();
                return;
            }
        }
        worker.destroy();
        permits.release();
    }

    /** Destroys a worker that must not take another candidate, and starts its replacement. */
    public void retire(WorkerProcess worker) {
        worker.destroy();
        retired.incrementAndGet();
        synchronized (this) {
            if (!closed) {
                ready.addLast(spawnAsync());
            }
        }
        permits.release();
    }

    /** Worker JVMs started so far (handshakes attempted). */
    public long started() {
        return started.get();
    }

    /** Worker JVMs destroyed so far because they died, hung, misbehaved or leaked. */
    public long retired() {
        return retired.get();
    }

    /**
     * Destroys every idle worker and stops starting new ones; busy workers are destroyed on return. Waits
     * (up to 30 s) for a worker still starting to come up and be destroyed too: without the wait, a
     * replacement spawned just before the close outlived it.
     */
    @Override
    public void close() {
        Deque<CompletableFuture<WorkerProcess>> idle;
        synchronized (this) {
            closed = true;
            idle = new ArrayDeque<>(ready);
            ready.clear();
        }
        CompletableFuture<?>[] destroyed = idle.stream()
                .map(f -> f.thenAccept(WorkerProcess::destroy).exceptionally(e -> null))
                .toArray(CompletableFuture<?>[]::new);
        starter.shutdown();
        try {
            CompletableFuture.allOf(destroyed).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // A worker that neither started nor failed in 30 s: its start completes later and destroys it.
        }
    }

    private CompletableFuture<WorkerProcess> spawnAsync() {
        CompletableFuture<WorkerProcess> f = new CompletableFuture<>();
        starter.execute(() -> {
            try {
                f.complete(spawnCounted());
            } catch (WorkerStartException | RuntimeException e) {
                f.completeExceptionally(e);
            }
        });
        return f;
    }

    private WorkerProcess spawnCounted() throws WorkerStartException {
        started.incrementAndGet();
        return spawner.spawn();
    }

    private static WorkerProcess join(CompletableFuture<WorkerProcess> f) throws InterruptedException, WorkerStartException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WorkerStartException w) {
                throw w;
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
