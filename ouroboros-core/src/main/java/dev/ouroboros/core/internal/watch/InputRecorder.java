package dev.ouroboros.core.internal.watch;

import dev.ouroboros.arena.RecordedInput;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

/**
 * Where recording copies of a host method put the arguments of the calls the program makes: one slot per
 * recorded method, each keeping up to its limit of distinct argument tuples as deep copies
 * ({@link RecordedInput#encode}, then {@link RecordedInput#decode}), for the differential gate to replay against every candidate.
 *
 * <p>Host code calls {@link #record}, so this class must be public and must be the very class the host
 * class's loader resolves by this name ({@link InputRecording} checks it before any recording byte goes
 * live). A full or closed slot costs the caller one volatile read. Nothing thrown here reaches the host:
 * arguments that cannot be copied (a type the gate cannot rebuild) are counted with the first reason.
 */
public final class InputRecorder {

    private static final Object REGISTER = new Object();
    private static volatile Slot[] slots = new Slot[0];

    private InputRecorder() {
    }

    /** Called on entry of a recording copy of a method, with the call's arguments boxed. */
    public static void record(int slot, Object[] arguments) {
        Slot s = slots[slot];
        if (s.closed) {
            return;
        }
        try {
            // One encoding per call; only a call not seen before is rebuilt as a deep copy.
            String encoded = RecordedInput.encode(arguments);
            if (s.claim(encoded)) {
                s.add(RecordedInput.decode(s.className, s.methodName, s.descriptor, encoded, s.loader));
            }
        } catch (RuntimeException e) {
            s.refused(e);
        }
    }

    /** Creates a slot that keeps up to {@code limit} distinct inputs of the method; returns its id. */
    static int register(Class<?> owner, String methodName, String descriptor, int limit) {
        synchronized (REGISTER) {
            Slot[] grown = java.util.Arrays.copyOf(slots, slots.length + 1);
            grown[slots.length] = new Slot(owner.getName(), methodName, descriptor, owner.getClassLoader(), limit);
            slots = grown;
            return slots.length - 1;
        }
    }

    /** Tells whether the slot is full or closed. */
    static boolean done(int slot) {
        return slots[slot].closed;
    }

    /** Closes the slot: later calls of a recording copy still running return at once. */
    static void close(int slot) {
        slots[slot].closed = true;
    }

    /** The inputs the slot kept, in the order the program made the calls. */
    static List<RecordedInput> inputs(int slot) {
        Slot s = slots[slot];
        synchronized (s) {
            return List.copyOf(s.inputs);
        }
    }

    /** Why the slot stopped recording early: the first arguments that could not be copied; "" for none. */
    static String refusals(int slot) {
        Slot s = slots[slot];
        long n = s.refused.sum();
        synchronized (s) {
            return n == 0 ? "" : "arguments the gate cannot rebuild (" + s.firstRefusal + ")";
        }
    }

    private static final class Slot {
        final String className;
        final String methodName;
        final String descriptor;
        final ClassLoader loader;
        final int limit;
        final List<RecordedInput> inputs = new ArrayList<>();
        final Set<String> seen = new HashSet<>();
        final LongAdder refused = new LongAdder();
        String firstRefusal;
        volatile boolean closed;

        Slot(String className, String methodName, String descriptor, ClassLoader loader, int limit) {
            this.className = className;
            this.methodName = methodName;
            this.descriptor = descriptor;
            this.loader = loader;
            this.limit = limit;
        }

        /** Tells whether these arguments are new and the slot has room for them, and reserves the room. */
        synchronized boolean claim(String encoded) {
            return !closed && seen.size() < limit && seen.add(encoded);
        }

        synchronized void add(RecordedInput input) {
            if (!closed) {
                inputs.add(input);
                closed = inputs.size() >= limit;
            }
        }

        synchronized void refused(Throwable e) {
            refused.increment();
            if (firstRefusal == null) {
                firstRefusal = String.valueOf(e.getMessage());
                // The same parameter types come every call: one that cannot be copied will not start to be.
                closed = true;
            }
        }
    }
}
