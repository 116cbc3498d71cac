package dev.ouroboros.mutation;

import java.util.Map;
import java.util.TreeMap;

/**
 * The benchmark's per-operator clock: CPU time of the calling thread spent counting an operator's
 * points and making its candidates (on a shared machine wall time mostly measures the other load),
 * and how many candidates came out. Off unless {@code Mutator.Builder#timeOperators}
 * turns it on; calls from several threads are serialized.
 */
final class OperatorClock {

    /**
     * One operator's totals.
     *
     * @param nanos      thread CPU time counting points and making candidates, in nanoseconds
     * @param candidates candidates made
     */
    record Time(long nanos, long candidates) {
    }

    /** How a candidate's text was made, fastest first. */
    enum Route {
        /** written straight into the text, no printer */
        TEXT,
        /** the changed statement printed lexically */
        PRINTED_STATEMENT,
        /** the member parsed afresh */
        MEMBER,
        /** the whole unit parsed afresh */
        UNIT
    }

    private final Map<String, Time> times = new TreeMap<>();
    private final Map<String, int[]> routes = new TreeMap<>();

    synchronized void route(String operator, Route route) {
        routes.computeIfAbsent(operator, k -> new int[Route.values().length])[route.ordinal()]++;
    }

    /** Returns, per operator, how many candidates took each route ("text 10, printed 2"). */
    synchronized Map<String, String> routes() {
        Map<String, String> out = new TreeMap<>();
        routes.forEach((op, n) -> {
            StringBuilder s = new StringBuilder();
            for (Route r : Route.values()) {
                if (n[r.ordinal()] > 0) {
                    s.append(s.length() == 0 ? "" : ", ").append(r.name().toLowerCase(java.util.Locale.ROOT))
                            .append(' ').append(n[r.ordinal()]);
                }
            }
            out.put(op, s.toString());
        });
        return out;
    }

    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();

    /** Returns the calling thread's CPU time in nanoseconds. */
    long now() {
        return THREADS.getCurrentThreadCpuTime();
    }

    synchronized void add(String operator, long nanos, boolean made) {
        times.merge(operator, new Time(nanos, made ? 1 : 0),
                (a, b) -> new Time(a.nanos() + b.nanos(), a.candidates() + b.candidates()));
    }

    synchronized Map<String, Time> times() {
        return Map.copyOf(times);
    }
}
