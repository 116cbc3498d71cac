package dev.ouroboros.mutation.strategy;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ast.CompilationUnit;
import dev.ouroboros.genome.GenomeChecksum;
import dev.ouroboros.genome.GenomeRegion;
import dev.ouroboros.genome.OuroborosException;
import dev.ouroboros.genome.SourceGenome;
import dev.ouroboros.mutation.MutationCandidate;
import dev.ouroboros.mutation.MutationSeverity;
import dev.ouroboros.mutation.OperatorKind;
import dev.ouroboros.mutation.UnifiedDiff;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Several edits applied together, atomically, to one or more regions (of one or more compilation
 * units): either every edit applies, no two touch the same text, and every changed unit still parses
 * and still declares every edited region — then there is one candidate per changed unit — or the
 * batch is rejected as a whole with the reason, and nothing is produced.
 *
 * <p>Each edit is made on a fresh parse of the original unit, exactly as a single-edit candidate would
 * be; the smallest replaced span of each is then spliced into the original. Edits whose footprints
 * leave no character between them (or overlap) are incompatible: their combination has no single
 * meaning. A footprint is every place the edit's text change could be read at — deleting the first
 * of two equal statements reads just as well as deleting the second, so it covers both.
 * The combined candidate's operator reads {@code op@point+op@point...}, its kind is
 * semantics-preserving only when every edit's is, its severity the highest of the edits', its region,
 * seed and point those of the unit's first edit.
 */
public final class MutationBatch {

    private static final int CONTEXT_LINES = 3;

    private final List<BatchEdit> edits;
    private final List<MutationCandidate> made;

    private MutationBatch(List<BatchEdit> edits, List<MutationCandidate> made) {
        this.edits = edits;
        this.made = made;
    }

    /**
     * Creates a batch of operator edits, applied in the given order of listing.
     *
     * @throws IllegalArgumentException when the list is empty
     */
    public static MutationBatch of(List<BatchEdit> edits) {
        Objects.requireNonNull(edits, "edits must not be null");
        if (edits.isEmpty()) {
            throw new IllegalArgumentException("a batch needs at least one edit, was " + edits);
        }
        edits.forEach(e -> Objects.requireNonNull(e, "edits must not contain null"));
        return new MutationBatch(List.copyOf(edits), List.of());
    }

    /**
     * Creates a batch of edits already made as candidates (for example earlier winners): each
     * candidate's change from its original text is one edit. Its original must still be the unit's
     * current source when the batch is applied.
     *
     * @throws IllegalArgumentException when the list is empty
     */
    public static MutationBatch ofCandidates(List<MutationCandidate> candidates) {
        Objects.requireNonNull(candidates, "candidates must not be null");
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("a batch needs at least one edit, was " + candidates);
        }
        candidates.forEach(c -> Objects.requireNonNull(c, "candidates must not contain null"));
        return new MutationBatch(List.of(), List.copyOf(candidates));
    }

    /** Returns the number of edits in the batch. */
    public int size() {
        return edits.size() + made.size();
    }

    /**
     * Applies every edit to the genome's current sources, all or nothing.
     *
     * @return the candidates, one per changed unit, or the rejection with its reason; never null
     */
    public BatchResult apply(SourceGenome genome) {
        Objects.requireNonNull(genome, "genome must not be null");
        List<Change> changes = new ArrayList<>();
        for (int i = 0; i < edits.size(); i++) {
            BatchEdit edit = edits.get(i);
            String className = edit.region().topLevelClassName();
            String original;
            try {
                original = genome.sourceText(className);
            } catch (OuroborosException e) {
                return BatchResult.rejected("edit " + (i + 1) + ": " + e.getMessage());
            }
            EditApplier.Applied applied = EditApplier.apply(genome, original, edit);
            if (applied.text() == null) {
                return BatchResult.rejected("edit " + (i + 1) + ": " + applied.reason());
            }
            changes.add(new Change(className, edit.region().id(), edit.operator().name() + "@" + edit.point(),
                    edit.operator().kind(), edit.operator().severity(), edit.seed(), edit.point(), original,
                    TextChange.between(original, applied.text()), true,
                    EditApplier.candidateId(edit.region().id(), edit.operator().name(), edit.point(), edit.seed())));
        }
        for (int i = 0; i < made.size(); i++) {
            MutationCandidate c = made.get(i);
            String current;
            try {
                current = genome.sourceText(c.className());
            } catch (OuroborosException e) {
                return BatchResult.rejected("edit " + (edits.size() + i + 1) + ": " + e.getMessage());
            }
            if (!current.equals(c.originalSource())) {
                return BatchResult.rejected("edit " + (edits.size() + i + 1) + " (candidate " + c.id()
                        + ") was made from another text of " + c.className() + " than its current source");
            }
            changes.add(new Change(c.className(), c.regionId(), c.operator() + "@" + c.point(), c.kind(),
                    c.severity(), c.seed(), c.point(), current, TextChange.between(current, c.mutatedSource()),
                    c.lexicallyPreserved(), c.id()));
        }
        Map<String, List<Change>> byUnit = new LinkedHashMap<>();
        changes.forEach(c -> byUnit.computeIfAbsent(c.className(), k -> new ArrayList<>()).add(c));
        List<MutationCandidate> out = new ArrayList<>();
        for (List<Change> unit : byUnit.values()) {
            Optional<String> reason = combine(genome, unit, out);
            if (reason.isPresent()) {
                return BatchResult.rejected(reason.get());
            }
        }
        return BatchResult.applied(out);
    }

    private static Optional<String> combine(SourceGenome genome, List<Change> unit, List<MutationCandidate> out) {
        String original = unit.get(0).original();
        for (int i = 0; i < unit.size(); i++) {
            for (int j = i + 1; j < unit.size(); j++) {
                if (!unit.get(i).change().apartFrom(unit.get(j).change())) {
                    return Optional.of("edits " + unit.get(i).label() + " and " + unit.get(j).label() + " in "
                            + unit.get(i).className() + " touch the same text (line "
                            + unit.get(j).change().firstLine(original) + ")");
                }
            }
        }
        List<Change> byStart = new ArrayList<>(unit);
        byStart.sort(Comparator.comparingInt((Change c) -> c.change().start()).reversed());
        StringBuilder text = new StringBuilder(original);
        for (Change c : byStart) {
            text.replace(c.change().start(), c.change().end(), c.change().replacement());
        }
        String merged = text.toString();
        ParseResult<CompilationUnit> parsed = new JavaParser(genome.parserConfiguration()).parse(merged);
        if (!parsed.isSuccessful() || parsed.getResult().isEmpty()) {
            return Optional.of("the combined edits of " + unit.get(0).className() + " do not parse: "
                    + parsed.getProblems().stream().findFirst().map(p -> p.getVerboseMessage()).orElse("unknown"));
        }
        for (Change c : unit) {
            Optional<GenomeRegion> region = genome.region(c.regionId());
            if (region.isEmpty() || region.get().locate(parsed.getResult().get()).isEmpty()) {
                return Optional.of("region " + c.regionId() + " is not declared after the combined edits");
            }
        }
        if (merged.equals(original)) {
            return Optional.of("the combined edits of " + unit.get(0).className() + " change nothing");
        }
        Change first = unit.get(0);
        Path file = genome.sourceFile(first.className()).orElseThrow();
        String path = EditApplier.relativePath(genome, file);
        boolean preserving = unit.stream().allMatch(c -> c.kind() == OperatorKind.SEMANTICS_PRESERVING);
        MutationSeverity severity = unit.stream().map(Change::severity).max(Comparator.naturalOrder()).orElseThrow();
        String id = GenomeChecksum.sha256(String.join("\n", unit.stream().map(Change::id).toList())).substring(0, 16);
        out.add(new MutationCandidate(id, String.join("+", unit.stream().map(Change::label).toList()),
                preserving ? OperatorKind.SEMANTICS_PRESERVING : OperatorKind.EXPLORATORY, severity, first.regionId(),
                first.className(), first.seed(), first.point(), original, merged,
                UnifiedDiff.between(original, merged, "a/" + path, "b/" + path, CONTEXT_LINES),
                unit.stream().allMatch(Change::lexical)));
        return Optional.empty();
    }

    private record Change(String className, String regionId, String label, OperatorKind kind,
            MutationSeverity severity, long seed, int point, String original, TextChange change, boolean lexical,
            String id) {
    }
}
