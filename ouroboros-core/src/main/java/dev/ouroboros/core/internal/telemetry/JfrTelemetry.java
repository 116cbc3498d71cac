package dev.ouroboros.core.internal.telemetry;

import dev.ouroboros.core.CandidateReport;
import dev.ouroboros.core.EvolutionListener;
import dev.ouroboros.core.EvolutionResult;
import dev.ouroboros.core.Winner;
import dev.ouroboros.mutation.MutationCandidate;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every marker into a JFR event and an SLF4J line; always registered by the engine.
 *
 * <p>JFR events cost nothing when no recording is running; the log lines go to the
 * {@code dev.ouroboros.telemetry} logger at INFO (per-candidate markers at DEBUG).
 */
public final class JfrTelemetry implements EvolutionListener {

    private static final Logger LOG = LoggerFactory.getLogger("dev.ouroboros.telemetry");

    @Override
    public void onCycleStart(String cycleId, Instant at) {
        CycleStartEvent e = new CycleStartEvent();
        e.cycleId = cycleId;
        e.commit();
        LOG.info("CycleStart cycle={}", cycleId);
    }

    @Override
    public void onMutationGenerated(String cycleId, MutationCandidate c) {
        MutationGeneratedEvent e = new MutationGeneratedEvent();
        e.cycleId = cycleId;
        e.candidateId = c.id();
        e.operator = c.operator();
        e.regionId = c.regionId();
        e.commit();
        LOG.debug("MutationGenerated cycle={} candidate={} operator={} region={}", cycleId, c.id(), c.operator(),
                c.regionId());
    }

    @Override
    public void onTestStarted(String cycleId, String candidateId, List<String> testClasses) {
        TestStartedEvent e = new TestStartedEvent();
        e.cycleId = cycleId;
        e.candidateId = candidateId;
        e.tests = String.join(",", testClasses);
        e.begin();
        e.commit();
        LOG.debug("TestStarted cycle={} candidate={} tests={}", cycleId, candidateId, testClasses);
    }

    @Override
    public void onTestCompleted(String cycleId, String candidateId, String outcome, String detail) {
        TestCompletedEvent e = new TestCompletedEvent();
        e.cycleId = cycleId;
        e.candidateId = candidateId;
        e.outcome = outcome;
        e.detail = detail;
        e.commit();
        LOG.debug("TestCompleted cycle={} candidate={} outcome={}", cycleId, candidateId, outcome);
    }

    @Override
    public void onCandidateEvaluated(String cycleId, CandidateReport r) {
        FitnessEvaluatedEvent e = new FitnessEvaluatedEvent();
        e.cycleId = cycleId;
        e.candidateId = r.candidateId();
        e.operator = r.operator();
        e.stage = r.stage().name();
        e.speedup = r.speedup();
        e.commit();
        LOG.info("FitnessEvaluated cycle={} candidate={} operator={} stage={} speedup={}", cycleId, r.candidateId(),
                r.operator(), r.stage(), r.speedup());
    }

    @Override
    public void onSelectionApproved(String cycleId, Winner w, String approvedBy) {
        SelectionApprovedEvent e = new SelectionApprovedEvent();
        e.cycleId = cycleId;
        e.candidateId = w.candidateId();
        e.approvedBy = approvedBy;
        e.commit();
        LOG.info("SelectionApproved cycle={} candidate={} by={}", cycleId, w.candidateId(), approvedBy);
    }

    @Override
    public void onPatchApplied(String cycleId, Winner w, long pauseNanos, Instant at) {
        PatchAppliedEvent e = new PatchAppliedEvent();
        e.cycleId = cycleId;
        e.candidateId = w.candidateId();
        e.classes = String.join(",", w.classSha256().keySet());
        e.pauseNanos = pauseNanos;
        e.commit();
        LOG.info("PatchApplied cycle={} candidate={} classes={} pauseNanos={}", cycleId, w.candidateId(),
                w.classSha256().keySet(), pauseNanos);
    }

    @Override
    public void onCycleComplete(EvolutionResult r) {
        CycleCompleteEvent e = new CycleCompleteEvent();
        e.cycleId = r.cycleId();
        e.outcome = r.outcome().name();
        e.message = r.message();
        e.candidates = r.candidates().size();
        e.commit();
        LOG.info("CycleComplete cycle={} outcome={} message={}", r.cycleId(), r.outcome(), r.message());
    }

    @Override
    public void onDreamSessionStart(long sessionId, String trigger) {
        DreamSessionStartEvent e = new DreamSessionStartEvent();
        e.sessionId = sessionId;
        e.trigger = trigger;
        e.commit();
        LOG.info("DreamSessionStart session={} trigger={}", sessionId, trigger);
    }

    @Override
    public void onDreamSessionEnd(long sessionId, String reason) {
        DreamSessionEndEvent e = new DreamSessionEndEvent();
        e.sessionId = sessionId;
        e.reason = reason;
        e.commit();
        LOG.info("DreamSessionEnd session={} reason={}", sessionId, reason);
    }

    @Override
    public void onRegressionDetected(String bundleId, String detail) {
        RegressionDetectedEvent e = new RegressionDetectedEvent();
        e.bundleId = bundleId;
        e.detail = detail;
        e.commit();
        LOG.warn("RegressionDetected bundle={} detail={}", bundleId, detail);
    }

    @Override
    public void onRollbackExecuted(String bundleId, List<String> classes, String reason) {
        RollbackExecutedEvent e = new RollbackExecutedEvent();
        e.bundleId = bundleId;
        e.classes = String.join(",", classes);
        e.reason = reason;
        e.commit();
        LOG.info("RollbackExecuted bundle={} classes={} reason={}", bundleId, classes, reason);
    }
}
