package dev.ouroboros.genome;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DependencyGraphTest {

    @TempDir
    Path root;

    @BeforeEach
    void writeProgram() throws IOException {
        write("shop/Shape.java", "package shop;\npublic interface Shape { double area(); }\n");
        write("shop/Circle.java", """
                package shop;
                public final class Circle implements Shape {
                    private final double r;
                    public Circle(double r) { this.r = r; }
                    @Override public double area() { return Math.PI * Rates.square(r); }
                }
                """);
        write("shop/Rates.java", """
                package shop;
                final class Rates {
                    static final double BASE;
                    static { BASE = 1.5; }
                    static double square(double x) { return x * x; }
                    static int even(int n) { return n == 0 ? 0 : odd(n - 1); }
                    static int odd(int n) { return n == 0 ? 1 : even(n - 1); }
                }
                """);
        write("shop/Till.java", """
                package shop;
                import java.util.List;
                final class Till {
                    double total(List<Shape> shapes) {
                        double sum = 0;
                        for (Shape s : shapes) { sum += s.area(); }
                        return sum * Rates.BASE;
                    }
                    double one() { return total(List.of(new Circle(2))); }
                    String ghost() { return Ghost.boo(); }
                    Runnable later() { return () -> Rates.even(4); }
                }
                """);
    }

    @Test
    void callsThroughAnInterfaceReachTheImplementingRegion() {
        DependencyGraph graph = DependencyGraph.build(SourceGenome.of(List.of(root)));

        assertThat(graph.callees("shop.Till#total(List)")).containsExactly("shop.Circle#area()");
        assertThat(graph.callees("shop.Till#one()")).containsExactly("shop.Circle#<init>(double)", "shop.Till#total(List)");
        assertThat(graph.callers("shop.Rates#square(double)")).containsExactly("shop.Circle#area()");
    }

    @Test
    void callsInsideLambdasBelongToTheEnclosingRegion() {
        DependencyGraph graph = DependencyGraph.build(SourceGenome.of(List.of(root)));

        assertThat(graph.callers("shop.Rates#even(int)")).containsExactly("shop.Rates#odd(int)", "shop.Till#later()");
    }

    @Test
    void blastRadiusIsEveryTransitiveCaller() {
        DependencyGraph graph = DependencyGraph.build(SourceGenome.of(List.of(root)));

        assertThat(graph.blastRadius("shop.Rates#square(double)"))
                .containsExactly("shop.Circle#area()", "shop.Till#one()", "shop.Till#total(List)");
        assertThat(graph.blastRadius("shop.Till#one()")).isEmpty();
    }

    @Test
    void blastRadiusOfAStaticInitializerCoversEveryUserOfTheClass() {
        DependencyGraph graph = DependencyGraph.build(SourceGenome.of(List.of(root)));

        assertThat(graph.blastRadius("shop.Rates#<clinit>[0]")).contains(
                "shop.Rates#square(double)", "shop.Circle#area()", "shop.Till#total(List)", "shop.Till#one()",
                "shop.Till#later()");
    }

    @Test
    void mutualRecursionIsOneStronglyConnectedComponent() {
        DependencyGraph graph = DependencyGraph.build(SourceGenome.of(List.of(root)));

        assertThat(graph.stronglyConnectedComponents()).containsExactly(
                java.util.Set.of("shop.Rates#even(int)", "shop.Rates#odd(int)"));
        assertThat(graph.componentOf("shop.Rates#odd(int)")).containsExactly("shop.Rates#even(int)", "shop.Rates#odd(int)");
        assertThat(graph.componentOf("shop.Till#one()")).containsExactly("shop.Till#one()");
    }

    @Test
    void classGraphHoldsUsesCallsAndSupertypes() {
        DependencyGraph graph = DependencyGraph.build(SourceGenome.of(List.of(root)));

        assertThat(graph.dependenciesOf("shop.Circle")).containsExactly("shop.Rates", "shop.Shape");
        assertThat(graph.dependenciesOf("shop.Till")).containsExactly("shop.Circle", "shop.Rates", "shop.Shape");
        assertThat(graph.dependentsOf("shop.Shape")).containsExactly("shop.Circle", "shop.Till");
    }

    @Test
    void unresolvedCallIsCountedWithItsPlaceAndNotThrown() {
        DependencyGraph graph = DependencyGraph.build(SourceGenome.of(List.of(root)));

        CallResolution r = graph.resolution();
        assertThat(r.unresolved()).isEqualTo(1);
        assertThat(r.resolved()).isEqualTo(r.callSites() - 1);
        assertThat(r.unresolvedSamples()).singleElement().asString()
                .contains(root.resolve("shop/Till.java") + ":10:").contains("Ghost.boo()");
        assertThat(graph.callees("shop.Till#ghost()")).isEmpty();
    }

    @Test
    void classPathJarResolvesLibraryCallsAndAMissingJarIsReported() throws IOException, URISyntaxException {
        write("shop/Graphs.java", """
                package shop;
                final class Graphs {
                    String edge() { return new org.jgrapht.graph.DefaultEdge().toString(); }
                }
                """);
        Path jgrapht = Path.of(org.jgrapht.Graph.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path missing = root.resolve("lib/missing.jar");
        SourceGenome genome = SourceGenome.of(List.of(root));

        long withoutJar = DependencyGraph.build(genome).resolution().unresolved();
        DependencyGraph graph = DependencyGraph.build(genome, List.of(jgrapht, missing));

        assertThat(withoutJar).isEqualTo(3); // Ghost.boo(), new DefaultEdge(), .toString()
        assertThat(graph.resolution().unresolved()).isEqualTo(1);
        assertThat(graph.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(GenomeProblem.Kind.MISSING_JAR);
            assertThat(p.where()).isEqualTo(missing.toString());
        });
    }

    @Test
    void unparseableFileIsLeftOutOfTheGraphAndReported() throws IOException {
        write("shop/Broken.java", "package shop;\nclass Broken { void m( { } }\n");

        DependencyGraph graph = DependencyGraph.build(SourceGenome.of(List.of(root)));

        assertThat(graph.regionIds()).contains("shop.Till#one()").noneMatch(id -> id.startsWith("shop.Broken"));
        assertThat(graph.problems()).extracting(GenomeProblem::kind).containsExactly(GenomeProblem.Kind.UNPARSEABLE_FILE);
    }

    @Test
    void unknownRegionHasNoNeighbours() {
        DependencyGraph graph = DependencyGraph.build(SourceGenome.of(List.of(root)));

        assertThat(graph.callers("shop.Nope#x()")).isEmpty();
        assertThat(graph.blastRadius("shop.Nope#x()")).isEmpty();
        assertThat(graph.componentOf("shop.Nope#x()")).isEmpty();
    }

    private void write(String relative, String text) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
