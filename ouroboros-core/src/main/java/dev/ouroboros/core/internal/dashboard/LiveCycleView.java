package dev.ouroboros.core.internal.dashboard;

import dev.ouroboros.core.CandidateReport;
import dev.ouroboros.core.CandidateStage;
import dev.ouroboros.core.EvolutionListener;
import dev.ouroboros.core.EvolutionResult;
import dev.ouroboros.core.Winner;
import dev.ouroboros.mutation.MutationCandidate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Follows the engine's markers and keeps what the dashboard's live cycle view shows: whether a cycle runs,
 * the current (or last) cycle's candidates per gate and best speed-up, and the latest events.
 *
 * <p>Listener calls come from the engine's thread, snapshots from the HTTP threads; both hold the
 * view's lock only for a few field reads or writes.
 */
public final class LiveCycleView implements EvolutionListener {

    private static final int EVENTS_KEPT = 30;

    private final Clock clock;
    private final Deque<Map<String, Object>> events = new ArrayDeque<>();
    private boolean running;
    private boolean dreaming;
    private int cyclesCompleted;
    private String cycleId;
    private Instant cycleStartedAt;
    private String region = "";
    private String why = "";
    private int generated;
    private final EnumMap<CandidateStage, Integer> stages = new EnumMap<>(CandidateStage.class);
    private double bestSpeedup = Double.NaN;
    private String outcome = "";
    private String message = "";
    private Duration duration;

    public LiveCycleView(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized void onCycleStart(String id, Instant at) {
        running = true;
        cycleId = id;
        cycleStartedAt = at;
        region = "";
        why = "";
        generated = 0;
        stages.clear();
        bestSpeedup = Double.NaN;
        outcome = "";
        message = "";
        duration = null;
        event("cycle " + id + " started");
    }

    @Override
    public synchronized void onTargetChosen(String id, String regionId, String reason) {
        region = regionId;
        why = reason;
        event("target " + regionId + " (" + reason + ")");
    }

    @Override
    public synchronized void onMutationGenerated(String id, MutationCandidate candidate) {
        generated++;
    }

    @Override
    public synchronized void onCandidateEvaluated(String id, CandidateReport report) {
        stages.merge(report.stage(), 1, Integer::sum);
        if (!Double.isNaN(report.speedup()) && (Double.isNaN(bestSpeedup) || report.speedup() > bestSpeedup)) {
            bestSpeedup = report.speedup();
        }
    }

    @Override
    public synchronized void onSelectionApproved(String id, Winner winner, String approvedBy) {
        event("winner " + winner.candidateId() + " approved by " + approvedBy);
    }

    @Override
    public synchronized void onPatchApplied(String id, Winner winner, long pauseNanos, Instant at) {
        event(String.format(Locale.ROOT, "patch %s applied to %s (%.2fx, pause %.2f ms)", winner.candidateId(),
                winner.regionId(), winner.speedup(), pauseNanos / 1e6));
    }

    @Override
    public synchronized void onCycleComplete(EvolutionResult result) {
        running = false;
        cyclesCompleted++;
        cycleId = result.cycleId();
        outcome = result.outcome().name();
        message = result.message();
        duration = result.duration();
        event("cycle " + result.cycleId() + " ended " + outcome + ": " + message);
    }

    @Override
    public synchronized void onDreamSessionStart(long sessionId, String trigger) {
        dreaming = true;
        event("dream session " + sessionId + " started (" + trigger + ")");
    }

    @Override
    public synchronized void onDreamSessionEnd(long sessionId, String reason) {
        dreaming = false;
        event("dream session " + sessionId + " ended (" + reason + ")");
    }

    @Override
    public synchronized void onRegressionDetected(String bundleId, String detail) {
        event("regression in " + bundleId + ": " + detail);
    }

    @Override
    public synchronized void onRollbackExecuted(String bundleId, List<String> classes, String reason) {
        event("rolled back " + bundleId + " " + classes + " (" + reason + ")");
    }

    /** Returns the view as the JSON object of {@code /api/status} (without the pending count). */
    synchronized Map<String, Object> snapshot() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("phase", running ? "running a cycle" : dreaming ? "dreaming, between cycles" : "idle");
        out.put("cyclesCompleted", cyclesCompleted);
        if (cycleId != null) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("id", cycleId);
            c.put("running", running);
            c.put("startedAt", cycleStartedAt == null ? null : cycleStartedAt.toString());
            c.put("region", region);
            c.put("why", why);
            c.put("generated", generated);
            c.put("gates", gates());
            c.put("bestSpeedup", bestSpeedup);
            c.put("outcome", outcome);
            c.put("message", message);
            c.put("seconds", duration == null ? null : duration.toMillis() / 1000.0);
            out.put("cycle", c);
        }
        out.put("events", new ArrayList<>(events));
        return out;
    }

    /** Each gate in cascade order, with how many candidates reached it and how many passed it. */
    private List<Map<String, Object>> gates() {
        int evaluated = stages.values().stream().mapToInt(Integer::intValue).sum();
        int compiled = evaluated - count(CandidateStage.COMPILE_FAILED);
        int redefinable = compiled - count(CandidateStage.NOT_REDEFINABLE);
        int tested = redefinable - count(CandidateStage.TESTS_FAILED) - count(CandidateStage.SANDBOX_FAILED);
        int faster = count(CandidateStage.FASTER);
        List<Map<String, Object>> gates = new ArrayList<>();
        gates.add(gate("compile", evaluated, compiled));
        gates.add(gate("redefinable", compiled, redefinable));
        gates.add(gate("tests in sandbox", redefinable, tested));
        gates.add(gate("faster", tested, faster));
        return gates;
    }

    private int count(CandidateStage stage) {
        return stages.getOrDefault(stage, 0);
    }

    private static Map<String, Object> gate(String name, int reached, int passed) {
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("gate", name);
        g.put("reached", reached);
        g.put("passed", passed);
        return g;
    }

    private void event(String text) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("at", clock.instant().toString());
        e.put("text", text);
        events.addFirst(e);
        while (events.size() > EVENTS_KEPT) {
            events.removeLast();
        }
    }
}
