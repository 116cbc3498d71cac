package dev.ouroboros.examples.bench;

import dev.ouroboros.examples.demo.Order;
import dev.ouroboros.examples.demo.OrderReport;
import dev.ouroboros.examples.demo.Orders;
import java.util.List;
import java.util.Locale;

/**
 * The host-overhead benchmark's workload (not a unit test): exports 200 orders to CSV for the given
 * number of seconds and prints the throughput of the last seconds, after three warm-up seconds. Run once
 * with the agent attached (and not dreaming) and once without, alternately, by {@code scripts/bench core}.
 */
public final class HostWorkload {

    private HostWorkload() {
    }

    public static void main(String[] args) {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 6;
        List<Order> orders = Orders.sample(200, 42);
        long sink = 0;
        long warmEnd = System.nanoTime() + 3_000_000_000L;
        while (System.nanoTime() < warmEnd) {
            sink += OrderReport.toCsv(orders).length();
        }
        long count = 0;
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            sink += OrderReport.toCsv(orders).length();
            count++;
        }
        double perSecond = count * 1e9 / (System.nanoTime() - start);
        System.out.printf(Locale.ROOT, "ops_per_s=%.1f sink=%d%n", perSecond, sink % 10);
        System.exit(0);
    }
}
