package dev.ouroboros.mutation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ouroboros.genome.GenomeRegion;
import dev.ouroboros.genome.OuroborosException;
import dev.ouroboros.genome.SourceGenome;
import java.io.IOException;
import java.io.InputStream;
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
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
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
 * compile. Run with {@code mvn -o -pl ouroboros-mutation test -Dtest=MutationBench -Douroboros.bench=true}.
 *
 * <p>Corpus: this repository's genome and mutation sources (compiled against the test class path)
 * and, when the machine has a JDK {@code src.zip}, ten {@code java.util} sources that
 * parse at Java 17 level (compiled with {@code --patch-module java.base}; a file whose original
 * does not compile on this JDK, which is every JDK 25 file on JDK 17, is used for throughput only). The report goes to stdout and to
 * {@code target/mutation-bench.md}.
 */
@EnabledIfSystemProperty(named = "ouroboros.bench", matches = "true")
class MutationBench {

    private static final int SAMPLE_PER_OPERATOR = 25;
    private static final String JDK_CLASSES =
            "ArrayList|BitSet|Base64|Objects|Optional|StringJoiner|StringTokenizer|UUID|Scanner|Random";
    private static final Path JDK_SOURCES = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/lib/src.zip");

    private final JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    private final StandardJavaFileManager shared = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8);
    private int firstFailures = 5;

    @Test
    void measureCorpus() throws Exception {
        Path work = Files.createTempDirectory("mutation-bench");
        List<Corpus> corpora = new ArrayList<>();
        Path repo = Path.of("").toAbsolutePath().getParent();
        corpora.add(new Corpus("ouroboros", List.of(repo.resolve("ouroboros-genome/src/main/java"),
                repo.resolve("ouroboros-mutation/src/main/java")), List.of()));
        if (Files.isRegularFile(JDK_SOURCES)) {
            Path root = work.resolve("jdk");
            extractJavaUtil(root);
            corpora.add(new Corpus("jdk java.util", List.of(root), List.of("--patch-module", "java.base=" + root)));
        }
        Map<String, Stats> stats = new TreeMap<>();
        long candidates = 0;
        long nanos = 0;
        int regions = 0;
        SplittableRandom random = new SplittableRandom(2026);
        Map<String, List<Sample>> samples = new LinkedHashMap<>();
        for (Corpus corpus : corpora) {
            SourceGenome genome = SourceGenome.of(corpus.roots());
            for (String className : classes(corpus.roots())) {
                List<GenomeRegion> classRegions;
                try {
                    classRegions = genome.regions(className);
                } catch (OuroborosException e) {
                    continue; // not parseable at Java 17 level
                }
                boolean originalCompiles = compiles(className, genome.sourceText(className), corpus.options());
                System.out.println(corpus.name() + " " + className + " " + classRegions.size() + " regions, original compiles: "
                        + originalCompiles);
                Mutator mutator = Mutator.builder().maxCandidates(10_000).build();
                for (GenomeRegion region : classRegions) {
                    long start = System.nanoTime();
                    List<MutationCandidate> made = mutator.mutate(genome, region);
                    nanos += System.nanoTime() - start;
                    regions++;
                    candidates += made.size();
                    for (MutationCandidate c : made) {
                        Stats s = stats.computeIfAbsent(c.operator(), k -> new Stats());
                        s.candidates++;
                        if (!c.lexicallyPreserved()) {
                            s.prettyPrinted++;
                        }
                        if (originalCompiles) {
                            // Reservoir sampling keeps a uniform sample without holding every candidate.
                            List<Sample> reservoir = samples.computeIfAbsent(c.operator(), k -> new ArrayList<>());
                            s.compilable++;
                            if (reservoir.size() < SAMPLE_PER_OPERATOR) {
                                reservoir.add(new Sample(c, corpus.options()));
                            } else {
                                int slot = random.nextInt(s.compilable);
                                if (slot < SAMPLE_PER_OPERATOR) {
                                    reservoir.set(slot, new Sample(c, corpus.options()));
                                }
                            }
                        }
                    }
                }
            }
        }
        for (Map.Entry<String, List<Sample>> e : samples.entrySet()) {
            Stats s = stats.get(e.getKey());
            for (Sample sample : e.getValue()) {
                s.tried++;
                if (compiles(sample.candidate().className(), sample.candidate().mutatedSource(), sample.options())) {
                    s.compiled++;
                }
            }
        }
        StringWriter report = new StringWriter();
        report.write(String.format("regions: %d, candidates: %d, mutate time: %.1f s, candidates/s: %.0f%n%n",
                regions, candidates, nanos / 1e9, candidates / (nanos / 1e9)));
        report.write("| operator | candidates | pretty-printed | compiled / sampled | compile rate |\n");
        report.write("| --- | ---: | ---: | ---: | ---: |\n");
        for (Map.Entry<String, Stats> e : stats.entrySet()) {
            Stats s = e.getValue();
            report.write(String.format("| `%s` | %d | %d | %d / %d | %s |%n", e.getKey(), s.candidates, s.prettyPrinted,
                    s.compiled, s.tried, s.tried == 0 ? "n/a" : String.format("%.0f%%", 100.0 * s.compiled / s.tried)));
        }
        System.out.println(report);
        Files.writeString(Path.of("target/mutation-bench.md"), report.toString());
        assertThat(candidates).isPositive();
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

    private static List<String> classes(List<Path> roots) throws IOException {
        List<String> out = new ArrayList<>();
        for (Path root : roots) {
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(p -> p.toString().endsWith(".java") && !p.getFileName().toString().contains("-"))
                        .sorted()
                        .forEach(p -> out.add(root.relativize(p).toString().replace('/', '.').replaceAll("\\.java$", "")));
            }
        }
        return out;
    }

    private static void extractJavaUtil(Path root) throws IOException {
        try (ZipFile zip = new ZipFile(JDK_SOURCES.toFile())) {
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                String name = entry.getName();
                if (name.matches("java\\.base/java/util/(" + JDK_CLASSES + ")\\.java")) {
                    Path target = root.resolve(name.substring("java.base/".length()));
                    Files.createDirectories(target.getParent());
                    try (InputStream in = zip.getInputStream(entry)) {
                        Files.copy(in, target);
                    }
                }
            }
        }
    }
}
