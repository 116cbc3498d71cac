package dev.ouroboros.core.internal.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ouroboros.core.CandidateReport;
import dev.ouroboros.core.CandidateStage;
import dev.ouroboros.core.EvolutionOutcome;
import dev.ouroboros.core.EvolutionResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LiveCycleViewTest {

    private final LiveCycleView view = new LiveCycleView(Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC));

    @Test
    void gatesCountWhatReachedAndPassedEachStageAndTheBestSpeedup() {
        view.onCycleStart("c1", Instant.EPOCH);
        view.onTargetChosen("c1", "a.B#m()", "configured target");
        List<CandidateReport> reports = List.of(report("1", CandidateStage.COMPILE_FAILED, Double.NaN),
                report("2", CandidateStage.NOT_REDEFINABLE, Double.NaN), report("3", CandidateStage.TESTS_FAILED, Double.NaN),
                report("4", CandidateStage.SANDBOX_FAILED, Double.NaN), report("5", CandidateStage.NOT_FASTER, 1.05),
                report("6", CandidateStage.FASTER, 1.8), report("7", CandidateStage.FASTER, 1.4));
        reports.forEach(r -> view.onCandidateEvaluated("c1", r));

        Map<String, Object> s = view.snapshot();

        assertThat(s.get("phase")).isEqualTo("running a cycle");
        Map<?, ?> cycle = (Map<?, ?>) s.get("cycle");
        assertThat(cycle.get("region")).isEqualTo("a.B#m()");
        assertThat(cycle.get("bestSpeedup")).isEqualTo(1.8);
        assertThat(JsonText.write(cycle.get("gates"))).isEqualTo("[{\"gate\":\"compile\",\"reached\":7,\"passed\":6},"
                + "{\"gate\":\"redefinable\",\"reached\":6,\"passed\":5},"
                + "{\"gate\":\"tests in sandbox\",\"reached\":5,\"passed\":3},"
                + "{\"gate\":\"faster\",\"reached\":3,\"passed\":2}]");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aFinishedCycleIsKeptUntilTheNextStartsAndEventsAreNewestFirst() {
        view.onCycleStart("c1", Instant.EPOCH);
        view.onCycleComplete(new EvolutionResult("c1", EvolutionOutcome.NO_IMPROVEMENT, "nothing faster", List.of(),
                List.of(), Optional.empty(), Duration.ofMillis(2500), Map.of()));

        Map<String, Object> done = view.snapshot();
        assertThat(done.get("phase")).isEqualTo("idle");
        assertThat(done.get("cyclesCompleted")).isEqualTo(1);
        assertThat((Map<String, Object>) done.get("cycle")).containsEntry("running", false).containsEntry("outcome", "NO_IMPROVEMENT")
                .containsEntry("seconds", 2.5);
        assertThat(JsonText.write(done.get("events"))).startsWith("[{\"at\":\"2026-01-02T03:04:05Z\","
                + "\"text\":\"cycle c1 ended NO_IMPROVEMENT: nothing faster\"}");

        view.onDreamSessionStart(7, "idle");
        assertThat(view.snapshot().get("phase")).isEqualTo("dreaming, between cycles");
        view.onCycleStart("c2", Instant.EPOCH);
        assertThat((Map<String, Object>) view.snapshot().get("cycle")).containsEntry("id", "c2").containsEntry("outcome", "");
    }

    @Test
    void jsonTextCannotCloseAScriptOrBreakAString() {
        assertThat(JsonText.write(Map.of("d", "</script><b a=\"x\">&\n\u2028")))
                .isEqualTo("{\"d\":\"\\u003c/script\\u003e\\u003cb a=\\\"x\\\"\\u003e\\u0026\\n\\u2028\"}");
        assertThat(JsonText.write(List.of(Double.NaN, 1.5, 3))).isEqualTo("[null,1.5000,3]");
        assertThat(Html.escape("<a href='x'>\"&\"</a>")).isEqualTo("&lt;a href=&#39;x&#39;&gt;&quot;&amp;&quot;&lt;/a&gt;");
    }

    private static CandidateReport report(String id, CandidateStage stage, double speedup) {
        return new CandidateReport(id, "op", stage, "", speedup);
    }
}
