package dev.ouroboros.genome.internal;

import com.github.javaparser.Position;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.ExplicitConstructorInvocationStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.resolution.TypeSolver;
import com.github.javaparser.resolution.declarations.ResolvedMethodLikeDeclaration;
import com.github.javaparser.symbolsolver.JavaSymbolSolver;
import dev.ouroboros.genome.CallResolution;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultDirectedGraph;
import org.jgrapht.graph.DefaultEdge;

/**
 * Builds the class dependency graph and the method call graph of a genome with the symbol solver.
 *
 * <p>Call {@link #index} on every unit first (it names every region and type), then
 * {@link #inherit} on every unit (supertypes and overriding methods), then {@link #link} on every
 * unit (type references and call sites). Resolution failures are counted, never thrown: the symbol solver fails in many ways
 * (unknown symbols, unsupported constructs, even deep recursion), and one bad call must not cost the
 * graph of the rest.
 */
public final class CallGraphBuilder {

    private static final int SAMPLE_LIMIT = 25;

    private final JavaSymbolSolver symbolSolver;
    private final Graph<String, DefaultEdge> calls = new DefaultDirectedGraph<>(DefaultEdge.class);
    private final Graph<String, DefaultEdge> classes = new DefaultDirectedGraph<>(DefaultEdge.class);
    private final Map<String, String> binaryByQualified = new HashMap<>();
    private final Map<CompilationUnit, Map<Node, String>> regionsByUnit = new IdentityHashMap<>();
    private final Map<CompilationUnit, Map<Node, String>> typesByUnit = new IdentityHashMap<>();
    private final Map<CompilationUnit, Path> files = new IdentityHashMap<>();
    private final Map<Node, String> regionOfDeclaration = new IdentityHashMap<>();
    private final CallShapes shapes;
    private final Map<ResolvedMethodLikeDeclaration, Callee> callees = new IdentityHashMap<>();
    private final Map<String, Optional<String>> typeNames = new HashMap<>();
    private final Dispatch dispatch;
    private long callSites;
    private long resolved;
    private final Map<String, Long> reasons = new TreeMap<>();
    private final List<String> samples = new ArrayList<>();

    public CallGraphBuilder(TypeSolver typeSolver) {
        this(typeSolver, true);
    }

    /**
     * @param resolveInnerCallsOnce false resolves a call that is another call's argument or receiver
     *                              twice (once for itself, once for the outer call's argument types),
     *                              as before: only to compare the two ways in tests
     */
    public CallGraphBuilder(TypeSolver typeSolver, boolean resolveInnerCallsOnce) {
        this.symbolSolver = new JavaSymbolSolver(typeSolver);
        this.dispatch = new Dispatch(binaryByQualified);
        this.shapes = new CallShapes(typeSolver, resolveInnerCallsOnce);
    }

    /** Returns true when this JavaParser lets a resolved inner call hand its type to the outer call's resolution. */
    public static boolean canResolveInnerCallsOnce() {
        return InnerCallTypes.available();
    }

    /** Names every region and named type of a unit; must run on every unit before {@link #link}. */
    public void index(CompilationUnit unit, Path file) {
        files.put(unit, file);
        unit.setData(Node.SYMBOL_RESOLVER_KEY, symbolSolver);
        Map<Node, String> regions = new IdentityHashMap<>();
        Map<Node, String> types = new IdentityHashMap<>();
        RegionLocator.index(unit, regions, types);
        regions.values().forEach(calls::addVertex);
        regionOfDeclaration.putAll(regions);
        for (String binary : types.values()) {
            classes.addVertex(binary);
            binaryByQualified.put(binary.replace('$', '.'), binary);
        }
        regionsByUnit.put(unit, regions);
        typesByUnit.put(unit, types);
    }

    /** Resolves a unit's supertypes and overriding methods; must run on every unit before {@link #link}. */
    public void inherit(CompilationUnit unit) {
        Map<Node, String> types = typesByUnit.get(unit);
        for (Map.Entry<Node, String> e : regionsByUnit.get(unit).entrySet()) {
            if (e.getKey() instanceof MethodDeclaration m && !m.isStatic() && !m.isPrivate()) {
                dispatch.addOverrider(m, e.getValue());
            }
        }
        for (Map.Entry<Node, String> e : types.entrySet()) {
            for (String ancestor : dispatch.directGenomeAncestors((TypeDeclaration<?>) e.getKey())) {
                addClassEdge(e.getValue(), ancestor);
            }
        }
    }

    /** Resolves a unit's type references and call sites into class and call edges. */
    public void link(CompilationUnit unit) {
        Map<Node, String> regions = regionsByUnit.get(unit);
        Map<Node, String> types = typesByUnit.get(unit);
        // Inner calls first: an argument or receiver that is a resolved call already has its type.
        unit.walk(Node.TreeTraversal.POSTORDER, node -> {
            if (node instanceof ClassOrInterfaceType type) {
                linkType(type, types);
            } else if (node instanceof MethodCallExpr || node instanceof ObjectCreationExpr
                    || node instanceof ExplicitConstructorInvocationStmt) {
                linkCall(node, regions, types);
            }
        });
    }

    /** Returns the call graph: region ids, an edge from caller to every region the call may run. */
    public Graph<String, DefaultEdge> calls() {
        return calls;
    }

    /** Returns the class graph: binary class names, an edge from a class to each genome class it uses. */
    public Graph<String, DefaultEdge> classes() {
        return classes;
    }

    /** Returns what resolution achieved. */
    public CallResolution resolution() {
        return new CallResolution(callSites, resolved, callSites - resolved, reasons, samples);
    }

    /** Returns how many call sites took the outcome of an earlier call of the same shape. */
    public long sharedCallSites() {
        return shapes.sharedSites();
    }

    /**
     * Adds a class edge for a type reference. A name as written resolves the same way everywhere in one
     * class (type variables and local classes aside, which only ever lose an edge), so each distinct
     * name is resolved once per class: that cuts the cost of this pass several times over.
     */
    private void linkType(ClassOrInterfaceType type, Map<Node, String> types) {
        String from = enclosing(type, types);
        if (from == null) {
            return;
        }
        String written = type.getNameWithScope();
        Optional<String> to = typeNames.computeIfAbsent(from + " " + written, k -> {
            try {
                return Optional.ofNullable(binaryByQualified.get(type.resolve().asReferenceType().getQualifiedName()));
            } catch (RuntimeException | StackOverflowError e) {
                return Optional.empty(); // an unresolved type reference only loses a class edge
            }
        });
        to.ifPresent(t -> addClassEdge(from, t));
    }

    private void linkCall(Node call, Map<Node, String> regions, Map<Node, String> types) {
        callSites++;
        CallShapes.Outcome outcome = shapes.resolve(call, CallGraphBuilder::resolve);
        if (outcome.failure() != null) {
            unresolved(call, outcome.failure());
            return;
        }
        ResolvedMethodLikeDeclaration target = outcome.target();
        resolved++;
        String caller = enclosing(call, regions);
        String callerClass = enclosing(call, types);
        Callee callee = callees.computeIfAbsent(target, this::callee); // shared by every site of one shape
        if (callee.declaringClass() != null && callerClass != null) {
            addClassEdge(callerClass, callee.declaringClass());
        }
        if (caller != null) {
            for (String t : callee.regions()) {
                if (calls.containsVertex(t)) {
                    calls.addEdge(caller, t);
                }
            }
        }
    }

    /** Where a resolved target lives in the genome: its regions (own and overriders) and its class. */
    private record Callee(Set<String> regions, String declaringClass) {
    }

    private Callee callee(ResolvedMethodLikeDeclaration target) {
        Set<String> targets = new LinkedHashSet<>();
        String declaring = null;
        try {
            target.toAst().flatMap(this::regionAround).ifPresent(targets::add);
            targets.addAll(dispatch.overridersOf(target));
            declaring = binaryByQualified.get(target.declaringType().getQualifiedName());
        } catch (RuntimeException | StackOverflowError e) {
            // The target is known; only its place in the genome could not be named. Keep what was found.
        }
        return new Callee(targets, declaring);
    }

    private static ResolvedMethodLikeDeclaration resolve(Node call) {
        if (call instanceof MethodCallExpr m) {
            return m.resolve();
        }
        if (call instanceof ObjectCreationExpr o) {
            return o.resolve();
        }
        return ((ExplicitConstructorInvocationStmt) call).resolve();
    }

    private void unresolved(Node call, Throwable e) {
        String reason = e.getClass().getSimpleName();
        reasons.merge(reason, 1L, Long::sum);
        if (samples.size() < SAMPLE_LIMIT) {
            String where = call.findCompilationUnit().map(files::get).map(Path::toString).orElse("?");
            Position at = call.getBegin().orElse(new Position(1, 1));
            String text = call.toString().replaceAll("\\s+", " ");
            String message = String.valueOf(e.getMessage()).replaceAll("\\s+", " ");
            samples.add(where + ":" + at.line + ":" + at.column + ": " + abbreviate(text, 80) + " — " + reason + ": "
                    + abbreviate(message, 160));
        }
    }

    /**
     * The region a declaration belongs to: its own, or for members of local and anonymous classes the
     * enclosing one. Every region of the genome was named by {@link #index}, so this only looks up.
     */
    private Optional<String> regionAround(Node declaration) {
        return Optional.ofNullable(enclosing(declaration, regionOfDeclaration));
    }

    private static String enclosing(Node node, Map<Node, String> names) {
        for (Node n = node; n != null; n = n.getParentNode().orElse(null)) {
            String name = names.get(n);
            if (name != null) {
                return name;
            }
        }
        return null;
    }

    private void addClassEdge(String from, String to) {
        if (!from.equals(to) && classes.containsVertex(from) && classes.containsVertex(to)) {
            classes.addEdge(from, to);
        }
    }

    private static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
