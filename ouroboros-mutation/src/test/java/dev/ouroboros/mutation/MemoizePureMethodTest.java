package dev.ouroboros.mutation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ouroboros.patcher.PreflightCheck;
import dev.ouroboros.patcher.PreflightReport;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@code memoize-pure-method}: where it fires and where it must not, and, for real, that the class the
 * mutator rewrites compiles with javac, still passes the patcher's pre-flight check against the
 * original class, and answers like the original — every call made twice, so the second answer comes
 * from the memo table — on generated inputs, exceptions included (they are never stored).
 */
class MemoizePureMethodTest {

    private static final MutationOperator OP = MutationOperator.memoizePureMethod();
    private final OperatorHarness harness = new OperatorHarness(OP);

    static final String CLASS_NAME = "p.Pure";

    static final String SOURCE = """
            package p;

            public class Pure {

                static final int UNUSED = 1;

                public static long fib(int n) {
                    if (n < 0) {
                        throw new IllegalArgumentException("negative: " + n);
                    }
                    return n < 2 ? n : fib(n - 1) + fib(n - 2);
                }

                public static int vowels(String s, boolean upper) {
                    int count = 0;
                    for (int i = 0; i < s.length(); i++) {
                        char c = upper ? Character.toUpperCase(s.charAt(i)) : s.charAt(i);
                        switch (c) {
                            case 'a': case 'e': case 'i': case 'o': case 'u':
                                count++;
                                break;
                            case 'A':
                                return -count;
                            default:
                                break;
                        }
                    }
                    return count;
                }

                public static double root(double x, int rounds) {
                    double guess = x / 2;
                    for (int i = 0; i < rounds; i++) {
                        guess = (guess + x / guess) / 2;
                    }
                    return guess;
                }

                public static int digits(String s, Integer base) {
                    int total = 0;
                    try {
                        while (!s.isEmpty()) {
                            total += Integer.parseInt(s.substring(0, 1), base);
                            s = s.substring(1);
                        }
                    } catch (NumberFormatException e) {
                        return -total;
                    }
                    return total;
                }
            }
            """;

    static final List<String> METHODS = List.of("fib", "vowels", "root", "digits");

    private static final MutantPair COMPILED = MutantPair.of(OP, CLASS_NAME, SOURCE, METHODS);

    @Example
    void everyMethodIsMemoizedThroughItsOwnHolderAndTheClassStaysRedefinable() throws Exception {
        assertThat(COMPILED.mutatedSource()).contains("final class Pure_fib_Memo", "final class Pure_vowels_Memo",
                "final class Pure_root_Memo", "final class Pure_digits_Memo", "Pure_fib_Memo.get(memoKey)",
                "return Pure_fib_Memo.put(memoKey, n < 2 ? n : fib(n - 1) + fib(n - 2));",
                "return Pure_vowels_Memo.put(memoKey, -count);",
                "Double.doubleToRawLongBits(x)");
        PreflightReport preflight = PreflightCheck.check(COMPILED.classFile("original"), COMPILED.classFile("mutant"));
        assertThat(preflight.violations()).as("pre-flight of p.Pure against the original").isEmpty();
        assertThat(preflight.redefinable()).isTrue();
        assertThat(RefactoringBehaviourTest.members(COMPILED.mutant()))
                .isEqualTo(RefactoringBehaviourTest.members(COMPILED.original()));
        Class<?> holder = COMPILED.mutant().getClassLoader().loadClass("p.Pure_fib_Memo");
        assertThat(holder.getEnclosingClass()).as("a top-level class, outside the target's nest").isNull();
        assertThat(holder.getNestHost()).isSameAs(holder);
        assertThat(COMPILED.mutant().getNestMembers()).containsExactly(COMPILED.mutant());
    }

    @Example
    void firesOnAPureStaticMethodWithWorkToSave() {
        String method = """
                static int collatz(long n) {
                    int steps = 0;
                    while (n > 1) {
                        n = n % 2 == 0 ? n / 2 : 3 * n + 1;
                        steps++;
                    }
                    return steps;
                }""";
        assertThat(harness.points(method)).isEqualTo(1);
        assertThat(harness.apply(method, 0)).contains(
                "java.util.List<Object> memoKey = java.util.Arrays.asList(new Object[] { n });",
                "Object memoHit = Sample_collatz_Memo.get(memoKey);",
                "if (memoHit != Sample_collatz_Memo.MISS) {", "return (Integer) memoHit;",
                "    int steps = 0;\n    while (n > 1) {", "return Sample_collatz_Memo.put(memoKey, steps);");
        assertThat(OP.kind()).isEqualTo(OperatorKind.SEMANTICS_PRESERVING);
        assertThat(OP.severity()).isEqualTo(MutationSeverity.MODERATE);
        assertThat(OP.addsHelperClass()).isTrue();
        assertThat(MutationOperator.named("memoize-pure-method").name()).isEqualTo(OP.name());
    }

    @Example
    void refusesInstanceVoidAndObjectReturningMethods() {
        assertThat(harness.points("""
                int f(int n) {
                    int s = 0;
                    for (int i = 0; i < n; i++) s += i;
                    return s;
                }""")).as("instance method: an override or the receiver could matter").isZero();
        assertThat(harness.points("""
                static void f(int n) {
                    int s = 0;
                    for (int i = 0; i < n; i++) s += i;
                }""")).as("void: nothing to remember").isZero();
        assertThat(harness.points("""
                static String f(int n) {
                    String s = "";
                    for (int i = 0; i < n; i++) s += i;
                    return s;
                }""")).as("returns an object: the cached one would be the same object every time").isZero();
        assertThat(harness.points("""
                static synchronized int f(int n) {
                    int s = 0;
                    for (int i = 0; i < n; i++) s += i;
                    return s;
                }""")).as("synchronized").isZero();
        assertThat(harness.points("""
                static int f(int n) {
                    return n * 31 + 7;
                }""")).as("no loop and no recursion: nothing worth saving").isZero();
    }

    @Example
    void refusesMutableOrIdentityCarryingArguments() {
        assertThat(harness.points("""
                static int f(int[] xs) {
                    int s = 0;
                    for (int i = 0; i < xs.length; i++) s += xs[i];
                    return s;
                }""")).as("an array argument can change between calls").isZero();
        assertThat(harness.points("""
                static int f(List<String> xs) {
                    int s = 0;
                    for (int i = 0; i < xs.size(); i++) s += i;
                    return s;
                }""")).as("a collection argument").isZero();
        assertThat(harness.points("""
                static int f(StringBuilder b) {
                    int s = 0;
                    for (int i = 0; i < b.length(); i++) s += i;
                    return s;
                }""")).as("a mutable char sequence").isZero();
        assertThat(harness.points("""
                static int f(String a, String b) {
                    int s = 0;
                    for (int i = 0; i < 3; i++) if (a == b) s++;
                    return s;
                }""")).as("== on strings compares identities, which the key ignores").isZero();
        assertThat(harness.points("""
                static int f(Double d) {
                    int s = 0;
                    for (int i = 0; i < 3; i++) s += d.intValue();
                    return s;
                }""")).as("a boxed floating-point argument").isZero();
        assertThat(harness.points("""
                static int f(int... xs) {
                    int s = 0;
                    for (int x = 0; x < 3; x++) s += x;
                    return s;
                }""")).as("varargs: an array").isZero();
    }

    @Example
    void refusesImpureBodies() {
        List<String> impure = List.of(
                "static int f(int n) { int s = 0; for (int i = 0; i < n; i++) s += counter; return s; } static int counter;",
                "static int f(int n) { for (int i = 0; i < n; i++) counter++; return n; } static int counter;",
                "static int f(int n) { for (int i = 0; i < n; i++) System.out.println(i); return n; }",
                "static int f(int n) { int s = 0; for (int i = 0; i < n; i++) s += helper(i); return s; } static int helper(int i) { return i; }",
                "static int f(int n) { double s = 0; for (int i = 0; i < n; i++) s += Math.random(); return (int) s; }",
                "static int f(String t) { int s = 0; for (int i = 0; i < 2; i++) s += t.toUpperCase().length(); return s; }",
                "static long f(int n) { long s = 0; for (int i = 0; i < n; i++) s += System.nanoTime(); return s; }",
                "static int f(int n) { int[] a = new int[n]; for (int i = 0; i < n; i++) a[i] = i; return n; }",
                "static int f(int n) { int s = 0; for (int i = 0; i < n; i++) s += this.hashCode(); return s; }",
                "static int f(int n) { try { return f(n + 1); } catch (StackOverflowError e) { return n; } }",
                "static int f(int n) { Runnable r = () -> {}; for (int i = 0; i < n; i++) r.run(); return n; }",
                "static int f(int n) { try { for (int i = 0; i < n; i++) n--; return n; } finally { n++; } }",
                "static int f(int n) { int s = 0; for (int i = 0; i < n; i++) s += i; return s; } static int f(long n) { return 0; }");
        for (String members : impure) {
            assertThat(harness.points(members)).as(members).isZero();
        }
    }

    @Example
    void recursionGoesThroughTheTable() throws Exception {
        // fib(90) by plain double recursion would take centuries; memoized it takes 91 bodies.
        Method fib = COMPILED.mutant().getMethod("fib", int.class);
        assertThat(fib.invoke(null, 90)).isEqualTo(2880067194370816120L);
    }

    @Example
    void exceptionsAreThrownAgainOnEveryCall() throws Exception {
        Method fib = COMPILED.mutant().getMethod("fib", int.class);
        for (int i = 0; i < 3; i++) {
            assertThat(invoke(fib, -4)).isEqualTo("threw java.lang.IllegalArgumentException: negative: -4");
        }
        Method digits = COMPILED.mutant().getMethod("digits", String.class, Integer.class);
        for (int i = 0; i < 3; i++) {
            assertThat(invoke(digits, "12", null)).isEqualTo("threw java.lang.NullPointerException");
        }
    }

    @Example
    void threadsSharingTheTableGetTheOriginalsAnswers() throws Exception {
        Method mutant = COMPILED.mutant().getMethod("vowels", String.class, boolean.class);
        Method original = COMPILED.original().getMethod("vowels", String.class, boolean.class);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> checked = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int seed = t;
                checked.add(pool.submit(() -> {
                    int n = 0;
                    // 5,000 distinct keys per thread over 1,024 slots: entries are replaced all the time.
                    for (int i = 0; i < 5_000; i++) {
                        String s = Integer.toString(i * 7 + seed, 36) + "aeIoU".substring(i % 5);
                        boolean upper = (i & 1) == 0;
                        assertThat(mutant.invoke(null, s, upper)).isEqualTo(original.invoke(null, s, upper));
                        n++;
                    }
                    return n;
                }));
            }
            for (Future<Integer> f : checked) {
                assertThat(f.get(2, TimeUnit.MINUTES)).isEqualTo(5_000);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Property(tries = 400)
    void fibAnswersLikeTheOriginalTwice(@ForAll("fibArguments") int n) throws Exception {
        sameTwice("fib", new Class<?>[] {int.class}, n);
    }

    @Property(tries = 400)
    void vowelsAnswerLikeTheOriginalTwice(@ForAll("strings") String s, @ForAll boolean upper) throws Exception {
        sameTwice("vowels", new Class<?>[] {String.class, boolean.class}, s, upper);
    }

    @Property(tries = 400)
    void rootAnswersLikeTheOriginalTwice(@ForAll("doubles") double x, @ForAll("smallInts") int rounds) throws Exception {
        sameTwice("root", new Class<?>[] {double.class, int.class}, x, rounds);
    }

    @Property(tries = 400)
    void digitsAnswerLikeTheOriginalTwice(@ForAll("strings") String s, @ForAll("bases") Integer base) throws Exception {
        sameTwice("digits", new Class<?>[] {String.class, Integer.class}, s, base);
    }

    /** The original's double recursion takes exponential time: small arguments only. */
    @Provide
    Arbitrary<Integer> fibArguments() {
        return Arbitraries.integers().between(-3, 24);
    }

    @Provide
    Arbitrary<Integer> smallInts() {
        return Arbitraries.integers().between(-3, 60);
    }

    @Provide
    Arbitrary<String> strings() {
        return Arbitraries.strings().withChars("aAeb1z9 ").ofMaxLength(12).injectNull(0.05);
    }

    @Provide
    Arbitrary<Double> doubles() {
        return Arbitraries.oneOf(Arbitraries.doubles().between(-1e6, 1e6),
                Arbitraries.of(0.0, -0.0, Double.NaN, Double.longBitsToDouble(0x7ff8000000000123L),
                        Double.POSITIVE_INFINITY, Double.MIN_VALUE));
    }

    @Provide
    Arbitrary<Integer> bases() {
        return Arbitraries.integers().between(-1, 40).injectNull(0.1);
    }

    /** The mutant answers like the original on the first call (computed) and the second (from the table). */
    private static void sameTwice(String name, Class<?>[] types, Object... args) throws Exception {
        String expected = invoke(COMPILED.original().getMethod(name, types), args);
        Method mutant = COMPILED.mutant().getMethod(name, types);
        assertThat(invoke(mutant, args)).as("first call of %s", name).isEqualTo(expected);
        assertThat(invoke(mutant, args)).as("second call of %s", name).isEqualTo(expected);
    }

    private static String invoke(Method method, Object... args) throws IllegalAccessException {
        try {
            Object result = method.invoke(null, args);
            // Raw bits: a NaN payload or the sign of zero is part of the answer.
            return "returned " + (result instanceof Double d ? Long.toHexString(Double.doubleToRawLongBits(d))
                    : Objects.toString(result));
        } catch (InvocationTargetException e) {
            return Outcome.thrown(e.getCause());
        }
    }
}
