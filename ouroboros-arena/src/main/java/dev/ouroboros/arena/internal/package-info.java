/**
 * Arena internals: the in-memory file manager behind the compiler, the fidelity gate's instruction
 * comparison, and the sandbox on both sides of its line protocol — the host's worker pool, worker
 * process handles and result-cache keys, and the worker's entry point, watchdog, output capture,
 * child-first class loaders and JUnit Platform runner. Classes that run inside a worker JVM use only
 * the JDK and the JUnit Platform Launcher, because the worker's class path is the user's test class
 * path plus the arena's own classes.
 */
package dev.ouroboros.arena.internal;
