package dev.ouroboros.mutation;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Objects;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@code list-contains-to-hash-set}: fires on a realistic filter loop, not when its preconditions
 * fail, and the rewritten class — compiled with javac — gives the original's results and exceptions
 * on generated inputs (null lists and null elements included).
 */
class ListContainsToHashSetTest {

    private static final String CLASS_NAME = "p.Filter";

    private static final String SOURCE = """
            package p;

            import java.util.ArrayList;
            import java.util.List;

            public class Filter {

                public static List<String> keep(List<String> words, List<String> stop) {
                    List<String> out = new ArrayList<>();
                    for (String w : words) {
                        if (!stop.contains(w)) {
                            out.add(w);
                        }
                    }
                    return out;
                }

                public static int count(int[] xs, List<Integer> wanted) {
                    int n = 0;
                    for (int i = 0; i < xs.length; i++) {
                        int x = xs[i];
                        if (wanted.contains(x)) {
                            n++;
                        }
                    }
                    return n;
                }
            }
            """;

    private static final MutationOperator OP = MutationOperator.listContainsToHashSet();
    private final OperatorHarness harness = new OperatorHarness(OP);

    @Example
    void firesOnALoopThatOnlyLooksUp() {
        String method = """
                static int count(int[] xs, List<Integer> wanted) {
                    int n = 0;
                    for (int x : xs) {
                        if (wanted.contains(x)) {
                            n++;
                        }
                    }
                    return n;
                }""";
        assertThat(harness.points(method)).isEqualTo(1);
        assertThat(harness.apply(method, 0))
                .contains("java.util.Set<Integer> wantedSet = wanted == null ? null : new java.util.HashSet<>(wanted);")
                .contains("if (wantedSet.contains(x))");
    }

    @Example
    void doesNotFireWhenTheLoopMayChangeTheList() {
        assertThat(harness.points("""
                static void f(List<String> seen, String[] xs) {
                    for (String x : xs) {
                        if (!seen.contains(x)) {
                            seen.add(x);
                        }
                    }
                }""")).isZero();
    }

    @Example
    void doesNotFireForElementsWithoutValueEquality() {
        assertThat(harness.points("""
                static int f(List<Object> items, Object[] xs) {
                    int n = 0;
                    for (Object x : xs) {
                        if (items.contains(x)) n++;
                    }
                    return n;
                }""")).isZero();
        assertThat(harness.points("""
                static int f(List<String> items, Object[] xs) {
                    int n = 0;
                    for (Object x : xs) {
                        if (items.contains(x)) n++;
                    }
                    return n;
                }""")).as("a key of another type").isZero();
    }

    @Example
    void doesNotFireOutsideLoopsOrWhenAnotherMethodIsCalled() {
        assertThat(harness.points("""
                static boolean f(List<String> items, String x) {
                    return items.contains(x);
                }""")).isZero();
        assertThat(harness.points("""
                static int f(List<String> items, String[] xs) {
                    int n = 0;
                    for (String x : xs) {
                        if (items.contains(x.trim())) n++;
                    }
                    return n;
                }""")).isZero();
    }

    private static final MutantPair COMPILED = compile();

    private static MutantPair compile() {
        MutantPair pair = MutantPair.of(OP, CLASS_NAME, SOURCE, List.of("keep", "count"));
        assertThat(pair.mutatedSource()).contains("stopSet.contains(w)", "wantedSet.contains(x)");
        return pair;
    }

    @Property(tries = 300)
    void keepBehavesAlike(@ForAll("words") List<String> words, @ForAll("words") List<String> stop) throws Exception {
        assertThat(run("keep", new Class<?>[] {List.class, List.class}, words, stop))
                .isEqualTo(run0("keep", new Class<?>[] {List.class, List.class}, words, stop));
    }

    @Property(tries = 300)
    void countBehavesAlike(@ForAll("ints") int[] xs, @ForAll("integers") List<Integer> wanted) throws Exception {
        assertThat(run("count", new Class<?>[] {int[].class, List.class}, xs, wanted))
                .isEqualTo(run0("count", new Class<?>[] {int[].class, List.class}, xs, wanted));
    }

    @Provide
    Arbitrary<List<String>> words() {
        return Arbitraries.strings().withChars("abc").ofMaxLength(2).injectNull(0.1).list().ofMaxSize(8).injectNull(0.1);
    }

    @Provide
    Arbitrary<int[]> ints() {
        return Arbitraries.integers().between(-3, 3).array(int[].class).ofMaxSize(8).injectNull(0.05);
    }

    @Provide
    Arbitrary<List<Integer>> integers() {
        return Arbitraries.integers().between(-3, 3).injectNull(0.1).list().ofMaxSize(6).injectNull(0.1);
    }

    private static String run(String name, Class<?>[] types, Object... args) throws Exception {
        return invoke(COMPILED.get("mutant").getMethod(name, types), args);
    }

    private static String run0(String name, Class<?>[] types, Object... args) throws Exception {
        return invoke(COMPILED.get("original").getMethod(name, types), args);
    }

    private static String invoke(Method method, Object... args) throws IllegalAccessException {
        try {
            return "returned " + Objects.toString(method.invoke(null, args));
        } catch (InvocationTargetException e) {
            return Outcome.thrown(e.getCause());
        }
    }
}
