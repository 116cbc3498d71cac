package dev.ouroboros.examples.http;

import static dev.ouroboros.examples.ExampleArgs.option;

import dev.ouroboros.core.EvolutionConfig;
import dev.ouroboros.core.EvolutionListener;
import dev.ouroboros.core.EvolutionOutcome;
import dev.ouroboros.core.EvolutionResult;
import dev.ouroboros.core.OuroborosEngine;
import dev.ouroboros.core.Winner;
import dev.ouroboros.mutation.MutationCandidate;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The HTTP-service example: an invoice service on the JDK's {@code HttpServer} (loopback only) under a
 * steady load, evolved live by the Ouroboros agent.
 *
 * <p>The agent (its options name {@link InvoiceRenderer#render} as the target) rewrites the quadratic
 * rendering, proves the rewrite with the service's own unit tests in sandbox worker JVMs and swaps it
 * in under the regression watch; the example prints the request latency percentiles before and after.
 * Then it forces a regression: a second engine evolves {@link InvoiceParser#parse} with the exploratory
 * {@code statement-delete} operator. Deleting the line-cleaning statement passes the unit tests (they
 * use clean lines) and is faster on them, but the real clients type blanks after the commas: the watch
 * sees the requests fail and rolls the winner back by itself, to the exact prior bytes.
 *
 * <p>Options: {@code --report FILE} writes the figures as properties and the live class bytes next to
 * it (used by the end-to-end test); {@code --after-seconds N} how long to measure each "after" period
 * (default 3). Exit codes: 0 when the rendering was swapped in and the forced regression was rolled back
 * with no failed request afterwards; 1 otherwise; 2 when the agent is not attached.
 */
public final class HttpServiceApp {

    private static final int LINES_PER_INVOICE = 1_000;

    private HttpServiceApp() {
    }

    public static void main(String[] args) throws Exception {
        Path report = option(args, "--report").map(Path::of).orElse(null);
        long afterNanos = TimeUnit.SECONDS.toNanos(option(args, "--after-seconds").map(Long::parseLong).orElse(3L));
        LatencyLog log = new LatencyLog();
        try (InvoiceService service = new InvoiceService();
                LoadGenerator load = new LoadGenerator(service.port(), 2, LINES_PER_INVOICE, log)) {
            long started = System.nanoTime();
            load.start();
            System.out.printf(Locale.ROOT, "http: invoice service on http://127.0.0.1:%d/invoice, 2 clients sending"
                    + " %,d-line invoices%n", service.port(), LINES_PER_INVOICE);
            Optional<OuroborosEngine> attached = OuroborosEngine.attached();
            if (attached.isEmpty()) {
                System.err.println("http: the Ouroboros agent is not attached; run the example with the command in"
                        + " docs/examples.md");
                sleep(3_000);
                System.out.println("http: without Ouroboros: " + log.between(started, System.nanoTime()).line());
                System.exit(2);
            }
            OuroborosEngine agent = attached.get();
            AtomicLong firstCandidate = new AtomicLong(Long.MAX_VALUE);
            CompletableFuture<EvolutionResult> done = new CompletableFuture<>();
            agent.addListener(new EvolutionListener() {
                @Override
                public void onMutationGenerated(String cycleId, MutationCandidate candidate) {
                    firstCandidate.compareAndSet(Long.MAX_VALUE, System.nanoTime());
                }

                @Override
                public void onCycleComplete(EvolutionResult result) {
                    done.complete(result);
                }
            });
            agent.results().stream().findFirst().ifPresent(done::complete);
            EvolutionResult swap;
            try {
                swap = done.get(10, TimeUnit.MINUTES);
            } catch (TimeoutException e) {
                System.err.println("http: no cycle finished within 10 minutes");
                System.exit(1);
                return;
            }
            long swapDone = System.nanoTime();
            sleep(TimeUnit.NANOSECONDS.toMillis(afterNanos));
            // "Before" skips the first second (JIT warm-up) and ends when the engine starts compiling and
            // testing candidates, which competes for the same cores.
            LatencyLog.Summary before = log.between(started + 1_000_000_000L, Math.min(firstCandidate.get(), swapDone));
            LatencyLog.Summary after = log.between(swapDone, System.nanoTime());

            EvolutionResult forced;
            long forcedDone;
            try (OuroborosEngine regression = OuroborosEngine.builder().config(forcedRegression(agent.config()))
                    .name("forced-regression").build()) {
                forced = regression.runCycle();
                forcedDone = System.nanoTime();
                sleep(TimeUnit.NANOSECONDS.toMillis(afterNanos));
                if (report != null) {
                    Files.write(sibling(report, "parser.live.class"), regression.liveClassBytes(InvoiceParser.class));
                }
            }
            LatencyLog.Summary duringWatch = log.between(swapDone + afterNanos, forcedDone);
            LatencyLog.Summary afterRollback = log.between(forcedDone, System.nanoTime());
            boolean swapped = swap.outcome() == EvolutionOutcome.IMPROVED
                    && swap.winner().map(Winner::applied).orElse(false);

            System.out.println();
            System.out.println("=== Ouroboros HTTP service example ===");
            System.out.println("swap          : " + swap.outcome() + " - " + swap.message());
            System.out.println("before swap   : " + before.line());
            System.out.println("after swap    : " + after.line());
            System.out.println("forced regression: " + forced.outcome() + " - " + forced.message());
            System.out.println("during it     : " + duringWatch.line());
            System.out.println("after rollback: " + afterRollback.line());
            if (report != null) {
                Files.write(sibling(report, "renderer.live.class"), agent.liveClassBytes(InvoiceRenderer.class));
                write(report, swap, forced, swapped, before, after, duringWatch, afterRollback);
            }
            boolean ok = swapped && forced.outcome() == EvolutionOutcome.ROLLED_BACK && afterRollback.failed() == 0
                    && afterRollback.requests() > 0;
            System.exit(ok ? 0 : 1);
        }
    }

    /**
     * The second engine: the parser, the exploratory statement deletions, a short watch window. Source,
     * class path and timing rounds are the agent's.
     */
    private static EvolutionConfig forcedRegression(EvolutionConfig agent) {
        return EvolutionConfig.builder().sourceRoots(agent.sourceRoots().toArray(Path[]::new))
                .target(InvoiceParser.class.getName() + "#parse").operators("statement-delete")
                .classpath(agent.classpath()).warmupRounds(agent.warmupRounds()).measuredRounds(agent.measuredRounds())
                .dataDirectory(agent.dataDirectory().resolveSibling(agent.dataDirectory().getFileName() + "-forced"))
                .jmx(false).verbose(agent.verbose()).watchWindow(Duration.ofMillis(500)).watchMinCalls(20)
                .watchMaxWindows(40)
                // Forced: the differential check on generated inputs could reject the deletion before it ever
                // ran here; switched off so that this regression reaches the watch, the last gate.
                .differential(false).build();
    }

    private static void write(Path report, EvolutionResult swap, EvolutionResult forced, boolean swapped,
            LatencyLog.Summary before, LatencyLog.Summary after, LatencyLog.Summary during,
            LatencyLog.Summary afterRollback) throws IOException {
        Properties p = new Properties();
        p.setProperty("swap_outcome", swap.outcome().name());
        p.setProperty("swap_message", swap.message());
        p.setProperty("swapped", String.valueOf(swapped));
        p.setProperty("forced_outcome", forced.outcome().name());
        p.setProperty("forced_message", forced.message());
        put(p, "before", before);
        put(p, "after", after);
        put(p, "during_watch", during);
        put(p, "after_rollback", afterRollback);
        p.setProperty("parser_live_class", sibling(report, "parser.live.class").toString());
        p.setProperty("renderer_live_class", sibling(report, "renderer.live.class").toString());
        try (OutputStream out = Files.newOutputStream(report)) {
            p.store(out, "Ouroboros HTTP service example report");
        }
    }

    private static void put(Properties p, String period, LatencyLog.Summary s) {
        p.setProperty(period + "_requests", String.valueOf(s.requests()));
        p.setProperty(period + "_failed", String.valueOf(s.failed()));
        p.setProperty(period + "_p50_ms", String.format(Locale.ROOT, "%.3f", s.p50()));
        p.setProperty(period + "_p90_ms", String.format(Locale.ROOT, "%.3f", s.p90()));
        p.setProperty(period + "_p99_ms", String.format(Locale.ROOT, "%.3f", s.p99()));
    }

    private static Path sibling(Path report, String suffix) {
        return report.resolveSibling(report.getFileName() + "." + suffix);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
