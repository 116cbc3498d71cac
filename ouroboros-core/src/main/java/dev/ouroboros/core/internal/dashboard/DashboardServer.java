package dev.ouroboros.core.internal.dashboard;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ouroboros.core.ApprovalQueue;
import dev.ouroboros.core.EngineState;
import dev.ouroboros.core.EvolutionResult;
import dev.ouroboros.core.InvalidConfigurationException;
import dev.ouroboros.core.PendingApproval;
import dev.ouroboros.core.Winner;
import dev.ouroboros.genome.OuroborosException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the dashboard over HTTP for one engine: pages and {@code /api/status} by GET, approve and reject by
 * POST with the token.
 *
 * <p>GETs never change anything. A POST without the right token is refused with 403 before anything else
 * happens; a wrong method gets 405 and an unknown path 404, each with a body that says what to do. When
 * bound to loopback, requests whose {@code Host} header names another host are refused, so a web page
 * cannot reach the dashboard through DNS rebinding.
 */
public final class DashboardServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DashboardServer.class);
    private static final Pattern ACTION = Pattern.compile("/api/approvals/([^/]+)/(approve|reject)");
    private static final List<String> PAGES = List.of("/", "/approvals", "/history", "/report");
    private static final List<String> GETS = List.of("/", "/approvals", "/history", "/report", "/api/status",
            "/dashboard.js", "/dashboard.css");
    private static final int MAX_BODY = 16 * 1024;

    private final HttpServer server;
    private final ExecutorService executor;
    private final DashboardToken token;
    private final InetAddress address;
    private final URI uri;
    private final ApprovalQueue approvals;
    private final EngineState state;
    private final Supplier<List<EvolutionResult>> results;
    private final LiveCycleView view;
    private final Supplier<String> report;

    private DashboardServer(HttpServer server, ExecutorService executor, InetAddress address, URI uri,
            ApprovalQueue approvals, EngineState state, Supplier<List<EvolutionResult>> results, LiveCycleView view,
            Supplier<String> report) {
        this.server = server;
        this.executor = executor;
        this.token = DashboardToken.random();
        this.address = address;
        this.uri = uri;
        this.approvals = approvals;
        this.state = state;
        this.results = results;
        this.view = view;
        this.report = report;
    }

    /**
     * Binds and starts the dashboard.
     *
     * @param report renders the report page's HTML from the state as it is now
     * @throws InvalidConfigurationException naming the address and port when the address is unknown or the
     *         port is taken
     */
    public static DashboardServer start(String bind, int port, ApprovalQueue approvals, EngineState state,
            Supplier<List<EvolutionResult>> results, LiveCycleView view, Supplier<String> report) {
        InetAddress address;
        try {
            address = InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw new InvalidConfigurationException("dashboard-bind names an unknown address '" + bind
                    + "'; use an IP address such as 127.0.0.1");
        }
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(address, port), 16);
        } catch (IOException e) {
            throw new InvalidConfigurationException("the dashboard cannot listen on " + bind + ":" + port + " ("
                    + e.getMessage() + "); choose another port, or dashboard=0 for any free one");
        }
        ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "ouroboros-dashboard");
            t.setDaemon(true);
            return t;
        });
        String host = address.getHostAddress();
        host = host.contains(":") ? "[" + host.replaceAll("%.*", "") + "]" : host;
        URI uri = URI.create("http://" + host + ":" + server.getAddress().getPort() + "/");
        DashboardServer dashboard = new DashboardServer(server, executor, address, uri, approvals,
                state, results, view, report);
        server.createContext("/", dashboard::handle);
        server.setExecutor(executor);
        server.start();
        return dashboard;
    }

    /** Returns the dashboard's address, e.g. {@code http://127.0.0.1:43117/}. */
    public URI uri() {
        return uri;
    }

    /** Returns the token every state-changing request must carry. */
    public String token() {
        return token.value();
    }

    /** True when the dashboard listens on a loopback address only. */
    public boolean loopback() {
        return address.isLoopbackAddress();
    }

    /** Returns the lines to print at start: where the dashboard is, and a warning when it is not loopback-only. */
    public List<String> announcement() {
        String at = "ouroboros: dashboard at " + uri + " token=" + token.value();
        if (loopback()) {
            return List.of(at);
        }
        return List.of(at, "ouroboros: WARNING: the dashboard listens on " + address.getHostAddress()
                + (address.isAnyLocalAddress() ? " (every network address of this machine)" : "")
                + ", which is not a loopback address, because dashboard-bind says so: anyone who can reach port "
                + server.getAddress().getPort() + " of this machine can read its pages (diffs, history);"
                + " approving and rejecting still need the token");
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) {
        try (exchange) {
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
            exchange.getResponseHeaders().set("X-Frame-Options", "DENY");
            String path = exchange.getRequestURI().getRawPath();
            String method = exchange.getRequestMethod();
            if (loopback() && !hostAllowed(exchange.getRequestHeaders().getFirst("Host"))) {
                Responses.text(exchange, 403, "refused: the Host header '" + exchange.getRequestHeaders().getFirst("Host")
                        + "' is not this dashboard; open " + uri);
                return;
            }
            Matcher action = ACTION.matcher(path);
            if (action.matches()) {
                if (!method.equals("POST")) {
                    exchange.getResponseHeaders().set("Allow", "POST");
                    Responses.text(exchange, 405, "method " + method + " not allowed on " + path
                            + "; approving and rejecting are POST requests with the token");
                    return;
                }
                act(exchange, action.group(1), action.group(2));
            } else if (GETS.contains(path)) {
                if (!method.equals("GET")) {
                    exchange.getResponseHeaders().set("Allow", "GET");
                    Responses.text(exchange, 405, "method " + method + " not allowed on " + path + "; use GET");
                    return;
                }
                get(exchange, path);
            } else {
                Responses.text(exchange, 404, "no page at " + path + "; pages: " + String.join(", ", PAGES));
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.debug("dashboard request ended early", e);
        } catch (RuntimeException e) {
            LOG.warn("dashboard request {} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
        }
    }

    private void get(HttpExchange exchange, String path) throws IOException {
        switch (path) {
            case "/" -> Responses.html(exchange, 200, DashboardPages.overview());
            case "/approvals" -> Responses.html(exchange, 200, DashboardPages.approvals(approvals.pending()));
            case "/history" -> Responses.html(exchange, 200, DashboardPages.history(results.get(), state));
            case "/report" -> Responses.report(exchange, report.get());
            case "/api/status" -> Responses.json(exchange, DashboardPages.status(view, approvals.pending().size()));
            case "/dashboard.js" -> Responses.resource(exchange, "dashboard.js", "text/javascript; charset=utf-8");
            case "/dashboard.css" -> Responses.resource(exchange, "dashboard.css", "text/css; charset=utf-8");
            default -> throw new IllegalStateException("no GET route for " + path);
        }
    }

    private void act(HttpExchange exchange, String rawId, String action) throws IOException {
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        String host = exchange.getRequestHeaders().getFirst("Host");
        if (origin != null && !origin.equals("http://" + host)) {
            Responses.text(exchange, 403, "refused: a request from the page " + origin
                    + " may not act on this dashboard");
            return;
        }
        Map<String, String> form;
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BODY + 1);
            if (body.length > MAX_BODY) {
                Responses.text(exchange, 413, "refused: request body over " + MAX_BODY + " bytes");
                return;
            }
            form = FormBody.parse(exchange.getRequestHeaders().getFirst("Content-Type"),
                    new String(body, StandardCharsets.UTF_8));
        }
        String given = exchange.getRequestHeaders().getFirst(DashboardToken.HEADER);
        if (given == null || given.isEmpty()) {
            given = form.get("token");
        }
        Optional<String> refusal = token.check(given);
        if (refusal.isPresent()) {
            Responses.text(exchange, 403, refusal.get());
            return;
        }
        String id = FormBody.decode(rawId);
        try {
            if (action.equals("approve")) {
                Winner w = approvals.approve(id, "dashboard");
                Responses.text(exchange, 200, "applied " + w.candidateId() + " (" + w.operator() + ") to "
                        + String.join(", ", w.classSha256().keySet()));
            } else {
                String reason = form.getOrDefault("reason", "rejected on the dashboard");
                PendingApproval p = approvals.reject(id, reason);
                Responses.text(exchange, 200, "rejected " + p.id() + " (" + reason + ")");
            }
        } catch (OuroborosException e) {
            Responses.text(exchange, 409, "refused: " + e.getMessage());
        }
    }

    private boolean hostAllowed(String host) {
        if (host == null) {
            return false;
        }
        int port = server.getAddress().getPort();
        return host.equals("127.0.0.1:" + port) || host.equals("localhost:" + port) || host.equals("[::1]:" + port)
                || host.equals(uri.getHost() + ":" + port);
    }
}
