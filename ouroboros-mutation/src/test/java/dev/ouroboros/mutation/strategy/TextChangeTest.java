package dev.ouroboros.mutation.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;

class TextChangeTest {

    private static String apply(String original, TextChange change) {
        return original.substring(0, change.start()) + change.replacement() + original.substring(change.end());
    }

    @Property(tries = 300)
    void theChangeTurnsTheOriginalIntoTheMutatedTextAndKeepsNoCommonEnds(
            @ForAll @StringLength(max = 40) @CharRange(from = 'a', to = 'd') String original,
            @ForAll @StringLength(max = 40) @CharRange(from = 'a', to = 'd') String mutated) {
        TextChange change = TextChange.between(original, mutated);
        assertThat(apply(original, change)).isEqualTo(mutated);
        if (!original.equals(mutated) && change.start() < original.length() && !change.replacement().isEmpty()
                && change.end() > change.start()) {
            assertThat(original.charAt(change.start())).isNotEqualTo(change.replacement().charAt(0));
        }
    }

    @Property(tries = 300)
    void twoChangesWhoseFootprintsAreApartCombineIntoBothIntendedEdits(
            @ForAll @StringLength(min = 10, max = 40) @CharRange(from = 'a', to = 'd') String original,
            @ForAll @StringLength(max = 5) @CharRange(from = 'w', to = 'z') String left,
            @ForAll @StringLength(max = 5) @CharRange(from = 'w', to = 'z') String right) {
        int cut = original.length() / 2;
        String a = original.substring(0, 2) + left + original.substring(3);
        String b = original.substring(0, cut + 2) + right + original.substring(cut + 3);
        TextChange first = TextChange.between(original, a);
        TextChange second = TextChange.between(original, b);
        if (first.apartFrom(second)) {
            String both = original.substring(0, 2) + left + original.substring(3, cut + 2) + right
                    + original.substring(cut + 3);
            TextChange later = first.start() > second.start() ? first : second;
            TextChange earlier = later == first ? second : first;
            assertThat(apply(apply(original, later), earlier)).isEqualTo(both);
        }
    }

    @Property(tries = 50)
    void deletingOneOfTwoEqualStatementsCoversBoth(@ForAll @StringLength(max = 6) @CharRange(from = 'a', to = 'c') String s) {
        String original = "{x++;x++;" + s + "}";
        TextChange change = TextChange.between(original, "{x++;" + s + "}");
        assertThat(change.lowest()).isEqualTo(1);
        assertThat(change.highest()).isGreaterThanOrEqualTo(9);
    }

    @Property(tries = 100)
    void linesAreCountedFromOne(@ForAll @StringLength(max = 30) @CharRange(from = 'a', to = 'b') String tail) {
        String original = "x\ny\n" + tail;
        TextChange change = TextChange.between(original, "x\nY\n" + tail);
        assertThat(change.firstLine(original)).isEqualTo(2);
        assertThat(change.lastLine(original)).isEqualTo(2);
    }
}
