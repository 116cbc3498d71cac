package dev.ouroboros.arena.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Generation is a function of the seed; canonical values compare content; recorded values survive the trip. */
class InputGeneratorTest {

    enum Colour { RED, GREEN }

    record Line(String sku, int qty, double price, Colour colour, List<Line> parts) {
    }

    @SuppressWarnings("unused")
    static void sample(int i, long l, char c, String s, int[] a, List<Line> lines, Map<String, Set<Integer>> m,
            float f, Object o) {
    }

    private static List<Object> draw(long seed, int n) throws Exception {
        Method m = InputGeneratorTest.class.getDeclaredMethod("sample", int.class, long.class, char.class, String.class,
                int[].class, List.class, Map.class, float.class, Object.class);
        List<Object> out = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            InputGenerator g = new InputGenerator(new SplittableRandom(seed + k));
            for (Type t : m.getGenericParameterTypes()) {
                out.add(Canon.of(g.value(t, 0, true)));
            }
        }
        return out;
    }

    @Test
    void sameSeedGivesTheSameInputs() throws Exception {
        assertThat(draw(42, 200)).isEqualTo(draw(42, 200));
        assertThat(draw(42, 200)).isNotEqualTo(draw(43, 200));
    }

    @Test
    void edgeValuesAndNullsAppear() throws Exception {
        List<Object> values = draw(7, 400);
        assertThat(values).contains(0, 1, -1, Integer.MIN_VALUE, Integer.MAX_VALUE, Long.MIN_VALUE, "", null);
        assertThat(values).anySatisfy(v -> assertThat(Canon.render(v, 500)).contains("Line[sku="));
        assertThat(values).contains(new Canon.FloatBits(Float.floatToIntBits(Float.NaN)));
    }

    @Test
    void firstInputsSweepTheEdgeValuesForCertain() throws Exception {
        java.util.Set<Object> ints = new java.util.HashSet<>();
        java.util.Set<Object> strings = new java.util.HashSet<>();
        for (int k = 0; k < 16; k++) {
            InputGenerator g = new InputGenerator(new SplittableRandom(k), k);
            ints.add(g.value(int.class, 0, false));
            strings.add(g.value(String.class, 0, false));
        }
        assertThat(ints).contains(0, 1, -1, 10, 100, Integer.MAX_VALUE, Integer.MIN_VALUE).hasSize(16);
        assertThat(strings).contains("", " ", "a,b", "line\nbreak");
    }

    @Test
    void timingStopsEarlyOnlyForAMutantThatLostEveryRoundOfAtLeastFive() {
        List<Long> original = List.of(10L, 10L, 10L, 10L, 10L);
        assertThat(WorkerSession.lostEveryRound(original, List.of(11L, 12L, 11L, 13L, 11L), 15)).isTrue();
        assertThat(WorkerSession.lostEveryRound(original, List.of(11L, 12L, 11L, 13L, 9L), 15)).isFalse();
        assertThat(WorkerSession.lostEveryRound(original.subList(0, 4), List.of(11L, 12L, 11L, 13L), 15)).isFalse();
        assertThat(WorkerSession.lostEveryRound(original, List.of(11L, 12L, 11L, 13L, 11L), 30)).isFalse();
    }

    @Test
    void everyTypeOfTheSampleCanBeGeneratedButAThreadCannot() throws Exception {
        Method m = InputGeneratorTest.class.getDeclaredMethod("sample", int.class, long.class, char.class, String.class,
                int[].class, List.class, Map.class, float.class, Object.class);
        for (Type t : m.getGenericParameterTypes()) {
            assertThat(InputGenerator.unsupported(t)).as(t.getTypeName()).isNull();
        }
        assertThat(InputGenerator.unsupported(Thread.class)).isEqualTo("no generator for java.lang.Thread");
    }

    @Test
    void canonicalValuesCompareFloatsByBitsAndCollectionsByContent() {
        assertThat(Canon.of(Double.NaN)).isEqualTo(Canon.of(0.0 / 0.0));
        assertThat(Canon.of(-0.0)).isNotEqualTo(Canon.of(0.0));
        assertThat(Canon.of(new int[] {1, 2})).isEqualTo(Canon.of(new int[] {1, 2})).isNotEqualTo(Canon.of(new int[] {2, 1}));
        assertThat(Canon.of(Set.of(1, 2, 3))).isEqualTo(Canon.of(new java.util.TreeSet<>(List.of(3, 2, 1))));
        assertThat(Canon.of(new StringBuilder("ab"))).isEqualTo(Canon.of(new StringBuilder("ab")));
        assertThat(Canon.of(new Line("a", 1, 2.0, Colour.RED, List.of())))
                .isEqualTo(Canon.of(new Line("a", 1, 2.0, Colour.RED, List.of())))
                .isNotEqualTo(Canon.of(new Line("a", 1, 2.0, Colour.GREEN, List.of())));
        List<Object> cyclic = new ArrayList<>();
        cyclic.add(cyclic);
        assertThat(Canon.render(Canon.of(cyclic), 100)).isEqualTo("[<cycle java.util.ArrayList>]");
    }

    @Test
    void recordedValuesAreRebuiltEqual() {
        List<Object> values = new ArrayList<>(List.of(5, -7L, 'x', "h\u00e9 ,\n", new int[] {1, 2}, List.of("a", "b"),
                Map.of("k", Set.of(1)), 1.5f, Double.NaN, Colour.GREEN,
                new Line("s", 2, -0.0, Colour.RED, List.of(new Line("p", 1, 1.0, Colour.GREEN, List.of())))));
        values.add(null);
        String text = RecordedValues.encode(values);
        List<Object> back = RecordedValues.decode(text, getClass().getClassLoader());

        assertThat(back).hasSameSizeAs(values);
        IntStream.range(0, values.size()).forEach(i ->
                assertThat(Canon.of(back.get(i))).as("value %d", i).isEqualTo(Canon.of(values.get(i))));
        assertThatThrownBy(() -> RecordedValues.encode(List.of(new Thread())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("java.lang.Thread cannot be rebuilt");
    }
}
