package dev.ouroboros.mutation.llm;

import java.util.Objects;

/**
 * The model's answer to one prompt.
 *
 * @param content          the assistant message text, never null (may be empty)
 * @param finishReason     why generation stopped ({@code stop}, {@code length} when cut off at the
 *                         token limit, ...); empty when the endpoint did not say; never null
 * @param promptTokens     tokens the prompt used, as the endpoint reported (or estimated), not negative
 * @param completionTokens tokens the reply used, as the endpoint reported (or estimated), not negative
 */
public record LlmReply(String content, String finishReason, long promptTokens, long completionTokens) {

    /** Validates the reply. */
    public LlmReply {
        Objects.requireNonNull(content, "content must not be null");
        Objects.requireNonNull(finishReason, "finishReason must not be null");
        if (promptTokens < 0 || completionTokens < 0) {
            throw new IllegalArgumentException("token counts must not be negative, were " + promptTokens + " and "
                    + completionTokens);
        }
    }

    /** Returns true when the endpoint stopped because the reply reached its token limit. */
    public boolean truncated() {
        return finishReason.equals("length");
    }

    /** Returns prompt plus completion tokens. */
    public long totalTokens() {
        return promptTokens + completionTokens;
    }
}
