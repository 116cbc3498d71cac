package dev.ouroboros.genome;

/**
 * The kinds of places inside a region where a mutation operator may act.
 *
 * <p>One node can be a point of several kinds: a {@code for} loop is both a {@link #STATEMENT} and a
 * {@link #LOOP}; a method call is both an {@link #EXPRESSION} and a {@link #CALL}.
 */
public enum MutationPointKind {
    /** Any statement inside the body, the body block itself excluded. */
    STATEMENT,
    /** Any expression inside the body. */
    EXPRESSION,
    /** A {@code for}, enhanced {@code for}, {@code while} or {@code do} loop statement. */
    LOOP,
    /**
     * The boolean condition of an {@code if}, {@code while}, {@code do}, {@code for} or of a
     * conditional expression ({@code c ? a : b}); the point is the condition expression itself.
     */
    CONDITION,
    /** A method call, an object creation or an explicit {@code this(...)}/{@code super(...)} call. */
    CALL
}
