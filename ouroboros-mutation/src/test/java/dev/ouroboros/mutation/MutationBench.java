package dev.ouroboros.mutation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ouroboros.genome.GenomeRegion;
import dev.ouroboros.genome.OuroborosException;
import dev.ouroboros.genome.SourceGenome;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Measures the mutation engine on real source, outside the normal test run: candidates per second
 * over the corpus, candidates per operator, and the fraction of each operator's candidates that
 * compile. Run with {@code scripts/bench mutation}, or
 * {@code mvn -o -pl ouroboros-mutation test -Dtest=MutationBench -Douroboros.bench=true}.
 *
 * <p>Corpus: commons-lang3 3.17.0's main sources, unpacked by the build into
 * {@code target/realworld} (system property {@code ouroboros.realworld.sources}). Every region of
 * every class is mutated with every built-in operator by one mutator (as the engine does: one
 * mutator, many calls); the clock runs only inside {@code mutate}. A uniform sample of each
 * operator's candidates ({@code -Dbench.sample}, default 12) is compiled with javac, the rewritten
 * class alone against the commons-lang3 jar on the test class path ({@code -Dbench.classes=n}: n classes
 * evenly spaced; {@code -Dbench.only=StringUtils,ArrayUtils}: only those). The report goes to stdout, to
 * {@code target/mutation-bench.md}, and as one {@code RESULT} line to {@code target/mutation-bench.result}.
 */
@EnabledIfSystemProperty(named = "ouroboros.bench", matches = "true")
class MutationBench {

    private static final int SAMPLE_PER_OPERATOR = Integer.getInteger("bench.sample", 12);

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    private final JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    private final StandardJavaFileManager shared = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8);
    private int firstFailures = 5;

    @Test
    void measureCorpus() throws Exception {
        Path root = Path.of(System.getProperty("ouroboros.realworld.sources", "target/realworld/commons-lang3-sources"));
        assertThat(root).as("commons-lang3 sources unpacked by the build").isDirectory();
        List<Corpus> corpora = List.of(new Corpus("commons-lang3", List.of(root), List.of()));
        Map<String, Stats> stats = new TreeMap<>();
        for (MutationOperator op : MutationOperator.builtIns()) {
            stats.put(op.name(), new Stats());
        }
        long candidates = 0;
        long duplicates = 0;
        long nanos = 0;
        long cpuNanos = 0;
        long firstCallNanos = 0;
        int regions = 0;
        int classes = 0;
        SplittableRandom random = new SplittableRandom(2026);
        Map<String, List<Sample>> samples = new LinkedHashMap<>();
        Mutator mutator = Mutator.builder().maxCandidates(10_000).timeOperators(true).build();
        Map<String, long[]> perClass = new LinkedHashMap<>(); // {regions, candidates, nanos, lines}
        for (Corpus corpus : corpora) {
            SourceGenome genome = SourceGenome.of(corpus.roots());
            List<String> all = genome.classNames();
            int limit = Integer.getInteger("bench.classes", 0);
            List<String> chosen = limit > 0 && limit < all.size() ? evenlySpaced(all, limit) : all;
            String only = System.getProperty("bench.only", "");
            if (!only.isBlank()) {
                // -Dbench.only=StringUtils,ArrayUtils: only the classes whose names end so (to profile them).
                List<String> names = List.of(only.split(","));
                chosen = all.stream().filter(c -> names.stream().anyMatch(n -> c.endsWith("." + n.strip()))).toList();
            }
            for (String className : chosen) {
                List<GenomeRegion> classRegions;
                try {
                    classRegions = genome.regions(className);
                } catch (OuroborosException e) {
                    continue; // not parseable at Java 17 level
                }
                classes++;
                long[] mine = perClass.computeIfAbsent(className,
                        k -> new long[] {0, 0, 0, genome.sourceText(k).lines().count()});
                boolean first = true;
                for (GenomeRegion region : classRegions) {
                    long cpuStart = THREADS.getCurrentThreadCpuTime();
                    long start = System.nanoTime();
                    List<MutationCandidate> made = mutator.mutate(genome, region);
                    long took = System.nanoTime() - start;
                    cpuNanos += THREADS.getCurrentThreadCpuTime() - cpuStart;
                    nanos += took;
                    if (first) {
                        firstCallNanos += took;
                        first = false;
                    }
                    regions++;
                    candidates += made.size();
                    mine[0]++;
                    mine[1] += made.size();
                    mine[2] += took;
                    // A candidate is a distinct rewrite: two points giving the same text count once.
                    java.util.Set<String> texts = new java.util.HashSet<>();
                    for (MutationCandidate c : made) {
                        if (!texts.add(c.diff())) {
                            duplicates++;
                        }
                    }
                    for (MutationCandidate c : made) {
                        Stats s = stats.computeIfAbsent(c.operator(), k -> new Stats());
                        s.candidates++;
                        if (!c.lexicallyPreserved()) {
                            s.prettyPrinted++;
                        }
                        // Reservoir sampling keeps a uniform sample without holding every candidate.
                        List<Sample> reservoir = samples.computeIfAbsent(c.operator(), k -> new ArrayList<>());
                        if (reservoir.size() < SAMPLE_PER_OPERATOR) {
                            reservoir.add(new Sample(c, corpus.options()));
                        } else {
                            int slot = random.nextInt(s.candidates);
                            if (slot < SAMPLE_PER_OPERATOR) {
                                reservoir.set(slot, new Sample(c, corpus.options()));
                            }
                        }
                    }
                }
            }
        }
        // Baseline in the same run: the previous path (expression edits such as condition negation
        // printed lexically, one statement at a time), then the current one (written as text), on the
        // same regions of the same classes, timed alternately so that the machine's load drifts over
        // both alike. Both make the same candidates (FastPathEquivalenceTest).
        int baselineClasses = Integer.getInteger("bench.baseline.classes", 12);
        long[] before = new long[2];
        long[] after = new long[2];
        for (int round = 0; round < 2; round++) {
            add(before, timeRegions(corpora.get(0), baselineClasses,
                    Mutator.builder().maxCandidates(10_000).expressionText(false).build()));
            add(after, timeRegions(corpora.get(0), baselineClasses, Mutator.builder().maxCandidates(10_000).build()));
        }
        double beforeRate = before[0] / (before[1] / 1e9);
        double afterRate = after[0] / (after[1] / 1e9);
        long compileStart = System.nanoTime();
        for (Map.Entry<String, List<Sample>> e : samples.entrySet()) {
            Stats s = stats.get(e.getKey());
            for (Sample sample : e.getValue()) {
                s.tried++;
                if (compiles(sample.candidate().className(), sample.candidate().mutatedSource(), sample.options())) {
                    s.compiled++;
                }
            }
        }
        double compileSeconds = (System.nanoTime() - compileStart) / 1e9;
        // Counted: distinct candidates (the mutator never returns a no-op; duplicates are subtracted).
        double perSecond = (candidates - duplicates) / (nanos / 1e9);
        double perCpuSecond = (candidates - duplicates) / (cpuNanos / 1e9);
        StringWriter report = new StringWriter();
        report.write(String.format("corpus: commons-lang3 3.17.0 main sources, %d classes, %d regions%n", classes, regions));
        report.write(String.format("distinct candidates: %d (%d more were duplicates of another point's text)%n",
                candidates - duplicates, duplicates));
        report.write(String.format("candidates: %d, mutate time: %.1f s (first call per class, parse included: %.1f s),"
                + " candidates/s: %.0f, whole-unit parses: %d%n", candidates, nanos / 1e9, firstCallNanos / 1e9,
                perSecond, mutator.unitParses()));
        report.write(String.format("mutate thread CPU time: %.1f s, candidates per CPU second: %.0f (the machine is shared;"
                + " this figure does not depend on the other load), load average at the end: %.1f%n", cpuNanos / 1e9,
                perCpuSecond, java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        report.write(String.format("same run, %d classes evenly spaced, twice each, alternating: previous path (expression"
                + " edits printed) %.0f candidates/s, expression edits as text %.0f candidates/s: ratio %.2f%n", baselineClasses,
                beforeRate, afterRate, afterRate / beforeRate));
        report.write(String.format("compile sample: %d per operator, %.1f s%n%n", SAMPLE_PER_OPERATOR, compileSeconds));
        report.write("slowest classes (mutate time, first call's parse included):\n\n| class | lines | regions | candidates | mutate time (s) | candidates/s |\n| --- | ---: | ---: | ---: | ---: | ---: |\n");
        perClass.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue()[2], a.getValue()[2])).limit(10)
                .forEach(e -> report.write(String.format("| `%s` | %d | %d | %d | %.2f | %.0f |%n", e.getKey(),
                        e.getValue()[3], e.getValue()[0], e.getValue()[1], e.getValue()[2] / 1e9,
                        e.getValue()[1] / (e.getValue()[2] / 1e9))));
        report.write("\n");
        report.write("| operator | kind | candidates | CPU time (s) | candidates per CPU s | made by | pretty-printed | compiled / sampled | compile rate |\n");
        report.write("| --- | --- | ---: | ---: | ---: | --- | ---: | ---: | ---: |\n");
        Map<String, OperatorClock.Time> times = mutator.operatorTimes();
        StringBuilder result = new StringBuilder(String.format("RESULT mutation candidates_per_s=%.0f candidates_per_cpu_s=%.0f before_per_s=%.0f after_per_s=%.0f speedup=%.2f candidates=%d duplicates=%d regions=%d classes=%d",
                perSecond, perCpuSecond, beforeRate, afterRate, afterRate / beforeRate, candidates, duplicates, regions, classes));
        for (MutationOperator op : MutationOperator.builtIns()) {
            Stats s = stats.get(op.name());
            String rate = s.tried == 0 ? "n/a" : String.format("%.0f%%", 100.0 * s.compiled / s.tried);
            OperatorClock.Time time = times.getOrDefault(op.name(), new OperatorClock.Time(0, 0));
            String opRate = time.candidates() == 0 ? "n/a" : String.format("%.0f", time.candidates() / (time.nanos() / 1e9));
            report.write(String.format("| `%s` | %s | %d | %.2f | %s | %s | %d | %d / %d | %s |%n", op.name(),
                    op.kind() == OperatorKind.SEMANTICS_PRESERVING ? "preserving" : "exploratory", s.candidates,
                    time.nanos() / 1e9, opRate, mutator.operatorRoutes().getOrDefault(op.name(), ""), s.prettyPrinted, s.compiled, s.tried, rate));
            result.append(' ').append("compile_").append(op.name().replace('-', '_')).append('=')
                    .append(s.tried == 0 ? "n/a" : String.format("%d/%d", s.compiled, s.tried));
        }
        System.out.println(report);
        System.out.println(result);
        Files.writeString(Path.of("target/mutation-bench.md"), report.toString());
        Files.writeString(Path.of("target/mutation-bench.result"), result + "\n");
        assertThat(candidates).isPositive();
    }

    /** Returns {@code n} of the sorted classes, evenly spaced, so that small and big files both take part. */
    private static List<String> evenlySpaced(List<String> all, int n) {
        List<String> chosen = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            chosen.add(all.get((int) ((long) i * all.size() / n)));
        }
        return chosen;
    }

    private static void add(long[] sum, long[] more) {
        sum[0] += more[0];
        sum[1] += more[1];
    }

    /** Returns {candidates, nanoseconds in mutate} for every region of {@code n} classes evenly spaced over the corpus. */
    private static long[] timeRegions(Corpus corpus, int n, Mutator mutator) {
        SourceGenome genome = SourceGenome.of(corpus.roots());
        long candidates = 0;
        long nanos = 0;
        for (String className : evenlySpaced(genome.classNames(), n)) {
            List<GenomeRegion> classRegions;
            try {
                classRegions = genome.regions(className);
            } catch (OuroborosException e) {
                continue; // not parseable at Java 17 level
            }
            for (GenomeRegion region : classRegions) {
                long start = System.nanoTime();
                candidates += mutator.mutate(genome, region).size();
                nanos += System.nanoTime() - start;
            }
        }
        return new long[] {candidates, nanos};
    }

    private record Corpus(String name, List<Path> roots, List<String> options) {
    }

    private record Sample(MutationCandidate candidate, List<String> options) {
    }

    private static final class Stats {
        int candidates;
        int prettyPrinted;
        int compilable;
        int tried;
        int compiled;
    }

    private boolean compiles(String className, String source, List<String> extraOptions) throws IOException {
        JavaFileObject unit = new SimpleJavaFileObject(
                URI.create("string:///" + className.replace('.', '/') + ".java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        Path out = Files.createTempDirectory("bench-classes");
        List<String> options = new ArrayList<>(List.of("-proc:none", "-nowarn", "-d", out.toString(),
                "-classpath", System.getProperty("java.class.path")));
        options.addAll(extraOptions);
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        // A file manager keeps module options such as --patch-module, and refuses them twice.
        StandardJavaFileManager files = extraOptions.isEmpty()
                ? shared : javac.getStandardFileManager(null, null, StandardCharsets.UTF_8);
        boolean ok = javac.getTask(null, files, diagnostics, options, null, List.of(unit)).call();
        if (files != shared) {
            files.close();
        }
        if (!ok && firstFailures-- > 0) {
            System.out.println("does not compile: " + className + ": " + diagnostics.getDiagnostics().stream()
                    .limit(2).map(d -> d.getMessage(null)).toList());
        }
        return ok;
    }
}
