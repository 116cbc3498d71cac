/**
 * The built-in mutation operators and the machinery behind the mutation API: each operator is one
 * small class that finds its points in a region body and rewrites one of them in place. The line
 * diff behind {@link dev.ouroboros.mutation.UnifiedDiff} and the mutator's member-splicing fast path
 * live here too. Nothing here is API:
 * other modules reach these classes only through {@link dev.ouroboros.mutation.MutationOperator}.
 */
package dev.ouroboros.mutation.internal;
