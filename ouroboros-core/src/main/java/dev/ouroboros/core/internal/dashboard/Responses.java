package dev.ouroboros.core.internal.dashboard;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Writes the dashboard's responses with their content types and security headers. */
final class Responses {

    /** Pages load only the dashboard's own script and stylesheet and talk only to the dashboard. */
    private static final String PAGE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "connect-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
    /** The report is one self-contained document with inline styles and SVG charts; it may run no script. */
    private static final String REPORT_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
            + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private Responses() {
    }

    static void html(HttpExchange exchange, int status, String html) throws IOException {
        exchange.getResponseHeaders().set("Content-Security-Policy", PAGE_POLICY);
        send(exchange, status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
    }

    static void report(HttpExchange exchange, String html) throws IOException {
        exchange.getResponseHeaders().set("Content-Security-Policy", REPORT_POLICY);
        send(exchange, 200, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
    }

    static void json(HttpExchange exchange, String json) throws IOException {
        send(exchange, 200, "application/json; charset=utf-8", json.getBytes(StandardCharsets.UTF_8));
    }

    static void text(HttpExchange exchange, int status, String text) throws IOException {
        send(exchange, status, "text/plain; charset=utf-8", (text + "\n").getBytes(StandardCharsets.UTF_8));
    }

    static void resource(HttpExchange exchange, String name, String contentType) throws IOException {
        try (InputStream in = Responses.class.getResourceAsStream(name)) {
            if (in == null) {
                text(exchange, 500, "the dashboard's " + name + " is missing from the Ouroboros jar; rebuild it");
                return;
            }
            send(exchange, 200, contentType, in.readAllBytes());
        }
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
