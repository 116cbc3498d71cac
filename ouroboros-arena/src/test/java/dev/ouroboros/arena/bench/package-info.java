/**
 * The arena's benchmark ({@code scripts/bench arena}): cascade throughput with a warm worker pool,
 * and the A/A and known-speed-up checks of the statistical decision. Main classes only; not part of
 * the unit-test run.
 */
package dev.ouroboros.arena.bench;
