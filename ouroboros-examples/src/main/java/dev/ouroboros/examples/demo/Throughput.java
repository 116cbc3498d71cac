package dev.ouroboros.examples.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Counts operations and cuts them into fixed windows, so throughput can be compared across time. */
final class Throughput {

    /** Operations completed in one window, with its start and end in {@link System#nanoTime()} time. */
    record Window(long startNanos, long endNanos, long operations) {
        double perSecond() {
            return operations * 1e9 / (endNanos - startNanos);
        }
    }

    private final AtomicLong operations = new AtomicLong();
    private final List<Window> windows = new ArrayList<>();
    private long windowStart = System.nanoTime();
    private long countAtStart;

    void tick() {
        operations.incrementAndGet();
    }

    /** Closes the current window and opens the next. */
    synchronized void cut() {
        long now = System.nanoTime();
        long count = operations.get();
        windows.add(new Window(windowStart, now, count - countAtStart));
        windowStart = now;
        countAtStart = count;
    }

    /** Median operations per second of the windows that lie entirely in [from, to). */
    synchronized double medianBetween(long fromNanos, long toNanos) {
        double[] rates = windows.stream().filter(w -> w.startNanos() >= fromNanos && w.endNanos() <= toNanos)
                .mapToDouble(Window::perSecond).sorted().toArray();
        if (rates.length == 0) {
            return Double.NaN;
        }
        int mid = rates.length / 2;
        return rates.length % 2 == 1 ? rates[mid] : (rates[mid - 1] + rates[mid]) / 2;
    }

    /** Number of windows that lie entirely in [from, to). */
    synchronized long windowsBetween(long fromNanos, long toNanos) {
        return windows.stream().filter(w -> w.startNanos() >= fromNanos && w.endNanos() <= toNanos).count();
    }
}
