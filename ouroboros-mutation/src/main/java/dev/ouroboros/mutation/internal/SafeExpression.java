package dev.ouroboros.mutation.internal;

import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.CharLiteralExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.DoubleLiteralExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.type.PrimitiveType;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Recognizes expressions over primitives that have no side effect and cannot throw: what an operator
 * may evaluate more or fewer times than the original without anyone noticing.
 *
 * <p>Allowed: non-string literals; names the caller accepts (it decides which locals are primitive and
 * stable enough); arithmetic, comparison, logical, bitwise and conditional operators; casts to
 * primitive types; and {@code Math} methods that cannot throw. {@code /} and {@code %} only by a
 * non-zero integer literal or a floating-point literal (an integer division by zero throws).
 */
final class SafeExpression {

    private static final Set<String> PURE_MATH = Set.of("abs", "max", "min", "sqrt", "cbrt", "pow", "exp", "log",
            "log10", "floor", "ceil", "rint", "round", "signum", "hypot", "sin", "cos", "tan", "atan", "atan2",
            "toRadians", "toDegrees");

    /** The unary operators that change their operand ({@code isPrefix()} is also true for {@code -x}). */
    static final Set<UnaryExpr.Operator> STEPS = Set.of(UnaryExpr.Operator.PREFIX_INCREMENT,
            UnaryExpr.Operator.PREFIX_DECREMENT, UnaryExpr.Operator.POSTFIX_INCREMENT,
            UnaryExpr.Operator.POSTFIX_DECREMENT);

    private SafeExpression() {
    }

    /** True when {@code e} is pure and cannot throw, given that every name in it passes {@code names}. */
    static boolean test(Expression e, Predicate<NameExpr> names, BlockStmt body) {
        if (e instanceof IntegerLiteralExpr || e instanceof LongLiteralExpr || e instanceof DoubleLiteralExpr
                || e instanceof CharLiteralExpr || e instanceof BooleanLiteralExpr) {
            return true;
        }
        if (e instanceof EnclosedExpr enclosed) {
            return test(enclosed.getInner(), names, body);
        }
        if (e instanceof NameExpr name) {
            return names.test(name);
        }
        if (e instanceof UnaryExpr unary) {
            return !STEPS.contains(unary.getOperator()) && test(unary.getExpression(), names, body);
        }
        if (e instanceof BinaryExpr binary) {
            BinaryExpr.Operator op = binary.getOperator();
            if ((op == BinaryExpr.Operator.DIVIDE || op == BinaryExpr.Operator.REMAINDER)
                    && !safeDivisor(binary.getRight())) {
                return false;
            }
            return test(binary.getLeft(), names, body) && test(binary.getRight(), names, body);
        }
        if (e instanceof ConditionalExpr conditional) {
            return test(conditional.getCondition(), names, body) && test(conditional.getThenExpr(), names, body)
                    && test(conditional.getElseExpr(), names, body);
        }
        if (e instanceof CastExpr cast) {
            return cast.getType() instanceof PrimitiveType && test(cast.getExpression(), names, body);
        }
        if (e instanceof MethodCallExpr call) {
            return call.getScope().orElse(null) instanceof NameExpr scope && scope.getNameAsString().equals("Math")
                    && !RegionScope.shadowsJdkType(body, "Math", "java.lang.Math")
                    && PURE_MATH.contains(call.getNameAsString()) && call.getTypeArguments().isEmpty()
                    && call.getArguments().stream().allMatch(a -> test(a, names, body));
        }
        return false;
    }

    private static boolean safeDivisor(Expression e) {
        Expression inner = e instanceof EnclosedExpr enclosed ? enclosed.getInner() : e;
        try {
            if (inner instanceof IntegerLiteralExpr literal) {
                return literal.asNumber().longValue() != 0;
            }
            if (inner instanceof LongLiteralExpr literal) {
                return literal.asNumber().longValue() != 0;
            }
        } catch (NumberFormatException ex) {
            return false;
        }
        // A floating-point division never throws, whatever the divisor.
        return inner instanceof DoubleLiteralExpr;
    }
}
