package dev.ouroboros.mutation.llm;

import java.nio.file.Path;

/**
 * Sends one prompt to a chat model and returns its reply: the extension point behind
 * {@link LlmGuidedMutator}.
 *
 * <p>Built-ins: {@link #openAiCompatible} talks to any OpenAI-compatible chat-completions endpoint
 * over {@code java.net.http}; {@link #recording} writes every prompt and reply (or failure) to a JSON
 * Lines replay log; {@link #replaying} answers from such a log without any endpoint, so a run can be
 * repeated exactly. Implementations must be safe for use by several threads and must return or throw
 * within their configured timeout.
 */
public interface LlmClient {

    /**
     * Returns the model's reply to the prompt.
     *
     * @return the reply, never null
     * @throws LlmException when no usable reply came: the message says why and what to do
     */
    LlmReply complete(LlmPrompt prompt);

    /** Returns the tokens this client has spent so far (prompt plus reply); 0 when it does not count. */
    default long tokensUsed() {
        return 0;
    }

    /** Returns a client for an OpenAI-compatible endpoint; the API key is read from the named environment variable. */
    static LlmClient openAiCompatible(LlmConfig config) {
        return new OpenAiChatClient(config, System::getenv);
    }

    /**
     * Returns a client that forwards to {@code delegate} and appends each prompt with its reply or
     * failure to the JSON Lines file {@code log} (created when missing, appended to otherwise).
     */
    static LlmClient recording(LlmClient delegate, Path log) {
        return new ReplayLog.Recording(delegate, log);
    }

    /**
     * Returns a client that answers from a replay log written by {@link #recording}: the same prompt
     * gets its recorded replies (or failures) in recorded order; a prompt the log does not hold fails
     * with an {@link LlmException}. No network is used.
     *
     * @throws LlmException when the log cannot be read or a line is not a replay record
     */
    static LlmClient replaying(Path log) {
        return ReplayLog.replaying(log);
    }
}
