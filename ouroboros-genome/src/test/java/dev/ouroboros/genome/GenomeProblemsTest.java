package dev.ouroboros.genome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenomeProblemsTest {

    @TempDir
    Path root;

    @Test
    void unparseableFileIsReportedWithPathLineAndColumnAndTheRestLoads() throws IOException {
        write("com/acme/Good.java", "package com.acme;\nclass Good { int one() { return 1; } }\n");
        Path broken = write("com/acme/Broken.java", "package com.acme;\nclass Broken {\n  void m( { }\n}\n");
        SourceGenome genome = SourceGenome.of(List.of(root));

        assertThat(genome.allRegions()).extracting(GenomeRegion::id).containsExactly("com.acme.Good#one()");
        assertThat(genome.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(GenomeProblem.Kind.UNPARSEABLE_FILE);
            assertThat(p.where()).isEqualTo(broken.toString());
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.column()).isPositive();
            assertThat(p.toString()).startsWith(broken + ":3:" + p.column() + ": ");
        });
    }

    @Test
    void directRequestForTheBrokenFileStillThrowsNamingItsPosition() throws IOException {
        Path broken = write("com/acme/Broken.java", "package com.acme;\nclass Broken {\n  void m( { }\n}\n");
        SourceGenome genome = SourceGenome.of(List.of(root));

        assertThatThrownBy(() -> genome.parse("com.acme.Broken")).isInstanceOf(GenomeParseException.class)
                .hasMessageContaining(broken + ":3:");
    }

    @Test
    void problemDisappearsOnceTheFileParsesAgain() throws IOException {
        write("com/acme/Broken.java", "package com.acme;\nclass Broken { void m( { } }\n");
        SourceGenome genome = SourceGenome.of(List.of(root));
        genome.allRegions();
        assertThat(genome.problems()).hasSize(1);

        write("com/acme/Broken.java", "package com.acme;\nclass Broken { void m() { } }\n");

        assertThat(genome.allRegions()).extracting(GenomeRegion::id).containsExactly("com.acme.Broken#m()");
        assertThat(genome.problems()).isEmpty();
    }

    @Test
    void fileThatIsNotUtf8IsReportedAsUnreadableAndSkipped() throws IOException {
        write("com/acme/Good.java", "package com.acme;\nclass Good { int one() { return 1; } }\n");
        Path latin1 = root.resolve("com/acme/Latin.java");
        Files.write(latin1, new byte[] {'c', 'l', 'a', 's', 's', ' ', (byte) 0xE9, ' ', '{', '}'});
        SourceGenome genome = SourceGenome.of(List.of(root));

        assertThat(genome.allRegions()).extracting(GenomeRegion::id).containsExactly("com.acme.Good#one()");
        assertThat(genome.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(GenomeProblem.Kind.UNREADABLE_PATH);
            assertThat(p.where()).isEqualTo(latin1.toString());
            assertThat(p.message()).contains("UTF-8");
        });
    }

    @Test
    void classNamesListEveryTopLevelFileButModuleAndPackageDescriptors() throws IOException {
        write("com/acme/A.java", "package com.acme; class A {}");
        write("com/acme/sub/B.java", "package com.acme.sub; class B {}");
        write("com/acme/package-info.java", "package com.acme;");
        write("module-info.java", "module acme {}");
        write("com/acme/notes.txt", "not java");

        assertThat(SourceGenome.of(List.of(root)).classNames()).containsExactly("com.acme.A", "com.acme.sub.B");
    }

    @Test
    void invalidProblemIsRefusedStatingTheRuleAndTheValue() {
        assertThatThrownBy(() -> new GenomeProblem(GenomeProblem.Kind.MISSING_JAR, "x.jar", -1, 0, "gone"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("line and column must not be negative, were -1:0");
    }

    private Path write(String relative, String text) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }
}
