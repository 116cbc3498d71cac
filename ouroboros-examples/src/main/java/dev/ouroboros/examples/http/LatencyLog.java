package dev.ouroboros.examples.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Every request's end time, latency and status, so that any period of the run can be summarised later. */
final class LatencyLog {

    private record Request(long endNanos, long latencyNanos, boolean ok) {
    }

    /** Percentiles of one period, in milliseconds, and how many requests it had and how many failed. */
    record Summary(int requests, int failed, double p50, double p90, double p99) {
        String line() {
            return String.format(Locale.ROOT, "p50 %6.2f ms   p90 %6.2f ms   p99 %6.2f ms   (%,d requests, %d failed)", p50,
                    p90, p99, requests, failed);
        }
    }

    private final List<Request> requests = new ArrayList<>();

    synchronized void record(long endNanos, long latencyNanos, boolean ok) {
        requests.add(new Request(endNanos, latencyNanos, ok));
    }

    /** Summarises the requests that ended in [from, to); latencies of successful requests only. */
    synchronized Summary between(long fromNanos, long toNanos) {
        List<Request> in = requests.stream().filter(r -> r.endNanos() >= fromNanos && r.endNanos() < toNanos).toList();
        long[] ok = in.stream().filter(Request::ok).mapToLong(Request::latencyNanos).sorted().toArray();
        int failed = (int) in.stream().filter(r -> !r.ok()).count();
        return new Summary(in.size(), failed, percentile(ok, 0.50), percentile(ok, 0.90), percentile(ok, 0.99));
    }

    /** Nearest-rank percentile in milliseconds; NaN without requests. */
    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }
}
