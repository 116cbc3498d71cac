/**
 * The mutation engine: turns a hot {@link dev.ouroboros.genome.GenomeRegion} into candidate
 * rewrites. {@link dev.ouroboros.mutation.Mutator} runs {@link dev.ouroboros.mutation.MutationOperator}s
 * over fresh parses of the region's compilation unit and hands out
 * {@link dev.ouroboros.mutation.MutationCandidate}s carrying the new unit text and a minimal
 * {@link dev.ouroboros.mutation.UnifiedDiff}, deterministically for a given seed.
 */
package dev.ouroboros.mutation;
