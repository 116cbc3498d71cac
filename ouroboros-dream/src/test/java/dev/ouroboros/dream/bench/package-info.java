/**
 * The dream module's benchmark, run by {@code scripts/bench-dream} and not by the unit tests: the monitor's CPU
 * cost at the default period, and the time from real load to a session's cancellation signal.
 */
package dev.ouroboros.dream.bench;
