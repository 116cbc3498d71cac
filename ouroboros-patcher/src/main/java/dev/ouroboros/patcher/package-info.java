/**
 * The live patcher: the only part of Ouroboros that touches the running program. It checks a
 * replacement class file against the bytes the JVM runs ({@link dev.ouroboros.patcher.PreflightCheck}),
 * swaps whole {@link dev.ouroboros.patcher.PatchBundle}s in one atomic {@code redefineClasses} call
 * ({@link dev.ouroboros.patcher.LivePatcher}) and keeps every version's bytes so that any swap can be undone.
 */
package dev.ouroboros.patcher;
