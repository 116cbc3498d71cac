/**
 * Implementation details of the genome: region naming and lookup, mutation point listing, source
 * scanning, symbol-solver call graph construction and sample aggregation. Other modules must not use
 * these types; they may change without notice.
 */
package dev.ouroboros.genome.internal;
