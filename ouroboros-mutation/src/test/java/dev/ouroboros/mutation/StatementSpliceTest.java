package dev.ouroboros.mutation;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.printer.lexicalpreservation.LexicalPreservingPrinter;
import dev.ouroboros.genome.GenomeRegion;
import dev.ouroboros.genome.SourceGenome;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The mutator's fastest paths (statement rearrangements written straight into the text; other edits
 * printed lexically one statement at a time, on a member copy that is undone after each edit) must
 * give the program the slow path gives: a fresh parse of the whole unit, the edit, a lexical print of
 * the whole unit. Checked on real commons-lang3 classes for every built-in operator and point, as
 * parsed trees without comments (the fast path writes a removed statement's line and an inserted statement's
 * indentation more cleanly than the lexical printer, so the texts may differ in blanks), and for
 * independence from history: an operator alone makes the same candidates as in the full run.
 */
class StatementSpliceTest {

    private static final List<String> CLASSES = List.of("org.apache.commons.lang3.AnnotationUtils",
            "org.apache.commons.lang3.CharSequenceUtils");

    private final Path sources = Path.of(System.getProperty("ouroboros.realworld.sources",
            "target/realworld/commons-lang3-sources"));

    @Test
    void everyCandidateIsTheProgramTheWholeUnitPathMakes() {
        SourceGenome genome = SourceGenome.of(List.of(sources));
        Mutator mutator = Mutator.builder().maxCandidates(100_000).seed(5).build();
        JavaParser parser = new JavaParser(genome.parserConfiguration());
        // Programs are compared without comments: the lexical printer sometimes drops or repeats a
        // comment next to a moved statement, which is no part of the program.
        JavaParser codeOnly = new JavaParser(new ParserConfiguration()
                .setLanguageLevel(genome.parserConfiguration().getLanguageLevel()).setAttributeComments(false));
        int compared = 0;
        for (String className : CLASSES) {
            String original = genome.sourceText(className);
            for (GenomeRegion region : genome.regions(className)) {
                for (MutationCandidate c : mutator.mutate(genome, region)) {
                    CompilationUnit unit = LexicalPreservingPrinter.setup(parser.parse(original).getResult().orElseThrow());
                    MutationOperator op = MutationOperator.named(c.operator());
                    op.apply(region.locate(unit).orElseThrow(), c.point(),
                            new SplittableRandom(Long.parseUnsignedLong(c.id(), 16)));
                    // The slow path's text, parsed again: its tree is what its text means.
                    CompilationUnit expected = codeOnly.parse(LexicalPreservingPrinter.print(unit)).getResult().orElseThrow();
                    ParseResult<CompilationUnit> got = codeOnly.parse(c.mutatedSource());
                    assertThat(got.isSuccessful()).as("%s parses", c.id()).isTrue();
                    assertThat(got.getResult().orElseThrow()).as("%s point %d in %s:%n%s", c.operator(), c.point(),
                            region.id(), c.diff()).isEqualTo(expected);
                    assertThat(DiffApplier.apply(c.originalSource(), c.diff())).isEqualTo(c.mutatedSource());
                    compared++;
                }
            }
        }
        assertThat(compared).isGreaterThan(500);
    }

    @Test
    void anOperatorAloneMakesTheSameCandidatesAsInTheFullRun() {
        SourceGenome genome = SourceGenome.of(List.of(sources));
        Mutator all = Mutator.builder().maxCandidates(100_000).seed(9).build();
        List<MutationCandidate> full = new ArrayList<>();
        List<MutationCandidate> alone = new ArrayList<>();
        for (GenomeRegion region : genome.regions(CLASSES.get(0))) {
            full.addAll(all.mutate(genome, region));
        }
        for (MutationOperator op : MutationOperator.builtIns()) {
            Mutator one = Mutator.builder().operators(List.of(op)).maxCandidates(100_000).seed(9).build();
            for (GenomeRegion region : genome.regions(CLASSES.get(0))) {
                alone.addAll(one.mutate(genome, region));
            }
        }
        full.sort(java.util.Comparator.comparing(MutationCandidate::id));
        alone.sort(java.util.Comparator.comparing(MutationCandidate::id));
        assertThat(alone).hasSizeGreaterThan(100).isEqualTo(full);
    }
}
