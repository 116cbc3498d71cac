package dev.ouroboros.genome;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ParserConfiguration.LanguageLevel;
import com.github.javaparser.Problem;
import com.github.javaparser.Range;
import com.github.javaparser.TokenRange;
import com.github.javaparser.ast.CompilationUnit;
import dev.ouroboros.genome.internal.RegionLocator;
import dev.ouroboros.genome.internal.SourceScanner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Everything Ouroboros knows about the source of the program it may change.
 *
 * <p>A genome covers one or more source roots. Files are parsed lazily, the first time a class in
 * them is asked for, at Java 17 language level; a parse is cached together with the SHA-256 of
 * the text it came from, and a file is parsed again only when its content changed. Parses handed
 * out by {@link #parse(String)} are fresh parses (with their tokens) that the caller may modify freely.
 *
 * <p>Bad input never stops the rest from loading. A file that does not parse, or cannot be read, is
 * recorded in {@link #problems()} with its path, line and column and skipped by the whole-genome
 * operations ({@link #classNames()}, {@link #allRegions()}, {@link DependencyGraph}); only a direct
 * request for that very file ({@link #parse(String)}, {@link #regions(String)}) throws. Instances are
 * safe for use by several threads.
 */
public final class SourceGenome {

    private final List<Path> roots;
    private final ParserConfiguration configuration;
    private final Map<Path, Parsed> cache = new ConcurrentHashMap<>();
    private final Map<Path, GenomeProblem> problems = new ConcurrentHashMap<>();

    private SourceGenome(List<Path> roots, LanguageLevel level) {
        this.roots = List.copyOf(roots);
        this.configuration = new ParserConfiguration().setLanguageLevel(level);
    }

    /**
     * Creates a genome over the given source roots.
     *
     * @throws SourceNotFoundException when a root does not exist or is not a directory
     */
    public static SourceGenome of(List<Path> sourceRoots) {
        Objects.requireNonNull(sourceRoots, "sourceRoots must not be null");
        if (sourceRoots.isEmpty()) {
            throw new SourceNotFoundException(
                    "no source root given: pass source=<dir> pointing at the program's Java sources");
        }
        for (Path root : sourceRoots) {
            if (!Files.isDirectory(root)) {
                throw new SourceNotFoundException("source root " + root.toAbsolutePath()
                        + " does not exist or is not a directory: pass source=<dir> pointing at the program's Java sources");
            }
        }
        return new SourceGenome(sourceRoots.stream().map(p -> p.toAbsolutePath().normalize()).toList(),
                LanguageLevel.JAVA_17);
    }

    /** Returns the source roots, absolute and normalized. */
    public List<Path> roots() {
        return roots;
    }

    /** Returns the parser configuration every parse of this genome uses (Java 17 language level). */
    public ParserConfiguration parserConfiguration() {
        return configuration;
    }

    /**
     * Finds the source file declaring a class; nested classes ({@code Outer$Inner}) map to the file of
     * their top-level class.
     */
    public Optional<Path> sourceFile(String className) {
        String topLevel = topLevel(className);
        String relative = topLevel.replace('.', '/') + ".java";
        return roots.stream().map(root -> root.resolve(relative)).filter(Files::isRegularFile).findFirst();
    }

    /** Returns true when some root holds the source of the class. */
    public boolean hasSource(String className) {
        return sourceFile(className).isPresent();
    }

    /**
     * Returns the current text of the class's source file.
     *
     * @throws SourceNotFoundException when no root holds it
     */
    public String sourceText(String className) {
        return read(requireFile(className));
    }

    /**
     * Returns a fresh parse of the class's compilation unit that the caller may modify.
     *
     * @throws SourceNotFoundException when no root holds the class
     * @throws GenomeParseException    when the file does not parse
     */
    public CompilationUnit parse(String className) {
        // A real parse, not a clone of the cached one: the copy keeps its tokens, which lexical-
        // preserving printing needs to keep untouched code byte for byte.
        Path file = requireFile(className);
        String text = read(file);
        return parseText(file, text, GenomeChecksum.sha256(text), configuration).unit();
    }

    /**
     * Lists the regions (method, constructor and initializer bodies) of every named type in the
     * class's compilation unit.
     */
    public List<GenomeRegion> regions(String className) {
        Path file = requireFile(className);
        Parsed parsed = cached(file);
        return RegionLocator.regions(parsed.unit(), file, parsed.text());
    }

    /** Finds a region by its stable id. */
    public Optional<GenomeRegion> region(String regionId) {
        int hash = regionId.indexOf('#');
        if (hash <= 0) {
            throw new IllegalArgumentException("region id must look like pkg.Class#member(Params), was " + regionId);
        }
        String className = regionId.substring(0, hash);
        if (!hasSource(className)) {
            return Optional.empty();
        }
        return regions(className).stream().filter(r -> r.id().equals(regionId)).findFirst();
    }

    /** Lists the regions of one method (every overload) of a class. */
    public List<GenomeRegion> regionsOf(String className, String methodName) {
        return regions(topLevel(className)).stream()
                .filter(r -> r.className().equals(className) && r.memberName().equals(methodName))
                .collect(Collectors.toList());
    }

    /**
     * Lists the top-level classes of every {@code .java} file under the roots (module and package
     * descriptors excluded), sorted. Directories and files that cannot be read are recorded in
     * {@link #problems()} and left out.
     *
     * @return binary names of top-level classes, never null
     */
    public List<String> classNames() {
        List<String> out = new ArrayList<>();
        for (Path root : roots) {
            SourceScanner.Scan scan = SourceScanner.scan(root);
            out.addAll(scan.classNames());
            scan.unreadable().forEach((path, why) -> problems.put(path, new GenomeProblem(
                    GenomeProblem.Kind.UNREADABLE_PATH, path.toString(), 0, 0,
                    "cannot read (" + why + "): fix its permissions or remove it from the source roots")));
        }
        return out.stream().distinct().sorted().toList();
    }

    /**
     * Parses every file under the roots (re-parsing only changed ones) and lists all their regions.
     * Files that do not parse or cannot be read are skipped and recorded in {@link #problems()}.
     *
     * @return the regions of every file that parses, in class then source order; never null
     */
    public List<GenomeRegion> allRegions() {
        return classNames().parallelStream().map(this::regionsOrSkip).flatMap(List::stream).toList();
    }

    /**
     * Returns the problems found so far, sorted by place: files that did not parse (with line and
     * column) and paths that could not be read. A problem disappears once its file parses again.
     * Whole-genome operations such as {@link #allRegions()} find all of them; lazy per-class calls
     * find those of the files they touch.
     *
     * @return the current problems, never null
     */
    public List<GenomeProblem> problems() {
        return problems.values().stream()
                .sorted(Comparator.comparing(GenomeProblem::where).thenComparingInt(GenomeProblem::line))
                .toList();
    }

    /**
     * Lists the mutation points of a region in the current (cached) parse of its file.
     *
     * @return the points grouped by kind, each kind in source pre-order; empty when the region is gone
     * @throws SourceNotFoundException when no root holds the region's class
     * @throws GenomeParseException    when the region's file does not parse
     */
    public List<MutationPoint> mutationPoints(GenomeRegion region) {
        Objects.requireNonNull(region, "region must not be null");
        return region.mutationPoints(cached(requireFile(region.className())).unit());
    }

    /** Returns the cached unit of a top-level class for read-only analysis, or empty when it is missing or broken. */
    Optional<CompilationUnit> analysisUnit(String className) {
        try {
            return Optional.of(cached(requireFile(className)).unit());
        } catch (OuroborosException e) {
            return Optional.empty(); // recorded in problems() by cached() or reported by the caller's scan
        }
    }

    private List<GenomeRegion> regionsOrSkip(String className) {
        try {
            return regions(className);
        } catch (OuroborosException e) {
            return List.of(); // the file's problem is recorded in problems()
        }
    }

    private Path requireFile(String className) {
        return sourceFile(className).orElseThrow(() -> new SourceNotFoundException("no source for class " + className
                + " under " + roots + ": add the directory that holds "
                + topLevel(className).replace('.', '/') + ".java to the source roots"));
    }

    private Parsed cached(Path file) {
        String text = read(file);
        String sha = GenomeChecksum.sha256(text);
        Parsed old = cache.get(file);
        if (old != null && old.sha256().equals(sha)) {
            return old;
        }
        // Parsed outside compute(): a long parse must not block other files that share a hash bin.
        Parsed fresh = parseText(file, text, sha, configuration);
        cache.put(file, fresh);
        return fresh;
    }

    private Parsed parseText(Path file, String text, String sha, ParserConfiguration config) {
        ParseResult<CompilationUnit> result = new JavaParser(config).parse(text);
        if (!result.isSuccessful() || result.getResult().isEmpty()) {
            Optional<Problem> first = result.getProblems().stream().findFirst();
            Optional<Range> at = first.flatMap(Problem::getLocation).flatMap(TokenRange::toRange);
            int line = at.map(r -> r.begin.line).orElse(0);
            int column = at.map(r -> r.begin.column).orElse(0);
            String what = first.map(Problem::getMessage).orElse("unknown parser error");
            GenomeProblem problem = new GenomeProblem(GenomeProblem.Kind.UNPARSEABLE_FILE, file.toString(), line,
                    column, what.strip() + " — fix the file or remove it from the source roots");
            cache.remove(file);
            problems.put(file, problem);
            throw new GenomeParseException("cannot parse " + problem);
        }
        problems.remove(file);
        return new Parsed(sha, text, result.getResult().get());
    }

    private String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            GenomeProblem problem = new GenomeProblem(GenomeProblem.Kind.UNREADABLE_PATH, file.toString(), 0, 0,
                    "cannot read source file (" + e + "): fix its permissions or encoding (UTF-8 expected)");
            problems.put(file, problem);
            throw new OuroborosException(problem.toString(), e);
        }
    }

    private static String topLevel(String className) {
        int dollar = className.indexOf('$');
        return dollar < 0 ? className : className.substring(0, dollar);
    }

    private record Parsed(String sha256, String text, CompilationUnit unit) {
    }
}
