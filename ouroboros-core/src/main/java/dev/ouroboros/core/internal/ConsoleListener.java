package dev.ouroboros.core.internal;

import dev.ouroboros.core.CandidateReport;
import dev.ouroboros.core.EvolutionListener;
import dev.ouroboros.core.EvolutionResult;
import dev.ouroboros.core.Winner;
import dev.ouroboros.mutation.MutationCandidate;
import java.io.PrintStream;
import java.time.Instant;
import java.util.Locale;

/** Prints one short line per stage, prefixed {@code ouroboros:}, for the {@code verbose} option. */
public final class ConsoleListener implements EvolutionListener {

    private final PrintStream out;

    public ConsoleListener(PrintStream out) {
        this.out = out;
    }

    @Override
    public void onCycleStart(String cycleId, Instant at) {
        out.println("ouroboros: cycle " + cycleId + " started");
    }

    @Override
    public void onTargetChosen(String cycleId, String regionId, String why) {
        out.println("ouroboros: target " + regionId + " (" + why + ")");
    }

    @Override
    public void onMutationGenerated(String cycleId, MutationCandidate c) {
        out.println("ouroboros: candidate " + c.id() + " by " + c.operator() + " at point " + c.point());
    }

    @Override
    public void onCandidateEvaluated(String cycleId, CandidateReport r) {
        String speed = Double.isNaN(r.speedup()) ? "" : String.format(Locale.ROOT, " speedup %.2fx", r.speedup());
        out.println("ouroboros: candidate " + r.candidateId() + " -> " + r.stage() + speed + " " + r.detail());
    }

    @Override
    public void onPatchApplied(String cycleId, Winner w, long pauseNanos, Instant at) {
        out.printf(Locale.ROOT, "ouroboros: swapped in %s (%s), redefineClasses pause %.2f ms%n",
                w.candidateId(), w.operator(), pauseNanos / 1e6);
    }

    @Override
    public void onCycleComplete(EvolutionResult r) {
        out.println("ouroboros: cycle " + r.cycleId() + " " + r.outcome() + ": " + r.message());
    }
}
