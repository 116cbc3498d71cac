package dev.ouroboros.mutation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The semantics-preserving optimization operators, checked for real: every candidate they make on
 * a corpus is applied in turn, the original and the rewritten class are compiled with javac, and
 * both run on generated inputs must give the same results or the same exceptions.
 */
class OptimizationBehaviourTest {

    static final String CLASS_NAME = "p.Numbers";

    static final String SOURCE = """
            package p;

            import java.util.List;
            import java.util.regex.Pattern;

            public class Numbers {

                public static Long sum(int[] xs) {
                    Long total = 0L;
                    Integer count = 0;
                    for (int x : xs) {
                        total += x;
                        count++;
                        if (count > 3 && total != 0) {
                            total = total * 2 + 1;
                        }
                    }
                    return total + count;
                }

                public static String average(int[] xs) {
                    Double acc = 0.0;
                    Short small = 0;
                    for (int x : xs) {
                        acc += x / 3.0;
                        small++;
                    }
                    return "avg=" + (xs.length == 0 ? 0 : acc / xs.length) + " small=" + small;
                }

                public static Integer max(int[] xs) {
                    Integer best = -2147483648;
                    for (int x : xs) {
                        if (x > best) best = x;
                    }
                    if (best == -2147483648) {
                        return null;
                    }
                    return best;
                }

                public static int words(List<String> lines) {
                    int n = 0;
                    for (String line : lines) {
                        for (String word : line.split(" ")) {
                            if (Pattern.compile("[a-z]+\\\\d?", Pattern.CASE_INSENSITIVE).matcher(word).matches()) n++;
                        }
                    }
                    return n;
                }

                public static double dist(double x, double y, int k, long m) {
                    return Math.sqrt(Math.pow(x, 2) + Math.pow(y, 2.0)) + Math.pow(k, 2) - StrictMath.pow(m, 2);
                }
            }
            """;

    static final List<String> METHODS = List.of("sum", "average", "max", "words", "dist");

    static final List<MutationOperator> OPERATORS = List.of(MutationOperator.boxedToPrimitiveLocal(),
            MutationOperator.hoistPatternCompile(), MutationOperator.mathPowSquare());

    private static final Compiled COMPILED = Compiled.build();

    private record Compiled(Class<?> original, Class<?> mutant, String mutantSource, Map<String, Integer> applied) {

        static Compiled build() {
            try {
                Path work = Files.createTempDirectory("optimization-behaviour");
                SourceTree tree = new SourceTree(work.resolve("genome"));
                String source = SOURCE;
                Map<String, Integer> applied = new TreeMap<>();
                Mutator mutator = Mutator.builder().operators(OPERATORS).build();
                for (String method : METHODS) {
                    // Apply the first candidate again and again until the operators find nothing left.
                    for (int round = 0; round < 20; round++) {
                        tree.write(CLASS_NAME, source);
                        List<MutationCandidate> candidates = mutator.mutate(tree.genome(), tree.region(CLASS_NAME, method));
                        if (candidates.isEmpty()) {
                            break;
                        }
                        MutationCandidate first = candidates.get(0);
                        assertThat(first.lexicallyPreserved()).isTrue();
                        applied.merge(first.operator(), 1, Integer::sum);
                        source = first.mutatedSource();
                    }
                }
                ClassLoader original = Javac.compile(work.resolve("original"), Map.of(CLASS_NAME, SOURCE));
                ClassLoader mutant = Javac.compile(work.resolve("mutant"), Map.of(CLASS_NAME, source));
                return new Compiled(original.loadClass(CLASS_NAME), mutant.loadClass(CLASS_NAME), source, applied);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Property(tries = 1)
    void everyOperatorFiredWhereExpected() {
        assertThat(COMPILED.applied()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "boxed-to-primitive-local", 5, "hoist-pattern-compile", 1, "math-pow-square", 4));
        assertThat(COMPILED.mutantSource())
                .contains("long total = 0L;", "int count = 0;", "double acc = 0.0;", "short small = 0;", "int best = -2147483648;")
                .contains("Pattern pattern = Pattern.compile(")
                .contains("Math.sqrt((x * x) + (y * y)) + ((double) k * k) - ((double) m * m)")
                .doesNotContain("pow(");
    }

    @Property(tries = 300)
    void intArrayMethodsBehaveAlike(@ForAll("intArrays") int[] xs, @ForAll("arrayMethods") String method)
            throws Exception {
        Method before = COMPILED.original().getMethod(method, int[].class);
        Method after = COMPILED.mutant().getMethod(method, int[].class);
        assertThat(invoke(after, (Object) copy(xs))).isEqualTo(invoke(before, (Object) copy(xs)));
    }

    @Property(tries = 200)
    void hoistedPatternCountsTheSameWords(@ForAll("lines") List<String> lines) throws Exception {
        assertThat(invoke(COMPILED.mutant().getMethod("words", List.class), lines))
                .isEqualTo(invoke(COMPILED.original().getMethod("words", List.class), lines));
    }

    @Property(tries = 500)
    void squaresAreBitForBitEqual(@ForAll double x, @ForAll double y, @ForAll int k, @ForAll long m) throws Exception {
        Class<?>[] types = {double.class, double.class, int.class, long.class};
        Object before = invoke(COMPILED.original().getMethod("dist", types), x, y, k, m);
        Object after = invoke(COMPILED.mutant().getMethod("dist", types), x, y, k, m);
        assertThat(after).isEqualTo(before);
    }

    @Provide
    Arbitrary<int[]> intArrays() {
        return Arbitraries.integers().between(Integer.MIN_VALUE, Integer.MAX_VALUE).array(int[].class).ofMaxSize(20)
                .injectNull(0.02);
    }

    @Provide
    Arbitrary<String> arrayMethods() {
        return Arbitraries.of("sum", "average", "max");
    }

    @Provide
    Arbitrary<List<String>> lines() {
        return Arbitraries.strings().withChars("aZ9 -").ofMaxLength(12).list().ofMaxSize(6);
    }

    /** Returns the result, or the exception's class and message: both must match. */
    private static String invoke(Method method, Object... args) throws IllegalAccessException {
        try {
            Object result = method.invoke(null, args);
            if (result instanceof Double d) {
                return "returned double bits " + Long.toHexString(Double.doubleToRawLongBits(d));
            }
            return "returned " + Objects.toString(result);
        } catch (InvocationTargetException e) {
            return Outcome.thrown(e.getCause());
        }
    }

    private static int[] copy(int[] xs) {
        return xs == null ? null : Arrays.copyOf(xs, xs.length);
    }
}
