package dev.ouroboros.mutation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.SimpleName;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.printer.lexicalpreservation.LexicalPreservingPrinter;
import dev.ouroboros.genome.GenomeRegion;
import dev.ouroboros.genome.OuroborosException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MutatorTest {

    /** The operators of phase one, which the demo expectations below were written for. */
    static final List<MutationOperator> PHASE_ONE_OPERATORS = List.of(MutationOperator.stringBuilderInLoop(),
            MutationOperator.boxedToPrimitiveLocal(), MutationOperator.hoistPatternCompile(),
            MutationOperator.mathPowSquare(), MutationOperator.statementDelete(),
            MutationOperator.binaryOperatorReplace(), MutationOperator.conditionNegate());

    private static Mutator.Builder phaseOne() {
        return Mutator.builder().operators(PHASE_ONE_OPERATORS);
    }

    @TempDir
    Path dir;

    private SourceTree demo() {
        return new SourceTree(dir.resolve("src")).write(Demo.CLASS_NAME, Demo.SOURCE);
    }

    private List<MutationCandidate> demoCandidates(Mutator mutator) {
        SourceTree tree = demo();
        return mutator.mutate(tree.genome(), tree.region(Demo.CLASS_NAME, "toCsv"));
    }

    @Test
    void sameSeedGivesIdenticalCandidatesInTheSameOrder() {
        List<MutationCandidate> first = demoCandidates(phaseOne().seed(7).build());
        List<MutationCandidate> second = demoCandidates(phaseOne().seed(7).build());
        assertThat(first).isNotEmpty().isEqualTo(second);
        assertThat(first).extracting(MutationCandidate::operator).startsWith("string-builder-in-loop")
                .containsOnly("string-builder-in-loop", "statement-delete");
        // The demo's toCsv has no boxed local, no Pattern, no pow, only String concatenation and no condition.
        assertThat(first).filteredOn(c -> c.operator().equals("statement-delete"))
                .extracting(MutationCandidate::point).containsExactly(0, 1, 2, 3);
        assertThat(first).allSatisfy(c -> assertThat(c.seed()).isEqualTo(7));
    }

    @Test
    void idsAreShortHexUniqueAndDependOnTheSeed() {
        List<MutationCandidate> seven = demoCandidates(phaseOne().seed(7).build());
        List<MutationCandidate> eight = demoCandidates(phaseOne().seed(8).build());
        assertThat(seven).extracting(MutationCandidate::id).allMatch(id -> id.matches("[0-9a-f]{16}"))
                .doesNotHaveDuplicates();
        assertThat(seven).extracting(MutationCandidate::id).doesNotContainAnyElementsOf(
                eight.stream().map(MutationCandidate::id).toList());
        assertThat(seven).extracting(MutationCandidate::mutatedSource)
                .isEqualTo(eight.stream().map(MutationCandidate::mutatedSource).toList());
    }

    @Test
    void lexicalPreservationKeepsCommentsAndOddFormattingOutsideTheRegion() {
        String before = Demo.SOURCE.substring(0, Demo.SOURCE.indexOf("    public static String toCsv"));
        String after = Demo.SOURCE.substring(Demo.SOURCE.indexOf("    static String escape"));
        assertThat(before).contains("static   int   unused ( int x ){ return x*2 ; }", "/**   The report");
        assertThat(after).contains("/* quote when needed */");
        for (MutationCandidate c : demoCandidates(phaseOne().build())) {
            assertThat(c.lexicallyPreserved()).isTrue();
            assertThat(c.mutatedSource()).startsWith(before).endsWith(after).isNotEqualTo(c.originalSource());
        }
    }

    @Test
    void everyDiffTurnsTheOriginalIntoTheCandidateAlsoWithTheRealPatchCommand() throws Exception {
        for (MutationCandidate c : demoCandidates(phaseOne().build())) {
            assertThat(c.diff()).startsWith("--- a/com/acme/OrderReport.java\n+++ b/com/acme/OrderReport.java\n@@ ");
            assertThat(DiffApplier.apply(c.originalSource(), c.diff())).isEqualTo(c.mutatedSource());
            if (PatchCommand.available()) {
                Path work = dir.resolve("patch-" + c.id());
                assertThat(PatchCommand.apply(work, "com/acme/OrderReport.java", c.originalSource(), c.diff()))
                        .isEqualTo(c.mutatedSource());
            }
        }
    }

    @Test
    void editsThatChangeNothingOrFailAreSkipped() {
        MutationOperator noOp = new TestOperator("no-op", 2, (body, index) -> { });
        MutationOperator failing = new TestOperator("failing", 1, (body, index) -> {
            throw new IllegalStateException("boom");
        });
        MutationOperator uncountable = new TestOperator("uncountable", -1, (body, index) -> { });
        List<MutationCandidate> out = demoCandidates(phaseOne()
                .operators(List.of(noOp, failing, uncountable, MutationOperator.stringBuilderInLoop())).build());
        assertThat(out).extracting(MutationCandidate::operator).containsExactly("string-builder-in-loop");
    }

    @Test
    void fallsBackToPrettyPrintingWhenLexicalPrintingFails() {
        // Corrupting the lexical-preserving bookkeeping makes LexicalPreservingPrinter.print throw. The
        // name is set anew so that the edit is not a pure statement rearrangement, which needs no printer.
        MutationOperator corrupting = new TestOperator("corrupting", 1, (body, index) -> {
            Statement first = body.getStatement(0);
            first.remove();
            body.findFirst(NameExpr.class).ifPresent(n -> n.setName(new SimpleName(n.getNameAsString())));
            body.setData(LexicalPreservingPrinter.NODE_TEXT_DATA, null);
        });
        List<MutationCandidate> out = demoCandidates(phaseOne().operators(List.of(corrupting)).build());
        assertThat(out).hasSize(1);
        MutationCandidate c = out.get(0);
        assertThat(c.lexicallyPreserved()).isFalse();
        assertThat(c.mutatedSource()).doesNotContain("String csv = \"id,customer,amount\\n\";")
                .contains("public static String toCsv(List<Order> orders) {");
        assertThat(DiffApplier.apply(c.originalSource(), c.diff())).isEqualTo(c.mutatedSource());
    }

    @Test
    void maxCandidatesPicksASeededSampleListedInCanonicalOrder() {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            body.append("        total += ").append(i).append(";\n");
        }
        String source = "package p;\n\nclass Big {\n    static int sum() {\n        int total = 0;\n" + body
                + "        return total;\n    }\n}\n";
        SourceTree tree = new SourceTree(dir.resolve("big")).write("p.Big", source);
        GenomeRegion region = tree.region("p.Big", "sum");
        // 32 statements; binary-operator-replace has no points (only compound assignments).
        List<MutationCandidate> all = phaseOne().build().mutate(tree.genome(), region);
        assertThat(all).hasSize(32);
        List<MutationCandidate> a = phaseOne().seed(1).maxCandidates(5).build().mutate(tree.genome(), region);
        List<MutationCandidate> again = phaseOne().seed(1).maxCandidates(5).build().mutate(tree.genome(), region);
        List<MutationCandidate> b = phaseOne().seed(2).maxCandidates(5).build().mutate(tree.genome(), region);
        assertThat(a).hasSize(5).isEqualTo(again);
        assertThat(a).extracting(MutationCandidate::point).isSorted();
        assertThat(b).hasSize(5);
        assertThat(a).extracting(MutationCandidate::point)
                .isNotEqualTo(b.stream().map(MutationCandidate::point).toList());
    }

    @Test
    void unitParseIsReusedForTheSameTextAndRedoneWhenTheFileChanges() {
        SourceTree tree = demo();
        Mutator mutator = phaseOne().build();
        Mutator uncached = phaseOne().parseCacheSize(0).build();
        GenomeRegion region = tree.region(Demo.CLASS_NAME, "toCsv");
        List<MutationCandidate> first = mutator.mutate(tree.genome(), region);
        List<MutationCandidate> second = mutator.mutate(tree.genome(), region);
        assertThat(mutator.unitParses()).isEqualTo(1);
        assertThat(second).isEqualTo(first).isEqualTo(uncached.mutate(tree.genome(), region));
        tree.write(Demo.CLASS_NAME, Demo.SOURCE.replace("csv += order.id()", "csv += \"#\" + order.id()"));
        List<MutationCandidate> changed = mutator.mutate(tree.genome(), region);
        assertThat(mutator.unitParses()).isEqualTo(2);
        assertThat(changed).isNotEmpty().allSatisfy(c -> assertThat(c.originalSource()).contains("\"#\" + order.id()"));
        assertThat(changed).isEqualTo(uncached.mutate(tree.genome(), region));
        uncached.mutate(tree.genome(), region);
        assertThat(uncached.unitParses()).isEqualTo(3);
    }

    @Test
    void regionThatLeftTheSourceIsReportedWithTheRemedy() {
        SourceTree tree = demo();
        GenomeRegion region = tree.region(Demo.CLASS_NAME, "toCsv");
        tree.write(Demo.CLASS_NAME, Demo.SOURCE.replace("toCsv(", "toCsvRenamed("));
        assertThatThrownBy(() -> Mutator.builder().build().mutate(tree.genome(), region))
                .isInstanceOf(OuroborosException.class)
                .hasMessageContaining("com.acme.OrderReport#toCsv(List)")
                .hasMessageContaining("regions again");
    }

    @Test
    void regionWithoutPointsGivesNoCandidates() {
        SourceTree tree = new SourceTree(dir.resolve("empty")).write("p.E", "package p;\nclass E {\n    void f() {\n    }\n}\n");
        assertThat(Mutator.builder().build().mutate(tree.genome(), tree.region("p.E", "f"))).isEmpty();
    }

    @Test
    void builderValidatesItsArguments() {
        assertThatThrownBy(() -> Mutator.builder().maxCandidates(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("maxCandidates must be positive, was 0");
        assertThatThrownBy(() -> Mutator.builder().operators(
                List.of(MutationOperator.statementDelete(), MutationOperator.statementDelete())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'statement-delete' appears twice");
        Mutator defaults = Mutator.builder().build();
        assertThat(defaults.seed()).isZero();
        assertThat(defaults.maxCandidates()).isEqualTo(50);
        assertThat(defaults.parseCacheSize()).isEqualTo(8);
        assertThat(defaults.operators()).extracting(MutationOperator::name)
                .startsWith("string-builder-in-loop", "boxed-to-primitive-local", "hoist-pattern-compile",
                        "math-pow-square", "strength-reduction", "constant-folding", "dead-branch-elimination",
                        "enhanced-for-to-indexed", "linked-list-to-array-list", "presize-array-list",
                        "list-contains-to-hash-set", "loop-invariant-hoist", "early-exit", "memoize-pure-method",
                        "statement-delete", "binary-operator-replace", "condition-negate")
                .hasSize(32);
        assertThatThrownBy(() -> Mutator.builder().parseCacheSize(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("parseCacheSize must not be negative, was -1");
    }

    @Test
    void operatorsAreFoundByNameAmongBuiltInsAndServiceLoaderOnes() {
        assertThat(MutationOperator.named("statement-delete").kind()).isEqualTo(OperatorKind.EXPLORATORY);
        assertThat(MutationOperator.named("string-builder-in-loop").severity()).isEqualTo(MutationSeverity.MINOR);
        assertThat(MutationOperator.named("test-service-operator")).isInstanceOf(ServiceOperator.class);
        assertThatThrownBy(() -> MutationOperator.named("loop-unroll"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no mutation operator named 'loop-unroll'")
                .hasMessageContaining("string-builder-in-loop, boxed-to-primitive-local")
                .hasMessageContaining("insert-guarded-return, test-service-operator]");
    }

    @Test
    void builtInsAreWellFormed() {
        List<String> names = new ArrayList<>();
        for (MutationOperator op : MutationOperator.builtIns()) {
            assertThat(op.name()).matches("[a-z]+(-[a-z]+)*");
            assertThat(op.description()).isNotBlank().doesNotContain("\n");
            names.add(op.name());
        }
        assertThat(names).doesNotHaveDuplicates();
    }

    /** An operator scripted by the test. */
    record TestOperator(String name, int points, Edit edit) implements MutationOperator {

        interface Edit {
            void apply(BlockStmt body, int index);
        }

        @Override
        public String description() {
            return "test operator";
        }

        @Override
        public OperatorKind kind() {
            return OperatorKind.EXPLORATORY;
        }

        @Override
        public MutationSeverity severity() {
            return MutationSeverity.MAJOR;
        }

        @Override
        public int countPoints(BlockStmt body) {
            if (points < 0) {
                throw new IllegalStateException("cannot count");
            }
            return points;
        }

        @Override
        public void apply(BlockStmt body, int index, RandomGenerator random) {
            edit.apply(body, index);
        }
    }
}
