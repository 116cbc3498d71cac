package dev.ouroboros.dream;

import dev.ouroboros.dream.DreamSession.EndReason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * The scheduler driven tick by tick over a scripted machine: real session threads, a scripted clock, no sleeps.
 */
class DreamSchedulerTest {

    private static final Duration PERIOD = Duration.ofSeconds(2);
    private static final Duration IDLE = Duration.ofSeconds(30);
    private static final long WAIT_SECONDS = 10;

    private final ScriptedMetricsSource machine = ScriptedMetricsSource.create();
    private final BlockingQueue<DreamSession> started = new LinkedBlockingQueue<>();
    private final BlockingQueue<DreamSession> ended = new LinkedBlockingQueue<>();
    private final List<String> transitions = Collections.synchronizedList(new ArrayList<>());
    private DreamScheduler scheduler;

    @AfterEach
    void closeScheduler() {
        if (scheduler != null) {
            scheduler.close();
        }
    }

    private DreamScheduler schedule(DreamBudget budget, Consumer<DreamSession> work) {
        scheduler = DreamScheduler.builder()
                .source(machine)
                .period(PERIOD)
                .thresholds(IdleThresholds.builder().idleTime(IDLE).build())
                .budget(budget)
                .onSession(session -> {
                    started.add(session);
                    work.accept(session);
                })
                .onSessionEnd(ended::add)
                .onStateChange((from, to) -> transitions.add(from + "->" + to))
                .build();
        return scheduler;
    }

    private static void untilCancelled(DreamSession session) {
        try {
            session.awaitCancellation(Duration.ofSeconds(WAIT_SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Ticks every period until the scheduler starts a session, and returns it once its callback runs. */
    private DreamSession tickUntilDreaming() throws InterruptedException {
        for (int i = 0; i < 100 && scheduler.tick() != IdleState.DREAMING; i++) {
            machine.advance(PERIOD);
        }
        DreamSession session = started.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(session).as("a session callback ran").isNotNull();
        return session;
    }

    /** Waits (up to the test's wait) until the state listener has heard of {@code transition}. */
    private void awaitTransition(String transition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (!transitions.contains(transition) && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }

    private DreamSession awaitEnd() throws InterruptedException {
        DreamSession session = ended.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(session).as("a session ended").isNotNull();
        return session;
    }

    @Test
    void sessionStartsOnlyAfterTheIdleTimeAndIsCancelledOnTheSampleActivityReturns() throws InterruptedException {
        schedule(DreamBudget.defaults(), DreamSchedulerTest::untilCancelled);
        Instant quietFrom = machine.clock().instant();
        assertThat(scheduler.tick()).isEqualTo(IdleState.SETTLING);
        for (int i = 0; i < 14; i++) {
            machine.advance(PERIOD);
            assertThat(scheduler.tick()).as("after %s quiet", PERIOD.multipliedBy(i + 1)).isEqualTo(IdleState.SETTLING);
        }
        machine.advance(PERIOD);
        assertThat(scheduler.tick()).isEqualTo(IdleState.DREAMING);
        DreamSession session = started.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(session.start()).isEqualTo(quietFrom.plus(IDLE));
        assertThat(session.trigger().quietFor()).isEqualTo(IDLE);
        assertThat(session.cancellationRequested()).isFalse();

        machine.advance(PERIOD).busy();
        assertThat(scheduler.tick()).isEqualTo(IdleState.WAKING);
        assertThat(session.cancellationRequested()).as("cancelled by the very sample that saw activity").isTrue();
        assertThat(session.cancellationReason()).contains(EndReason.ACTIVITY);

        DreamSession done = awaitEnd();
        assertThat(done.endReason()).contains(EndReason.ACTIVITY);
        assertThat(scheduler.state()).isEqualTo(IdleState.ACTIVE);
        assertThat(scheduler.sessions()).containsExactly(session);
        // Listeners hear of the session's end first, then of the state change, on the session's thread.
        awaitTransition("WAKING->ACTIVE");
        assertThat(transitions).startsWith("ACTIVE->SETTLING", "SETTLING->DREAMING", "DREAMING->WAKING")
                .endsWith("WAKING->ACTIVE");
    }

    @Test
    void wallBudgetCancelsTheSessionAtItsDeadlineAndNotBefore() throws InterruptedException {
        schedule(DreamBudget.builder().sessionWallTime(Duration.ofSeconds(10)).build(), DreamSchedulerTest::untilCancelled);
        DreamSession session = tickUntilDreaming();
        for (int i = 0; i < 4; i++) {
            machine.advance(PERIOD);
            assertThat(scheduler.tick()).isEqualTo(IdleState.DREAMING);
            assertThat(session.cancellationRequested()).isFalse();
        }
        machine.advance(PERIOD);
        scheduler.tick();
        assertThat(session.cancellationReason()).contains(EndReason.BUDGET);
        assertThat(awaitEnd().wallTime()).contains(Duration.ofSeconds(10));
        assertThat(scheduler.state()).isEqualTo(IdleState.IDLE);
    }

    @Test
    void spentDailyBudgetStopsDreamingUntilTheNextDay() throws InterruptedException {
        schedule(DreamBudget.builder().sessionWallTime(Duration.ofSeconds(14)).dailyWallTime(Duration.ofSeconds(20))
                .pauseBetweenSessions(Duration.ZERO).build(), DreamSchedulerTest::untilCancelled);
        tickUntilDreaming();
        for (int i = 0; i < 7; i++) {
            machine.advance(PERIOD);
            scheduler.tick();
        }
        assertThat(awaitEnd().wallTime()).contains(Duration.ofSeconds(14));
        DreamSession second = tickUntilDreaming();
        assertThat(second.trigger().wallAllowance()).isEqualTo(Duration.ofSeconds(6));
        for (int i = 0; i < 3; i++) {
            machine.advance(PERIOD);
            scheduler.tick();
        }
        awaitEnd();
        for (int i = 0; i < 50; i++) {
            machine.advance(PERIOD);
            assertThat(scheduler.tick()).as("no budget left today").isEqualTo(IdleState.IDLE);
        }
        machine.advance(Duration.ofDays(1));
        DreamSession tomorrow = tickUntilDreaming();
        assertThat(tomorrow.trigger().wallAllowance()).isEqualTo(Duration.ofSeconds(14));
    }

    @Test
    void sessionThatCompletesOnItsOwnWaitsThePauseBeforeTheNext() throws InterruptedException {
        schedule(DreamBudget.builder().pauseBetweenSessions(Duration.ofSeconds(20)).build(), session -> { });
        DreamSession first = tickUntilDreaming();
        assertThat(awaitEnd().endReason()).contains(EndReason.COMPLETED);
        Instant endedAt = first.end().orElseThrow();
        while (machine.clock().instant().isBefore(endedAt.plusSeconds(20))) {
            machine.advance(PERIOD);
            assertThat(scheduler.tick()).isEqualTo(machine.clock().instant().isBefore(endedAt.plusSeconds(20))
                    ? IdleState.IDLE : IdleState.DREAMING);
        }
        assertThat(started.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isNotNull();
    }

    @Test
    void goingOnBatteryStopsTheSessionUnlessChargeIsAboveTheFloor() throws InterruptedException {
        schedule(DreamBudget.builder().onBatteryAbove(50).build(), DreamSchedulerTest::untilCancelled);
        DreamSession session = tickUntilDreaming();
        machine.advance(PERIOD).power(Optional.of(new PowerMetrics(true, 80)));
        assertThat(scheduler.tick()).isEqualTo(IdleState.DREAMING);
        machine.advance(PERIOD).power(Optional.of(new PowerMetrics(true, 40)));
        assertThat(scheduler.tick()).isEqualTo(IdleState.WAKING);
        assertThat(session.cancellationReason()).contains(EndReason.BATTERY);
        awaitEnd();
        for (int i = 0; i < 50; i++) {
            machine.advance(PERIOD);
            assertThat(scheduler.tick()).as("idle but on a low battery").isEqualTo(IdleState.IDLE);
        }
    }

    @Test
    void unreadableMetricsNeverStartADream() {
        schedule(DreamBudget.defaults(), DreamSchedulerTest::untilCancelled);
        machine.unreadable();
        for (int i = 0; i < 200; i++) {
            assertThat(scheduler.tick()).isEqualTo(IdleState.ACTIVE);
            machine.advance(PERIOD);
        }
        assertThat(started).isEmpty();
        assertThat(scheduler.currentSession()).isEmpty();
    }

    @Test
    void throwingSessionIsRecordedAsFailedAndDreamingGoesOn() throws InterruptedException {
        schedule(DreamBudget.builder().pauseBetweenSessions(Duration.ZERO).build(), session -> {
            throw new IllegalStateException("boom in session " + session.id());
        });
        tickUntilDreaming();
        assertThat(awaitEnd().endReason()).contains(EndReason.FAILED);
        machine.advance(PERIOD);
        tickUntilDreaming();
        assertThat(awaitEnd().id()).isEqualTo(2);
    }

    @Test
    void listenerAndSourceExceptionsNeverReachTheCaller() throws InterruptedException {
        List<Integer> calls = Collections.synchronizedList(new ArrayList<>());
        MetricsSource flaky = new MetricsSource() {
            private int n;

            @Override
            public ActivitySample sample() {
                if (++n == 3) {
                    throw new IllegalStateException("sensor gone");
                }
                return machine.sample();
            }

            @Override
            public java.time.Clock clock() {
                return machine.clock();
            }
        };
        scheduler = DreamScheduler.builder().source(flaky).period(PERIOD)
                .thresholds(IdleThresholds.builder().idleTime(IDLE).build())
                .onSession(started::add)
                .onSessionEnd(s -> {
                    ended.add(s);
                    throw new AssertionError("an Error from a listener is contained too");
                })
                .onStateChange((from, to) -> {
                    calls.add(1);
                    throw new IllegalArgumentException("listener fails on " + to);
                })
                .build();
        List<IdleState> states = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            assertThatCode(() -> states.add(scheduler.tick())).doesNotThrowAnyException();
            machine.advance(PERIOD);
        }
        assertThat(states).as("a failed sample counts as activity").contains(IdleState.ACTIVE);
        assertThat(calls).isNotEmpty();
        assertThat(started.poll(WAIT_SECONDS, TimeUnit.SECONDS)).as("dreams despite failing listeners").isNotNull();
        assertThat(ended.poll(WAIT_SECONDS, TimeUnit.SECONDS)).as("the session ended normally").isNotNull();
        assertThat(scheduler.sessions()).isNotEmpty()
                .allSatisfy(done -> assertThat(done.endReason()).contains(EndReason.COMPLETED));
    }

    @Test
    void closeAsksTheRunningSessionToStopForShutdown() throws InterruptedException {
        schedule(DreamBudget.defaults(), DreamSchedulerTest::untilCancelled);
        DreamSession session = tickUntilDreaming();
        scheduler.close();
        assertThat(session.cancellationReason()).contains(EndReason.SHUTDOWN);
        assertThat(awaitEnd().endReason()).contains(EndReason.SHUTDOWN);
        assertThat(scheduler.tick()).as("a closed scheduler starts nothing").isNotEqualTo(IdleState.DREAMING);
    }

    @Test
    void startedSchedulerSamplesOnItsOwnThreadUntilClosed() throws InterruptedException {
        scheduler = DreamScheduler.builder().source(machine).period(Duration.ofMillis(100))
                .onSession(DreamSchedulerTest::untilCancelled).build();
        scheduler.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (machine.samplesTaken() < 3 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(machine.samplesTaken()).isGreaterThanOrEqualTo(3);
        scheduler.close();
        long afterClose = machine.samplesTaken();
        TimeUnit.MILLISECONDS.sleep(300);
        assertThat(machine.samplesTaken()).as("no sampling after close").isLessThanOrEqualTo(afterClose + 1);
    }
}
