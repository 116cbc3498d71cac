package dev.ouroboros.core;

import dev.ouroboros.core.internal.WinnerApplier;
import dev.ouroboros.genome.OuroborosException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Winners waiting for a person: approve applies one to the running program, reject drops it.
 *
 * <p>Filled by cycles in {@link ApprovalMode#MANUAL} and {@link ApprovalMode#APPROVE_MAJOR} mode;
 * reachable from code ({@link OuroborosEngine#approvals()}) and from JMX
 * ({@code dev.ouroboros:type=Engine}). The queue is journaled in the data directory and rebuilt after a
 * restart. An approval is refused when the class changed since the winner was evaluated, so an old
 * approval can never revert a newer swap.
 */
public final class ApprovalQueue {

    private final Map<String, WinnerApplier.Prepared> pending = new LinkedHashMap<>();
    private final WinnerApplier applier;

    ApprovalQueue(WinnerApplier applier) {
        this.applier = applier;
    }

    /** Returns the winners waiting for a decision, oldest first. */
    public synchronized List<PendingApproval> pending() {
        return new ArrayList<>(pending.values().stream().map(WinnerApplier.Prepared::approval).toList());
    }

    /**
     * Approves a pending winner and swaps it in, under the regression watch unless {@code watch=false}; returns
     * once the watch decided.
     *
     * @param approver who approved, recorded with the {@code SelectionApproved} marker
     * @return the winner; {@link Winner#applied()} is false when the watch rolled it back
     * @throws OuroborosException when the id is unknown, the class changed since, or the swap is refused
     */
    public Winner approve(String id, String approver) {
        Objects.requireNonNull(approver, "approver must not be null");
        WinnerApplier.Prepared prepared = take(id);
        return applier.apply(prepared, approver).winner();
    }

    /**
     * Rejects a pending winner; nothing changes in the running program.
     *
     * @throws OuroborosException when the id is unknown
     */
    public PendingApproval reject(String id, String reason) {
        Objects.requireNonNull(reason, "reason must not be null");
        WinnerApplier.Prepared prepared = take(id);
        applier.rejected(prepared, reason);
        return prepared.approval();
    }

    synchronized void add(WinnerApplier.Prepared prepared) {
        pending.put(prepared.approval().id(), prepared);
    }

    private synchronized WinnerApplier.Prepared take(String id) {
        WinnerApplier.Prepared prepared = pending.remove(id);
        if (prepared == null) {
            throw new OuroborosException("no pending approval with id '" + id + "'; pending: " + pending.keySet());
        }
        return prepared;
    }
}
