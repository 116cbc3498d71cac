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
import net.jqwik.api.constraints.IntRange;

/**
 * {@code early-exit}: fires on a search loop that keeps scanning after a match, not when a skipped
 * iteration could still be seen, and the rewritten class — compiled with javac — returns what the
 * original returns on generated inputs (empty, null and match-free arrays, null elements included).
 */
class EarlyExitTest {

    private static final String CLASS_NAME = "p.Search";

    private static final String SOURCE = """
            package p;

            public class Search {

                public static boolean anyAbove(int[] xs, int limit) {
                    boolean found = false;
                    for (int x : xs) {
                        if (x > limit * 2) {
                            found = true;
                        }
                    }
                    return found;
                }

                public static int holds(String[] names, String wanted) {
                    int result = -1;
                    for (String name : names) {
                        if (name == wanted)
                            result = 1;
                    }
                    return result;
                }
            }
            """;

    private static final MutationOperator OP = MutationOperator.earlyExit();
    private final OperatorHarness harness = new OperatorHarness(OP);

    @Example
    void breaksAfterTheFirstMatch() {
        String method = """
                static boolean f(long[] xs, long target) {
                    boolean seen = false;
                    for (long x : xs) {
                        if (x == target) {
                            seen = true;
                        }
                    }
                    return seen;
                }""";
        assertThat(harness.points(method)).isEqualTo(1);
        assertThat(harness.apply(method, 0)).containsPattern("seen = true;\\s*break;\\s*}");
    }

    @Example
    void doesNotFireWhenALaterIterationCouldBeSeen() {
        assertThat(harness.points("""
                static int f(int[] xs, int t) {
                    int at = -1;
                    for (int x : xs) {
                        if (x == t) at = x;
                    }
                    return at;
                }""")).as("the last match's value, not a constant").isZero();
        assertThat(harness.points("""
                static boolean f(int[] xs, int t) {
                    boolean found = false;
                    int n = 0;
                    for (int x : xs) {
                        n++;
                        if (x == t) found = true;
                    }
                    return found && n > 0;
                }""")).as("another statement in the loop").isZero();
        assertThat(harness.points("""
                static boolean f(int[] xs, int t) {
                    boolean found = false;
                    for (int x : xs) {
                        if (x == t) found = true; else found = false;
                    }
                    return found;
                }""")).as("the flag is reset").isZero();
    }

    @Example
    void doesNotFireWhenALaterIterationCouldThrow() {
        assertThat(harness.points("""
                static boolean f(String[] xs, String t) {
                    boolean found = false;
                    for (String x : xs) {
                        if (x.equals(t)) found = true;
                    }
                    return found;
                }""")).as("a call that throws on a later null element").isZero();
        assertThat(harness.points("""
                static boolean f(Integer[] xs, int t) {
                    boolean found = false;
                    for (int x : xs) {
                        if (x == t) found = true;
                    }
                    return found;
                }""")).as("unboxing a later null element in the header").isZero();
        assertThat(harness.points("""
                static boolean f(int[] xs, int d) {
                    boolean found = false;
                    for (int x : xs) {
                        if (x / d == 1) found = true;
                    }
                    return found;
                }""")).as("a division that may throw").isZero();
        assertThat(harness.points("""
                static boolean f(List<Integer> xs, int t) {
                    boolean found = false;
                    for (int x : xs) {
                        if (x == t) found = true;
                    }
                    return found;
                }""")).as("an iterator, which may run code").isZero();
    }

    private static final MutantPair COMPILED = compile();

    private static MutantPair compile() {
        MutantPair pair = MutantPair.of(OP, CLASS_NAME, SOURCE, List.of("anyAbove", "holds"));
        assertThat(pair.mutatedSource()).containsPattern("found = true;\\s*break;").containsPattern("result = 1;\\s*break;");
        return pair;
    }

    @Property(tries = 300)
    void anyAboveBehavesAlike(@ForAll("ints") int[] xs, @ForAll @IntRange(min = -5, max = 5) int limit) throws Exception {
        Class<?>[] types = {int[].class, int.class};
        assertThat(invoke("mutant", "anyAbove", types, xs, limit))
                .isEqualTo(invoke("original", "anyAbove", types, xs, limit));
    }

    @Property(tries = 300)
    void holdsBehavesAlike(@ForAll("names") String[] names, @ForAll("name") String wanted) throws Exception {
        Class<?>[] types = {String[].class, String.class};
        assertThat(invoke("mutant", "holds", types, names, wanted))
                .isEqualTo(invoke("original", "holds", types, names, wanted));
    }

    @Provide
    Arbitrary<int[]> ints() {
        return Arbitraries.integers().between(-12, 12).array(int[].class).ofMaxSize(6).injectNull(0.05);
    }

    /** Identity matters here: names are drawn from three fixed instances and null. */
    private static final String[] POOL = {"a", "b", new String("a")};

    @Provide
    Arbitrary<String[]> names() {
        return Arbitraries.of(POOL).injectNull(0.2).array(String[].class).ofMaxSize(5).injectNull(0.05);
    }

    @Provide
    Arbitrary<String> name() {
        return Arbitraries.of(POOL).injectNull(0.2);
    }

    private static String invoke(String version, String name, Class<?>[] types, Object... args) throws Exception {
        Method method = COMPILED.get(version).getMethod(name, types);
        try {
            return "returned " + Objects.toString(method.invoke(null, args));
        } catch (InvocationTargetException e) {
            return Outcome.thrown(e.getCause());
        }
    }
}
