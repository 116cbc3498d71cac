package dev.ouroboros.genome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceGenomeTest {

    private static final String REPORT = """
            package com.acme;

            import java.util.List;

            public final class Report {
                static final int WIDTH;
                static { WIDTH = 80; }

                private final String title;

                public Report(String title) { this.title = title; }

                public String render(List<String> rows) {
                    String out = title;
                    for (String r : rows) { out += r; }
                    return out;
                }

                public String render(String row, int... widths) { return row; }

                record Line(String text) {
                    String padded() { return text + " "; }
                }
            }
            """;

    @TempDir
    Path root;

    @Test
    void missingSourceRootIsRefusedWithTheDirectoryAndTheRemedy() {
        Path missing = root.resolve("nope");
        assertThatThrownBy(() -> SourceGenome.of(List.of(missing)))
                .isInstanceOf(SourceNotFoundException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("source=");
    }

    @Test
    void classWithoutSourceIsRefusedNamingTheExpectedFile() throws IOException {
        SourceGenome genome = SourceGenome.of(List.of(root));
        assertThatThrownBy(() -> genome.parse("com.acme.Ghost"))
                .isInstanceOf(SourceNotFoundException.class)
                .hasMessageContaining("com.acme.Ghost")
                .hasMessageContaining("com/acme/Ghost.java");
    }

    @Test
    void regionsCoverMethodsConstructorsInitializersAndNestedTypesWithStableIds() throws IOException {
        write("com/acme/Report.java", REPORT);
        SourceGenome genome = SourceGenome.of(List.of(root));

        assertThat(genome.regions("com.acme.Report")).extracting(GenomeRegion::id).containsExactly(
                "com.acme.Report#<clinit>[0]",
                "com.acme.Report#<init>(String)",
                "com.acme.Report#render(List)",
                "com.acme.Report#render(String,int[])",
                "com.acme.Report$Line#padded()");
        assertThat(genome.regionsOf("com.acme.Report$Line", "padded")).singleElement()
                .satisfies(r -> assertThat(r.topLevelClassName()).isEqualTo("com.acme.Report"));
    }

    @Test
    void regionIdsAndChecksumsSurviveUnrelatedEditsElsewhereInTheFile() throws IOException {
        write("com/acme/Report.java", REPORT);
        SourceGenome genome = SourceGenome.of(List.of(root));
        GenomeRegion before = genome.region("com.acme.Report#render(List)").orElseThrow();

        write("com/acme/Report.java", REPORT.replace("public Report(String title) { this.title = title; }",
                "// a new comment\n    public Report(String title) {\n        this.title = title.strip();\n    }"));
        GenomeRegion after = genome.region("com.acme.Report#render(List)").orElseThrow();

        assertThat(after.id()).isEqualTo(before.id());
        assertThat(after.sha256()).isEqualTo(before.sha256());
        assertThat(after.beginLine()).isGreaterThan(before.beginLine());
    }

    @Test
    void locateFindsTheRegionBodyInAFreshParse() throws IOException {
        write("com/acme/Report.java", REPORT);
        SourceGenome genome = SourceGenome.of(List.of(root));
        GenomeRegion region = genome.region("com.acme.Report#render(String,int[])").orElseThrow();

        assertThat(region.locate(genome.parse("com.acme.Report")))
                .hasValueSatisfying(body -> assertThat(body.toString()).contains("return row;"));
    }

    @Test
    void parseGivesIndependentCopies() throws IOException {
        write("com/acme/Report.java", REPORT);
        SourceGenome genome = SourceGenome.of(List.of(root));
        genome.parse("com.acme.Report").getTypes().get(0).getMembers().clear();

        assertThat(genome.regions("com.acme.Report")).hasSize(5);
    }

    @Test
    void unparseableSourceNamesTheFile() throws IOException {
        Path file = write("com/acme/Broken.java", "package com.acme; class Broken { void m( { } }");
        SourceGenome genome = SourceGenome.of(List.of(root));
        assertThatThrownBy(() -> genome.regions("com.acme.Broken"))
                .isInstanceOf(GenomeParseException.class)
                .hasMessageContaining(file.toString());
    }

    @Test
    void genericOverloadsThatDifferOnlyInTheirBoundGetDistinctIds() throws IOException {
        write("com/acme/Checks.java", """
                package com.acme;
                import java.util.*;
                final class Checks<E extends CharSequence> {
                    static <T extends Collection<?>> T notEmpty(T c) { return c; }
                    static <T extends Map<?, ?>> T notEmpty(T m) { return m; }
                    static <T> T[] all(T... items) { return items; }
                    boolean has(E element) { return true; }
                }
                """);
        assertThat(SourceGenome.of(List.of(root)).regions("com.acme.Checks")).extracting(GenomeRegion::id).containsExactly(
                "com.acme.Checks#notEmpty(Collection)", "com.acme.Checks#notEmpty(Map)", "com.acme.Checks#all(Object[])",
                "com.acme.Checks#has(CharSequence)");
    }

    @Test
    void java17SyntaxParses() throws IOException {
        write("com/acme/Shapes.java", """
                package com.acme;
                sealed interface Shape permits Circle {}
                record Circle(double r) implements Shape {}
                final class Shapes {
                    static double area(Object o) {
                        if (o instanceof Circle c) { return switch (1) { case 1 -> c.r() * c.r(); default -> 0; }; }
                        return """
                + "\"\"\"\n                            text\n                            \"\"\".length();\n"
                + """
                    }
                }
                """);
        assertThat(SourceGenome.of(List.of(root)).regions("com.acme.Shapes"))
                .extracting(GenomeRegion::id).contains("com.acme.Shapes#area(Object)");
    }

    private Path write(String relative, String text) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }
}
