package dev.ouroboros.mutation.internal;

import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BinaryExpr.Operator;
import com.github.javaparser.ast.stmt.BlockStmt;
import dev.ouroboros.mutation.MutationSeverity;
import dev.ouroboros.mutation.OperatorKind;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The genetic-improvement edit "binary operator replacement" (after MuJava): swaps the operator of
 * one binary expression for another of the same family.
 *
 * <p>Families: arithmetic {@code + - * / %}, relational {@code < <= > >= == !=}, conditional
 * {@code && ||}, bitwise {@code & | ^} and shift {@code << >> >>>}. Points are the body's binary
 * expressions in source order, outside classes declared in the body; a {@code +} with a provably
 * {@code String} operand is string concatenation, not arithmetic, and is not a point. The
 * replacement is drawn uniformly from the other members of the family with the given generator.
 */
public final class BinaryOperatorReplace extends PointOperator<BinaryExpr> {

    private static final List<List<Operator>> FAMILIES = List.of(
            List.of(Operator.PLUS, Operator.MINUS, Operator.MULTIPLY, Operator.DIVIDE, Operator.REMAINDER),
            List.of(Operator.LESS, Operator.LESS_EQUALS, Operator.GREATER, Operator.GREATER_EQUALS,
                    Operator.EQUALS, Operator.NOT_EQUALS),
            List.of(Operator.AND, Operator.OR),
            List.of(Operator.BINARY_AND, Operator.BINARY_OR, Operator.XOR),
            List.of(Operator.LEFT_SHIFT, Operator.SIGNED_RIGHT_SHIFT, Operator.UNSIGNED_RIGHT_SHIFT));

    public BinaryOperatorReplace() {
        super("binary-operator-replace",
                "Replaces the operator of one binary expression with another of its family (e.g. < by <=)",
                OperatorKind.EXPLORATORY, MutationSeverity.MAJOR);
    }

    @Override
    void rewrite(BlockStmt body, BinaryExpr target, RandomGenerator random) {
        List<Operator> others = new ArrayList<>(family(target.getOperator()));
        others.remove(target.getOperator());
        target.setOperator(others.get(random.nextInt(others.size())));
    }

    @Override
    List<BinaryExpr> points(BlockStmt body) {
        return body.findAll(BinaryExpr.class, b -> !RegionScope.inNestedClass(b, body)
                && !family(b.getOperator()).isEmpty()
                && !(b.getOperator() == Operator.PLUS
                        && (StringExpressions.isString(b.getLeft()) || StringExpressions.isString(b.getRight()))));
    }

    private static List<Operator> family(Operator operator) {
        return FAMILIES.stream().filter(f -> f.contains(operator)).findFirst().orElse(List.of());
    }
}
