package dev.ouroboros.core;

/** How one evolution cycle ended. */
public enum EvolutionOutcome {
    /** A candidate beat the original and passed every gate (swapped in unless the approval mode is a dry run). */
    IMPROVED,
    /** Candidates passed the tests but none was faster by the required margin. */
    NO_IMPROVEMENT,
    /** No candidate compiled. */
    COMPILE_FAILED,
    /** Every candidate that compiled failed the tests (or crashed or hung its sandbox worker). */
    TESTS_FAILED,
    /** Candidates were refused by a gate before testing (not hot-swappable), or the swap was refused. */
    REJECTED,
    /** A swap was undone (regression watch or an explicit rollback). */
    ROLLED_BACK,
    /** The cycle was stopped by returning user activity or by {@link OuroborosEngine#stop()}; nothing was left half-done. */
    ABORTED,
    /** The cycle did not run: no hot method with source, no tests, no applicable operator, stale source or bad input. */
    SKIPPED
}
