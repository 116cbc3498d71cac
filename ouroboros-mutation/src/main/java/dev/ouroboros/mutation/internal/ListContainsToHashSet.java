package dev.ouroboros.mutation.internal;

import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.CharLiteralExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.WhileStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.PrimitiveType;
import com.github.javaparser.ast.type.Type;
import dev.ouroboros.mutation.MutationSeverity;
import dev.ouroboros.mutation.OperatorKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * {@code list.contains(x)} inside a loop becomes a lookup in a {@code HashSet} built once, right
 * before the loop, from the same list: O(1) instead of O(n) per lookup.
 *
 * <p>Points: one per loop (in source order) and local list, for the first list that qualifies in
 * that loop. Preconditions, all checked syntactically:
 * <ul>
 *   <li>the list is a local variable or parameter whose declared type is {@code List},
 *       {@code ArrayList}, {@code LinkedList} or {@code Collection} of {@code String} or a boxed
 *       primitive — types whose {@code equals} and {@code hashCode} agree, so a hash lookup finds
 *       exactly what a linear scan finds;
 *   <li>every argument of those {@code contains} calls is a literal or a local of the element type
 *       (or its primitive), so the lookup key has that value equality too;
 *   <li>inside the loop the list's name appears only as the receiver of {@code contains}, nothing in
 *       the body is assigned to it, and the loop calls no other method — except {@code add} on a
 *       local list made in the body with {@code new ArrayList} / {@code new LinkedList} — and creates
 *       no object (so nothing can change the list while the loop runs); no lambda, method reference or
 *       class in the loop;
 *   <li>the loop is a statement of a block (the set is declared just before it).
 * </ul>
 * A null list still fails with a {@code NullPointerException} at the first lookup: the set is built as
 * {@code list == null ? null : new HashSet<>(list)}. Adds a local only, never a member.
 */
public final class ListContainsToHashSet extends PointOperator<ListContainsToHashSet.Site> {

    private static final Set<String> LIST_TYPES = Set.of("List", "ArrayList", "LinkedList", "Collection",
            "java.util.List", "java.util.ArrayList", "java.util.LinkedList", "java.util.Collection");
    private static final Map<String, String> VALUE_TYPES = Map.of("String", "", "Integer", "int", "Long", "long",
            "Short", "short", "Byte", "byte", "Character", "char", "Boolean", "boolean");

    public ListContainsToHashSet() {
        super("list-contains-to-hash-set",
                "list.contains(x) in a loop becomes a lookup in a HashSet built once before the loop",
                OperatorKind.SEMANTICS_PRESERVING, MutationSeverity.MODERATE);
    }

    @Override
    void rewrite(BlockStmt body, Site site, RandomGenerator random) {
        String set = RegionScope.freshName(site.list() + "Set", RegionScope.identifiers(body));
        for (MethodCallExpr call : site.calls()) {
            call.setScope(new NameExpr(set));
        }
        Statement declaration = StaticJavaParser.parseStatement("java.util.Set<" + site.element() + "> " + set
                + " = " + site.list() + " == null ? null : new java.util.HashSet<>(" + site.list() + ");");
        ((BlockStmt) site.loop().getParentNode().orElseThrow()).getStatements().addBefore(declaration, site.loop());
    }

    record Site(Statement loop, String list, String element, List<MethodCallExpr> calls) {
    }

    @Override
    List<Site> points(BlockStmt body) {
        List<Site> out = new ArrayList<>();
        for (Statement loop : body.findAll(Statement.class, s -> isLoop(s) && !RegionScope.inLambdaOrNestedClass(s, body)
                && s.getParentNode().orElse(null) instanceof BlockStmt)) {
            site(loop, body).ifPresent(out::add);
        }
        return out;
    }

    private static boolean isLoop(Statement s) {
        return s instanceof ForStmt || s instanceof ForEachStmt || s instanceof WhileStmt || s instanceof DoStmt;
    }

    private static Optional<Site> site(Statement loop, BlockStmt body) {
        if (loop.findFirst(Node.class, n -> n instanceof LambdaExpr || n instanceof MethodReferenceExpr
                || n instanceof ObjectCreationExpr || n instanceof com.github.javaparser.ast.body.BodyDeclaration<?>)
                .isPresent()) {
            return Optional.empty();
        }
        List<MethodCallExpr> calls = loop.findAll(MethodCallExpr.class, c -> !addsToFreshList(c, body));
        for (MethodCallExpr call : calls) {
            if (!call.getNameAsString().equals("contains") || call.getArguments().size() != 1
                    || !(call.getScope().orElse(null) instanceof NameExpr list)) {
                return Optional.empty(); // another call could change the list
            }
            Optional<String> element = elementType(list, body);
            if (element.isEmpty()) {
                continue;
            }
            String name = list.getNameAsString();
            List<MethodCallExpr> uses = new ArrayList<>();
            boolean ok = true;
            for (NameExpr use : loop.findAll(NameExpr.class, n -> n.getNameAsString().equals(name))) {
                if (use.getParentNode().orElse(null) instanceof MethodCallExpr m && m.getScope().orElse(null) == use
                        && m.getNameAsString().equals("contains") && m.getArguments().size() == 1
                        && keyFits(m.getArgument(0), element.get(), body)) {
                    uses.add(m);
                } else {
                    ok = false;
                }
            }
            // Assigned anywhere in the body, the list could have become an alias of a list the loop fills.
            boolean assigned = body.findFirst(AssignExpr.class, a -> a.getTarget() instanceof NameExpr t
                    && t.getNameAsString().equals(name)).isPresent();
            if (ok && !assigned && !uses.isEmpty() && calls.size() == uses.size()) {
                return Optional.of(new Site(loop, name, element.get(), uses));
            }
            return Optional.empty();
        }
        return Optional.empty();
    }

    /**
     * True for {@code out.add(e)} on a local declared once in the body as {@code new ArrayList<>(...)} or
     * {@code new LinkedList<>(...)}: a list made here, which no parameter can alias, and whose
     * {@code add} runs no code of the element.
     */
    private static boolean addsToFreshList(MethodCallExpr call, BlockStmt body) {
        if (!call.getNameAsString().equals("add") || call.getArguments().size() != 1
                || !(call.getScope().orElse(null) instanceof NameExpr target)) {
            return false;
        }
        String name = target.getNameAsString();
        if (RegionScope.declarationCounts(body).getOrDefault(name, 0) != 1 || RegionScope.localType(target, body).isEmpty()
                || body.findFirst(AssignExpr.class, a -> a.getTarget() instanceof NameExpr t
                        && t.getNameAsString().equals(name)).isPresent()) {
            return false;
        }
        return body.findFirst(com.github.javaparser.ast.body.VariableDeclarator.class, d -> d.getNameAsString().equals(name))
                .flatMap(d -> d.getInitializer())
                .filter(init -> init instanceof ObjectCreationExpr o && o.getAnonymousClassBody().isEmpty()
                        && Set.of("ArrayList", "LinkedList", "java.util.ArrayList", "java.util.LinkedList")
                                .contains(o.getType().getNameWithScope())
                        && !RegionScope.shadowsJdkType(body, o.getType().getName().getIdentifier(),
                                "java.util." + o.getType().getName().getIdentifier()))
                .isPresent();
    }

    /** The element type of a local list of a value type, e.g. {@code String} for {@code List<String>}. */
    private static Optional<String> elementType(NameExpr list, BlockStmt body) {
        Optional<Type> type = RegionScope.localType(list, body);
        if (type.isEmpty() || !(type.get() instanceof ClassOrInterfaceType t)
                || !LIST_TYPES.contains(t.getNameWithScope()) || t.getTypeArguments().isEmpty()
                || t.getTypeArguments().get().size() != 1) {
            return Optional.empty();
        }
        String element = t.getTypeArguments().get().get(0).asString();
        if (!VALUE_TYPES.containsKey(element) || RegionScope.shadowsJdkType(body, element, "java.lang." + element)) {
            return Optional.empty();
        }
        return Optional.of(element);
    }

    /** True when the lookup key is a literal or local of the element type (or its primitive). */
    private static boolean keyFits(Expression key, String element, BlockStmt body) {
        if (key instanceof StringLiteralExpr) {
            return element.equals("String");
        }
        if (key instanceof CharLiteralExpr) {
            return element.equals("Character");
        }
        if (key instanceof IntegerLiteralExpr || key instanceof UnaryExpr u && u.getExpression() instanceof IntegerLiteralExpr) {
            return element.equals("Integer");
        }
        if (!(key instanceof NameExpr name)) {
            return false;
        }
        Optional<Type> type = RegionScope.localType(name, body);
        if (type.isEmpty()) {
            return false;
        }
        if (type.get() instanceof PrimitiveType p) {
            return p.asString().equals(VALUE_TYPES.get(element));
        }
        return type.get().asString().equals(element);
    }
}
