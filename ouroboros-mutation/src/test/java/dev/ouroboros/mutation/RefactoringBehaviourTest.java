package dev.ouroboros.mutation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The semantics-preserving refactoring operators of phase 2, checked for real: every candidate they
 * make on a corpus class is applied in turn, original and result are compiled with javac, run on
 * generated inputs, and must agree; the rewritten class must declare exactly the same members,
 * synthetic ones included, so that it stays hot-swappable.
 */
class RefactoringBehaviourTest {

    static final String CLASS_NAME = "p.Shapes";

    static final String SOURCE = """
            package p;

            import java.util.Collection;
            import java.util.LinkedList;
            import java.util.List;

            public class Shapes {

                public static String lengths(String... parts) {
                    List<Integer> out = new java.util.ArrayList<>();
                    for (String p : parts) {
                        if (p != null) out.add(p.length());
                    }
                    List<Integer> notPresized = new java.util.ArrayList<>();
                    notPresized.add(out.size());
                    for (String p : parts) notPresized.add(p == null ? -1 : 1);
                    return out + " " + notPresized;
                }

                public static String kept(String[] parts, int k) {
                    List<String> kept = new LinkedList<>();
                    Collection<String> seen = new LinkedList<String>(List.of("a"));
                    List<String> escapes = new LinkedList<>();
                    for (String p : parts) {
                        if (p != null && !seen.contains(p)) {
                            kept.add(p);
                            seen.add(p);
                        }
                        escapes.add(p);
                    }
                    if (k >= 0 && k < kept.size()) {
                        kept.remove(k);
                    }
                    StringBuilder out = new StringBuilder();
                    for (String s : kept) {
                        out.append(s).append(s.length() > 1 ? '|' : '?');
                    }
                    out.append(kept.indexOf("b")).append(kept.lastIndexOf("a"));
                    return out + kept.toString() + seen.hashCode() + kept.equals(List.of("a")) + String.join(",", escapes.subList(0, 0));
                }

                public static long scaled(int[] xs, long factor) {
                    long total = 0;
                    for (int x : xs) {
                        int doubled = x * 2;
                        total += doubled + 8 * x + factor * 1024;
                    }
                    if (false) {
                        total = -1;
                    }
                    return total * (60 * 60 * 24);
                }

                public static String joined(String[] parts, int k) {
                    StringBuilder out = new StringBuilder();
                    outer:
                    for (final String part : parts) {
                        if (true) {
                            out.append(part == null ? 0 : part.length() * 4);
                        } else {
                            out.append(-1);
                        }
                        for (char c : part == null ? new char[0] : part.toCharArray()) {
                            if (c == 'x') continue outer;
                            out.append((int) c << 1).append(k * 2 - (1 - 7)).append(',');
                        }
                    }
                    return out.toString() + (1 << 31) + (-2147483647 - 1);
                }
            }
            """;

    // presize-array-list first: the loop it needs is the one enhanced-for-to-indexed rewrites, and the
    // test applies the first candidate again and again.
    static final List<MutationOperator> OPERATORS = List.of(MutationOperator.presizeArrayList(),
            MutationOperator.strengthReduction(),
            MutationOperator.constantFolding(), MutationOperator.deadBranchElimination(),
            MutationOperator.enhancedForToIndexed(), MutationOperator.linkedListToArrayList());

    private static final Compiled COMPILED = Compiled.build();

    private record Compiled(Class<?> original, Class<?> mutant, String mutantSource, Map<String, Integer> applied) {

        static Compiled build() {
            try {
                Path work = Files.createTempDirectory("refactoring-behaviour");
                SourceTree tree = new SourceTree(work.resolve("genome"));
                String source = SOURCE;
                Map<String, Integer> applied = new TreeMap<>();
                Mutator mutator = Mutator.builder().operators(OPERATORS).build();
                for (String method : List.of("scaled", "joined", "kept", "lengths")) {
                    for (int round = 0; round < 30; round++) {
                        tree.write(CLASS_NAME, source);
                        List<MutationCandidate> candidates = mutator.mutate(tree.genome(), tree.region(CLASS_NAME, method));
                        if (candidates.isEmpty()) {
                            break;
                        }
                        MutationCandidate first = candidates.get(0);
                        assertThat(DiffApplier.apply(first.originalSource(), first.diff())).isEqualTo(first.mutatedSource());
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
    void everyOperatorFiredAndLeftTheExpectedCode() {
        assertThat(COMPILED.applied()).containsOnlyKeys("strength-reduction", "constant-folding",
                "dead-branch-elimination", "enhanced-for-to-indexed", "linked-list-to-array-list",
                "presize-array-list");
        assertThat(COMPILED.mutantSource())
                .contains("int doubled = x << 1;", "(x << 3)", "(factor << 10)", "total * (86400)")
                .contains("for (int i = 0; i < xs.length; i++)", "final String part = parts[i];")
                .contains("(k << 1) - (-6)", "(-2147483648)")
                .doesNotContain("if (false)", "if (true)", "out.append(-1)")
                // part.toCharArray() is not a name: that loop stays enhanced.
                .contains("for (char c : part == null")
                .contains("List<String> kept = new java.util.ArrayList<>();",
                        "Collection<String> seen = new java.util.ArrayList<String>(List.of(\"a\"));")
                // subList is not a same-contract method, so that list stays a LinkedList.
                .contains("List<String> escapes = new LinkedList<>();");
        assertThat(COMPILED.applied()).containsEntry("linked-list-to-array-list", 2)
                .containsEntry("presize-array-list", 1);
        assertThat(COMPILED.mutantSource()).contains("List<Integer> out = new java.util.ArrayList<>(parts.length);")
                .as("the loop does not follow the declaration").contains("List<Integer> notPresized = new java.util.ArrayList<>();");
    }

    @Property(tries = 1)
    void rewrittenClassDeclaresExactlyTheSameMembersIncludingSynthetic() {
        assertThat(members(COMPILED.mutant())).isEqualTo(members(COMPILED.original()));
    }

    @Property(tries = 300)
    void scaledGivesTheSameResult(@ForAll("ints") int[] xs, @ForAll long factor) throws Exception {
        Method before = COMPILED.original().getMethod("scaled", int[].class, long.class);
        Method after = COMPILED.mutant().getMethod("scaled", int[].class, long.class);
        assertThat(invoke(after, copy(xs), factor)).isEqualTo(invoke(before, copy(xs), factor));
    }

    @Property(tries = 300)
    void keptGivesTheSameResult(@ForAll("strings") String[] parts, @ForAll("smallInts") int k) throws Exception {
        Method before = COMPILED.original().getMethod("kept", String[].class, int.class);
        Method after = COMPILED.mutant().getMethod("kept", String[].class, int.class);
        assertThat(invoke(after, parts == null ? null : parts.clone(), k))
                .isEqualTo(invoke(before, parts == null ? null : parts.clone(), k));
    }

    @Property(tries = 200)
    void lengthsGivesTheSameResult(@ForAll("strings") String[] parts) throws Exception {
        Method before = COMPILED.original().getMethod("lengths", String[].class);
        Method after = COMPILED.mutant().getMethod("lengths", String[].class);
        assertThat(invoke(after, (Object) (parts == null ? null : parts.clone())))
                .isEqualTo(invoke(before, (Object) (parts == null ? null : parts.clone())));
    }

    @Provide
    Arbitrary<Integer> smallInts() {
        return Arbitraries.integers().between(-2, 6);
    }

    @Property(tries = 300)
    void joinedGivesTheSameResult(@ForAll("strings") String[] parts, @ForAll int k) throws Exception {
        Method before = COMPILED.original().getMethod("joined", String[].class, int.class);
        Method after = COMPILED.mutant().getMethod("joined", String[].class, int.class);
        String[] a = parts == null ? null : parts.clone();
        String[] b = parts == null ? null : parts.clone();
        assertThat(invoke(after, b, k)).isEqualTo(invoke(before, a, k));
    }

    @Provide
    Arbitrary<int[]> ints() {
        return Arbitraries.integers().between(Integer.MIN_VALUE, Integer.MAX_VALUE).array(int[].class).ofMaxSize(12)
                .injectNull(0.03);
    }

    @Provide
    Arbitrary<String[]> strings() {
        return Arbitraries.strings().withChars("abx ").ofMaxLength(6).injectNull(0.1).array(String[].class)
                .ofMaxSize(6).injectNull(0.03);
    }

    /** Declared fields, methods and constructors with modifiers (synthetic and bridge flags included). */
    static TreeSet<String> members(Class<?> type) {
        TreeSet<String> out = new TreeSet<>();
        Stream.of(type.getDeclaredFields(), type.getDeclaredMethods(), type.getDeclaredConstructors())
                .flatMap(Arrays::stream)
                .map(m -> (Member) m)
                .forEach(m -> out.add(Modifier.toString(m.getModifiers()) + " synthetic=" + m.isSynthetic() + " " + m));
        return out;
    }

    private static String invoke(Method method, Object... args) throws IllegalAccessException {
        try {
            return "returned " + Objects.toString(method.invoke(null, args));
        } catch (InvocationTargetException e) {
            return Outcome.thrown(e.getCause());
        }
    }

    private static int[] copy(int[] xs) {
        return xs == null ? null : xs.clone();
    }
}
