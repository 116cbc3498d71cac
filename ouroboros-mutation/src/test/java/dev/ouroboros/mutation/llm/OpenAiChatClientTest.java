package dev.ouroboros.mutation.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ouroboros.mutation.llm.ChatServer.Answer;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpenAiChatClientTest {

    private static final LlmPrompt PROMPT = new LlmPrompt("rules", "make \"this\"\nfaster");

    private static LlmConfig.Builder config(ChatServer server) {
        return LlmConfig.builder(server.endpoint(), "qwen2.5-coder").timeout(Duration.ofSeconds(5))
                .backoff(Duration.ofMillis(20), Duration.ofMillis(200));
    }

    private static LlmClient client(LlmConfig config) {
        return new OpenAiChatClient(config, Map.of("OUROBOROS_TEST_KEY", "sk-test-123")::get);
    }

    @Test
    void sendsAChatCompletionRequestAndReadsTheReplyAndItsUsage() {
        try (ChatServer server = new ChatServer(Answer.ok("int x = 1;"))) {
            LlmClient client = client(config(server).apiKeyEnv("OUROBOROS_TEST_KEY").temperature(0.5).maxTokens(99)
                    .build());
            LlmReply reply = client.complete(PROMPT);
            assertThat(reply).isEqualTo(new LlmReply("int x = 1;", "stop", 120, 80));
            assertThat(client.tokensUsed()).isEqualTo(200);
            ChatServer.Received request = server.received().get(0);
            assertThat(request.authorization()).isEqualTo("Bearer sk-test-123");
            Map<?, ?> body = (Map<?, ?>) Json.parse(request.body());
            assertThat(body.get("model")).isEqualTo("qwen2.5-coder");
            assertThat(body.get("messages")).isEqualTo(List.of(Map.of("role", "system", "content", "rules"),
                    Map.of("role", "user", "content", "make \"this\"\nfaster")));
            assertThat(body.get("temperature").toString()).isEqualTo("0.5");
            assertThat(body.get("max_tokens").toString()).isEqualTo("99");
        }
    }

    @Test
    void retriesAfter429WaitingForRetryAfterThenSucceeds() {
        try (ChatServer server = new ChatServer(Answer.status(429, "{\"error\":{\"message\":\"slow down\"}}")
                .header("Retry-After", "1"), Answer.ok("ok"))) {
            long start = System.nanoTime();
            LlmReply reply = client(config(server).build()).complete(PROMPT);
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(reply.content()).isEqualTo("ok");
            assertThat(server.received()).hasSize(2);
            assertThat(millis).as("waited for Retry-After: 1").isGreaterThanOrEqualTo(1000);
        }
    }

    @Test
    void serverErrorsAreRetriedWithBackoffThenReportedWithTheStatus() {
        try (ChatServer server = new ChatServer(Answer.status(503, "overloaded"), Answer.status(500, "boom"),
                Answer.status(502, "bad gateway"), Answer.ok("never reached"))) {
            assertThatThrownBy(() -> client(config(server).maxRetries(2).build()).complete(PROMPT))
                    .isInstanceOf(LlmException.class).hasMessageContaining("HTTP 502 bad gateway")
                    .hasMessageContaining("after 3 attempts");
            assertThat(server.received()).hasSize(3);
        }
    }

    @Test
    void aSlowEndpointFailsWithinTheTimeout() {
        try (ChatServer server = new ChatServer(Answer.ok("late").delayed(4000))) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> client(config(server).timeout(Duration.ofMillis(600)).build()).complete(PROMPT))
                    .isInstanceOf(LlmException.class).hasMessageContaining("did not answer within PT0.6S");
            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1800);
        }
    }

    @Test
    void aRetryAfterLongerThanTheTimeoutIsNotWaitedFor() {
        try (ChatServer server = new ChatServer(Answer.status(429, "busy").header("Retry-After", "30"))) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> client(config(server).timeout(Duration.ofSeconds(2)).build()).complete(PROMPT))
                    .isInstanceOf(LlmException.class).hasMessageContaining("HTTP 429 busy");
            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1500);
        }
    }

    @Test
    void aTruncatedBodyOrAReplyThatIsNotAChatCompletionIsReported() {
        String full = ChatServer.completion("return 1;", "stop", 1, 1);
        try (ChatServer server = new ChatServer(Answer.ok("x").cutAfter(0), Answer.ok("x").cutAfter(0),
                new Answer(200, Map.of(), full.substring(0, full.length() / 2), 0, -1),
                Answer.status(200, "{\"choices\":[]}"))) {
            LlmClient client = client(config(server).maxRetries(1).build());
            assertThatThrownBy(() -> client.complete(PROMPT)).isInstanceOf(LlmException.class)
                    .hasMessageContaining("no complete reply from " + server.endpoint());
            assertThatThrownBy(() -> client.complete(PROMPT)).isInstanceOf(LlmException.class)
                    .hasMessageContaining("is not a chat completion").hasMessageContaining("malformed JSON");
            assertThatThrownBy(() -> client.complete(PROMPT)).isInstanceOf(LlmException.class)
                    .hasMessageContaining("replied without choices");
            assertThat(server.received()).hasSize(4);
        }
    }

    @Test
    void anUnreachableEndpointFailsFastWithTheReason() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        LlmConfig config = LlmConfig.builder(URI.create("http://127.0.0.1:" + port + "/v1/chat/completions"), "m")
                .timeout(Duration.ofSeconds(3)).maxRetries(1).backoff(Duration.ofMillis(10), Duration.ofMillis(10))
                .build();
        long start = System.nanoTime();
        assertThatThrownBy(() -> client(config).complete(PROMPT)).isInstanceOf(LlmException.class)
                .hasMessageContaining("no complete reply from http://127.0.0.1:" + port)
                .hasMessageContaining("is the server running");
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(3000);
    }

    @Test
    void theTokenBudgetStopsRequestsOnceSpent() {
        try (ChatServer server = new ChatServer(Answer.ok("a"), Answer.ok("b"))) {
            LlmClient client = client(config(server).tokenBudget(150).build());
            assertThat(client.complete(PROMPT).content()).isEqualTo("a");
            assertThatThrownBy(() -> client.complete(PROMPT)).isInstanceOf(LlmException.class)
                    .hasMessageContaining("token budget of 150").hasMessageContaining("200 used");
            assertThat(server.received()).hasSize(1);
        }
    }

    @Test
    void aMissingKeyVariableOrAClientErrorFailsAtOnceWithoutRetry() {
        try (ChatServer server = new ChatServer(Answer.status(401, "{\"error\":\"invalid api key\"}"))) {
            assertThatThrownBy(() -> client(config(server).apiKeyEnv("NOT_SET_ANYWHERE").build()).complete(PROMPT))
                    .isInstanceOf(LlmException.class).hasMessageContaining("environment variable NOT_SET_ANYWHERE");
            assertThat(server.received()).isEmpty();
            assertThatThrownBy(() -> client(config(server).build()).complete(PROMPT)).isInstanceOf(LlmException.class)
                    .hasMessageContaining("refused the request (HTTP 401");
            assertThat(server.received()).hasSize(1);
        }
    }

    @Test
    void theConfigurationTakesAVariableNameNeverAKeyAndValidatesItsValues() {
        URI uri = URI.create("http://127.0.0.1:1/v1/chat/completions");
        assertThatThrownBy(() -> LlmConfig.builder(uri, "m").apiKeyEnv("sk-abc123def456").build())
                .hasMessageContaining("must be the NAME of an environment variable").hasMessageNotContaining("sk-abc");
        assertThatThrownBy(() -> LlmConfig.builder(uri, "m").temperature(3).build())
                .hasMessage("temperature must be between 0 and 2, was 3.0");
        assertThatThrownBy(() -> LlmConfig.builder(URI.create("ftp://x/"), "m").build())
                .hasMessage("endpoint must be an http or https URL, was ftp://x/");
        assertThat(OpenAiChatClient.retryAfterNanos("2")).contains(2_000_000_000L);
        assertThat(OpenAiChatClient.retryAfterNanos("soon")).isEmpty();
    }
}
