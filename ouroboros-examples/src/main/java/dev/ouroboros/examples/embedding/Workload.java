package dev.ouroboros.examples.embedding;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The example program's own work: a thread that summarizes the same log again and again, checks every
 * summary against the first one, and counts summaries so that throughput can be read at any time.
 */
final class Workload {

    private final List<String> lines;
    private final TrafficSummary expected;
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong mismatches = new AtomicLong();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private Thread thread;

    private Workload(List<String> lines, TrafficSummary expected) {
        this.lines = lines;
        this.expected = expected;
    }

    /** Starts summarizing {@code lines} on a daemon thread; every result must equal {@code expected}. */
    static Workload start(List<String> lines, TrafficSummary expected) {
        Workload workload = new Workload(lines, expected);
        workload.thread = new Thread(workload::run, "access-log-workload");
        workload.thread.setDaemon(true);
        workload.thread.start();
        return workload;
    }

    private void run() {
        while (true) {
            if (!AccessLog.summarize(lines).equals(expected)) {
                mismatches.incrementAndGet();
            }
            done.incrementAndGet();
        }
    }

    /** Summaries finished so far. */
    long done() {
        return done.get();
    }

    /** Summaries that differed from the expected one. */
    long mismatches() {
        return mismatches.get();
    }

    /**
     * What the workload achieved over some one-second windows.
     *
     * @param perSecond   summaries per second of wall time, the median of the windows
     * @param cpuMicros   CPU time of the workload thread per summary, in microseconds, over all windows:
     *                    unlike wall time, it barely moves when other programs load the machine
     * @param windows     how many windows were measured
     */
    record Measurement(double perSecond, double cpuMicros, int windows) {
    }

    /** Measures {@code seconds} one-second windows, on the calling thread. */
    Measurement measure(int seconds) throws InterruptedException {
        double[] rates = new double[seconds];
        long firstCount = done.get();
        long firstCpu = threads.getThreadCpuTime(thread.getId());
        for (int i = 0; i < seconds; i++) {
            long count = done.get();
            long start = System.nanoTime();
            Thread.sleep(1000);
            rates[i] = (done.get() - count) * 1e9 / (System.nanoTime() - start);
        }
        long cpu = threads.getThreadCpuTime(thread.getId()) - firstCpu;
        long count = done.get() - firstCount;
        Arrays.sort(rates);
        double median = seconds % 2 == 1 ? rates[seconds / 2] : (rates[seconds / 2 - 1] + rates[seconds / 2]) / 2;
        return new Measurement(median, count == 0 ? Double.NaN : cpu / 1e3 / count, seconds);
    }
}
