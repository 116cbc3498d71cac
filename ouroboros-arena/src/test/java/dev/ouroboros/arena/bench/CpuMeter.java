package dev.ouroboros.arena.bench;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU time of this JVM and of its child processes (the sandbox's workers) over a window: on a shared
 * machine a measure of the work done, unlike wall time. Workers are sampled every 200 ms, so one that
 * is retired during the window keeps its share up to its last sample.
 */
final class CpuMeter {

    private final long hostStart;
    private final Map<Long, Long> workersAtStart;
    private final Map<Long, Long> workersLast = new HashMap<>();
    private final Thread sampler;
    private volatile boolean stopped;

    private CpuMeter() {
        hostStart = hostNanos();
        workersAtStart = workers();
        sampler = new Thread(() -> {
            while (!stopped) {
                sample();
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-cpu-meter");
        sampler.setDaemon(true);
        sampler.start();
    }

    static CpuMeter start() {
        return new CpuMeter();
    }

    /** Stops sampling; the CPU nanoseconds of the host and its workers since {@link #start()}. */
    long stop() throws InterruptedException {
        stopped = true;
        sampler.join();
        sample();
        long total = hostNanos() - hostStart;
        synchronized (workersLast) {
            for (Map.Entry<Long, Long> e : workersLast.entrySet()) {
                total += e.getValue() - workersAtStart.getOrDefault(e.getKey(), 0L);
            }
        }
        return total;
    }

    private void sample() {
        Map<Long, Long> now = workers();
        synchronized (workersLast) {
            workersLast.putAll(now);
        }
    }

    private static Map<Long, Long> workers() {
        Map<Long, Long> cpu = new HashMap<>();
        ProcessHandle.current().children().forEach(p -> p.info().totalCpuDuration()
                .ifPresent(d -> cpu.put(p.pid(), d.toNanos())));
        return cpu;
    }

    private static long hostNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
