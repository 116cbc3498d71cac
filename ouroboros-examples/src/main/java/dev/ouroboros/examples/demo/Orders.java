package dev.ouroboros.examples.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Generates a realistic day of orders for the demo, the same ones for the same seed. */
public final class Orders {

    private static final String[] NAMES = {"Ada Lovelace", "Grace Hopper", "Hopper, Grace", "Alan \"The\" Turing",
        "Barbara Liskov", "Edsger Dijkstra", "Katherine Johnson", "Donald Knuth", "Frances Allen", "Tony Hoare"};

    private Orders() {
    }

    /** Returns {@code count} orders drawn from a seeded generator. */
    public static List<Order> sample(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Order> orders = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long amount = random.nextInt(10) == 0 ? -random.nextLong(5_000) : random.nextLong(250_000);
            orders.add(new Order(100_000 + i, NAMES[random.nextInt(NAMES.length)], amount));
        }
        return orders;
    }
}
