package dev.ouroboros.mutation.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ouroboros.mutation.llm.ChatServer.Answer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayLogTest {

    @TempDir
    Path dir;

    @Test
    void aRecordedRunReplaysItsRepliesAndFailuresInOrderAndNothingElse() {
        Path log = dir.resolve("run.jsonl");
        LlmPrompt a = new LlmPrompt("rules", "method A with \"quotes\", tabs\t and unicode \u00e9\u2028");
        LlmPrompt b = new LlmPrompt("rules", "method B");
        try (ChatServer server = new ChatServer(Answer.ok("first A"), Answer.ok("only B"), Answer.ok("second A"),
                Answer.status(400, "bad request"))) {
            LlmClient live = LlmClient.recording(LlmClient.openAiCompatible(LlmConfig.builder(server.endpoint(), "m")
                    .timeout(Duration.ofSeconds(3)).build()), log);
            assertThat(live.complete(a).content()).isEqualTo("first A");
            assertThat(live.complete(b).content()).isEqualTo("only B");
            assertThat(live.complete(a).content()).isEqualTo("second A");
            assertThatThrownBy(() -> live.complete(b)).isInstanceOf(LlmException.class);
            assertThat(live.tokensUsed()).isEqualTo(600);
        }
        LlmClient replay = LlmClient.replaying(log);
        assertThat(replay.complete(b).content()).isEqualTo("only B");
        assertThat(replay.complete(a)).isEqualTo(new LlmReply("first A", "stop", 120, 80));
        assertThat(replay.complete(a).content()).isEqualTo("second A");
        assertThatThrownBy(() -> replay.complete(b)).isInstanceOf(LlmException.class)
                .hasMessageStartingWith("replayed failure:").hasMessageContaining("HTTP 400 bad request");
        assertThatThrownBy(() -> replay.complete(a)).isInstanceOf(LlmException.class)
                .hasMessageContaining("holds no more reply for this prompt");
        assertThatThrownBy(() -> replay.complete(new LlmPrompt("rules", "never asked")))
                .hasMessageContaining("holds no reply for this prompt");
    }

    @Test
    void aMissingOrDamagedLogIsReportedWithItsPathAndLine() throws Exception {
        assertThatThrownBy(() -> LlmClient.replaying(dir.resolve("absent.jsonl"))).isInstanceOf(LlmException.class)
                .hasMessageContaining("no LLM replay log at").hasMessageContaining("record a run first");
        Path cut = dir.resolve("cut.jsonl");
        Files.writeString(cut, Json.write(Map.of("key", "k", "error", "x")) + "\n{\"key\":\"k\",\"reply\":{\"cont");
        assertThatThrownBy(() -> LlmClient.replaying(cut)).isInstanceOf(LlmException.class)
                .hasMessageContaining("line 2 of the LLM replay log").hasMessageContaining("malformed JSON");
    }

    @Test
    @SuppressWarnings("unchecked")
    void jsonRoundTripsEveryValueShapeAndRejectsTrailingText() {
        Object value = Map.of("s", "a\"b\\c\n\u0001", "l", List.of(true, false), "n", 12);
        Object back = Json.parse(Json.write(value));
        assertThat(back.toString()).contains("a\"b\\c\n\u0001", "[true, false]", "12");
        assertThat((List<Object>) Json.parse("  [1.5e3, null, \"\\u00e9\\/\"] ")).containsExactly(
                new java.math.BigDecimal("1.5e3"), null, "\u00e9/");
        assertThatThrownBy(() -> Json.parse("{\"a\":1} x")).hasMessage("malformed JSON at offset 8: unexpected text after the value");
        assertThatThrownBy(() -> Json.parse("\"open")).hasMessageContaining("unterminated string");
    }
}
