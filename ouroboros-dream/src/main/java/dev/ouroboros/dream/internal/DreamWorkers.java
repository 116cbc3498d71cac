package dev.ouroboros.dream.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * The threads and processes that do one session's dreaming, and the CPU time they used since they were
 * registered.
 *
 * <p>Threads are measured with {@link ThreadMXBean#getThreadCpuTime(long)}, processes with
 * {@link ProcessHandle.Info#totalCpuDuration()}. A worker that ends between two readings loses the CPU it used
 * since the last reading, except the session thread, which reads its own final CPU time when it finishes.
 */
public final class DreamWorkers {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Map<Thread, long[]> threads = new HashMap<>();
    private final Map<ProcessHandle, long[]> processes = new HashMap<>();
    private long retiredNanos;
    private boolean closed;

    /** Returns whether this JVM can measure the CPU time of threads; without it CPU budgets see zero. */
    public static boolean threadCpuTimeSupported() {
        return THREADS.isThreadCpuTimeSupported() && THREADS.isThreadCpuTimeEnabled();
    }

    /** Starts counting {@code thread}'s CPU time; registering it again changes nothing. */
    public synchronized void register(Thread thread) {
        if (closed || threads.containsKey(thread)) {
            return;
        }
        long now = threadCpu(thread);
        threads.put(thread, new long[] {Math.max(now, 0), Math.max(now, 0)});
    }

    /** Starts counting {@code process}'s CPU time; registering it again changes nothing. */
    public synchronized void register(ProcessHandle process) {
        if (closed || processes.containsKey(process)) {
            return;
        }
        long now = processCpu(process);
        processes.put(process, new long[] {Math.max(now, 0), Math.max(now, 0)});
    }

    /** Returns the CPU time, in nanoseconds, the workers used since registration, reading them now. */
    public synchronized long cpuNanos() {
        long live = refresh(threads, true) + refresh(processes, false);
        return retiredNanos + live;
    }

    /**
     * Reads the calling thread's final CPU time, stops counting every worker, and returns the total in nanoseconds.
     * Called by the session thread when its callback returns.
     */
    public synchronized long finishOnCurrentThread() {
        long[] own = threads.get(Thread.currentThread());
        if (own != null) {
            long now = THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : -1;
            if (now >= own[1]) {
                own[1] = now;
            }
        }
        long total = cpuNanos();
        for (long[] w : threads.values()) {
            retiredNanos += w[1] - w[0];
        }
        for (long[] w : processes.values()) {
            retiredNanos += w[1] - w[0];
        }
        threads.clear();
        processes.clear();
        closed = true;
        return total;
    }

    /** Returns the CPU time used so far as a duration. */
    public Duration cpuTime() {
        return Duration.ofNanos(cpuNanos());
    }

    private <K> long refresh(Map<K, long[]> workers, boolean isThread) {
        long sum = 0;
        for (Iterator<Map.Entry<K, long[]>> it = workers.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<K, long[]> e = it.next();
            long[] w = e.getValue();
            long now = isThread ? threadCpu((Thread) e.getKey()) : processCpu((ProcessHandle) e.getKey());
            if (now < 0) {
                retiredNanos += w[1] - w[0];
                it.remove();
                continue;
            }
            if (now > w[1]) {
                w[1] = now;
            }
            sum += w[1] - w[0];
        }
        return sum;
    }

    private static long threadCpu(Thread thread) {
        if (!thread.isAlive() || !threadCpuTimeSupported()) {
            return -1;
        }
        return THREADS.getThreadCpuTime(thread.getId());
    }

    private static long processCpu(ProcessHandle process) {
        if (!process.isAlive()) {
            return -1;
        }
        return process.info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
    }
}
