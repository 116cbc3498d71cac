package dev.ouroboros.mutation.internal;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import dev.ouroboros.mutation.MutationSeverity;
import dev.ouroboros.mutation.OperatorKind;
import java.util.List;
import java.util.OptionalInt;
import java.util.random.RandomGenerator;

/**
 * Constant folding: a binary expression of two {@code int} literals becomes its value, computed with
 * Java's own {@code int} arithmetic ({@code 60 * 60 * 24} becomes {@code 86400} in two steps).
 *
 * <p>Operands are decimal {@code int} literals, optionally negated ({@code -3}); operators
 * {@code + - * / % & | ^ << >> >>>}; a division or remainder by zero is not folded (it throws at
 * run time). The value is exactly what the JVM computes, overflow included, so behaviour cannot
 * change; javac folds such constants itself, so the bytecode is the same too: the edit simplifies
 * the source that later edits work on. A {@code +} next to a string is concatenation and is never
 * a point, because only literal-literal pairs qualify.
 */
public final class ConstantFolding extends PointOperator<BinaryExpr> {

    public ConstantFolding() {
        super("constant-folding",
                "Replaces an operation on two int literals by its value",
                OperatorKind.SEMANTICS_PRESERVING, MutationSeverity.MINOR);
    }

    @Override
    void rewrite(BlockStmt body, BinaryExpr target, RandomGenerator random) {
        int value = fold(target).orElseThrow();
        Expression literal;
        if (value >= 0) {
            literal = new IntegerLiteralExpr(Integer.toString(value));
        } else {
            // "2147483648" is a legal literal only as the operand of unary minus, which is what it is here.
            String magnitude = Long.toString(-(long) value);
            UnaryExpr negative = new UnaryExpr(new IntegerLiteralExpr(magnitude), UnaryExpr.Operator.MINUS);
            Node parent = target.getParentNode().orElseThrow();
            literal = parent instanceof Expression && !(parent instanceof EnclosedExpr) ? new EnclosedExpr(negative) : negative;
        }
        target.replace(literal);
    }

    @Override
    List<BinaryExpr> points(BlockStmt body) {
        return body.findAll(BinaryExpr.class, b -> !RegionScope.inNestedClass(b, body) && fold(b).isPresent());
    }

    private static OptionalInt fold(BinaryExpr b) {
        OptionalInt l = literal(b.getLeft());
        OptionalInt r = literal(b.getRight());
        if (l.isEmpty() || r.isEmpty()) {
            return OptionalInt.empty();
        }
        int x = l.getAsInt();
        int y = r.getAsInt();
        return switch (b.getOperator()) {
            case PLUS -> OptionalInt.of(x + y);
            case MINUS -> OptionalInt.of(x - y);
            case MULTIPLY -> OptionalInt.of(x * y);
            case DIVIDE -> y == 0 ? OptionalInt.empty() : OptionalInt.of(x / y);
            case REMAINDER -> y == 0 ? OptionalInt.empty() : OptionalInt.of(x % y);
            case BINARY_AND -> OptionalInt.of(x & y);
            case BINARY_OR -> OptionalInt.of(x | y);
            case XOR -> OptionalInt.of(x ^ y);
            case LEFT_SHIFT -> OptionalInt.of(x << y);
            case SIGNED_RIGHT_SHIFT -> OptionalInt.of(x >> y);
            case UNSIGNED_RIGHT_SHIFT -> OptionalInt.of(x >>> y);
            default -> OptionalInt.empty();
        };
    }

    /** The value of a decimal int literal, optionally negated or parenthesized; empty otherwise. */
    private static OptionalInt literal(Expression e) {
        if (e instanceof EnclosedExpr enclosed) {
            return literal(enclosed.getInner());
        }
        boolean negative = false;
        if (e instanceof UnaryExpr unary && unary.getOperator() == UnaryExpr.Operator.MINUS) {
            negative = true;
            e = unary.getExpression();
        }
        if (!(e instanceof IntegerLiteralExpr literal) || !literal.getValue().matches("0|[1-9][0-9]{0,9}")) {
            return OptionalInt.empty();
        }
        long v = Long.parseLong(literal.getValue());
        long signed = negative ? -v : v;
        if (signed > Integer.MAX_VALUE || signed < Integer.MIN_VALUE) {
            return OptionalInt.empty();
        }
        return OptionalInt.of((int) signed);
    }
}
