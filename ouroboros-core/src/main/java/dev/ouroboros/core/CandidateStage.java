package dev.ouroboros.core;

/** The last gate a candidate reached in the cascade, and how it left it. */
public enum CandidateStage {
    /** javac refused the mutant. */
    COMPILE_FAILED,
    /** The mutant would not be hot-swappable (added/removed members, changed signatures, new classes). */
    NOT_REDEFINABLE,
    /** The class's own tests failed against the mutant. */
    TESTS_FAILED,
    /** The sandbox worker crashed, hung or found no tests. */
    SANDBOX_FAILED,
    /** Correct, but not faster by the required margin. */
    NOT_FASTER,
    /** Correct and faster: a finalist. */
    FASTER
}
