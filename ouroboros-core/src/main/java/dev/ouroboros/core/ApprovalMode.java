package dev.ouroboros.core;

/** Who decides whether a proven winner goes live. */
public enum ApprovalMode {
    /** Every winner that passed every gate is swapped in at once. */
    AUTOMATIC,
    /**
     * Winners of {@code MINOR} severity (semantics-preserving rewrites) go live alone; {@code MODERATE}
     * and {@code MAJOR} ones wait in the {@link ApprovalQueue}.
     */
    APPROVE_MAJOR,
    /** Every winner waits in the {@link ApprovalQueue} until a person approves or rejects it. */
    MANUAL,
    /** Dry run: winners are reported with their diffs and never swapped in. */
    DISABLED
}
