package dev.ouroboros.mutation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import org.junit.jupiter.api.Test;

class UnifiedDiffTest {

    @Test
    void equalTextsGiveEmptyDiff() {
        assertThat(UnifiedDiff.between("a\nb\n", "a\nb\n", "a/x", "b/x", 3)).isEmpty();
    }

    @Test
    void showsOnlyChangedLinesWithThreeLinesOfContextInSeparateHunks() {
        String old = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n";
        String neu = "1\n2\nthree\n4\n5\n6\n7\n8\n9\n10\n11\n12\n14\n15\n16\n";
        assertThat(UnifiedDiff.between(old, neu, "a/f.txt", "b/f.txt", 3)).isEqualTo("""
                --- a/f.txt
                +++ b/f.txt
                @@ -1,6 +1,6 @@
                 1
                 2
                -3
                +three
                 4
                 5
                 6
                @@ -10,6 +10,6 @@
                 10
                 11
                 12
                -13
                 14
                 15
                +16
                """);
    }

    @Test
    void marksMissingNewlineAtEndOfFile() {
        assertThat(UnifiedDiff.between("a\nb", "a\nc\n", "a/f", "b/f", 3)).isEqualTo("""
                --- a/f
                +++ b/f
                @@ -1,2 +1,2 @@
                 a
                -b
                \\ No newline at end of file
                +c
                """);
    }

    @Test
    void emptyOldFileUsesLineZero() {
        assertThat(UnifiedDiff.between("", "x\n", "a/f", "b/f", 3)).isEqualTo("--- a/f\n+++ b/f\n@@ -0,0 +1,1 @@\n+x\n");
    }

    @Test
    void negativeContextIsRefused() {
        assertThatThrownBy(() -> UnifiedDiff.between("a", "b", "a/f", "b/f", -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("was -1");
    }

    @Property(tries = 600)
    void applyingTheDiffToTheOldTextGivesTheNewText(@ForAll("textPairs") Tuple2<String, String> pair,
            @ForAll("contexts") int context) {
        String diff = UnifiedDiff.between(pair.get1(), pair.get2(), "a/f", "b/f", context);
        assertThat(DiffApplier.apply(pair.get1(), diff)).isEqualTo(pair.get2());
    }

    @Property(tries = 600)
    void windowedDiffEqualsTheDiffOfAllLines(@ForAll("textPairs") Tuple2<String, String> pair,
            @ForAll("contexts") int context, @ForAll("lines") List<String> around) {
        // Shared lines before and after the texts move the change away from the ends, where the
        // window has to stop short of the text.
        String head = String.join("", around);
        String old = head + pair.get1() + "\n" + head;
        String neu = head + pair.get2() + "\n" + head;
        assertThat(UnifiedDiff.between(old, neu, "a/f", "b/f", context))
                .isEqualTo(UnifiedDiff.betweenWholeTexts(old, neu, "a/f", "b/f", context));
        assertThat(UnifiedDiff.between(pair.get1(), pair.get2(), "a/f", "b/f", context))
                .isEqualTo(UnifiedDiff.betweenWholeTexts(pair.get1(), pair.get2(), "a/f", "b/f", context));
    }

    @Property(tries = 300)
    void diffIsMinimalForASingleLineChange(@ForAll("lines") List<String> lines, @ForAll int seed) {
        if (lines.isEmpty()) {
            return;
        }
        int at = Math.floorMod(seed, lines.size());
        String old = String.join("", lines);
        List<String> changed = new java.util.ArrayList<>(lines);
        changed.set(at, "CHANGED\n");
        String neu = String.join("", changed);
        String diff = UnifiedDiff.between(old, neu, "a/f", "b/f", 3);
        long removed = diff.lines().filter(l -> l.startsWith("-") && !l.startsWith("---")).count();
        long added = diff.lines().filter(l -> l.startsWith("+") && !l.startsWith("+++")).count();
        assertThat(removed).isEqualTo(old.equals(neu) ? 0 : 1);
        assertThat(added).isEqualTo(removed);
    }

    @Property(tries = 25)
    void realPatchCommandAcceptsTheDiff(@ForAll("textPairs") Tuple2<String, String> pair) throws Exception {
        assumeTrue(PatchCommand.available(), "no patch command on this machine");
        Path dir = Files.createTempDirectory("udiff");
        try {
            String diff = UnifiedDiff.between(pair.get1(), pair.get2(), "a/src/F.java", "b/src/F.java", 3);
            assertThat(PatchCommand.apply(dir, "src/F.java", pair.get1(), diff)).isEqualTo(pair.get2());
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Provide
    Arbitrary<Tuple2<String, String>> textPairs() {
        Arbitrary<List<String>> base = lines();
        return base.flatMap(old -> Combinators.combine(Arbitraries.just(old), edits(old))
                .as((o, n) -> Tuple.of(String.join("", o), String.join("", n)))
                .flatMap(t -> Arbitraries.integers().between(0, 5).map(cut -> switch (cut) {
                    // Some texts lose their final newline: old, new or both.
                    case 0 -> Tuple.of(strip(t.get1()), t.get2());
                    case 1 -> Tuple.of(t.get1(), strip(t.get2()));
                    case 2 -> Tuple.of(strip(t.get1()), strip(t.get2()));
                    default -> t;
                })));
    }

    private static String strip(String text) {
        return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    }

    @Provide
    Arbitrary<List<String>> lines() {
        return Arbitraries.of("a\n", "b\n", "c\n", "{\n", "}\n", "    x = 1;\n", "\n", "d\r\n")
                .list().ofMaxSize(40);
    }

    private Arbitrary<List<String>> edits(List<String> old) {
        // Mostly small local edits of the old text (like mutants), sometimes an unrelated text.
        Arbitrary<List<String>> local = Arbitraries.integers().between(0, 4).flatMap(n ->
                Arbitraries.integers().between(0, 1_000_000).list().ofSize(3 * n).map(r -> {
                    List<String> out = new java.util.ArrayList<>(old);
                    String[] pool = {"a\n", "z\n", "    y = 2;\n", "}\n", "e"};
                    for (int i = 0; i + 2 < r.size(); i += 3) {
                        int op = r.get(i) % 3;
                        int at = out.isEmpty() ? 0 : r.get(i + 1) % (out.size() + (op == 0 ? 1 : 0));
                        String line = pool[r.get(i + 2) % pool.length].replace("e", "e\n");
                        if (op == 0 || out.isEmpty()) {
                            out.add(Math.min(at, out.size()), line);
                        } else if (op == 1) {
                            out.remove(Math.min(at, out.size() - 1));
                        } else {
                            out.set(Math.min(at, out.size() - 1), line);
                        }
                    }
                    return out;
                }));
        return Arbitraries.frequencyOf(Tuple.of(5, local), Tuple.of(1, lines()));
    }

    @Provide
    Arbitrary<Integer> contexts() {
        return Arbitraries.of(0, 1, 3, 3, 3);
    }
}
