package dev.ouroboros.core;

/**
 * The engine's management interface, registered as {@code dev.ouroboros:type=Engine,name=<name>} on the
 * platform MBean server (open it in {@code jconsole} under the MBeans tab).
 *
 * <p>Everything is plain strings and numbers so that any JMX client can read and call it.
 */
public interface OuroborosControlMXBean {

    /** Number of cycles run so far. */
    int getCycleCount();

    /** Outcome of the last cycle, or {@code NONE}. */
    String getLastOutcome();

    /** Message of the last cycle, or an empty string. */
    String getLastMessage();

    /** Pending approvals, one line each: {@code id | operator | severity | region | speedup | evidence}. */
    String[] getPendingApprovals();

    /** The unified diff of a pending approval. */
    String diffOf(String approvalId);

    /** Approves a pending winner and swaps it in; returns a one-line result (also for refusals). */
    String approve(String approvalId);

    /** Rejects a pending winner; returns a one-line result. */
    String reject(String approvalId, String reason);

    /** Rolls back the last swap; returns the restored classes or why it could not. */
    String rollbackLast();
}
