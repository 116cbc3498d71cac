package dev.ouroboros.arena.internal;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.LongConsumer;

/**
 * Stands in for {@code System.out} and {@code System.err} inside a worker, so that nothing a
 * candidate or its tests print reaches the protocol channel. It counts the bytes of the current test
 * run, keeps the first few hundred for a verdict's detail, and calls its flood handler once when a
 * run passes its limit.
 */
final class OutputCapture {

    private static final int KEEP = 300;

    private final Sink sink = new Sink();
    private volatile long limit = Long.MAX_VALUE;
    private volatile LongConsumer onFlood = bytes -> { };

    /** Points System.out and System.err at this capture. */
    void install() {
        PrintStream stream = new PrintStream(sink, true, StandardCharsets.UTF_8);
        System.setOut(stream);
        System.setErr(stream);
    }

    /** Starts counting a new test run. */
    void startRun(long maxBytes, LongConsumer floodHandler) {
        synchronized (sink) {
            sink.count = 0;
            sink.kept.setLength(0);
            sink.flooded = false;
        }
        this.limit = maxBytes;
        this.onFlood = floodHandler;
    }

    long bytes() {
        synchronized (sink) {
            return sink.count;
        }
    }

    String head() {
        synchronized (sink) {
            return sink.kept.toString();
        }
    }

    private final class Sink extends OutputStream {
        long count;
        boolean flooded;
        final StringBuilder kept = new StringBuilder();

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            boolean fire;
            long total;
            synchronized (this) {
                count += len;
                total = count;
                if (kept.length() < KEEP) {
                    kept.append(new String(b, off, Math.min(len, KEEP - kept.length()), StandardCharsets.UTF_8));
                }
                fire = count > limit && !flooded;
                if (fire) {
                    flooded = true;
                }
            }
            if (fire) {
                onFlood.accept(total);
            }
        }
    }
}
