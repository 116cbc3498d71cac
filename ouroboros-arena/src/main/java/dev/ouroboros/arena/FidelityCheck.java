package dev.ouroboros.arena;

import dev.ouroboros.arena.internal.ClassComparison;
import dev.ouroboros.patcher.ClassFingerprint;
import dev.ouroboros.patcher.PreflightCheck;
import dev.ouroboros.patcher.PreflightReport;
import dev.ouroboros.patcher.PreflightViolation;
import java.util.Objects;

/**
 * The fidelity gate: does the unmodified source compile to what the JVM runs? A class whose source
 * is stale is never mutated, because patching it would silently revert the changes that run.
 *
 * <p>The JVM does not keep class files; the bytes it hands back (for instance to a retransforming
 * agent) are rebuilt: the constant pool is reordered, methods may come in another order and debug
 * and invisible attributes may be gone. So the gate compares meaning, not bytes: the schema (through
 * the patcher's {@link PreflightCheck}: hierarchy, modifiers, fields, methods, signatures, nest
 * attributes) and then every method body as a normalized instruction list — labels become
 * instruction positions, line numbers, local-variable tables, stack-map frames and
 * {@code MethodParameters} (Maven compiles with {@code -parameters}, the in-memory compiler does
 * not) are ignored, constants are compared by value, never by constant-pool index. Identical
 * {@link ClassFingerprint}s short-cut the comparison.
 */
public final class FidelityCheck {

    private FidelityCheck() {
    }

    /**
     * Compares the class the JVM runs with the class compiled from its unmodified source.
     *
     * @param loadedBytes        the bytes the JVM runs (e.g. captured through a retransform); not empty
     * @param compiledFromSource the same class compiled from source in memory; not empty
     * @return the report naming the first differing member, never null
     * @throws IllegalArgumentException when either is not a readable class file
     */
    public static FidelityReport compare(byte[] loadedBytes, byte[] compiledFromSource) {
        Objects.requireNonNull(loadedBytes, "loadedBytes");
        Objects.requireNonNull(compiledFromSource, "compiledFromSource");
        if (loadedBytes.length == 0 || compiledFromSource.length == 0) {
            throw new IllegalArgumentException("class bytes must not be empty, were " + loadedBytes.length + " and "
                    + compiledFromSource.length + " bytes");
        }
        String className = ClassComparison.binaryName(loadedBytes);
        if (ClassFingerprint.of(loadedBytes).equals(ClassFingerprint.of(compiledFromSource))) {
            return new FidelityReport(className, true, "", "");
        }
        PreflightReport schema = PreflightCheck.check(loadedBytes, compiledFromSource);
        if (!schema.redefinable()) {
            PreflightViolation first = schema.violations().get(0);
            return new FidelityReport(className, false, first.member(),
                    first.message());
        }
        ClassComparison.Difference d = ClassComparison.firstDifference(loadedBytes, compiledFromSource);
        return d == null ? new FidelityReport(className, true, "", "")
                : new FidelityReport(className, false, d.member(), d.detail());
    }
}
