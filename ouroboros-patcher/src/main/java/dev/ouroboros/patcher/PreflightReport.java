package dev.ouroboros.patcher;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The outcome of a {@link PreflightCheck}: the class and every rule the new class file breaks.
 *
 * @param className the binary name of the class that would be redefined, never blank
 * @param violations every broken rule, empty when the swap may proceed
 */
public record PreflightReport(String className, List<PreflightViolation> violations) {

    /** Validates the report and copies the violation list. */
    public PreflightReport {
        if (className == null || className.isBlank()) {
            throw new IllegalArgumentException("className must not be blank, was '" + className + "'");
        }
        Objects.requireNonNull(violations, "violations must not be null");
        violations = List.copyOf(violations);
    }

    /** Tells whether {@code redefineClasses} may replace the class with the new bytes. */
    public boolean redefinable() {
        return violations.isEmpty();
    }

    /** Returns the violations with the given rule id. */
    public List<PreflightViolation> violationsOf(PreflightRule rule) {
        return violations.stream().filter(v -> v.rule().equals(rule.id())).toList();
    }

    /** Returns one line per violation, prefixed with the class name; empty text when redefinable. */
    public String describe() {
        return violations.stream().map(v -> "class " + className + ": " + v.describe())
                .collect(Collectors.joining("; "));
    }
}
