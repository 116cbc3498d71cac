package dev.ouroboros.core.internal.cli;

import dev.ouroboros.core.CandidateReport;
import dev.ouroboros.core.CandidateStage;
import dev.ouroboros.core.EvolutionListener;
import dev.ouroboros.core.EvolutionResult;
import dev.ouroboros.mutation.MutationCandidate;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The progress of a long {@code evolve} run on standard error: the cycle, candidates tried, passed and
 * rejected by each gate, the best speed-up so far and an estimate of the time left.
 *
 * <p>On a terminal one line is rewritten in place ({@code \r}); otherwise (a pipe, a log file) a full line
 * is printed per candidate so the output stays readable.
 */
final class ProgressDisplay implements EvolutionListener {

    private final PrintStream err;
    private final boolean terminal;
    private final int cycles;
    private final int candidatesPerCycle;
    private final Instant deadline;
    private final LongSupplier nanoTime;
    private final boolean dryRun;
    private final long startNanos;
    private final Map<CandidateStage, Integer> byStage = new EnumMap<>(CandidateStage.class);
    private int cycle;
    private int tried;
    private int evaluated;
    private int evaluatedThisCycle;
    private double best = Double.NaN;
    private int lastWidth;

    /**
     * @param cycles             cycles planned (Integer.MAX_VALUE: until the deadline)
     * @param candidatesPerCycle at most this many candidates per cycle
     * @param deadline           when the time budget ends; null when there is none
     * @param dryRun             whether winners become diffs instead of approvals
     */
    ProgressDisplay(PrintStream err, boolean terminal, int cycles, int candidatesPerCycle, Instant deadline,
            LongSupplier nanoTime, boolean dryRun) {
        this.dryRun = dryRun;
        this.err = err;
        this.terminal = terminal;
        this.cycles = cycles;
        this.candidatesPerCycle = candidatesPerCycle;
        this.deadline = deadline;
        this.nanoTime = nanoTime;
        this.startNanos = nanoTime.getAsLong();
    }

    @Override
    public synchronized void onCycleStart(String cycleId, Instant at) {
        cycle++;
        evaluatedThisCycle = 0;
        show("cycle " + cycleId + " started");
    }

    @Override
    public synchronized void onTargetChosen(String cycleId, String regionId, String why) {
        show("target " + regionId + " (" + why + ")");
    }

    @Override
    public synchronized void onMutationGenerated(String cycleId, MutationCandidate candidate) {
        tried++;
    }

    @Override
    public synchronized void onCandidateEvaluated(String cycleId, CandidateReport report) {
        evaluated++;
        evaluatedThisCycle++;
        byStage.merge(report.stage(), 1, Integer::sum);
        if (report.stage() == CandidateStage.FASTER && (Double.isNaN(best) || report.speedup() > best)) {
            best = report.speedup();
        }
        show(report.candidateId() + " " + report.stage());
    }

    @Override
    public synchronized void onCycleComplete(EvolutionResult result) {
        if (terminal) {
            err.print("\r" + " ".repeat(lastWidth) + "\r");
            lastWidth = 0;
        }
        // In a dry run the engine still queues the winner (in the scratch directory); say what it is instead.
        String message = dryRun ? result.winner().map(w -> String.format(Locale.ROOT, "%s on %s, %.2fx faster (dry run: "
                + "written as a diff)", w.operator(), w.regionId(), w.speedup())).orElse(result.message()) : result.message();
        err.println("ouroboros: cycle " + cycle + " " + result.outcome() + ": " + message);
    }

    /** Ends the in-place line so that later output starts on a line of its own. */
    synchronized void finish() {
        if (terminal && lastWidth > 0) {
            err.println();
            lastWidth = 0;
        }
    }

    /** The status line as it is shown now; package-private for tests. */
    synchronized String line(String event) {
        int passed = count(CandidateStage.NOT_FASTER) + count(CandidateStage.FASTER);
        String cycles = this.cycles == Integer.MAX_VALUE ? "" : "/" + this.cycles;
        return String.format(Locale.ROOT, "cycle %d%s | tried %d | passed %d | rejected: compile %d, redefine %d, "
                + "tests %d, sandbox %d, not faster %d | best %s | ETA %s | %s", cycle, cycles, tried, passed,
                count(CandidateStage.COMPILE_FAILED), count(CandidateStage.NOT_REDEFINABLE),
                count(CandidateStage.TESTS_FAILED), count(CandidateStage.SANDBOX_FAILED), count(CandidateStage.NOT_FASTER),
                Double.isNaN(best) ? "-" : String.format(Locale.ROOT, "%.2fx", best), eta(), event);
    }

    private void show(String event) {
        String line = line(event);
        if (terminal) {
            String padded = line.length() < lastWidth ? line + " ".repeat(lastWidth - line.length()) : line;
            err.print("\r" + padded);
            err.flush();
            lastWidth = line.length();
        } else {
            err.println("ouroboros: " + line);
        }
    }

    private int count(CandidateStage stage) {
        return byStage.getOrDefault(stage, 0);
    }

    /** Time left: the average time per candidate times the candidates left, capped by the time budget. */
    private String eta() {
        Duration left = null;
        if (deadline != null) {
            left = Duration.between(Instant.now(), deadline);
        }
        if (evaluated > 0 && cycles != Integer.MAX_VALUE) {
            long perCandidate = (nanoTime.getAsLong() - startNanos) / evaluated;
            long remaining = (long) (cycles - cycle) * candidatesPerCycle + Math.max(0, candidatesPerCycle - evaluatedThisCycle);
            Duration estimate = Duration.ofNanos(perCandidate * remaining);
            left = left == null || estimate.compareTo(left) < 0 ? estimate : left;
        }
        if (left == null) {
            return "?";
        }
        long s = Math.max(0, left.toSeconds());
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s / 60 % 60)
                : s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60) : s + "s";
    }
}
