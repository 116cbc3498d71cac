package dev.ouroboros.mutation;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * {@code parallel-stream}: fires on a collection pipeline ending in an order-free terminal, not on one
 * whose result or effects follow encounter order, and the rewritten class compiles and (for these
 * pure lambdas) computes what the original computes. Being exploratory, it promises no more.
 */
class ParallelStreamTest {

    private static final MutationOperator OP = MutationOperator.parallelStream();
    private final OperatorHarness harness = new OperatorHarness(OP);

    @Test
    void firesOnAnOrderFreePipeline() {
        String method = """
                static long f(List<String> words) {
                    return words.stream().filter(w -> w.length() > 3).mapToInt(String::length).sum()
                            + words.stream().filter(w -> w.isEmpty()).count();
                }""";
        assertThat(harness.points(method)).isEqualTo(2);
        assertThat(harness.apply(method, 1))
                .contains("words.stream().filter(w -> w.length() > 3)")
                .contains("words.parallelStream().filter(w -> w.isEmpty()).count()");
        assertThat(OP.kind()).isEqualTo(OperatorKind.EXPLORATORY);
        assertThat(OP.severity()).isEqualTo(MutationSeverity.MAJOR);
    }

    @Test
    void doesNotFireWhenOrderOrEffectsMatter() {
        assertThat(harness.points("""
                static void f(List<String> words, List<String> out) {
                    words.stream().forEach(out::add);
                }""")).as("forEach runs side effects in any order on many threads").isZero();
        assertThat(harness.points("""
                static String f(List<String> words) {
                    return words.stream().findFirst().orElse("");
                }""")).as("findFirst: an order-bound terminal").isZero();
        assertThat(harness.points("""
                static java.util.stream.Stream<String> f(List<String> words) {
                    return words.stream().filter(w -> !w.isEmpty());
                }""")).as("no terminal operation here").isZero();
        assertThat(harness.points("""
                static long f(List<String> words) {
                    Runnable r = new Runnable() {
                        public void run() {
                            words.stream().count();
                        }
                    };
                    return 0;
                }""")).as("inside a class declared in the body").isZero();
    }

    @Test
    void firesOnlyOnReceiversProvenToBeCollections() {
        String members = """
                static long f(Set<String> tags, java.util.ArrayList<Integer> xs, Map<String, Integer> counts) {
                    ArrayDeque<String> queue = new ArrayDeque<>();
                    return tags.stream().count() + xs.stream().mapToInt(x -> x).sum() + queue.stream().count()
                            + counts.values().stream().mapToInt(v -> v).sum() + counts.keySet().stream().count()
                            + NAMES.stream().count() + this.NAMES.stream().count();
                }
                static final List<String> NAMES = List.of("a");""";
        assertThat(harness.points(members)).as("parameter, qualified type, local, map views, field, this.field")
                .isEqualTo(7);
        assertThat(harness.apply(members, 3)).contains("counts.values().parallelStream().mapToInt(v -> v).sum()");
    }

    @Test
    void refusesReceiversNotProvenToBeCollections() {
        assertThat(harness.points("""
                static long f(java.util.stream.Stream<String> s, Optional<String> o, Thing t) {
                    return s.map(String::trim).count() + o.stream().count() + t.stream().count();
                }
                interface Thing {
                    java.util.stream.Stream<String> stream();
                }""")).as("Optional and a user type have a stream() but no parallelStream()").isZero();
        assertThat(harness.points("""
                static long f(String[] words) {
                    return Arrays.asList(words).stream().count() + of(words).stream().count();
                }
                static List<String> of(String[] w) {
                    return List.of(w);
                }""")).as("a call's result: its type is not proven syntactically").isZero();
        assertThat(harness.points("""
                static long f(Object items) {
                    return ((List<?>) items).stream().count();
                }""")).as("a cast expression").isZero();
        assertThat(harness.points("""
                static long f() {
                    return stuff.stream().count();
                }""")).as("a name that is no local, parameter or field of the class: maybe inherited").isZero();
        OperatorHarness shadowed = new OperatorHarness(OP, "import p.List;\n");
        assertThat(shadowed.points("""
                static long f(List words) {
                    return words.stream().count();
                }""")).as("List imported from another package").isZero();
    }

    @Test
    void theMutantCompilesAndSumsAlike() throws Exception {
        String className = "p.Totals";
        String source = """
                package p;

                import java.util.List;

                public class Totals {

                    public static long total(List<Integer> xs) {
                        return xs.stream().mapToLong(x -> (long) x * x).sum();
                    }
                }
                """;
        Path work = Files.createTempDirectory("parallel-stream");
        SourceTree tree = new SourceTree(work.resolve("genome"));
        tree.write(className, source);
        List<MutationCandidate> made = Mutator.builder().operators(List.of(OP)).build()
                .mutate(tree.genome(), tree.region(className, "total"));
        assertThat(made).hasSize(1);
        String mutant = made.get(0).mutatedSource();
        assertThat(mutant).contains("xs.parallelStream().mapToLong(x -> (long) x * x).sum()");
        Method original = Javac.compile(work.resolve("original"), Map.of(className, source))
                .loadClass(className).getMethod("total", List.class);
        Method rewritten = Javac.compile(work.resolve("mutant"), Map.of(className, mutant))
                .loadClass(className).getMethod("total", List.class);
        for (int size : new int[] {0, 1, 7, 10_000}) {
            List<Integer> xs = new ArrayList<>(IntStream.range(-size / 2, size - size / 2).boxed().toList());
            assertThat(rewritten.invoke(null, xs)).as("size " + size).isEqualTo(original.invoke(null, xs));
        }
    }
}
