package dev.ouroboros.genome;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files are parsed on all cores; what comes out must not depend on which thread finished first: the
 * same regions in class then source order as one-by-one loading, the same call graph in two builds.
 */
class DeterministicLoadTest {

    private static final int CLASSES = 60;

    @TempDir
    Path root;

    @BeforeEach
    void writeProgram() throws IOException {
        for (int i = 0; i < CLASSES; i++) {
            // Sizes that do not follow the names, so an order by size or by finish time differs from name order.
            int methods = 1 + (i * 7) % 13 * 4;
            StringBuilder source = new StringBuilder("package gen;\npublic final class C" + i + " {\n");
            source.append("    static { C").append((i + 1) % CLASSES).append(".m0(1); }\n");
            for (int m = 0; m < methods; m++) {
                String next = m + 1 < methods ? "m" + (m + 1) + "(x + 1)" : "C" + (i + 1) % CLASSES + ".m0(x)";
                source.append("    static int m").append(m).append("(int x) { return x > 100 ? x : ").append(next)
                        .append("; }\n");
            }
            source.append("    C").append(i).append("() { m0(0); }\n}\n");
            Files.createDirectories(root.resolve("gen"));
            Files.writeString(root.resolve("gen/C" + i + ".java"), source.toString());
        }
        Files.writeString(root.resolve("gen/Broken.java"), "package gen;\nclass Broken { void f( }\n");
    }

    @Test
    void allRegionsComeInClassThenSourceOrderWhateverTheThreads() {
        List<GenomeRegion> first = SourceGenome.of(List.of(root)).allRegions();
        SourceGenome second = SourceGenome.of(List.of(root));
        List<GenomeRegion> again = second.allRegions();

        List<GenomeRegion> oneByOne = new ArrayList<>();
        for (String className : second.classNames()) {
            if (!className.equals("gen.Broken")) {
                oneByOne.addAll(second.regions(className));
            }
        }
        assertThat(ids(first)).isEqualTo(ids(oneByOne)).isEqualTo(ids(again)).doesNotHaveDuplicates();
        assertThat(first).isEqualTo(again);
        assertThat(ids(first)).startsWith("gen.C0#<clinit>[0]", "gen.C0#m0(int)", "gen.C0#<init>()",
                "gen.C1#<clinit>[0]");
        assertThat(second.problems()).singleElement()
                .satisfies(p -> assertThat(p.where()).endsWith("Broken.java"));
    }

    @Test
    void twoBuildsGiveTheSameCallGraph() {
        DependencyGraph first = DependencyGraph.build(SourceGenome.of(List.of(root)));
        DependencyGraph second = DependencyGraph.build(SourceGenome.of(List.of(root)));

        assertThat(first.regionIds()).isEqualTo(second.regionIds()).contains("gen.C52#m0(int)");
        assertThat(first.callEdgeCount()).isEqualTo(second.callEdgeCount()).isGreaterThan(CLASSES * 3);
        assertThat(callees(first)).isEqualTo(callees(second));
        assertThat(first.callees("gen.C52#m0(int)")).containsExactly("gen.C53#m0(int)");
        assertThat(first.resolution().resolvedRatio()).isEqualTo(1.0);
        assertThat(first.problems()).singleElement().satisfies(p -> assertThat(p.where()).endsWith("Broken.java"));
    }

    private static List<String> ids(List<GenomeRegion> regions) {
        return regions.stream().map(GenomeRegion::id).toList();
    }

    private static Map<String, ?> callees(DependencyGraph graph) {
        Map<String, Object> out = new TreeMap<>();
        graph.regionIds().forEach(id -> out.put(id, graph.callees(id)));
        return out;
    }
}
