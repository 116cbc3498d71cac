package dev.ouroboros.mutation.llm;

/**
 * Why one request to the model gave no candidate: the endpoint failed, or its reply was unusable.
 *
 * @param regionId the region the request was about, never blank
 * @param request  the request's index within its call (0-based)
 * @param reason   what was wrong, for the log, the journal and the next prompt's feedback; never blank
 * @param reply    the start of the reply, or empty when there was none; never null
 */
public record LlmRejection(String regionId, int request, String reason, String reply) {

    /** Validates the rejection. */
    public LlmRejection {
        if (regionId == null || regionId.isBlank()) {
            throw new IllegalArgumentException("regionId must not be blank, was " + regionId);
        }
        if (request < 0) {
            throw new IllegalArgumentException("request must not be negative, was " + request);
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("reason must not be blank, was " + reason);
        }
        if (reply == null) {
            throw new IllegalArgumentException("reply must not be null (use the empty string)");
        }
    }
}
