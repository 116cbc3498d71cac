package dev.ouroboros.mutation.llm;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An OpenAI-compatible chat-completions client over {@code java.net.http}.
 *
 * <p>One {@link #complete} call never takes longer than the configured timeout: every attempt gets
 * only the time that is left, and a retry whose wait would not fit is not made. 429, 5xx and broken
 * connections are retried with exponential backoff (or the endpoint's {@code Retry-After}); other
 * statuses and replies that are not the chat-completions shape fail at once. Tokens are counted from
 * the reply's {@code usage} (estimated at four characters a token when it is missing) against the
 * run's budget, checked before each request.
 */
final class OpenAiChatClient implements LlmClient {

    private static final Logger LOG = LoggerFactory.getLogger(OpenAiChatClient.class);

    private final LlmConfig config;
    private final Function<String, String> environment;
    private final HttpClient http;
    private long tokensUsed;

    OpenAiChatClient(LlmConfig config, Function<String, String> environment) {
        this.config = config;
        this.environment = environment;
        this.http = HttpClient.newBuilder().connectTimeout(config.timeout()).version(HttpClient.Version.HTTP_1_1)
                .build();
        if (!config.apiKeyEnv().isEmpty() && "http".equals(config.endpoint().getScheme())
                && !loopback(config.endpoint().getHost())) {
            LOG.warn("the API key from {} goes to {} without TLS; use https for remote endpoints",
                    config.apiKeyEnv(), config.endpoint());
        }
    }

    @Override
    public synchronized long tokensUsed() {
        return tokensUsed;
    }

    @Override
    public LlmReply complete(LlmPrompt prompt) {
        long used = tokensUsed();
        if (used >= config.tokenBudget()) {
            throw new LlmException("token budget of " + config.tokenBudget() + " for " + config.endpoint()
                    + " is spent (" + used + " used): raise tokenBudget or start a new run");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(config.endpoint())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body(prompt), StandardCharsets.UTF_8));
        if (!config.apiKeyEnv().isEmpty()) {
            String key = environment.apply(config.apiKeyEnv());
            if (key == null || key.isBlank()) {
                throw new LlmException("environment variable " + config.apiKeyEnv() + " (apiKeyEnv) is not set:"
                        + " export the API key for " + config.endpoint() + " in it");
            }
            request.header("Authorization", "Bearer " + key.strip());
        }
        long deadline = System.nanoTime() + config.timeout().toNanos();
        String last = "";
        for (int attempt = 0; ; attempt++) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new LlmException(config.endpoint() + " gave no usable reply within " + config.timeout()
                        + (last.isEmpty() ? "" : " (last: " + last + ")") + ": check the endpoint or raise the timeout");
            }
            HttpResponse<String> response;
            try {
                response = send(request.timeout(Duration.ofNanos(left)).build(), left);
            } catch (TimeoutException e) {
                throw new LlmException(config.endpoint() + " did not answer within " + config.timeout()
                        + ": the model may be overloaded or too slow; raise the timeout or use a smaller model", e);
            } catch (IOException e) {
                last = "connection failed: " + e;
                if (!retry(attempt, Optional.empty(), deadline, last)) {
                    throw new LlmException("no complete reply from " + config.endpoint() + " (" + e
                            + "): is the server running and the URL right?", e);
                }
                continue;
            }
            int status = response.statusCode();
            if (status == 200) {
                LlmReply reply = decode(response.body());
                synchronized (this) {
                    tokensUsed += reply.totalTokens();
                }
                return reply;
            }
            last = "HTTP " + status + " " + excerpt(response.body());
            if (status == 429 || status >= 500) {
                if (!retry(attempt, response.headers().firstValue("Retry-After"), deadline, last)) {
                    throw new LlmException(config.endpoint() + " kept failing (" + last + ") after " + (attempt + 1)
                            + " attempts: try again later or raise maxRetries/timeout");
                }
                continue;
            }
            throw new LlmException(config.endpoint() + " refused the request (" + last
                    + "): check the model name, the API key variable " + config.apiKeyEnv() + " and the URL");
        }
    }

    private HttpResponse<String> send(HttpRequest request, long leftNanos) throws IOException, TimeoutException {
        CompletableFuture<HttpResponse<String>> future = http.sendAsync(request,
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        try {
            return future.get(leftNanos, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw e;
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new LlmException("interrupted while waiting for " + config.endpoint(), e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof java.net.http.HttpTimeoutException timeout) {
                TimeoutException t = new TimeoutException(timeout.getMessage());
                t.initCause(timeout);
                throw t;
            }
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new LlmException("request to " + config.endpoint() + " failed: " + cause, cause);
        }
    }

    /** Waits before the next attempt when one is allowed and fits before the deadline; returns whether to retry. */
    private boolean retry(int attempt, Optional<String> retryAfter, long deadline, String why) {
        if (attempt >= config.maxRetries()) {
            return false;
        }
        long backoff = config.initialBackoff().toNanos() << Math.min(attempt, 30);
        long wait = Math.min(Math.max(backoff, 0), config.maxBackoff().toNanos());
        Optional<Long> asked = retryAfter.flatMap(OpenAiChatClient::retryAfterNanos);
        if (asked.isPresent()) {
            wait = asked.get();
        }
        if (System.nanoTime() + wait >= deadline) {
            LOG.info("not retrying {} ({}): the wait of {} ms does not fit in the timeout", config.endpoint(), why,
                    wait / 1_000_000);
            return false;
        }
        LOG.info("retrying {} in {} ms after {}", config.endpoint(), wait / 1_000_000, why);
        try {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LlmException("interrupted while waiting to retry " + config.endpoint(), e);
        }
        return true;
    }

    /** Parses {@code Retry-After}: delay seconds or an HTTP date; empty when it is neither. */
    static Optional<Long> retryAfterNanos(String value) {
        String v = value.strip();
        try {
            return Optional.of(Math.max(0, TimeUnit.SECONDS.toNanos(Long.parseLong(v))));
        } catch (NumberFormatException e) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
                return Optional.of(Math.max(0, Duration.between(ZonedDateTime.now(at.getZone()), at).toNanos()));
            } catch (RuntimeException notDate) {
                return Optional.empty();
            }
        }
    }

    private String body(LlmPrompt prompt) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", config.model());
        body.put("messages", List.of(Map.of("role", "system", "content", prompt.system()),
                Map.of("role", "user", "content", prompt.user())));
        body.put("temperature", BigDecimal.valueOf(config.temperature()));
        body.put("max_tokens", config.maxTokens());
        body.put("stream", false);
        return Json.write(body);
    }

    private LlmReply decode(String text) {
        try {
            Map<?, ?> root = (Map<?, ?>) Json.parse(text);
            List<?> choices = (List<?>) root.get("choices");
            if (choices == null || choices.isEmpty()) {
                throw new LlmException(config.endpoint() + " replied without choices: " + excerpt(text));
            }
            Map<?, ?> choice = (Map<?, ?>) choices.get(0);
            Map<?, ?> message = (Map<?, ?>) choice.get("message");
            Object content = message == null ? null : message.get("content");
            if (!(content instanceof String)) {
                throw new LlmException(config.endpoint() + " replied without message content: " + excerpt(text));
            }
            Object finish = choice.get("finish_reason");
            Map<?, ?> usage = root.get("usage") instanceof Map<?, ?> u ? u : Map.of();
            long promptTokens = count(usage.get("prompt_tokens"), -1);
            long completionTokens = count(usage.get("completion_tokens"), -1);
            if (promptTokens < 0 || completionTokens < 0) {
                // No usage reported (some servers omit it): estimate at four characters a token.
                promptTokens = promptTokens < 0 ? text.length() / 4 : promptTokens;
                completionTokens = completionTokens < 0 ? ((String) content).length() / 4 + 1 : completionTokens;
            }
            return new LlmReply((String) content, finish instanceof String f ? f : "", promptTokens, completionTokens);
        } catch (ClassCastException | IllegalArgumentException e) {
            throw new LlmException(config.endpoint() + " replied with something that is not a chat completion ("
                    + e.getMessage() + "): " + excerpt(text) + " — is the URL the /v1/chat/completions endpoint?", e);
        }
    }

    private static long count(Object value, long fallback) {
        return value instanceof BigDecimal n && n.signum() >= 0 ? n.longValue() : fallback;
    }

    static String excerpt(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= 200 ? flat : flat.substring(0, 200) + "...";
    }

    private static boolean loopback(String host) {
        // No DNS lookup here: constructing a client must not block on the network.
        return host != null && (host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]")
                || host.equals("::1"));
    }
}
