/**
 * The arena: where mutants prove themselves. It compiles candidate source in memory
 * ({@link dev.ouroboros.arena.InMemoryCompiler}), runs the user's tests against each candidate in a
 * throw-away worker JVM ({@link dev.ouroboros.arena.Sandbox}) and screens its speed against the
 * original measured in the same worker ({@link dev.ouroboros.arena.TimingComparison}). The host JVM
 * never executes a candidate's code.
 */
package dev.ouroboros.arena;
