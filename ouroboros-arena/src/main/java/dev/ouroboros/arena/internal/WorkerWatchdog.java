package dev.ouroboros.arena.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import java.util.Properties;
import java.util.function.BiConsumer;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;

/**
 * Enforces a worker's per-candidate limits from a daemon thread: the candidate's overall budget,
 * the time limit of the current mutant run, and heap use. When a limit is hit it reports the
 * candidate's verdict itself and halts the JVM, because the thread that runs the candidate cannot
 * be trusted to come back; the host then replaces the worker.
 *
 * <p>Memory: after each garbage collection, the old generation's occupancy is compared with 90% of
 * its maximum ({@link MemoryPoolMXBean#getCollectionUsage()}, so garbage does not count). The JVM's
 * {@code -XX:+ExitOnOutOfMemoryError} stays as the backstop for allocations faster than the check.
 */
final class WorkerWatchdog {

    static final double HEAP_FRACTION = 0.9;
    private static final long TICK_MILLIS = 5;

    private final BiConsumer<String, Properties> link;
    private final IntConsumer halt;
    private final WorkerProgress progress;
    private final MemoryPoolMXBean oldGeneration;
    private final long memoryThreshold;

    private String candidateId;
    private long candidateDeadline;
    private long runDeadline;
    private String runLimit;
    private boolean done = true;

    WorkerWatchdog(WorkerLink link, WorkerProgress progress) {
        this(link::send, Runtime.getRuntime()::halt, progress);
    }

    /**
     * A watchdog that reports through {@code send} and ends a candidate through {@code halt} (with
     * a worker exit status): the worker halts its JVM; the in-process sandbox stops the candidate's thread.
     */
    WorkerWatchdog(BiConsumer<String, Properties> send, IntConsumer halt, WorkerProgress progress) {
        this.link = send;
        this.halt = halt;
        this.progress = progress;
        Optional<MemoryPoolMXBean> old = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP && p.isCollectionUsageThresholdSupported())
                .filter(p -> p.getUsage().getMax() > 0)
                .max(Comparator.comparingLong(p -> p.getUsage().getMax()));
        this.oldGeneration = old.orElse(null);
        this.memoryThreshold = old.map(p -> (long) (p.getUsage().getMax() * HEAP_FRACTION)).orElse(Long.MAX_VALUE);
    }

    void start() {
        Thread t = new Thread(this::watch, "ouroboros-watchdog");
        t.setDaemon(true);
        t.setPriority(Thread.MAX_PRIORITY);
        t.start();
    }

    /** A candidate starts; it has {@code budgetMillis} in all. */
    synchronized void begin(String id, long budgetMillis) {
        candidateId = id;
        candidateDeadline = System.nanoTime() + budgetMillis * 1_000_000L;
        runDeadline = Long.MAX_VALUE;
        runLimit = null;
        done = false;
    }

    /** The current run may take {@code nanos}; {@code why} explains the figure in a verdict. */
    synchronized void limitRun(long nanos, String why) {
        runDeadline = System.nanoTime() + nanos;
        runLimit = why;
    }

    synchronized void clearRunLimit() {
        runDeadline = Long.MAX_VALUE;
        runLimit = null;
    }

    /**
     * Reports the candidate's result unless the watchdog already did.
     *
     * @return false when the watchdog reported first (the JVM is about to halt)
     */
    boolean complete(Properties result) {
        synchronized (this) {
            if (done) {
                return false;
            }
            done = true;
            result.setProperty(WorkerProtocol.KEY_CANDIDATE, candidateId);
            result.setProperty(WorkerProtocol.KEY_PROTOCOL, String.valueOf(WorkerProtocol.VERSION));
            link.accept(WorkerProtocol.RESULT, result);
        }
        return true;
    }

    /** Ends the current candidate with {@code outcome}, then halts the worker. Never returns normally when a candidate is open. */
    void abort(String outcome, String detail) {
        synchronized (this) {
            if (done) {
                return;
            }
            done = true;
            Properties result = WorkerSession.result(outcome, detail, 0);
            result.setProperty(WorkerProtocol.KEY_RECYCLE, "true");
            result.setProperty(WorkerProtocol.KEY_CANDIDATE, candidateId);
            result.setProperty(WorkerProtocol.KEY_PROTOCOL, String.valueOf(WorkerProtocol.VERSION));
            link.accept(WorkerProtocol.RESULT, result);
        }
        halt.accept(WorkerProtocol.EXIT_ABORTED);
    }

    private void watch() {
        while (true) {
            try {
                Thread.sleep(TICK_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            String timeout = null;
            String memory = null;
            synchronized (this) {
                if (done) {
                    continue;
                }
                long now = System.nanoTime();
                if (now - runDeadline >= 0) {
                    timeout = runLimit;
                } else if (now - candidateDeadline >= 0) {
                    timeout = "the candidate's budget ran out";
                }
            }
            if (oldGeneration != null) {
                java.lang.management.MemoryUsage after = oldGeneration.getCollectionUsage();
                if (after != null && after.getUsed() > memoryThreshold) {
                    memory = String.format(java.util.Locale.ROOT,
                            "heap exhausted: %s held %d MB of %d MB after a garbage collection (limit %.0f%%) during %s",
                            oldGeneration.getName(), after.getUsed() >> 20, after.getMax() >> 20, HEAP_FRACTION * 100,
                            progress.describe());
                }
            }
            if (memory != null) {
                if (isDone()) {
                    // Between candidates: the worker itself is sick; the host replaces it.
                    halt.accept(WorkerProtocol.EXIT_OUT_OF_MEMORY);
                    continue;
                }
                abort(WorkerProtocol.MEMORY_EXHAUSTED, memory);
            } else if (timeout != null) {
                abort(WorkerProtocol.TIMED_OUT, timeout + ", during " + progress.describe() + deadlocks());
            }
        }
    }

    private synchronized boolean isDone() {
        return done;
    }

    /** Names the threads of a deadlock, if there is one; empty otherwise. */
    static String deadlocks() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] ids = threads.findDeadlockedThreads();
        if (ids == null || ids.length == 0) {
            return "";
        }
        return "; deadlock among threads " + Arrays.stream(threads.getThreadInfo(ids))
                .filter(java.util.Objects::nonNull)
                .map(i -> "'" + i.getThreadName() + "' (waits for " + i.getLockName()
                        + (i.getLockOwnerName() == null ? "" : " held by '" + i.getLockOwnerName() + "'") + ")")
                .collect(Collectors.joining(", "));
    }
}
