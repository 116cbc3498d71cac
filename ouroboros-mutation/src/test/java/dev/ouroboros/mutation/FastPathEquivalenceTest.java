package dev.ouroboros.mutation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ouroboros.genome.GenomeRegion;
import dev.ouroboros.genome.OuroborosException;
import dev.ouroboros.genome.SourceGenome;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every speed-up of the mutator must leave its output alone: for the same seed, the current path and
 * the previous one (expression-slot edits printed lexically, kept behind a package-private builder
 * switch) must list the same candidates — same ids, operators, points, texts, diffs and printing
 * flags, in the same order — on real commons-lang3 classes. Seeds: {@code -Dequivalence.seeds}
 * (default 0). Classes: {@code -Dequivalence.classes=n} evenly spaced over the sorted corpus (0 = all
 * 231; default 4), plus classes chosen for their many conditions or for a candidate whose text once
 * depended on earlier prints.
 */
class FastPathEquivalenceTest {

    /** Classes with many conditions, and those where the previous path's text depended on earlier prints. */
    private static final List<String> CHOSEN = List.of("org.apache.commons.lang3.BooleanUtils",
            "org.apache.commons.lang3.CharSequenceUtils", "org.apache.commons.lang3.Conversion",
            "org.apache.commons.lang3.reflect.TypeUtils");

    private final Path sources = Path.of(System.getProperty("ouroboros.realworld.sources",
            "target/realworld/commons-lang3-sources"));

    @Test
    void expressionEditsWrittenAsTextGiveTheCandidatesThePrinterGave() {
        SourceGenome genome = SourceGenome.of(List.of(sources));
        // One seed in the normal run (about a minute); -Dequivalence.seeds=0,7 for more.
        for (String seedText : System.getProperty("equivalence.seeds", "0").split(",")) {
            long seed = Long.parseLong(seedText.trim());
            Mutator now = Mutator.builder().maxCandidates(100_000).seed(seed).timeOperators(true).build();
            Mutator before = Mutator.builder().maxCandidates(100_000).seed(seed).expressionText(false)
                    .timeOperators(true).build();
            int compared = 0;
            for (String className : classes(genome, Integer.getInteger("equivalence.classes", 4))) {
                List<GenomeRegion> regions;
                try {
                    regions = genome.regions(className);
                } catch (OuroborosException e) {
                    continue; // not parseable at Java 17 level
                }
                for (GenomeRegion region : regions) {
                    List<MutationCandidate> expected = before.mutate(genome, region);
                    List<MutationCandidate> got = now.mutate(genome, region);
                    for (int i = 0; i < Math.min(expected.size(), got.size()); i++) {
                        // The diff first: on a mismatch it is the readable part of the candidate.
                        assertThat(got.get(i).diff()).as("diff of candidate %d of %s, seed %d (%s point %d)", i,
                                region.id(), seed, expected.get(i).operator(), expected.get(i).point())
                                .isEqualTo(expected.get(i).diff());
                        assertThat(got.get(i)).as("candidate %d of %s, seed %d (%s point %d)", i, region.id(), seed,
                                expected.get(i).operator(), expected.get(i).point()).isEqualTo(expected.get(i));
                    }
                    assertThat(got).as("candidates of %s, seed %d", region.id(), seed).hasSameSizeAs(expected);
                    compared += got.size();
                }
            }
            assertThat(compared).isGreaterThan(1_000);
            // The comparison covers the new path: condition edits were written as text, not printed.
            assertThat(now.operatorRoutes().get("condition-negate")).startsWith("text ");
            assertThat(now.operatorRoutes().get("condition-reorder")).startsWith("text ");
            assertThat(before.operatorRoutes().get("condition-negate")).startsWith("printed_statement ");
        }
    }

    private static List<String> classes(SourceGenome genome, int n) {
        List<String> all = genome.classNames();
        List<String> chosen = new ArrayList<>(CHOSEN);
        if (n <= 0 || n >= all.size()) {
            chosen.addAll(all);
        } else {
            for (int i = 0; i < n; i++) {
                chosen.add(all.get((int) ((long) i * all.size() / n)));
            }
        }
        return chosen.stream().distinct().toList();
    }
}
