package dev.ouroboros.mutation.internal;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import dev.ouroboros.mutation.MutationSeverity;
import dev.ouroboros.mutation.OperatorKind;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Collection swap: a local {@code List} made as a {@code new LinkedList<>(...)} becomes an
 * {@code ArrayList}: index access is O(1), iteration is cache-friendly, and there is one object per
 * list instead of one per element.
 *
 * <p>Preconditions, so that no code can tell the two lists apart: the local is declared once, with
 * the type {@code List}, {@code Collection} or {@code Iterable}, initialized with {@code new
 * LinkedList<>()} or {@code new LinkedList<>(collection)} (no anonymous subclass), where
 * {@code LinkedList} is {@code java.util.LinkedList}; every use is either the receiver of a
 * {@code List} method whose contract both classes implement alike ({@code add get set size
 * contains remove ...}, never {@code getClass}), or the iterable of an enhanced {@code for} whose
 * body does not mention the list (no modification while iterating). The list is never passed,
 * returned, stored, assigned or captured, so no one can cast it or check its class.
 * {@code ArrayList} is written as imported, else fully qualified.
 */
public final class LinkedListToArrayList extends PointOperator<ObjectCreationExpr> {

    private static final Set<String> DECLARED = Set.of("List", "Collection", "Iterable", "java.util.List",
            "java.util.Collection", "java.lang.Iterable");
    private static final Set<String> SAME_CONTRACT = Set.of("add", "addAll", "get", "set", "size", "isEmpty",
            "contains", "containsAll", "indexOf", "lastIndexOf", "clear", "remove", "removeAll", "retainAll",
            "toArray", "equals", "hashCode", "toString");

    public LinkedListToArrayList() {
        super("linked-list-to-array-list",
                "Makes a local List that never escapes an ArrayList instead of a LinkedList",
                OperatorKind.SEMANTICS_PRESERVING, MutationSeverity.MODERATE);
    }

    @Override
    void rewrite(BlockStmt body, ObjectCreationExpr creation, RandomGenerator random) {
        boolean imported = body.findCompilationUnit().map(LinkedListToArrayList::arrayListImported).orElse(false)
                && !RegionScope.shadowsJdkType(body, "ArrayList", "java.util.ArrayList");
        ClassOrInterfaceType type = creation.getType();
        ClassOrInterfaceType arrayList = imported ? new ClassOrInterfaceType(null, "ArrayList")
                : new ClassOrInterfaceType(new ClassOrInterfaceType(new ClassOrInterfaceType(null, "java"), "util"), "ArrayList");
        type.getTypeArguments().ifPresent(args -> arrayList.setTypeArguments(args.stream()
                .map(com.github.javaparser.ast.type.Type::clone)
                .collect(com.github.javaparser.ast.NodeList.toNodeList())));
        // A new creation expression, not a new type on the old one: the lexical-preserving printer
        // does not notice a type swapped under an existing creation expression.
        creation.replace(new ObjectCreationExpr(null, arrayList, creation.getArguments().stream()
                .map(com.github.javaparser.ast.expr.Expression::clone)
                .collect(com.github.javaparser.ast.NodeList.toNodeList())));
    }

    @Override
    List<ObjectCreationExpr> points(BlockStmt body) {
        return body.findAll(VariableDeclarator.class, d -> qualifies(d, body)).stream()
                .map(d -> d.getInitializer().orElseThrow().asObjectCreationExpr()).toList();
    }

    private static boolean qualifies(VariableDeclarator d, BlockStmt body) {
        if (RegionScope.inLambdaOrNestedClass(d, body) || !DECLARED.contains(d.getType().isClassOrInterfaceType()
                ? d.getType().asClassOrInterfaceType().getNameWithScope() : "")) {
            return false;
        }
        if (!(d.getInitializer().orElse(null) instanceof ObjectCreationExpr creation)
                || creation.getAnonymousClassBody().isPresent() || creation.getScope().isPresent()
                || creation.getArguments().size() > 1 || !isJdkLinkedList(creation.getType(), body)) {
            return false;
        }
        String name = d.getNameAsString();
        if (RegionScope.declarationCounts(body).getOrDefault(name, 0) != 1) {
            return false;
        }
        Node owner = body.getParentNode().orElse(body);
        return owner.findAll(NameExpr.class, n -> n.getNameAsString().equals(name)).stream()
                .allMatch(use -> sameContractUse(use, name, body));
    }

    private static boolean sameContractUse(NameExpr use, String name, BlockStmt body) {
        if (RegionScope.inLambdaOrNestedClass(use, body)) {
            return false;
        }
        Node parent = use.getParentNode().orElse(null);
        if (parent instanceof MethodCallExpr call && call.getScope().orElse(null) == use) {
            return SAME_CONTRACT.contains(call.getNameAsString());
        }
        if (parent instanceof ForEachStmt loop && loop.getIterable() == use) {
            return loop.getBody().findFirst(NameExpr.class, n -> n.getNameAsString().equals(name)).isEmpty();
        }
        return false;
    }

    private static boolean isJdkLinkedList(ClassOrInterfaceType type, BlockStmt body) {
        String written = type.getNameWithScope();
        if (written.equals("java.util.LinkedList")) {
            return true;
        }
        if (!written.equals("LinkedList") || RegionScope.shadowsJdkType(body, "LinkedList", "java.util.LinkedList")) {
            return false;
        }
        return body.findCompilationUnit().map(u -> u.getImports().stream().anyMatch(i -> !i.isStatic()
                && (i.isAsterisk() && i.getNameAsString().equals("java.util")
                        || !i.isAsterisk() && i.getNameAsString().equals("java.util.LinkedList")))).orElse(false);
    }

    private static boolean arrayListImported(CompilationUnit unit) {
        return unit.getImports().stream().anyMatch(i -> !i.isStatic()
                && (i.isAsterisk() && i.getNameAsString().equals("java.util")
                        || !i.isAsterisk() && i.getNameAsString().equals("java.util.ArrayList")));
    }

}
