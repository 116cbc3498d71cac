package dev.ouroboros.mutation.internal;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.SwitchExpr;
import com.github.javaparser.ast.stmt.AssertStmt;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExplicitConstructorInvocationStmt;
import com.github.javaparser.ast.stmt.LocalClassDeclarationStmt;
import com.github.javaparser.ast.stmt.LocalRecordDeclarationStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SwitchEntry;
import java.util.List;

/**
 * The statements the genetic-improvement edits move around, and which of them may be duplicated.
 *
 * <p>Targets are statements that sit in a statement list (a block or a {@code case ...:} group) of
 * the region body, outside classes declared in it, except a constructor's {@code this(...)} or
 * {@code super(...)} call: it must stay the constructor's first statement (up to Java 24), so
 * nothing may go before it and it may not move or be copied. A donor is a target that may be cloned without
 * adding members to any class: it contains no lambda or method reference (each is a synthetic
 * method), no anonymous or local class (a new class numbered after the existing ones would shift
 * their names), no {@code assert} (it adds the synthetic {@code $assertionsDisabled} field when the
 * class has none) and no switch expression.
 */
final class StatementDonors {

    private StatementDonors() {
    }

    /** Statements in statement lists of the body, in pre-order. */
    static List<Statement> targets(BlockStmt body) {
        return body.findAll(Statement.class, s -> s != body && inStatementList(s) && !RegionScope.inNestedClass(s, body)
                && !(s instanceof LocalClassDeclarationStmt) && !(s instanceof LocalRecordDeclarationStmt)
                && !(s instanceof ExplicitConstructorInvocationStmt));
    }

    /** Targets that may be copied anywhere without adding a member to a class. */
    static List<Statement> donors(BlockStmt body) {
        return targets(body).stream().filter(StatementDonors::copyable).toList();
    }

    static boolean copyable(Node s) {
        return s.findFirst(Node.class, n -> n instanceof LambdaExpr || n instanceof MethodReferenceExpr
                || n instanceof ObjectCreationExpr o && o.getAnonymousClassBody().isPresent()
                || n instanceof LocalClassDeclarationStmt || n instanceof LocalRecordDeclarationStmt
                || n instanceof AssertStmt || n instanceof SwitchExpr).isEmpty();
    }

    static boolean inStatementList(Statement s) {
        Node parent = s.getParentNode().orElse(null);
        return parent instanceof BlockStmt
                || parent instanceof SwitchEntry entry && entry.getType() == SwitchEntry.Type.STATEMENT_GROUP;
    }

    /** Inserts {@code inserted} just before {@code anchor}, which must sit in a statement list. */
    static void insertBefore(Statement anchor, Statement inserted) {
        Node parent = anchor.getParentNode().orElseThrow();
        if (parent instanceof BlockStmt block) {
            block.getStatements().addBefore(inserted, anchor);
        } else {
            ((SwitchEntry) parent).getStatements().addBefore(inserted, anchor);
        }
    }
}
