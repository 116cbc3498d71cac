package dev.ouroboros.mutation.internal;

import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;

/**
 * Syntactic proofs about String expressions, made without a symbol solver.
 *
 * <p>They are deliberately narrow: a {@code false} only means "not proven". By JLS 15.18.1, a
 * {@code +} with a {@code String} operand is string concatenation, whose result is a new,
 * non-null {@code String}; literals and text blocks are non-null {@code String}s.
 */
final class StringExpressions {

    private StringExpressions() {
    }

    /** True when the expression is provably of static type {@code String} (it may still be null). */
    static boolean isString(Expression e) {
        if (isNonNullString(e)) {
            return true;
        }
        if (e instanceof EnclosedExpr enclosed) {
            return isString(enclosed.getInner());
        }
        // toString() with no arguments overrides Object.toString(), whose return type is String.
        return e instanceof MethodCallExpr call && call.getNameAsString().equals("toString")
                && call.getArguments().isEmpty();
    }

    /** True when the expression is provably a non-null {@code String}. */
    static boolean isNonNullString(Expression e) {
        if (e instanceof StringLiteralExpr || e instanceof TextBlockLiteralExpr) {
            return true;
        }
        if (e instanceof EnclosedExpr enclosed) {
            return isNonNullString(enclosed.getInner());
        }
        if (e instanceof BinaryExpr binary && binary.getOperator() == BinaryExpr.Operator.PLUS) {
            return isString(binary.getLeft()) || isString(binary.getRight());
        }
        return e instanceof ConditionalExpr conditional
                && isNonNullString(conditional.getThenExpr()) && isNonNullString(conditional.getElseExpr());
    }
}
