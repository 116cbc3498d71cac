package dev.ouroboros.mutation.internal;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.type.PrimitiveType;
import com.github.javaparser.ast.type.Type;
import dev.ouroboros.mutation.MutationSeverity;
import dev.ouroboros.mutation.OperatorKind;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Strength reduction: {@code x * 2^k} (or {@code 2^k * x}) becomes {@code x << k} for {@code int}
 * and {@code long} values.
 *
 * <p>In two's complement, multiplying by {@code 2^k} and shifting left by {@code k} give the same
 * bits, overflow included (JLS 15.17.1, 15.19). Preconditions: the other operand is a local
 * variable or parameter proven to be declared {@code int} or {@code long} (not {@code char},
 * {@code short} or {@code byte}, whose promotion is the same but kept out for clarity, nor a field,
 * which a symbol solver would be needed to type); the constant is a decimal {@code int} literal
 * {@code 2..2^30} that is a power of two. Division is not reduced: {@code x / 2} rounds towards
 * zero where {@code x >> 1} rounds down.
 */
public final class StrengthReduction extends PointOperator<BinaryExpr> {

    public StrengthReduction() {
        super("strength-reduction",
                "Turns x * 2^k into x << k for int and long locals",
                OperatorKind.SEMANTICS_PRESERVING, MutationSeverity.MINOR);
    }

    @Override
    void rewrite(BlockStmt body, BinaryExpr target, RandomGenerator random) {
        boolean literalLeft = shift(target.getLeft()) > 0;
        Expression value = literalLeft ? target.getRight() : target.getLeft();
        int k = shift(literalLeft ? target.getLeft() : target.getRight());
        Node parent = target.getParentNode().orElseThrow();
        BinaryExpr shifted = new BinaryExpr(new NameExpr("x"), new IntegerLiteralExpr(Integer.toString(k)),
                BinaryExpr.Operator.LEFT_SHIFT);
        boolean bare = !(parent instanceof Expression) || parent instanceof EnclosedExpr
                || parent instanceof AssignExpr assign && assign.getValue() == target;
        Expression replacement = bare ? shifted : new EnclosedExpr(shifted);
        target.replace(replacement);
        shifted.setLeft(value);
    }

    @Override
    List<BinaryExpr> points(BlockStmt body) {
        return body.findAll(BinaryExpr.class, b -> b.getOperator() == BinaryExpr.Operator.MULTIPLY
                && !RegionScope.inNestedClass(b, body)
                && (shift(b.getRight()) > 0 && intOrLong(b.getLeft(), body)
                        || shift(b.getLeft()) > 0 && intOrLong(b.getRight(), body)));
    }

    /** The k of a decimal int literal 2^k with 1 <= k <= 30, else 0. */
    private static int shift(Expression e) {
        if (!(e instanceof IntegerLiteralExpr literal) || !literal.getValue().matches("[1-9][0-9]{0,9}")) {
            return 0;
        }
        long v = Long.parseLong(literal.getValue());
        return v >= 2 && v <= (1 << 30) && Long.bitCount(v) == 1 ? Long.numberOfTrailingZeros(v) : 0;
    }

    private static boolean intOrLong(Expression e, BlockStmt body) {
        if (!(e instanceof NameExpr name)) {
            return false;
        }
        Type type = RegionScope.localType(name, body).orElse(null);
        return type instanceof PrimitiveType p && (p.getType() == PrimitiveType.Primitive.INT
                || p.getType() == PrimitiveType.Primitive.LONG);
    }
}
