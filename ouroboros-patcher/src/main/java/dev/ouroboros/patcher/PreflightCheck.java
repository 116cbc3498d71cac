package dev.ouroboros.patcher;

import java.util.Objects;

/**
 * Decides from bytes alone whether {@code redefineClasses} can replace one class file with another.
 *
 * <p>Pure and cheap: it needs no {@code Instrumentation}, so the arena runs it right after compiling a
 * mutant, long before any swap, and {@link LivePatcher} runs it again against the bytes the JVM runs
 * just before the swap. Debug attributes (lines, local names, source file) and method bodies are
 * ignored; see {@link PreflightRule} for what is checked.
 */
public final class PreflightCheck {

    private PreflightCheck() {
    }

    /**
     * Compares the schema of two class files.
     *
     * @param oldBytes the class file that runs now, never empty
     * @param newBytes the class file that would replace it, never empty
     * @return the report, never null; unreadable bytes give a {@code class-file-unreadable} violation
     */
    public static PreflightReport check(byte[] oldBytes, byte[] newBytes) {
        Objects.requireNonNull(oldBytes, "oldBytes must not be null");
        Objects.requireNonNull(newBytes, "newBytes must not be null");
        if (oldBytes.length == 0) {
            throw new IllegalArgumentException("oldBytes must not be empty");
        }
        if (newBytes.length == 0) {
            throw new IllegalArgumentException("newBytes must not be empty");
        }
        return SchemaComparison.compare(oldBytes, newBytes);
    }
}
