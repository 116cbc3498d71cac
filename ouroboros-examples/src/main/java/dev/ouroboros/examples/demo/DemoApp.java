package dev.ouroboros.examples.demo;

import static dev.ouroboros.examples.ExampleArgs.option;
import static dev.ouroboros.examples.ExampleArgs.hasFlag;

import dev.ouroboros.core.EvolutionListener;
import dev.ouroboros.core.EvolutionOutcome;
import dev.ouroboros.core.EvolutionResult;
import dev.ouroboros.core.OuroborosEngine;
import dev.ouroboros.core.PendingApproval;
import dev.ouroboros.core.Winner;
import dev.ouroboros.mutation.MutationCandidate;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Quick start demo: a program with a genuinely slow hot method, run with the Ouroboros agent.
 *
 * <p>A workload thread exports the same day of 2,000 orders to CSV again and again and checks every
 * result against the first one. The agent (started with {@code -javaagent}) profiles the program with
 * JFR, finds {@link OrderReport#toCsv}, rewrites it, proves the rewrite in sandbox worker JVMs and
 * swaps it in. The demo prints the throughput of the same method before and after the swap, measured
 * in this one run, and the diff that was applied.
 *
 * <p>Options: {@code --report FILE} writes the figures as properties and the live class bytes next
 * to it (used by the end-to-end test and {@code scripts/bench skeleton}); {@code --after-seconds N}
 * sets how long to measure after the swap (default 4); {@code --approve-pending} approves the first
 * winner waiting in the approval queue (agent option {@code approval=manual}) through the API.
 *
 * <p>Exit codes: 0 when a winner was swapped in and every output stayed identical; 1 when the cycle
 * ended without a swap; 2 when the agent is not attached; 3 when an output ever differed.
 */
public final class DemoApp {

    private static final int ORDERS = 2_000;

    private DemoApp() {
    }

    public static void main(String[] args) throws Exception {
        Path report = option(args, "--report").map(Path::of).orElse(null);
        int afterSeconds = option(args, "--after-seconds").map(Integer::parseInt).orElse(4);

        List<Order> orders = Orders.sample(ORDERS, 42);
        String expected = OrderReport.toCsv(orders);
        Throughput meter = new Throughput();
        AtomicLong checked = new AtomicLong();
        AtomicLong mismatches = new AtomicLong();
        Thread workload = new Thread(() -> {
            while (true) {
                String csv = OrderReport.toCsv(orders);
                if (!csv.equals(expected)) {
                    mismatches.incrementAndGet();
                }
                checked.incrementAndGet();
                meter.tick();
            }
        }, "demo-workload");
        workload.setDaemon(true);
        long started = System.nanoTime();
        workload.start();
        Thread clock = new Thread(() -> {
            while (true) {
                sleep(1000);
                meter.cut();
            }
        }, "demo-meter");
        clock.setDaemon(true);
        clock.start();

        System.out.printf(Locale.ROOT, "demo: exporting %,d orders to CSV in a loop (OrderReport.toCsv)%n", ORDERS);
        Optional<OuroborosEngine> attached = OuroborosEngine.attached();
        if (attached.isEmpty()) {
            System.err.println("demo: the Ouroboros agent is not attached (see the 'ouroboros:' line above, if any); "
                    + "run the demo with the README's Quick start command");
            sleep(3000);
            System.out.printf(Locale.ROOT, "demo: %.1f exports/s without Ouroboros%n",
                    meter.medianBetween(started, System.nanoTime()));
            System.exit(2);
        }

        OuroborosEngine engine = attached.get();
        CompletableFuture<EvolutionResult> done = new CompletableFuture<>();
        AtomicLong firstCandidateAt = new AtomicLong(Long.MAX_VALUE);
        AtomicLong swappedAt = new AtomicLong(Long.MAX_VALUE);
        engine.addListener(new EvolutionListener() {
            @Override
            public void onMutationGenerated(String cycleId, MutationCandidate candidate) {
                firstCandidateAt.compareAndSet(Long.MAX_VALUE, System.nanoTime());
            }

            @Override
            public void onPatchApplied(String cycleId, Winner winner, long pauseNanos, Instant at) {
                swappedAt.set(System.nanoTime());
            }

            @Override
            public void onCycleComplete(EvolutionResult result) {
                done.complete(result);
            }
        });
        engine.results().stream().findFirst().ifPresent(done::complete);

        EvolutionResult result;
        try {
            result = done.get(10, TimeUnit.MINUTES);
        } catch (TimeoutException e) {
            System.err.println("demo: no cycle finished within 10 minutes");
            System.exit(1);
            return;
        }
        boolean approvedByHand = false;
        if (hasFlag(args, "--approve-pending") && !engine.approvals().pending().isEmpty()) {
            PendingApproval pending = engine.approvals().pending().get(0);
            System.out.println("demo: approving " + pending.id() + " (" + pending.winner().operator() + ", "
                    + pending.severity() + ") through the approval queue");
            engine.approvals().approve(pending.id(), "demo --approve-pending");
            swappedAt.set(System.nanoTime());
            approvedByHand = true;
        }
        boolean applied = result.winner().map(Winner::applied).orElse(false) || approvedByHand;
        if (applied) {
            sleep(afterSeconds * 1000L + 1200);
        }
        long end = System.nanoTime();
        // "Before" excludes the first second (JIT warm-up) and ends when the engine starts compiling
        // and testing candidates, which competes for the same cores.
        double before = meter.medianBetween(started + 1_000_000_000L, Math.min(firstCandidateAt.get(), end));
        double after = applied ? meter.medianBetween(swappedAt.get() + 200_000_000L, end) : Double.NaN;

        System.out.println();
        System.out.println("=== Ouroboros demo ===");
        System.out.println("cycle outcome : " + result.outcome() + " — " + result.message());
        System.out.printf(Locale.ROOT, "before        : %,.1f exports/s (median of %d one-second windows before the cycle)%n",
                before, meter.windowsBetween(started + 1_000_000_000L, Math.min(firstCandidateAt.get(), end)));
        if (applied) {
            System.out.printf(Locale.ROOT, "after         : %,.1f exports/s (median of %d one-second windows after the swap)%n",
                    after, meter.windowsBetween(swappedAt.get() + 200_000_000L, end));
            System.out.printf(Locale.ROOT, "speedup       : %.1fx, measured in this run%n", after / before);
        }
        System.out.printf(Locale.ROOT, "outputs       : %,d exports checked, %d differed from the original's%n",
                checked.get(), mismatches.get());
        result.winner().ifPresent(w -> {
            System.out.println("diff applied  :");
            System.out.println(w.diff());
        });
        if (report != null) {
            writeReport(report, engine, result, applied, before, after, checked.get(), mismatches.get());
        }
        int exit = mismatches.get() > 0 ? 3 : applied && result.outcome() == EvolutionOutcome.IMPROVED ? 0 : 1;
        System.exit(exit);
    }

    private static void writeReport(Path report, OuroborosEngine engine, EvolutionResult result, boolean applied,
            double before, double after, long checked, long mismatches) throws IOException {
        Path liveClass = report.resolveSibling(report.getFileName() + ".live.class");
        Files.write(liveClass, engine.liveClassBytes(OrderReport.class));
        Properties p = new Properties();
        p.setProperty("outcome", result.outcome().name());
        p.setProperty("message", result.message());
        p.setProperty("applied", String.valueOf(applied));
        p.setProperty("pending", String.valueOf(engine.approvals().pending().size()));
        p.setProperty("approval_id", engine.approvals().pending().stream().findFirst().map(PendingApproval::id).orElse(""));
        p.setProperty("operator", result.winner().map(Winner::operator).orElse(""));
        p.setProperty("regions", String.join(";", result.regionIds()));
        p.setProperty("candidates", String.valueOf(result.candidates().size()));
        p.setProperty("before_ops_s", String.format(Locale.ROOT, "%.1f", before));
        p.setProperty("after_ops_s", String.format(Locale.ROOT, "%.1f", after));
        p.setProperty("ratio", String.format(Locale.ROOT, "%.2f", after / before));
        p.setProperty("checked", String.valueOf(checked));
        p.setProperty("mismatches", String.valueOf(mismatches));
        p.setProperty("live_class", liveClass.toString());
        p.setProperty("cycle_ms", String.valueOf(result.duration().toMillis()));
        result.stages().forEach((stage, time) -> p.setProperty("stage_" + stage + "_ms", String.valueOf(time.toMillis())));
        try (OutputStream out = Files.newOutputStream(report)) {
            p.store(out, "Ouroboros demo report");
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
