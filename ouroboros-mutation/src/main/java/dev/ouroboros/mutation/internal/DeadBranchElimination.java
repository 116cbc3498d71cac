package dev.ouroboros.mutation.internal;

import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.LocalClassDeclarationStmt;
import com.github.javaparser.ast.stmt.LocalRecordDeclarationStmt;
import com.github.javaparser.ast.stmt.Statement;
import dev.ouroboros.mutation.MutationSeverity;
import dev.ouroboros.mutation.OperatorKind;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Dead code elimination of constant branches: {@code if (false) A} disappears, {@code if (false) A
 * else B} becomes {@code B}, and {@code if (true) A else B} becomes {@code A}.
 *
 * <p>Preconditions: the condition is the literal {@code true} or {@code false} (parenthesized or
 * not); the kept branch, when it replaces a statement in a statement list and is a block, is kept
 * as a block (its locals stay scoped); the dropped branch declares no local class or record (javac
 * still emits those as classes, so dropping one would remove a class). An {@code if (true) A} with
 * no else is left alone: it already costs nothing and removing the {@code if} changes
 * reachability rules ({@code if (true) return;} keeps the code after it legal).
 */
public final class DeadBranchElimination extends PointOperator<IfStmt> {

    public DeadBranchElimination() {
        super("dead-branch-elimination",
                "Removes the branch of if (true)/if (false) that can never run",
                OperatorKind.SEMANTICS_PRESERVING, MutationSeverity.MINOR);
    }

    @Override
    void rewrite(BlockStmt body, IfStmt target, RandomGenerator random) {
        boolean value = constant(target.getCondition()).orElseThrow();
        Optional<Statement> kept = value ? Optional.of(target.getThenStmt()) : target.getElseStmt();
        if (kept.isEmpty()) {
            if (StatementDonors.inStatementList(target)) {
                target.remove();
            } else {
                target.replace(new BlockStmt());
            }
            return;
        }
        Statement survivor = kept.get();
        target.replace(survivor);
    }

    @Override
    List<IfStmt> points(BlockStmt body) {
        return body.findAll(IfStmt.class, s -> !RegionScope.inNestedClass(s, body) && constant(s.getCondition())
                .filter(v -> !v || s.getElseStmt().isPresent())
                .filter(v -> declaresNoClass(v ? s.getElseStmt().orElse(null) : s.getThenStmt()))
                .filter(v -> keptIsSafe(v ? s.getThenStmt() : s.getElseStmt().orElse(null)))
                .isPresent());
    }

    /** A kept branch that is not a block would put a declaration into the enclosing scope. */
    private static boolean keptIsSafe(Statement kept) {
        return kept == null || kept instanceof BlockStmt || !kept.isExpressionStmt()
                || !kept.asExpressionStmt().getExpression().isVariableDeclarationExpr();
    }

    private static boolean declaresNoClass(Statement dropped) {
        return dropped == null || dropped.findFirst(Statement.class,
                n -> n instanceof LocalClassDeclarationStmt || n instanceof LocalRecordDeclarationStmt).isEmpty()
                && dropped.findFirst(com.github.javaparser.ast.expr.ObjectCreationExpr.class,
                        o -> o.getAnonymousClassBody().isPresent()).isEmpty()
                && StatementDonors.copyable(dropped);
    }

    private static Optional<Boolean> constant(Expression e) {
        if (e instanceof EnclosedExpr enclosed) {
            return constant(enclosed.getInner());
        }
        return e instanceof BooleanLiteralExpr literal ? Optional.of(literal.getValue()) : Optional.empty();
    }
}
