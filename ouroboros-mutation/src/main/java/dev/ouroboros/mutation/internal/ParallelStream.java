package dev.ouroboros.mutation.internal;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import dev.ouroboros.mutation.MutationSeverity;
import dev.ouroboros.mutation.OperatorKind;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * {@code coll.stream()} becomes {@code coll.parallelStream()} when the pipeline ends in an operation
 * whose result does not depend on encounter order ({@code count}, {@code sum}, {@code anyMatch}, ...).
 *
 * <p>Exploratory and {@code MAJOR}: whether it keeps behaviour depends on what the lambdas of the
 * pipeline do (shared state, side effects, a non-associative reduction, a non-thread-safe source) and
 * whether it pays depends on the amount of work per element and the machine; only the tests, the
 * differential check and the arena can judge it. Points: one per zero-argument {@code stream()} call
 * with a receiver whose chain of calls ends in one of those terminal operations, outside classes
 * declared in the body, on a receiver proven to be a {@code java.util} collection (see {@link
 * #isCollection}): {@code stream()} of any other type may be a method that has no {@code
 * parallelStream()} twin, or one that means something else. Renames one call: the lambdas stay the same synthetic methods, so a winner
 * stays hot-swappable.
 */
public final class ParallelStream extends PointOperator<MethodCallExpr> {

    /** Collection types of {@code java.util} (and {@code java.util.concurrent}) by simple name. */
    private static final Set<String> COLLECTIONS = Set.of("Collection", "List", "ArrayList", "LinkedList", "Vector",
            "Stack", "Set", "HashSet", "LinkedHashSet", "SortedSet", "NavigableSet", "TreeSet", "EnumSet", "Queue",
            "Deque", "ArrayDeque", "PriorityQueue");
    private static final Set<String> CONCURRENT_COLLECTIONS = Set.of("CopyOnWriteArrayList", "CopyOnWriteArraySet",
            "ConcurrentLinkedQueue", "ConcurrentLinkedDeque", "ConcurrentSkipListSet", "BlockingQueue",
            "LinkedBlockingQueue", "ArrayBlockingQueue");
    /** Map types whose {@code keySet()}, {@code values()} and {@code entrySet()} are collections. */
    private static final Set<String> MAPS = Set.of("Map", "HashMap", "LinkedHashMap", "TreeMap", "SortedMap",
            "NavigableMap", "EnumMap", "IdentityHashMap", "WeakHashMap");
    private static final Set<String> CONCURRENT_MAPS = Set.of("ConcurrentMap", "ConcurrentHashMap",
            "ConcurrentSkipListMap");
    private static final Set<String> MAP_VIEWS = Set.of("keySet", "values", "entrySet");

    private static final Set<String> ORDER_FREE_TERMINALS = Set.of("count", "sum", "min", "max", "average",
            "summaryStatistics", "anyMatch", "allMatch", "noneMatch", "findAny");

    public ParallelStream() {
        super("parallel-stream",
                "coll.stream() becomes coll.parallelStream() when the pipeline ends in an order-free terminal",
                OperatorKind.EXPLORATORY, MutationSeverity.MAJOR);
    }

    @Override
    void rewrite(BlockStmt body, MethodCallExpr point, RandomGenerator random) {
        point.setName("parallelStream");
    }

    @Override
    List<MethodCallExpr> points(BlockStmt body) {
        return body.findAll(MethodCallExpr.class, c -> c.getNameAsString().equals("stream")
                && c.getArguments().isEmpty() && c.getScope().isPresent() && c.getTypeArguments().isEmpty()
                && !RegionScope.inNestedClass(c, body) && ORDER_FREE_TERMINALS.contains(terminal(c).getNameAsString())
                && isCollection(c.getScope().get(), body));
    }

    /**
     * True when the receiver is proven, syntactically, to be a {@code java.util} collection: a local,
     * parameter or field of the enclosing classes (plain name or {@code this.name}) declared with one
     * of the collection types, or {@code keySet()}, {@code values()} or {@code entrySet()} of such a
     * variable declared as a map. The type must name the JDK's: written in full, imported by a
     * single-type import, or imported on demand with {@code java.util.*} (or
     * {@code java.util.concurrent.*}) while the unit declares and imports no other type of that name.
     */
    static boolean isCollection(Expression receiver, BlockStmt body) {
        if (receiver instanceof MethodCallExpr view && MAP_VIEWS.contains(view.getNameAsString())
                && view.getArguments().isEmpty() && view.getScope().isPresent()) {
            return declaredType(view.getScope().get(), body).filter(t -> jdkType(t, body, MAPS, CONCURRENT_MAPS)).isPresent();
        }
        return declaredType(receiver, body).filter(t -> jdkType(t, body, COLLECTIONS, CONCURRENT_COLLECTIONS)).isPresent();
    }

    /** The declared type of a local, parameter or field named by the expression, when proven. */
    private static Optional<Type> declaredType(Expression e, BlockStmt body) {
        String name;
        if (e instanceof NameExpr n) {
            Optional<Type> local = RegionScope.localType(n, body);
            if (local.isPresent() || RegionScope.declarationCounts(body).containsKey(n.getNameAsString())) {
                return local; // a local or parameter, or a name shadowed in a way not proven
            }
            name = n.getNameAsString();
        } else if (e instanceof FieldAccessExpr f && f.getScope() instanceof ThisExpr t && t.getTypeName().isEmpty()) {
            name = f.getNameAsString();
        } else {
            return Optional.empty();
        }
        // A field of the innermost enclosing type that declares one of that name.
        for (Node n = body.getParentNode().orElse(null); n != null; n = n.getParentNode().orElse(null)) {
            if (n instanceof TypeDeclaration<?> type) {
                Optional<FieldDeclaration> field = type.getFieldByName(name);
                if (field.isPresent()) {
                    return field.get().getVariables().stream().filter(v -> v.getNameAsString().equals(name))
                            .findFirst().map(v -> v.getType());
                }
                if (e instanceof FieldAccessExpr || type instanceof com.github.javaparser.ast.body.ClassOrInterfaceDeclaration c
                        && (!c.getExtendedTypes().isEmpty() || !c.getImplementedTypes().isEmpty())) {
                    // this.name must be a field of the innermost class; and a supertype may declare the name.
                    return Optional.empty();
                }
            } else if (n instanceof com.github.javaparser.ast.expr.ObjectCreationExpr || n instanceof BlockStmt) {
                return Optional.empty(); // inside an anonymous or local class: its supertype may declare the field
            }
        }
        return Optional.empty();
    }

    private static boolean jdkType(Type type, BlockStmt body, Set<String> util, Set<String> concurrent) {
        if (!(type instanceof ClassOrInterfaceType t)) {
            return false;
        }
        String written = t.getNameWithScope();
        String simple = t.getName().getIdentifier();
        String pkg = util.contains(simple) ? "java.util" : concurrent.contains(simple) ? "java.util.concurrent" : null;
        if (pkg == null) {
            return false;
        }
        if (written.equals(pkg + "." + simple)) {
            return true;
        }
        if (!written.equals(simple) || RegionScope.shadowsJdkType(body, simple, pkg + "." + simple)) {
            return false;
        }
        CompilationUnit unit = body.findCompilationUnit().orElse(null);
        if (unit == null) {
            return false;
        }
        for (ImportDeclaration i : unit.getImports()) {
            if (!i.isStatic() && (!i.isAsterisk() && i.getNameAsString().equals(pkg + "." + simple)
                    || i.isAsterisk() && i.getNameAsString().equals(pkg))) {
                return true;
            }
        }
        return false;
    }

    /** The last call of the chain {@code call.a().b().c()} that starts at {@code call}. */
    private static MethodCallExpr terminal(MethodCallExpr call) {
        MethodCallExpr last = call;
        for (Node parent = last.getParentNode().orElse(null); parent instanceof MethodCallExpr next
                && next.getScope().orElse(null) == last; parent = next.getParentNode().orElse(null)) {
            last = next;
        }
        return last;
    }
}
