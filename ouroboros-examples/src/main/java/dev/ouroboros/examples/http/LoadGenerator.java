package dev.ouroboros.examples.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A steady load of invoice requests: a few client threads, each sending the next request a couple of
 * milliseconds after the last answer, with bodies as the real clients type them (blanks after commas).
 */
final class LoadGenerator implements AutoCloseable {

    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> clients = new ArrayList<>();

    LoadGenerator(int port, int threads, int linesPerInvoice, LatencyLog log) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        URI uri = URI.create("http://127.0.0.1:" + port + "/invoice?customer=acme-wholesale");
        String body = body(linesPerInvoice, 42);
        for (int i = 0; i < threads; i++) {
            Thread t = new Thread(() -> {
                HttpRequest request = HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString(body))
                        .timeout(Duration.ofSeconds(30)).build();
                while (running.get()) {
                    long start = System.nanoTime();
                    boolean ok;
                    try {
                        ok = http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
                    } catch (java.io.IOException e) {
                        ok = false;
                    } catch (InterruptedException e) {
                        return;
                    }
                    long end = System.nanoTime();
                    log.record(end, end - start, ok);
                    pause(2);
                }
            }, "load-" + i);
            t.setDaemon(true);
            clients.add(t);
        }
    }

    void start() {
        clients.forEach(Thread::start);
    }

    /** An invoice body the way the real clients send it: {@code SKU-00042, 3, 1999} per line. */
    static String body(int lines, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            b.append(String.format(java.util.Locale.ROOT, "SKU-%05d, %d, %d\n", random.nextInt(100_000), 1 + random.nextInt(12),
                    99 + random.nextInt(50_000)));
        }
        return b.toString();
    }

    private void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            running.set(false);
        }
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        for (Thread t : clients) {
            t.join(5_000);
        }
    }
}
