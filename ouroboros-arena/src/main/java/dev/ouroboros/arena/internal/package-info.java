/**
 * Arena internals: the in-memory file manager behind the compiler, and the sandbox worker side
 * (its entry point, child-first class loaders, JUnit Platform runner and plain-text protocol).
 * Classes that run inside the worker JVM use only the JDK and the JUnit Platform Launcher, because
 * the worker's class path is the user's test class path plus the arena's own classes.
 */
package dev.ouroboros.arena.internal;
