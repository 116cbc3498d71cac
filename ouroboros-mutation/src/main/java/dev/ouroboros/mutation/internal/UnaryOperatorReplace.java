package dev.ouroboros.mutation.internal;

import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.UnaryExpr.Operator;
import com.github.javaparser.ast.stmt.BlockStmt;
import dev.ouroboros.mutation.MutationSeverity;
import dev.ouroboros.mutation.OperatorKind;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The genetic-improvement edit "unary operator replacement" (after MuJava): swaps the operator of
 * one unary expression for another of its family.
 *
 * <p>Families: increments and decrements {@code ++x x++ --x x--} (all need a variable, so any
 * member may replace any other), and the numeric signs {@code +x -x ~x}. Logical {@code !} is left
 * to {@code condition-negate}. Points are those expressions in source order, outside classes
 * declared in the body; the replacement is drawn uniformly with the given generator.
 */
public final class UnaryOperatorReplace extends PointOperator<UnaryExpr> {

    private static final List<List<Operator>> FAMILIES = List.of(
            List.of(Operator.PREFIX_INCREMENT, Operator.POSTFIX_INCREMENT, Operator.PREFIX_DECREMENT,
                    Operator.POSTFIX_DECREMENT),
            List.of(Operator.PLUS, Operator.MINUS, Operator.BITWISE_COMPLEMENT));

    public UnaryOperatorReplace() {
        super("unary-operator-replace",
                "Replaces the operator of one unary expression with another of its family (e.g. i++ by i--)",
                OperatorKind.EXPLORATORY, MutationSeverity.MAJOR);
    }

    @Override
    void rewrite(BlockStmt body, UnaryExpr target, RandomGenerator random) {
        List<Operator> others = new ArrayList<>(family(target.getOperator()));
        others.remove(target.getOperator());
        target.setOperator(others.get(random.nextInt(others.size())));
    }

    @Override
    List<UnaryExpr> points(BlockStmt body) {
        return body.findAll(UnaryExpr.class, u -> !family(u.getOperator()).isEmpty() && !RegionScope.inNestedClass(u, body));
    }

    private static List<Operator> family(Operator operator) {
        return FAMILIES.stream().filter(f -> f.contains(operator)).findFirst().orElse(List.of());
    }
}
