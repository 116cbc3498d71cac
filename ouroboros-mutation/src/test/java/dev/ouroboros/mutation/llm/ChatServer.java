package dev.ouroboros.mutation.llm;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on 127.0.0.1 (port chosen by the system) that answers chat-completions requests
 * with scripted replies, one per request in order, and keeps what it received.
 */
final class ChatServer implements AutoCloseable {

    /** One scripted answer; {@code cutAfter >= 0} sends only that many body bytes of a longer announced length. */
    record Answer(int status, Map<String, String> headers, String body, long delayMillis, int cutAfter) {

        static Answer ok(String content) {
            return ok(content, "stop");
        }

        static Answer ok(String content, String finishReason) {
            return new Answer(200, Map.of(), completion(content, finishReason, 120, 80), 0, -1);
        }

        static Answer status(int status, String body) {
            return new Answer(status, Map.of(), body, 0, -1);
        }

        Answer header(String name, String value) {
            return new Answer(status, Map.of(name, value), body, delayMillis, cutAfter);
        }

        Answer delayed(long millis) {
            return new Answer(status, headers, body, millis, cutAfter);
        }

        Answer cutAfter(int bytes) {
            return new Answer(status, headers, body, delayMillis, bytes);
        }
    }

    /** One request as the server saw it. */
    record Received(String body, String authorization) {
    }

    private final HttpServer server;
    private final ArrayDeque<Answer> script = new ArrayDeque<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    ChatServer(Answer... answers) {
        script.addAll(List.of(answers));
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/v1/chat/completions", this::handle);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    /** Returns the body of an OpenAI chat completion with one choice. */
    static String completion(String content, String finishReason, int promptTokens, int completionTokens) {
        return Json.write(Map.of("id", "chatcmpl-1", "object", "chat.completion",
                "choices", List.of(Map.of("index", 0, "message", Map.of("role", "assistant", "content", content),
                        "finish_reason", finishReason)),
                "usage", Map.of("prompt_tokens", promptTokens, "completion_tokens", completionTokens,
                        "total_tokens", promptTokens + completionTokens)));
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1/chat/completions");
    }

    List<Received> received() {
        return received;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(body, exchange.getRequestHeaders().getFirst("Authorization")));
            Answer answer;
            synchronized (script) {
                answer = script.isEmpty() ? Answer.status(500, "{\"error\":\"script exhausted\"}") : script.poll();
            }
            if (answer.delayMillis() > 0) {
                try {
                    Thread.sleep(answer.delayMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            OutputStream out = exchange.getResponseBody();
            if (answer.cutAfter() >= 0) {
                out.write(bytes, 0, Math.min(answer.cutAfter(), bytes.length));
                out.flush();
                // Closing the connection under the announced length is a truncated reply.
                closeAbruptly(exchange);
                return;
            }
            out.write(bytes);
        } catch (IOException e) {
            // The client went away (a timeout test): nothing to answer.
        }
    }

    private static void closeAbruptly(HttpExchange exchange) {
        // Closing the exchange before the announced length is written makes the server drop the
        // connection: the client sees a short body and end of stream.
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
