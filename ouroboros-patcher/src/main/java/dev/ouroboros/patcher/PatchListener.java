package dev.ouroboros.patcher;

/**
 * Hears what the patcher does to the live program; the engine turns these calls into the
 * {@code PatchApplied}, {@code RegressionDetected} and {@code RollbackExecuted} telemetry events.
 *
 * <p>Calls arrive on the thread that performed the swap, after the swap; a listener that throws is
 * logged and ignored, it never undoes a swap.
 */
public interface PatchListener {

    /** A bundle went live. */
    default void patchApplied(PatchReceipt receipt) {
    }

    /** A watched bundle made its methods slower or failing more often than its policy allows. */
    default void regressionDetected(RegressionReport report) {
    }

    /** Classes were restored to earlier versions. */
    default void rollbackExecuted(RollbackEntry entry) {
    }
}
