package dev.ouroboros.mutation.internal;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.SimpleName;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.WhileStmt;
import com.github.javaparser.ast.type.PrimitiveType;
import com.github.javaparser.ast.type.Type;
import dev.ouroboros.mutation.MutationSeverity;
import dev.ouroboros.mutation.OperatorKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Loop-invariant code motion: a local declared in a loop body whose initializer gives the same value
 * on every iteration and can neither throw nor change anything moves to just before the loop.
 *
 * <p>Points: one per declaration statement, in source order. Preconditions, all checked syntactically:
 * <ul>
 *   <li>the statement declares one variable of a primitive type with an initializer, directly in the
 *       block body of a {@code for}, for-each, {@code while} or {@code do} loop that is itself a
 *       statement of a block (not inside a lambda or a class declared in the body);
 *   <li>the initializer is built only from literals (no string literals), names of locals and
 *       parameters of primitive type declared outside the loop and never assigned or incremented in it,
 *       arithmetic, comparison, logical, bitwise and conditional operators, casts to primitive types and
 *       an allow-list of {@code Math} methods that cannot throw; {@code /} and {@code %} only by a
 *       non-zero literal. So the hoisted evaluation cannot throw even when the loop runs zero times,
 *       needs no unboxing (no null), and yields a primitive (no identity to share);
 *   <li>the variable is never assigned or incremented, and its name is declared once in the member and
 *       written nowhere but after the declaration in its own block — not in the loop header, not
 *       earlier in the body, not after the loop — so the hoisted local captures no use of a field of
 *       that name and clashes with no other declaration.
 * </ul>
 * Moves a statement only: adds no field, method or lambda, so a winner stays hot-swappable.
 */
public final class LoopInvariantHoist extends PointOperator<LoopInvariantHoist.Hoist> {

    public LoopInvariantHoist() {
        super("loop-invariant-hoist",
                "A primitive local whose initializer is loop-invariant and cannot throw moves to just before the loop",
                OperatorKind.SEMANTICS_PRESERVING, MutationSeverity.MINOR);
    }

    @Override
    void rewrite(BlockStmt body, Hoist hoist, RandomGenerator random) {
        Statement moved = hoist.declaration().clone();
        hoist.declaration().remove();
        ((BlockStmt) hoist.loop().getParentNode().orElseThrow()).getStatements().addBefore(moved, hoist.loop());
    }

    record Hoist(ExpressionStmt declaration, Statement loop) {
    }

    @Override
    List<Hoist> points(BlockStmt body) {
        List<Hoist> out = new ArrayList<>();
        for (ExpressionStmt statement : body.findAll(ExpressionStmt.class,
                s -> s.getExpression() instanceof VariableDeclarationExpr)) {
            Statement loop = loopOfBody(statement);
            if (loop != null && loop.getParentNode().orElse(null) instanceof BlockStmt
                    && !RegionScope.inLambdaOrNestedClass(statement, body)
                    && hoistable((VariableDeclarationExpr) statement.getExpression(), loop, body)) {
                out.add(new Hoist(statement, loop));
            }
        }
        return out;
    }

    /** The loop whose block body holds the statement directly; null if there is none. */
    private static Statement loopOfBody(Statement statement) {
        if (!(statement.getParentNode().orElse(null) instanceof BlockStmt block)) {
            return null;
        }
        Node parent = block.getParentNode().orElse(null);
        Statement loopBody = parent instanceof ForStmt f ? f.getBody()
                : parent instanceof ForEachStmt f ? f.getBody()
                : parent instanceof WhileStmt w ? w.getBody()
                : parent instanceof DoStmt d ? d.getBody() : null;
        return loopBody == block ? (Statement) parent : null;
    }

    private static boolean hoistable(VariableDeclarationExpr declaration, Statement loop, BlockStmt body) {
        if (declaration.getVariables().size() != 1) {
            return false;
        }
        VariableDeclarator variable = declaration.getVariable(0);
        if (!(variable.getType() instanceof PrimitiveType) || variable.getInitializer().isEmpty()) {
            return false;
        }
        String name = variable.getNameAsString();
        Node owner = body.getParentNode().orElse(body);
        Node statement = declaration.getParentNode().orElseThrow();
        if (RegionScope.declarationCounts(body).getOrDefault(name, 0) != 1 || changedIn(loop, name)
                || owner.findFirst(SimpleName.class, n -> n.getIdentifier().equals(name)
                        && !inScopeOf(statement, n)).isPresent()) {
            return false;
        }
        return SafeExpression.test(variable.getInitializer().get(), use -> invariantName(use, loop, body), body);
    }

    /**
     * True when the name sits where the declaration already binds it: in the declaration's block, at or
     * after the declaration. Anywhere else (the loop header, earlier in the body, after the loop) the
     * same name means something else — a field, say — which the hoisted local would capture.
     */
    private static boolean inScopeOf(Node statement, Node name) {
        Node block = statement.getParentNode().orElseThrow();
        return RegionScope.isAncestor(block, name) && statement.getBegin().isPresent() && name.getBegin().isPresent()
                && !name.getBegin().get().isBefore(statement.getBegin().get());
    }

    /** A local or parameter of primitive type, declared outside the loop and never changed inside it. */
    private static boolean invariantName(NameExpr use, Statement loop, BlockStmt body) {
        Optional<Type> type = RegionScope.localType(use, body);
        if (type.isEmpty() || !(type.get() instanceof PrimitiveType)) {
            return false;
        }
        String name = use.getNameAsString();
        Node owner = body.getParentNode().orElse(body);
        boolean declaredInLoop = owner.findFirst(VariableDeclarator.class, d -> d.getNameAsString().equals(name))
                .map(d -> RegionScope.isAncestor(loop, d)).orElse(false)
                || owner.findFirst(Parameter.class, p -> p.getNameAsString().equals(name))
                        .map(p -> RegionScope.isAncestor(loop, p)).orElse(false);
        return !declaredInLoop && !changedIn(loop, name);
    }

    /** True when the loop assigns, increments or decrements the name anywhere (its header included). */
    private static boolean changedIn(Statement loop, String name) {
        return loop.findFirst(AssignExpr.class, a -> a.getTarget() instanceof NameExpr t
                        && t.getNameAsString().equals(name)).isPresent()
                || loop.findFirst(UnaryExpr.class, u -> SafeExpression.STEPS.contains(u.getOperator())
                        && u.getExpression() instanceof NameExpr t && t.getNameAsString().equals(name)).isPresent();
    }
}
