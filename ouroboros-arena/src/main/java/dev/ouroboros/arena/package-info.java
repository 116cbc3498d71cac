/**
 * The arena: where mutants prove themselves. It checks that a class's source is what the JVM runs
 * ({@link dev.ouroboros.arena.FidelityCheck}), compiles candidate source in memory
 * ({@link dev.ouroboros.arena.InMemoryCompiler}), runs the user's tests against each candidate in a
 * pool of worker JVMs that are replaced whenever a candidate misbehaves
 * ({@link dev.ouroboros.arena.Sandbox}), and decides with statistics whether it is faster than the
 * original measured in the same worker ({@link dev.ouroboros.arena.TimingComparison},
 * {@link dev.ouroboros.arena.SpeedTest}, {@link dev.ouroboros.arena.AcceptanceCriteria}). The host
 * JVM never executes a candidate's code.
 */
package dev.ouroboros.arena;
