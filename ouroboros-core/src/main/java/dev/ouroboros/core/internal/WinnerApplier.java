package dev.ouroboros.core.internal;

import dev.ouroboros.core.EngineState;
import dev.ouroboros.core.EvolutionConfig;
import dev.ouroboros.core.internal.watch.WatchedSwap;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;
import dev.ouroboros.core.HistoryEntry;
import dev.ouroboros.core.HistoryStatus;
import dev.ouroboros.mutation.MutationOperator;
import dev.ouroboros.mutation.MutationSeverity;
import java.util.Optional;
import java.util.function.Supplier;
import dev.ouroboros.core.PendingApproval;
import dev.ouroboros.core.Winner;
import dev.ouroboros.core.WinnerEvidence;
import dev.ouroboros.genome.OuroborosException;
import dev.ouroboros.patcher.ClassFingerprint;
import dev.ouroboros.patcher.LivePatcher;
import dev.ouroboros.patcher.PatchBundle;
import dev.ouroboros.patcher.PatchOperation;
import dev.ouroboros.patcher.PatchRejectedException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Swaps an approved winner into the running program, for automatic approval and for the queue alike.
 *
 * <p>Before swapping it checks that the JVM still runs the code the winner was evaluated against
 * (by {@link ClassFingerprint}), so a late approval never reverts a newer swap. The swap itself goes
 * through the regression watch ({@link WatchedSwap}) unless the configuration turns it off.
 */
public final class WinnerApplier {

    private static final Logger LOG = LoggerFactory.getLogger(WinnerApplier.class);

    /** A winner ready to swap in: the approval shown to people, and the bytes and classes behind it. */
    public record Prepared(PendingApproval approval, Map<String, byte[]> classes, Supplier<Class<?>> liveClass,
            String liveFingerprint) {
        public Prepared {
            classes = new TreeMap<>(classes);
        }
    }

    private final EvolutionConfig config;
    private final BooleanSupplier stopRequested;
    private final LivePatcher patcher;
    private final TargetResolver targets;
    private final Listeners listeners;
    private final EngineState state;
    private final Map<String, String> candidateOfBundle = new ConcurrentHashMap<>();

    public WinnerApplier(EvolutionConfig config, LivePatcher patcher, TargetResolver targets, Listeners listeners,
            EngineState state, BooleanSupplier stopRequested) {
        this.config = config;
        this.stopRequested = stopRequested;
        this.patcher = patcher;
        this.targets = targets;
        this.listeners = listeners;
        this.state = state;
    }

    /**
     * Journals a winner and its class bytes (bytes first, then the record) before anything is decided.
     */
    public void record(Prepared p) {
        record(p, null);
    }

    /** Journals a winner, its class bytes and its timing evidence (null when unknown). */
    public void record(Prepared p, WinnerEvidence evidence) {
        state.winners().record(p.approval().winner(), p.classes(), evidence);
    }

    /** Journals that a winner waits in the approval queue. */
    public void queued(Prepared p) {
        state.history().transition(p.approval().winner().candidateId(), HistoryStatus.PENDING_APPROVAL,
                p.approval().id() + " fingerprint=" + p.liveFingerprint() + " " + p.approval().evidence());
    }

    /**
     * Rebuilds the approval queue from the journal after a restart: every candidate whose latest record is
     * {@code PENDING_APPROVAL}, with its stored (hash-verified) bytes. A pending approval whose bytes fail
     * verification is dropped from the queue with a logged reason, and journaled as rejected.
     */
    public List<Prepared> restorePending() {
        List<Prepared> restored = new ArrayList<>();
        for (HistoryEntry entry : state.history().latestWithStatus(HistoryStatus.PENDING_APPROVAL)) {
            Optional<Winner> winner = state.winners().winner(entry.candidateId());
            if (winner.isEmpty()) {
                continue;
            }
            try {
                Map<String, byte[]> bytes = state.winners().classBytes(entry.candidateId());
                String[] parts = entry.detail().split(" ", 3);
                String id = parts[0];
                String fingerprint = parts.length > 1 ? parts[1].replace("fingerprint=", "") : "";
                String evidence = parts.length > 2 ? parts[2] : "";
                MutationSeverity severity = severityOf(winner.get().operator());
                String className = winner.get().regionId().substring(0, winner.get().regionId().indexOf('#'));
                Supplier<Class<?>> live = () -> targets.loadedClass(className, ClassLoader.getSystemClassLoader());
                restored.add(new Prepared(new PendingApproval(id, entry.cycleId(), winner.get(), severity, evidence,
                        entry.time()), bytes, live, fingerprint));
            } catch (OuroborosException e) {
                LOG.warn("pending approval of candidate {} dropped: {}", entry.candidateId(), e.getMessage());
                state.history().transition(entry.candidateId(), HistoryStatus.REJECTED, "dropped at restart: "
                        + e.getMessage());
            }
        }
        return restored;
    }

    private static MutationSeverity severityOf(String operator) {
        try {
            return MutationOperator.named(operator).severity();
        } catch (IllegalArgumentException e) {
            return MutationSeverity.MAJOR;
        }
    }

    /** Journals that the bundle of an applied winner was rolled back. */
    public void rolledBack(String bundleId) {
        String candidate = candidateOfBundle.remove(bundleId);
        if (candidate != null) {
            state.history().transition(candidate, HistoryStatus.ROLLED_BACK, "bundle " + bundleId + " rolled back");
            state.winners().markApplied(candidate, false);
        }
    }

    /** Fingerprint of the code the JVM runs now for a class. */
    public String fingerprint(Class<?> c) {
        return ClassFingerprint.of(patcher.currentBytes(c));
    }

    /**
     * What became of an approved winner.
     *
     * @param winner the winner, marked applied when its clean bytes run now
     * @param kind   how the swap ended: healthy, unwatched, rolled back after a regression, or aborted
     * @param detail one line about the watch, for the cycle's message
     */
    public record Swap(Winner winner, WatchedSwap.Kind kind, String detail) {
    }

    /**
     * Swaps the winner in, under the regression watch unless {@code watch=false}; returns when its fate is
     * final (at most about the watch's windows, sooner when the engine is stopped).
     *
     * @return the swap's end; a winner that regressed in the program is rolled back and not applied
     * @throws OuroborosException when the class changed since evaluation or the patcher refused
     */
    public Swap apply(Prepared p, String approvedBy) {
        PendingApproval a = p.approval();
        String now = fingerprint(p.liveClass().get());
        if (!now.equals(p.liveFingerprint())) {
            // The approval leaves the queue for good: journaled as rejected, it does not come back at restart.
            state.history().transition(a.winner().candidateId(), HistoryStatus.REJECTED, "stale: "
                    + p.liveClass().get().getName() + " changed since evaluation");
            throw new OuroborosException("approval " + a.id() + " is stale: " + p.liveClass().get().getName()
                    + " changed since candidate " + a.winner().candidateId()
                    + " was evaluated; let a new cycle evaluate it again");
        }
        String candidate = a.winner().candidateId();
        state.history().transition(candidate, HistoryStatus.APPROVED, "approved by " + approvedBy);
        listeners.fire(l -> l.onSelectionApproved(a.cycleId(), a.winner(), approvedBy));
        List<PatchOperation> ops = new ArrayList<>();
        Map<String, byte[]> helpers = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> e : p.classes().entrySet()) {
            Optional<Class<?>> target = targets.findClass(e.getKey(), p.liveClass().get().getClassLoader());
            if (target.isEmpty()) {
                helpers.put(e.getKey(), e.getValue());
                continue;
            }
            ops.add(PatchOperation.verified(target.get(), e.getValue(), a.winner().classSha256().get(e.getKey()),
                    a.winner().operator() + " " + a.winner().candidateId()));
        }
        String bundleId = a.cycleId() + "-" + candidate;
        Winner w = a.winner();
        Winner live = w.withApplied(true);
        PatchBundle bundle = new PatchBundle(bundleId, ops, "cycle " + a.cycleId() + ": " + w.operator()
                + ", approved by " + approvedBy);
        WatchedSwap.Outcome outcome;
        try {
            outcome = swapIn(a.cycleId(), live, p.liveClass().get(), helpers, bundle);
        } catch (PatchRejectedException e) {
            state.history().transition(candidate, HistoryStatus.REJECTED, "patcher: " + e.getMessage());
            throw new OuroborosException("the patcher refused winner " + candidate + ": " + e.getMessage(), e);
        }
        List<String> classes = List.copyOf(p.classes().keySet());
        switch (outcome.kind()) {
            case HEALTHY, UNWATCHED -> {
                state.winners().markApplied(candidate, true);
                state.history().transition(candidate, HistoryStatus.APPLIED, "bundle " + bundleId + ", pause "
                        + outcome.receipt().orElseThrow().pauseNanos() + " ns; " + outcome.detail());
                return new Swap(live, outcome.kind(), outcome.detail());
            }
            case REGRESSED -> {
                state.history().transition(candidate, HistoryStatus.ROLLED_BACK, "bundle " + bundleId + ": "
                        + outcome.detail());
                return new Swap(w, outcome.kind(), outcome.detail());
            }
            default -> {
                if (outcome.pauseNanos() > 0) {
                    state.history().transition(candidate, HistoryStatus.ROLLED_BACK, "bundle " + bundleId + ": "
                            + outcome.detail());
                    listeners.fire(l -> l.onRollbackExecuted(bundleId, classes, outcome.detail()));
                } else {
                    state.history().transition(candidate, HistoryStatus.SKIPPED, outcome.detail());
                }
                return new Swap(w, outcome.kind(), outcome.detail());
            }
        }
    }

    /**
     * Puts a winner's code live, the one way for a cycle's approved winner and a winner re-applied at startup:
     * the classes it brings that the program never had are defined beside {@code neighbour} first (they stay
     * after a rollback), then the bundle is swapped under the regression watch unless {@code watch=false}.
     * Listeners hear the swap that puts the code live and, on a regression, its detection and rollback; a live
     * winner's bundle is remembered so that a later {@link #rolledBack} journals it. Journaling the outcome in
     * the history is the caller's.
     *
     * @throws PatchRejectedException when the patcher refuses a helper or the bundle; then nothing went live
     */
    WatchedSwap.Outcome swapIn(String cycleId, Winner live, Class<?> neighbour, Map<String, byte[]> helpers,
            PatchBundle bundle) {
        helpers.values().forEach(bytes -> patcher.defineHelper(neighbour, bytes));
        LongConsumer onLive = pause -> {
            Instant at = Instant.now();
            listeners.fire(l -> l.onPatchApplied(cycleId, live, pause, at));
        };
        WatchedSwap swap = new WatchedSwap(patcher, config.watchPolicy(), stopRequested);
        WatchedSwap.Outcome outcome = config.watch() ? swap.apply(bundle, onLive)
                : swap.unwatched(bundle, "watch=false", onLive);
        String bundleId = bundle.id();
        switch (outcome.kind()) {
            case HEALTHY, UNWATCHED -> candidateOfBundle.put(bundleId, live.candidateId());
            case REGRESSED -> {
                List<String> classes = bundle.operations().stream().map(op -> op.target().getName()).toList();
                String reason = outcome.regression().orElseThrow().reason();
                listeners.fire(l -> l.onRegressionDetected(bundleId, outcome.detail()));
                listeners.fire(l -> l.onRollbackExecuted(bundleId, classes, "regression watch: " + reason));
            }
            default -> {
            }
        }
        return outcome;
    }

    /** Records that a person rejected the winner; nothing changes in the running program. */
    public void rejected(Prepared p, String reason) {
        state.history().transition(p.approval().winner().candidateId(), HistoryStatus.REJECTED, reason);
        LOG.info("approval {} for candidate {} rejected: {}", p.approval().id(), p.approval().winner().candidateId(),
                reason);
    }
}
