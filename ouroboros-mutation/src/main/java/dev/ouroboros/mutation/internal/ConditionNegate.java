package dev.ouroboros.mutation.internal;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import dev.ouroboros.mutation.MutationSeverity;
import dev.ouroboros.mutation.OperatorKind;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The genetic-improvement edit "condition negation": negates the condition of one {@code if},
 * {@code while}, {@code do}, {@code for} or {@code ?:}.
 *
 * <p>Points are those conditions in source order, outside classes declared in the body. A
 * condition already written {@code !c} loses its negation; any other becomes {@code !c}, with
 * parentheses unless {@code c} is a name, call, field access, literal or parenthesized expression.
 */
public final class ConditionNegate extends PointOperator<Expression> {

    public ConditionNegate() {
        super("condition-negate",
                "Negates the condition of one if, while, do, for or ?: expression",
                OperatorKind.EXPLORATORY, MutationSeverity.MAJOR);
    }

    @Override
    void rewrite(BlockStmt body, Expression condition, RandomGenerator random) {
        if (condition instanceof UnaryExpr unary && unary.getOperator() == UnaryExpr.Operator.LOGICAL_COMPLEMENT) {
            unary.replace(unary.getExpression());
            return;
        }
        // Detach the condition first, then hang it under the negation: a setter that replaces a
        // child clears that child's parent, so the other order would orphan it.
        UnaryExpr not = new UnaryExpr(new BooleanLiteralExpr(true), UnaryExpr.Operator.LOGICAL_COMPLEMENT);
        condition.replace(not);
        boolean primary = condition instanceof NameExpr || condition instanceof MethodCallExpr
                || condition instanceof FieldAccessExpr || condition instanceof BooleanLiteralExpr
                || condition instanceof EnclosedExpr;
        not.setExpression(primary ? condition : new EnclosedExpr(condition));
    }

    @Override
    List<Expression> points(BlockStmt body) {
        List<Expression> out = new ArrayList<>();
        body.walk(Node.TreeTraversal.PREORDER, node -> {
            if (RegionScope.inNestedClass(node, body)) {
                return;
            }
            if (node instanceof IfStmt s) {
                out.add(s.getCondition());
            } else if (node instanceof WhileStmt s) {
                out.add(s.getCondition());
            } else if (node instanceof DoStmt s) {
                out.add(s.getCondition());
            } else if (node instanceof ForStmt s && s.getCompare().isPresent()) {
                out.add(s.getCompare().get());
            } else if (node instanceof ConditionalExpr e) {
                out.add(e.getCondition());
            }
        });
        return out;
    }
}
