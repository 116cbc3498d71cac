package dev.ouroboros.dream;

/**
 * The states of the idle state machine, in the order a quiet machine passes through them.
 */
public enum IdleState {
    /** The latest sample was over a threshold, or a metric could not be read. */
    ACTIVE,
    /** Every sample has been under every threshold, but for less than the idle time. */
    SETTLING,
    /** Quiet for at least the idle time; no session runs (budget spent, on battery, or pausing between sessions). */
    IDLE,
    /** A dream session runs and has not been asked to stop. */
    DREAMING,
    /** A session has been asked to stop (activity, budget, battery or shutdown) and has not returned yet. */
    WAKING
}
