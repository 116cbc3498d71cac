package dev.ouroboros.mutation;

/** Whether an operator promises to keep behaviour or only proposes a change for the tests to judge. */
public enum OperatorKind {
    /** Keeps behaviour for every input, given preconditions the operator checks before it fires. */
    SEMANTICS_PRESERVING,
    /** May change behaviour; only the tests and the differential check can tell whether it is acceptable. */
    EXPLORATORY
}
