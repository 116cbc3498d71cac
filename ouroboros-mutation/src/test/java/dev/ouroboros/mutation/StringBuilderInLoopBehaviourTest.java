package dev.ouroboros.mutation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ouroboros.genome.GenomeRegion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The law of a semantics-preserving operator, checked for real: the original and the rewritten
 * classes are compiled with javac and run on generated inputs, and every result (or exception)
 * must be the same. The rewritten classes must also declare exactly the same members, so that
 * they stay hot-swappable.
 */
class StringBuilderInLoopBehaviourTest {

    static final String CORPUS_CLASS = "p.Strings";

    static final String CORPUS = """
            package p;

            import java.util.ArrayList;
            import java.util.List;
            import java.util.function.Supplier;

            public class Strings {

                public static String counting(int n) {
                    String s = "[";
                    int i = 0;
                    while (i < n) {
                        s += i + (i % 3 == 0 ? "!" : ",");
                        i++;
                    }
                    return s + "]";
                }

                public static String doLoop(int n) {
                    String s = \"""
                        start\""";
                    do {
                        s += "<" + n + ">";
                        n -= 7;
                    } while (n > 0);
                    return s;
                }

                public static String nested(int n) {
                    String s = "" + n;
                    for (int i = 0; i < n % 9; i++) {
                        for (int j = 0; j <= i; j++) {
                            s += i * j + "*";
                        }
                        s += "\\n";
                    }
                    return s;
                }

                public static String jumps(int n) {
                    String s = "j";
                    for (int i = 0; i < 100; i++) {
                        if (i % 4 == 1) continue;
                        if (i > n) break;
                        if (i == 50) return "fifty";
                        s += i + 1 + "|";
                        s += 'c' + "" + 2L + 1.5f;
                    }
                    return s;
                }

                public static String twoAtOnce(int n) {
                    String evens = "e:";
                    String odds = "o:";
                    List<Integer> xs = new ArrayList<>();
                    for (int i = 0; i < n; i++) xs.add(i * 31 % 17);
                    for (Integer x : xs) {
                        if (x % 2 == 0) { evens += x + " "; } else { odds += (x + " "); }
                    }
                    return evens + odds;
                }

                public static String inLambda(int n) {
                    Supplier<String> make = () -> {
                        String r = "λ";
                        for (int i = 0; i < n; i++) {
                            r += Integer.valueOf(i).toString();
                        }
                        return r;
                    };
                    return make.get();
                }

                public static String reassigned(int n) {
                    String s = "a";
                    if (n > 3) {
                        s = "b" + n;
                    }
                    for (int i = 0; i < n; i++) {
                        s += switch (i % 3) { case 0 -> "x"; case 1 -> "y"; default -> "z"; } + "";
                    }
                    return s;
                }

                public static String throwing(int n) {
                    String s = "t";
                    for (int i = 0; i < 10; i++) {
                        s += 100 / (n - i) + ";";
                    }
                    return s;
                }
            }
            """;

    static final List<String> CORPUS_METHODS = List.of(
            "counting", "doLoop", "nested", "jumps", "twoAtOnce", "inLambda", "reassigned", "throwing");

    private static final Compiled COMPILED = Compiled.build();

    /** Original and rewritten classes, compiled once for all properties. */
    private record Compiled(Class<?> demoOriginal, Class<?> demoMutant, Class<?> corpusOriginal,
            Class<?> corpusMutant, String corpusMutantSource) {

        static Compiled build() {
            try {
                Path work = Files.createTempDirectory("sb-behaviour");
                SourceTree tree = new SourceTree(work.resolve("genome")).write(Demo.CLASS_NAME, Demo.SOURCE);
                String demoMutant = onlyCandidate(tree, Demo.CLASS_NAME, "toCsv").mutatedSource();
                // Rewrite every corpus method in turn: each step is one real candidate of the operator.
                String corpus = CORPUS;
                for (String method : CORPUS_METHODS) {
                    tree.write(CORPUS_CLASS, corpus);
                    corpus = onlyCandidate(tree, CORPUS_CLASS, method).mutatedSource();
                }
                ClassLoader original = Javac.compile(work.resolve("original"),
                        Map.of(Demo.CLASS_NAME, Demo.SOURCE, CORPUS_CLASS, CORPUS));
                ClassLoader mutant = Javac.compile(work.resolve("mutant"),
                        Map.of(Demo.CLASS_NAME, demoMutant, CORPUS_CLASS, corpus));
                return new Compiled(original.loadClass(Demo.CLASS_NAME), mutant.loadClass(Demo.CLASS_NAME),
                        original.loadClass(CORPUS_CLASS), mutant.loadClass(CORPUS_CLASS), corpus);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }

        private static MutationCandidate onlyCandidate(SourceTree tree, String className, String method) {
            GenomeRegion region = tree.region(className, method);
            List<MutationCandidate> candidates = Mutator.builder()
                    .operators(List.of(MutationOperator.stringBuilderInLoop())).build()
                    .mutate(tree.genome(), region);
            assertThat(candidates).as("candidates for %s", region.id()).hasSize(1);
            assertThat(candidates.get(0).lexicallyPreserved()).isTrue();
            return candidates.get(0);
        }
    }

    @Property(tries = 200)
    void rewrittenDemoReportEqualsOriginal(@ForAll("orders") List<Object[]> orders) throws Exception {
        assertThat(outcome(COMPILED.demoMutant(), orders)).isEqualTo(outcome(COMPILED.demoOriginal(), orders));
    }

    @Property(tries = 300)
    void rewrittenCorpusMethodsEqualOriginals(@ForAll("corpusMethods") String method,
            @ForAll @IntRange(min = -5, max = 60) int n) throws Exception {
        assertThat(call(COMPILED.corpusMutant(), method, n)).isEqualTo(call(COMPILED.corpusOriginal(), method, n));
    }

    @Property(tries = 1)
    void everyCorpusLoopWasRewrittenAndNoMemberWasAdded() {
        assertThat(COMPILED.corpusMutantSource()).doesNotContainPattern("\\b(s|r|evens|odds) \\+=")
                .contains("StringBuilder evensBuilder = new StringBuilder(evens);")
                .contains("StringBuilder oddsBuilder = new StringBuilder(odds);");
        for (Class<?>[] pair : new Class<?>[][] {
                {COMPILED.demoOriginal(), COMPILED.demoMutant()}, {COMPILED.corpusOriginal(), COMPILED.corpusMutant()}}) {
            assertThat(members(pair[1])).isEqualTo(members(pair[0]));
            assertThat(pair[1].getDeclaredClasses().length).isEqualTo(pair[0].getDeclaredClasses().length);
        }
    }

    @Provide
    Arbitrary<String> corpusMethods() {
        return Arbitraries.of(CORPUS_METHODS);
    }

    @Provide
    Arbitrary<List<Object[]>> orders() {
        Arbitrary<String> customers = Arbitraries.strings().withChars("ab,\" é").ofMaxLength(6).injectNull(0.02);
        return Combinators.combine(Arbitraries.longs().between(-5, 10_000), customers,
                Arbitraries.longs().between(-100_000, 100_000))
                .as((id, customer, cents) -> new Object[] {id, customer, cents})
                .list().ofMaxSize(12);
    }

    private static String outcome(Class<?> report, List<Object[]> orders) throws Exception {
        Class<?> orderType = Class.forName(report.getName() + "$Order", true, report.getClassLoader());
        Constructor<?> make = orderType.getDeclaredConstructor(long.class, String.class, long.class);
        List<Object> list = new ArrayList<>();
        for (Object[] o : orders) {
            list.add(make.newInstance(o));
        }
        Method toCsv = report.getMethod("toCsv", List.class);
        return invoke(toCsv, list);
    }

    private static String call(Class<?> type, String method, int n) throws Exception {
        return invoke(type.getMethod(method, int.class), n);
    }

    /** Returns the result, or the exception's class and message: both must match. */
    private static String invoke(Method method, Object argument) throws IllegalAccessException {
        try {
            return "returned " + Objects.toString(method.invoke(null, argument));
        } catch (InvocationTargetException e) {
            return Outcome.thrown(e.getCause());
        }
    }

    private static List<String> members(Class<?> type) {
        return Stream.of(type.getDeclaredMethods(), type.getDeclaredFields(), type.getDeclaredConstructors())
                .flatMap(Arrays::stream).map(m -> ((Member) m).getName() + " " + m).sorted().toList();
    }
}
