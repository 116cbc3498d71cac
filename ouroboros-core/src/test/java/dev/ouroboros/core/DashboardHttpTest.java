package dev.ouroboros.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ouroboros.core.fixture.Roster;
import dev.ouroboros.patcher.ClassFingerprint;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The dashboard's HTTP rules, spoken to over real sockets: a real engine ran one {@code MANUAL} cycle, so one
 * winner waits. Every refused request leaves it waiting and the class untouched; the last test rejects it
 * with the token in a form field.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardHttpTest {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private OuroborosEngine engine;
    private EvolutionResult cycle;
    private PendingApproval pending;
    private String original;
    private URI base;
    private String token;

    @BeforeAll
    void runAManualCycle() throws Exception {
        engine = OuroborosEngine.builder().config(EvolutionConfig.builder().sourceRoots(Path.of("src/test/java"))
                .target(Roster.class.getName() + "#print").dataDirectory(Files.createTempDirectory("ouroboros-dash-http"))
                .warmupRounds(1).measuredRounds(10).approval(ApprovalMode.MANUAL).dashboard(0).build()).build();
        original = ClassFingerprint.of(engine.liveClassBytes(Roster.class));
        cycle = engine.runCycle();
        assertThat(cycle.outcome()).as(cycle.message()).isEqualTo(EvolutionOutcome.IMPROVED);
        pending = engine.approvals().pending().get(0);
        base = engine.dashboardUri().orElseThrow();
        token = engine.dashboardToken().orElseThrow();
    }

    @AfterAll
    void close() {
        engine.close();
    }

    @Test
    @Order(1)
    void postsWithoutTheRightTokenAreRefusedWith403AndChangeNothing() throws Exception {
        HttpResponse<String> none = post("api/approvals/" + pending.id() + "/approve", null, "");
        HttpResponse<String> wrong = post("api/approvals/" + pending.id() + "/approve", "not-the-token", "");
        HttpResponse<String> wrongField = post("api/approvals/" + pending.id() + "/approve", null, "token=guess");

        assertThat(none.statusCode()).isEqualTo(403);
        assertThat(none.body()).startsWith("refused:").contains("X-Ouroboros-Token").contains("printed it at start");
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(wrong.body()).startsWith("refused: wrong dashboard token");
        assertThat(wrongField.statusCode()).isEqualTo(403);
        assertUnchanged();
    }

    @Test
    @Order(2)
    void aPostFromAnotherSiteIsRefusedEvenWithTheToken() throws Exception {
        HttpResponse<String> res = http.send(HttpRequest.newBuilder(base.resolve("api/approvals/" + pending.id() + "/approve"))
                .header("X-Ouroboros-Token", token).header("Origin", "http://evil.example")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(res.statusCode()).isEqualTo(403);
        assertThat(res.body()).contains("http://evil.example");
        assertUnchanged();
    }

    @Test
    @Order(3)
    void wrongMethodsAre405AndUnknownPathsAre404() throws Exception {
        HttpResponse<String> getAction = get("api/approvals/" + pending.id() + "/approve");
        HttpResponse<String> postPage = post("approvals", token, "");
        HttpResponse<String> unknown = get("admin");

        assertThat(getAction.statusCode()).isEqualTo(405);
        assertThat(getAction.headers().firstValue("Allow")).hasValue("POST");
        assertThat(getAction.body()).contains("POST requests with the token");
        assertThat(postPage.statusCode()).isEqualTo(405);
        assertThat(postPage.headers().firstValue("Allow")).hasValue("GET");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("no page at /admin").contains("/approvals");
        assertUnchanged();
    }

    @Test
    @Order(4)
    void aRequestNamingAnotherHostIsRefused() throws Exception {
        // What a DNS-rebinding page would send: the right address, a foreign Host header.
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /approvals HTTP/1.1\r\nHost: attacker.example:" + base.getPort()
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(response).startsWith("HTTP/1.1 403").contains("is not this dashboard")
                    .doesNotContain(pending.winner().diff().lines().findFirst().orElseThrow());
        }
    }

    @Test
    @Order(5)
    void pagesShowTheQueueTheHistoryAndTheLiveStatusEscaped() throws Exception {
        HttpResponse<String> approvals = get("approvals");
        HttpResponse<String> history = get("history");
        HttpResponse<String> status = get("api/status");
        HttpResponse<String> report = get("report");

        assertThat(approvals.statusCode()).isEqualTo(200);
        assertThat(approvals.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                csp -> assertThat(csp).contains("script-src 'self'"));
        assertThat(approvals.body()).contains("data-id=\"" + pending.id() + "\"").contains("&quot;")
                .doesNotContain(token);
        // The fixture's diff quotes string literals; they must reach the page escaped.
        assertThat(pending.winner().diff()).contains("\"");
        assertThat(approvals.body()).doesNotContain(pending.winner().diff().lines()
                .filter(l -> l.contains("\"")).findFirst().orElseThrow());
        assertThat(history.body()).contains(cycle.cycleId()).contains("PENDING_APPROVAL");
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.body()).contains("id=\"cycles-chart\"").contains(cycle.cycleId());
        assertThat(report.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                csp -> assertThat(csp).startsWith("default-src 'none'").doesNotContain("script-src"));
        assertThat(status.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        assertThat(status.body()).contains("\"id\":\"" + cycle.cycleId() + "\"").contains("\"pending\":1")
                .contains("\"gate\":\"faster\"").contains("\"phase\":\"idle\"");
    }

    @Test
    @Order(6)
    void anUnknownIdIsRefusedWith409NamingThePendingOnes() throws Exception {
        HttpResponse<String> res = post("api/approvals/nope/approve", token, "");

        assertThat(res.statusCode()).isEqualTo(409);
        assertThat(res.body()).contains("no pending approval with id 'nope'").contains(pending.id());
        assertUnchanged();
    }

    @Test
    @Order(7)
    void rejectWithTheTokenInAFormFieldDropsTheWinner() throws Exception {
        HttpResponse<String> res = post("api/approvals/" + pending.id() + "/reject", null,
                "token=" + token + "&reason=too+clever");

        assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
        assertThat(res.body()).startsWith("rejected " + pending.id()).contains("too clever");
        assertThat(engine.approvals().pending()).isEmpty();
        assertThat(engine.state().history().latest(pending.winner().candidateId()).orElseThrow().status())
                .isEqualTo(HistoryStatus.REJECTED);
        assertThat(ClassFingerprint.of(engine.liveClassBytes(Roster.class))).isEqualTo(original);
    }

    private void assertUnchanged() {
        assertThat(engine.approvals().pending()).extracting(PendingApproval::id).containsExactly(pending.id());
        assertThat(ClassFingerprint.of(engine.liveClassBytes(Roster.class))).isEqualTo(original);
        assertThat(engine.state().history().latest(pending.winner().candidateId()).orElseThrow().status())
                .isEqualTo(HistoryStatus.PENDING_APPROVAL);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String headerToken, String form) throws Exception {
        HttpRequest.Builder req = HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (headerToken != null) {
            req.header("X-Ouroboros-Token", headerToken);
        }
        return http.send(req.build(), HttpResponse.BodyHandlers.ofString());
    }
}
