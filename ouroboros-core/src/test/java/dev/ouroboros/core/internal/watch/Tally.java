package dev.ouroboros.core.internal.watch;

import java.util.List;

/** Fixture for input recording: a method that empties the list it is given, one with a wide primitive, one with an opaque argument. */
public final class Tally {

    private Tally() {
    }

    /** Sums the list and then clears it: a recording must keep the list as it was passed. */
    public static long drain(List<Integer> values, long start) {
        long sum = start;
        for (int v : values) {
            sum += v;
        }
        values.clear();
        return sum;
    }

    /** Takes an argument the differential gate cannot rebuild. */
    public static int hash(Thread thread, double weight) {
        return (int) (thread.getName().length() * weight);
    }
}
