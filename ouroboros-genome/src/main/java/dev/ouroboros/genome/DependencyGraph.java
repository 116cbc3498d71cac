package dev.ouroboros.genome;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.resolution.cache.Cache;
import com.github.javaparser.symbolsolver.cache.InMemoryCache;
import com.github.javaparser.symbolsolver.resolution.typesolvers.CombinedTypeSolver;
import com.github.javaparser.symbolsolver.resolution.typesolvers.JarTypeSolver;
import com.github.javaparser.symbolsolver.resolution.typesolvers.JavaParserTypeSolver;
import com.github.javaparser.symbolsolver.resolution.typesolvers.ReflectionTypeSolver;
import dev.ouroboros.genome.internal.CallGraphBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jgrapht.Graph;
import org.jgrapht.Graphs;
import org.jgrapht.alg.connectivity.KosarajuStrongConnectivityInspector;
import org.jgrapht.graph.DefaultEdge;

/**
 * What depends on what in the genome: classes on classes, and regions on the regions they call.
 *
 * <p>Built once from a {@link SourceGenome} with JavaParser's symbol solver, which looks types up in
 * the genome's source roots, in the program's class path jars and in the running JDK. The call graph
 * has one vertex per region id and an edge from a caller region to every region the call may run:
 * the target's own region, and the genome regions that override or implement it (class-hierarchy
 * dispatch, genome supertypes only). Calls inside lambdas and anonymous or local classes belong to
 * the enclosing region; calls to members of anonymous or local classes go to the region that
 * declares them. Calls from field initializers add class edges only, as they belong to no region.
 * The class graph has one vertex per named class with source (binary names, {@code Outer$Inner}) and
 * an edge to each genome class it references, calls or extends.
 *
 * <p>Nothing is thrown for bad input: unresolved calls are counted in {@link #resolution()} with a
 * sample of reasons, and missing jars and skipped files are listed in {@link #problems()}. The graph
 * is a snapshot; build a new one after the source changed. JGraphT stays inside: queries return
 * plain, immutable sets of ids. Instances are immutable and safe for use by several threads.
 */
public final class DependencyGraph {

    private final Graph<String, DefaultEdge> calls;
    private final Graph<String, DefaultEdge> classes;
    private final CallResolution resolution;
    private final List<GenomeProblem> problems;

    private DependencyGraph(Graph<String, DefaultEdge> calls, Graph<String, DefaultEdge> classes,
            CallResolution resolution, List<GenomeProblem> problems) {
        this.calls = calls;
        this.classes = classes;
        this.resolution = resolution;
        this.problems = List.copyOf(problems);
    }

    /** Builds the graph resolving against the genome's sources and the JDK only. */
    public static DependencyGraph build(SourceGenome genome) {
        return build(genome, List.of());
    }

    /**
     * Builds the graph of every file of the genome that parses.
     *
     * @param genome    the program's source, never null
     * @param classPath the program's class path jars (its dependencies), never null; entries that are
     *                  missing or unreadable are reported in {@link #problems()} and skipped
     * @return the graph, never null
     */
    public static DependencyGraph build(SourceGenome genome, List<Path> classPath) {
        return build(genome, classPath, true);
    }

    /** As {@link #build(SourceGenome, List)}; {@code resolveInnerCallsOnce} false only to compare with the old way in tests. */
    static DependencyGraph build(SourceGenome genome, List<Path> classPath, boolean resolveInnerCallsOnce) {
        Objects.requireNonNull(genome, "genome must not be null");
        Objects.requireNonNull(classPath, "classPath must not be null");
        List<GenomeProblem> problems = new ArrayList<>();
        List<String> classNames = genome.classNames();
        // Parse what is not cached yet on every core; each file is read and hashed once, in name order.
        List<Optional<CompilationUnit>> parsed = classNames.parallelStream().map(genome::analysisUnit).toList();
        Map<CompilationUnit, Path> units = new LinkedHashMap<>();
        for (int i = 0; i < classNames.size(); i++) {
            String className = classNames.get(i);
            parsed.get(i).ifPresent(u -> units.put(u, genome.sourceFile(className).orElseThrow()));
        }
        CombinedTypeSolver solver = new CombinedTypeSolver(new ReflectionTypeSolver());
        for (Path root : genome.roots()) {
            solver.add(sourceSolver(genome, root, units));
        }
        for (Path jar : classPath) {
            addJar(solver, jar, problems);
        }
        CallGraphBuilder builder = new CallGraphBuilder(solver, resolveInnerCallsOnce);
        units.forEach(builder::index);
        units.keySet().forEach(builder::inherit);
        units.keySet().forEach(builder::link);
        problems.addAll(genome.problems());
        return new DependencyGraph(builder.calls(), builder.classes(), builder.resolution(), problems);
    }

    /**
     * A source type solver that sees the genome's own parses: the files are not parsed twice, and
     * resolved declarations point into the very units whose regions the graph names.
     */
    private static JavaParserTypeSolver sourceSolver(SourceGenome genome, Path root, Map<CompilationUnit, Path> units) {
        Cache<Path, Optional<CompilationUnit>> parsed = InMemoryCache.create();
        units.forEach((unit, file) -> {
            if (file.startsWith(root)) {
                parsed.put(file.toAbsolutePath(), Optional.of(unit));
            }
        });
        genome.problems().stream().filter(p -> p.kind() == GenomeProblem.Kind.UNPARSEABLE_FILE)
                .forEach(p -> parsed.put(Path.of(p.where()).toAbsolutePath(), Optional.empty()));
        ParserConfiguration config = new ParserConfiguration()
                .setLanguageLevel(genome.parserConfiguration().getLanguageLevel());
        return new JavaParserTypeSolver(root, new JavaParser(config), parsed, InMemoryCache.create(),
                InMemoryCache.create());
    }

    private static void addJar(CombinedTypeSolver solver, Path jar, List<GenomeProblem> problems) {
        if (!Files.isRegularFile(jar) || !Files.isReadable(jar)) {
            problems.add(new GenomeProblem(GenomeProblem.Kind.MISSING_JAR, jar.toString(), 0, 0,
                    "class path jar does not exist or cannot be read: calls into it stay unresolved;"
                            + " pass the program's real class path"));
            return;
        }
        try {
            solver.add(new JarTypeSolver(jar));
        } catch (IOException | RuntimeException e) {
            problems.add(new GenomeProblem(GenomeProblem.Kind.MISSING_JAR, jar.toString(), 0, 0,
                    "class path entry is not a readable jar (" + e + "): calls into it stay unresolved"));
        }
    }

    /** Returns every region id of the call graph (every region of every file that parsed), sorted. */
    public Set<String> regionIds() {
        return Collections.unmodifiableSet(new TreeSet<>(calls.vertexSet()));
    }

    /** Returns how many distinct caller-to-callee region edges the call graph has. */
    public int callEdgeCount() {
        return calls.edgeSet().size();
    }

    /**
     * Returns the regions a region may call directly (including through dispatch to overriders).
     *
     * @return sorted region ids; empty for an unknown id; never null
     */
    public Set<String> callees(String regionId) {
        return calls.containsVertex(regionId) ? sorted(Graphs.successorListOf(calls, regionId)) : Set.of();
    }

    /**
     * Returns the regions that call a region directly.
     *
     * @return sorted region ids; empty for an unknown id; never null
     */
    public Set<String> callers(String regionId) {
        return calls.containsVertex(regionId) ? sorted(Graphs.predecessorListOf(calls, regionId)) : Set.of();
    }

    /**
     * Returns the regions that can observe a change to a region through calls: every transitive
     * caller. For a static initializer it adds every region of the class and of the classes that
     * depend on it (any of them may trigger or read the initialization), with their transitive
     * callers; for an instance initializer, the class's constructors and their transitive callers.
     * The region itself is not included. Observation through shared state (fields, static data,
     * I/O) and through JDK callbacks ({@code toString}, {@code compareTo} called by the JDK) is not
     * tracked: see {@code docs/genome.md}.
     *
     * @return sorted region ids; empty for an unknown id; never null
     */
    public Set<String> blastRadius(String regionId) {
        if (!calls.containsVertex(regionId)) {
            return Set.of();
        }
        Set<String> seen = new TreeSet<>();
        Deque<String> work = new ArrayDeque<>();
        work.add(regionId);
        seen.add(regionId);
        for (String seed : initializerSeeds(regionId)) {
            if (seen.add(seed)) {
                work.add(seed);
            }
        }
        while (!work.isEmpty()) {
            for (String caller : Graphs.predecessorListOf(calls, work.poll())) {
                if (seen.add(caller)) {
                    work.add(caller);
                }
            }
        }
        seen.remove(regionId);
        return Collections.unmodifiableSet(seen);
    }

    /**
     * Returns the groups of mutually recursive regions: the strongly connected components of the call
     * graph that hold a cycle (two or more regions, or one that calls itself), largest first.
     *
     * @return sorted sets of region ids, never null
     */
    public List<Set<String>> stronglyConnectedComponents() {
        List<Set<String>> out = new ArrayList<>();
        for (Set<String> component : new KosarajuStrongConnectivityInspector<>(calls).stronglyConnectedSets()) {
            String only = component.iterator().next();
            if (component.size() > 1 || calls.containsEdge(only, only)) {
                out.add(sorted(component));
            }
        }
        out.sort(Comparator.<Set<String>>comparingInt(Set::size).reversed()
                .thenComparing(s -> s.iterator().next()));
        return List.copyOf(out);
    }

    /** Returns the strongly connected component that holds a region (itself alone when it is in no cycle). */
    public Set<String> componentOf(String regionId) {
        if (!calls.containsVertex(regionId)) {
            return Set.of();
        }
        for (Set<String> component : stronglyConnectedComponents()) {
            if (component.contains(regionId)) {
                return component;
            }
        }
        return Set.of(regionId);
    }

    /** Returns every class of the class graph (binary names), sorted. */
    public Set<String> classNames() {
        return Collections.unmodifiableSet(new TreeSet<>(classes.vertexSet()));
    }

    /** Returns the genome classes a class uses directly; empty for an unknown class. */
    public Set<String> dependenciesOf(String className) {
        return classes.containsVertex(className) ? sorted(Graphs.successorListOf(classes, className)) : Set.of();
    }

    /** Returns the genome classes that use a class directly; empty for an unknown class. */
    public Set<String> dependentsOf(String className) {
        return classes.containsVertex(className) ? sorted(Graphs.predecessorListOf(classes, className)) : Set.of();
    }

    /** Returns how many call sites resolved, and why the others did not. */
    public CallResolution resolution() {
        return resolution;
    }

    /** Returns what was skipped while building: missing jars, files that did not parse or could not be read. */
    public List<GenomeProblem> problems() {
        return problems;
    }

    private List<String> initializerSeeds(String regionId) {
        int hash = regionId.indexOf('#');
        String className = regionId.substring(0, hash);
        String member = regionId.substring(hash + 1);
        List<String> seeds = new ArrayList<>();
        if (member.startsWith("<clinit>[")) {
            Set<String> users = new TreeSet<>(dependentsOf(className));
            users.add(className);
            for (String v : calls.vertexSet()) {
                if (users.contains(v.substring(0, v.indexOf('#')))) {
                    seeds.add(v);
                }
            }
        } else if (member.startsWith("<init-block>[")) {
            for (String v : calls.vertexSet()) {
                if (v.startsWith(className + "#<init>(")) {
                    seeds.add(v);
                }
            }
        }
        return seeds;
    }

    private static Set<String> sorted(java.util.Collection<String> ids) {
        return Collections.unmodifiableSet(new TreeSet<>(ids));
    }
}
