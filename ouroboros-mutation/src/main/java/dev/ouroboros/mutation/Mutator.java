package dev.ouroboros.mutation;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.printer.lexicalpreservation.LexicalPreservingPrinter;
import dev.ouroboros.genome.GenomeChecksum;
import dev.ouroboros.genome.GenomeParseException;
import dev.ouroboros.genome.GenomeRegion;
import dev.ouroboros.genome.OuroborosException;
import dev.ouroboros.genome.SourceGenome;
import dev.ouroboros.mutation.internal.LineIndex;
import dev.ouroboros.mutation.internal.MemberSplice;
import dev.ouroboros.mutation.internal.StatementSplice;
import dev.ouroboros.mutation.internal.UnitCache;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns one region into candidate rewrites: step 4 of the evolution loop.
 *
 * <p>For each operator and each of its points in the region, the mutator applies that one edit and
 * writes the new unit text and its diff against the original. Fastest path first (see {@code
 * StatementSplice}): a copy of the region's member, taken once per call from a cached parse of the
 * unit, is edited in place under an observer; an edit that only rearranges whole statements (in
 * blocks and {@code case} groups, comments included), changes a binary or unary operator, or puts
 * other expressions into expression slots is written straight into the original text, any other
 * edit is printed lexically one statement at a time (the smallest statement holding the change), and
 * the copy is put back as it was. No parse
 * happens per candidate. When that path cannot vouch for its result, the edit is redone on a fresh
 * parse of the member (spliced back between its exact offsets), then on a fresh parse of the whole
 * unit, printed lexically, and pretty-printed if that throws or does not parse — then the candidate
 * says {@code lexicallyPreserved = false}. Either way untouched code stays byte-for-byte. A point
 * that still cannot be printed, whose operator throws, or whose text equals the original is skipped
 * and the reason logged at debug level.
 *
 * <p>Deterministic: the same source text, region, operators, seed and limit give the same candidates
 * in the same order. When the region has more points than {@code maxCandidates}, a seeded shuffle
 * chooses which ones are tried, and the result is still listed in operator order, then point order.
 * Each edit's {@link RandomGenerator} is seeded from the candidate id, itself a hash of region id,
 * operator name, point and seed. A mutator's configuration is immutable and it may be shared between
 * threads when its operators are stateless (the built-in ones are); operators must change nothing
 * outside the body they are given.
 *
 * <p>A mutator keeps the parses of the last few compilation units it worked on ({@link
 * Builder#parseCacheSize}), keyed by the SHA-256 of their exact text, so that many calls on the
 * regions of one file parse it once; a file that changed is parsed afresh. Calls on the same unit
 * take turns; calls on different units run in parallel.
 */
public final class Mutator {

    private static final Logger LOG = LoggerFactory.getLogger(Mutator.class);
    private static final int CONTEXT_LINES = 3;

    private final List<MutationOperator> operators;
    private final long seed;
    private final int maxCandidates;
    private final UnitCache units;
    private final boolean statementSplice;
    private final boolean expressionText;
    private final OperatorClock clock;

    private Mutator(Builder builder) {
        this.statementSplice = builder.statementSplice;
        this.expressionText = builder.expressionText;
        this.clock = builder.timeOperators ? new OperatorClock() : null;
        this.operators = builder.operators;
        this.seed = builder.seed;
        this.maxCandidates = builder.maxCandidates;
        this.units = new UnitCache(builder.parseCacheSize);
    }

    /** Returns a builder: built-in operators, seed 0, at most 50 candidates per call, 8 cached parses. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns the operators, in the order candidates are listed. */
    public List<MutationOperator> operators() {
        return operators;
    }

    /** Returns the seed every random choice derives from. */
    public long seed() {
        return seed;
    }

    /** Returns the most candidates one call to {@link #mutate} returns. */
    public int maxCandidates() {
        return maxCandidates;
    }

    /** Returns how many compilation-unit parses this mutator keeps between calls (0: none). */
    public int parseCacheSize() {
        return units.capacity();
    }

    /** Returns the time spent per operator so far (empty unless the builder turned the clock on). */
    java.util.Map<String, OperatorClock.Time> operatorTimes() {
        return clock == null ? java.util.Map.of() : clock.times();
    }

    /** Returns, per operator, how many candidates took each way of making their text (empty unless timed). */
    java.util.Map<String, String> operatorRoutes() {
        return clock == null ? java.util.Map.of() : clock.routes();
    }

    /** Returns how many whole-unit parses this mutator has made so far: a cache hit makes none. */
    long unitParses() {
        return units.parses();
    }

    /**
     * Produces the candidates for one region.
     *
     * @return candidates in operator order, then point order; empty when no operator applies; never null
     * @throws OuroborosException when the region is no longer in its source file (refresh the genome's
     *                            regions), or the source is missing or does not parse
     */
    public List<MutationCandidate> mutate(SourceGenome genome, GenomeRegion region) {
        Objects.requireNonNull(genome, "genome must not be null");
        Objects.requireNonNull(region, "region must not be null");
        String className = region.topLevelClassName();
        String original = genome.sourceText(className);
        Path file = genome.sourceFile(className).orElseThrow();
        String path = relativePath(genome, file);
        JavaParser parser = new JavaParser(genome.parserConfiguration());
        UnitCache.Entry entry = units.get(file, original, genome.parserConfiguration(),
                () -> parse(parser, original, file));
        // The member splice swaps members in and out of the shared parse: one caller at a time.
        synchronized (entry) {
            return mutate(parser, entry, region, file, path, original);
        }
    }

    /**
     * Produces the one candidate of {@code operator} at {@code point} of a region, exactly as {@link
     * #mutate(SourceGenome, GenomeRegion)} would list it with this mutator's seed: the way a batch or a
     * replay remakes one chosen edit.
     *
     * @return the candidate; empty when the point does not exist, the operator fails there, or the
     *         edit changes nothing (the reason is logged at debug level)
     * @throws OuroborosException as {@link #mutate(SourceGenome, GenomeRegion)}
     */
    public Optional<MutationCandidate> mutateAt(SourceGenome genome, GenomeRegion region, MutationOperator operator,
            int point) {
        Objects.requireNonNull(genome, "genome must not be null");
        Objects.requireNonNull(region, "region must not be null");
        Objects.requireNonNull(operator, "operator must not be null");
        String className = region.topLevelClassName();
        String original = genome.sourceText(className);
        Path file = genome.sourceFile(className).orElseThrow();
        JavaParser parser = new JavaParser(genome.parserConfiguration());
        UnitCache.Entry entry = units.get(file, original, genome.parserConfiguration(),
                () -> parse(parser, original, file));
        synchronized (entry) {
            BlockStmt probeBody = locate(region, entry.unit(), file);
            if (point < 0 || point >= operator.countPoints(probeBody)) {
                return Optional.empty();
            }
            Region where = region(parser, entry, region, file, relativePath(genome, file), original, probeBody);
            return candidate(parser, where, List.of(operator), new Point(0, point));
        }
    }

    private Region region(JavaParser parser, UnitCache.Entry entry, GenomeRegion region, Path file, String path,
            String original, BlockStmt probeBody) {
        LineIndex lines = entry.lines(original);
        return new Region(region, file, path, original, lines,
                statementSplice ? StatementSplice.of(original, lines, probeBody,
                        parser.getParserConfiguration().getLanguageLevel(), expressionText)
                        : Optional.empty(),
                MemberSplice.of(parser, original, lines, probeBody));
    }

    private List<MutationCandidate> mutate(JavaParser parser, UnitCache.Entry entry, GenomeRegion region, Path file,
            String path, String original) {
        CompilationUnit probe = entry.unit();
        BlockStmt probeBody = locate(region, probe, file);
        List<Point> points = new ArrayList<>();
        for (int op = 0; op < operators.size(); op++) {
            MutationOperator operator = operators.get(op);
            int count;
            long start = clock == null ? 0 : clock.now();
            try {
                count = operator.countPoints(probeBody);
                if (clock != null) {
                    clock.add(operator.name(), clock.now() - start, false);
                }
            } catch (RuntimeException e) {
                LOG.warn("operator {} failed to count its points in {}; skipping it", operator.name(), region.id(), e);
                continue;
            }
            for (int p = 0; p < count; p++) {
                points.add(new Point(op, p));
            }
        }
        if (points.size() > maxCandidates) {
            shuffle(points, new SplittableRandom(seed));
        }
        Region where = region(parser, entry, region, file, path, original, probeBody);
        List<Attempt> made = new ArrayList<>();
        for (Point point : points) {
            if (made.size() == maxCandidates) {
                break;
            }
            long start = clock == null ? 0 : clock.now();
            Optional<MutationCandidate> c = candidate(parser, where, operators, point);
            if (clock != null) {
                clock.add(operators.get(point.operator()).name(), clock.now() - start, c.isPresent());
            }
            c.ifPresent(m -> made.add(new Attempt(point, m)));
        }
        made.sort(Comparator.comparingInt((Attempt a) -> a.point().operator()).thenComparingInt(a -> a.point().index()));
        return made.stream().map(Attempt::candidate).toList();
    }

    private Optional<MutationCandidate> candidate(JavaParser parser, Region where, List<MutationOperator> operators,
            Point point) {
        GenomeRegion region = where.region();
        Path file = where.file();
        String path = where.path();
        String original = where.original();
        Optional<MemberSplice> splice = where.member();
        MutationOperator operator = operators.get(point.operator());
        String id = candidateId(region.id(), operator.name(), point.index(), seed);
        long randomSeed = Long.parseUnsignedLong(id, 16);
        String text = null;
        boolean lexical = true;
        OperatorClock.Route route = OperatorClock.Route.UNIT;
        int equalPrefix = 0;
        int equalSuffix = 0;
        try {
            // A helper class lies outside the member: only the whole-unit path below can write it.
            boolean memberOnly = !operator.addsHelperClass();
            if (memberOnly && where.statement().isPresent()) {
                // Fastest path: no parse, only the changed statement is printed (see StatementSplice).
                StatementSplice.Result r = where.statement().get()
                        .edit(body -> operator.apply(body, point.index(), new SplittableRandom(randomSeed)));
                if (r.outcome() == StatementSplice.Outcome.UNCHANGED) {
                    LOG.debug("skipped {} point {} in {}: the edit leaves the source unchanged", operator.name(),
                            point.index(), region.id());
                    return Optional.empty();
                }
                if (r.outcome() == StatementSplice.Outcome.SPLICED) {
                    text = r.text();
                    route = r.printed() ? OperatorClock.Route.PRINTED_STATEMENT : OperatorClock.Route.TEXT;
                    equalPrefix = r.from();
                    equalSuffix = original.length() - r.oldEnd();
                }
            }
            if (text == null && memberOnly && splice.isPresent()) {
                text = splice.get().edit(body -> operator.apply(body, point.index(), new SplittableRandom(randomSeed)))
                        .orElse(null);
                route = OperatorClock.Route.MEMBER;
            }
        } catch (RuntimeException e) {
            LOG.debug("skipped {} point {} in {}: the operator failed: {}", operator.name(), point.index(),
                    region.id(), e.toString());
            return Optional.empty();
        }
        if (text == null) {
            // Slow path: a fresh parse of the whole unit, lexical-preserving print, pretty print if that fails.
            CompilationUnit unit = LexicalPreservingPrinter.setup(parse(parser, original, file));
            BlockStmt body = locate(region, unit, file);
            try {
                operator.apply(body, point.index(), new SplittableRandom(randomSeed));
            } catch (RuntimeException e) {
                LOG.debug("skipped {} point {} in {}: the operator failed: {}", operator.name(), point.index(),
                        region.id(), e.toString());
                return Optional.empty();
            }
            route = OperatorClock.Route.UNIT;
            text = print(parser, unit, operator, point, region);
            lexical = text != null;
            text = lexical ? text : prettyPrint(parser, unit, operator, point, region);
            if (text == null) {
                return Optional.empty();
            }
        }
        if (text.equals(original)) {
            LOG.debug("skipped {} point {} in {}: the edit leaves the source unchanged", operator.name(),
                    point.index(), region.id());
            return Optional.empty();
        }
        if (clock != null) {
            clock.route(operator.name(), route);
        }
        String diff = UnifiedDiff.between(original, text, "a/" + path, "b/" + path, CONTEXT_LINES, equalPrefix,
                equalSuffix, where.lines());
        return Optional.of(new MutationCandidate(id, operator.name(), operator.kind(), operator.severity(),
                region.id(), region.topLevelClassName(), seed, point.index(), original, text, diff, lexical));
    }

    /** Lexical-preserving print of the unit, or null when it throws or does not parse. */
    private static String print(JavaParser parser, CompilationUnit unit, MutationOperator operator, Point point,
            GenomeRegion region) {
        String text = null;
        try {
            text = LexicalPreservingPrinter.print(unit);
            if (!parses(parser, text)) {
                LOG.debug("{} point {} in {}: lexical-preserving print does not parse; pretty-printing instead",
                        operator.name(), point.index(), region.id());
                text = null;
            }
        } catch (RuntimeException e) {
            LOG.debug("{} point {} in {}: lexical-preserving print failed ({}); pretty-printing instead",
                    operator.name(), point.index(), region.id(), e.toString());
        }
        return text;
    }

    /** Pretty print of the unit, or null (logged) when that throws or does not parse either. */
    private static String prettyPrint(JavaParser parser, CompilationUnit unit, MutationOperator operator, Point point,
            GenomeRegion region) {
        String text;
        try {
            text = unit.toString();
        } catch (RuntimeException e) {
            LOG.debug("skipped {} point {} in {}: the mutated unit cannot be printed: {}", operator.name(),
                    point.index(), region.id(), e.toString());
            return null;
        }
        if (!parses(parser, text)) {
            LOG.debug("skipped {} point {} in {}: the printed mutant does not parse", operator.name(),
                    point.index(), region.id());
            return null;
        }
        return text;
    }

    /** Returns the candidate id: the first 16 hex digits of SHA-256 over region, operator, point and seed. */
    static String candidateId(String regionId, String operator, int point, long seed) {
        return GenomeChecksum.sha256(regionId + '\n' + operator + '\n' + point + '\n' + seed).substring(0, 16);
    }

    private static void shuffle(List<Point> points, RandomGenerator random) {
        for (int i = points.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            points.set(i, points.set(j, points.get(i)));
        }
    }

    private static CompilationUnit parse(JavaParser parser, String text, Path file) {
        ParseResult<CompilationUnit> result = parser.parse(text);
        if (!result.isSuccessful() || result.getResult().isEmpty()) {
            throw new GenomeParseException("cannot parse " + file + ": " + result.getProblems()
                    + " — fix the file or remove it from the source roots");
        }
        return result.getResult().get();
    }

    private static boolean parses(JavaParser parser, String text) {
        return parser.parse(text).isSuccessful();
    }

    private static BlockStmt locate(GenomeRegion region, CompilationUnit unit, Path file) {
        return region.locate(unit).orElseThrow(() -> new OuroborosException("region " + region.id()
                + " is no longer declared in " + file + ": the source changed since the region was listed;"
                + " ask the genome for the class's regions again"));
    }

    private static String relativePath(SourceGenome genome, Path file) {
        for (Path root : genome.roots()) {
            if (file.startsWith(root)) {
                return root.relativize(file).toString().replace('\\', '/');
            }
        }
        return file.getFileName().toString();
    }

    private record Point(int operator, int index) {
    }

    /** One region being mutated and the ways of editing it, fastest first. */
    private record Region(GenomeRegion region, Path file, String path, String original, LineIndex lines,
            Optional<StatementSplice> statement, Optional<MemberSplice> member) {
    }

    private record Attempt(Point point, MutationCandidate candidate) {
    }

    /** Configures a {@link Mutator}; not thread-safe, {@link #build()} returns an immutable mutator. */
    public static final class Builder {

        private List<MutationOperator> operators = MutationOperator.builtIns();
        private long seed;
        private int maxCandidates = 50;
        private int parseCacheSize = 8;
        private boolean statementSplice = true;
        private boolean expressionText = true;
        private boolean timeOperators;

        private Builder() {
        }

        /**
         * Turns the parse-free statement splice off, leaving the per-candidate member parse: the
         * previous path, kept for the benchmark's in-run baseline.
         */
        Builder statementSplice(boolean on) {
            this.statementSplice = on;
            return this;
        }

        /**
         * Turns off writing expression-slot edits (condition negation, operand swaps) as text, leaving
         * the lexical print of their statement: the previous path, kept for the benchmark's in-run
         * baseline and for the test that both paths give the same candidates.
         */
        Builder expressionText(boolean on) {
            this.expressionText = on;
            return this;
        }

        /** Turns on the per-operator clock the benchmark reads ({@link Mutator#operatorTimes()}); off by default. */
        Builder timeOperators(boolean on) {
            this.timeOperators = on;
            return this;
        }

        /** Sets the operators, in the order their candidates are listed; names must be unique. */
        public Builder operators(List<MutationOperator> operators) {
            Objects.requireNonNull(operators, "operators must not be null");
            Set<String> names = new HashSet<>();
            for (MutationOperator op : operators) {
                Objects.requireNonNull(op, "operators must not contain null");
                if (!names.add(op.name())) {
                    throw new IllegalArgumentException("operator names must be unique, '" + op.name()
                            + "' appears twice in " + operators.stream().map(MutationOperator::name).toList());
                }
            }
            this.operators = List.copyOf(operators);
            return this;
        }

        /** Sets the seed every random choice derives from; default 0. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Sets the most candidates one call returns; default 50; must be positive. */
        public Builder maxCandidates(int maxCandidates) {
            if (maxCandidates <= 0) {
                throw new IllegalArgumentException("maxCandidates must be positive, was " + maxCandidates);
            }
            this.maxCandidates = maxCandidates;
            return this;
        }

        /**
         * Sets how many compilation-unit parses the mutator keeps between calls, least recently used
         * out first; default 8; 0 disables the cache. A parse is found again only for exactly the
         * same text (SHA-256), so a file that changed is always parsed afresh.
         */
        public Builder parseCacheSize(int parseCacheSize) {
            if (parseCacheSize < 0) {
                throw new IllegalArgumentException("parseCacheSize must not be negative, was " + parseCacheSize);
            }
            this.parseCacheSize = parseCacheSize;
            return this;
        }

        /** Returns the configured mutator. */
        public Mutator build() {
            return new Mutator(this);
        }
    }
}
