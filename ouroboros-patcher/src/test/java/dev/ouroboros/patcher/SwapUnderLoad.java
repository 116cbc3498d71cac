package dev.ouroboros.patcher;

import static dev.ouroboros.patcher.LiveScenarios.fact;
import static dev.ouroboros.patcher.LiveScenarios.fingerprint;

import dev.ouroboros.patcher.fixture.Pulse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Swap under load, run inside the forked JVM: 16 threads call {@link Pulse#value()} while the main thread
 * applies and rolls back a new version over and over. Every call must return the old or the new value,
 * no call may fail, and the class must end on its original bytes.
 */
final class SwapUnderLoad {

    private static final int THREADS = 16;

    private SwapUnderLoad() {
    }

    static void run(LivePatcher patcher, int cycles) throws InterruptedException {
        byte[] patched = LiveScenarios.variant("pulse-2");
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong calls = new AtomicLong();
        AtomicLong foreign = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        AtomicLong seenMask = new AtomicLong();
        List<Thread> callers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            Thread caller = new Thread(() -> call(stop, calls, foreign, failures, seenMask), "caller-" + t);
            caller.setDaemon(true);
            callers.add(caller);
            caller.start();
        }
        long[] pauses = new long[cycles * 2];
        long start = System.nanoTime();
        try {
            for (int i = 0; i < cycles; i++) {
                pauses[2 * i] = patcher.apply(PatchBundle.of("b-load-" + i,
                        new PatchOperation(Pulse.class, patched, "load cycle " + i))).pauseNanos();
                pauses[2 * i + 1] = patcher.rollbackLast().pauseNanos();
            }
        } finally {
            stop.set(true);
            for (Thread caller : callers) {
                caller.join(10_000);
            }
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        Arrays.sort(pauses);
        String original = fingerprint(patcher.versions().originalBytes(Pulse.class).orElseThrow());
        fact("load.cycles", cycles);
        fact("load.calls", calls.get());
        fact("load.failures", failures.get());
        fact("load.foreignResults", foreign.get());
        fact("load.sawOld", (seenMask.get() & 1) != 0);
        fact("load.sawNew", (seenMask.get() & 2) != 0);
        fact("load.valueAfter", Pulse.value());
        fact("load.bytesAreOriginal", fingerprint(patcher.currentBytes(Pulse.class)).equals(original));
        fact("load.runsOriginal", patcher.runs(Pulse.class, 0));
        fact("load.historySize", patcher.versions().history(Pulse.class).size());
        fact("load.millis", millis);
        fact("load.pauseP50Micros", pauses[pauses.length / 2] / 1_000);
        fact("load.pauseP99Micros", pauses[(int) (pauses.length * 0.99)] / 1_000);
    }

    private static void call(AtomicBoolean stop, AtomicLong calls, AtomicLong foreign, AtomicLong failures,
            AtomicLong seenMask) {
        long mask = 0;
        long count = 0;
        while (!stop.get()) {
            for (int i = 0; i < 100; i++) {
                try {
                    int value = Pulse.value();
                    if (value == 1) {
                        mask |= 1;
                    } else if (value == 2) {
                        mask |= 2;
                    } else {
                        foreign.incrementAndGet();
                    }
                } catch (Throwable t) {
                    failures.incrementAndGet();
                }
                count++;
            }
            // A short park between bursts lets the swapping thread reach its safepoints on a 2-core machine.
            LockSupport.parkNanos(500_000);
        }
        calls.addAndGet(count);
        long finalMask = mask;
        seenMask.accumulateAndGet(finalMask, (a, b) -> a | b);
    }
}
