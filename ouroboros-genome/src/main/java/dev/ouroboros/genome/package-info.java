/**
 * The genome: what Ouroboros knows about the program's source. {@link dev.ouroboros.genome.SourceGenome}
 * parses source roots into JavaParser compilation units and names every member body as a
 * {@link dev.ouroboros.genome.GenomeRegion} with a stable id and its
 * {@link dev.ouroboros.genome.MutationPoint mutation points}; {@link dev.ouroboros.genome.DependencyGraph}
 * says which classes use which and which regions call which; the
 * {@link dev.ouroboros.genome.HotspotTracker} maps JFR samples onto regions and lines. Bad input is
 * reported as {@link dev.ouroboros.genome.GenomeProblem}s, not thrown.
 *
 * <p>JavaParser types ({@code CompilationUnit}, {@code Node}) appear in this API on purpose, and there
 * is no {@code AstNode} wrapper: the mutation engine rewrites these very ASTs, and a wrapper would only
 * hide what it needs. JGraphT, in contrast, stays inside: graph queries answer with sets of id strings.
 */
package dev.ouroboros.genome;
