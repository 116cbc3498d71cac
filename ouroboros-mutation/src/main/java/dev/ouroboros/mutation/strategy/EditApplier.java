package dev.ouroboros.mutation.strategy;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.printer.lexicalpreservation.LexicalPreservingPrinter;
import dev.ouroboros.genome.GenomeChecksum;
import dev.ouroboros.genome.GenomeRegion;
import dev.ouroboros.genome.SourceGenome;
import dev.ouroboros.mutation.MutationCandidate;
import dev.ouroboros.mutation.Mutator;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Makes one chosen edit through {@link Mutator#mutateAt} with the edit's seed, so the text equals the
 * mutator's candidate for that operator, point and seed; when the mutator makes no candidate, redoes
 * the edit on a fresh parse of the whole unit to say why.
 */
final class EditApplier {

    private EditApplier() {
    }

    /** The unit text after the edit, or the reason it could not be made. */
    record Applied(String text, String reason) {
    }

    /** Returns the mutator's candidate id for an edit: 16 hex digits of SHA-256 over region, operator, point, seed. */
    static String candidateId(String regionId, String operator, int point, long seed) {
        return GenomeChecksum.sha256(regionId + '\n' + operator + '\n' + point + '\n' + seed).substring(0, 16);
    }

    static Applied apply(SourceGenome genome, String original, BatchEdit edit) {
        GenomeRegion region = edit.region();
        String name = edit.operator().name();
        JavaParser parser = new JavaParser(genome.parserConfiguration());
        ParseResult<CompilationUnit> parsed = parser.parse(original);
        if (!parsed.isSuccessful() || parsed.getResult().isEmpty()) {
            return new Applied(null, "the source of " + region.topLevelClassName() + " does not parse");
        }
        CompilationUnit unit = LexicalPreservingPrinter.setup(parsed.getResult().get());
        Optional<BlockStmt> body = region.locate(unit);
        if (body.isEmpty()) {
            return new Applied(null, "region " + region.id() + " is no longer in its source; list the regions again");
        }
        int points;
        try {
            points = edit.operator().countPoints(body.get());
        } catch (RuntimeException e) {
            return new Applied(null, name + " failed to count its points in " + region.id() + ": " + e);
        }
        if (edit.point() >= points) {
            return new Applied(null, name + " has " + points + " points in " + region.id() + ", point "
                    + edit.point() + " does not exist");
        }
        // The mutator's own path, so that a batch of one edit is byte for byte the mutator's candidate.
        Optional<MutationCandidate> made = Mutator.builder().operators(List.of(edit.operator())).seed(edit.seed())
                .parseCacheSize(0).build().mutateAt(genome, region, edit.operator(), edit.point());
        if (made.isPresent()) {
            return new Applied(made.get().mutatedSource(), "");
        }
        // No candidate: redo the edit here to name the reason.
        long randomSeed = Long.parseUnsignedLong(candidateId(region.id(), name, edit.point(), edit.seed()), 16);
        String text;
        try {
            edit.operator().apply(body.get(), edit.point(), new SplittableRandom(randomSeed));
            text = LexicalPreservingPrinter.print(unit);
        } catch (RuntimeException e) {
            return new Applied(null, name + " point " + edit.point() + " in " + region.id() + " failed: " + e);
        }
        if (text.equals(original)) {
            return new Applied(null, name + " point " + edit.point() + " in " + region.id() + " changes nothing");
        }
        return new Applied(text, "");
    }

    /** Returns the file's path below its source root, with {@code /}, as the mutator writes it in diffs. */
    static String relativePath(SourceGenome genome, Path file) {
        for (Path root : genome.roots()) {
            if (file.startsWith(root)) {
                return root.relativize(file).toString().replace('\\', '/');
            }
        }
        return file.getFileName().toString();
    }
}
