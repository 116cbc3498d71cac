package dev.ouroboros.mutation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ouroboros.genome.GenomeRegion;
import dev.ouroboros.genome.RegionKind;
import dev.ouroboros.genome.SourceGenome;
import dev.ouroboros.mutation.internal.LineDiff;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The law of issue 4 on real code nobody here wrote: every semantics-preserving operator, applied to
 * commons-lang3 3.17.0 methods, gives a mutant that compiles and whose outputs equal the original's
 * on generated inputs.
 *
 * <p>How: the build unpacks commons-lang3's main sources into {@code target/realworld}. For each
 * corpus class the mutator makes every semantics-preserving candidate of every region; round
 * {@code j} takes the {@code j}-th candidate of each region (regions are disjoint members, so their
 * edits combine) into one rewritten class. That class is compiled alone with javac against the
 * commons-lang3 jar of the test class path — a class compiles against its package's binaries, so
 * there is no need to recompile the other 200 files — and loaded child-first together with that
 * jar; the original runs from the jar in its own loader. Then, for every rewritten public static
 * method whose parameters are primitives, {@code String} or arrays of them, both versions run on the
 * same generated arguments: results, exceptions and the arguments' final contents must be equal.
 * Integers are drawn small ({@code -3..40}): methods such as {@code repeat(String, int)} would
 * otherwise allocate gigabytes; the overflow cases are covered by {@link RefactoringBehaviourTest}.
 */
class RealCorpusBehaviourTest {

    /** Classes where the semantics-preserving operators find points in methods with simple parameters. */
    private static final List<String> CLASSES = List.of("org.apache.commons.lang3.Conversion",
            "org.apache.commons.lang3.BooleanUtils", "org.apache.commons.lang3.StringUtils",
            "org.apache.commons.lang3.math.NumberUtils");
    private static final int MAX_ROUNDS = 3;
    private static final int MIN_TARGETS = 5;
    private static final String CHARS = "ab xAZ09-.\t\u00e9";
    private static final Set<Class<?>> SIMPLE = Set.of(int.class, long.class, boolean.class, char.class, double.class,
            byte.class, short.class, float.class, String.class, CharSequence.class, Object.class,
            int[].class, long[].class, char[].class, String[].class, double[].class, boolean[].class, byte[].class,
            short[].class, float[].class, Object[].class, CharSequence[].class);

    private static final Corpus CORPUS = Corpus.build();

    /** One rewritten method and its original; {@code operators} are the edits its body received. */
    record Target(Method original, Method mutant, String operators) {
        @Override
        public String toString() {
            return original.getDeclaringClass().getSimpleName() + "." + original.getName()
                    + Arrays.toString(original.getParameterTypes()) + " via " + operators;
        }
    }

    private record Corpus(List<Target> targets, Map<String, Integer> candidates, int compiled) {

        static Corpus build() {
            try {
                Path sources = Path.of(System.getProperty("ouroboros.realworld.sources",
                        "target/realworld/commons-lang3-sources"));
                Path jar = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                        .map(Path::of).filter(p -> p.getFileName().toString().startsWith("commons-lang3-"))
                        .findFirst().orElseThrow(() -> new AssertionError("commons-lang3 jar not on the test class path"));
                SourceGenome genome = SourceGenome.of(List.of(sources));
                List<MutationOperator> preserving = MutationOperator.builtIns().stream()
                        .filter(o -> o.kind() == OperatorKind.SEMANTICS_PRESERVING).toList();
                Mutator mutator = Mutator.builder().operators(preserving).maxCandidates(1_000).build();
                ClassLoader originals = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
                Path work = Files.createTempDirectory("real-corpus");
                List<Target> targets = new ArrayList<>();
                Map<String, Integer> counts = new TreeMap<>();
                int compiled = 0;
                for (String className : CLASSES) {
                    String original = genome.sourceText(className);
                    Map<GenomeRegion, List<MutationCandidate>> byRegion = new LinkedHashMap<>();
                    for (GenomeRegion region : genome.regions(className)) {
                        if (region.kind() == RegionKind.METHOD) {
                            List<MutationCandidate> made = mutator.mutate(genome, region);
                            made.forEach(c -> counts.merge(c.operator(), 1, Integer::sum));
                            if (!made.isEmpty()) {
                                byRegion.put(region, made);
                            }
                        }
                    }
                    for (int round = 0; round < MAX_ROUNDS; round++) {
                        String text = original;
                        Map<GenomeRegion, String> edited = new LinkedHashMap<>();
                        List<MutationCandidate> chosen = new ArrayList<>();
                        for (Map.Entry<GenomeRegion, List<MutationCandidate>> e : byRegion.entrySet()) {
                            if (e.getValue().size() > round) {
                                chosen.add(e.getValue().get(round));
                                edited.put(e.getKey(), e.getValue().get(round).operator());
                            }
                        }
                        if (chosen.isEmpty()) {
                            break;
                        }
                        text = combine(original, chosen);
                        Path out = Files.createDirectories(work.resolve(className + "-" + round));
                        compile(className, text, jar, out);
                        compiled++;
                        ClassLoader mutants = new URLClassLoader(new URL[] {out.toUri().toURL(), jar.toUri().toURL()},
                                ClassLoader.getPlatformClassLoader());
                        Class<?> before = originals.loadClass(className);
                        Class<?> after = mutants.loadClass(className);
                        assertThat(after.getClassLoader()).isSameAs(mutants);
                        assertThat(RefactoringBehaviourTest.members(after))
                                .as("members of rewritten %s (round %d)", className, round)
                                .isEqualTo(RefactoringBehaviourTest.members(before));
                        for (Map.Entry<GenomeRegion, String> e : edited.entrySet()) {
                            method(before, e.getKey()).ifPresent(m -> targets.add(new Target(m,
                                    uncheckedMethod(after, m), e.getValue())));
                            if (e.getValue().equals("memoize-pure-method")) {
                                // A memoized private helper runs through the public methods that call it.
                                for (GenomeRegion caller : callers(genome, className, e.getKey())) {
                                    method(before, caller).ifPresent(m -> targets.add(new Target(m,
                                            uncheckedMethod(after, m), "a call of memoized " + e.getKey().memberName())));
                                }
                            }
                        }
                    }
                }
                return new Corpus(List.copyOf(targets), counts, compiled);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * Applies candidates of disjoint regions to one text. Each candidate's changes are its runs of
     * changed lines against the original: one run for an edit of a member, two for
     * {@code memoize-pure-method} (the member, and the helper class appended at the end of the unit —
     * two helpers appended at the same place are both kept).
     */
    static String combine(String original, List<MutationCandidate> candidates) {
        record Span(int from, int to, String replacement) {
        }
        List<String> old = LineDiff.lines(original);
        int[] offset = new int[old.size() + 1];
        for (int i = 0; i < old.size(); i++) {
            offset[i + 1] = offset[i] + old.get(i).length();
        }
        List<Span> spans = new ArrayList<>();
        for (MutationCandidate c : candidates) {
            List<String> neu = LineDiff.lines(c.mutatedSource());
            List<LineDiff.Op> ops = LineDiff.diff(old, neu);
            for (int i = 0; i < ops.size(); ) {
                if (ops.get(i).type() == LineDiff.Type.EQUAL) {
                    i++;
                    continue;
                }
                int from = ops.get(i).oldIndex();
                int to = from;
                StringBuilder replacement = new StringBuilder();
                for (; i < ops.size() && ops.get(i).type() != LineDiff.Type.EQUAL; i++) {
                    LineDiff.Op op = ops.get(i);
                    if (op.type() == LineDiff.Type.DELETE) {
                        to = op.oldIndex() + 1;
                    } else {
                        replacement.append(neu.get(op.newIndex()));
                    }
                }
                spans.add(new Span(offset[from], offset[to], replacement.toString()));
            }
        }
        spans.sort((a, b) -> a.from() != b.from() ? Integer.compare(b.from(), a.from()) : Integer.compare(b.to(), a.to()));
        StringBuilder text = new StringBuilder(original);
        int limit = Integer.MAX_VALUE;
        for (Span s : spans) {
            assertThat(s.to()).as("edits of different regions overlap").isLessThanOrEqualTo(limit);
            text.replace(s.from(), s.to(), s.replacement());
            limit = s.from();
        }
        return text.toString();
    }

    /** The methods of the class whose source mentions a call of the region's method (by name). */
    private static List<GenomeRegion> callers(SourceGenome genome, String className, GenomeRegion callee) {
        List<String> lines = LineDiff.lines(genome.sourceText(className));
        java.util.regex.Pattern call = java.util.regex.Pattern.compile("\\b" + callee.memberName() + "\\s*\\(");
        return genome.regions(className).stream()
                .filter(r -> r.kind() == RegionKind.METHOD && !r.equals(callee))
                .filter(r -> call.matcher(String.join("", lines.subList(r.beginLine() - 1, r.endLine()))).find())
                .toList();
    }

    private static java.util.Optional<Method> method(Class<?> type, GenomeRegion region) {
        return Arrays.stream(type.getDeclaredMethods())
                .filter(m -> Modifier.isStatic(m.getModifiers()) && Modifier.isPublic(m.getModifiers()))
                .filter(m -> m.getName().equals(region.memberName()))
                .filter(m -> Arrays.stream(m.getParameterTypes()).allMatch(SIMPLE::contains))
                .filter(m -> String.join(",", Arrays.stream(m.getParameterTypes()).map(Class::getSimpleName).toList())
                        .equals(region.parameters().replace("...", "[]")))
                .findFirst();
    }

    private static Method uncheckedMethod(Class<?> type, Method like) {
        try {
            return type.getMethod(like.getName(), like.getParameterTypes());
        } catch (NoSuchMethodException e) {
            throw new AssertionError("rewritten class lost " + like, e);
        }
    }

    private static void compile(String className, String text, Path jar, Path out) throws IOException {
        Path src = out.resolveSibling(out.getFileName() + "-src").resolve(className.replace('.', '/') + ".java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, text, StandardCharsets.UTF_8);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream messages = new ByteArrayOutputStream();
        int status = javac.run(null, messages, messages, "-proc:none", "-nowarn", "-encoding", "UTF-8",
                "-cp", jar.toString(), "-d", out.toString(), src.toString());
        assertThat(status).as("javac on rewritten %s:%n%s", className, messages.toString(StandardCharsets.UTF_8)).isZero();
    }

    @Property(tries = 1)
    void operatorsFoundRealPointsAndEveryRewrittenClassCompiled() {
        System.out.println("real corpus: candidates " + CORPUS.candidates() + ", classes compiled " + CORPUS.compiled()
                + ", methods compared " + CORPUS.targets().size());
        // Every rewritten class compiled (Corpus.build asserts it); here: there was real work.
        assertThat(CORPUS.candidates()).as("candidates per operator").containsKeys("enhanced-for-to-indexed",
                "memoize-pure-method");
        assertThat(CORPUS.targets()).as("methods that run a memoized helper")
                .anyMatch(t -> t.operators().contains("memoize"));
        assertThat(CORPUS.compiled()).as("rewritten classes compiled").isGreaterThanOrEqualTo(3);
        assertThat(CORPUS.targets()).as("rewritten methods compared").hasSizeGreaterThan(MIN_TARGETS);
    }

    @Property(tries = 1500)
    void rewrittenMethodsBehaveLikeTheOriginals(@ForAll("targets") Target target, @ForAll long seed) throws Exception {
        Object[] args = arguments(target.original().getParameterTypes(), new SplittableRandom(seed));
        Object[] copy = deepCopy(args);
        String before = invoke(target.original(), args);
        String after = invoke(target.mutant(), copy);
        assertThat(after).as("%s on %s", target, Arrays.deepToString(args)).isEqualTo(before);
        assertThat(Arrays.deepToString(copy)).as("arguments after %s", target).isEqualTo(Arrays.deepToString(args));
    }

    @Provide
    Arbitrary<Target> targets() {
        return Arbitraries.of(CORPUS.targets());
    }

    private static Object[] arguments(Class<?>[] types, SplittableRandom random) {
        Object[] out = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            out[i] = value(types[i], random);
        }
        return out;
    }

    private static Object value(Class<?> type, SplittableRandom r) {
        if (type == int.class) {
            return r.nextInt(-3, 41);
        } else if (type == long.class) {
            return (long) r.nextInt(-3, 41);
        } else if (type == byte.class) {
            return (byte) r.nextInt(-3, 41);
        } else if (type == short.class) {
            return (short) r.nextInt(-3, 41);
        } else if (type == float.class) {
            return (float) r.nextDouble(-100, 100);
        } else if (type == boolean.class) {
            return r.nextBoolean();
        } else if (type == char.class) {
            return CHARS.charAt(r.nextInt(CHARS.length()));
        } else if (type == double.class) {
            double[] special = {0.0, -0.0, 1.5, -2.25, Double.NaN, 1e300};
            return r.nextInt(3) == 0 ? special[r.nextInt(special.length)] : r.nextDouble(-100, 100);
        } else if (type == String.class || type == CharSequence.class || type == Object.class) {
            if (r.nextInt(10) == 0) {
                return null;
            }
            StringBuilder s = new StringBuilder();
            int n = r.nextInt(12);
            for (int i = 0; i < n; i++) {
                s.append(CHARS.charAt(r.nextInt(CHARS.length())));
            }
            return s.toString();
        } else if (type.isArray()) {
            if (r.nextInt(10) == 0) {
                return null;
            }
            int n = r.nextInt(8);
            Object array = java.lang.reflect.Array.newInstance(type.getComponentType(), n);
            for (int i = 0; i < n; i++) {
                java.lang.reflect.Array.set(array, i, value(type.getComponentType(), r));
            }
            return array;
        }
        throw new IllegalArgumentException("no generator for " + type);
    }

    private static Object[] deepCopy(Object[] args) {
        Object[] out = args.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] != null && out[i].getClass().isArray()) {
                int n = java.lang.reflect.Array.getLength(out[i]);
                Object copy = java.lang.reflect.Array.newInstance(out[i].getClass().getComponentType(), n);
                System.arraycopy(out[i], 0, copy, 0, n);
                out[i] = copy;
            }
        }
        return out;
    }

    private static String invoke(Method method, Object[] args) throws IllegalAccessException {
        try {
            Object result = method.invoke(null, args);
            return "returned " + (result != null && result.getClass().isArray()
                    ? Arrays.deepToString(new Object[] {result}) : Objects.toString(result));
        } catch (InvocationTargetException e) {
            return Outcome.thrown(e.getCause());
        }
    }
}
