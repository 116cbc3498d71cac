package dev.ouroboros.genome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MutationPointTest {

    private static final String EXPORT = """
            package com.acme;

            import java.util.List;

            final class Export {
                static String csv(List<String> rows, boolean header) {
                    StringBuilder out = new StringBuilder();
                    if (header) {
                        out.append("name");
                    }
                    for (String r : rows) {
                        out.append(r.isEmpty() ? "-" : r);
                    }
                    int i = 0;
                    while (i < 3) {
                        i++;
                    }
                    return out.toString();
                }

                static int other() { return 1; }
            }
            """;

    @TempDir
    Path root;

    @Test
    void pointsAreListedByKindWithTheirNodeTypes() throws IOException {
        SourceGenome genome = genome(EXPORT);
        GenomeRegion csv = genome.region("com.acme.Export#csv(List,boolean)").orElseThrow();

        Map<MutationPointKind, List<String>> byKind = genome.mutationPoints(csv).stream().collect(
                Collectors.groupingBy(MutationPoint::kind, Collectors.mapping(MutationPoint::nodeType, Collectors.toList())));

        assertThat(byKind.get(MutationPointKind.LOOP)).containsExactly("ForEachStmt", "WhileStmt");
        assertThat(byKind.get(MutationPointKind.CONDITION))
                .containsExactly("NameExpr", "MethodCallExpr", "BinaryExpr"); // header, r.isEmpty(), i < 3
        assertThat(byKind.get(MutationPointKind.CALL)).containsExactly(
                "ObjectCreationExpr", "MethodCallExpr", "MethodCallExpr", "MethodCallExpr", "MethodCallExpr");
        assertThat(byKind.get(MutationPointKind.STATEMENT)).startsWith("ExpressionStmt", "IfStmt")
                .contains("ForEachStmt", "WhileStmt", "ReturnStmt");
        assertThat(byKind.get(MutationPointKind.EXPRESSION)).hasSizeGreaterThan(10);
    }

    @Test
    void pointIdsAndPositionsNameTheRegionKindAndSourceLine() throws IOException {
        SourceGenome genome = genome(EXPORT);
        GenomeRegion csv = genome.region("com.acme.Export#csv(List,boolean)").orElseThrow();

        MutationPoint loop = genome.mutationPoints(csv).stream()
                .filter(p -> p.kind() == MutationPointKind.LOOP).findFirst().orElseThrow();

        assertThat(loop.id()).isEqualTo("com.acme.Export#csv(List,boolean)@LOOP[0]");
        assertThat(loop.beginLine()).isEqualTo(11);
        assertThat(loop.endLine()).isEqualTo(13);
    }

    @Test
    void pointLocatesTheSameNodeInAFreshParseAfterAnEditElsewhere() throws IOException {
        SourceGenome genome = genome(EXPORT);
        GenomeRegion csv = genome.region("com.acme.Export#csv(List,boolean)").orElseThrow();
        List<MutationPoint> before = genome.mutationPoints(csv);

        write(EXPORT.replace("static int other() { return 1; }", "static int other() {\n        return 2;\n    }")
                .replace("final class Export {", "final class Export {\n    static final int ADDED = 1;\n"));
        CompilationUnit fresh = genome.parse("com.acme.Export");

        for (MutationPoint p : before) {
            Node node = p.locate(fresh).orElseThrow();
            assertThat(node.getClass().getSimpleName()).as(p.id()).isEqualTo(p.nodeType());
        }
        MutationPoint condition = before.stream().filter(p -> p.kind() == MutationPointKind.CONDITION && p.index() == 2)
                .findFirst().orElseThrow();
        assertThat(condition.locate(fresh)).hasValueSatisfying(n -> assertThat(n.toString()).isEqualTo("i < 3"));
    }

    @Test
    void pointsOfAGoneRegionAreEmptyAndLocateNothing() throws IOException {
        SourceGenome genome = genome(EXPORT);
        GenomeRegion other = genome.region("com.acme.Export#other()").orElseThrow();
        MutationPoint point = genome.mutationPoints(other).get(0);

        write(EXPORT.replace("static int other() { return 1; }", ""));
        CompilationUnit fresh = genome.parse("com.acme.Export");

        assertThat(other.mutationPoints(fresh)).isEmpty();
        assertThat(point.locate(fresh)).isEmpty();
    }

    @Test
    void invalidPointIsRefusedStatingTheRuleAndTheValue() {
        assertThatThrownBy(() -> new MutationPoint("a.B#m()", MutationPointKind.CALL, -1, "MethodCallExpr", 1, 1, 1, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("index must not be negative, was -1");
        assertThatThrownBy(() -> new MutationPoint("a.B#m()", MutationPointKind.CALL, 0, "MethodCallExpr", 5, 1, 4, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("5:1..4:2");
    }

    private SourceGenome genome(String text) throws IOException {
        write(text);
        return SourceGenome.of(List.of(root));
    }

    private void write(String text) throws IOException {
        Path file = root.resolve("com/acme/Export.java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
