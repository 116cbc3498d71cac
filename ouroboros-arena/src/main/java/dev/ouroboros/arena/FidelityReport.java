package dev.ouroboros.arena;

import java.util.Objects;

/**
 * What the fidelity gate found when it compared the class the JVM runs with the class compiled from
 * its source.
 *
 * @param className the binary name of the compared class ({@code pkg.Foo}); never blank
 * @param matches   true when schema and every method body are the same
 * @param member    the first differing member ({@code field count}, {@code method join(I)Ljava/lang/String;},
 *                  or {@code class} for the class itself); empty when they match; never null
 * @param detail    what differs in that member, e.g. the first differing instruction; empty when they match
 */
public record FidelityReport(String className, boolean matches, String member, String detail) {

    /** Validates: a match names no member; a mismatch names one. */
    public FidelityReport {
        if (className == null || className.isBlank()) {
            throw new IllegalArgumentException("className must not be blank, was '" + className + "'");
        }
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(detail, "detail");
        if (matches != member.isEmpty()) {
            throw new IllegalArgumentException("a match names no member and a mismatch names one, was matches="
                    + matches + " with member '" + member + "'");
        }
    }

    /** One line for a log or an error: {@code pkg.Foo matches its source} or {@code pkg.Foo differs from its source in ...}. */
    public String describe() {
        return matches ? className + " matches its source"
                : className + " differs from its source in " + member + (detail.isEmpty() ? "" : ": " + detail);
    }
}
