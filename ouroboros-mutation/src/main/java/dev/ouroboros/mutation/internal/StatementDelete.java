package dev.ouroboros.mutation.internal;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.LocalClassDeclarationStmt;
import com.github.javaparser.ast.stmt.LocalRecordDeclarationStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SwitchEntry;
import dev.ouroboros.mutation.MutationSeverity;
import dev.ouroboros.mutation.OperatorKind;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The genetic-improvement edit "statement delete": removes one statement of the region body.
 *
 * <p>Points are the body's statements at any depth, in source (pre-order) order, except the body
 * itself, local class and record declarations, statements of classes declared in the body, the
 * expression of an expression lambda and the expression of an arrow {@code case}, which are not
 * free-standing statements in the source. A statement in a statement list is removed; one that
 * fills a required slot (the sole body of an {@code if}, a loop, a lambda, a label, a
 * {@code catch}) becomes the empty block {@code {}}, so the result still parses. Blocks in such
 * slots holding at most one statement are not points of their own: emptying them would change
 * nothing or repeat the deletion of that statement.
 */
public final class StatementDelete extends PointOperator<Statement> {

    public StatementDelete() {
        super("statement-delete",
                "Deletes one statement (a required statement slot becomes an empty block)",
                OperatorKind.EXPLORATORY, MutationSeverity.MAJOR);
    }

    @Override
    void rewrite(BlockStmt body, Statement target, RandomGenerator random) {
        if (inStatementList(target)) {
            target.remove();
        } else {
            target.replace(new BlockStmt());
        }
    }

    @Override
    List<Statement> points(BlockStmt body) {
        return body.findAll(Statement.class, s -> isPoint(s, body));
    }

    private static boolean isPoint(Statement s, BlockStmt body) {
        if (s == body || s instanceof LocalClassDeclarationStmt || s instanceof LocalRecordDeclarationStmt) {
            return false;
        }
        if (RegionScope.inNestedClass(s, body)) {
            return false;
        }
        Node parent = s.getParentNode().orElse(null);
        if (s instanceof ExpressionStmt && parent instanceof LambdaExpr) {
            return false;
        }
        if (parent instanceof SwitchEntry entry && (entry.getType() == SwitchEntry.Type.EXPRESSION
                || entry.getType() == SwitchEntry.Type.THROWS_STATEMENT)) {
            return false;
        }
        // Emptying a block in a required slot that holds at most one statement repeats (or is) a no-op:
        // deleting that one statement gives the same program.
        return inStatementList(s) || !(s instanceof BlockStmt block && block.getStatements().size() <= 1);
    }

    private static boolean inStatementList(Statement s) {
        Node parent = s.getParentNode().orElse(null);
        return parent instanceof BlockStmt
                || parent instanceof SwitchEntry entry && entry.getType() == SwitchEntry.Type.STATEMENT_GROUP;
    }
}
