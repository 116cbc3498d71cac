package dev.ouroboros.core.internal;

import dev.ouroboros.core.ApprovalQueue;
import dev.ouroboros.core.EvolutionResult;
import dev.ouroboros.core.OuroborosControlMXBean;
import dev.ouroboros.core.PendingApproval;
import dev.ouroboros.core.Winner;
import dev.ouroboros.genome.OuroborosException;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/** Adapts the engine to {@link OuroborosControlMXBean}; every refusal comes back as a message, not a stack trace. */
public final class EngineMXBean implements OuroborosControlMXBean {

    private final Supplier<List<EvolutionResult>> results;
    private final ApprovalQueue approvals;
    private final Supplier<List<String>> rollback;

    public EngineMXBean(Supplier<List<EvolutionResult>> results, ApprovalQueue approvals,
            Supplier<List<String>> rollback) {
        this.results = results;
        this.approvals = approvals;
        this.rollback = rollback;
    }

    @Override
    public int getCycleCount() {
        return results.get().size();
    }

    @Override
    public String getLastOutcome() {
        List<EvolutionResult> r = results.get();
        return r.isEmpty() ? "NONE" : r.get(r.size() - 1).outcome().name();
    }

    @Override
    public String getLastMessage() {
        List<EvolutionResult> r = results.get();
        return r.isEmpty() ? "" : r.get(r.size() - 1).message();
    }

    @Override
    public String[] getPendingApprovals() {
        return approvals.pending().stream().map(EngineMXBean::line).toArray(String[]::new);
    }

    @Override
    public String diffOf(String approvalId) {
        return approvals.pending().stream().filter(p -> p.id().equals(approvalId)).findFirst()
                .map(p -> p.winner().diff()).orElse("no pending approval with id '" + approvalId + "'");
    }

    @Override
    public String approve(String approvalId) {
        try {
            Winner w = approvals.approve(approvalId, "jmx");
            return "applied " + w.candidateId() + " (" + w.operator() + ") to " + w.classSha256().keySet();
        } catch (OuroborosException e) {
            return "refused: " + e.getMessage();
        }
    }

    @Override
    public String reject(String approvalId, String reason) {
        try {
            PendingApproval p = approvals.reject(approvalId, reason == null ? "rejected over JMX" : reason);
            return "rejected " + p.id();
        } catch (OuroborosException e) {
            return "refused: " + e.getMessage();
        }
    }

    @Override
    public String rollbackLast() {
        try {
            return "restored " + rollback.get();
        } catch (OuroborosException e) {
            return "refused: " + e.getMessage();
        }
    }

    private static String line(PendingApproval p) {
        return String.format(Locale.ROOT, "%s | %s | %s | %s | %.2fx | %s", p.id(), p.winner().operator(), p.severity(),
                p.winner().regionId(), p.winner().speedup(), p.evidence());
    }
}
