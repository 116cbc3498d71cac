package dev.ouroboros.genome.internal;

import com.github.javaparser.Range;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ExplicitConstructorInvocationStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.WhileStmt;
import dev.ouroboros.genome.MutationPoint;
import dev.ouroboros.genome.MutationPointKind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Lists the mutation points of a region body and finds a point again in another parse.
 *
 * <p>Both directions walk the body in the same pre-order and count per kind, so a point's index
 * names the same node in every parse of an unchanged body.
 */
public final class MutationPointFinder {

    private MutationPointFinder() {
    }

    /** Lists every point of the body, grouped by kind in {@link MutationPointKind} order, each in pre-order. */
    public static List<MutationPoint> points(BlockStmt body, String regionId) {
        Map<MutationPointKind, List<Node>> byKind = classify(body);
        List<MutationPoint> out = new ArrayList<>();
        for (Map.Entry<MutationPointKind, List<Node>> e : byKind.entrySet()) {
            List<Node> nodes = e.getValue();
            for (int i = 0; i < nodes.size(); i++) {
                Node n = nodes.get(i);
                Range r = n.getRange().orElseThrow();
                out.add(new MutationPoint(regionId, e.getKey(), i, n.getClass().getSimpleName(),
                        r.begin.line, r.begin.column, r.end.line, r.end.column));
            }
        }
        return out;
    }

    /** Finds the node a point names in a parse of its region's unit. */
    public static Optional<Node> locate(CompilationUnit unit, MutationPoint point) {
        return RegionLocator.locateBody(unit, point.regionId()).flatMap(body -> {
            List<Node> nodes = classify(body).get(point.kind());
            return point.index() < nodes.size() ? Optional.of(nodes.get(point.index())) : Optional.empty();
        });
    }

    private static Map<MutationPointKind, List<Node>> classify(BlockStmt body) {
        Map<MutationPointKind, List<Node>> out = new EnumMap<>(MutationPointKind.class);
        for (MutationPointKind k : MutationPointKind.values()) {
            out.put(k, new ArrayList<>());
        }
        body.walk(Node.TreeTraversal.PREORDER, n -> {
            if (n == body || n.getRange().isEmpty()) {
                return;
            }
            if (n instanceof Statement) {
                out.get(MutationPointKind.STATEMENT).add(n);
            }
            if (n instanceof Expression) {
                out.get(MutationPointKind.EXPRESSION).add(n);
            }
            if (n instanceof ForStmt || n instanceof ForEachStmt || n instanceof WhileStmt || n instanceof DoStmt) {
                out.get(MutationPointKind.LOOP).add(n);
            }
            if (n instanceof Expression e && isCondition(e)) {
                out.get(MutationPointKind.CONDITION).add(n);
            }
            if (n instanceof MethodCallExpr || n instanceof ObjectCreationExpr
                    || n instanceof ExplicitConstructorInvocationStmt) {
                out.get(MutationPointKind.CALL).add(n);
            }
        });
        return out;
    }

    private static boolean isCondition(Expression e) {
        Node parent = e.getParentNode().orElse(null);
        if (parent instanceof IfStmt s) {
            return s.getCondition() == e;
        }
        if (parent instanceof WhileStmt s) {
            return s.getCondition() == e;
        }
        if (parent instanceof DoStmt s) {
            return s.getCondition() == e;
        }
        if (parent instanceof ForStmt s) {
            return s.getCompare().filter(c -> c == e).isPresent();
        }
        if (parent instanceof ConditionalExpr c) {
            return c.getCondition() == e;
        }
        return false;
    }
}
