package dev.ouroboros.mutation.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.javaparser.StaticJavaParser;
import dev.ouroboros.genome.GenomeRegion;
import dev.ouroboros.genome.SourceGenome;
import dev.ouroboros.mutation.MutationCandidate;
import dev.ouroboros.mutation.MutationOperator;
import dev.ouroboros.mutation.Mutator;
import dev.ouroboros.mutation.OperatorKind;
import dev.ouroboros.mutation.UnifiedDiff;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MutationBatchTest {

    private static final MutationOperator DELETE = MutationOperator.statementDelete();
    private static final MutationOperator NEGATE = MutationOperator.conditionNegate();

    @TempDir
    Path dir;

    private Corpus corpus;
    private SourceGenome genome;
    private GenomeRegion total;

    @BeforeEach
    void setUp() {
        corpus = new Corpus(dir);
        genome = corpus.genome();
        total = corpus.region(Corpus.SCORE, "total");
    }

    /** The single-edit candidate the mutator makes for this operator and point. */
    private MutationCandidate single(MutationOperator op, int point, GenomeRegion region) {
        return Mutator.builder().operators(List.of(op)).maxCandidates(1000).build().mutate(genome, region).stream()
                .filter(c -> c.point() == point).findFirst().orElseThrow();
    }

    @Test
    void editsInDifferentStatementsApplyTogetherAsOneCandidate() {
        // statement-delete points of total(): 0 int sum, 1 int odd, 2 for, 3 its body, 4 if, 5 sum +=, 6 odd++,
        // 7 if (sum > 1000), 8 break, 9 while, 10 odd -= 2, 11 return; condition-negate: 0 if, 1 if, 2 while.
        BatchResult result = MutationBatch.of(List.of(new BatchEdit(total, DELETE, 1, 0), new BatchEdit(total, NEGATE, 2, 0)))
                .apply(genome);
        assertThat(result.applied()).as(result.reason()).isTrue();
        assertThat(result.reason()).isEmpty();
        MutationCandidate c = result.candidates().get(0);
        assertThat(result.candidates()).hasSize(1);
        assertThat(c.mutatedSource()).doesNotContain("int odd = 0;").contains("while (!(odd > 3))")
                .contains("if (x % 2 == 0 && x > limit)");
        StaticJavaParser.parse(c.mutatedSource());
        assertThat(c.operator()).isEqualTo("statement-delete@1+condition-negate@2");
        assertThat(c.kind()).isEqualTo(OperatorKind.EXPLORATORY);
        assertThat(c.diff()).isEqualTo(UnifiedDiff.between(c.originalSource(), c.mutatedSource(),
                "a/com/acme/Score.java", "b/com/acme/Score.java", 3));
        // The batch's text is each single edit's text, both at once.
        String first = single(DELETE, 1, total).mutatedSource();
        assertThat(first).doesNotContain("int odd = 0;").contains("while (odd > 3)");
    }

    @Test
    void aBatchOfOneEditIsExactlyTheMutatorsCandidateForEveryOperatorAndPoint() {
        List<MutationOperator> operators = List.of(DELETE, NEGATE, MutationOperator.binaryOperatorReplace());
        List<MutationCandidate> all = Mutator.builder().operators(operators).seed(17).maxCandidates(1000).build()
                .mutate(genome, total);
        assertThat(all).hasSizeGreaterThan(20);
        for (MutationCandidate c : all) {
            MutationOperator op = operators.stream().filter(o -> o.name().equals(c.operator())).findFirst().orElseThrow();
            BatchResult result = MutationBatch.of(List.of(new BatchEdit(total, op, c.point(), 17))).apply(genome);
            assertThat(result.applied()).as(result.reason()).isTrue();
            assertThat(result.candidates()).singleElement().satisfies(b -> {
                assertThat(b.mutatedSource()).as(c.operator() + "@" + c.point()).isEqualTo(c.mutatedSource());
                assertThat(b.diff()).isEqualTo(c.diff());
            });
        }
    }

    @Test
    void editsOfTheSameStatementRejectTheWholeBatch() {
        // Deleting the first if (point 4) and negating its condition (point 0) touch the same text.
        BatchResult result = MutationBatch.of(List.of(new BatchEdit(total, DELETE, 0, 0),
                new BatchEdit(total, DELETE, 4, 0), new BatchEdit(total, NEGATE, 0, 0))).apply(genome);
        assertThat(result.applied()).isFalse();
        assertThat(result.candidates()).isEmpty();
        assertThat(result.reason()).contains("statement-delete@4", "condition-negate@0", "touch the same text");
    }

    @Test
    void aMissingPointRejectsTheBatchEvenWhenTheOtherEditsApply() {
        BatchResult result = MutationBatch.of(List.of(new BatchEdit(total, DELETE, 0, 0),
                new BatchEdit(total, NEGATE, 99, 0))).apply(genome);
        assertThat(result.applied()).isFalse();
        assertThat(result.reason()).isEqualTo("edit 2: condition-negate has 3 points in com.acme.Score#total(List),"
                + " point 99 does not exist");
    }

    @Test
    void combinedEditsThatDoNotParseRejectTheBatch() {
        MutationCandidate good = single(DELETE, 0, total);
        String original = good.originalSource();
        String broken = original.replace("return a + 1;", "return a + ;");
        MutationCandidate bad = new MutationCandidate("00000000000000aa", "hand-edit", OperatorKind.EXPLORATORY,
                good.severity(), corpus.region(Corpus.SCORE, "tiny").id(), Corpus.SCORE, 0, 0, original, broken,
                UnifiedDiff.between(original, broken, "a", "b", 3), true);
        BatchResult result = MutationBatch.ofCandidates(List.of(good, bad)).apply(genome);
        assertThat(result.applied()).isFalse();
        assertThat(result.reason()).startsWith("the combined edits of com.acme.Score do not parse");
    }

    @Test
    void aCandidateMadeFromAnOlderTextIsRejected() {
        MutationCandidate made = single(DELETE, 0, total);
        corpus.write(Corpus.SCORE, Corpus.SCORE_SOURCE.replace("Scores numbers.", "Scores numbers, edited."));
        BatchResult result = MutationBatch.ofCandidates(List.of(made)).apply(corpus.genome());
        assertThat(result.applied()).isFalse();
        assertThat(result.reason()).contains("was made from another text of com.acme.Score");
    }

    @Test
    void aBatchOverTwoUnitsGivesOneCandidatePerUnit() {
        GenomeRegion twice = corpus.region(Corpus.OTHER, "twice");
        BatchResult result = MutationBatch.of(List.of(new BatchEdit(total, NEGATE, 1, 0),
                new BatchEdit(twice, MutationOperator.binaryOperatorReplace(), 0, 3))).apply(genome);
        assertThat(result.applied()).as(result.reason()).isTrue();
        assertThat(result.candidates()).extracting(MutationCandidate::className).containsExactly(Corpus.SCORE,
                Corpus.OTHER);
        MutationCandidate other = result.candidates().get(1);
        // The edit's random choice is the mutator's for the same seed: the texts are equal.
        MutationCandidate alone = Mutator.builder().operators(List.of(MutationOperator.binaryOperatorReplace()))
                .seed(3).build().mutate(genome, twice).get(0);
        assertThat(other.mutatedSource()).isEqualTo(alone.mutatedSource());
    }

    @Test
    void combinationStrategyCrossesOnlyCompatibleWinners() {
        MutationCandidate deleteOdd = single(DELETE, 1, total);
        MutationCandidate negateWhile = single(NEGATE, 2, total);
        MutationCandidate deleteWhile = single(DELETE, 9, total);
        assertThat(deleteWhile.mutatedSource()).doesNotContain("while (odd > 3)");
        List<MutationCandidate> winners = List.of(deleteOdd, negateWhile, deleteWhile);
        List<MutationCandidate> made = MutationStrategy.combination(() -> winners).propose(genome, total, 10,
                new SplittableRandom(4));
        // deleteWhile and negateWhile touch the same statement; the two other pairs are compatible.
        assertThat(made).extracting(MutationCandidate::operator).containsExactlyInAnyOrder(
                "statement-delete@1+condition-negate@2", "statement-delete@1+statement-delete@9");
        assertThat(made).isEqualTo(MutationStrategy.combination(() -> winners).propose(genome, total, 10,
                new SplittableRandom(4)));
        assertThat(MutationStrategy.combination(() -> winners).propose(genome, corpus.region(Corpus.SCORE, "tiny"), 10,
                new SplittableRandom(4))).isEmpty();
    }
}
