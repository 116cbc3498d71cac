package dev.ouroboros.patcher;

/**
 * One reason why a new class file cannot replace the running one through {@code redefineClasses}.
 *
 * @param member the class, field ({@code name:descriptor}) or method ({@code name(descriptor)}) at fault
 * @param rule the id of the broken rule, one of {@link PreflightRule#id()}
 * @param message a sentence that explains the refusal and what to do
 */
public record PreflightViolation(String member, String rule, String message) {

    /** Validates the violation. */
    public PreflightViolation {
        if (member == null || member.isBlank()) {
            throw new IllegalArgumentException("member must not be blank, was '" + member + "'");
        }
        if (rule == null || rule.isBlank()) {
            throw new IllegalArgumentException("rule must not be blank, was '" + rule + "'");
        }
        if (message == null || message.isBlank()) {
            throw new IllegalArgumentException("message must not be blank, was '" + message + "'");
        }
    }

    /** Returns {@code "member: rule: message"}, the form used in refusal messages. */
    public String describe() {
        return member + ": " + rule + ": " + message;
    }
}
