package dev.ouroboros.genome;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ParserConfiguration.LanguageLevel;
import com.github.javaparser.Problem;
import com.github.javaparser.ast.CompilationUnit;
import dev.ouroboros.genome.internal.RegionLocator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 */
public final class SourceGenome {

    private final List<Path> roots;
    private final ParserConfiguration configuration;
    private final Map<Path, Parsed> cache = new ConcurrentHashMap<>();

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
        return parseText(file, text, GenomeChecksum.sha256(text)).unit();
    }

    /**
     * Lists the regions (method, constructor and initializer bodies) of every named type in the
     * class's compilation unit.
     */
    public List<GenomeRegion> regions(String className) {
        Path file = requireFile(className);
        return RegionLocator.regions(cached(file).unit(), file);
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

    private Path requireFile(String className) {
        return sourceFile(className).orElseThrow(() -> new SourceNotFoundException("no source for class " + className
                + " under " + roots + ": add the directory that holds "
                + topLevel(className).replace('.', '/') + ".java to the source roots"));
    }

    private Parsed cached(Path file) {
        String text = read(file);
        String sha = GenomeChecksum.sha256(text);
        return cache.compute(file, (f, old) -> old != null && old.sha256().equals(sha) ? old : parseText(f, text, sha));
    }

    private Parsed parseText(Path file, String text, String sha) {
        ParseResult<CompilationUnit> result = new JavaParser(configuration).parse(text);
        if (!result.isSuccessful() || result.getResult().isEmpty()) {
            String problem = result.getProblems().stream().findFirst().map(Problem::getVerboseMessage)
                    .orElse("unknown parser error");
            throw new GenomeParseException("cannot parse " + file + ": " + problem
                    + " — fix the file or remove it from the source roots");
        }
        return new Parsed(sha, result.getResult().get());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read source file " + file, e);
        }
    }

    private static String topLevel(String className) {
        int dollar = className.indexOf('$');
        return dollar < 0 ? className : className.substring(0, dollar);
    }

    private record Parsed(String sha256, CompilationUnit unit) {
    }
}
