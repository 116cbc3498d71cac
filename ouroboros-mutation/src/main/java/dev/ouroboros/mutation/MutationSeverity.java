package dev.ouroboros.mutation;

/**
 * How far a mutation may move a program's behaviour, which decides who must approve it.
 *
 * <p>Under the {@code APPROVE_MAJOR} policy only {@link #MINOR} candidates of
 * {@link OperatorKind#SEMANTICS_PRESERVING semantics-preserving} operators may go live without a
 * human; everything else waits in the approval queue.
 */
public enum MutationSeverity {
    /** A local rewrite that keeps behaviour, such as a cheaper way to build the same string. */
    MINOR,
    /** A rewrite that keeps behaviour under stronger, checked assumptions or changes structure widely. */
    MODERATE,
    /** A rewrite that may change behaviour; only the tests and the differential check can judge it. */
    MAJOR
}
