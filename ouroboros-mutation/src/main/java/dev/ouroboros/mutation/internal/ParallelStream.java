package dev.ouroboros.mutation.internal;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import dev.ouroboros.mutation.MutationSeverity;
import dev.ouroboros.mutation.OperatorKind;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * {@code coll.stream()} becomes {@code coll.parallelStream()} when the pipeline ends in an operation
 * whose result does not depend on encounter order ({@code count}, {@code sum}, {@code anyMatch}, ...).
 *
 * <p>Exploratory and {@code MAJOR}: whether it keeps behaviour depends on what the lambdas of the
 * pipeline do (shared state, side effects, a non-associative reduction, a non-thread-safe source) and
 * whether it pays depends on the amount of work per element and the machine; only the tests, the
 * differential check and the arena can judge it. Points: one per zero-argument {@code stream()} call
 * with a receiver whose chain of calls ends in one of those terminal operations, outside classes
 * declared in the body. Renames one call: the lambdas stay the same synthetic methods, so a winner
 * stays hot-swappable.
 */
public final class ParallelStream extends PointOperator<MethodCallExpr> {

    private static final Set<String> ORDER_FREE_TERMINALS = Set.of("count", "sum", "min", "max", "average",
            "summaryStatistics", "anyMatch", "allMatch", "noneMatch", "findAny");

    public ParallelStream() {
        super("parallel-stream",
                "coll.stream() becomes coll.parallelStream() when the pipeline ends in an order-free terminal",
                OperatorKind.EXPLORATORY, MutationSeverity.MAJOR);
    }

    @Override
    void rewrite(BlockStmt body, MethodCallExpr point, RandomGenerator random) {
        point.setName("parallelStream");
    }

    @Override
    List<MethodCallExpr> points(BlockStmt body) {
        return body.findAll(MethodCallExpr.class, c -> c.getNameAsString().equals("stream")
                && c.getArguments().isEmpty() && c.getScope().isPresent() && c.getTypeArguments().isEmpty()
                && !RegionScope.inNestedClass(c, body) && ORDER_FREE_TERMINALS.contains(terminal(c).getNameAsString()));
    }

    /** The last call of the chain {@code call.a().b().c()} that starts at {@code call}. */
    private static MethodCallExpr terminal(MethodCallExpr call) {
        MethodCallExpr last = call;
        for (Node parent = last.getParentNode().orElse(null); parent instanceof MethodCallExpr next
                && next.getScope().orElse(null) == last; parent = next.getParentNode().orElse(null)) {
            last = next;
        }
        return last;
    }
}
