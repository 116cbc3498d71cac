package dev.ouroboros.mutation;

import java.util.Objects;

/**
 * One proposed rewrite of a region: the whole new compilation-unit text plus what made it.
 *
 * <p>A candidate is replayable: the same genome text, {@code regionId}, {@code operator},
 * {@code point} and {@code seed} give the same {@code mutatedSource}. The {@code diff} applied to
 * {@code originalSource} yields exactly {@code mutatedSource}.
 *
 * @param id                 deterministic short hex hash of region, operator, point and seed; never blank
 * @param operator           the operator's kebab-case name, never blank
 * @param kind               the operator's kind, never null
 * @param severity           the operator's severity, never null
 * @param regionId           the stable id of the mutated region, never blank
 * @param className          the top-level class of the compilation unit, never blank
 * @param seed               the mutator seed this candidate was produced with
 * @param point              which of the operator's points in the region was rewritten (0-based)
 * @param originalSource     the compilation unit text the rewrite started from, never null
 * @param mutatedSource      the rewritten compilation unit text, never null, never equal to the original
 * @param diff               minimal unified diff from original to mutated source, never blank
 * @param lexicallyPreserved true when untouched code is byte-for-byte the original; false when the
 *                           unit had to be pretty-printed because lexical-preserving printing failed
 */
public record MutationCandidate(
        String id,
        String operator,
        OperatorKind kind,
        MutationSeverity severity,
        String regionId,
        String className,
        long seed,
        int point,
        String originalSource,
        String mutatedSource,
        String diff,
        boolean lexicallyPreserved) {

    /** Validates the candidate. */
    public MutationCandidate {
        requireText(id, "id");
        requireText(operator, "operator");
        Objects.requireNonNull(kind, "kind must not be null");
        Objects.requireNonNull(severity, "severity must not be null");
        requireText(regionId, "regionId");
        requireText(className, "className");
        if (point < 0) {
            throw new IllegalArgumentException("point must not be negative, was " + point);
        }
        Objects.requireNonNull(originalSource, "originalSource must not be null");
        Objects.requireNonNull(mutatedSource, "mutatedSource must not be null");
        if (originalSource.equals(mutatedSource)) {
            throw new IllegalArgumentException("a candidate must change the source; " + operator
                    + " at point " + point + " of " + regionId + " did not");
        }
        requireText(diff, "diff");
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank, was " + value);
        }
    }
}
