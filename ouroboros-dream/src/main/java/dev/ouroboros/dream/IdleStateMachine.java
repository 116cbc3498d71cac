package dev.ouroboros.dream;

import dev.ouroboros.dream.DreamSession.EndReason;
import dev.ouroboros.dream.internal.DayLedger;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The idle state machine and the budget decisions, free of threads and clocks so that every decision the
 * scheduler makes can be replayed and property-tested.
 *
 * <p>Quiet is tracked from the first quiet sample after the last sample that was not quiet; a gap of more
 * than three periods between samples (a suspended machine, a stalled host) restarts it. A running session is
 * given a cancellation deadline that is strict for its budget: the wall deadline, and the time by which its
 * workers could use the rest of the CPU allowance if they kept every available core busy.
 */
final class IdleStateMachine {

    enum Action { NONE, START, CANCEL }

    /** The outcome of one event: the state after it, what the scheduler must do, and when to sample next. */
    record Step(IdleState state, Action action, DreamTrigger trigger, EndReason reason, Instant nextSampleAt,
                Optional<ActivityJudge.Over> activity) {
    }

    private final IdleThresholds thresholds;
    private final DreamBudget budget;
    private final Duration period;
    private final Duration maxGap;
    private final Duration minSlice;
    private final ZoneId zone;
    private final DayLedger ledger;

    private IdleState state = IdleState.ACTIVE;
    private Instant lastSampleAt;
    private Instant quietSince;
    private Instant earliestStart = Instant.MIN;
    private Running running;

    IdleStateMachine(IdleThresholds thresholds, DreamBudget budget, Duration period, ZoneId zone) {
        this.thresholds = thresholds;
        this.budget = budget;
        this.period = period;
        this.maxGap = period.multipliedBy(3);
        this.minSlice = period.dividedBy(20);
        this.zone = zone;
        this.ledger = new DayLedger(budget.dailyWallTime(), budget.dailyCpuTime());
    }

    IdleState state() {
        return state;
    }

    DayLedger ledger() {
        return ledger;
    }

    /**
     * Feeds one sample.
     *
     * @param dreamLoad  the dream workers' CPU since the previous sample, as a fraction of capacity
     * @param sessionCpu CPU time the running session's workers used so far, zero when none runs
     */
    Step onSample(ActivitySample sample, double dreamLoad, Duration sessionCpu) {
        Instant now = sample.at();
        Optional<ActivityJudge.Over> over = ActivityJudge.overThreshold(thresholds, sample, dreamLoad);
        boolean quiet = over.isEmpty();
        boolean gap = lastSampleAt != null
                && (now.isBefore(lastSampleAt) || Duration.between(lastSampleAt, now).compareTo(maxGap) > 0);
        if (!quiet) {
            quietSince = null;
        } else if (quietSince == null || gap) {
            quietSince = now;
        }
        lastSampleAt = now;
        Instant next = now.plus(period);
        if (running != null) {
            return whileRunning(sample, now, quiet, over, sessionCpu, next);
        }
        state = settledState(now);
        if (state == IdleState.IDLE && budget.allowsPower(sample.power()) && !now.isBefore(earliestStart)) {
            DayLedger.Allowance a = ledger.grant(day(now), budget.sessionWallTime(), budget.sessionCpuTime());
            double cores = sample.cpu().capacityCores();
            if (a.wall().compareTo(period) >= 0 && cpuSpan(a.cpu(), cores).compareTo(minSlice) >= 0) {
                running = new Running(now, day(now), a);
                state = IdleState.DREAMING;
                DreamTrigger trigger = new DreamTrigger(now, Duration.between(quietSince, now), a.wall(), a.cpu(), sample);
                return new Step(state, Action.START, trigger, null, earliest(next, running.cancelAt(now, Duration.ZERO, cores)), over);
            }
        }
        return new Step(state, Action.NONE, null, null, next, over);
    }

    private Step whileRunning(ActivitySample sample, Instant now, boolean quiet, Optional<ActivityJudge.Over> over,
                              Duration sessionCpu, Instant next) {
        if (running.reason != null) {
            state = IdleState.WAKING;
            return new Step(state, Action.NONE, null, null, next, over);
        }
        EndReason reason = null;
        Instant cancelAt = now;
        if (!quiet) {
            reason = EndReason.ACTIVITY;
        } else if (!budget.allowsPower(sample.power())) {
            reason = EndReason.BATTERY;
        } else {
            cancelAt = running.cancelAt(now, sessionCpu, sample.cpu().capacityCores());
            if (Duration.between(now, cancelAt).compareTo(minSlice) < 0) {
                reason = EndReason.BUDGET;
            }
        }
        if (reason != null) {
            running.reason = reason;
            state = IdleState.WAKING;
            return new Step(state, Action.CANCEL, null, reason, next, over);
        }
        state = IdleState.DREAMING;
        return new Step(state, Action.NONE, null, null, earliest(next, cancelAt), over);
    }

    /** Asks the running session to stop for {@code reason}; returns false when none runs or it was already asked. */
    boolean cancel(EndReason reason) {
        if (running == null || running.reason != null) {
            return false;
        }
        running.reason = reason;
        state = IdleState.WAKING;
        return true;
    }

    /**
     * Records that the running session's callback returned, charges its use to its day, and returns why it ended.
     */
    EndReason onSessionEnded(Instant now, Duration cpu, boolean failed) {
        if (running == null) {
            throw new IllegalStateException("no session is running");
        }
        EndReason reason = running.reason != null ? running.reason : failed ? EndReason.FAILED : EndReason.COMPLETED;
        Duration wall = now.isBefore(running.start) ? Duration.ZERO : Duration.between(running.start, now);
        ledger.charge(running.day, wall, cpu);
        earliestStart = reason == EndReason.ACTIVITY ? Instant.MIN : now.plus(budget.pauseBetweenSessions());
        running = null;
        state = lastSampleAt == null ? IdleState.ACTIVE : settledState(lastSampleAt);
        return reason;
    }

    private IdleState settledState(Instant now) {
        if (quietSince == null) {
            return IdleState.ACTIVE;
        }
        return Duration.between(quietSince, now).compareTo(thresholds.idleTime()) >= 0 ? IdleState.IDLE : IdleState.SETTLING;
    }

    private LocalDate day(Instant t) {
        return LocalDate.ofInstant(t, zone);
    }

    private static Duration cpuSpan(Duration cpu, double cores) {
        return Duration.ofNanos((long) (cpu.toNanos() / cores));
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static final class Running {
        final Instant start;
        final LocalDate day;
        final DayLedger.Allowance allowance;
        EndReason reason;

        Running(Instant start, LocalDate day, DayLedger.Allowance allowance) {
            this.start = start;
            this.day = day;
            this.allowance = allowance;
        }

        /** The latest time to cancel so that neither the wall nor the CPU allowance can be exceeded. */
        Instant cancelAt(Instant now, Duration used, double cores) {
            Instant wallDeadline = start.plus(allowance.wall());
            Duration headroom = allowance.cpu().minus(used);
            if (headroom.isNegative() || headroom.isZero() || !(cores > 0)) {
                return now;
            }
            return earliest(wallDeadline, now.plus(cpuSpan(headroom, cores)));
        }
    }
}
