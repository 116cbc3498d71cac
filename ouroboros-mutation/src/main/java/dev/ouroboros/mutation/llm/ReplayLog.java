package dev.ouroboros.mutation.llm;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The replay log: one JSON object per line, {@code {"key", "system", "user", "reply": {"content",
 * "finish_reason", "prompt_tokens", "completion_tokens"}}} or {@code {..., "error": message}} for a
 * call that failed. A recorded run replays without the endpoint: the same prompts get the same
 * replies and the same failures, in the same order.
 */
final class ReplayLog {

    private ReplayLog() {
    }

    /** Forwards to a delegate and appends every exchange to the log; one line is written whole or not at all. */
    static final class Recording implements LlmClient {

        private final LlmClient delegate;
        private final Path log;

        Recording(LlmClient delegate, Path log) {
            this.delegate = Objects.requireNonNull(delegate, "delegate must not be null");
            this.log = Objects.requireNonNull(log, "log must not be null");
        }

        @Override
        public LlmReply complete(LlmPrompt prompt) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("key", prompt.key());
            line.put("system", prompt.system());
            line.put("user", prompt.user());
            try {
                LlmReply reply = delegate.complete(prompt);
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("content", reply.content());
                r.put("finish_reason", reply.finishReason());
                r.put("prompt_tokens", reply.promptTokens());
                r.put("completion_tokens", reply.completionTokens());
                line.put("reply", r);
                append(line);
                return reply;
            } catch (LlmException e) {
                line.put("error", e.getMessage());
                append(line);
                throw e;
            }
        }

        @Override
        public long tokensUsed() {
            return delegate.tokensUsed();
        }

        private synchronized void append(Map<String, Object> line) {
            try {
                if (log.getParent() != null) {
                    Files.createDirectories(log.getParent());
                }
                try (BufferedWriter out = Files.newBufferedWriter(log, StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
                    out.write(Json.write(line) + "\n");
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot append to the LLM replay log " + log
                        + ": check the path and free space", e);
            }
        }
    }

    static LlmClient replaying(Path log) {
        Objects.requireNonNull(log, "log must not be null");
        List<String> lines;
        try {
            lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new LlmException("no LLM replay log at " + log + ": record a run first with LlmClient.recording", e);
        } catch (IOException e) {
            throw new LlmException("cannot read the LLM replay log " + log + ": " + e, e);
        }
        Map<String, ArrayDeque<Map<?, ?>>> byKey = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            try {
                Map<?, ?> entry = (Map<?, ?>) Json.parse(lines.get(i));
                String key = (String) Objects.requireNonNull(entry.get("key"), "key");
                if (!(entry.get("reply") instanceof Map) && !(entry.get("error") instanceof String)) {
                    throw new IllegalArgumentException("neither reply nor error");
                }
                byKey.computeIfAbsent(key, k -> new ArrayDeque<>()).add(entry);
            } catch (RuntimeException e) {
                throw new LlmException("line " + (i + 1) + " of the LLM replay log " + log
                        + " is not a replay record (" + e.getMessage() + "): was the file cut or edited?", e);
            }
        }
        return new Replaying(log, byKey);
    }

    /** Answers from recorded entries, each used once, in recorded order per prompt. */
    private static final class Replaying implements LlmClient {

        private final Path log;
        private final Map<String, ArrayDeque<Map<?, ?>>> byKey;
        private long tokensUsed;

        Replaying(Path log, Map<String, ArrayDeque<Map<?, ?>>> byKey) {
            this.log = log;
            this.byKey = byKey;
        }

        @Override
        public synchronized LlmReply complete(LlmPrompt prompt) {
            ArrayDeque<Map<?, ?>> entries = byKey.get(prompt.key());
            Map<?, ?> entry = entries == null ? null : entries.poll();
            if (entry == null) {
                throw new LlmException("the LLM replay log " + log + " holds no" + (entries == null ? "" : " more")
                        + " reply for this prompt (key " + prompt.key().substring(0, 16) + "): the source, hot lines"
                        + " or feedback differ from the recorded run; record again against a live endpoint");
            }
            if (entry.get("error") instanceof String error) {
                throw new LlmException("replayed failure: " + error);
            }
            Map<?, ?> r = (Map<?, ?>) entry.get("reply");
            LlmReply reply = new LlmReply(String.valueOf(r.get("content")),
                    r.get("finish_reason") instanceof String f ? f : "", tokens(r.get("prompt_tokens")),
                    tokens(r.get("completion_tokens")));
            tokensUsed += reply.totalTokens();
            return reply;
        }

        @Override
        public synchronized long tokensUsed() {
            return tokensUsed;
        }

        private static long tokens(Object value) {
            return value instanceof BigDecimal n ? Math.max(0, n.longValue()) : 0;
        }
    }
}
