package dev.ouroboros.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ouroboros.core.browser.HeadlessChromium;
import dev.ouroboros.core.fixture.Roster;
import dev.ouroboros.patcher.ClassFingerprint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The live dashboard in a real headless Chromium: a real engine ran one {@code MANUAL} cycle on the fixture
 * (self-attached agent, real sandbox workers), so one winner waits for approval. The tests run in order: the
 * pages show the cycle and the pending approval, an approval without the token is refused, and a click on
 * Approve with the token swaps the winner into this JVM; then the report page draws its charts from that state.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private HeadlessChromium browser;
    private OuroborosEngine engine;
    private EvolutionResult cycle;
    private PendingApproval pending;
    private String originalFingerprint;
    private String base;
    private Path data;
    private final Set<String> seenWhileRunning = new LinkedHashSet<>();

    @BeforeAll
    void startBrowserAndRunAManualCycle() throws Exception {
        // The browser first: when it is missing, fail at once with the install command, before a cycle's cost.
        browser = HeadlessChromium.start();
        data = Files.createTempDirectory("ouroboros-dashboard-browser");
        engine = OuroborosEngine.builder().config(EvolutionConfig.builder().sourceRoots(Path.of("src/test/java"))
                .target(Roster.class.getName() + "#print").dataDirectory(data).warmupRounds(1).measuredRounds(10)
                .approval(ApprovalMode.MANUAL).dashboard(0).build()).build();
        originalFingerprint = ClassFingerprint.of(engine.liveClassBytes(Roster.class));
        base = engine.dashboardUri().orElseThrow().toString();
        // Watch the live view while the cycle runs on another thread, as a person would.
        browser.navigate(base);
        CompletableFuture<EvolutionResult> running = CompletableFuture.supplyAsync(engine::runCycle);
        while (!running.isDone()) {
            seenWhileRunning.add(browser.text(browser.find("#phase")) + " | "
                    + browser.text(browser.find("#cycle-state")));
            Thread.sleep(200);
        }
        cycle = running.get(5, TimeUnit.MINUTES);
        assertThat(cycle.outcome()).as(cycle.message()).isEqualTo(EvolutionOutcome.IMPROVED);
        pending = engine.approvals().pending().get(0);
    }

    @AfterAll
    void closeEverything() {
        try {
            if (engine != null && !engine.state().winners().applied().isEmpty()) {
                engine.rollbackLast(); // later tests in this JVM evolve the original fixture
            }
        } finally {
            if (engine != null) {
                engine.close();
            }
            if (browser != null) {
                browser.close();
            }
        }
    }

    @Test
    @Order(1)
    void liveCycleViewFollowsTheRunningCycleAndShowsItsResult() throws Exception {
        assertThat(seenWhileRunning).as("what the page showed while the cycle ran")
                .anySatisfy(s -> assertThat(s).startsWith("running a cycle | (running since "));

        // The page polls once a second: wait for the poll that saw the cycle end.
        assertThat(HeadlessChromium.await(WAIT, () -> "(ended)".equals(browser.text(browser.find("#cycle-state")))))
                .as("the polled cycle state").isTrue();
        assertThat(browser.text(browser.find("#cycle-id"))).isEqualTo(cycle.cycleId());
        assertThat(browser.text(browser.find("#phase"))).isEqualTo("idle");
        assertThat(browser.text(browser.find("#pending"))).isEqualTo("1");
        assertThat(browser.text(browser.find("#cycle-region"))).isEqualTo(pending.winner().regionId());
        assertThat(browser.text(browser.find("#best-speedup"))).endsWith("x");
        assertThat(browser.count("#gates tbody tr")).isEqualTo(4);
        String fasterRow = browser.text(browser.find("#gates tbody tr:nth-child(4)"));
        assertThat(fasterRow).startsWith("faster ").isEqualTo("faster " + (cycle.count(CandidateStage.FASTER)
                + cycle.count(CandidateStage.NOT_FASTER)) + " " + cycle.count(CandidateStage.FASTER));
        assertThat(browser.text(browser.find("#events"))).contains("cycle " + cycle.cycleId() + " ended IMPROVED");
    }

    @Test
    @Order(2)
    void approvalQueueShowsThePendingApprovalWithItsDiffIntact() throws Exception {
        browser.navigate(base + "approvals");

        assertThat(browser.count("section.approval")).isEqualTo(1);
        assertThat(browser.execute("return document.querySelector('section.approval').dataset.id"))
                .isEqualTo(pending.id());
        // The diff holds quotes, '<' and '\n' escapes: the page must show exactly its text, not markup.
        assertThat(browser.execute("return document.querySelector('pre.diff').textContent"))
                .isEqualTo(pending.winner().diff() + "\n");
        assertThat(browser.text(browser.find("pre.diff"))).contains("StringBuilder");
        assertThat(browser.text(browser.find("section.approval dl"))).contains(pending.evidence())
                .contains(pending.winner().regionId());
        assertThat(browser.count("button.approve")).isEqualTo(1);
        assertThat(browser.count("button.reject")).isEqualTo(1);
    }

    @Test
    @Order(3)
    void requestsWithoutTheTokenAreRefusedAndChangeNothing() throws Exception {
        browser.navigate(base + "approvals");
        assertThat(browser.execute("return document.getElementById('token').value")).isEqualTo("");

        browser.click(browser.find("button.approve"));

        assertThat(HeadlessChromium.await(WAIT, () -> !browser.text(browser.find("#result")).isEmpty())).isTrue();
        assertThat(browser.text(browser.find("#result"))).startsWith("refused:").contains("token");
        Object status = browser.executeAsync("""
                const done = arguments[arguments.length - 1];
                fetch('/api/approvals/' + encodeURIComponent(arguments[0]) + '/approve', {method: 'POST'})
                  .then(r => r.text().then(t => done({status: r.status, body: t})));
                """, pending.id());
        assertThat(((Map<?, ?>) status).get("status")).isEqualTo(403.0);
        assertThat((String) ((Map<?, ?>) status).get("body")).contains("X-Ouroboros-Token");

        assertThat(engine.approvals().pending()).extracting(PendingApproval::id).containsExactly(pending.id());
        assertThat(ClassFingerprint.of(engine.liveClassBytes(Roster.class))).isEqualTo(originalFingerprint);
        assertThat(engine.state().winners().applied()).isEmpty();
    }

    @Test
    @Order(4)
    void clickOnApproveWithTheTokenSwapsTheWinnerIntoTheRunningJvm() throws Exception {
        String token = engine.dashboardToken().orElseThrow();
        browser.navigate(base + "approvals#token=" + token);
        assertThat(HeadlessChromium.await(WAIT,
                () -> token.equals(browser.execute("return document.getElementById('token').value"))))
                .as("the token field filled from the address's fragment").isTrue();
        assertThat(browser.execute("return window.location.hash")).as("token removed from the address bar")
                .isEqualTo("");

        browser.click(browser.find("button.approve"));

        assertThat(HeadlessChromium.await(WAIT, () -> browser.text(browser.find("#result")).startsWith("applied")))
                .as("result line: %s", browser.text(browser.find("#result"))).isTrue();
        assertThat(ClassFingerprint.of(engine.liveClassBytes(Roster.class))).isNotEqualTo(originalFingerprint);
        assertThat(engine.state().winners().applied()).extracting(Winner::candidateId)
                .containsExactly(pending.winner().candidateId());
        assertThat(engine.state().history().latest(pending.winner().candidateId()).orElseThrow().status())
                .isEqualTo(HistoryStatus.APPLIED);
        assertThat(engine.approvals().pending()).isEmpty();
        assertThat(Roster.print(List.of("Ada", "Grace"))).isEqualTo("1. Ada\n2. Grace\n");
    }

    @Test
    @Order(5)
    void reportRendersItsChartsFromTheLiveState() throws Exception {
        browser.navigate(base + "report");

        for (String chart : List.of("#cycles-chart", "#speedup-chart", "#operators-chart")) {
            Map<?, ?> box = (Map<?, ?>) browser.execute("""
                    const svg = document.querySelector(arguments[0]);
                    if (!svg) { return null; }
                    const r = svg.getBoundingClientRect();
                    return {tag: svg.tagName, width: r.width, height: r.height,
                            shapes: svg.querySelectorAll('rect, circle, path, line').length};
                    """, chart);
            assertThat(box).as(chart).isNotNull();
            assertThat(box.get("tag")).as(chart).isEqualTo("svg");
            assertThat((Double) box.get("width")).as(chart + " rendered width").isGreaterThan(100);
            assertThat((Double) box.get("height")).as(chart + " rendered height").isGreaterThan(50);
            assertThat((Double) box.get("shapes")).as(chart + " drawn shapes").isGreaterThan(2);
        }
        // The cycle's bar and the applied winner's point are drawn, not only the axes.
        assertThat(browser.count("#cycles-chart rect.cycle")).isEqualTo(1);
        assertThat(browser.count("#speedup-chart circle.point")).isEqualTo(1);
        assertThat(browser.text(browser.find("body"))).contains(pending.winner().candidateId());
    }
}
