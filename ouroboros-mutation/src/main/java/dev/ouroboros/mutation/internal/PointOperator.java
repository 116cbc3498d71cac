package dev.ouroboros.mutation.internal;

import com.github.javaparser.ast.stmt.BlockStmt;
import dev.ouroboros.mutation.MutationOperator;
import dev.ouroboros.mutation.MutationSeverity;
import dev.ouroboros.mutation.OperatorKind;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The common shape of an operator whose points are a list found afresh in the body: fixed name,
 * description, kind and severity; {@link #countPoints} is the size of {@link #points}, and
 * {@link #apply} checks the index against the same list and rewrites the chosen point.
 *
 * <p>Because both methods call {@link #points} on the body they are given, they see the same points
 * in the same order, as {@link MutationOperator} requires.
 *
 * @param <P> what one point is: a node of the body or a record describing a site
 */
abstract class PointOperator<P> implements MutationOperator {

    private final String name;
    private final String description;
    private final OperatorKind kind;
    private final MutationSeverity severity;

    PointOperator(String name, String description, OperatorKind kind, MutationSeverity severity) {
        this.name = Objects.requireNonNull(name, "name");
        this.description = Objects.requireNonNull(description, "description");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.severity = Objects.requireNonNull(severity, "severity");
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final OperatorKind kind() {
        return kind;
    }

    @Override
    public final MutationSeverity severity() {
        return severity;
    }

    @Override
    public final int countPoints(BlockStmt body) {
        return points(body).size();
    }

    @Override
    public final void apply(BlockStmt body, int index, RandomGenerator random) {
        List<P> points = points(body);
        Objects.checkIndex(index, points.size());
        rewrite(body, points.get(index), random);
    }

    /** Returns the points of the body in a fixed order; preconditions are checked here. */
    abstract List<P> points(BlockStmt body);

    /** Rewrites one point of {@link #points} in place; random choices come only from {@code random}. */
    abstract void rewrite(BlockStmt body, P point, RandomGenerator random);
}
