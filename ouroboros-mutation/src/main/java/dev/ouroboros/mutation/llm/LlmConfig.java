package dev.ouroboros.mutation.llm;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach an OpenAI-compatible chat-completions endpoint (Ollama, vLLM, OpenAI, ...).
 *
 * <p>The API key itself is never part of the configuration: {@code apiKeyEnv} names the environment
 * variable that holds it, read when a request is sent, so configuration files and journals can be
 * shared without leaking it.
 *
 * @param endpoint       the full chat-completions URL, e.g. {@code http://127.0.0.1:11434/v1/chat/completions}; http or https
 * @param model          the model name sent with each request, never blank
 * @param apiKeyEnv      the name of the environment variable holding the API key, sent as
 *                       {@code Authorization: Bearer}; empty for endpoints without authentication
 * @param temperature    sampling temperature, 0 to 2
 * @param maxTokens      the most tokens one reply may use, positive
 * @param timeout        the most one {@link LlmClient#complete} call may take, retries and waits
 *                       included; positive
 * @param maxRetries     how often a 429, 5xx or broken connection is retried, 0 to 10
 * @param initialBackoff the wait before the first retry, doubled before each next one (unless the
 *                       endpoint sends {@code Retry-After}); not negative
 * @param maxBackoff     the longest single wait, at least {@code initialBackoff}
 * @param tokenBudget    the most tokens (prompt plus reply) one client may spend in its lifetime, a run; positive
 */
public record LlmConfig(URI endpoint, String model, String apiKeyEnv, double temperature, int maxTokens,
        Duration timeout, int maxRetries, Duration initialBackoff, Duration maxBackoff, long tokenBudget) {

    /** Validates the configuration. */
    public LlmConfig {
        Objects.requireNonNull(endpoint, "endpoint must not be null");
        if (!"http".equals(endpoint.getScheme()) && !"https".equals(endpoint.getScheme())) {
            throw new IllegalArgumentException("endpoint must be an http or https URL, was " + endpoint);
        }
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("model must not be blank, was " + model);
        }
        Objects.requireNonNull(apiKeyEnv, "apiKeyEnv must not be null (empty means no key)");
        if (!apiKeyEnv.isEmpty() && !apiKeyEnv.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("apiKeyEnv must be the NAME of an environment variable"
                    + " (letters, digits, underscore), never the key itself; was a value of length " + apiKeyEnv.length());
        }
        if (!(temperature >= 0 && temperature <= 2)) {
            throw new IllegalArgumentException("temperature must be between 0 and 2, was " + temperature);
        }
        if (maxTokens <= 0) {
            throw new IllegalArgumentException("maxTokens must be positive, was " + maxTokens);
        }
        requirePositive(timeout, "timeout");
        if (maxRetries < 0 || maxRetries > 10) {
            throw new IllegalArgumentException("maxRetries must be between 0 and 10, was " + maxRetries);
        }
        Objects.requireNonNull(initialBackoff, "initialBackoff must not be null");
        Objects.requireNonNull(maxBackoff, "maxBackoff must not be null");
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("backoff must satisfy 0 <= initialBackoff <= maxBackoff, was "
                    + initialBackoff + " and " + maxBackoff);
        }
        if (tokenBudget <= 0) {
            throw new IllegalArgumentException("tokenBudget must be positive, was " + tokenBudget);
        }
    }

    /**
     * Returns a builder for the endpoint and model; defaults: no API key, temperature 0.2, 2,048
     * reply tokens, 60 s timeout, 3 retries from 500 ms up to 8 s, a budget of 200,000 tokens.
     */
    public static Builder builder(URI endpoint, String model) {
        return new Builder(endpoint, model);
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name + " must not be null");
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + d);
        }
    }

    /** Builds an {@link LlmConfig}; not thread-safe. */
    public static final class Builder {

        private final URI endpoint;
        private final String model;
        private String apiKeyEnv = "";
        private double temperature = 0.2;
        private int maxTokens = 2048;
        private Duration timeout = Duration.ofSeconds(60);
        private int maxRetries = 3;
        private Duration initialBackoff = Duration.ofMillis(500);
        private Duration maxBackoff = Duration.ofSeconds(8);
        private long tokenBudget = 200_000;

        private Builder(URI endpoint, String model) {
            this.endpoint = endpoint;
            this.model = model;
        }

        /** Sets the NAME of the environment variable that holds the API key. */
        public Builder apiKeyEnv(String name) {
            this.apiKeyEnv = name;
            return this;
        }

        /** Sets the sampling temperature, 0 to 2. */
        public Builder temperature(double temperature) {
            this.temperature = temperature;
            return this;
        }

        /** Sets the most tokens one reply may use. */
        public Builder maxTokens(int maxTokens) {
            this.maxTokens = maxTokens;
            return this;
        }

        /** Sets the most one call may take, retries and waits included. */
        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /** Sets how often a 429, 5xx or broken connection is retried. */
        public Builder maxRetries(int maxRetries) {
            this.maxRetries = maxRetries;
            return this;
        }

        /** Sets the first retry wait and the longest one; the wait doubles in between. */
        public Builder backoff(Duration initial, Duration max) {
            this.initialBackoff = initial;
            this.maxBackoff = max;
            return this;
        }

        /** Sets the most tokens the client may spend in its lifetime. */
        public Builder tokenBudget(long tokenBudget) {
            this.tokenBudget = tokenBudget;
            return this;
        }

        /** Returns the validated configuration. */
        public LlmConfig build() {
            return new LlmConfig(endpoint, model, apiKeyEnv, temperature, maxTokens, timeout, maxRetries,
                    initialBackoff, maxBackoff, tokenBudget);
        }
    }
}
