package dev.ouroboros.core.internal;

import dev.ouroboros.arena.InMemoryCompiler;
import dev.ouroboros.core.EngineState;
import dev.ouroboros.core.EvolutionConfig;
import dev.ouroboros.core.HistoryStatus;
import dev.ouroboros.core.Winner;
import dev.ouroboros.core.internal.watch.WatchedSwap;
import dev.ouroboros.genome.OuroborosException;
import dev.ouroboros.genome.SourceGenome;
import dev.ouroboros.patcher.LivePatcher;
import dev.ouroboros.patcher.PatchBundle;
import dev.ouroboros.patcher.PatchOperation;
import dev.ouroboros.patcher.PatchRejectedException;
import dev.ouroboros.patcher.PreflightCheck;
import dev.ouroboros.patcher.PreflightReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Re-applies the winners that were live when the program last stopped, after proving again that each
 * still fits: stored bytes match their SHA-256, the running class still matches its source (fidelity),
 * the source still holds the lines the winner's diff replaced, and the bytes are hot-swappable
 * against what runs now. A winner that fails any check is skipped with the reason; nothing half-applies.
 *
 * <p>A winner that passes goes in under the regression watch, as in a cycle (unless {@code watch=false}):
 * the program may now run on other inputs than when the winner was first watched. One that regresses is
 * rolled back to the exact prior bytes, journaled {@code ROLLED_BACK} and no longer marked applied, so the
 * next start does not bring it back. A stop request during the watch restores the prior bytes and leaves
 * the winner marked applied, for the next start to try again.
 */
public final class WinnerReplay {

    private final EvolutionConfig config;
    private final SourceGenome genome;
    private final EngineState state;
    private final LivePatcher patcher;
    private final InMemoryCompiler compiler;
    private final TargetResolver targets;
    private final WinnerApplier applier;

    public WinnerReplay(EvolutionConfig config, SourceGenome genome, EngineState state, LivePatcher patcher,
            InMemoryCompiler compiler, TargetResolver targets, WinnerApplier applier) {
        this.applier = applier;
        this.config = config;
        this.genome = genome;
        this.state = state;
        this.patcher = patcher;
        this.compiler = compiler;
        this.targets = targets;
    }

    /**
     * Re-applies every winner marked applied in the journal, and every winner approved while no engine ran
     * (latest status {@code APPROVED}, never applied: {@code ouroboros approve} on the command line); returns
     * one line per winner saying what happened.
     */
    public List<String> reapplyAll() {
        List<String> lines = new ArrayList<>();
        List<Winner> due = state.winners().winners().stream().filter(w -> w.applied() || state.history()
                .latest(w.candidateId()).map(e -> e.status() == HistoryStatus.APPROVED).orElse(false)).toList();
        for (Winner w : due) {
            try {
                lines.add(reapply(w));
            } catch (OuroborosException | PatchRejectedException e) {
                lines.add("skipped " + w.candidateId() + ": " + e.getMessage());
            }
        }
        return lines;
    }

    private String reapply(Winner w) {
        Map<String, byte[]> stored = state.winners().classBytes(w.candidateId());
        String topLevel = w.regionId().substring(0, w.regionId().indexOf('#')).replaceAll("\\$.*", "");
        String source = genome.sourceText(topLevel);
        for (String removed : removedLines(w.diff())) {
            if (!source.contains(removed)) {
                throw new OuroborosException("the source of " + topLevel + " no longer holds the line the winner replaced: '"
                        + removed.strip() + "'");
            }
        }
        Map<String, Class<?>> live = new LinkedHashMap<>();
        Map<String, byte[]> liveBytes = new LinkedHashMap<>();
        Map<String, byte[]> helpers = new LinkedHashMap<>();
        for (String className : stored.keySet()) {
            Optional<Class<?>> c = targets.findClass(className, ClassLoader.getSystemClassLoader());
            if (c.isEmpty()) {
                // A class the winner brought (a memo table): defined beside the target once every check passed.
                helpers.put(className, stored.get(className));
                continue;
            }
            live.put(className, c.get());
            liveBytes.put(className, patcher.currentBytes(c.get()));
        }
        if (live.isEmpty()) {
            throw new OuroborosException("none of the winner's classes " + stored.keySet() + " is loaded");
        }
        SourceFidelity.verify(compiler, genome, config.classpath(), topLevel, liveBytes);
        List<PatchOperation> ops = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : stored.entrySet()) {
            if (helpers.containsKey(e.getKey())) {
                continue;
            }
            PreflightReport preflight = PreflightCheck.check(liveBytes.get(e.getKey()), e.getValue());
            if (!preflight.redefinable()) {
                throw new OuroborosException("no longer hot-swappable: " + preflight.violations().get(0).message());
            }
            ops.add(PatchOperation.verified(live.get(e.getKey()), e.getValue(), w.classSha256().get(e.getKey()),
                    "re-applied " + w.candidateId()));
        }
        String bundleId = "reapply-" + w.candidateId();
        WatchedSwap.Outcome outcome = applier.swapIn("startup", w.withApplied(true), live.values().iterator().next(),
                helpers, new PatchBundle(bundleId, ops, "re-applied at startup"));
        String what = w.candidateId() + " (" + w.operator() + ") to " + stored.keySet();
        switch (outcome.kind()) {
            case HEALTHY, UNWATCHED -> {
                if (!w.applied()) {
                    state.winners().markApplied(w.candidateId(), true);
                }
                state.history().transition(w.candidateId(), HistoryStatus.APPLIED, "re-applied at startup, bundle "
                        + bundleId + "; " + outcome.detail());
                return "re-applied " + what + "; " + outcome.detail();
            }
            case REGRESSED -> {
                state.winners().markApplied(w.candidateId(), false);
                state.history().transition(w.candidateId(), HistoryStatus.ROLLED_BACK, "re-applied at startup, bundle "
                        + bundleId + ": " + outcome.detail());
                return "rolled back " + what + ": " + outcome.detail() + "; it is no longer re-applied at startup";
            }
            default -> {
                return "not re-applied " + what + ": " + outcome.detail() + "; the next start tries again";
            }
        }
    }

    private static List<String> removedLines(String diff) {
        return diff.lines().filter(l -> l.startsWith("-") && !l.startsWith("---")).map(l -> l.substring(1))
                .filter(l -> !l.isBlank()).toList();
    }
}
