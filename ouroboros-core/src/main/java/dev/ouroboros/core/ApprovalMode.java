package dev.ouroboros.core;

/**
 * Who decides whether a proven winner goes live.
 *
 * <p>The walking skeleton offers the two ends of the range; {@code APPROVE_MAJOR} and {@code MANUAL}
 * (an approval queue) arrive with the engine issue.
 */
public enum ApprovalMode {
    /** Every winner that passed every gate is swapped in at once. */
    AUTOMATIC,
    /** Dry run: winners are reported with their diffs and never swapped in. */
    DISABLED
}
