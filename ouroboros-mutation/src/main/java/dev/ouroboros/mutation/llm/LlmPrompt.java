package dev.ouroboros.mutation.llm;

import dev.ouroboros.genome.GenomeChecksum;
import java.util.Objects;

/**
 * One chat-completions prompt: a system message with the rules and a user message with the method,
 * its hot lines, its class context and earlier failures.
 *
 * @param system the system message, never blank
 * @param user   the user message, never blank
 */
public record LlmPrompt(String system, String user) {

    /** Validates the prompt. */
    public LlmPrompt {
        if (system == null || system.isBlank()) {
            throw new IllegalArgumentException("system must not be blank, was " + system);
        }
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("user must not be blank, was " + user);
        }
    }

    /** Returns a stable key for the prompt (SHA-256 of both messages), under which replays find its reply. */
    public String key() {
        return GenomeChecksum.sha256(Objects.requireNonNull(system) + '\u0000' + user);
    }
}
