package dev.ouroboros.mutation.strategy;

import dev.ouroboros.genome.GenomeRegion;
import dev.ouroboros.mutation.MutationOperator;
import java.util.Objects;

/**
 * One single edit of a batch: point {@code point} of {@code operator} in {@code region}, with the
 * random choices a mutator seeded with {@code seed} would make there. Points are numbered on the
 * region's current source, as {@link dev.ouroboros.mutation.MutationCandidate#point()} is.
 *
 * @param region   the region to edit, never null
 * @param operator the operator that makes the edit, never null
 * @param point    the operator's point in the region (0-based)
 * @param seed     the mutator seed the edit's random choices derive from
 */
public record BatchEdit(GenomeRegion region, MutationOperator operator, int point, long seed) {

    /** Validates the edit. */
    public BatchEdit {
        Objects.requireNonNull(region, "region must not be null");
        Objects.requireNonNull(operator, "operator must not be null");
        if (point < 0) {
            throw new IllegalArgumentException("point must not be negative, was " + point);
        }
    }
}
