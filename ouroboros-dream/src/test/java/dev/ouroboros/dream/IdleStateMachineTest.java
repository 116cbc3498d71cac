package dev.ouroboros.dream;

import dev.ouroboros.dream.DreamSession.EndReason;
import dev.ouroboros.dream.IdleStateMachine.Action;
import dev.ouroboros.dream.IdleStateMachine.Step;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Worked examples of the idle state machine's timing rules that the properties only cover in bulk.
 */
class IdleStateMachineTest {

    private static final Duration PERIOD = Duration.ofSeconds(2);
    private static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");
    private static final IdleThresholds THIRTY_SECONDS = IdleThresholds.builder().idleTime(Duration.ofSeconds(30)).build();

    private static ActivitySample quiet(Instant at) {
        return new ActivitySample(at, new CpuMetrics(0.01, 0, 2), MemoryMetrics.ofFraction(0.3), new IoMetrics(0, 0),
                Optional.empty());
    }

    private static ActivitySample busy(Instant at) {
        return new ActivitySample(at, new CpuMetrics(0.5, 0, 2), MemoryMetrics.ofFraction(0.3), new IoMetrics(0, 0),
                Optional.empty());
    }

    private static IdleStateMachine machine(DreamBudget budget) {
        return new IdleStateMachine(THIRTY_SECONDS, budget, PERIOD, ZoneOffset.UTC);
    }

    @Test
    void oneBusySampleStartsTheIdleTimeOver() {
        IdleStateMachine m = machine(DreamBudget.defaults());
        for (int s = 0; s <= 28; s += 2) {
            assertThat(m.onSample(quiet(T0.plusSeconds(s)), 0, Duration.ZERO).state()).isEqualTo(IdleState.SETTLING);
        }
        assertThat(m.onSample(busy(T0.plusSeconds(30)), 0, Duration.ZERO).state()).isEqualTo(IdleState.ACTIVE);
        for (int s = 32; s < 62; s += 2) {
            assertThat(m.onSample(quiet(T0.plusSeconds(s)), 0, Duration.ZERO).state()).isEqualTo(IdleState.SETTLING);
        }
        assertThat(m.onSample(quiet(T0.plusSeconds(62)), 0, Duration.ZERO).action()).isEqualTo(Action.START);
    }

    @Test
    void aGapOfMoreThanThreePeriodsStartsTheIdleTimeOver() {
        IdleStateMachine m = machine(DreamBudget.defaults());
        m.onSample(quiet(T0), 0, Duration.ZERO);
        m.onSample(quiet(T0.plusSeconds(6)), 0, Duration.ZERO);
        assertThat(m.onSample(quiet(T0.plusSeconds(40)), 0, Duration.ZERO).state())
                .as("34 s without samples proves nothing about those 34 s").isEqualTo(IdleState.SETTLING);
        for (int s = 42; s < 70; s += 2) {
            assertThat(m.onSample(quiet(T0.plusSeconds(s)), 0, Duration.ZERO).state()).isEqualTo(IdleState.SETTLING);
        }
        assertThat(m.onSample(quiet(T0.plusSeconds(70)), 0, Duration.ZERO).state()).isEqualTo(IdleState.DREAMING);
    }

    @Test
    void dreamWorkersOwnCpuIsNotActivity() {
        IdleStateMachine m = machine(DreamBudget.defaults());
        ActivitySample halfBusy = busy(T0);
        assertThat(m.onSample(halfBusy, 0.48, Duration.ZERO).state()).isEqualTo(IdleState.SETTLING);
        assertThat(m.onSample(busy(T0.plusSeconds(2)), 0.40, Duration.ZERO).state()).isEqualTo(IdleState.ACTIVE);
    }

    @Test
    void lowCpuHeadroomBringsTheNextSampleForwardAndThenCancels() {
        IdleStateMachine m = machine(DreamBudget.builder().sessionCpuTime(Duration.ofSeconds(10)).build());
        for (int s = 0; s < 30; s += 2) {
            m.onSample(quiet(T0.plusSeconds(s)), 0, Duration.ZERO);
        }
        Step start = m.onSample(quiet(T0.plusSeconds(30)), 0, Duration.ZERO);
        assertThat(start.action()).isEqualTo(Action.START);
        assertThat(start.nextSampleAt()).isEqualTo(T0.plusSeconds(32));
        Step low = m.onSample(quiet(T0.plusSeconds(32)), 0, Duration.ofSeconds(9));
        assertThat(low.state()).isEqualTo(IdleState.DREAMING);
        assertThat(low.nextSampleAt()).as("1 s of CPU left, 2 cores: at most 0.5 s away")
                .isEqualTo(T0.plusSeconds(32).plusMillis(500));
        Step spent = m.onSample(quiet(T0.plusSeconds(32).plusMillis(500)), 0, Duration.ofSeconds(10));
        assertThat(spent.action()).isEqualTo(Action.CANCEL);
        assertThat(spent.reason()).isEqualTo(EndReason.BUDGET);
        assertThat(m.onSessionEnded(T0.plusSeconds(33), Duration.ofSeconds(10), false)).isEqualTo(EndReason.BUDGET);
        assertThat(m.ledger().cpuUsed(T0.atZone(ZoneOffset.UTC).toLocalDate())).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void cancellingTwiceOrWithoutASessionChangesNothing() {
        IdleStateMachine m = machine(DreamBudget.defaults());
        assertThat(m.cancel(EndReason.SHUTDOWN)).isFalse();
        for (int s = 0; s <= 30; s += 2) {
            m.onSample(quiet(T0.plusSeconds(s)), 0, Duration.ZERO);
        }
        assertThat(m.state()).isEqualTo(IdleState.DREAMING);
        assertThat(m.cancel(EndReason.SHUTDOWN)).isTrue();
        assertThat(m.cancel(EndReason.ACTIVITY)).isFalse();
        assertThat(m.state()).isEqualTo(IdleState.WAKING);
        assertThat(m.onSessionEnded(T0.plusSeconds(31), Duration.ZERO, false)).isEqualTo(EndReason.SHUTDOWN);
    }
}
