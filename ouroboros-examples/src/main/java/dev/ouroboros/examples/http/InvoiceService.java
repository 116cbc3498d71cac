package dev.ouroboros.examples.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The HTTP service of the example: {@code POST /invoice?customer=NAME} with the invoice lines as the
 * body returns the rendered invoice, or 400 with the error when the body cannot be read. A JDK
 * {@link HttpServer} on the loopback interface with a small worker pool, nothing else.
 */
final class InvoiceService implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService workers = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "invoice-http");
        t.setDaemon(true);
        return t;
    });

    InvoiceService() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/invoice", this::invoice);
        server.setExecutor(workers);
        server.start();
    }

    /** The port the service listens on, on the loopback interface. */
    int port() {
        return server.getAddress().getPort();
    }

    private void invoice(HttpExchange exchange) throws IOException {
        try (exchange) {
            String query = exchange.getRequestURI().getQuery();
            String customer = query != null && query.startsWith("customer=") ? query.substring(9) : "unknown";
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status;
            byte[] reply;
            try {
                List<InvoiceLine> lines = InvoiceParser.parse(body);
                reply = InvoiceRenderer.render(customer, lines).getBytes(StandardCharsets.UTF_8);
                status = 200;
            } catch (RuntimeException e) {
                reply = ("cannot read the invoice: " + e + "\n").getBytes(StandardCharsets.UTF_8);
                status = 400;
            }
            exchange.sendResponseHeaders(status, reply.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
