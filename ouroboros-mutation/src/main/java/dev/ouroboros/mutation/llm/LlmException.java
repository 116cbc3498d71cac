package dev.ouroboros.mutation.llm;

import dev.ouroboros.genome.OuroborosException;

/**
 * The LLM endpoint could not give a usable reply: unreachable, too slow, over its token budget, an
 * error status after the last retry, a reply that is not the chat-completions shape, or a prompt the
 * replay log does not hold. The message names the endpoint or log and what to do.
 */
public class LlmException extends OuroborosException {

    private static final long serialVersionUID = 1L;

    /** Creates an exception whose message names the problem and the remedy. */
    public LlmException(String message) {
        super(message);
    }

    /** Creates an exception whose message names the problem and the remedy, keeping its cause. */
    public LlmException(String message, Throwable cause) {
        super(message, cause);
    }
}
