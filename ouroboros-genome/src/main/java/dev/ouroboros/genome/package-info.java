/**
 * The genome: what Ouroboros knows about the program's source. {@link dev.ouroboros.genome.SourceGenome}
 * parses source roots into JavaParser compilation units and names every member body as a
 * {@link dev.ouroboros.genome.GenomeRegion} with a stable id; the hotspot tracker maps JFR samples onto
 * those regions. JavaParser types appear in this API on purpose: the mutation engine rewrites these
 * very ASTs, and a wrapper would only hide what it needs.
 */
package dev.ouroboros.genome;
