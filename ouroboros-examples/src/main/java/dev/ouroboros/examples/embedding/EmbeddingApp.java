package dev.ouroboros.examples.embedding;

import static dev.ouroboros.examples.ExampleArgs.option;

import dev.ouroboros.core.ApprovalMode;
import dev.ouroboros.core.EvolutionConfig;
import dev.ouroboros.core.EvolutionResult;
import dev.ouroboros.core.OuroborosEngine;
import dev.ouroboros.core.PendingApproval;
import dev.ouroboros.core.Winner;
import dev.ouroboros.genome.OuroborosException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * Embedding Ouroboros as a library: the program builds its own engine, in {@code MANUAL} approval mode,
 * and approves the winner through the API.
 *
 * <p>The program summarizes an access log in a loop ({@link AccessLog#summarize}). Without any
 * {@code -javaagent}, it builds an {@link OuroborosEngine} from code (the engine attaches to its own JVM
 * through Byte Buddy), runs one cycle with {@link OuroborosEngine#runCycle()} — JFR finds the hot method,
 * candidates are tested and timed in sandbox worker JVMs — prints the winner waiting in the approval
 * queue with its diff and evidence, approves it with {@code engine.approvals().approve(...)}, and prints
 * the program's own throughput before and after, measured in this run.
 *
 * <p>Options: {@code --source DIR} (default {@code src/main/java}), {@code --data-dir DIR} (default
 * {@code .ouroboros}), {@code --seconds N} one-second windows measured before and after (default 3),
 * {@code --report FILE} writes the figures as properties and the live class bytes before and after the
 * approval next to it (used by the end-to-end test).
 *
 * <p>Exit codes: 0 when the approved winner was swapped in and every summary stayed identical; 1 when the
 * cycle left no winner to approve; 2 when the engine could not be built; 3 when a summary ever differed.
 */
public final class EmbeddingApp {

    private static final int LINES = 2_000;

    private EmbeddingApp() {
    }

    public static void main(String[] args) throws Exception {
        Path source = Path.of(option(args, "--source").orElse("src/main/java"));
        Path dataDir = Path.of(option(args, "--data-dir").orElse(".ouroboros"));
        int seconds = Integer.parseInt(option(args, "--seconds").orElse("3"));
        Path reportFile = option(args, "--report").map(Path::of).orElse(null);

        List<String> lines = SampleTraffic.logLines(LINES, 42, 250);
        TrafficSummary expected = AccessLog.summarize(lines);
        System.out.printf(Locale.ROOT, "embedding: summarizing an access log of %,d lines in a loop (AccessLog.summarize)%n",
                LINES);
        System.out.println("embedding: " + expected.oneLine());
        Workload workload = Workload.start(lines, expected);
        Thread.sleep(2000); // JIT warm-up, not measured
        Workload.Measurement before = workload.measure(seconds);
        System.out.printf(Locale.ROOT, "embedding: %,.1f summaries/s, %,.0f µs CPU each, before Ouroboros%n",
                before.perSecond(), before.cpuMicros());

        EvolutionConfig config = EvolutionConfig.builder()
                .sourceRoots(source)
                .profileDuration(Duration.ofSeconds(3)) // no target: JFR finds the hottest method with source
                .warmupRounds(5)                         // the workload keeps a core busy: time more rounds
                .measuredRounds(20)
                .approval(ApprovalMode.MANUAL)           // every winner waits for approve(...)
                .dataDirectory(dataDir)
                .verbose(true)                           // one "ouroboros:" line per stage on stderr
                .build();
        Properties report = new Properties();
        int exit;
        try (OuroborosEngine engine = OuroborosEngine.builder().name("embedding-example").config(config).build()) {
            exit = evolveAndApprove(engine, workload, before, seconds, reportFile, report);
            if (workload.mismatches() > 0) {
                exit = 3;
            }
            report.setProperty("checked", String.valueOf(workload.done()));
            report.setProperty("mismatches", String.valueOf(workload.mismatches()));
            report.setProperty("summary_now", AccessLog.summarize(lines).oneLine());
            report.setProperty("summary_expected", expected.oneLine());
            System.out.printf(Locale.ROOT, "outputs        : %,d summaries checked, %d differed from the original's%n",
                    workload.done(), workload.mismatches());
        } catch (OuroborosException e) {
            System.err.println("embedding: cannot build the engine: " + e.getMessage());
            exit = 2;
        }
        if (reportFile != null) {
            try (OutputStream out = Files.newOutputStream(reportFile)) {
                report.store(out, "Ouroboros embedding example report");
            }
        }
        System.exit(exit);
    }

    private static int evolveAndApprove(OuroborosEngine engine, Workload workload, Workload.Measurement before, int seconds,
            Path reportFile, Properties report) throws IOException, InterruptedException {
        EvolutionResult result = engine.runCycle();
        report.setProperty("outcome", result.outcome().name());
        report.setProperty("message", result.message());
        System.out.println();
        System.out.println("=== Ouroboros embedding example ===");
        System.out.println("cycle outcome  : " + result.outcome() + " — " + result.message());
        System.out.printf(Locale.ROOT, "cycle time     : %.1f s %s%n", result.duration().toMillis() / 1000.0,
                result.stages().entrySet().stream().map(e -> e.getKey() + " " + e.getValue().toMillis() + " ms").toList());
        report.setProperty("cycle_ms", String.valueOf(result.duration().toMillis()));
        Optional<PendingApproval> mine = engine.approvals().pending().stream()
                .filter(p -> p.cycleId().equals(result.cycleId())).findFirst();
        report.setProperty("pending_before_approve", String.valueOf(engine.approvals().pending().size()));
        if (mine.isEmpty()) {
            System.out.println("nothing to approve: the cycle left no winner in the approval queue");
            return 1;
        }
        PendingApproval pending = mine.get();
        Winner w = pending.winner();
        System.out.println("pending        : " + pending.id() + " — " + w.operator() + " (" + pending.severity()
                + ") on " + w.regionId());
        System.out.printf(Locale.ROOT, "speed-up       : %.2fx on the class's tests (median %.2f ms -> %.2f ms, faster in"
                + " %.0f%% of paired rounds)%n", w.speedup(), w.originalMedianNanos() / 1e6, w.mutantMedianNanos() / 1e6,
                w.mutantWinFraction() * 100);
        System.out.println("evidence       : " + pending.evidence());
        System.out.println("diff           :");
        System.out.println(w.diff());

        byte[] liveBefore = engine.liveClassBytes(AccessLog.class);
        Winner applied;
        try {
            applied = engine.approvals().approve(pending.id(), "embedding example");
        } catch (OuroborosException e) {
            System.out.println("approval refused: " + e.getMessage());
            return 1;
        }
        byte[] liveAfter = engine.liveClassBytes(AccessLog.class);
        System.out.println("approved       : " + pending.id() + " through engine.approvals().approve(...); applied="
                + applied.applied());
        Thread.sleep(1000); // the next calls run the new code; give the JIT a moment with it
        Workload.Measurement after = workload.measure(seconds);
        System.out.printf(Locale.ROOT, "before         : %,.1f summaries/s, %,.0f µs CPU per summary (%d one-second windows"
                + " before the cycle)%n", before.perSecond(), before.cpuMicros(), before.windows());
        System.out.printf(Locale.ROOT, "after          : %,.1f summaries/s, %,.0f µs CPU per summary (%d one-second windows"
                + " after the approval)%n", after.perSecond(), after.cpuMicros(), after.windows());
        System.out.printf(Locale.ROOT, "speed-up       : %.1fx less CPU per summary, %.1fx summaries/s, measured in this run"
                + "%n", before.cpuMicros() / after.cpuMicros(), after.perSecond() / before.perSecond());

        report.setProperty("approval_id", pending.id());
        report.setProperty("operator", w.operator());
        report.setProperty("severity", pending.severity().name());
        report.setProperty("region", w.regionId());
        report.setProperty("applied", String.valueOf(applied.applied()));
        report.setProperty("pending_after_approve", String.valueOf(engine.approvals().pending().size()));
        report.setProperty("before_ops_s", String.format(Locale.ROOT, "%.1f", before.perSecond()));
        report.setProperty("after_ops_s", String.format(Locale.ROOT, "%.1f", after.perSecond()));
        report.setProperty("before_cpu_us", String.format(Locale.ROOT, "%.1f", before.cpuMicros()));
        report.setProperty("after_cpu_us", String.format(Locale.ROOT, "%.1f", after.cpuMicros()));
        report.setProperty("cpu_ratio", String.format(Locale.ROOT, "%.2f", before.cpuMicros() / after.cpuMicros()));
        if (reportFile != null) {
            Path beforeFile = reportFile.resolveSibling(reportFile.getFileName() + ".before.class");
            Path afterFile = reportFile.resolveSibling(reportFile.getFileName() + ".after.class");
            Files.write(beforeFile, liveBefore);
            Files.write(afterFile, liveAfter);
            report.setProperty("live_before", beforeFile.toString());
            report.setProperty("live_after", afterFile.toString());
        }
        return applied.applied() ? 0 : 1;
    }

}
