package dev.ouroboros.mutation;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import dev.ouroboros.genome.GenomeRegion;
import dev.ouroboros.genome.SourceGenome;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mutator's fastest paths (statement rearrangements and expression edits written straight into
 * the text; other edits printed lexically one statement at a time, on a member copy that is undone
 * after each edit) must give the program the edit made: a fresh parse of the whole unit, the edit,
 * the tree written out. Checked on real commons-lang3 classes for every built-in operator and point,
 * and on a fixture of comments and {@code switch} cases, as parsed trees without comments (the fast
 * path writes a removed statement's line and an inserted statement's indentation more cleanly than a
 * printer, so the texts may differ in blanks); for where comments go; and for independence from
 * history: an operator alone makes the same candidates as in the full run.
 */
class StatementSpliceTest {

    /** Small classes; the last two for their {@code switch} cases and comments next to statements. */
    private static final List<String> CLASSES = List.of("org.apache.commons.lang3.AnnotationUtils",
            "org.apache.commons.lang3.CharSequenceUtils", "org.apache.commons.lang3.time.DurationUtils",
            "org.apache.commons.lang3.text.ExtendedMessageFormat");

    /** A method whose statements carry comments before and after them, in a block and in a switch case. */
    private static final String COMMENTED = """
            package demo;

            class Commented {

                int f(int k) {
                    int total = 0;
                    // the first step
                    total += k;
                    total *= 2; // doubled
                    total = total+-k;
                    switch (k) {
                        case 1:
                            // one
                            total++;
                            total--;
                            break;
                        default:
                            total = -total;
                    }
                    return total;
                }
            }
            """;

    private static final Map<String, CompilationUnit> PARSES = new ConcurrentHashMap<>();

    @TempDir
    Path dir;

    private final Path sources = Path.of(System.getProperty("ouroboros.realworld.sources",
            "target/realworld/commons-lang3-sources"));

    @Test
    void everyCandidateIsTheProgramOfTheEditedTree() {
        SourceGenome genome = SourceGenome.of(List.of(sources));
        Mutator mutator = Mutator.builder().maxCandidates(100_000).seed(5).timeOperators(true).build();
        int compared = 0;
        for (String className : CLASSES) {
            for (GenomeRegion region : genome.regions(className)) {
                for (MutationCandidate c : mutator.mutate(genome, region)) {
                    assertSameProgramAsTheEditedTree(genome, region, c);
                    compared++;
                }
            }
        }
        assertThat(compared).isGreaterThan(2_000);
        // The comparison covers statement edits in switch cases and next to comments written as text.
        assertThat(mutator.operatorRoutes().get("statement-delete")).startsWith("text ").doesNotContain("printed");
    }

    @Test
    void aStatementsOwnCommentGoesWithItAndNewStatementsGoBeforeAComment() {
        SourceGenome genome = new SourceTree(dir).write("demo.Commented", COMMENTED).genome();
        GenomeRegion region = genome.regions("demo.Commented").get(0);
        Mutator mutator = Mutator.builder().maxCandidates(100_000).timeOperators(true).build();
        List<MutationCandidate> made = mutator.mutate(genome, region);
        for (MutationCandidate c : made) {
            assertSameProgramAsTheEditedTree(genome, region, c);
        }
        // Every statement edit here was written as text: none needed the printer.
        mutator.operatorRoutes().entrySet().stream().filter(e -> e.getKey().startsWith("statement-")
                || e.getKey().startsWith("insert-")).forEach(e -> assertThat(e.getValue()).as(e.getKey())
                .startsWith("text ").doesNotContain("printed"));
        assertThat(mutator.operatorRoutes()).containsKeys("statement-delete", "statement-swap", "insert-break");
        // Deleting a statement deletes the comment before it, or after it on its line, with its whole lines.
        List<String> deletes = made.stream().filter(c -> c.operator().equals("statement-delete"))
                .map(MutationCandidate::mutatedSource).toList();
        assertThat(deletes).contains(COMMENTED.replace("        // the first step\n        total += k;\n", ""),
                COMMENTED.replace("        total *= 2; // doubled\n", ""),
                COMMENTED.replace("                // one\n                total++;\n", ""));
        // A statement put before a commented one goes before its comment.
        assertThat(made).filteredOn(c -> c.operator().equals("insert-break")).extracting(MutationCandidate::mutatedSource)
                .contains(COMMENTED.replace("            case 1:\n", "            case 1:\n                break;\n"));
        // A statement moved takes its comment along: the comment stays right before it.
        List<MutationCandidate> swaps = made.stream().filter(c -> c.operator().equals("statement-swap")).toList();
        assertThat(swaps).hasSizeGreaterThan(3).allSatisfy(c -> assertThat(c.mutatedSource())
                .containsPattern("// the first step\\n\\s*total \\+= k;").containsOnlyOnce("// the first step"));
    }

    /**
     * The candidate's program (parsed without comments) is the edited tree's: a fresh parse of the
     * whole unit, the same edit, written out by the pretty printer and parsed again (so that both sides
     * are what a text means). Not the lexical printer's text: it writes a unary operator moved from
     * after its operand to before it in its old place ({@code i--} for {@code --i}), and sometimes drops
     * or repeats a comment next to a moved statement. The diff applied to the original gives the
     * candidate's text.
     */
    private static void assertSameProgramAsTheEditedTree(SourceGenome genome, GenomeRegion region, MutationCandidate c) {
        JavaParser codeOnly = new JavaParser(new ParserConfiguration()
                .setLanguageLevel(genome.parserConfiguration().getLanguageLevel()).setAttributeComments(false));
        // A copy of one parse per class: cheaper than a parse per candidate, and the same tree.
        CompilationUnit unit = PARSES.computeIfAbsent(c.originalSource(), text -> new JavaParser(genome.parserConfiguration())
                .parse(text).getResult().orElseThrow()).clone();
        MutationOperator op = MutationOperator.named(c.operator());
        op.apply(region.locate(unit).orElseThrow(), c.point(), new SplittableRandom(Long.parseUnsignedLong(c.id(), 16)));
        CompilationUnit expected = codeOnly.parse(unit.toString()).getResult().orElseThrow();
        ParseResult<CompilationUnit> got = codeOnly.parse(c.mutatedSource());
        assertThat(got.isSuccessful()).as("%s point %d in %s parses: %s%n%s", c.operator(), c.point(), region.id(),
                got.getProblems(), c.diff()).isTrue();
        assertThat(got.getResult().orElseThrow()).as("%s point %d in %s:%n%s", c.operator(), c.point(),
                region.id(), c.diff()).isEqualTo(expected);
        assertThat(DiffApplier.apply(c.originalSource(), c.diff())).isEqualTo(c.mutatedSource());
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
