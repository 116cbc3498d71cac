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
 * {@code loop-invariant-hoist}: fires on a realistic loop, not when a precondition fails, and the
 * rewritten class — compiled with javac — returns what the original returns on generated inputs,
 * loops that run zero times included.
 */
class LoopInvariantHoistTest {

    private static final String CLASS_NAME = "p.Scale";

    private static final String SOURCE = """
            package p;

            public class Scale {

                public static long weigh(int[] xs, int factor, int bias) {
                    long total = 0;
                    for (int i = 0; i < xs.length; i++) {
                        int scaled = Math.abs(factor) * 3 + (bias >> 1);
                        total += (long) xs[i] * scaled;
                    }
                    return total;
                }

                public static double spread(double[] xs, double lo, double hi) {
                    double sum = 0;
                    int i = 0;
                    while (i < xs.length) {
                        double width = hi > lo ? Math.sqrt(hi - lo) / 2.0 : 1.0;
                        sum += xs[i] * width;
                        i++;
                    }
                    return sum;
                }
            }
            """;

    private static final MutationOperator OP = MutationOperator.loopInvariantHoist();
    private final OperatorHarness harness = new OperatorHarness(OP);

    @Example
    void hoistsAnInvariantPrimitiveLocalBeforeTheLoop() {
        String method = """
                static int f(int[] xs, int limit) {
                    int n = 0;
                    for (int x : xs) {
                        int cap = Math.max(limit, 0) * 2;
                        if (x < cap) {
                            n++;
                        }
                    }
                    return n;
                }""";
        assertThat(harness.points(method)).isEqualTo(1);
        String mutant = harness.apply(method, 0);
        assertThat(mutant.indexOf("int cap = Math.max(limit, 0) * 2;"))
                .as("declared before the loop").isPositive().isLessThan(mutant.indexOf("for (int x : xs)"));
        assertThat(mutant).containsOnlyOnce("int cap =");
    }

    @Example
    void doesNotHoistWhatTheLoopChangesOrDeclares() {
        assertThat(harness.points("""
                static int f(int[] xs, int limit) {
                    int n = 0;
                    for (int x : xs) {
                        int cap = limit * 2;
                        limit++;
                        n += cap;
                    }
                    return n;
                }""")).as("an operand incremented in the loop").isZero();
        assertThat(harness.points("""
                static int f(int[] xs) {
                    int n = 0;
                    for (int x : xs) {
                        int twice = x * 2;
                        n += twice;
                    }
                    return n;
                }""")).as("an operand declared by the loop").isZero();
        assertThat(harness.points("""
                static int f(int[] xs, int limit) {
                    int n = 0;
                    for (int x : xs) {
                        int cap = limit * 2;
                        if (x > cap) cap = x;
                        n += cap;
                    }
                    return n;
                }""")).as("the variable itself assigned in the loop").isZero();
    }

    @Example
    void doesNotHoistWhatCouldThrowOrIsNotAPrimitive() {
        assertThat(harness.points("""
                static int f(int[] xs, int d) {
                    int n = 0;
                    for (int x : xs) {
                        int q = 100 / d;
                        n += q;
                    }
                    return n;
                }""")).as("division by a variable throws when the loop may not run").isZero();
        assertThat(harness.points("""
                static int f(int[] xs, String s) {
                    int n = 0;
                    for (int x : xs) {
                        int len = s.length();
                        n += len;
                    }
                    return n;
                }""")).as("a call on a possibly null object").isZero();
        assertThat(harness.points("""
                static int f(int[] xs, Integer boxed) {
                    int n = 0;
                    for (int x : xs) {
                        int b = boxed + 1;
                        n += b;
                    }
                    return n;
                }""")).as("unboxing a possibly null operand").isZero();
        assertThat(harness.points("""
                static int f(int[] xs, int k) {
                    int n = 0;
                    for (int x : xs) {
                        int e = Math.addExact(k, 1);
                        n += e;
                    }
                    return n;
                }""")).as("a Math method that throws on overflow").isZero();
    }

    @Example
    void doesNotHoistANameUsedOutsideTheLoop() {
        assertThat(harness.points("""
                int cap;
                int f(int[] xs, int limit) {
                    int n = 0;
                    for (int x : xs) {
                        int cap = limit * 2;
                        n += cap;
                    }
                    return n + cap;
                }""")).as("the hoisted local would shadow the field read after the loop").isZero();
        assertThat(harness.points("""
                int cap;
                int f(int[] xs, int limit) {
                    int n = 0;
                    for (int i = 0; i < xs.length; i++) {
                        n += cap;
                        int cap = limit * 2;
                        n += cap;
                    }
                    return n;
                }""")).as("the body reads the field before the local is declared").isZero();
        assertThat(harness.points("""
                int cap;
                int f(int[] xs, int limit) {
                    int n = 0;
                    for (int i = 0; i < cap; i++) {
                        int cap = limit * 2;
                        n += cap;
                    }
                    return n;
                }""")).as("the loop header reads the field").isZero();
        assertThat(harness.points("""
                static int f(int[] xs, int limit) {
                    int n = 0;
                    for (int x : xs) {
                        int cap = limit * 2;
                        n += cap;
                    }
                    for (int x : xs) {
                        int cap = limit * 3;
                        n += cap;
                    }
                    return n;
                }""")).as("the name is declared twice").isZero();
    }

    private static final MutantPair COMPILED = compile();

    private static MutantPair compile() {
        MutantPair pair = MutantPair.of(OP, CLASS_NAME, SOURCE, List.of("weigh", "spread"));
        assertThat(pair.mutatedSource().indexOf("int scaled =")).isLessThan(pair.mutatedSource().indexOf("for (int i = 0;"));
        assertThat(pair.mutatedSource().indexOf("double width =")).isLessThan(pair.mutatedSource().indexOf("while (i < xs.length)"));
        return pair;
    }

    @Property(tries = 300)
    void weighBehavesAlike(@ForAll("ints") int[] xs, @ForAll int factor, @ForAll @IntRange(min = -50, max = 50) int bias)
            throws Exception {
        Class<?>[] types = {int[].class, int.class, int.class};
        assertThat(invoke("mutant", "weigh", types, xs, factor, bias))
                .isEqualTo(invoke("original", "weigh", types, xs, factor, bias));
    }

    @Property(tries = 300)
    void spreadBehavesAlike(@ForAll("doubles") double[] xs, @ForAll("bounds") double lo, @ForAll("bounds") double hi)
            throws Exception {
        Class<?>[] types = {double[].class, double.class, double.class};
        assertThat(invoke("mutant", "spread", types, xs, lo, hi))
                .isEqualTo(invoke("original", "spread", types, xs, lo, hi));
    }

    @Provide
    Arbitrary<int[]> ints() {
        return Arbitraries.integers().between(-1000, 1000).array(int[].class).ofMaxSize(6).injectNull(0.05);
    }

    @Provide
    Arbitrary<double[]> doubles() {
        return Arbitraries.doubles().between(-100, 100).array(double[].class).ofMaxSize(6).injectNull(0.05);
    }

    @Provide
    Arbitrary<Double> bounds() {
        return Arbitraries.oneOf(Arbitraries.doubles().between(-10, 10),
                Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, 0.0));
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
