package dev.ouroboros.genome;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The genome on a real project nobody here wrote: commons-lang3's main sources, unpacked from Maven
 * Central's sources jar at build time (see the module pom) and checked against its compiled jar.
 */
class RealWorldGenomeTest {

    private static SourceGenome genome;
    private static List<GenomeRegion> regions;
    private static DependencyGraph graph;

    @BeforeAll
    static void loadCommonsLang() {
        genome = SourceGenome.of(List.of(RealWorld.sources()));
        regions = genome.allRegions();
        graph = DependencyGraph.build(genome);
        System.out.println("commons-lang3: " + genome.classNames().size() + " files, " + regions.size() + " regions, "
                + graph.callEdgeCount() + " call edges; " + graph.resolution());
    }

    @Test
    void everyFileParses() {
        assertThat(genome.classNames()).hasSizeGreaterThan(200).contains("org.apache.commons.lang3.StringUtils");
        assertThat(genome.problems()).isEmpty();
        assertThat(graph.problems()).isEmpty();
    }

    @Test
    void everyMethodOfTheCompiledJarHasARegionWithItsArity() throws ClassNotFoundException {
        List<String> missing = new ArrayList<>();
        int checked = 0;
        for (Class<?> type : compiledTypes()) {
            for (Method m : type.getDeclaredMethods()) {
                if (!fromSource(type, m)) {
                    continue;
                }
                checked++;
                boolean found = genome.regionsOf(type.getName(), m.getName()).stream()
                        .anyMatch(r -> arity(r) == m.getParameterCount());
                if (!found) {
                    missing.add(type.getName() + "#" + m.getName() + "/" + m.getParameterCount());
                }
            }
        }
        assertThat(checked).isGreaterThan(3000);
        assertThat(missing).isEmpty();
    }

    @Test
    void regionIdsAreUnique() {
        Set<String> ids = new HashSet<>();
        List<String> duplicates = regions.stream().map(GenomeRegion::id).filter(id -> !ids.add(id)).toList();
        assertThat(duplicates).isEmpty();
        assertThat(graph.regionIds()).hasSameSizeAs(regions);
    }

    @Test
    void atLeastNinetyFivePercentOfCallSitesResolve() {
        CallResolution r = graph.resolution();
        assertThat(r.callSites()).isGreaterThan(5000);
        assertThat(r.resolvedRatio()).as(r.toString()).isGreaterThanOrEqualTo(0.95);
        assertThat(r.unresolvedSamples()).isNotEmpty().allSatisfy(s -> assertThat(s).contains(".java:"));
    }

    @Test
    void knownCallsAreEdgesAndTheBlastRadiusFollowsThemTransitively() {
        String isBlank = "org.apache.commons.lang3.StringUtils#isBlank(CharSequence)";
        String isNotBlank = "org.apache.commons.lang3.StringUtils#isNotBlank(CharSequence)";
        String isAnyBlank = "org.apache.commons.lang3.StringUtils#isAnyBlank(CharSequence[])";
        String isNoneBlank = "org.apache.commons.lang3.StringUtils#isNoneBlank(CharSequence[])";

        assertThat(graph.callees(isNotBlank)).containsExactly(isBlank);
        assertThat(graph.callers(isBlank)).contains(isNotBlank, isAnyBlank);
        assertThat(graph.blastRadius(isBlank)).contains(isNotBlank, isAnyBlank, isNoneBlank)
                .doesNotContain(isBlank);
        assertThat(graph.dependenciesOf("org.apache.commons.lang3.StringUtils"))
                .contains("org.apache.commons.lang3.ArrayUtils", "org.apache.commons.lang3.CharSequenceUtils");
    }

    @Test
    void mutationPointsAreFoundInRealCode() {
        GenomeRegion levenshtein = genome.region(
                "org.apache.commons.lang3.StringUtils#getLevenshteinDistance(CharSequence,CharSequence)").orElseThrow();

        List<MutationPoint> points = genome.mutationPoints(levenshtein);

        assertThat(points).filteredOn(p -> p.kind() == MutationPointKind.LOOP).hasSize(3);
        assertThat(points).filteredOn(p -> p.kind() == MutationPointKind.CALL).extracting(MutationPoint::nodeType)
                .contains("MethodCallExpr", "ObjectCreationExpr");
        assertThat(points).allSatisfy(p -> assertThat(p.beginLine()).isBetween(levenshtein.beginLine(), levenshtein.endLine()));
    }

    private static List<Class<?>> compiledTypes() throws ClassNotFoundException {
        List<Class<?>> out = new ArrayList<>();
        Deque<Class<?>> work = new ArrayDeque<>();
        ClassLoader loader = RealWorldGenomeTest.class.getClassLoader();
        for (String name : genome.classNames()) {
            work.add(Class.forName(name, false, loader));
        }
        while (!work.isEmpty()) {
            Class<?> type = work.poll();
            out.add(type);
            work.addAll(List.of(type.getDeclaredClasses()));
        }
        return out;
    }

    /** True for methods written in the source, false for what javac generates. */
    private static boolean fromSource(Class<?> type, Method m) {
        if (m.isSynthetic() || m.isBridge() || Modifier.isAbstract(m.getModifiers()) || Modifier.isNative(m.getModifiers())) {
            return false;
        }
        boolean enumMember = type.isEnum() && (m.getName().equals("values") || m.getName().equals("valueOf"));
        return !enumMember && !m.getName().startsWith("lambda$");
    }

    private static int arity(GenomeRegion r) {
        return r.parameters().isEmpty() ? 0 : r.parameters().split(",").length;
    }

    /** Where the build unpacked the sources; the pom passes it as a system property. */
    static final class RealWorld {
        private RealWorld() {
        }

        static Path sources() {
            String dir = System.getProperty("ouroboros.realworld.sources");
            assertThat(dir).as("system property ouroboros.realworld.sources (set by the module pom)").isNotBlank();
            Path path = Path.of(dir);
            assertThat(Files.isDirectory(path)).as("unpacked commons-lang3 sources at " + path
                    + " (run the build through generate-test-resources)").isTrue();
            return path;
        }
    }
}
