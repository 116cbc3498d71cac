package dev.ouroboros.mutation.internal;

import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import dev.ouroboros.mutation.MutationSeverity;
import dev.ouroboros.mutation.OperatorKind;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The genetic-improvement edit "reorder logical expression": the operands of one {@code &&} or
 * {@code ||} change places, so the other one is evaluated first.
 *
 * <p>Short-circuit evaluation makes the order matter: the reordered condition may throw where the
 * original did not ({@code s != null && s.isEmpty()}), or do its side effects in another order, so
 * the edit is exploratory; when the first operand is cheap and usually decisive it also saves time.
 * Points are the conditional {@code &&}/{@code ||} expressions in source order, outside classes
 * declared in the body, except those whose right operand reads a pattern variable the left one
 * introduces ({@code o instanceof String s && s.isEmpty()} could not compile reordered).
 */
public final class ConditionReorder extends PointOperator<BinaryExpr> {

    public ConditionReorder() {
        super("condition-reorder",
                "Swaps the operands of one && or || so that the other is evaluated first",
                OperatorKind.EXPLORATORY, MutationSeverity.MAJOR);
    }

    @Override
    void rewrite(BlockStmt body, BinaryExpr target, RandomGenerator random) {
        Expression left = target.getLeft();
        Expression right = target.getRight();
        // Detach both before re-attaching: a node hangs under one parent only.
        target.setLeft(new NameExpr("left"));
        target.setRight(new NameExpr("right"));
        target.setLeft(right);
        target.setRight(left);
    }

    @Override
    List<BinaryExpr> points(BlockStmt body) {
        return body.findAll(BinaryExpr.class, b -> (b.getOperator() == BinaryExpr.Operator.AND
                || b.getOperator() == BinaryExpr.Operator.OR) && !RegionScope.inNestedClass(b, body)
                && b.getLeft().findFirst(com.github.javaparser.ast.expr.PatternExpr.class).isEmpty());
    }
}
