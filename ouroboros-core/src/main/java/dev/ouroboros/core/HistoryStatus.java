package dev.ouroboros.core;

import java.util.Objects;

/**
 * Where a candidate stands, as recorded in the {@link MutationHistory}.
 *
 * <p>The first six mirror the cascade's {@link CandidateStage}s; the rest are what happened after
 * selection. A candidate may have several history entries (e.g. {@code FASTER}, then
 * {@code PENDING_APPROVAL}, then {@code APPROVED}, then {@code APPLIED}); its latest entry is its status.
 */
public enum HistoryStatus {
    /** javac refused the mutant. */
    COMPILE_FAILED,
    /** The mutant would not be hot-swappable. */
    NOT_REDEFINABLE,
    /** The class's own tests failed against the mutant. */
    TESTS_FAILED,
    /** The sandbox worker crashed, hung or found no tests. */
    SANDBOX_FAILED,
    /** Correct, but not faster by the required margin. */
    NOT_FASTER,
    /** Correct and faster: a finalist. */
    FASTER,
    /** Chosen as the winner and waiting for a person's approval. */
    PENDING_APPROVAL,
    /** Approved, by the approval mode or by a person. */
    APPROVED,
    /** Rejected by a person, or refused by the patcher. */
    REJECTED,
    /** Swapped into the running program. */
    APPLIED,
    /** Swapped out again (regression watch or an explicit rollback). */
    ROLLED_BACK,
    /** Not evaluated: the cycle stopped before it, or it was left out. */
    SKIPPED;

    /** Returns the status for a cascade stage; every stage has one of the same name. */
    public static HistoryStatus of(CandidateStage stage) {
        Objects.requireNonNull(stage, "stage must not be null");
        return switch (stage) {
            case COMPILE_FAILED -> COMPILE_FAILED;
            case NOT_REDEFINABLE -> NOT_REDEFINABLE;
            case TESTS_FAILED -> TESTS_FAILED;
            case SANDBOX_FAILED -> SANDBOX_FAILED;
            case NOT_FASTER -> NOT_FASTER;
            case FASTER -> FASTER;
        };
    }

    /** True when the candidate compiled (it got past javac). */
    boolean compiled() {
        return this != COMPILE_FAILED && this != SKIPPED;
    }

    /** True when the candidate passed the tests and the differential check. */
    boolean passedTests() {
        return compiled() && this != NOT_REDEFINABLE && this != TESTS_FAILED && this != SANDBOX_FAILED;
    }

    /** True when the candidate was faster by the required margin. */
    boolean faster() {
        return passedTests() && this != NOT_FASTER;
    }

    /** True when the candidate was swapped in (a rolled-back candidate was applied first). */
    boolean applied() {
        return this == APPLIED || this == ROLLED_BACK;
    }
}
