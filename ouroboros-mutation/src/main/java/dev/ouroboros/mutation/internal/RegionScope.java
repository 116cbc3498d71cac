package dev.ouroboros.mutation.internal;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.expr.PatternExpr;
import com.github.javaparser.ast.expr.SimpleName;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.type.Type;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the operators need to know about where a node sits inside a region body.
 *
 * <p>A region body belongs to one class; statements inside a local or anonymous class declared in the
 * body compile into another class, so operators leave them alone: editing them would change a
 * class the swap of this region does not cover.
 */
final class RegionScope {

    private RegionScope() {
    }

    /** Returns true when the node lies inside a local, anonymous or record class declared in the body. */
    static boolean inNestedClass(Node node, BlockStmt body) {
        for (Node n = parent(node); n != null && n != body; n = parent(n)) {
            if (n instanceof BodyDeclaration<?>) {
                return true;
            }
        }
        return false;
    }

    /** Returns true when the node lies inside a lambda or a class declared in the body. */
    static boolean inLambdaOrNestedClass(Node node, BlockStmt body) {
        return hasAncestor(node, body, LambdaExpr.class) || inNestedClass(node, body);
    }

    /**
     * Counts how often each name is declared in the declaration owning the body: local variables,
     * parameters (of the member, lambdas and catch clauses) and pattern variables.
     */
    static Map<String, Integer> declarationCounts(BlockStmt body) {
        Node owner = body.getParentNode().orElse(body);
        Map<String, Integer> counts = new HashMap<>();
        owner.findAll(VariableDeclarator.class).forEach(d -> counts.merge(d.getNameAsString(), 1, Integer::sum));
        owner.findAll(Parameter.class).forEach(p -> counts.merge(p.getNameAsString(), 1, Integer::sum));
        owner.findAll(PatternExpr.class).forEach(p -> p.findAll(SimpleName.class)
                .forEach(n -> counts.merge(n.getIdentifier(), 1, Integer::sum)));
        return counts;
    }

    /**
     * Returns true when, where the body is, the simple name may not mean the JDK type {@code qualified}:
     * the unit imports another type of that name by single-type import, or declares a type of that
     * name the body can see (a top-level or member type of the unit, or a class in the body's member),
     * or a variable the body can see (a local, parameter or class in the member, a field or record
     * component of an enclosing type), which would win over the type in {@code Name.member}. Only the
     * member and the declarations around it are searched, not every method of the unit: in a class of
     * hundreds of methods the operators ask this for every region.
     */
    static boolean shadowsJdkType(BlockStmt body, String simple, String qualified) {
        Optional<CompilationUnit> unit = body.findCompilationUnit();
        if (unit.isEmpty()) {
            return true;
        }
        boolean imported = unit.get().getImports().stream()
                .anyMatch(i -> !i.isAsterisk() && !i.isStatic() && i.getName().getIdentifier().equals(simple)
                        && !i.getNameAsString().equals(qualified));
        if (imported || declaresType(unit.get().getTypes(), simple)) {
            return true;
        }
        Node member = body.getParentNode().orElse(body);
        if (member.findFirst(Node.class, n -> n instanceof TypeDeclaration<?> t && t.getNameAsString().equals(simple)
                || n instanceof VariableDeclarator v && v.getNameAsString().equals(simple)
                || n instanceof Parameter p && p.getNameAsString().equals(simple)).isPresent()) {
            return true;
        }
        for (Node n = member.getParentNode().orElse(null); n != null; n = n.getParentNode().orElse(null)) {
            if (n instanceof TypeDeclaration<?> type && type.getFields().stream()
                    .anyMatch(f -> f.getVariables().stream().anyMatch(v -> v.getNameAsString().equals(simple)))) {
                return true;
            }
            if (n instanceof RecordDeclaration record && record.getParameters().stream()
                    .anyMatch(p -> p.getNameAsString().equals(simple))) {
                return true;
            }
        }
        return false;
    }

    /** True when one of the types or their member types, at any depth, has this simple name. */
    private static boolean declaresType(List<? extends BodyDeclaration<?>> declarations, String simple) {
        for (BodyDeclaration<?> d : declarations) {
            if (d instanceof TypeDeclaration<?> type
                    && (type.getNameAsString().equals(simple) || declaresType(type.getMembers(), simple))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Returns the declared type of the local variable or parameter a name refers to, when that can be
     * proven syntactically: the name is declared exactly once in the member, and the use sits inside
     * the scope of that declaration (after it, for a local). Empty means "not proven": the name may
     * be a field, or shadowed.
     */
    static Optional<Type> localType(NameExpr use, BlockStmt body) {
        String name = use.getNameAsString();
        if (declarationCounts(body).getOrDefault(name, 0) != 1 || inNestedClass(use, body)) {
            return Optional.empty();
        }
        Node owner = body.getParentNode().orElse(body);
        Optional<Parameter> parameter = owner.findFirst(Parameter.class, p -> p.getNameAsString().equals(name));
        if (parameter.isPresent()) {
            Node scope = parameter.get().getParentNode().orElse(null);
            boolean inScope = scope == owner || scope != null && isAncestor(scope, use);
            return inScope ? Optional.of(parameter.get().getType()) : Optional.empty();
        }
        Optional<VariableDeclarator> local = owner.findFirst(VariableDeclarator.class,
                d -> d.getNameAsString().equals(name));
        if (local.isEmpty() || !(local.get().getParentNode().orElse(null) instanceof VariableDeclarationExpr decl)) {
            return Optional.empty();
        }
        Node holder = decl.getParentNode().orElse(null);
        Node scope;
        if (holder instanceof ExpressionStmt statement) {
            scope = statement.getParentNode().orElse(null);
        } else if (holder instanceof ForStmt || holder instanceof TryStmt) {
            scope = holder;
        } else if (holder instanceof ForEachStmt forEach) {
            scope = forEach.getBody();
        } else {
            return Optional.empty();
        }
        boolean after = local.get().getEnd().isPresent() && use.getBegin().isPresent()
                && local.get().getEnd().get().isBefore(use.getBegin().get());
        return scope != null && isAncestor(scope, use) && after ? Optional.of(local.get().getType()) : Optional.empty();
    }

    /**
     * Returns true when {@code ancestor} is a proper ancestor of {@code node}: a walk up from the node,
     * as cheap as the tree is deep ({@code Node.isAncestorOf} searches the ancestor's whole subtree).
     */
    static boolean isAncestor(Node ancestor, Node node) {
        for (Node n = parent(node); n != null; n = parent(n)) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }

    /** Returns true when some ancestor of the node strictly inside the body is of the given type. */
    static boolean hasAncestor(Node node, BlockStmt body, Class<? extends Node> type) {
        for (Node n = parent(node); n != null && n != body; n = parent(n)) {
            if (type.isInstance(n)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Returns every identifier written in the declaration that owns the body (its parameters and the
     * body itself), so that a new local cannot shadow or clash with any of them.
     */
    static Set<String> identifiers(BlockStmt body) {
        Node owner = body.getParentNode().orElse(body);
        Set<String> names = new HashSet<>();
        owner.findAll(SimpleName.class).forEach(n -> names.add(n.getIdentifier()));
        return names;
    }

    /** Returns {@code base} if unused, else {@code base2}, {@code base3}, ...; the result is added to {@code used}. */
    static String freshName(String base, Set<String> used) {
        String name = base;
        for (int i = 2; used.contains(name); i++) {
            name = base + i;
        }
        used.add(name);
        return name;
    }

    private static Node parent(Node node) {
        Optional<Node> parent = node.getParentNode();
        return parent.orElse(null);
    }
}
