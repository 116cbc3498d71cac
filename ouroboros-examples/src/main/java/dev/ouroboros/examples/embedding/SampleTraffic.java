package dev.ouroboros.examples.embedding;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Generates a realistic hour of a shop's web traffic, the same for the same seed. */
public final class SampleTraffic {

    private static final String[] PATHS = {"/", "/products", "/products/1042", "/products/77", "/cart", "/checkout",
        "/api/orders", "/api/orders/55/status", "/static/app.js", "/static/logo.png", "/search", "/login"};
    private static final String[] QUERIES = {"", "", "", "?page=2", "?q=kettle&sort=price", "?utm_source=mail"};
    private static final String[] METHODS = {"GET", "GET", "GET", "GET", "POST", "PUT", "HEAD"};
    private static final int[] STATUSES = {200, 200, 200, 200, 200, 200, 304, 301, 404, 500};
    private static final String[] AGENTS = {"Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15", "curl/8.5.0",
        "Googlebot/2.1 (+http://www.google.com/bot.html)"};
    private static final Instant HOUR = Instant.parse("2026-11-26T13:00:00Z");

    private SampleTraffic() {
    }

    /** Returns {@code count} requests spread over one hour, drawn from a seeded generator. */
    public static List<Request> requests(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Request> requests = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String client = "198.51.100." + random.nextInt(1, 255);
            int status = STATUSES[random.nextInt(STATUSES.length)];
            long bytes = status == 304 || status == 301 ? -1 : random.nextLong(80_000);
            requests.add(new Request(client, HOUR.plusMillis(i * 3_600_000L / count), METHODS[random.nextInt(METHODS.length)],
                    PATHS[random.nextInt(PATHS.length)] + QUERIES[random.nextInt(QUERIES.length)], status, bytes,
                    AGENTS[random.nextInt(AGENTS.length)]));
        }
        return requests;
    }

    /**
     * Returns the log lines of {@link #requests(int, long)}, with one line in every {@code malformedEvery}
     * cut short the way a log rotated mid-write leaves it (0: none).
     */
    public static List<String> logLines(int count, long seed, int malformedEvery) {
        List<String> lines = new ArrayList<>(count);
        for (Request r : requests(count, seed)) {
            String line = r.logLine();
            if (malformedEvery > 0 && lines.size() % malformedEvery == malformedEvery - 1) {
                line = line.substring(0, line.indexOf('"') + 6);
            }
            lines.add(line);
        }
        return lines;
    }
}
