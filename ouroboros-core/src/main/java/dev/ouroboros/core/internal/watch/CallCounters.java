package dev.ouroboros.core.internal.watch;

import dev.ouroboros.patcher.HealthSample;
import java.util.concurrent.atomic.LongAdder;

/**
 * The counters that instrumented copies of watched methods call: one slot per watched method, with its
 * calls, failures (calls that ended with an exception) and total nanoseconds.
 *
 * <p>Host code calls {@link #exit} and {@link #fail}, so this class must be public and must be the very
 * class the host class's loader resolves by this name ({@link ProbePlan#whyNotProbeable} checks it before any
 * instrumented byte goes live). Slots are never removed or reused: a slot id stays valid for as long as
 * some instrumented code could still run a frame that refers to it. {@link LongAdder}s keep many host
 * threads from contending on one counter.
 */
public final class CallCounters {

    private static final Object REGISTER = new Object();
    private static volatile Slot[] slots = new Slot[0];

    private CallCounters() {
    }

    /** Called by an instrumented method on a normal return. */
    public static void exit(long startNanos, int slot) {
        long elapsed = System.nanoTime() - startNanos;
        Slot s = slots[slot];
        s.nanos.add(elapsed);
        s.calls.increment();
    }

    /** Called by an instrumented method that ends with an exception, right before the exception is rethrown. */
    public static void fail(long startNanos, int slot) {
        long elapsed = System.nanoTime() - startNanos;
        Slot s = slots[slot];
        s.nanos.add(elapsed);
        // Calls before failures, read in the opposite order by sample(): failures never exceed calls.
        s.calls.increment();
        s.failures.increment();
    }

    /** Creates a new slot and returns its id. */
    static int register() {
        synchronized (REGISTER) {
            Slot[] grown = java.util.Arrays.copyOf(slots, slots.length + 1);
            grown[slots.length] = new Slot();
            slots = grown;
            return slots.length - 1;
        }
    }

    /** Sums the counters of the given slots; cumulative, they only grow. */
    static HealthSample sample(int[] ids) {
        Slot[] now = slots;
        long failures = 0;
        long nanos = 0;
        long calls = 0;
        for (int id : ids) {
            failures += now[id].failures.sum();
        }
        for (int id : ids) {
            nanos += now[id].nanos.sum();
        }
        for (int id : ids) {
            calls += now[id].calls.sum();
        }
        return new HealthSample(calls, Math.min(failures, calls), Math.max(0, nanos));
    }

    private static final class Slot {
        final LongAdder calls = new LongAdder();
        final LongAdder failures = new LongAdder();
        final LongAdder nanos = new LongAdder();
    }
}
