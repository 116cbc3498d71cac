package dev.ouroboros.mutation.internal;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LiteralExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.BreakStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.type.ArrayType;
import com.github.javaparser.ast.type.PrimitiveType;
import com.github.javaparser.ast.type.Type;
import dev.ouroboros.mutation.MutationSeverity;
import dev.ouroboros.mutation.OperatorKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Early exit: a search loop that sets a flag to a constant when it finds a match, and keeps scanning,
 * stops at the first match ({@code break;} after the assignment).
 *
 * <p>Semantics-preserving, because every precondition that makes the skipped iterations invisible is
 * checked: the loop is a for-each over a local array or parameter whose element type is the loop
 * variable's own type (no unboxing in the header, which could throw on a later element); its body is a
 * single {@code if} without {@code else} whose branch is the single statement {@code flag = literal;}
 * on a primitive local (so nothing else in the loop assigns it); and the condition is a
 * {@link SafeExpression} (pure, cannot throw) over primitive locals, or {@code ==} / {@code !=}
 * between reference-typed locals and {@code null} (no unboxing). After the first match the remaining
 * iterations could only evaluate that condition and store the same constant again, so skipping them
 * changes nothing but time. One point per such loop.
 */
public final class EarlyExit extends PointOperator<IfStmt> {

    public EarlyExit() {
        super("early-exit",
                "A loop that only sets a flag to a constant on a match breaks after the first match",
                OperatorKind.SEMANTICS_PRESERVING, MutationSeverity.MINOR);
    }

    @Override
    void rewrite(BlockStmt body, IfStmt match, RandomGenerator random) {
        Statement then = match.getThenStmt();
        if (then instanceof BlockStmt block) {
            block.addStatement(new BreakStmt());
        } else {
            BlockStmt block = new BlockStmt();
            block.addStatement(then.clone());
            block.addStatement(new BreakStmt());
            match.setThenStmt(block);
        }
    }

    @Override
    List<IfStmt> points(BlockStmt body) {
        List<IfStmt> out = new ArrayList<>();
        for (ForEachStmt loop : body.findAll(ForEachStmt.class, l -> !RegionScope.inLambdaOrNestedClass(l, body))) {
            searchIf(loop, body).ifPresent(out::add);
        }
        return out;
    }

    private static Optional<IfStmt> searchIf(ForEachStmt loop, BlockStmt body) {
        Statement only = single(loop.getBody());
        if (!(only instanceof IfStmt match) || match.getElseStmt().isPresent() || !arrayOfOwnElements(loop, body)) {
            return Optional.empty();
        }
        if (!(single(match.getThenStmt()) instanceof ExpressionStmt statement)
                || !(statement.getExpression() instanceof AssignExpr assign)
                || assign.getOperator() != AssignExpr.Operator.ASSIGN
                || !(assign.getTarget() instanceof NameExpr flag) || !(assign.getValue() instanceof LiteralExpr)) {
            return Optional.empty();
        }
        // A primitive local declared before the loop: no field another reader could watch, no boxed identity.
        Optional<Type> flagType = RegionScope.localType(flag, body);
        boolean primitiveLocal = flagType.isPresent() && flagType.get() instanceof PrimitiveType;
        return primitiveLocal && condition(match.getCondition(), body)
                ? Optional.of(match) : Optional.empty();
    }

    /** The statement itself, or the only statement of a block; null for an empty or longer block. */
    private static Statement single(Statement statement) {
        if (statement instanceof BlockStmt block) {
            return block.getStatements().size() == 1 ? block.getStatement(0) : null;
        }
        return statement;
    }

    /** True when the loop runs over a local array whose element type is the loop variable's type. */
    private static boolean arrayOfOwnElements(ForEachStmt loop, BlockStmt body) {
        if (!(loop.getIterable() instanceof NameExpr array)) {
            return false;
        }
        Optional<Type> type = RegionScope.localType(array, body);
        return type.isPresent() && type.get() instanceof ArrayType arrayType
                && arrayType.getComponentType().equals(loop.getVariable().getVariable(0).getType());
    }

    /** A pure condition that cannot throw: over primitive locals, or identity tests of names and null. */
    private static boolean condition(Expression condition, BlockStmt body) {
        if (condition instanceof BinaryExpr binary && (binary.getOperator() == BinaryExpr.Operator.EQUALS
                || binary.getOperator() == BinaryExpr.Operator.NOT_EQUALS)
                && identityOperand(binary.getLeft(), body) && identityOperand(binary.getRight(), body)) {
            return true;
        }
        return SafeExpression.test(condition, use -> RegionScope.localType(use, body)
                .filter(t -> t instanceof PrimitiveType).isPresent(), body);
    }

    /** Null or a reference-typed local: comparing two of them by identity never unboxes, so never throws. */
    private static boolean identityOperand(Node operand, BlockStmt body) {
        return operand instanceof NullLiteralExpr || operand instanceof NameExpr name
                && RegionScope.localType(name, body).filter(t -> !(t instanceof PrimitiveType)).isPresent();
    }
}
